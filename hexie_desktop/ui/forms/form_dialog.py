# generated — do not edit: source forms/form_dialog.ui, regenerate with `python scripts/gen_forms.py`
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'form_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject
from PySide6.QtWidgets import (QDialogButtonBox, QFormLayout, QFrame, QLabel, QScrollArea,
    QVBoxLayout, QWidget)

class Ui_FormDialog(object):
    def setupUi(self, FormDialog):
        if not FormDialog.objectName():
            FormDialog.setObjectName(u"FormDialog")
        FormDialog.resize(520, 420)
        self.mainLayout = QVBoxLayout(FormDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(FormDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.scroll = QScrollArea(FormDialog)
        self.scroll.setObjectName(u"scroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.NoFrame)
        self.formHost = QWidget()
        self.formHost.setObjectName(u"formHost")
        self.form = QFormLayout(self.formHost)
        self.form.setObjectName(u"form")
        self.form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.scroll.setWidget(self.formHost)

        self.mainLayout.addWidget(self.scroll)

        self.errorLabel = QLabel(FormDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(FormDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.mainLayout.addWidget(self.buttonBox)


        self.retranslateUi(FormDialog)

        QMetaObject.connectSlotsByName(FormDialog)
    # setupUi

    def retranslateUi(self, FormDialog):
        FormDialog.setWindowTitle(QCoreApplication.translate("FormDialog", u"\u529e\u7406", None))
        self.introLabel.setText("")
        self.errorLabel.setText("")
    # retranslateUi

