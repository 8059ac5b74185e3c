# generated — do not edit: source forms/exchange_conflict.ui, regenerate with `python scripts/gen_forms.py`
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'exchange_conflict.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, Qt
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QHBoxLayout, QLabel, QPushButton,
    QSizePolicy, QSpacerItem, QTableView, QVBoxLayout)

class Ui_ExchangeConflictDialog(object):
    def setupUi(self, ExchangeConflictDialog):
        if not ExchangeConflictDialog.objectName():
            ExchangeConflictDialog.setObjectName(u"ExchangeConflictDialog")
        ExchangeConflictDialog.resize(860, 560)
        self.mainLayout = QVBoxLayout(ExchangeConflictDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.reasonLabel = QLabel(ExchangeConflictDialog)
        self.reasonLabel.setObjectName(u"reasonLabel")
        self.reasonLabel.setWordWrap(True)
        self.reasonLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.mainLayout.addWidget(self.reasonLabel)

        self.allCheck = QCheckBox(ExchangeConflictDialog)
        self.allCheck.setObjectName(u"allCheck")

        self.mainLayout.addWidget(self.allCheck)

        self.table = QTableView(ExchangeConflictDialog)
        self.table.setObjectName(u"table")
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setTabKeyNavigation(False)

        self.mainLayout.addWidget(self.table)

        self.noteLabel = QLabel(ExchangeConflictDialog)
        self.noteLabel.setObjectName(u"noteLabel")
        self.noteLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.noteLabel)

        self.buttonLayout = QHBoxLayout()
        self.buttonLayout.setObjectName(u"buttonLayout")
        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonLayout.addItem(self.buttonSpacer)

        self.keepButton = QPushButton(ExchangeConflictDialog)
        self.keepButton.setObjectName(u"keepButton")

        self.buttonLayout.addWidget(self.keepButton)

        self.takeButton = QPushButton(ExchangeConflictDialog)
        self.takeButton.setObjectName(u"takeButton")

        self.buttonLayout.addWidget(self.takeButton)

        self.closeButton = QPushButton(ExchangeConflictDialog)
        self.closeButton.setObjectName(u"closeButton")

        self.buttonLayout.addWidget(self.closeButton)


        self.mainLayout.addLayout(self.buttonLayout)


        self.retranslateUi(ExchangeConflictDialog)

        QMetaObject.connectSlotsByName(ExchangeConflictDialog)
    # setupUi

    def retranslateUi(self, ExchangeConflictDialog):
        ExchangeConflictDialog.setWindowTitle(QCoreApplication.translate("ExchangeConflictDialog", u"\u51b2\u7a81\uff1a\u5bf9\u7167\u4e24\u4e2a\u7248\u672c", None))
        self.reasonLabel.setText("")
        self.allCheck.setText(QCoreApplication.translate("ExchangeConflictDialog", u"\u663e\u793a\u5168\u90e8\u5b57\u6bb5\uff08\u4e0d\u53ea\u662f\u4e0d\u540c\u7684\uff09", None))
        self.noteLabel.setText(QCoreApplication.translate("ExchangeConflictDialog", u"\u8bb0\u5f55\u5f52\u4e61\u9547\u6240\u6709\uff1a\u533a\u91cc\u53ea\u80fd\u5728\u4e24\u4e2a\u7248\u672c\u4e2d\u9009\u62e9\u4e00\u4e2a\uff0c\u4e0d\u80fd\u4fee\u6539\u5185\u5bb9\u3002", None))
        self.keepButton.setText(QCoreApplication.translate("ExchangeConflictDialog", u"\u4fdd\u7559\u533a\u91cc\u7684\u7248\u672c(&K)", None))
        self.takeButton.setText(QCoreApplication.translate("ExchangeConflictDialog", u"\u91c7\u7528\u4e61\u9547\u7684\u7248\u672c(&T)", None))
        self.closeButton.setText(QCoreApplication.translate("ExchangeConflictDialog", u"\u7a0d\u540e\u5904\u7406", None))
    # retranslateUi

