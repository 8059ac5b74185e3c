# generated — do not edit: source forms/guide_dialog.ui, regenerate with `python scripts/gen_forms.py`
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'guide_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject
from PySide6.QtWidgets import QDialogButtonBox, QTextBrowser, QVBoxLayout

class Ui_GuideDialog(object):
    def setupUi(self, GuideDialog):
        if not GuideDialog.objectName():
            GuideDialog.setObjectName(u"GuideDialog")
        GuideDialog.resize(960, 680)
        self.mainLayout = QVBoxLayout(GuideDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.browser = QTextBrowser(GuideDialog)
        self.browser.setObjectName(u"browser")
        self.browser.setOpenExternalLinks(False)

        self.mainLayout.addWidget(self.browser)

        self.buttonBox = QDialogButtonBox(GuideDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Close)

        self.mainLayout.addWidget(self.buttonBox)


        self.retranslateUi(GuideDialog)

        QMetaObject.connectSlotsByName(GuideDialog)
    # setupUi

    def retranslateUi(self, GuideDialog):
        GuideDialog.setWindowTitle(QCoreApplication.translate("GuideDialog", u"\u4f7f\u7528\u8bf4\u660e", None))
    # retranslateUi

