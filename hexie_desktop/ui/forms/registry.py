# generated — do not edit: source forms/registry.ui, regenerate with `python scripts/gen_forms.py`
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'registry.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, QSize
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QLabel, QLineEdit, QListWidget,
    QPushButton, QTableView, QVBoxLayout)

class Ui_RegistryScreen(object):
    def setupUi(self, RegistryScreen):
        if not RegistryScreen.objectName():
            RegistryScreen.setObjectName(u"RegistryScreen")
        RegistryScreen.resize(1200, 640)
        self.mainLayout = QHBoxLayout(RegistryScreen)
        self.mainLayout.setObjectName(u"mainLayout")
        self.kinds = QListWidget(RegistryScreen)
        self.kinds.setObjectName(u"kinds")
        self.kinds.setMinimumSize(QSize(140, 0))
        self.kinds.setMaximumSize(QSize(150, 16777215))

        self.mainLayout.addWidget(self.kinds)

        self.rightLayout = QVBoxLayout()
        self.rightLayout.setObjectName(u"rightLayout")
        self.headerLayout = QHBoxLayout()
        self.headerLayout.setObjectName(u"headerLayout")
        self.titleLabel = QLabel(RegistryScreen)
        self.titleLabel.setObjectName(u"titleLabel")

        self.headerLayout.addWidget(self.titleLabel)

        self.search = QLineEdit(RegistryScreen)
        self.search.setObjectName(u"search")
        self.search.setClearButtonEnabled(True)

        self.headerLayout.addWidget(self.search)

        self.newButton = QPushButton(RegistryScreen)
        self.newButton.setObjectName(u"newButton")

        self.headerLayout.addWidget(self.newButton)

        self.editButton = QPushButton(RegistryScreen)
        self.editButton.setObjectName(u"editButton")

        self.headerLayout.addWidget(self.editButton)

        self.deleteButton = QPushButton(RegistryScreen)
        self.deleteButton.setObjectName(u"deleteButton")

        self.headerLayout.addWidget(self.deleteButton)

        self.checklistButton = QPushButton(RegistryScreen)
        self.checklistButton.setObjectName(u"checklistButton")

        self.headerLayout.addWidget(self.checklistButton)


        self.rightLayout.addLayout(self.headerLayout)

        self.table = QTableView(RegistryScreen)
        self.table.setObjectName(u"table")
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSortingEnabled(True)
        self.table.setTabKeyNavigation(False)

        self.rightLayout.addWidget(self.table)

        self.countLabel = QLabel(RegistryScreen)
        self.countLabel.setObjectName(u"countLabel")

        self.rightLayout.addWidget(self.countLabel)


        self.mainLayout.addLayout(self.rightLayout)


        self.retranslateUi(RegistryScreen)

        QMetaObject.connectSlotsByName(RegistryScreen)
    # setupUi

    def retranslateUi(self, RegistryScreen):
        self.titleLabel.setText(QCoreApplication.translate("RegistryScreen", u"\u540d\u518c\u53f0\u8d26", None))
        self.search.setPlaceholderText(QCoreApplication.translate("RegistryScreen", u"\u6309\u540d\u79f0\u6216\u4fe1\u7528\u4ee3\u7801\u67e5\u627e", None))
        self.newButton.setText(QCoreApplication.translate("RegistryScreen", u"\u65b0\u589e(&N)", None))
        self.editButton.setText(QCoreApplication.translate("RegistryScreen", u"\u4fee\u6539(&E)", None))
        self.deleteButton.setText(QCoreApplication.translate("RegistryScreen", u"\u5220\u9664", None))
        self.checklistButton.setText(QCoreApplication.translate("RegistryScreen", u"\u516d\u89c4\u8303\u4e94\u4e0a\u5899(&C)", None))
        self.countLabel.setText("")
        pass
    # retranslateUi

