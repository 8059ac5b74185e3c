# generated — do not edit: source forms/dashboard.ui, regenerate with `python scripts/gen_forms.py`
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'dashboard.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QLabel, QPushButton, QRadioButton,
    QSizePolicy, QSpacerItem, QTableView, QVBoxLayout, QWidget)

class Ui_DashboardScreen(object):
    def setupUi(self, DashboardScreen):
        if not DashboardScreen.objectName():
            DashboardScreen.setObjectName(u"DashboardScreen")
        DashboardScreen.resize(1100, 640)
        self.mainLayout = QVBoxLayout(DashboardScreen)
        self.mainLayout.setObjectName(u"mainLayout")
        self.headerLayout = QHBoxLayout()
        self.headerLayout.setObjectName(u"headerLayout")
        self.titleLabel = QLabel(DashboardScreen)
        self.titleLabel.setObjectName(u"titleLabel")

        self.headerLayout.addWidget(self.titleLabel)

        self.headerSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.headerLayout.addItem(self.headerSpacer)

        self.mineRadio = QRadioButton(DashboardScreen)
        self.mineRadio.setObjectName(u"mineRadio")

        self.headerLayout.addWidget(self.mineRadio)

        self.officeRadio = QRadioButton(DashboardScreen)
        self.officeRadio.setObjectName(u"officeRadio")
        self.officeRadio.setChecked(True)

        self.headerLayout.addWidget(self.officeRadio)

        self.refreshButton = QPushButton(DashboardScreen)
        self.refreshButton.setObjectName(u"refreshButton")

        self.headerLayout.addWidget(self.refreshButton)


        self.mainLayout.addLayout(self.headerLayout)

        self.tilesLayout = QHBoxLayout()
        self.tilesLayout.setObjectName(u"tilesLayout")
        self.allTile = QPushButton(DashboardScreen)
        self.allTile.setObjectName(u"allTile")
        self.allTile.setCheckable(True)
        self.allTile.setChecked(True)

        self.tilesLayout.addWidget(self.allTile)

        self.overdueTile = QPushButton(DashboardScreen)
        self.overdueTile.setObjectName(u"overdueTile")
        self.overdueTile.setCheckable(True)

        self.tilesLayout.addWidget(self.overdueTile)

        self.todayTile = QPushButton(DashboardScreen)
        self.todayTile.setObjectName(u"todayTile")
        self.todayTile.setCheckable(True)

        self.tilesLayout.addWidget(self.todayTile)

        self.soonTile = QPushButton(DashboardScreen)
        self.soonTile.setObjectName(u"soonTile")
        self.soonTile.setCheckable(True)

        self.tilesLayout.addWidget(self.soonTile)


        self.mainLayout.addLayout(self.tilesLayout)

        self.monthLabel = QLabel(DashboardScreen)
        self.monthLabel.setObjectName(u"monthLabel")
        self.monthLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.monthLabel)

        self.table = QTableView(DashboardScreen)
        self.table.setObjectName(u"table")
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setTabKeyNavigation(False)

        self.mainLayout.addWidget(self.table)

        self.hintLabel = QLabel(DashboardScreen)
        self.hintLabel.setObjectName(u"hintLabel")

        self.mainLayout.addWidget(self.hintLabel)

        QWidget.setTabOrder(self.table, self.allTile)
        QWidget.setTabOrder(self.allTile, self.overdueTile)
        QWidget.setTabOrder(self.overdueTile, self.todayTile)
        QWidget.setTabOrder(self.todayTile, self.soonTile)
        QWidget.setTabOrder(self.soonTile, self.mineRadio)
        QWidget.setTabOrder(self.mineRadio, self.officeRadio)
        QWidget.setTabOrder(self.officeRadio, self.refreshButton)

        self.retranslateUi(DashboardScreen)

        QMetaObject.connectSlotsByName(DashboardScreen)
    # setupUi

    def retranslateUi(self, DashboardScreen):
        self.titleLabel.setText(QCoreApplication.translate("DashboardScreen", u"\u5de5\u4f5c\u53f0", None))
        self.mineRadio.setText(QCoreApplication.translate("DashboardScreen", u"\u6211\u7684\u6848\u4ef6(&M)", None))
        self.officeRadio.setText(QCoreApplication.translate("DashboardScreen", u"\u5168\u529e\u6848\u4ef6(&O)", None))
        self.refreshButton.setText(QCoreApplication.translate("DashboardScreen", u"\u5237\u65b0(&R)", None))
        self.allTile.setText(QCoreApplication.translate("DashboardScreen", u"\u5168\u90e8\u5f85\u529e", None))
        self.overdueTile.setText(QCoreApplication.translate("DashboardScreen", u"\u5df2\u903e\u671f", None))
        self.todayTile.setText(QCoreApplication.translate("DashboardScreen", u"\u4eca\u65e5\u5230\u671f", None))
        self.soonTile.setText(QCoreApplication.translate("DashboardScreen", u"3\u65e5\u5185\u5230\u671f", None))
        self.monthLabel.setText("")
        self.hintLabel.setText(QCoreApplication.translate("DashboardScreen", u"\u9009\u4e2d\u4e00\u884c\u540e\u6309\u56de\u8f66\u6216\u53cc\u51fb\u5373\u53ef\u6253\u5f00\u6848\u4ef6\u3002", None))
        pass
    # retranslateUi

