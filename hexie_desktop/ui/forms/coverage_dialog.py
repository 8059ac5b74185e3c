# generated — do not edit: source forms/coverage_dialog.ui, regenerate with `python scripts/gen_forms.py`
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'coverage_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QDialogButtonBox, QHBoxLayout, QLabel,
    QSizePolicy, QSpacerItem, QTableView, QVBoxLayout)

class Ui_CoverageDialog(object):
    def setupUi(self, CoverageDialog):
        if not CoverageDialog.objectName():
            CoverageDialog.setObjectName(u"CoverageDialog")
        CoverageDialog.resize(860, 560)
        self.mainLayout = QVBoxLayout(CoverageDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.titleLabel = QLabel(CoverageDialog)
        self.titleLabel.setObjectName(u"titleLabel")

        self.mainLayout.addWidget(self.titleLabel)

        self.summaryLabel = QLabel(CoverageDialog)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.summaryLabel)

        self.filterLayout = QHBoxLayout()
        self.filterLayout.setObjectName(u"filterLayout")
        self.uncoveredOnly = QCheckBox(CoverageDialog)
        self.uncoveredOnly.setObjectName(u"uncoveredOnly")

        self.filterLayout.addWidget(self.uncoveredOnly)

        self.filterSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.filterLayout.addItem(self.filterSpacer)


        self.mainLayout.addLayout(self.filterLayout)

        self.table = QTableView(CoverageDialog)
        self.table.setObjectName(u"table")
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setTabKeyNavigation(False)

        self.mainLayout.addWidget(self.table)

        self.hintLabel = QLabel(CoverageDialog)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.hintLabel)

        self.buttonBox = QDialogButtonBox(CoverageDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Close)

        self.mainLayout.addWidget(self.buttonBox)


        self.retranslateUi(CoverageDialog)

        QMetaObject.connectSlotsByName(CoverageDialog)
    # setupUi

    def retranslateUi(self, CoverageDialog):
        CoverageDialog.setWindowTitle(QCoreApplication.translate("CoverageDialog", u"\u52b3\u52a8\u5173\u7cfb\u534f\u8c03\u5458\u8986\u76d6\u60c5\u51b5", None))
        self.titleLabel.setText(QCoreApplication.translate("CoverageDialog", u"\u52b3\u52a8\u5173\u7cfb\u534f\u8c03\u5458\u8986\u76d6\u4f01\u4e1a\u60c5\u51b5", None))
        self.summaryLabel.setText("")
        self.uncoveredOnly.setText(QCoreApplication.translate("CoverageDialog", u"\u53ea\u770b\u672a\u8986\u76d6\u7684\u4f01\u4e1a(&U)", None))
        self.hintLabel.setText(QCoreApplication.translate("CoverageDialog", u"\u5927\u4e2d\u578b\u4f01\u4e1a\u987b\u6709\u81f3\u5c111\u540d\u534f\u8c03\u5458\u670d\u52a1\uff08\u5728\u201c\u534f\u8c03\u5458\u670d\u52a1\u4f01\u4e1a\u201d\u4e2d\u767b\u8bb0\uff09\uff1b\u5c0f\u5fae\u4f01\u4e1a\u5728\u6709\u534f\u8c03\u5458\u7684\u4e61\u9547\uff08\u8857\u9053\uff09\u3001\u6751\uff08\u793e\u533a\uff09\u533a\u5212\u5185\u5373\u4e3a\u5df2\u8986\u76d6\u3002", None))
    # retranslateUi

