# generated — do not edit: source forms/intake.ui, regenerate with `python scripts/gen_forms.py`
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'intake.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, QSize, Qt
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QFormLayout, QFrame,
    QGridLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton,
    QScrollArea, QSizePolicy, QSpacerItem, QTableWidget, QVBoxLayout, QWidget)

from hexie_desktop.ui.widgets.dates import DateEdit

class Ui_IntakeScreen(object):
    def setupUi(self, IntakeScreen):
        if not IntakeScreen.objectName():
            IntakeScreen.setObjectName(u"IntakeScreen")
        IntakeScreen.resize(1200, 900)
        self.mainLayout = QVBoxLayout(IntakeScreen)
        self.mainLayout.setObjectName(u"mainLayout")
        self.headerLayout = QHBoxLayout()
        self.headerLayout.setObjectName(u"headerLayout")
        self.titleLabel = QLabel(IntakeScreen)
        self.titleLabel.setObjectName(u"titleLabel")

        self.headerLayout.addWidget(self.titleLabel)

        self.openSavedButton = QPushButton(IntakeScreen)
        self.openSavedButton.setObjectName(u"openSavedButton")
        self.openSavedButton.setAutoDefault(True)

        self.headerLayout.addWidget(self.openSavedButton)

        self.headerSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.headerLayout.addItem(self.headerSpacer)

        self.clearButton = QPushButton(IntakeScreen)
        self.clearButton.setObjectName(u"clearButton")
        self.clearButton.setAutoDefault(False)

        self.headerLayout.addWidget(self.clearButton)

        self.saveButton = QPushButton(IntakeScreen)
        self.saveButton.setObjectName(u"saveButton")
        self.saveButton.setAutoDefault(False)

        self.headerLayout.addWidget(self.saveButton)


        self.mainLayout.addLayout(self.headerLayout)

        self.savedLabel = QLabel(IntakeScreen)
        self.savedLabel.setObjectName(u"savedLabel")
        self.savedLabel.setWordWrap(True)
        self.savedLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.mainLayout.addWidget(self.savedLabel)

        self.errorLabel = QLabel(IntakeScreen)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.mainLayout.addWidget(self.errorLabel)

        self.scroll = QScrollArea(IntakeScreen)
        self.scroll.setObjectName(u"scroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.NoFrame)
        self.body = QWidget()
        self.body.setObjectName(u"body")
        self.bodyLayout = QVBoxLayout(self.body)
        self.bodyLayout.setObjectName(u"bodyLayout")
        self.basicGroup = QGroupBox(self.body)
        self.basicGroup.setObjectName(u"basicGroup")
        self.basicLayout = QGridLayout(self.basicGroup)
        self.basicLayout.setObjectName(u"basicLayout")
        self.receivedLabel = QLabel(self.basicGroup)
        self.receivedLabel.setObjectName(u"receivedLabel")

        self.basicLayout.addWidget(self.receivedLabel, 0, 0, 1, 1)

        self.receivedOn = DateEdit(self.basicGroup)
        self.receivedOn.setObjectName(u"receivedOn")

        self.basicLayout.addWidget(self.receivedOn, 0, 1, 1, 1)

        self.sourceLabel = QLabel(self.basicGroup)
        self.sourceLabel.setObjectName(u"sourceLabel")

        self.basicLayout.addWidget(self.sourceLabel, 0, 2, 1, 1)

        self.source = QComboBox(self.basicGroup)
        self.source.setObjectName(u"source")

        self.basicLayout.addWidget(self.source, 0, 3, 1, 1)

        self.knownLabel = QLabel(self.basicGroup)
        self.knownLabel.setObjectName(u"knownLabel")

        self.basicLayout.addWidget(self.knownLabel, 0, 4, 1, 1)

        self.knownOn = DateEdit(self.basicGroup)
        self.knownOn.setObjectName(u"knownOn")

        self.basicLayout.addWidget(self.knownOn, 0, 5, 1, 1)

        self.applicantSideLabel = QLabel(self.basicGroup)
        self.applicantSideLabel.setObjectName(u"applicantSideLabel")

        self.basicLayout.addWidget(self.applicantSideLabel, 2, 0, 1, 1)

        self.applicantSide = QComboBox(self.basicGroup)
        self.applicantSide.setObjectName(u"applicantSide")

        self.basicLayout.addWidget(self.applicantSide, 2, 1, 1, 1)

        self.applicantSideHint = QLabel(self.basicGroup)
        self.applicantSideHint.setObjectName(u"applicantSideHint")
        self.applicantSideHint.setWordWrap(True)

        self.basicLayout.addWidget(self.applicantSideHint, 2, 2, 1, 4)

        self.limitationLabel = QLabel(self.basicGroup)
        self.limitationLabel.setObjectName(u"limitationLabel")
        self.limitationLabel.setWordWrap(True)

        self.basicLayout.addWidget(self.limitationLabel, 1, 0, 1, 6)


        self.bodyLayout.addWidget(self.basicGroup)

        self.applicantsGroup = QGroupBox(self.body)
        self.applicantsGroup.setObjectName(u"applicantsGroup")
        self.applicantsLayout = QVBoxLayout(self.applicantsGroup)
        self.applicantsLayout.setObjectName(u"applicantsLayout")
        self.applicantEntryLayout = QHBoxLayout()
        self.applicantEntryLayout.setObjectName(u"applicantEntryLayout")
        self.nameLabel = QLabel(self.applicantsGroup)
        self.nameLabel.setObjectName(u"nameLabel")

        self.applicantEntryLayout.addWidget(self.nameLabel)

        self.name = QLineEdit(self.applicantsGroup)
        self.name.setObjectName(u"name")
        self.name.setMaximumSize(QSize(110, 16777215))

        self.applicantEntryLayout.addWidget(self.name)

        self.idType = QComboBox(self.applicantsGroup)
        self.idType.setObjectName(u"idType")

        self.applicantEntryLayout.addWidget(self.idType)

        self.idNumber = QLineEdit(self.applicantsGroup)
        self.idNumber.setObjectName(u"idNumber")
        self.idNumber.setMinimumSize(QSize(170, 0))

        self.applicantEntryLayout.addWidget(self.idNumber)

        self.phone = QLineEdit(self.applicantsGroup)
        self.phone.setObjectName(u"phone")
        self.phone.setMaximumSize(QSize(130, 16777215))

        self.applicantEntryLayout.addWidget(self.phone)

        self.address = QLineEdit(self.applicantsGroup)
        self.address.setObjectName(u"address")

        self.applicantEntryLayout.addWidget(self.address)

        self.representative = QCheckBox(self.applicantsGroup)
        self.representative.setObjectName(u"representative")

        self.applicantEntryLayout.addWidget(self.representative)

        self.addApplicantButton = QPushButton(self.applicantsGroup)
        self.addApplicantButton.setObjectName(u"addApplicantButton")
        self.addApplicantButton.setAutoDefault(False)

        self.applicantEntryLayout.addWidget(self.addApplicantButton)


        self.applicantsLayout.addLayout(self.applicantEntryLayout)

        self.idHintLabel = QLabel(self.applicantsGroup)
        self.idHintLabel.setObjectName(u"idHintLabel")

        self.applicantsLayout.addWidget(self.idHintLabel)

        self.applicantsTable = QTableWidget(self.applicantsGroup)
        self.applicantsTable.setObjectName(u"applicantsTable")
        self.applicantsTable.setMinimumSize(QSize(0, 110))
        self.applicantsTable.setMaximumSize(QSize(16777215, 160))
        self.applicantsTable.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.applicantsTable.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.applicantsTable.setSelectionMode(QAbstractItemView.SingleSelection)
        self.applicantsTable.setTabKeyNavigation(False)

        self.applicantsLayout.addWidget(self.applicantsTable)

        self.applicantButtons = QHBoxLayout()
        self.applicantButtons.setObjectName(u"applicantButtons")
        self.editApplicantButton = QPushButton(self.applicantsGroup)
        self.editApplicantButton.setObjectName(u"editApplicantButton")
        self.editApplicantButton.setAutoDefault(False)

        self.applicantButtons.addWidget(self.editApplicantButton)

        self.removeApplicantButton = QPushButton(self.applicantsGroup)
        self.removeApplicantButton.setObjectName(u"removeApplicantButton")
        self.removeApplicantButton.setAutoDefault(False)

        self.applicantButtons.addWidget(self.removeApplicantButton)

        self.pasteButton = QPushButton(self.applicantsGroup)
        self.pasteButton.setObjectName(u"pasteButton")
        self.pasteButton.setAutoDefault(False)

        self.applicantButtons.addWidget(self.pasteButton)

        self.applicantSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.applicantButtons.addItem(self.applicantSpacer)

        self.collectiveLabel = QLabel(self.applicantsGroup)
        self.collectiveLabel.setObjectName(u"collectiveLabel")

        self.applicantButtons.addWidget(self.collectiveLabel)


        self.applicantsLayout.addLayout(self.applicantButtons)


        self.bodyLayout.addWidget(self.applicantsGroup)

        self.middleLayout = QHBoxLayout()
        self.middleLayout.setObjectName(u"middleLayout")
        self.respondentGroup = QGroupBox(self.body)
        self.respondentGroup.setObjectName(u"respondentGroup")
        self.respondentLayout = QFormLayout(self.respondentGroup)
        self.respondentLayout.setObjectName(u"respondentLayout")
        self.respondentLayout.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.respondentNameLabel = QLabel(self.respondentGroup)
        self.respondentNameLabel.setObjectName(u"respondentNameLabel")

        self.respondentLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.respondentNameLabel)

        self.respondentName = QLineEdit(self.respondentGroup)
        self.respondentName.setObjectName(u"respondentName")

        self.respondentLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.respondentName)

        self.creditCodeLabel = QLabel(self.respondentGroup)
        self.creditCodeLabel.setObjectName(u"creditCodeLabel")

        self.respondentLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.creditCodeLabel)

        self.creditCode = QLineEdit(self.respondentGroup)
        self.creditCode.setObjectName(u"creditCode")

        self.respondentLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.creditCode)

        self.legalRepLabel = QLabel(self.respondentGroup)
        self.legalRepLabel.setObjectName(u"legalRepLabel")

        self.respondentLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.legalRepLabel)

        self.legalRep = QLineEdit(self.respondentGroup)
        self.legalRep.setObjectName(u"legalRep")

        self.respondentLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.legalRep)

        self.respondentPhoneLabel = QLabel(self.respondentGroup)
        self.respondentPhoneLabel.setObjectName(u"respondentPhoneLabel")

        self.respondentLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.respondentPhoneLabel)

        self.respondentPhone = QLineEdit(self.respondentGroup)
        self.respondentPhone.setObjectName(u"respondentPhone")

        self.respondentLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.respondentPhone)

        self.respondentAddressLabel = QLabel(self.respondentGroup)
        self.respondentAddressLabel.setObjectName(u"respondentAddressLabel")

        self.respondentLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.respondentAddressLabel)

        self.respondentAddress = QLineEdit(self.respondentGroup)
        self.respondentAddress.setObjectName(u"respondentAddress")

        self.respondentLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.respondentAddress)

        self.employerTypeLabel = QLabel(self.respondentGroup)
        self.employerTypeLabel.setObjectName(u"employerTypeLabel")

        self.respondentLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.employerTypeLabel)

        self.employerType = QComboBox(self.respondentGroup)
        self.employerType.setObjectName(u"employerType")

        self.respondentLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.employerType)

        self.industryLabel = QLabel(self.respondentGroup)
        self.industryLabel.setObjectName(u"industryLabel")

        self.respondentLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.industryLabel)

        self.industry = QComboBox(self.respondentGroup)
        self.industry.setObjectName(u"industry")
        self.industry.setEditable(True)

        self.respondentLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.industry)

        self.respondentHint = QLabel(self.respondentGroup)
        self.respondentHint.setObjectName(u"respondentHint")
        self.respondentHint.setWordWrap(True)

        self.respondentLayout.setWidget(7, QFormLayout.ItemRole.SpanningRole, self.respondentHint)


        self.middleLayout.addWidget(self.respondentGroup)

        self.claimsGroup = QGroupBox(self.body)
        self.claimsGroup.setObjectName(u"claimsGroup")
        self.claimsLayout = QVBoxLayout(self.claimsGroup)
        self.claimsLayout.setObjectName(u"claimsLayout")
        self.claimEntryLayout = QHBoxLayout()
        self.claimEntryLayout.setObjectName(u"claimEntryLayout")
        self.claimCategoryLabel = QLabel(self.claimsGroup)
        self.claimCategoryLabel.setObjectName(u"claimCategoryLabel")

        self.claimEntryLayout.addWidget(self.claimCategoryLabel)

        self.claimCategory = QComboBox(self.claimsGroup)
        self.claimCategory.setObjectName(u"claimCategory")

        self.claimEntryLayout.addWidget(self.claimCategory)

        self.claimAmount = QLineEdit(self.claimsGroup)
        self.claimAmount.setObjectName(u"claimAmount")
        self.claimAmount.setMaximumSize(QSize(110, 16777215))

        self.claimEntryLayout.addWidget(self.claimAmount)

        self.claimDescription = QLineEdit(self.claimsGroup)
        self.claimDescription.setObjectName(u"claimDescription")

        self.claimEntryLayout.addWidget(self.claimDescription)

        self.addClaimButton = QPushButton(self.claimsGroup)
        self.addClaimButton.setObjectName(u"addClaimButton")
        self.addClaimButton.setAutoDefault(False)

        self.claimEntryLayout.addWidget(self.addClaimButton)


        self.claimsLayout.addLayout(self.claimEntryLayout)

        self.claimsTable = QTableWidget(self.claimsGroup)
        self.claimsTable.setObjectName(u"claimsTable")
        self.claimsTable.setMinimumSize(QSize(0, 90))
        self.claimsTable.setMaximumSize(QSize(16777215, 130))
        self.claimsTable.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.claimsTable.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.claimsTable.setSelectionMode(QAbstractItemView.SingleSelection)
        self.claimsTable.setTabKeyNavigation(False)

        self.claimsLayout.addWidget(self.claimsTable)

        self.claimButtons = QHBoxLayout()
        self.claimButtons.setObjectName(u"claimButtons")
        self.removeClaimButton = QPushButton(self.claimsGroup)
        self.removeClaimButton.setObjectName(u"removeClaimButton")
        self.removeClaimButton.setAutoDefault(False)

        self.claimButtons.addWidget(self.removeClaimButton)

        self.claimSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.claimButtons.addItem(self.claimSpacer)

        self.totalLabel = QLabel(self.claimsGroup)
        self.totalLabel.setObjectName(u"totalLabel")

        self.claimButtons.addWidget(self.totalLabel)


        self.claimsLayout.addLayout(self.claimButtons)


        self.middleLayout.addWidget(self.claimsGroup)

        self.middleLayout.setStretch(0, 2)
        self.middleLayout.setStretch(1, 3)

        self.bodyLayout.addLayout(self.middleLayout)

        self.factsGroup = QGroupBox(self.body)
        self.factsGroup.setObjectName(u"factsGroup")
        self.factsLayout = QGridLayout(self.factsGroup)
        self.factsLayout.setObjectName(u"factsLayout")
        self.factsLabel = QLabel(self.factsGroup)
        self.factsLabel.setObjectName(u"factsLabel")

        self.factsLayout.addWidget(self.factsLabel, 0, 0, 1, 1)

        self.evidenceLabel = QLabel(self.factsGroup)
        self.evidenceLabel.setObjectName(u"evidenceLabel")

        self.factsLayout.addWidget(self.evidenceLabel, 0, 1, 1, 1)

        self.facts = QPlainTextEdit(self.factsGroup)
        self.facts.setObjectName(u"facts")
        self.facts.setTabChangesFocus(True)
        self.facts.setMinimumSize(QSize(0, 90))

        self.factsLayout.addWidget(self.facts, 1, 0, 1, 1)

        self.evidence = QPlainTextEdit(self.factsGroup)
        self.evidence.setObjectName(u"evidence")
        self.evidence.setTabChangesFocus(True)
        self.evidence.setMinimumSize(QSize(0, 90))

        self.factsLayout.addWidget(self.evidence, 1, 1, 1, 1)


        self.bodyLayout.addWidget(self.factsGroup)

        self.scroll.setWidget(self.body)

        self.mainLayout.addWidget(self.scroll)

