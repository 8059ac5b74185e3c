# generated — do not edit: source forms/exchange_summary.ui, regenerate with `python scripts/gen_forms.py`
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'exchange_summary.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, Qt
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QLabel, QPushButton, QSizePolicy,
    QSpacerItem, QTableView, QVBoxLayout)

class Ui_ExchangeSummaryDialog(object):
    def setupUi(self, ExchangeSummaryDialog):
        if not ExchangeSummaryDialog.objectName():
            ExchangeSummaryDialog.setObjectName(u"ExchangeSummaryDialog")
        ExchangeSummaryDialog.resize(720, 480)
        self.mainLayout = QVBoxLayout(ExchangeSummaryDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.headLabel = QLabel(ExchangeSummaryDialog)
        self.headLabel.setObjectName(u"headLabel")
        self.headLabel.setWordWrap(True)
        self.headLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.mainLayout.addWidget(self.headLabel)

        self.table = QTableView(ExchangeSummaryDialog)
        self.table.setObjectName(u"table")
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setTabKeyNavigation(False)

        self.mainLayout.addWidget(self.table)

        self.problemLabel = QLabel(ExchangeSummaryDialog)
        self.problemLabel.setObjectName(u"problemLabel")
        self.problemLabel.setWordWrap(True)
        self.problemLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.mainLayout.addWidget(self.problemLabel)

        self.buttonLayout = QHBoxLayout()
        self.buttonLayout.setObjectName(u"buttonLayout")
        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonLayout.addItem(self.buttonSpacer)

        self.applyButton = QPushButton(ExchangeSummaryDialog)
        self.applyButton.setObjectName(u"applyButton")

        self.buttonLayout.addWidget(self.applyButton)

        self.cancelButton = QPushButton(ExchangeSummaryDialog)
        self.cancelButton.setObjectName(u"cancelButton")

        self.buttonLayout.addWidget(self.cancelButton)


        self.mainLayout.addLayout(self.buttonLayout)


        self.retranslateUi(ExchangeSummaryDialog)

        QMetaObject.connectSlotsByName(ExchangeSummaryDialog)
    # setupUi

    def retranslateUi(self, ExchangeSummaryDialog):
        ExchangeSummaryDialog.setWindowTitle(QCoreApplication.translate("ExchangeSummaryDialog", u"\u5bfc\u5165\u524d\u6838\u5bf9", None))
        self.headLabel.setText("")
        self.problemLabel.setText("")
        self.applyButton.setText(QCoreApplication.translate("ExchangeSummaryDialog", u"\u786e\u8ba4\u5bfc\u5165(&Y)", None))
        self.cancelButton.setText(QCoreApplication.translate("ExchangeSummaryDialog", u"\u53d6\u6d88", None))
    # retranslateUi

