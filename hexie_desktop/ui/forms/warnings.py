# generated — do not edit: source forms/warnings.ui, regenerate with `python scripts/gen_forms.py`
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'warnings.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QHBoxLayout,
    QHeaderView, QLabel, QPlainTextEdit, QPushButton,
    QSizePolicy, QSpacerItem, QSplitter, QTableView,
    QVBoxLayout, QWidget)

class Ui_WarningsScreen(object):
    def setupUi(self, WarningsScreen):
        if not WarningsScreen.objectName():
            WarningsScreen.setObjectName(u"WarningsScreen")
        WarningsScreen.resize(1200, 680)
        self.mainLayout = QVBoxLayout(WarningsScreen)
        self.mainLayout.setObjectName(u"mainLayout")
        self.titleLabel = QLabel(WarningsScreen)
        self.titleLabel.setObjectName(u"titleLabel")

        self.mainLayout.addWidget(self.titleLabel)

        self.summaryLabel = QLabel(WarningsScreen)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.summaryLabel)

        self.barLayout = QHBoxLayout()
        self.barLayout.setObjectName(u"barLayout")
        self.statusLabel = QLabel(WarningsScreen)
        self.statusLabel.setObjectName(u"statusLabel")

        self.barLayout.addWidget(self.statusLabel)

        self.statusCombo = QComboBox(WarningsScreen)
        self.statusCombo.setObjectName(u"statusCombo")

        self.barLayout.addWidget(self.statusCombo)

        self.scanButton = QPushButton(WarningsScreen)
        self.scanButton.setObjectName(u"scanButton")

        self.barLayout.addWidget(self.scanButton)

        self.handlingLayout = QHBoxLayout()
        self.handlingLayout.setObjectName(u"handlingLayout")

        self.barLayout.addLayout(self.handlingLayout)

        self.barSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.barLayout.addItem(self.barSpacer)

        self.thresholdButton = QPushButton(WarningsScreen)
        self.thresholdButton.setObjectName(u"thresholdButton")

        self.barLayout.addWidget(self.thresholdButton)


        self.mainLayout.addLayout(self.barLayout)

        self.splitter = QSplitter(WarningsScreen)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Vertical)
        self.table = QTableView(self.splitter)
        self.table.setObjectName(u"table")
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.splitter.addWidget(self.table)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.detail = QPlainTextEdit(self.splitter)
        self.detail.setObjectName(u"detail")
        self.detail.setReadOnly(True)
        self.splitter.addWidget(self.detail)

        self.mainLayout.addWidget(self.splitter)

        self.mainLayout.setStretch(3, 1)
#if QT_CONFIG(shortcut)
        self.statusLabel.setBuddy(self.statusCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.statusCombo, self.scanButton)
        QWidget.setTabOrder(self.scanButton, self.thresholdButton)
        QWidget.setTabOrder(self.thresholdButton, self.table)
        QWidget.setTabOrder(self.table, self.detail)

        self.retranslateUi(WarningsScreen)

        QMetaObject.connectSlotsByName(WarningsScreen)
    # setupUi

    def retranslateUi(self, WarningsScreen):
        self.titleLabel.setText(QCoreApplication.translate("WarningsScreen", u"\u76d1\u6d4b\u9884\u8b66", None))
        self.summaryLabel.setText("")
        self.statusLabel.setText(QCoreApplication.translate("WarningsScreen", u"\u663e\u793a\uff1a", None))
        self.scanButton.setText(QCoreApplication.translate("WarningsScreen", u"\u626b\u63cf\u9884\u8b66", None))
        self.thresholdButton.setText(QCoreApplication.translate("WarningsScreen", u"\u9884\u8b66\u9608\u503c\u2026", None))
        pass
    # retranslateUi

