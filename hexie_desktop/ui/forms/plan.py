# generated — do not edit: source forms/plan.ui, regenerate with `python scripts/gen_forms.py`
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'plan.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QHBoxLayout, QHeaderView,
    QLabel, QPushButton, QSizePolicy, QSpacerItem,
    QSpinBox, QTableView, QVBoxLayout, QWidget)

class Ui_PlanScreen(object):
    def setupUi(self, PlanScreen):
        if not PlanScreen.objectName():
            PlanScreen.setObjectName(u"PlanScreen")
        PlanScreen.resize(1200, 680)
        self.mainLayout = QVBoxLayout(PlanScreen)
        self.mainLayout.setObjectName(u"mainLayout")
        self.titleLabel = QLabel(PlanScreen)
        self.titleLabel.setObjectName(u"titleLabel")

        self.mainLayout.addWidget(self.titleLabel)

        self.periodLabel = QLabel(PlanScreen)
        self.periodLabel.setObjectName(u"periodLabel")
        self.periodLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.periodLabel)

        self.barLayout = QHBoxLayout()
        self.barLayout.setObjectName(u"barLayout")
        self.yearLabel = QLabel(PlanScreen)
        self.yearLabel.setObjectName(u"yearLabel")

        self.barLayout.addWidget(self.yearLabel)

        self.yearSpin = QSpinBox(PlanScreen)
        self.yearSpin.setObjectName(u"yearSpin")

        self.barLayout.addWidget(self.yearSpin)

        self.periodCombo = QComboBox(PlanScreen)
        self.periodCombo.setObjectName(u"periodCombo")

        self.barLayout.addWidget(self.periodCombo)

        self.targetsButton = QPushButton(PlanScreen)
        self.targetsButton.setObjectName(u"targetsButton")

        self.barLayout.addWidget(self.targetsButton)

        self.exportButton = QPushButton(PlanScreen)
        self.exportButton.setObjectName(u"exportButton")

        self.barLayout.addWidget(self.exportButton)

        self.reportButton = QPushButton(PlanScreen)
        self.reportButton.setObjectName(u"reportButton")

        self.barLayout.addWidget(self.reportButton)

        self.barSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.barLayout.addItem(self.barSpacer)


        self.mainLayout.addLayout(self.barLayout)

        self.table = QTableView(PlanScreen)
        self.table.setObjectName(u"table")
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)

        self.mainLayout.addWidget(self.table)

        self.mainLayout.setStretch(3, 1)
#if QT_CONFIG(shortcut)
        self.yearLabel.setBuddy(self.yearSpin)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.yearSpin, self.periodCombo)
        QWidget.setTabOrder(self.periodCombo, self.targetsButton)
        QWidget.setTabOrder(self.targetsButton, self.exportButton)
        QWidget.setTabOrder(self.exportButton, self.reportButton)
        QWidget.setTabOrder(self.reportButton, self.table)

        self.retranslateUi(PlanScreen)

        QMetaObject.connectSlotsByName(PlanScreen)
    # setupUi

    def retranslateUi(self, PlanScreen):
        self.titleLabel.setText(QCoreApplication.translate("PlanScreen", u"\u8ba1\u5212\u8fdb\u5ea6", None))
        self.periodLabel.setText("")
        self.yearLabel.setText(QCoreApplication.translate("PlanScreen", u"\u5e74\u5ea6\uff1a", None))
        self.targetsButton.setText(QCoreApplication.translate("PlanScreen", u"\u8bbe\u7f6e\u5e74\u5ea6\u76ee\u6807\u2026", None))
        self.exportButton.setText(QCoreApplication.translate("PlanScreen", u"\u5bfc\u51fa Excel\u2026", None))
        self.reportButton.setText(QCoreApplication.translate("PlanScreen", u"\u5de5\u4f5c\u60c5\u51b5\u62a5\u544a\u2026", None))
#if QT_CONFIG(tooltip)
        self.reportButton.setToolTip(QCoreApplication.translate("PlanScreen", u"\u5411\u5e02/\u7701\u534f\u8c03\u52b3\u52a8\u5173\u7cfb\u4e09\u65b9\u62a5\u9001\u7684\u5b63\u5ea6\u3001\u5e74\u5ea6\u5de5\u4f5c\u60c5\u51b5\uff1aExcel \u8868\u683c\u548c\u4e66\u9762\u62a5\u544a\uff08PDF\uff09", None))
#endif // QT_CONFIG(tooltip)
        pass
    # retranslateUi

