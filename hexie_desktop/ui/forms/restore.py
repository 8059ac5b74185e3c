# generated — do not edit: source forms/restore.ui, regenerate with `python scripts/gen_forms.py`
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'restore.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject
from PySide6.QtWidgets import (QAbstractItemView, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
    QPushButton, QSizePolicy, QSpacerItem, QTableWidget, QTableWidgetItem, QVBoxLayout)

class Ui_RestoreDialog(object):
    def setupUi(self, RestoreDialog):
        if not RestoreDialog.objectName():
            RestoreDialog.setObjectName(u"RestoreDialog")
        RestoreDialog.resize(760, 480)
        self.mainLayout = QVBoxLayout(RestoreDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.problemLabel = QLabel(RestoreDialog)
        self.problemLabel.setObjectName(u"problemLabel")
        self.problemLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.problemLabel)

        self.listLabel = QLabel(RestoreDialog)
        self.listLabel.setObjectName(u"listLabel")

        self.mainLayout.addWidget(self.listLabel)

        self.backupTable = QTableWidget(RestoreDialog)
        if (self.backupTable.columnCount() < 5):
            self.backupTable.setColumnCount(5)
        __qtablewidgetitem = QTableWidgetItem()
        self.backupTable.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.backupTable.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.backupTable.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        __qtablewidgetitem3 = QTableWidgetItem()
        self.backupTable.setHorizontalHeaderItem(3, __qtablewidgetitem3)
        __qtablewidgetitem4 = QTableWidgetItem()
        self.backupTable.setHorizontalHeaderItem(4, __qtablewidgetitem4)
        self.backupTable.setObjectName(u"backupTable")
        self.backupTable.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.backupTable.setSelectionMode(QAbstractItemView.SingleSelection)
        self.backupTable.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.backupTable.setColumnCount(5)

        self.mainLayout.addWidget(self.backupTable)

        self.lacksLabel = QLabel(RestoreDialog)
        self.lacksLabel.setObjectName(u"lacksLabel")
        self.lacksLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.lacksLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.usernameLabel = QLabel(RestoreDialog)
        self.usernameLabel.setObjectName(u"usernameLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.usernameLabel)

        self.username = QLineEdit(RestoreDialog)
        self.username.setObjectName(u"username")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.username)

        self.passwordLabel = QLabel(RestoreDialog)
        self.passwordLabel.setObjectName(u"passwordLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.passwordLabel)

        self.password = QLineEdit(RestoreDialog)
        self.password.setObjectName(u"password")
        self.password.setEchoMode(QLineEdit.Password)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.password)


        self.mainLayout.addLayout(self.formLayout)

        self.errorLabel = QLabel(RestoreDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonLayout = QHBoxLayout()
        self.buttonLayout.setObjectName(u"buttonLayout")
        self.backupButton = QPushButton(RestoreDialog)
        self.backupButton.setObjectName(u"backupButton")
        self.backupButton.setAutoDefault(False)

        self.buttonLayout.addWidget(self.backupButton)

        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonLayout.addItem(self.buttonSpacer)

        self.closeButton = QPushButton(RestoreDialog)
        self.closeButton.setObjectName(u"closeButton")
        self.closeButton.setAutoDefault(False)

        self.buttonLayout.addWidget(self.closeButton)

        self.restoreButton = QPushButton(RestoreDialog)
        self.restoreButton.setObjectName(u"restoreButton")

        self.buttonLayout.addWidget(self.restoreButton)


        self.mainLayout.addLayout(self.buttonLayout)

#if QT_CONFIG(shortcut)
        self.usernameLabel.setBuddy(self.username)
        self.passwordLabel.setBuddy(self.password)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(RestoreDialog)

        self.restoreButton.setDefault(True)


        QMetaObject.connectSlotsByName(RestoreDialog)
    # setupUi

    def retranslateUi(self, RestoreDialog):
        RestoreDialog.setWindowTitle(QCoreApplication.translate("RestoreDialog", u"\u5907\u4efd\u4e0e\u6062\u590d \u2014 \u548c\u8c10\u8c03\u89e3", None))
        self.problemLabel.setText("")
        self.listLabel.setText(QCoreApplication.translate("RestoreDialog", u"\u672c\u7ad9\u7684\u5907\u4efd\uff08\u6700\u65b0\u7684\u5728\u6700\u4e0a\u9762\uff09\uff1a", None))
        ___qtablewidgetitem = self.backupTable.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("RestoreDialog", u"\u5907\u4efd\u65f6\u95f4", None))
        ___qtablewidgetitem1 = self.backupTable.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("RestoreDialog", u"\u7c7b\u578b", None))
        ___qtablewidgetitem2 = self.backupTable.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("RestoreDialog", u"\u5927\u5c0f", None))
        ___qtablewidgetitem3 = self.backupTable.horizontalHeaderItem(3)
        ___qtablewidgetitem3.setText(QCoreApplication.translate("RestoreDialog", u"\u6848\u4ef6\u6570", None))
        ___qtablewidgetitem4 = self.backupTable.horizontalHeaderItem(4)
        ___qtablewidgetitem4.setText(QCoreApplication.translate("RestoreDialog", u"\u72b6\u6001", None))
        self.lacksLabel.setText("")
        self.usernameLabel.setText(QCoreApplication.translate("RestoreDialog", u"\u7ba1\u7406\u5458(&U)", None))
        self.passwordLabel.setText(QCoreApplication.translate("RestoreDialog", u"\u5907\u4efd\u4e2d\u7684\u5bc6\u7801(&P)", None))
        self.errorLabel.setText("")
        self.backupButton.setText(QCoreApplication.translate("RestoreDialog", u"\u7acb\u5373\u5907\u4efd(&B)", None))
        self.closeButton.setText(QCoreApplication.translate("RestoreDialog", u"\u5173\u95ed(&C)", None))
        self.restoreButton.setText(QCoreApplication.translate("RestoreDialog", u"\u4ece\u6240\u9009\u5907\u4efd\u6062\u590d(&R)", None))
    # retranslateUi

