# generated — do not edit: source forms/case_list.ui, regenerate with `python scripts/gen_forms.py`
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'case_list.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, QSize
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QLabel, QLineEdit,
    QPushButton, QSizePolicy, QSpacerItem, QTableView, QVBoxLayout, QWidget)

from hexie_desktop.ui.widgets.dates import DateEdit

class Ui_CaseListScreen(object):
    def setupUi(self, CaseListScreen):
        if not CaseListScreen.objectName():
            CaseListScreen.setObjectName(u"CaseListScreen")
        CaseListScreen.resize(1200, 640)
        self.mainLayout = QVBoxLayout(CaseListScreen)
        self.mainLayout.setObjectName(u"mainLayout")
        self.searchLayout = QHBoxLayout()
        self.searchLayout.setObjectName(u"searchLayout")
        self.titleLabel = QLabel(CaseListScreen)
        self.titleLabel.setObjectName(u"titleLabel")

        self.searchLayout.addWidget(self.titleLabel)

        self.search = QLineEdit(CaseListScreen)
        self.search.setObjectName(u"search")
        self.search.setClearButtonEnabled(True)

        self.searchLayout.addWidget(self.search)

        self.newButton = QPushButton(CaseListScreen)
        self.newButton.setObjectName(u"newButton")

        self.searchLayout.addWidget(self.newButton)


        self.mainLayout.addLayout(self.searchLayout)

        self.filterLayout = QHBoxLayout()
        self.filterLayout.setObjectName(u"filterLayout")
        self.stateLabel = QLabel(CaseListScreen)
        self.stateLabel.setObjectName(u"stateLabel")

        self.filterLayout.addWidget(self.stateLabel)

        self.state = QComboBox(CaseListScreen)
        self.state.setObjectName(u"state")

        self.filterLayout.addWidget(self.state)

        self.categoryLabel = QLabel(CaseListScreen)
        self.categoryLabel.setObjectName(u"categoryLabel")

        self.filterLayout.addWidget(self.categoryLabel)

        self.category = QComboBox(CaseListScreen)
        self.category.setObjectName(u"category")

        self.filterLayout.addWidget(self.category)

        self.fromLabel = QLabel(CaseListScreen)
        self.fromLabel.setObjectName(u"fromLabel")

        self.filterLayout.addWidget(self.fromLabel)

        self.receivedFrom = DateEdit(CaseListScreen)
        self.receivedFrom.setObjectName(u"receivedFrom")
        self.receivedFrom.setMaximumSize(QSize(110, 16777215))

        self.filterLayout.addWidget(self.receivedFrom)

        self.toLabel = QLabel(CaseListScreen)
        self.toLabel.setObjectName(u"toLabel")

        self.filterLayout.addWidget(self.toLabel)

        self.receivedTo = DateEdit(CaseListScreen)
        self.receivedTo.setObjectName(u"receivedTo")
        self.receivedTo.setMaximumSize(QSize(110, 16777215))

        self.filterLayout.addWidget(self.receivedTo)

        self.collective = QComboBox(CaseListScreen)
        self.collective.setObjectName(u"collective")

        self.filterLayout.addWidget(self.collective)

        self.grade = QComboBox(CaseListScreen)
        self.grade.setObjectName(u"grade")

        self.filterLayout.addWidget(self.grade)

        self.resetButton = QPushButton(CaseListScreen)
        self.resetButton.setObjectName(u"resetButton")

        self.filterLayout.addWidget(self.resetButton)

        self.filterSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.filterLayout.addItem(self.filterSpacer)


        self.mainLayout.addLayout(self.filterLayout)

        self.table = QTableView(CaseListScreen)
        self.table.setObjectName(u"table")
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setTabKeyNavigation(False)
        self.table.setSortingEnabled(True)
        self.table.setWordWrap(False)

        self.mainLayout.addWidget(self.table)

        self.footerLayout = QHBoxLayout()
        self.footerLayout.setObjectName(u"footerLayout")
        self.countLabel = QLabel(CaseListScreen)
        self.countLabel.setObjectName(u"countLabel")

        self.footerLayout.addWidget(self.countLabel)

        self.footerSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.footerLayout.addItem(self.footerSpacer)

        self.hintLabel = QLabel(CaseListScreen)
        self.hintLabel.setObjectName(u"hintLabel")

        self.footerLayout.addWidget(self.hintLabel)


        self.mainLayout.addLayout(self.footerLayout)

#if QT_CONFIG(shortcut)
        self.stateLabel.setBuddy(self.state)
        self.categoryLabel.setBuddy(self.category)
        self.fromLabel.setBuddy(self.receivedFrom)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.search, self.state)
        QWidget.setTabOrder(self.state, self.category)
        QWidget.setTabOrder(self.category, self.receivedFrom)
        QWidget.setTabOrder(self.receivedFrom, self.receivedTo)
        QWidget.setTabOrder(self.receivedTo, self.collective)
        QWidget.setTabOrder(self.collective, self.grade)
        QWidget.setTabOrder(self.grade, self.resetButton)
        QWidget.setTabOrder(self.resetButton, self.table)
        QWidget.setTabOrder(self.table, self.newButton)

        self.retranslateUi(CaseListScreen)

        QMetaObject.connectSlotsByName(CaseListScreen)
    # setupUi

    def retranslateUi(self, CaseListScreen):
        self.titleLabel.setText(QCoreApplication.translate("CaseListScreen", u"\u6848\u4ef6", None))
        self.search.setPlaceholderText(QCoreApplication.translate("CaseListScreen", u"\u641c\u7d22\uff1a\u6848\u4ef6\u7f16\u53f7\u3001\u5f53\u4e8b\u4eba\u59d3\u540d\u3001\u8eab\u4efd\u8bc1\u53f7\u3001\u7535\u8bdd\u3001\u5355\u4f4d\u540d\u79f0\uff08Ctrl+F\uff09", None))
        self.newButton.setText(QCoreApplication.translate("CaseListScreen", u"\u767b\u8bb0\u65b0\u6848\u4ef6(&N)", None))
        self.stateLabel.setText(QCoreApplication.translate("CaseListScreen", u"\u72b6\u6001(&S)", None))
        self.categoryLabel.setText(QCoreApplication.translate("CaseListScreen", u"\u7c7b\u522b(&K)", None))
        self.fromLabel.setText(QCoreApplication.translate("CaseListScreen", u"\u6536\u5230\u65e5\u671f(&D)", None))
        self.toLabel.setText(QCoreApplication.translate("CaseListScreen", u"\u81f3", None))
#if QT_CONFIG(tooltip)
        self.grade.setToolTip(QCoreApplication.translate("CaseListScreen", u"\u7e41\u7b80\u5206\u6d41\uff1a\u6309\u6848\u4ef6\u5206\u7ea7\u7b5b\u9009", None))
#endif // QT_CONFIG(tooltip)
        self.resetButton.setText(QCoreApplication.translate("CaseListScreen", u"\u6e05\u9664\u7b5b\u9009", None))
        self.countLabel.setText("")
        self.hintLabel.setText(QCoreApplication.translate("CaseListScreen", u"\u6309\u56de\u8f66\u6216\u53cc\u51fb\u6253\u5f00\u6848\u4ef6\uff1b\u70b9\u51fb\u5217\u6807\u9898\u6392\u5e8f\u3002", None))
        pass
    # retranslateUi

