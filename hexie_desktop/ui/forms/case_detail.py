# generated — do not edit: source forms/case_detail.ui, regenerate with `python scripts/gen_forms.py`
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'case_detail.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, QSize, Qt
from PySide6.QtWidgets import (QGroupBox, QHBoxLayout, QLabel, QPushButton, QSizePolicy,
    QSpacerItem, QTabWidget, QTableView, QTextBrowser, QVBoxLayout, QWidget)

class Ui_CaseDetailScreen(object):
    def setupUi(self, CaseDetailScreen):
        if not CaseDetailScreen.objectName():
            CaseDetailScreen.setObjectName(u"CaseDetailScreen")
        CaseDetailScreen.resize(1200, 680)
        self.mainLayout = QVBoxLayout(CaseDetailScreen)
        self.mainLayout.setObjectName(u"mainLayout")
        self.headerLayout = QHBoxLayout()
        self.headerLayout.setObjectName(u"headerLayout")
        self.backButton = QPushButton(CaseDetailScreen)
        self.backButton.setObjectName(u"backButton")

        self.headerLayout.addWidget(self.backButton)

        self.numberLabel = QLabel(CaseDetailScreen)
        self.numberLabel.setObjectName(u"numberLabel")
        self.numberLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.headerLayout.addWidget(self.numberLabel)

        self.stateLabel = QLabel(CaseDetailScreen)
        self.stateLabel.setObjectName(u"stateLabel")

        self.headerLayout.addWidget(self.stateLabel)

        self.headerSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.headerLayout.addItem(self.headerSpacer)

        self.printButton = QPushButton(CaseDetailScreen)
        self.printButton.setObjectName(u"printButton")

        self.headerLayout.addWidget(self.printButton)

        self.unmaskButton = QPushButton(CaseDetailScreen)
        self.unmaskButton.setObjectName(u"unmaskButton")

        self.headerLayout.addWidget(self.unmaskButton)

        self.refreshButton = QPushButton(CaseDetailScreen)
        self.refreshButton.setObjectName(u"refreshButton")

        self.headerLayout.addWidget(self.refreshButton)


        self.mainLayout.addLayout(self.headerLayout)

        self.summaryLabel = QLabel(CaseDetailScreen)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setWordWrap(True)
        self.summaryLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.mainLayout.addWidget(self.summaryLabel)

        self.alertLabel = QLabel(CaseDetailScreen)
        self.alertLabel.setObjectName(u"alertLabel")
        self.alertLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.alertLabel)

        self.bodyLayout = QHBoxLayout()
        self.bodyLayout.setObjectName(u"bodyLayout")
        self.tabs = QTabWidget(CaseDetailScreen)
        self.tabs.setObjectName(u"tabs")
        self.partiesTab = QWidget()
        self.partiesTab.setObjectName(u"partiesTab")
        self.partiesLayout = QVBoxLayout(self.partiesTab)
        self.partiesLayout.setObjectName(u"partiesLayout")
        self.applicantsView = QTableView(self.partiesTab)
        self.applicantsView.setObjectName(u"applicantsView")

        self.partiesLayout.addWidget(self.applicantsView)

        self.respondentLabel = QLabel(self.partiesTab)
        self.respondentLabel.setObjectName(u"respondentLabel")
        self.respondentLabel.setWordWrap(True)
        self.respondentLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.partiesLayout.addWidget(self.respondentLabel)

        self.tabs.addTab(self.partiesTab, "")
        self.claimsTab = QWidget()
        self.claimsTab.setObjectName(u"claimsTab")
        self.claimsLayout = QVBoxLayout(self.claimsTab)
        self.claimsLayout.setObjectName(u"claimsLayout")
        self.claimsView = QTableView(self.claimsTab)
        self.claimsView.setObjectName(u"claimsView")

        self.claimsLayout.addWidget(self.claimsView)

        self.factsText = QTextBrowser(self.claimsTab)
        self.factsText.setObjectName(u"factsText")

        self.claimsLayout.addWidget(self.factsText)

        self.tabs.addTab(self.claimsTab, "")
        self.deadlinesTab = QWidget()
        self.deadlinesTab.setObjectName(u"deadlinesTab")
        self.deadlinesLayout = QVBoxLayout(self.deadlinesTab)
        self.deadlinesLayout.setObjectName(u"deadlinesLayout")
        self.deadlinesView = QTableView(self.deadlinesTab)
        self.deadlinesView.setObjectName(u"deadlinesView")

        self.deadlinesLayout.addWidget(self.deadlinesView)

        self.calendarLabel = QLabel(self.deadlinesTab)
        self.calendarLabel.setObjectName(u"calendarLabel")
        self.calendarLabel.setWordWrap(True)

        self.deadlinesLayout.addWidget(self.calendarLabel)

        self.tabs.addTab(self.deadlinesTab, "")
        self.eventsTab = QWidget()
        self.eventsTab.setObjectName(u"eventsTab")
        self.eventsLayout = QVBoxLayout(self.eventsTab)
        self.eventsLayout.setObjectName(u"eventsLayout")
        self.eventsView = QTableView(self.eventsTab)
        self.eventsView.setObjectName(u"eventsView")

        self.eventsLayout.addWidget(self.eventsView)

        self.tabs.addTab(self.eventsTab, "")
        self.sessionsTab = QWidget()
        self.sessionsTab.setObjectName(u"sessionsTab")
        self.sessionsLayout = QVBoxLayout(self.sessionsTab)
        self.sessionsLayout.setObjectName(u"sessionsLayout")
        self.sessionsText = QTextBrowser(self.sessionsTab)
        self.sessionsText.setObjectName(u"sessionsText")

        self.sessionsLayout.addWidget(self.sessionsText)

        self.tabs.addTab(self.sessionsTab, "")
        self.agreementTab = QWidget()
        self.agreementTab.setObjectName(u"agreementTab")
        self.agreementLayout = QVBoxLayout(self.agreementTab)
        self.agreementLayout.setObjectName(u"agreementLayout")
        self.agreementLabel = QLabel(self.agreementTab)
        self.agreementLabel.setObjectName(u"agreementLabel")
        self.agreementLabel.setWordWrap(True)
        self.agreementLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.agreementLayout.addWidget(self.agreementLabel)

        self.itemsView = QTableView(self.agreementTab)
        self.itemsView.setObjectName(u"itemsView")

        self.agreementLayout.addWidget(self.itemsView)

        self.tabs.addTab(self.agreementTab, "")
        self.followUpsTab = QWidget()
        self.followUpsTab.setObjectName(u"followUpsTab")
        self.followUpsLayout = QVBoxLayout(self.followUpsTab)
        self.followUpsLayout.setObjectName(u"followUpsLayout")
        self.followUpsView = QTableView(self.followUpsTab)
        self.followUpsView.setObjectName(u"followUpsView")

        self.followUpsLayout.addWidget(self.followUpsView)

        self.tabs.addTab(self.followUpsTab, "")
        self.documentsTab = QWidget()
        self.documentsTab.setObjectName(u"documentsTab")
        self.documentsLayout = QVBoxLayout(self.documentsTab)
        self.documentsLayout.setObjectName(u"documentsLayout")
        self.documentsView = QTableView(self.documentsTab)
        self.documentsView.setObjectName(u"documentsView")

        self.documentsLayout.addWidget(self.documentsView)

        self.documentButtonsLayout = QHBoxLayout()
        self.documentButtonsLayout.setObjectName(u"documentButtonsLayout")
        self.documentsHint = QLabel(self.documentsTab)
        self.documentsHint.setObjectName(u"documentsHint")
        self.documentsHint.setWordWrap(True)

        self.documentButtonsLayout.addWidget(self.documentsHint)

        self.reprintButton = QPushButton(self.documentsTab)
        self.reprintButton.setObjectName(u"reprintButton")

        self.documentButtonsLayout.addWidget(self.reprintButton)

        self.printDocumentButton = QPushButton(self.documentsTab)
        self.printDocumentButton.setObjectName(u"printDocumentButton")

        self.documentButtonsLayout.addWidget(self.printDocumentButton)

        self.documentButtonsLayout.setStretch(0, 1)

        self.documentsLayout.addLayout(self.documentButtonsLayout)

        self.tabs.addTab(self.documentsTab, "")
        self.attachmentsTab = QWidget()
        self.attachmentsTab.setObjectName(u"attachmentsTab")
        self.attachmentsLayout = QVBoxLayout(self.attachmentsTab)
        self.attachmentsLayout.setObjectName(u"attachmentsLayout")
        self.tabs.addTab(self.attachmentsTab, "")

        self.bodyLayout.addWidget(self.tabs)

        self.actionsGroup = QGroupBox(CaseDetailScreen)
        self.actionsGroup.setObjectName(u"actionsGroup")
        self.actionsGroup.setMinimumSize(QSize(250, 0))
        self.actionsGroup.setMaximumSize(QSize(270, 16777215))
        self.actionsOuter = QVBoxLayout(self.actionsGroup)
        self.actionsOuter.setObjectName(u"actionsOuter")
        self.actionsLayout = QVBoxLayout()
        self.actionsLayout.setObjectName(u"actionsLayout")

        self.actionsOuter.addLayout(self.actionsLayout)

        self.unavailableTitle = QLabel(self.actionsGroup)
        self.unavailableTitle.setObjectName(u"unavailableTitle")

        self.actionsOuter.addWidget(self.unavailableTitle)

        self.unavailableText = QTextBrowser(self.actionsGroup)
        self.unavailableText.setObjectName(u"unavailableText")

        self.actionsOuter.addWidget(self.unavailableText)


        self.bodyLayout.addWidget(self.actionsGroup)


        self.mainLayout.addLayout(self.bodyLayout)


        self.retranslateUi(CaseDetailScreen)

        self.tabs.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(CaseDetailScreen)
    # setupUi

    def retranslateUi(self, CaseDetailScreen):
        self.backButton.setText(QCoreApplication.translate("CaseDetailScreen", u"\u2190 \u8fd4\u56de", None))
