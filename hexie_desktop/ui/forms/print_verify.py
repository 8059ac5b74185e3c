# generated — do not edit: source forms/print_verify.ui, regenerate with `python scripts/gen_forms.py`
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'print_verify.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, QSize, Qt
from PySide6.QtWidgets import (QDialogButtonBox, QHBoxLayout, QLabel, QLineEdit, QPushButton,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_PrintVerifyDialog(object):
    def setupUi(self, PrintVerifyDialog):
        if not PrintVerifyDialog.objectName():
            PrintVerifyDialog.setObjectName(u"PrintVerifyDialog")
        PrintVerifyDialog.resize(640, 270)
        self.mainLayout = QVBoxLayout(PrintVerifyDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(PrintVerifyDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.entryLayout = QHBoxLayout()
        self.entryLayout.setObjectName(u"entryLayout")
        self.textLabel = QLabel(PrintVerifyDialog)
        self.textLabel.setObjectName(u"textLabel")

        self.entryLayout.addWidget(self.textLabel)

        self.qrText = QLineEdit(PrintVerifyDialog)
        self.qrText.setObjectName(u"qrText")
        self.qrText.setClearButtonEnabled(True)

        self.entryLayout.addWidget(self.qrText)

        self.pasteButton = QPushButton(PrintVerifyDialog)
        self.pasteButton.setObjectName(u"pasteButton")
        self.pasteButton.setAutoDefault(False)

        self.entryLayout.addWidget(self.pasteButton)

        self.verifyButton = QPushButton(PrintVerifyDialog)
        self.verifyButton.setObjectName(u"verifyButton")

        self.entryLayout.addWidget(self.verifyButton)


        self.mainLayout.addLayout(self.entryLayout)

        self.resultLabel = QLabel(PrintVerifyDialog)
        self.resultLabel.setObjectName(u"resultLabel")
        self.resultLabel.setAlignment(Qt.AlignCenter)
        self.resultLabel.setMinimumSize(QSize(0, 56))

        self.mainLayout.addWidget(self.resultLabel)

        self.messageLabel = QLabel(PrintVerifyDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)
        self.messageLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.mainLayout.addWidget(self.messageLabel)

        self.detailsLabel = QLabel(PrintVerifyDialog)
        self.detailsLabel.setObjectName(u"detailsLabel")
        self.detailsLabel.setWordWrap(True)
        self.detailsLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.mainLayout.addWidget(self.detailsLabel)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.bottomSpacer)

        self.buttonBox = QDialogButtonBox(PrintVerifyDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Close)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.textLabel.setBuddy(self.qrText)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.qrText, self.verifyButton)
        QWidget.setTabOrder(self.verifyButton, self.pasteButton)

        self.retranslateUi(PrintVerifyDialog)

        self.verifyButton.setDefault(True)


        QMetaObject.connectSlotsByName(PrintVerifyDialog)
    # setupUi

    def retranslateUi(self, PrintVerifyDialog):
        PrintVerifyDialog.setWindowTitle(QCoreApplication.translate("PrintVerifyDialog", u"\u6838\u5bf9\u534f\u8bae\u4e8c\u7ef4\u7801", None))
        self.introLabel.setText(QCoreApplication.translate("PrintVerifyDialog", u"\u7528\u626b\u7801\u67aa\u626b\u63cf\u8c03\u89e3\u534f\u8bae\u4e66\u4e0a\u7684\u4e8c\u7ef4\u7801\uff0c\u6216\u628a\u624b\u673a\u8bc6\u522b\u51fa\u7684\u6587\u5b57\u7c98\u8d34\u5230\u4e0b\u9762\uff0c\u7136\u540e\u6309\u56de\u8f66\u6216\u70b9\u201c\u6838\u5bf9\u201d\u3002", None))
        self.textLabel.setText(QCoreApplication.translate("PrintVerifyDialog", u"\u4e8c\u7ef4\u7801\u5185\u5bb9(&T)", None))
        self.qrText.setPlaceholderText(QCoreApplication.translate("PrintVerifyDialog", u"HEXIE1|\u6848\u4ef6\u6807\u8bc6|\u5185\u5bb9\u6458\u8981", None))
        self.pasteButton.setText(QCoreApplication.translate("PrintVerifyDialog", u"\u7c98\u8d34(&P)", None))
        self.verifyButton.setText(QCoreApplication.translate("PrintVerifyDialog", u"\u6838\u5bf9(&C)", None))
        self.resultLabel.setText("")
        self.messageLabel.setText("")
        self.detailsLabel.setText("")
    # retranslateUi

