# generated — do not edit: source forms/print_wallboard.ui, regenerate with `python scripts/gen_forms.py`
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'print_wallboard.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject
from PySide6.QtWidgets import (QDialogButtonBox, QGroupBox, QLabel, QRadioButton, QSizePolicy,
    QSpacerItem, QVBoxLayout)

class Ui_PrintWallboardDialog(object):
    def setupUi(self, PrintWallboardDialog):
        if not PrintWallboardDialog.objectName():
            PrintWallboardDialog.setObjectName(u"PrintWallboardDialog")
        PrintWallboardDialog.resize(480, 230)
        self.mainLayout = QVBoxLayout(PrintWallboardDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.titleLabel = QLabel(PrintWallboardDialog)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.titleLabel)

        self.introLabel = QLabel(PrintWallboardDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.sizeGroup = QGroupBox(PrintWallboardDialog)
        self.sizeGroup.setObjectName(u"sizeGroup")
        self.sizeLayout = QVBoxLayout(self.sizeGroup)
        self.sizeLayout.setObjectName(u"sizeLayout")
        self.a2Radio = QRadioButton(self.sizeGroup)
        self.a2Radio.setObjectName(u"a2Radio")
        self.a2Radio.setChecked(True)

        self.sizeLayout.addWidget(self.a2Radio)

        self.a3Radio = QRadioButton(self.sizeGroup)
        self.a3Radio.setObjectName(u"a3Radio")

        self.sizeLayout.addWidget(self.a3Radio)


        self.mainLayout.addWidget(self.sizeGroup)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.bottomSpacer)

        self.buttonBox = QDialogButtonBox(PrintWallboardDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.mainLayout.addWidget(self.buttonBox)


        self.retranslateUi(PrintWallboardDialog)

        QMetaObject.connectSlotsByName(PrintWallboardDialog)
    # setupUi

    def retranslateUi(self, PrintWallboardDialog):
        PrintWallboardDialog.setWindowTitle(QCoreApplication.translate("PrintWallboardDialog", u"\u6253\u5370\u4e0a\u5899\u5c55\u677f", None))
        self.titleLabel.setText("")
        self.introLabel.setText(QCoreApplication.translate("PrintWallboardDialog", u"\u4e94\u4e0a\u5899\u5c55\u677f\uff1a\u7ec4\u7ec7\u540d\u79f0\u3001\u4eba\u5458\u3001\u804c\u8d23\u3001\u7a0b\u5e8f\u3001\u7eaa\u5f8b\u4e0e\u5236\u5ea6\uff0c\u6bcf\u5757\u4e00\u9875\u3002", None))
        self.sizeGroup.setTitle(QCoreApplication.translate("PrintWallboardDialog", u"\u7eb8\u5f20\u5927\u5c0f", None))
        self.a2Radio.setText(QCoreApplication.translate("PrintWallboardDialog", u"A2\uff08420\u00d7594 \u6beb\u7c73\uff0c\u5b9c\u4ea4\u56fe\u6587\u5e97\u8f93\u51fa\uff09(&2)", None))
        self.a3Radio.setText(QCoreApplication.translate("PrintWallboardDialog", u"A3\uff08297\u00d7420 \u6beb\u7c73\uff0cA3 \u6253\u5370\u673a\u53ef\u76f4\u63a5\u6253\u5370\uff09(&3)", None))
    # retranslateUi

