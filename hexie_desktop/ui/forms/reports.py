# generated — do not edit: source forms/reports.ui, regenerate with `python scripts/gen_forms.py`
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'reports.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, QSize, Qt
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QGridLayout, QGroupBox,
    QHBoxLayout, QLabel, QPushButton, QSizePolicy, QSpacerItem, QSpinBox, QTabWidget, QTableView,
    QVBoxLayout, QWidget)

from hexie_desktop.ui.screens.reports.charts import ChartWidget
from hexie_desktop.ui.widgets.dates import DateEdit

class Ui_ReportsScreen(object):
    def setupUi(self, ReportsScreen):
        if not ReportsScreen.objectName():
            ReportsScreen.setObjectName(u"ReportsScreen")
        ReportsScreen.resize(1200, 700)
        self.mainLayout = QVBoxLayout(ReportsScreen)
        self.mainLayout.setObjectName(u"mainLayout")
        self.periodLayout = QHBoxLayout()
        self.periodLayout.setObjectName(u"periodLayout")
        self.titleLabel = QLabel(ReportsScreen)
        self.titleLabel.setObjectName(u"titleLabel")

        self.periodLayout.addWidget(self.titleLabel)

        self.titleSpacer = QSpacerItem(16, 10, QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum)

        self.periodLayout.addItem(self.titleSpacer)

        self.periodKindLabel = QLabel(ReportsScreen)
        self.periodKindLabel.setObjectName(u"periodKindLabel")

        self.periodLayout.addWidget(self.periodKindLabel)

        self.periodKind = QComboBox(ReportsScreen)
        self.periodKind.setObjectName(u"periodKind")

        self.periodLayout.addWidget(self.periodKind)

        self.year = QSpinBox(ReportsScreen)
        self.year.setObjectName(u"year")
        self.year.setMinimum(2000)
        self.year.setMaximum(2100)

        self.periodLayout.addWidget(self.year)

        self.part = QComboBox(ReportsScreen)
        self.part.setObjectName(u"part")

        self.periodLayout.addWidget(self.part)

        self.fromLabel = QLabel(ReportsScreen)
        self.fromLabel.setObjectName(u"fromLabel")

        self.periodLayout.addWidget(self.fromLabel)

        self.fromDate = DateEdit(ReportsScreen)
        self.fromDate.setObjectName(u"fromDate")
        self.fromDate.setMaximumSize(QSize(110, 16777215))

        self.periodLayout.addWidget(self.fromDate)

        self.toLabel = QLabel(ReportsScreen)
        self.toLabel.setObjectName(u"toLabel")

        self.periodLayout.addWidget(self.toLabel)

        self.toDate = DateEdit(ReportsScreen)
        self.toDate.setObjectName(u"toDate")
        self.toDate.setMaximumSize(QSize(110, 16777215))

        self.periodLayout.addWidget(self.toDate)

        self.refreshButton = QPushButton(ReportsScreen)
        self.refreshButton.setObjectName(u"refreshButton")

        self.periodLayout.addWidget(self.refreshButton)

        self.periodSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.periodLayout.addItem(self.periodSpacer)

        self.rangeLabel = QLabel(ReportsScreen)
        self.rangeLabel.setObjectName(u"rangeLabel")

        self.periodLayout.addWidget(self.rangeLabel)


        self.mainLayout.addLayout(self.periodLayout)

        self.tilesLayout = QHBoxLayout()
        self.tilesLayout.setObjectName(u"tilesLayout")
        self.receivedTile = QLabel(ReportsScreen)
        self.receivedTile.setObjectName(u"receivedTile")

        self.tilesLayout.addWidget(self.receivedTile)

        self.closedTile = QLabel(ReportsScreen)
        self.closedTile.setObjectName(u"closedTile")

        self.tilesLayout.addWidget(self.closedTile)

        self.rateTile = QLabel(ReportsScreen)
        self.rateTile.setObjectName(u"rateTile")

        self.tilesLayout.addWidget(self.rateTile)

        self.openTile = QLabel(ReportsScreen)
        self.openTile.setObjectName(u"openTile")

        self.tilesLayout.addWidget(self.openTile)

        self.overdueTile = QLabel(ReportsScreen)
        self.overdueTile.setObjectName(u"overdueTile")

        self.tilesLayout.addWidget(self.overdueTile)

        self.moneyTile = QLabel(ReportsScreen)
        self.moneyTile.setObjectName(u"moneyTile")

        self.tilesLayout.addWidget(self.moneyTile)


        self.mainLayout.addLayout(self.tilesLayout)

        self.tabs = QTabWidget(ReportsScreen)
        self.tabs.setObjectName(u"tabs")
        self.chartsTab = QWidget()
        self.chartsTab.setObjectName(u"chartsTab")
        self.chartsLayout = QGridLayout(self.chartsTab)
        self.chartsLayout.setObjectName(u"chartsLayout")
        self.categoryChart = ChartWidget(self.chartsTab)
        self.categoryChart.setObjectName(u"categoryChart")

        self.chartsLayout.addWidget(self.categoryChart, 0, 0, 1, 2)

        self.rateChart = ChartWidget(self.chartsTab)
        self.rateChart.setObjectName(u"rateChart")

        self.chartsLayout.addWidget(self.rateChart, 1, 0, 1, 1)

        self.moneyChart = ChartWidget(self.chartsTab)
        self.moneyChart.setObjectName(u"moneyChart")

        self.chartsLayout.addWidget(self.moneyChart, 1, 1, 1, 1)

        self.tabs.addTab(self.chartsTab, "")
        self.tableTab = QWidget()
        self.tableTab.setObjectName(u"tableTab")
        self.tableLayout = QVBoxLayout(self.tableTab)
        self.tableLayout.setObjectName(u"tableLayout")
        self.table = QTableView(self.tableTab)
        self.table.setObjectName(u"table")
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setTabKeyNavigation(False)

        self.tableLayout.addWidget(self.table)

        self.notesLabel = QLabel(self.tableTab)
        self.notesLabel.setObjectName(u"notesLabel")
        self.notesLabel.setWordWrap(True)

        self.tableLayout.addWidget(self.notesLabel)

        self.tabs.addTab(self.tableTab, "")

        self.mainLayout.addWidget(self.tabs)

        self.exchangeLayout = QHBoxLayout()
        self.exchangeLayout.setObjectName(u"exchangeLayout")
        self.exportBox = QGroupBox(ReportsScreen)
        self.exportBox.setObjectName(u"exportBox")
        self.exportLayout = QHBoxLayout(self.exportBox)
        self.exportLayout.setObjectName(u"exportLayout")
        self.exportKind = QComboBox(self.exportBox)
        self.exportKind.setObjectName(u"exportKind")

        self.exportLayout.addWidget(self.exportKind)

        self.unmask = QCheckBox(self.exportBox)
        self.unmask.setObjectName(u"unmask")

        self.exportLayout.addWidget(self.unmask)

        self.exportButton = QPushButton(self.exportBox)
        self.exportButton.setObjectName(u"exportButton")

        self.exportLayout.addWidget(self.exportButton)


        self.exchangeLayout.addWidget(self.exportBox)

        self.importBox = QGroupBox(ReportsScreen)
        self.importBox.setObjectName(u"importBox")
        self.importLayout = QHBoxLayout(self.importBox)
        self.importLayout.setObjectName(u"importLayout")
        self.importKind = QComboBox(self.importBox)
        self.importKind.setObjectName(u"importKind")

        self.importLayout.addWidget(self.importKind)

        self.templateButton = QPushButton(self.importBox)
        self.templateButton.setObjectName(u"templateButton")

        self.importLayout.addWidget(self.templateButton)

        self.validOnly = QCheckBox(self.importBox)
        self.validOnly.setObjectName(u"validOnly")

        self.importLayout.addWidget(self.validOnly)

        self.importButton = QPushButton(self.importBox)
        self.importButton.setObjectName(u"importButton")

        self.importLayout.addWidget(self.importButton)


        self.exchangeLayout.addWidget(self.importBox)


        self.mainLayout.addLayout(self.exchangeLayout)

        self.statusLabel = QLabel(ReportsScreen)
        self.statusLabel.setObjectName(u"statusLabel")
        self.statusLabel.setWordWrap(True)
        self.statusLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.mainLayout.addWidget(self.statusLabel)

