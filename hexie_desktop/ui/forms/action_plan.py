# generated — do not edit: source forms/action_plan.ui, regenerate with `python scripts/gen_forms.py`
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'action_plan.ui'
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
from PySide6.QtWidgets import (QApplication, QSizePolicy, QTabWidget, QVBoxLayout,
    QWidget)

class Ui_ActionPlanScreen(object):
    def setupUi(self, ActionPlanScreen):
        if not ActionPlanScreen.objectName():
            ActionPlanScreen.setObjectName(u"ActionPlanScreen")
        ActionPlanScreen.resize(1200, 700)
        self.mainLayout = QVBoxLayout(ActionPlanScreen)
        self.mainLayout.setObjectName(u"mainLayout")
        self.mainLayout.setContentsMargins(0, 0, 0, 0)
        self.tabs = QTabWidget(ActionPlanScreen)
        self.tabs.setObjectName(u"tabs")
        self.planTab = QWidget()
        self.planTab.setObjectName(u"planTab")
        self.planTabLayout = QVBoxLayout(self.planTab)
        self.planTabLayout.setObjectName(u"planTabLayout")
        self.planTabLayout.setContentsMargins(0, 0, 0, 0)
        self.tabs.addTab(self.planTab, "")
        self.selectionTab = QWidget()
        self.selectionTab.setObjectName(u"selectionTab")
        self.selectionTabLayout = QVBoxLayout(self.selectionTab)
        self.selectionTabLayout.setObjectName(u"selectionTabLayout")
        self.selectionTabLayout.setContentsMargins(0, 0, 0, 0)
        self.tabs.addTab(self.selectionTab, "")
        self.warningsTab = QWidget()
        self.warningsTab.setObjectName(u"warningsTab")
        self.warningsTabLayout = QVBoxLayout(self.warningsTab)
        self.warningsTabLayout.setObjectName(u"warningsTabLayout")
        self.warningsTabLayout.setContentsMargins(0, 0, 0, 0)
        self.tabs.addTab(self.warningsTab, "")
        self.gradingTab = QWidget()
        self.gradingTab.setObjectName(u"gradingTab")
        self.gradingTabLayout = QVBoxLayout(self.gradingTab)
        self.gradingTabLayout.setObjectName(u"gradingTabLayout")
        self.gradingTabLayout.setContentsMargins(0, 0, 0, 0)
        self.tabs.addTab(self.gradingTab, "")

        self.mainLayout.addWidget(self.tabs)


        self.retranslateUi(ActionPlanScreen)

        QMetaObject.connectSlotsByName(ActionPlanScreen)
    # setupUi

    def retranslateUi(self, ActionPlanScreen):
        self.tabs.setTabText(self.tabs.indexOf(self.planTab), QCoreApplication.translate("ActionPlanScreen", u"\u8ba1\u5212\u8fdb\u5ea6", None))
        self.tabs.setTabText(self.tabs.indexOf(self.selectionTab), QCoreApplication.translate("ActionPlanScreen", u"\u9009\u6811", None))
        self.tabs.setTabText(self.tabs.indexOf(self.warningsTab), QCoreApplication.translate("ActionPlanScreen", u"\u76d1\u6d4b\u9884\u8b66", None))
        self.tabs.setTabText(self.tabs.indexOf(self.gradingTab), QCoreApplication.translate("ActionPlanScreen", u"\u7e41\u7b80\u5206\u6d41", None))
        pass
    # retranslateUi

