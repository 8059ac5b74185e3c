# generated — do not edit: source forms/exchange.ui, regenerate with `python scripts/gen_forms.py`
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'exchange.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, Qt
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QFrame, QHBoxLayout, QLabel,
    QLineEdit, QPushButton, QSizePolicy, QSpacerItem, QSpinBox, QTabWidget, QTableView,
    QVBoxLayout, QWidget)

class Ui_ExchangeScreen(object):
    def setupUi(self, ExchangeScreen):
        if not ExchangeScreen.objectName():
            ExchangeScreen.setObjectName(u"ExchangeScreen")
        ExchangeScreen.resize(1000, 680)
        self.mainLayout = QVBoxLayout(ExchangeScreen)
        self.mainLayout.setObjectName(u"mainLayout")
        self.headerLayout = QHBoxLayout()
        self.headerLayout.setObjectName(u"headerLayout")
        self.titleLabel = QLabel(ExchangeScreen)
        self.titleLabel.setObjectName(u"titleLabel")

        self.headerLayout.addWidget(self.titleLabel)

        self.headerSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.headerLayout.addItem(self.headerSpacer)

        self.refreshButton = QPushButton(ExchangeScreen)
        self.refreshButton.setObjectName(u"refreshButton")

        self.headerLayout.addWidget(self.refreshButton)


        self.mainLayout.addLayout(self.headerLayout)

        self.stationLabel = QLabel(ExchangeScreen)
        self.stationLabel.setObjectName(u"stationLabel")
        self.stationLabel.setWordWrap(True)
        self.stationLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.mainLayout.addWidget(self.stationLabel)

        self.statusLabel = QLabel(ExchangeScreen)
        self.statusLabel.setObjectName(u"statusLabel")
        self.statusLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.statusLabel)

        self.messageLabel = QLabel(ExchangeScreen)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)
        self.messageLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.mainLayout.addWidget(self.messageLabel)

        self.unlockFrame = QFrame(ExchangeScreen)
        self.unlockFrame.setObjectName(u"unlockFrame")
        self.unlockLayout = QHBoxLayout(self.unlockFrame)
        self.unlockLayout.setObjectName(u"unlockLayout")
        self.unlockLayout.setContentsMargins(0, -1, 0, -1)
        self.passphraseLabel = QLabel(self.unlockFrame)
        self.passphraseLabel.setObjectName(u"passphraseLabel")

        self.unlockLayout.addWidget(self.passphraseLabel)

        self.passphraseEdit = QLineEdit(self.unlockFrame)
        self.passphraseEdit.setObjectName(u"passphraseEdit")
        self.passphraseEdit.setEchoMode(QLineEdit.Password)
        self.passphraseEdit.setMaximumWidth(260)

        self.unlockLayout.addWidget(self.passphraseEdit)

        self.unlockButton = QPushButton(self.unlockFrame)
        self.unlockButton.setObjectName(u"unlockButton")

        self.unlockLayout.addWidget(self.unlockButton)

        self.unlockSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.unlockLayout.addItem(self.unlockSpacer)


        self.mainLayout.addWidget(self.unlockFrame)

        self.exportLayout = QHBoxLayout()
        self.exportLayout.setObjectName(u"exportLayout")
        self.exportUsbButton = QPushButton(ExchangeScreen)
        self.exportUsbButton.setObjectName(u"exportUsbButton")

        self.exportLayout.addWidget(self.exportUsbButton)

        self.exportMailButton = QPushButton(ExchangeScreen)
        self.exportMailButton.setObjectName(u"exportMailButton")

        self.exportLayout.addWidget(self.exportMailButton)

        self.splitLabel = QLabel(ExchangeScreen)
        self.splitLabel.setObjectName(u"splitLabel")

        self.exportLayout.addWidget(self.splitLabel)

        self.splitSpin = QSpinBox(ExchangeScreen)
        self.splitSpin.setObjectName(u"splitSpin")
        self.splitSpin.setMinimum(1)
        self.splitSpin.setMaximum(2048)
        self.splitSpin.setValue(10)

        self.exportLayout.addWidget(self.splitSpin)

        self.fullCheck = QCheckBox(ExchangeScreen)
        self.fullCheck.setObjectName(u"fullCheck")

        self.exportLayout.addWidget(self.fullCheck)

        self.referenceButton = QPushButton(ExchangeScreen)
        self.referenceButton.setObjectName(u"referenceButton")

        self.exportLayout.addWidget(self.referenceButton)

        self.exportSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.exportLayout.addItem(self.exportSpacer)

        self.importButton = QPushButton(ExchangeScreen)
        self.importButton.setObjectName(u"importButton")

        self.exportLayout.addWidget(self.importButton)


        self.mainLayout.addLayout(self.exportLayout)

        self.keysLayout = QHBoxLayout()
        self.keysLayout.setObjectName(u"keysLayout")
        self.cardButton = QPushButton(ExchangeScreen)
        self.cardButton.setObjectName(u"cardButton")

        self.keysLayout.addWidget(self.cardButton)

        self.trustButton = QPushButton(ExchangeScreen)
        self.trustButton.setObjectName(u"trustButton")

        self.keysLayout.addWidget(self.trustButton)

        self.acceptButton = QPushButton(ExchangeScreen)
        self.acceptButton.setObjectName(u"acceptButton")

        self.keysLayout.addWidget(self.acceptButton)

        self.receiptButton = QPushButton(ExchangeScreen)
        self.receiptButton.setObjectName(u"receiptButton")

        self.keysLayout.addWidget(self.receiptButton)

        self.keysSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.keysLayout.addItem(self.keysSpacer)


        self.mainLayout.addLayout(self.keysLayout)

        self.tabs = QTabWidget(ExchangeScreen)
        self.tabs.setObjectName(u"tabs")
        self.historyTab = QWidget()
        self.historyTab.setObjectName(u"historyTab")
        self.historyLayout = QVBoxLayout(self.historyTab)
        self.historyLayout.setObjectName(u"historyLayout")
        self.historyTable = QTableView(self.historyTab)
        self.historyTable.setObjectName(u"historyTable")
        self.historyTable.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.historyTable.setAlternatingRowColors(True)
        self.historyTable.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.historyTable.setTabKeyNavigation(False)

        self.historyLayout.addWidget(self.historyTable)

        self.tabs.addTab(self.historyTab, "")
        self.townshipsTab = QWidget()
        self.townshipsTab.setObjectName(u"townshipsTab")
        self.townshipsLayout = QVBoxLayout(self.townshipsTab)
        self.townshipsLayout.setObjectName(u"townshipsLayout")
        self.townshipTable = QTableView(self.townshipsTab)
        self.townshipTable.setObjectName(u"townshipTable")
        self.townshipTable.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.townshipTable.setAlternatingRowColors(True)
        self.townshipTable.setSelectionMode(QAbstractItemView.SingleSelection)
        self.townshipTable.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.townshipTable.setTabKeyNavigation(False)

        self.townshipsLayout.addWidget(self.townshipTable)

        self.tabs.addTab(self.townshipsTab, "")
        self.conflictsTab = QWidget()
        self.conflictsTab.setObjectName(u"conflictsTab")
        self.conflictsLayout = QVBoxLayout(self.conflictsTab)
        self.conflictsLayout.setObjectName(u"conflictsLayout")
        self.conflictTable = QTableView(self.conflictsTab)
        self.conflictTable.setObjectName(u"conflictTable")
        self.conflictTable.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.conflictTable.setAlternatingRowColors(True)
        self.conflictTable.setSelectionMode(QAbstractItemView.SingleSelection)
        self.conflictTable.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.conflictTable.setTabKeyNavigation(False)

        self.conflictsLayout.addWidget(self.conflictTable)

        self.conflictButtons = QHBoxLayout()
        self.conflictButtons.setObjectName(u"conflictButtons")
        self.conflictSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.conflictButtons.addItem(self.conflictSpacer)

        self.conflictButton = QPushButton(self.conflictsTab)
        self.conflictButton.setObjectName(u"conflictButton")

        self.conflictButtons.addWidget(self.conflictButton)


        self.conflictsLayout.addLayout(self.conflictButtons)

        self.tabs.addTab(self.conflictsTab, "")
        self.quarantineTab = QWidget()
        self.quarantineTab.setObjectName(u"quarantineTab")
        self.quarantineLayout = QVBoxLayout(self.quarantineTab)
        self.quarantineLayout.setObjectName(u"quarantineLayout")
        self.quarantineTable = QTableView(self.quarantineTab)
        self.quarantineTable.setObjectName(u"quarantineTable")
        self.quarantineTable.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.quarantineTable.setAlternatingRowColors(True)
        self.quarantineTable.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.quarantineTable.setTabKeyNavigation(False)

        self.quarantineLayout.addWidget(self.quarantineTable)

        self.tabs.addTab(self.quarantineTab, "")

        self.mainLayout.addWidget(self.tabs)