#if QT_CONFIG(shortcut)
        self.periodKindLabel.setBuddy(self.periodKind)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.periodKind, self.year)
        QWidget.setTabOrder(self.year, self.part)
        QWidget.setTabOrder(self.part, self.fromDate)
        QWidget.setTabOrder(self.fromDate, self.toDate)
        QWidget.setTabOrder(self.toDate, self.refreshButton)
        QWidget.setTabOrder(self.refreshButton, self.tabs)
        QWidget.setTabOrder(self.tabs, self.table)
        QWidget.setTabOrder(self.table, self.exportKind)
        QWidget.setTabOrder(self.exportKind, self.unmask)
        QWidget.setTabOrder(self.unmask, self.exportButton)
        QWidget.setTabOrder(self.exportButton, self.importKind)
        QWidget.setTabOrder(self.importKind, self.templateButton)
        QWidget.setTabOrder(self.templateButton, self.validOnly)
        QWidget.setTabOrder(self.validOnly, self.importButton)

        self.retranslateUi(ReportsScreen)

        self.tabs.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(ReportsScreen)
    # setupUi

    def retranslateUi(self, ReportsScreen):
        self.titleLabel.setText(QCoreApplication.translate("ReportsScreen", u"\u7edf\u8ba1\u62a5\u8868", None))
        self.periodKindLabel.setText(QCoreApplication.translate("ReportsScreen", u"\u671f\u95f4(&P)", None))
        self.year.setSuffix(QCoreApplication.translate("ReportsScreen", u" \u5e74", None))
        self.fromLabel.setText(QCoreApplication.translate("ReportsScreen", u"\u81ea", None))
        self.toLabel.setText(QCoreApplication.translate("ReportsScreen", u"\u81f3", None))
        self.refreshButton.setText(QCoreApplication.translate("ReportsScreen", u"\u7edf\u8ba1(&R)", None))
        self.rangeLabel.setText("")
        self.receivedTile.setText("")
        self.closedTile.setText("")
        self.rateTile.setText("")
        self.openTile.setText("")
        self.overdueTile.setText("")
        self.moneyTile.setText("")
        self.tabs.setTabText(self.tabs.indexOf(self.chartsTab), QCoreApplication.translate("ReportsScreen", u"\u56fe\u8868(&G)", None))
        self.notesLabel.setText("")
        self.tabs.setTabText(self.tabs.indexOf(self.tableTab), QCoreApplication.translate("ReportsScreen", u"\u7edf\u8ba1\u8868(&T)", None))
        self.exportBox.setTitle(QCoreApplication.translate("ReportsScreen", u"\u5bfc\u51fa Excel", None))
        self.unmask.setText(QCoreApplication.translate("ReportsScreen", u"\u542b\u5b8c\u6574\u8bc1\u4ef6\u53f7\u7801\u548c\u7535\u8bdd\uff08\u8bb0\u5165\u5ba1\u8ba1\uff09", None))
        self.exportButton.setText(QCoreApplication.translate("ReportsScreen", u"\u5bfc\u51fa(&E)\u2026", None))
        self.importBox.setTitle(QCoreApplication.translate("ReportsScreen", u"\u4ece Excel \u5bfc\u5165", None))
        self.templateButton.setText(QCoreApplication.translate("ReportsScreen", u"\u4e0b\u8f7d\u6a21\u677f\u2026", None))
        self.validOnly.setText(QCoreApplication.translate("ReportsScreen", u"\u4ec5\u5bfc\u5165\u6b63\u786e\u7684\u884c", None))
        self.importButton.setText(QCoreApplication.translate("ReportsScreen", u"\u5bfc\u5165(&I)\u2026", None))
        self.statusLabel.setText("")
        pass
    # retranslateUi

