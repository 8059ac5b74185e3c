# generated — do not edit: source forms/agreement_dialog.ui, regenerate with `python scripts/gen_forms.py`
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'agreement_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, QSize
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialogButtonBox, QGridLayout,
    QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QSizePolicy,
    QSpacerItem, QTableWidget, QVBoxLayout, QWidget)

from hexie_desktop.ui.widgets.dates import DateEdit

class Ui_AgreementDialog(object):
    def setupUi(self, AgreementDialog):
        if not AgreementDialog.objectName():
            AgreementDialog.setObjectName(u"AgreementDialog")
        AgreementDialog.resize(900, 760)
        self.mainLayout = QVBoxLayout(AgreementDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(AgreementDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.contentLabel = QLabel(AgreementDialog)
        self.contentLabel.setObjectName(u"contentLabel")

        self.mainLayout.addWidget(self.contentLabel)

        self.content = QPlainTextEdit(AgreementDialog)
        self.content.setObjectName(u"content")
        self.content.setTabChangesFocus(True)
        self.content.setMaximumSize(QSize(16777215, 80))

        self.mainLayout.addWidget(self.content)

        self.itemsGroup = QGroupBox(AgreementDialog)
        self.itemsGroup.setObjectName(u"itemsGroup")
        self.itemsLayout = QVBoxLayout(self.itemsGroup)
        self.itemsLayout.setObjectName(u"itemsLayout")
        self.entryLayout = QGridLayout()
        self.entryLayout.setObjectName(u"entryLayout")
        self.obligationLabel = QLabel(self.itemsGroup)
        self.obligationLabel.setObjectName(u"obligationLabel")

        self.entryLayout.addWidget(self.obligationLabel, 0, 0, 1, 1)

        self.obligation = QLineEdit(self.itemsGroup)
        self.obligation.setObjectName(u"obligation")

        self.entryLayout.addWidget(self.obligation, 0, 1, 1, 3)

        self.amountLabel = QLabel(self.itemsGroup)
        self.amountLabel.setObjectName(u"amountLabel")

        self.entryLayout.addWidget(self.amountLabel, 0, 4, 1, 1)

        self.amount = QLineEdit(self.itemsGroup)
        self.amount.setObjectName(u"amount")

        self.entryLayout.addWidget(self.amount, 0, 5, 1, 1)

        self.payerLabel = QLabel(self.itemsGroup)
        self.payerLabel.setObjectName(u"payerLabel")

        self.entryLayout.addWidget(self.payerLabel, 1, 0, 1, 1)

        self.payer = QLineEdit(self.itemsGroup)
        self.payer.setObjectName(u"payer")

        self.entryLayout.addWidget(self.payer, 1, 1, 1, 1)

        self.payeeLabel = QLabel(self.itemsGroup)
        self.payeeLabel.setObjectName(u"payeeLabel")

        self.entryLayout.addWidget(self.payeeLabel, 1, 2, 1, 1)

        self.payee = QLineEdit(self.itemsGroup)
        self.payee.setObjectName(u"payee")

        self.entryLayout.addWidget(self.payee, 1, 3, 1, 1)

        self.dueLabel = QLabel(self.itemsGroup)
        self.dueLabel.setObjectName(u"dueLabel")

        self.entryLayout.addWidget(self.dueLabel, 1, 4, 1, 1)

        self.dueOn = DateEdit(self.itemsGroup)
        self.dueOn.setObjectName(u"dueOn")

        self.entryLayout.addWidget(self.dueOn, 1, 5, 1, 1)

        self.methodLabel = QLabel(self.itemsGroup)
        self.methodLabel.setObjectName(u"methodLabel")

        self.entryLayout.addWidget(self.methodLabel, 2, 0, 1, 1)

        self.method = QComboBox(self.itemsGroup)
        self.method.setObjectName(u"method")

        self.entryLayout.addWidget(self.method, 2, 1, 1, 1)

        self.categoryLabel = QLabel(self.itemsGroup)
        self.categoryLabel.setObjectName(u"categoryLabel")

        self.entryLayout.addWidget(self.categoryLabel, 2, 2, 1, 1)

        self.category = QComboBox(self.itemsGroup)
        self.category.setObjectName(u"category")

        self.entryLayout.addWidget(self.category, 2, 3, 1, 1)

        self.addItemButton = QPushButton(self.itemsGroup)
        self.addItemButton.setObjectName(u"addItemButton")
        self.addItemButton.setAutoDefault(False)

        self.entryLayout.addWidget(self.addItemButton, 2, 5, 1, 1)


        self.itemsLayout.addLayout(self.entryLayout)

        self.itemsTable = QTableWidget(self.itemsGroup)
        self.itemsTable.setObjectName(u"itemsTable")
        self.itemsTable.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.itemsTable.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.itemsTable.setSelectionMode(QAbstractItemView.SingleSelection)
        self.itemsTable.setTabKeyNavigation(False)

        self.itemsLayout.addWidget(self.itemsTable)

        self.itemButtons = QHBoxLayout()
        self.itemButtons.setObjectName(u"itemButtons")
        self.removeItemButton = QPushButton(self.itemsGroup)
        self.removeItemButton.setObjectName(u"removeItemButton")
        self.removeItemButton.setAutoDefault(False)

        self.itemButtons.addWidget(self.removeItemButton)

        self.itemSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.itemButtons.addItem(self.itemSpacer)

        self.totalLabel = QLabel(self.itemsGroup)
        self.totalLabel.setObjectName(u"totalLabel")

        self.itemButtons.addWidget(self.totalLabel)


        self.itemsLayout.addLayout(self.itemButtons)


        self.mainLayout.addWidget(self.itemsGroup)

        self.sharesGroup = QGroupBox(AgreementDialog)
        self.sharesGroup.setObjectName(u"sharesGroup")
        self.sharesLayout = QVBoxLayout(self.sharesGroup)
        self.sharesLayout.setObjectName(u"sharesLayout")
        self.sharesTable = QTableWidget(self.sharesGroup)
        self.sharesTable.setObjectName(u"sharesTable")
        self.sharesTable.setMaximumSize(QSize(16777215, 180))
        self.sharesTable.setSelectionBehavior(QAbstractItemView.SelectItems)
        self.sharesTable.setTabKeyNavigation(False)

        self.sharesLayout.addWidget(self.sharesTable)

        self.sharesTotalLabel = QLabel(self.sharesGroup)
        self.sharesTotalLabel.setObjectName(u"sharesTotalLabel")

        self.sharesLayout.addWidget(self.sharesTotalLabel)


        self.mainLayout.addWidget(self.sharesGroup)

        self.signaturesGroup = QGroupBox(AgreementDialog)
        self.signaturesGroup.setObjectName(u"signaturesGroup")
        self.signaturesLayout = QGridLayout(self.signaturesGroup)
        self.signaturesLayout.setObjectName(u"signaturesLayout")
        self.applicantSignedLabel = QLabel(self.signaturesGroup)
        self.applicantSignedLabel.setObjectName(u"applicantSignedLabel")

        self.signaturesLayout.addWidget(self.applicantSignedLabel, 0, 0, 1, 1)

        self.applicantSigned = DateEdit(self.signaturesGroup)
        self.applicantSigned.setObjectName(u"applicantSigned")

        self.signaturesLayout.addWidget(self.applicantSigned, 0, 1, 1, 1)

        self.respondentSignedLabel = QLabel(self.signaturesGroup)
        self.respondentSignedLabel.setObjectName(u"respondentSignedLabel")

        self.signaturesLayout.addWidget(self.respondentSignedLabel, 0, 2, 1, 1)

        self.respondentSigned = DateEdit(self.signaturesGroup)
        self.respondentSigned.setObjectName(u"respondentSigned")

        self.signaturesLayout.addWidget(self.respondentSigned, 0, 3, 1, 1)

        self.mediatorSignedLabel = QLabel(self.signaturesGroup)
        self.mediatorSignedLabel.setObjectName(u"mediatorSignedLabel")

        self.signaturesLayout.addWidget(self.mediatorSignedLabel, 1, 0, 1, 1)

        self.mediatorSigned = DateEdit(self.signaturesGroup)
        self.mediatorSigned.setObjectName(u"mediatorSigned")

        self.signaturesLayout.addWidget(self.mediatorSigned, 1, 1, 1, 1)

        self.sealLabel = QLabel(self.signaturesGroup)
        self.sealLabel.setObjectName(u"sealLabel")

        self.signaturesLayout.addWidget(self.sealLabel, 1, 2, 1, 1)

        self.sealApplied = DateEdit(self.signaturesGroup)
        self.sealApplied.setObjectName(u"sealApplied")

        self.signaturesLayout.addWidget(self.sealApplied, 1, 3, 1, 1)


        self.mainLayout.addWidget(self.signaturesGroup)

        self.problemsLabel = QLabel(AgreementDialog)
        self.problemsLabel.setObjectName(u"problemsLabel")
        self.problemsLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.problemsLabel)

        self.buttonBox = QDialogButtonBox(AgreementDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.contentLabel.setBuddy(self.content)
        self.obligationLabel.setBuddy(self.obligation)
        self.amountLabel.setBuddy(self.amount)
        self.payerLabel.setBuddy(self.payer)
        self.payeeLabel.setBuddy(self.payee)
        self.dueLabel.setBuddy(self.dueOn)
        self.methodLabel.setBuddy(self.method)
        self.categoryLabel.setBuddy(self.category)
        self.applicantSignedLabel.setBuddy(self.applicantSigned)
        self.respondentSignedLabel.setBuddy(self.respondentSigned)
        self.mediatorSignedLabel.setBuddy(self.mediatorSigned)
        self.sealLabel.setBuddy(self.sealApplied)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.content, self.obligation)
        QWidget.setTabOrder(self.obligation, self.amount)
        QWidget.setTabOrder(self.amount, self.payer)
        QWidget.setTabOrder(self.payer, self.payee)
        QWidget.setTabOrder(self.payee, self.dueOn)
        QWidget.setTabOrder(self.dueOn, self.method)
        QWidget.setTabOrder(self.method, self.category)
        QWidget.setTabOrder(self.category, self.addItemButton)
        QWidget.setTabOrder(self.addItemButton, self.itemsTable)
        QWidget.setTabOrder(self.itemsTable, self.removeItemButton)
        QWidget.setTabOrder(self.removeItemButton, self.sharesTable)
        QWidget.setTabOrder(self.sharesTable, self.applicantSigned)
        QWidget.setTabOrder(self.applicantSigned, self.respondentSigned)
        QWidget.setTabOrder(self.respondentSigned, self.mediatorSigned)
        QWidget.setTabOrder(self.mediatorSigned, self.sealApplied)

        self.retranslateUi(AgreementDialog)

        QMetaObject.connectSlotsByName(AgreementDialog)
    # setupUi

    def retranslateUi(self, AgreementDialog):
        AgreementDialog.setWindowTitle(QCoreApplication.translate("AgreementDialog", u"\u8c03\u89e3\u534f\u8bae\uff08\u8349\u7a3f\u4e0e\u751f\u6548\uff09", None))
        self.introLabel.setText(QCoreApplication.translate("AgreementDialog", u"\u7b7e\u540d\u524d\u53ef\u5148\u201c\u4fdd\u5b58\u8349\u7a3f\u201d\uff1a\u5f55\u5165\u534f\u8bae\u5185\u5bb9\u548c\u4e8b\u9879\uff0c\u6253\u5370\u4f9b\u5404\u65b9\u7b7e\u7f72\uff1b\u8349\u7a3f\u4e0d\u6539\u53d8\u6848\u4ef6\u72b6\u6001\u548c\u671f\u9650\uff0c\u751f\u6548\u524d\u53ef\u968f\u65f6\u4fee\u6539\u3002\u534f\u8bae\u987b\u7ecf\u53cc\u65b9\u5f53\u4e8b\u4eba\u7b7e\u540d\u6216\u76d6\u7ae0\u3001\u8c03\u89e3\u5458\u7b7e\u540d\u5e76\u52a0\u76d6\u8c03\u89e3\u7ec4\u7ec7\u5370\u7ae0\u540e\u751f\u6548\uff08\u52b3\u52a8\u4e89\u8bae\u8c03\u89e3\u4ef2\u88c1\u6cd5\u7b2c\u5341\u56db\u6761\uff09\uff0c\u56db\u9879\u65e5\u671f\u9f50\u5168\u540e\u65b9\u53ef\u201c\u534f\u8bae\u751f\u6548\u201d\u3002", None))
        self.contentLabel.setText(QCoreApplication.translate("AgreementDialog", u"\u534f\u8bae\u5185\u5bb9(&C)", None))
        self.itemsGroup.setTitle(QCoreApplication.translate("AgreementDialog", u"\u534f\u8bae\u4e8b\u9879", None))
        self.obligationLabel.setText(QCoreApplication.translate("AgreementDialog", u"\u5c65\u884c\u5185\u5bb9(&O)", None))
        self.obligation.setPlaceholderText(QCoreApplication.translate("AgreementDialog", u"\u5982\uff1a\u652f\u4ed82025\u5e745\u6708\u81f37\u6708\u5de5\u8d44", None))
        self.amountLabel.setText(QCoreApplication.translate("AgreementDialog", u"\u91d1\u989d\uff08\u5143\uff09", None))
        self.payerLabel.setText(QCoreApplication.translate("AgreementDialog", u"\u4e49\u52a1\u4eba", None))
        self.payeeLabel.setText(QCoreApplication.translate("AgreementDialog", u"\u6743\u5229\u4eba", None))
        self.dueLabel.setText(QCoreApplication.translate("AgreementDialog", u"\u5c65\u884c\u671f\u9650", None))
        self.methodLabel.setText(QCoreApplication.translate("AgreementDialog", u"\u65b9\u5f0f", None))
        self.categoryLabel.setText(QCoreApplication.translate("AgreementDialog", u"\u7c7b\u522b", None))
        self.addItemButton.setText(QCoreApplication.translate("AgreementDialog", u"\u6dfb\u52a0\u4e8b\u9879(&A)", None))
        self.removeItemButton.setText(QCoreApplication.translate("AgreementDialog", u"\u5220\u9664\u6240\u9009\u4e8b\u9879", None))
        self.totalLabel.setText("")
        self.sharesGroup.setTitle(QCoreApplication.translate("AgreementDialog", u"\u6bcf\u540d\u52b3\u52a8\u8005\u7684\u91d1\u989d\uff08\u96c6\u4f53\u4e89\u8bae\u987b\u9010\u4eba\u5217\u660e\uff0c\u4f9b\u5404\u4eba\u7533\u8bf7\u652f\u4ed8\u4ee4\u6216\u4ef2\u88c1\u5ba1\u67e5\uff1b\u5408\u8ba1\u987b\u4e0e\u534f\u8bae\u4e8b\u9879\u4e00\u81f4\uff09", None))
        self.sharesTotalLabel.setText("")
        self.signaturesGroup.setTitle(QCoreApplication.translate("AgreementDialog", u"\u7b7e\u540d\u4e0e\u76d6\u7ae0\u65e5\u671f\uff08\u56db\u9879\u9f50\u5168\u534f\u8bae\u65b9\u751f\u6548\uff09", None))
        self.applicantSignedLabel.setText(QCoreApplication.translate("AgreementDialog", u"\u7533\u8bf7\u4eba\u7b7e\u540d\uff08\u76d6\u7ae0\uff09", None))
        self.respondentSignedLabel.setText(QCoreApplication.translate("AgreementDialog", u"\u88ab\u7533\u8bf7\u4eba\u7b7e\u540d\uff08\u76d6\u7ae0\uff09", None))
        self.mediatorSignedLabel.setText(QCoreApplication.translate("AgreementDialog", u"\u8c03\u89e3\u5458\u7b7e\u540d", None))
        self.sealLabel.setText(QCoreApplication.translate("AgreementDialog", u"\u8c03\u89e3\u7ec4\u7ec7\u76d6\u7ae0", None))
        self.problemsLabel.setText("")
    # retranslateUi

