# generated — do not edit: source forms/print_preview.ui, regenerate with `python scripts/gen_forms.py`
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'print_preview.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, QSize, Qt
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLabel, QPushButton, QSizePolicy,
    QSpacerItem, QSpinBox, QVBoxLayout, QWidget)

class Ui_PrintPreviewDialog(object):
    def setupUi(self, PrintPreviewDialog):
        if not PrintPreviewDialog.objectName():
            PrintPreviewDialog.setObjectName(u"PrintPreviewDialog")
        PrintPreviewDialog.resize(900, 700)
        self.mainLayout = QVBoxLayout(PrintPreviewDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.titleLayout = QHBoxLayout()
        self.titleLayout.setObjectName(u"titleLayout")
        self.titleLabel = QLabel(PrintPreviewDialog)
        self.titleLabel.setObjectName(u"titleLabel")

        self.titleLayout.addWidget(self.titleLabel)

        self.kindLabel = QLabel(PrintPreviewDialog)
        self.kindLabel.setObjectName(u"kindLabel")

        self.titleLayout.addWidget(self.kindLabel)

        self.titleSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.titleLayout.addItem(self.titleSpacer)

        self.subtitleLabel = QLabel(PrintPreviewDialog)
        self.subtitleLabel.setObjectName(u"subtitleLabel")
        self.subtitleLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.titleLayout.addWidget(self.subtitleLabel)


        self.mainLayout.addLayout(self.titleLayout)

        self.warningsLabel = QLabel(PrintPreviewDialog)
        self.warningsLabel.setObjectName(u"warningsLabel")
        self.warningsLabel.setWordWrap(True)
        self.warningsLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.mainLayout.addWidget(self.warningsLabel)

        self.toolLayout = QHBoxLayout()
        self.toolLayout.setObjectName(u"toolLayout")
        self.previousButton = QPushButton(PrintPreviewDialog)
        self.previousButton.setObjectName(u"previousButton")
        self.previousButton.setAutoDefault(False)

        self.toolLayout.addWidget(self.previousButton)

        self.pageLabel = QLabel(PrintPreviewDialog)
        self.pageLabel.setObjectName(u"pageLabel")

        self.toolLayout.addWidget(self.pageLabel)

        self.pageSpin = QSpinBox(PrintPreviewDialog)
        self.pageSpin.setObjectName(u"pageSpin")
        self.pageSpin.setMinimum(1)
        self.pageSpin.setMaximum(1)

        self.toolLayout.addWidget(self.pageSpin)

        self.pageCountLabel = QLabel(PrintPreviewDialog)
        self.pageCountLabel.setObjectName(u"pageCountLabel")

        self.toolLayout.addWidget(self.pageCountLabel)

        self.nextButton = QPushButton(PrintPreviewDialog)
        self.nextButton.setObjectName(u"nextButton")
        self.nextButton.setAutoDefault(False)

        self.toolLayout.addWidget(self.nextButton)

        self.toolSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.toolLayout.addItem(self.toolSpacer)

        self.zoomOutButton = QPushButton(PrintPreviewDialog)
        self.zoomOutButton.setObjectName(u"zoomOutButton")
        self.zoomOutButton.setAutoDefault(False)

        self.toolLayout.addWidget(self.zoomOutButton)

        self.zoomCombo = QComboBox(PrintPreviewDialog)
        self.zoomCombo.setObjectName(u"zoomCombo")
        self.zoomCombo.setMinimumSize(QSize(110, 0))

        self.toolLayout.addWidget(self.zoomCombo)

        self.zoomInButton = QPushButton(PrintPreviewDialog)
        self.zoomInButton.setObjectName(u"zoomInButton")
        self.zoomInButton.setAutoDefault(False)

        self.toolLayout.addWidget(self.zoomInButton)


        self.mainLayout.addLayout(self.toolLayout)

        self.view = QPdfView(PrintPreviewDialog)
        self.view.setObjectName(u"view")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(1)
        sizePolicy.setHeightForWidth(self.view.sizePolicy().hasHeightForWidth())
        self.view.setSizePolicy(sizePolicy)

        self.mainLayout.addWidget(self.view)

        self.statusLabel = QLabel(PrintPreviewDialog)
        self.statusLabel.setObjectName(u"statusLabel")
        self.statusLabel.setWordWrap(True)
        self.statusLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.mainLayout.addWidget(self.statusLabel)

        self.buttonLayout = QHBoxLayout()
        self.buttonLayout.setObjectName(u"buttonLayout")
        self.hintLabel = QLabel(PrintPreviewDialog)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setWordWrap(True)

        self.buttonLayout.addWidget(self.hintLabel)

        self.printButton = QPushButton(PrintPreviewDialog)
        self.printButton.setObjectName(u"printButton")

        self.buttonLayout.addWidget(self.printButton)

        self.saveButton = QPushButton(PrintPreviewDialog)
        self.saveButton.setObjectName(u"saveButton")
        self.saveButton.setAutoDefault(False)

        self.buttonLayout.addWidget(self.saveButton)

        self.closeButton = QPushButton(PrintPreviewDialog)
        self.closeButton.setObjectName(u"closeButton")
        self.closeButton.setAutoDefault(False)

        self.buttonLayout.addWidget(self.closeButton)

        self.buttonLayout.setStretch(0, 1)

        self.mainLayout.addLayout(self.buttonLayout)

#if QT_CONFIG(shortcut)
        self.pageLabel.setBuddy(self.pageSpin)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.printButton, self.saveButton)
        QWidget.setTabOrder(self.saveButton, self.closeButton)
        QWidget.setTabOrder(self.closeButton, self.view)
        QWidget.setTabOrder(self.view, self.previousButton)
        QWidget.setTabOrder(self.previousButton, self.pageSpin)
        QWidget.setTabOrder(self.pageSpin, self.nextButton)
        QWidget.setTabOrder(self.nextButton, self.zoomOutButton)
        QWidget.setTabOrder(self.zoomOutButton, self.zoomCombo)
        QWidget.setTabOrder(self.zoomCombo, self.zoomInButton)

        self.retranslateUi(PrintPreviewDialog)

        self.printButton.setDefault(True)


        QMetaObject.connectSlotsByName(PrintPreviewDialog)
    # setupUi

    def retranslateUi(self, PrintPreviewDialog):
        PrintPreviewDialog.setWindowTitle(QCoreApplication.translate("PrintPreviewDialog", u"\u6253\u5370\u9884\u89c8", None))
        self.titleLabel.setText("")
        self.kindLabel.setText("")
        self.subtitleLabel.setText("")
        self.warningsLabel.setText("")
        self.previousButton.setText(QCoreApplication.translate("PrintPreviewDialog", u"\u4e0a\u4e00\u9875", None))
