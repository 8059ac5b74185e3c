# generated — do not edit: source forms/grading.ui, regenerate with `python scripts/gen_forms.py`
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'grading.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QCheckBox, QComboBox,
    QHBoxLayout, QHeaderView, QLabel, QPushButton,
    QSizePolicy, QSpacerItem, QTableView, QVBoxLayout,
    QWidget)

class Ui_GradingScreen(object):
    def setupUi(self, GradingScreen):
        if not GradingScreen.objectName():
            GradingScreen.setObjectName(u"GradingScreen")
        GradingScreen.resize(1200, 680)
        self.mainLayout = QVBoxLayout(GradingScreen)
        self.mainLayout.setObjectName(u"mainLayout")
        self.titleLabel = QLabel(GradingScreen)
        self.titleLabel.setObjectName(u"titleLabel")

        self.mainLayout.addWidget(self.titleLabel)

        self.summaryLabel = QLabel(GradingScreen)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.summaryLabel)

        self.barLayout = QHBoxLayout()
        self.barLayout.setObjectName(u"barLayout")
        self.filterLabel = QLabel(GradingScreen)
        self.filterLabel.setObjectName(u"filterLabel")

        self.barLayout.addWidget(self.filterLabel)

        self.filterCombo = QComboBox(GradingScreen)
        self.filterCombo.setObjectName(u"filterCombo")

        self.barLayout.addWidget(self.filterCombo)

        self.openCheck = QCheckBox(GradingScreen)
        self.openCheck.setObjectName(u"openCheck")
        self.openCheck.setChecked(True)

        self.barLayout.addWidget(self.openCheck)

        self.overrideButton = QPushButton(GradingScreen)
        self.overrideButton.setObjectName(u"overrideButton")

        self.barLayout.addWidget(self.overrideButton)

        self.reportedButton = QPushButton(GradingScreen)
        self.reportedButton.setObjectName(u"reportedButton")

        self.barLayout.addWidget(self.reportedButton)

        self.printButton = QPushButton(GradingScreen)
        self.printButton.setObjectName(u"printButton")

        self.barLayout.addWidget(self.printButton)

        self.openButton = QPushButton(GradingScreen)
        self.openButton.setObjectName(u"openButton")

        self.barLayout.addWidget(self.openButton)

        self.barSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.barLayout.addItem(self.barSpacer)


        self.mainLayout.addLayout(self.barLayout)

        self.table = QTableView(GradingScreen)
        self.table.setObjectName(u"table")
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)

        self.mainLayout.addWidget(self.table)

        self.mainLayout.setStretch(3, 1)
#if QT_CONFIG(shortcut)
        self.filterLabel.setBuddy(self.filterCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.filterCombo, self.openCheck)
        QWidget.setTabOrder(self.openCheck, self.overrideButton)
        QWidget.setTabOrder(self.overrideButton, self.reportedButton)
        QWidget.setTabOrder(self.reportedButton, self.printButton)
        QWidget.setTabOrder(self.printButton, self.openButton)
        QWidget.setTabOrder(self.openButton, self.table)

        self.retranslateUi(GradingScreen)

        QMetaObject.connectSlotsByName(GradingScreen)
    # setupUi

    def retranslateUi(self, GradingScreen):
        self.titleLabel.setText(QCoreApplication.translate("GradingScreen", u"\u7e41\u7b80\u5206\u6d41", None))
        self.summaryLabel.setText("")
        self.filterLabel.setText(QCoreApplication.translate("GradingScreen", u"\u663e\u793a\uff1a", None))
        self.openCheck.setText(QCoreApplication.translate("GradingScreen", u"\u53ea\u770b\u529e\u7406\u4e2d", None))
        self.overrideButton.setText(QCoreApplication.translate("GradingScreen", u"\u8c03\u6574\u5206\u7ea7\u2026", None))
        self.reportedButton.setText(QCoreApplication.translate("GradingScreen", u"\u767b\u8bb0\u5df2\u62a5\u544a\u2026", None))
        self.printButton.setText(QCoreApplication.translate("GradingScreen", u"\u6253\u5370\u91cd\u5927\u96c6\u4f53\u4e89\u8bae\u62a5\u544a", None))
        self.openButton.setText(QCoreApplication.translate("GradingScreen", u"\u6253\u5f00\u6848\u4ef6", None))
        pass
    # retranslateUi