#if QT_CONFIG(shortcut)
        self.passphraseLabel.setBuddy(self.passphraseEdit)
        self.splitLabel.setBuddy(self.splitSpin)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ExchangeScreen)

        QMetaObject.connectSlotsByName(ExchangeScreen)
    # setupUi

    def retranslateUi(self, ExchangeScreen):
        self.titleLabel.setText(QCoreApplication.translate("ExchangeScreen", u"\u6570\u636e\u4ea4\u6362", None))
        self.refreshButton.setText(QCoreApplication.translate("ExchangeScreen", u"\u5237\u65b0(&F)", None))
        self.stationLabel.setText("")
        self.statusLabel.setText("")
        self.messageLabel.setText("")
        self.passphraseLabel.setText(QCoreApplication.translate("ExchangeScreen", u"\u533a\u7ea7\u5bc6\u94a5\u53e3\u4ee4\uff1a", None))
        self.unlockButton.setText(QCoreApplication.translate("ExchangeScreen", u"\u89e3\u9501\u5bc6\u94a5(&U)", None))
        self.exportUsbButton.setText(QCoreApplication.translate("ExchangeScreen", u"\u5bfc\u51fa\u5230U\u76d8(&E)\u2026", None))
        self.exportMailButton.setText(QCoreApplication.translate("ExchangeScreen", u"\u5bfc\u51fa\u4e3a\u90ae\u4ef6\u9644\u4ef6(&M)\u2026", None))
        self.splitLabel.setText(QCoreApplication.translate("ExchangeScreen", u"\u6bcf\u5377", None))
        self.splitSpin.setSuffix(QCoreApplication.translate("ExchangeScreen", u" MB", None))
        self.fullCheck.setText(QCoreApplication.translate("ExchangeScreen", u"\u5b8c\u6574\u5bfc\u51fa\uff08\u5168\u90e8\u6570\u636e\uff09", None))
        self.referenceButton.setText(QCoreApplication.translate("ExchangeScreen", u"\u4e0b\u53d1\u53c2\u8003\u6570\u636e(&R)\u2026", None))
        self.importButton.setText(QCoreApplication.translate("ExchangeScreen", u"\u5bfc\u5165\u6570\u636e\u5305/\u56de\u6267(&I)\u2026", None))
        self.cardButton.setText(QCoreApplication.translate("ExchangeScreen", u"\u5bfc\u51fa\u672c\u7ad9\u540d\u7247(&C)\u2026", None))
        self.trustButton.setText(QCoreApplication.translate("ExchangeScreen", u"\u5bfc\u5165\u5bf9\u65b9\u540d\u7247(&T)\u2026", None))
        self.acceptButton.setText(QCoreApplication.translate("ExchangeScreen", u"\u6838\u5bf9\u6307\u7eb9\u5e76\u63a5\u53d7\u4e61\u9547(&A)\u2026", None))
        self.receiptButton.setText(QCoreApplication.translate("ExchangeScreen", u"\u91cd\u65b0\u51fa\u5177\u56de\u6267\u2026", None))
        self.tabs.setTabText(self.tabs.indexOf(self.historyTab), QCoreApplication.translate("ExchangeScreen", u"\u6570\u636e\u5305\u8bb0\u5f55", None))
        self.tabs.setTabText(self.tabs.indexOf(self.townshipsTab), QCoreApplication.translate("ExchangeScreen", u"\u4e61\u9547", None))
        self.conflictButton.setText(QCoreApplication.translate("ExchangeScreen", u"\u5bf9\u7167\u4e24\u4e2a\u7248\u672c\u5e76\u5904\u7406(&O)\u2026", None))
        self.tabs.setTabText(self.tabs.indexOf(self.conflictsTab), QCoreApplication.translate("ExchangeScreen", u"\u51b2\u7a81", None))
        self.tabs.setTabText(self.tabs.indexOf(self.quarantineTab), QCoreApplication.translate("ExchangeScreen", u"\u9694\u79bb\u7684\u8bb0\u5f55", None))
        pass
    # retranslateUi

