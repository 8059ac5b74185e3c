# generated — do not edit: source forms/attachment_dialog.ui, regenerate with `python scripts/gen_forms.py`
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'attachment_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, QSize, Qt
from PySide6.QtWidgets import (QComboBox, QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QSizePolicy, QSpacerItem, QSpinBox, QVBoxLayout, QWidget)

class Ui_AttachmentDialog(object):
    def setupUi(self, AttachmentDialog):
        if not AttachmentDialog.objectName():
            AttachmentDialog.setObjectName(u"AttachmentDialog")
        AttachmentDialog.resize(480, 250)
        self.mainLayout = QVBoxLayout(AttachmentDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.fileLabel = QLabel(AttachmentDialog)
        self.fileLabel.setObjectName(u"fileLabel")
        self.fileLabel.setWordWrap(True)
        self.fileLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.mainLayout.addWidget(self.fileLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.titleLabel = QLabel(AttachmentDialog)
        self.titleLabel.setObjectName(u"titleLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.titleLabel)

        self.title = QLineEdit(AttachmentDialog)
        self.title.setObjectName(u"title")
        self.title.setMaxLength(200)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.title)

        self.docTypeLabel = QLabel(AttachmentDialog)
        self.docTypeLabel.setObjectName(u"docTypeLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.docTypeLabel)

        self.docType = QComboBox(AttachmentDialog)
        self.docType.setObjectName(u"docType")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.docType)

        self.pagesLabel = QLabel(AttachmentDialog)
        self.pagesLabel.setObjectName(u"pagesLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.pagesLabel)

        self.pages = QSpinBox(AttachmentDialog)
        self.pages.setObjectName(u"pages")
        self.pages.setMinimum(1)
        self.pages.setMaximum(10000)
        self.pages.setMaximumSize(QSize(100, 16777215))

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.pages)


        self.mainLayout.addLayout(self.formLayout)

        self.hintLabel = QLabel(AttachmentDialog)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.hintLabel)

        self.errorLabel = QLabel(AttachmentDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.bottomSpacer)

        self.buttonBox = QDialogButtonBox(AttachmentDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.titleLabel.setBuddy(self.title)
        self.docTypeLabel.setBuddy(self.docType)
        self.pagesLabel.setBuddy(self.pages)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.title, self.docType)
        QWidget.setTabOrder(self.docType, self.pages)

        self.retranslateUi(AttachmentDialog)

        QMetaObject.connectSlotsByName(AttachmentDialog)
    # setupUi

    def retranslateUi(self, AttachmentDialog):
        AttachmentDialog.setWindowTitle(QCoreApplication.translate("AttachmentDialog", u"\u6dfb\u52a0\u6750\u6599", None))
        self.fileLabel.setText("")
        self.titleLabel.setText(QCoreApplication.translate("AttachmentDialog", u"\u9898\u540d(&T)", None))
        self.title.setPlaceholderText(QCoreApplication.translate("AttachmentDialog", u"\u5217\u5165\u5377\u5185\u76ee\u5f55\u7684\u540d\u79f0\uff0c\u5982\u201c\u7533\u8bf7\u4eba\u8eab\u4efd\u8bc1\u590d\u5370\u4ef6\u201d", None))
        self.docTypeLabel.setText(QCoreApplication.translate("AttachmentDialog", u"\u6750\u6599\u7c7b\u578b(&K)", None))
        self.pagesLabel.setText(QCoreApplication.translate("AttachmentDialog", u"\u9875\u6570(&N)", None))
        self.hintLabel.setText(QCoreApplication.translate("AttachmentDialog", u"\u6750\u6599\u7c7b\u578b\u51b3\u5b9a\u6b64\u6750\u6599\u5728\u5377\u5185\u76ee\u5f55\u4e2d\u7684\u4f4d\u7f6e\uff1b\u9875\u6570\u7528\u4e8e\u7f16\u6392\u5377\u5185\u76ee\u5f55\u7684\u9875\u53f7\u3002", None))
        self.errorLabel.setText("")
    # retranslateUi