#if QT_CONFIG(shortcut)
        self.receivedLabel.setBuddy(self.receivedOn)
        self.sourceLabel.setBuddy(self.source)
        self.knownLabel.setBuddy(self.knownOn)
        self.applicantSideLabel.setBuddy(self.applicantSide)
        self.nameLabel.setBuddy(self.name)
        self.respondentNameLabel.setBuddy(self.respondentName)
        self.creditCodeLabel.setBuddy(self.creditCode)
        self.legalRepLabel.setBuddy(self.legalRep)
        self.respondentPhoneLabel.setBuddy(self.respondentPhone)
        self.respondentAddressLabel.setBuddy(self.respondentAddress)
        self.employerTypeLabel.setBuddy(self.employerType)
        self.industryLabel.setBuddy(self.industry)
        self.claimCategoryLabel.setBuddy(self.claimCategory)
        self.factsLabel.setBuddy(self.facts)
        self.evidenceLabel.setBuddy(self.evidence)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.receivedOn, self.source)
        QWidget.setTabOrder(self.source, self.knownOn)
        QWidget.setTabOrder(self.knownOn, self.applicantSide)
        QWidget.setTabOrder(self.applicantSide, self.name)
        QWidget.setTabOrder(self.name, self.idType)
        QWidget.setTabOrder(self.idType, self.idNumber)
        QWidget.setTabOrder(self.idNumber, self.phone)
        QWidget.setTabOrder(self.phone, self.address)
        QWidget.setTabOrder(self.address, self.representative)
        QWidget.setTabOrder(self.representative, self.addApplicantButton)
        QWidget.setTabOrder(self.addApplicantButton, self.applicantsTable)
        QWidget.setTabOrder(self.applicantsTable, self.editApplicantButton)
        QWidget.setTabOrder(self.editApplicantButton, self.removeApplicantButton)
        QWidget.setTabOrder(self.removeApplicantButton, self.pasteButton)
        QWidget.setTabOrder(self.pasteButton, self.respondentName)
        QWidget.setTabOrder(self.respondentName, self.creditCode)
        QWidget.setTabOrder(self.creditCode, self.legalRep)
        QWidget.setTabOrder(self.legalRep, self.respondentPhone)
        QWidget.setTabOrder(self.respondentPhone, self.respondentAddress)
        QWidget.setTabOrder(self.respondentAddress, self.employerType)
        QWidget.setTabOrder(self.employerType, self.industry)
        QWidget.setTabOrder(self.industry, self.claimCategory)
        QWidget.setTabOrder(self.claimCategory, self.claimAmount)
        QWidget.setTabOrder(self.claimAmount, self.claimDescription)
        QWidget.setTabOrder(self.claimDescription, self.addClaimButton)
        QWidget.setTabOrder(self.addClaimButton, self.claimsTable)
        QWidget.setTabOrder(self.claimsTable, self.removeClaimButton)
        QWidget.setTabOrder(self.removeClaimButton, self.facts)
        QWidget.setTabOrder(self.facts, self.evidence)
        QWidget.setTabOrder(self.evidence, self.saveButton)
        QWidget.setTabOrder(self.saveButton, self.clearButton)

        self.retranslateUi(IntakeScreen)

        QMetaObject.connectSlotsByName(IntakeScreen)
    # setupUi

    def retranslateUi(self, IntakeScreen):
        self.titleLabel.setText(QCoreApplication.translate("IntakeScreen", u"\u767b\u8bb0\u65b0\u6848\u4ef6", None))
        self.openSavedButton.setText(QCoreApplication.translate("IntakeScreen", u"\u6253\u5f00\u521a\u767b\u8bb0\u7684\u6848\u4ef6(&O)", None))
        self.clearButton.setText(QCoreApplication.translate("IntakeScreen", u"\u6e05\u7a7a", None))
        self.saveButton.setText(QCoreApplication.translate("IntakeScreen", u"\u4fdd\u5b58\u767b\u8bb0\uff08Ctrl+S\uff09", None))
        self.savedLabel.setText("")
        self.errorLabel.setText("")
        self.basicGroup.setTitle(QCoreApplication.translate("IntakeScreen", u"\u57fa\u672c\u4fe1\u606f", None))
        self.receivedLabel.setText(QCoreApplication.translate("IntakeScreen", u"\u6536\u5230\u7533\u8bf7\u65e5\u671f(&J)", None))
        self.sourceLabel.setText(QCoreApplication.translate("IntakeScreen", u"\u6848\u4ef6\u6765\u6e90(&Y)", None))
        self.knownLabel.setText(QCoreApplication.translate("IntakeScreen", u"\u77e5\u9053\u6743\u5229\u88ab\u4fb5\u5bb3\u65e5\u671f(&K)", None))
        self.applicantSideLabel.setText(QCoreApplication.translate("IntakeScreen", u"\u7533\u8bf7\u65b9(&W)", None))
        self.applicantSideHint.setText("")
        self.limitationLabel.setText("")
        self.applicantsGroup.setTitle(QCoreApplication.translate("IntakeScreen", u"\u7533\u8bf7\u4eba\uff08\u52b3\u52a8\u8005\uff09", None))
        self.nameLabel.setText(QCoreApplication.translate("IntakeScreen", u"\u59d3\u540d(&X)", None))
        self.idNumber.setPlaceholderText(QCoreApplication.translate("IntakeScreen", u"\u8bc1\u4ef6\u53f7\u7801", None))
        self.phone.setPlaceholderText(QCoreApplication.translate("IntakeScreen", u"\u8054\u7cfb\u7535\u8bdd", None))
        self.address.setPlaceholderText(QCoreApplication.translate("IntakeScreen", u"\u4f4f\u5740", None))
        self.representative.setText(QCoreApplication.translate("IntakeScreen", u"\u4ee3\u8868", None))
        self.addApplicantButton.setText(QCoreApplication.translate("IntakeScreen", u"\u6dfb\u52a0(&A)", None))
        self.idHintLabel.setText(QCoreApplication.translate("IntakeScreen", u"\u8f93\u5165\u59d3\u540d\u3001\u8eab\u4efd\u8bc1\u53f7\u7801\u7b49\u540e\u6309\u56de\u8f66\u6dfb\u52a0\uff1b\u8eab\u4efd\u8bc1\u53f7\u7801\u81ea\u52a8\u8bc6\u522b\u6027\u522b\u548c\u51fa\u751f\u65e5\u671f\u3002", None))
        self.editApplicantButton.setText(QCoreApplication.translate("IntakeScreen", u"\u4fee\u6539\u6240\u9009(&E)", None))
        self.removeApplicantButton.setText(QCoreApplication.translate("IntakeScreen", u"\u5220\u9664\u6240\u9009(&D)", None))
        self.pasteButton.setText(QCoreApplication.translate("IntakeScreen", u"\u7c98\u8d34\u540d\u5355(&V)", None))
        self.collectiveLabel.setText("")
        self.respondentGroup.setTitle(QCoreApplication.translate("IntakeScreen", u"\u88ab\u7533\u8bf7\u4eba\uff08\u7528\u4eba\u5355\u4f4d\uff09", None))
        self.respondentNameLabel.setText(QCoreApplication.translate("IntakeScreen", u"\u5355\u4f4d\u540d\u79f0(&R)", None))
        self.respondentName.setPlaceholderText(QCoreApplication.translate("IntakeScreen", u"\u8f93\u5165\u540d\u79f0\u6216\u4fe1\u7528\u4ee3\u7801\uff0c\u53ef\u4ece\u5355\u4f4d\u540d\u5f55\u4e2d\u9009\u62e9", None))
        self.creditCodeLabel.setText(QCoreApplication.translate("IntakeScreen", u"\u7edf\u4e00\u793e\u4f1a\u4fe1\u7528\u4ee3\u7801", None))
        self.legalRepLabel.setText(QCoreApplication.translate("IntakeScreen", u"\u6cd5\u5b9a\u4ee3\u8868\u4eba", None))
        self.respondentPhoneLabel.setText(QCoreApplication.translate("IntakeScreen", u"\u8054\u7cfb\u7535\u8bdd", None))
        self.respondentAddressLabel.setText(QCoreApplication.translate("IntakeScreen", u"\u5730\u5740", None))
        self.employerTypeLabel.setText(QCoreApplication.translate("IntakeScreen", u"\u5355\u4f4d\u6027\u8d28(&T)", None))
        self.industryLabel.setText(QCoreApplication.translate("IntakeScreen", u"\u884c\u4e1a(&I)", None))
        self.respondentHint.setText("")
        self.claimsGroup.setTitle(QCoreApplication.translate("IntakeScreen", u"\u8bf7\u6c42\u4e8b\u9879", None))
        self.claimCategoryLabel.setText(QCoreApplication.translate("IntakeScreen", u"\u7c7b\u522b(&L)", None))
        self.claimAmount.setPlaceholderText(QCoreApplication.translate("IntakeScreen", u"\u91d1\u989d\uff08\u5143\uff09", None))
        self.claimDescription.setPlaceholderText(QCoreApplication.translate("IntakeScreen", u"\u8bf4\u660e\uff0c\u5982\uff1a2025\u5e745\u6708\u81f37\u6708\u5de5\u8d44", None))
        self.addClaimButton.setText(QCoreApplication.translate("IntakeScreen", u"\u6dfb\u52a0(&B)", None))
        self.removeClaimButton.setText(QCoreApplication.translate("IntakeScreen", u"\u5220\u9664\u6240\u9009\u8bf7\u6c42", None))
        self.totalLabel.setText("")
        self.factsGroup.setTitle(QCoreApplication.translate("IntakeScreen", u"\u4e8b\u5b9e\u4e0e\u7406\u7531\u3001\u8bc1\u636e", None))
        self.factsLabel.setText(QCoreApplication.translate("IntakeScreen", u"\u4e8b\u5b9e\u4e0e\u7406\u7531(&F)", None))
        self.evidenceLabel.setText(QCoreApplication.translate("IntakeScreen", u"\u8bc1\u636e\u6750\u6599(&G)", None))
        pass
    # retranslateUi

