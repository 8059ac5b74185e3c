# generated — do not edit: source forms/first_run.ui, regenerate with `python scripts/gen_forms.py`
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'first_run.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialogButtonBox, QFormLayout, QGroupBox,
    QLabel, QLineEdit, QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_FirstRunDialog(object):
    def setupUi(self, FirstRunDialog):
        if not FirstRunDialog.objectName():
            FirstRunDialog.setObjectName(u"FirstRunDialog")
        FirstRunDialog.resize(560, 520)
        self.mainLayout = QVBoxLayout(FirstRunDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(FirstRunDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.stationGroup = QGroupBox(FirstRunDialog)
        self.stationGroup.setObjectName(u"stationGroup")
        self.stationForm = QFormLayout(self.stationGroup)
        self.stationForm.setObjectName(u"stationForm")
        self.roleLabel = QLabel(self.stationGroup)
        self.roleLabel.setObjectName(u"roleLabel")

        self.stationForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.roleLabel)

        self.role = QComboBox(self.stationGroup)
        self.role.setObjectName(u"role")

        self.stationForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.role)

        self.unitCodeLabel = QLabel(self.stationGroup)
        self.unitCodeLabel.setObjectName(u"unitCodeLabel")

        self.stationForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.unitCodeLabel)

        self.unitCode = QLineEdit(self.stationGroup)
        self.unitCode.setObjectName(u"unitCode")

        self.stationForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.unitCode)

        self.unitNameLabel = QLabel(self.stationGroup)
        self.unitNameLabel.setObjectName(u"unitNameLabel")

        self.stationForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.unitNameLabel)

        self.unitName = QLineEdit(self.stationGroup)
        self.unitName.setObjectName(u"unitName")

        self.stationForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.unitName)

        self.shortNameLabel = QLabel(self.stationGroup)
        self.shortNameLabel.setObjectName(u"shortNameLabel")

        self.stationForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.shortNameLabel)

        self.shortName = QLineEdit(self.stationGroup)
        self.shortName.setObjectName(u"shortName")

        self.stationForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.shortName)


        self.mainLayout.addWidget(self.stationGroup)

        self.adminGroup = QGroupBox(FirstRunDialog)
        self.adminGroup.setObjectName(u"adminGroup")
        self.adminForm = QFormLayout(self.adminGroup)
        self.adminForm.setObjectName(u"adminForm")
        self.adminUserLabel = QLabel(self.adminGroup)
        self.adminUserLabel.setObjectName(u"adminUserLabel")

        self.adminForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.adminUserLabel)

        self.adminUser = QLineEdit(self.adminGroup)
        self.adminUser.setObjectName(u"adminUser")
        self.adminUser.setText(u"admin")

        self.adminForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.adminUser)

        self.adminNameLabel = QLabel(self.adminGroup)
        self.adminNameLabel.setObjectName(u"adminNameLabel")

        self.adminForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.adminNameLabel)

        self.adminName = QLineEdit(self.adminGroup)
        self.adminName.setObjectName(u"adminName")

        self.adminForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.adminName)

        self.passwordLabel = QLabel(self.adminGroup)
        self.passwordLabel.setObjectName(u"passwordLabel")

        self.adminForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.passwordLabel)

        self.password = QLineEdit(self.adminGroup)
        self.password.setObjectName(u"password")
        self.password.setEchoMode(QLineEdit.Password)

        self.adminForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.password)

        self.password2Label = QLabel(self.adminGroup)
        self.password2Label.setObjectName(u"password2Label")

        self.adminForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.password2Label)

        self.password2 = QLineEdit(self.adminGroup)
        self.password2.setObjectName(u"password2")
        self.password2.setEchoMode(QLineEdit.Password)

        self.adminForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.password2)


        self.mainLayout.addWidget(self.adminGroup)

        self.mediatorGroup = QGroupBox(FirstRunDialog)
        self.mediatorGroup.setObjectName(u"mediatorGroup")
        self.mediatorForm = QFormLayout(self.mediatorGroup)
        self.mediatorForm.setObjectName(u"mediatorForm")
        self.mediatorNameLabel = QLabel(self.mediatorGroup)
        self.mediatorNameLabel.setObjectName(u"mediatorNameLabel")

        self.mediatorForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.mediatorNameLabel)

        self.mediatorName = QLineEdit(self.mediatorGroup)
        self.mediatorName.setObjectName(u"mediatorName")

        self.mediatorForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.mediatorName)

        self.adminIsMediator = QCheckBox(self.mediatorGroup)
        self.adminIsMediator.setObjectName(u"adminIsMediator")

        self.mediatorForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.adminIsMediator)


        self.mainLayout.addWidget(self.mediatorGroup)

        self.errorLabel = QLabel(FirstRunDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.spacer)

        self.buttonBox = QDialogButtonBox(FirstRunDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.roleLabel.setBuddy(self.role)
        self.unitCodeLabel.setBuddy(self.unitCode)
        self.unitNameLabel.setBuddy(self.unitName)
        self.shortNameLabel.setBuddy(self.shortName)
        self.adminUserLabel.setBuddy(self.adminUser)
        self.adminNameLabel.setBuddy(self.adminName)
        self.passwordLabel.setBuddy(self.password)
        self.password2Label.setBuddy(self.password2)
        self.mediatorNameLabel.setBuddy(self.mediatorName)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.role, self.unitCode)
        QWidget.setTabOrder(self.unitCode, self.unitName)
        QWidget.setTabOrder(self.unitName, self.shortName)
        QWidget.setTabOrder(self.shortName, self.adminUser)
        QWidget.setTabOrder(self.adminUser, self.adminName)
        QWidget.setTabOrder(self.adminName, self.password)
        QWidget.setTabOrder(self.password, self.password2)
        QWidget.setTabOrder(self.password2, self.mediatorName)
        QWidget.setTabOrder(self.mediatorName, self.adminIsMediator)

        self.retranslateUi(FirstRunDialog)

        QMetaObject.connectSlotsByName(FirstRunDialog)
    # setupUi

    def retranslateUi(self, FirstRunDialog):
        FirstRunDialog.setWindowTitle(QCoreApplication.translate("FirstRunDialog", u"\u9996\u6b21\u4f7f\u7528 \u2014 \u521b\u5efa\u7ad9\u70b9", None))
        self.introLabel.setText(QCoreApplication.translate("FirstRunDialog", u"\u8fd9\u53f0\u7535\u8111\u4e0a\u8fd8\u6ca1\u6709\u7ad9\u70b9\u6570\u636e\u3002\u8bf7\u586b\u5199\u672c\u8c03\u89e3\u7ec4\u7ec7\u7684\u4fe1\u606f\u5e76\u8bbe\u7f6e\u7ba1\u7406\u5458\u8d26\u6237\u3002\u4ee5\u540e\u53ef\u5728\u201c\u8bbe\u7f6e\u201d\u4e2d\u8865\u5145\u4ef2\u88c1\u59d4\u5458\u4f1a\u7b49\u4fe1\u606f\u3002", None))
        self.stationGroup.setTitle(QCoreApplication.translate("FirstRunDialog", u"\u7ad9\u70b9", None))
        self.roleLabel.setText(QCoreApplication.translate("FirstRunDialog", u"\u7ad9\u70b9\u7c7b\u578b(&T)", None))
        self.unitCodeLabel.setText(QCoreApplication.translate("FirstRunDialog", u"\u5355\u4f4d\u4ee3\u7801(&C)", None))
        self.unitCode.setPlaceholderText(QCoreApplication.translate("FirstRunDialog", u"\u7edf\u8ba1\u7528\u533a\u5212\u4ee3\u7801\uff1a\u4e61\u95479\u4f4d\uff0c\u533a\u53bf6\u4f4d", None))
        self.unitNameLabel.setText(QCoreApplication.translate("FirstRunDialog", u"\u5355\u4f4d\u540d\u79f0(&N)", None))
        self.unitName.setPlaceholderText(QCoreApplication.translate("FirstRunDialog", u"\u5982\uff1a\u00d7\u00d7\u9547\u52b3\u52a8\u4eba\u4e8b\u4e89\u8bae\u8c03\u89e3\u4e2d\u5fc3", None))
        self.shortNameLabel.setText(QCoreApplication.translate("FirstRunDialog", u"\u7b80\u79f0(&S)", None))
        self.shortName.setPlaceholderText(QCoreApplication.translate("FirstRunDialog", u"\u7528\u4e8e\u6848\u4ef6\u7f16\u53f7\uff0c\u5982\uff1a\u00d7\u00d7\u9547", None))
        self.adminGroup.setTitle(QCoreApplication.translate("FirstRunDialog", u"\u7ba1\u7406\u5458\u8d26\u6237", None))
        self.adminUserLabel.setText(QCoreApplication.translate("FirstRunDialog", u"\u7528\u6237\u540d(&U)", None))
        self.adminNameLabel.setText(QCoreApplication.translate("FirstRunDialog", u"\u59d3\u540d(&M)", None))
        self.passwordLabel.setText(QCoreApplication.translate("FirstRunDialog", u"\u5bc6\u7801(&P)", None))
        self.password.setPlaceholderText(QCoreApplication.translate("FirstRunDialog", u"\u81f3\u5c116\u4e2a\u5b57\u7b26", None))
        self.password2Label.setText(QCoreApplication.translate("FirstRunDialog", u"\u786e\u8ba4\u5bc6\u7801(&R)", None))
        self.mediatorGroup.setTitle(QCoreApplication.translate("FirstRunDialog", u"\u7b2c\u4e00\u4f4d\u8c03\u89e3\u5458\uff08\u53ef\u7a0d\u540e\u5728\u201c\u540d\u518c\u53f0\u8d26 \u203a \u8c03\u89e3\u5458\u201d\u4e2d\u6dfb\u52a0\uff09", None))
        self.mediatorNameLabel.setText(QCoreApplication.translate("FirstRunDialog", u"\u8c03\u89e3\u5458\u59d3\u540d(&D)", None))
        self.mediatorName.setPlaceholderText(QCoreApplication.translate("FirstRunDialog", u"\u53d7\u7406\u6848\u4ef6\u987b\u6307\u5b9a\u8c03\u89e3\u5458\uff1b\u53ef\u7559\u7a7a\u8df3\u8fc7", None))
        self.adminIsMediator.setText(QCoreApplication.translate("FirstRunDialog", u"\u7ba1\u7406\u5458\u672c\u4eba\u5c31\u662f\u8fd9\u4f4d\u8c03\u89e3\u5458\uff08\u5173\u8054\u8d26\u6237\uff09(&L)", None))
        self.errorLabel.setText("")
    # retranslateUi