#if QT_CONFIG(tooltip)
        self.backButton.setToolTip(QCoreApplication.translate("CaseDetailScreen", u"\u8fd4\u56de\u4e0a\u4e00\u9875\uff08Alt+\u2190\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.numberLabel.setText("")
        self.stateLabel.setText("")
        self.printButton.setText(QCoreApplication.translate("CaseDetailScreen", u"\u6253\u5370\u6587\u4e66(&P)\u2026", None))
#if QT_CONFIG(tooltip)
        self.printButton.setToolTip(QCoreApplication.translate("CaseDetailScreen", u"\u9009\u62e9\u6587\u4e66\uff0c\u9884\u89c8\u540e\u6253\u5370\u6216\u53e6\u5b58\u4e3a PDF\uff08Ctrl+P\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.unmaskButton.setText(QCoreApplication.translate("CaseDetailScreen", u"\u663e\u793a\u5b8c\u6574\u8bc1\u4ef6\u53f7(&U)", None))
        self.refreshButton.setText(QCoreApplication.translate("CaseDetailScreen", u"\u5237\u65b0", None))
        self.summaryLabel.setText("")
        self.alertLabel.setText("")
        self.respondentLabel.setText("")
        self.tabs.setTabText(self.tabs.indexOf(self.partiesTab), QCoreApplication.translate("CaseDetailScreen", u"\u5f53\u4e8b\u4eba(&1)", None))
        self.tabs.setTabText(self.tabs.indexOf(self.claimsTab), QCoreApplication.translate("CaseDetailScreen", u"\u8bf7\u6c42\u4e0e\u4e8b\u5b9e(&2)", None))
        self.calendarLabel.setText("")
        self.tabs.setTabText(self.tabs.indexOf(self.deadlinesTab), QCoreApplication.translate("CaseDetailScreen", u"\u671f\u9650(&3)", None))
        self.tabs.setTabText(self.tabs.indexOf(self.eventsTab), QCoreApplication.translate("CaseDetailScreen", u"\u529e\u7406\u7ecf\u8fc7(&4)", None))
        self.tabs.setTabText(self.tabs.indexOf(self.sessionsTab), QCoreApplication.translate("CaseDetailScreen", u"\u8c03\u89e3\u8bb0\u5f55(&5)", None))
        self.agreementLabel.setText("")
        self.tabs.setTabText(self.tabs.indexOf(self.agreementTab), QCoreApplication.translate("CaseDetailScreen", u"\u534f\u8bae\u4e0e\u5c65\u884c(&6)", None))
        self.tabs.setTabText(self.tabs.indexOf(self.followUpsTab), QCoreApplication.translate("CaseDetailScreen", u"\u56de\u8bbf(&7)", None))
        self.documentsHint.setText(QCoreApplication.translate("CaseDetailScreen", u"\u6b63\u5f0f\u6253\u5370\u7684\u6587\u4e66\u767b\u8bb0\u5728\u6b64\uff1b\u91cd\u5370\u6309\u5f53\u521d\u6253\u5370\u65f6\u7684\u5185\u5bb9\u539f\u6837\u8f93\u51fa\u3002", None))
        self.reprintButton.setText(QCoreApplication.translate("CaseDetailScreen", u"\u91cd\u5370\u6240\u9009(&R)\u2026", None))
#if QT_CONFIG(tooltip)
        self.reprintButton.setToolTip(QCoreApplication.translate("CaseDetailScreen", u"\u6309\u539f\u6837\u91cd\u5370\u9009\u4e2d\u7684\u5df2\u51fa\u5177\u6587\u4e66\uff08\u53cc\u51fb\u4ea6\u53ef\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.printDocumentButton.setText(QCoreApplication.translate("CaseDetailScreen", u"\u6253\u5370\u6587\u4e66\u2026", None))
        self.tabs.setTabText(self.tabs.indexOf(self.documentsTab), QCoreApplication.translate("CaseDetailScreen", u"\u6587\u4e66(&8)", None))
        self.tabs.setTabText(self.tabs.indexOf(self.attachmentsTab), QCoreApplication.translate("CaseDetailScreen", u"\u9644\u4ef6(&9)", None))
        self.actionsGroup.setTitle(QCoreApplication.translate("CaseDetailScreen", u"\u53ef\u529e\u7406\u7684\u64cd\u4f5c", None))
        self.unavailableTitle.setText(QCoreApplication.translate("CaseDetailScreen", u"\u6682\u4e0d\u80fd\u529e\u7406\uff1a", None))
        pass
    # retranslateUi

