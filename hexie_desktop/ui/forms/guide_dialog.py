# generated — do not edit: source forms/guide_dialog.ui, regenerate with `python scripts/gen_forms.py`
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'guide_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QSizePolicy, QTextBrowser, QVBoxLayout, QWidget)

class Ui_GuideDialog(object):
    def setupUi(self, GuideDialog):
        if not GuideDialog.objectName():
            GuideDialog.setObjectName(u"GuideDialog")
        GuideDialog.resize(960, 680)
        self.mainLayout = QVBoxLayout(GuideDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.browser = QTextBrowser(GuideDialog)
        self.browser.setObjectName(u"browser")
        self.browser.setOpenExternalLinks(False)

        self.mainLayout.addWidget(self.browser)

        self.buttonBox = QDialogButtonBox(GuideDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Close)

        self.mainLayout.addWidget(self.buttonBox)


        self.retranslateUi(GuideDialog)

        QMetaObject.connectSlotsByName(GuideDialog)
    # setupUi

    def retranslateUi(self, GuideDialog):
        GuideDialog.setWindowTitle(QCoreApplication.translate("GuideDialog", u"\u4f7f\u7528\u8bf4\u660e", None))
    # retranslateUi

