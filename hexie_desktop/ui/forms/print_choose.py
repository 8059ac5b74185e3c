# generated — do not edit: source forms/print_choose.ui, regenerate with `python scripts/gen_forms.py`
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'print_choose.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QDialogButtonBox, QLabel, QListWidget,
    QVBoxLayout, QWidget)

class Ui_PrintChooseDialog(object):
    def setupUi(self, PrintChooseDialog):
        if not PrintChooseDialog.objectName():
            PrintChooseDialog.setObjectName(u"PrintChooseDialog")
        PrintChooseDialog.resize(520, 460)
        self.mainLayout = QVBoxLayout(PrintChooseDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.titleLabel = QLabel(PrintChooseDialog)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.titleLabel)

        self.listLabel = QLabel(PrintChooseDialog)
        self.listLabel.setObjectName(u"listLabel")

        self.mainLayout.addWidget(self.listLabel)

        self.documents = QListWidget(PrintChooseDialog)
        self.documents.setObjectName(u"documents")
        self.documents.setSelectionMode(QAbstractItemView.SingleSelection)

        self.mainLayout.addWidget(self.documents)

        self.draftCheck = QCheckBox(PrintChooseDialog)
        self.draftCheck.setObjectName(u"draftCheck")

        self.mainLayout.addWidget(self.draftCheck)

        self.hintLabel = QLabel(PrintChooseDialog)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.hintLabel)

        self.buttonBox = QDialogButtonBox(PrintChooseDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.listLabel.setBuddy(self.documents)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.documents, self.draftCheck)

        self.retranslateUi(PrintChooseDialog)

        QMetaObject.connectSlotsByName(PrintChooseDialog)
    # setupUi

    def retranslateUi(self, PrintChooseDialog):
        PrintChooseDialog.setWindowTitle(QCoreApplication.translate("PrintChooseDialog", u"\u6253\u5370\u6587\u4e66", None))
        self.titleLabel.setText("")
        self.listLabel.setText(QCoreApplication.translate("PrintChooseDialog", u"\u672c\u6848\u5f53\u524d\u53ef\u6253\u5370\u7684\u6587\u4e66(&D)\uff1a", None))
        self.draftCheck.setText(QCoreApplication.translate("PrintChooseDialog", u"\u6253\u5370\u8349\u7a3f(&R)\uff08\u5e26\u201c\u8349\u7a3f\u201d\u6c34\u5370\uff0c\u4e0d\u767b\u8bb0\u4e3a\u5df2\u51fa\u5177\u6587\u4e66\uff09", None))
        self.hintLabel.setText("")
    # retranslateUi