#if QT_CONFIG(tooltip)
        self.previousButton.setToolTip(QCoreApplication.translate("PrintPreviewDialog", u"\u4e0a\u4e00\u9875\uff08PgUp\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.pageLabel.setText(QCoreApplication.translate("PrintPreviewDialog", u"\u7b2c(&G)", None))
        self.pageCountLabel.setText("")
        self.nextButton.setText(QCoreApplication.translate("PrintPreviewDialog", u"\u4e0b\u4e00\u9875", None))
#if QT_CONFIG(tooltip)
        self.nextButton.setToolTip(QCoreApplication.translate("PrintPreviewDialog", u"\u4e0b\u4e00\u9875\uff08PgDown\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.zoomOutButton.setText(QCoreApplication.translate("PrintPreviewDialog", u"\u7f29\u5c0f", None))
#if QT_CONFIG(tooltip)
        self.zoomOutButton.setToolTip(QCoreApplication.translate("PrintPreviewDialog", u"\u7f29\u5c0f\uff08Ctrl+-\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.zoomInButton.setText(QCoreApplication.translate("PrintPreviewDialog", u"\u653e\u5927", None))
#if QT_CONFIG(tooltip)
        self.zoomInButton.setToolTip(QCoreApplication.translate("PrintPreviewDialog", u"\u653e\u5927\uff08Ctrl++\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.statusLabel.setText("")
        self.hintLabel.setText("")
        self.printButton.setText(QCoreApplication.translate("PrintPreviewDialog", u"\u6253\u5370(&P)\u2026", None))
        self.saveButton.setText(QCoreApplication.translate("PrintPreviewDialog", u"\u53e6\u5b58\u4e3a PDF(&S)\u2026", None))
        self.closeButton.setText(QCoreApplication.translate("PrintPreviewDialog", u"\u5173\u95ed", None))
    # retranslateUi

