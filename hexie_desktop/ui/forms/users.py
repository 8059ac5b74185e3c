# generated — do not edit: source forms/users.ui, regenerate with `python scripts/gen_forms.py`
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'users.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QLabel, QPushButton, QSizePolicy,
    QSpacerItem, QTableView, QVBoxLayout)

class Ui_UsersScreen(object):
    def setupUi(self, UsersScreen):
        if not UsersScreen.objectName():
            UsersScreen.setObjectName(u"UsersScreen")
        UsersScreen.resize(900, 640)
        self.mainLayout = QVBoxLayout(UsersScreen)
        self.mainLayout.setObjectName(u"mainLayout")
        self.headerLayout = QHBoxLayout()
        self.headerLayout.setObjectName(u"headerLayout")
        self.titleLabel = QLabel(UsersScreen)
        self.titleLabel.setObjectName(u"titleLabel")

        self.headerLayout.addWidget(self.titleLabel)

        self.headerSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.headerLayout.addItem(self.headerSpacer)

        self.newButton = QPushButton(UsersScreen)
        self.newButton.setObjectName(u"newButton")

        self.headerLayout.addWidget(self.newButton)

        self.resetButton = QPushButton(UsersScreen)
        self.resetButton.setObjectName(u"resetButton")

        self.headerLayout.addWidget(self.resetButton)

        self.linkButton = QPushButton(UsersScreen)
        self.linkButton.setObjectName(u"linkButton")

        self.headerLayout.addWidget(self.linkButton)

        self.toggleButton = QPushButton(UsersScreen)
        self.toggleButton.setObjectName(u"toggleButton")

        self.headerLayout.addWidget(self.toggleButton)

        self.ownPasswordButton = QPushButton(UsersScreen)
        self.ownPasswordButton.setObjectName(u"ownPasswordButton")

        self.headerLayout.addWidget(self.ownPasswordButton)


        self.mainLayout.addLayout(self.headerLayout)

        self.noteLabel = QLabel(UsersScreen)
        self.noteLabel.setObjectName(u"noteLabel")
        self.noteLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.noteLabel)

        self.table = QTableView(UsersScreen)
        self.table.setObjectName(u"table")
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setTabKeyNavigation(False)

        self.mainLayout.addWidget(self.table)


        self.retranslateUi(UsersScreen)

        QMetaObject.connectSlotsByName(UsersScreen)
    # setupUi

    def retranslateUi(self, UsersScreen):
        self.titleLabel.setText(QCoreApplication.translate("UsersScreen", u"\u7528\u6237", None))
        self.newButton.setText(QCoreApplication.translate("UsersScreen", u"\u65b0\u589e\u7528\u6237(&N)", None))
        self.resetButton.setText(QCoreApplication.translate("UsersScreen", u"\u91cd\u8bbe\u5bc6\u7801(&R)", None))
        self.linkButton.setText(QCoreApplication.translate("UsersScreen", u"\u5173\u8054\u8c03\u89e3\u5458(&M)", None))
        self.toggleButton.setText(QCoreApplication.translate("UsersScreen", u"\u505c\u7528/\u542f\u7528(&T)", None))
        self.ownPasswordButton.setText(QCoreApplication.translate("UsersScreen", u"\u4fee\u6539\u6211\u7684\u5bc6\u7801(&P)", None))
        self.noteLabel.setText("")
        pass
    # retranslateUi

