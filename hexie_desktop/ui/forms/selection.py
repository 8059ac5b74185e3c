# generated — do not edit: source forms/selection.ui, regenerate with `python scripts/gen_forms.py`
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'selection.ui'
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
    QSizePolicy, QSpacerItem, QSpinBox, QSplitter,
    QTableView, QVBoxLayout, QWidget)

class Ui_SelectionScreen(object):
    def setupUi(self, SelectionScreen):
        if not SelectionScreen.objectName():
            SelectionScreen.setObjectName(u"SelectionScreen")
        SelectionScreen.resize(1200, 680)
        self.mainLayout = QVBoxLayout(SelectionScreen)
        self.mainLayout.setObjectName(u"mainLayout")
        self.titleLabel = QLabel(SelectionScreen)
        self.titleLabel.setObjectName(u"titleLabel")

        self.mainLayout.addWidget(self.titleLabel)

        self.summaryLabel = QLabel(SelectionScreen)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.summaryLabel)

        self.filterLayout = QHBoxLayout()
        self.filterLayout.setObjectName(u"filterLayout")
        self.yearLabel = QLabel(SelectionScreen)
        self.yearLabel.setObjectName(u"yearLabel")

        self.filterLayout.addWidget(self.yearLabel)

        self.yearSpin = QSpinBox(SelectionScreen)
        self.yearSpin.setObjectName(u"yearSpin")

        self.filterLayout.addWidget(self.yearSpin)

        self.kindCombo = QComboBox(SelectionScreen)
        self.kindCombo.setObjectName(u"kindCombo")
        self.kindCombo.setSizeAdjustPolicy(QComboBox.AdjustToContents)

        self.filterLayout.addWidget(self.kindCombo)

        self.statusCombo = QComboBox(SelectionScreen)
        self.statusCombo.setObjectName(u"statusCombo")

        self.filterLayout.addWidget(self.statusCombo)

        self.filterSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.filterLayout.addItem(self.filterSpacer)


        self.mainLayout.addLayout(self.filterLayout)

        self.buttonLayout = QHBoxLayout()
        self.buttonLayout.setObjectName(u"buttonLayout")
        self.nominateButton = QPushButton(SelectionScreen)
        self.nominateButton.setObjectName(u"nominateButton")

        self.buttonLayout.addWidget(self.nominateButton)

        self.checkButton = QPushButton(SelectionScreen)
        self.checkButton.setObjectName(u"checkButton")

        self.buttonLayout.addWidget(self.checkButton)

        self.reviewButton = QPushButton(SelectionScreen)
        self.reviewButton.setObjectName(u"reviewButton")

        self.buttonLayout.addWidget(self.reviewButton)

        self.decideButton = QPushButton(SelectionScreen)
        self.decideButton.setObjectName(u"decideButton")

        self.buttonLayout.addWidget(self.decideButton)

        self.withdrawButton = QPushButton(SelectionScreen)
        self.withdrawButton.setObjectName(u"withdrawButton")

        self.buttonLayout.addWidget(self.withdrawButton)

        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonLayout.addItem(self.buttonSpacer)

        self.publishButton = QPushButton(SelectionScreen)
        self.publishButton.setObjectName(u"publishButton")

        self.buttonLayout.addWidget(self.publishButton)


        self.mainLayout.addLayout(self.buttonLayout)

        self.splitter = QSplitter(SelectionScreen)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Vertical)
        self.table = QTableView(self.splitter)
        self.table.setObjectName(u"table")
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.splitter.addWidget(self.table)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.lower = QWidget(self.splitter)
        self.lower.setObjectName(u"lower")
        self.lowerLayout = QVBoxLayout(self.lower)
        self.lowerLayout.setObjectName(u"lowerLayout")
        self.lowerLayout.setContentsMargins(0, 0, 0, 0)
        self.checkTable = QTableView(self.lower)
        self.checkTable.setObjectName(u"checkTable")
        self.checkTable.setSelectionMode(QAbstractItemView.SingleSelection)
        self.checkTable.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.checkTable.setWordWrap(True)
        self.checkTable.horizontalHeader().setStretchLastSection(True)
        self.checkTable.verticalHeader().setVisible(False)

        self.lowerLayout.addWidget(self.checkTable)

        self.facts = QPlainTextEdit(self.lower)
        self.facts.setObjectName(u"facts")
        self.facts.setReadOnly(True)
        self.facts.setMaximumSize(QSize(16777215, 90))

        self.lowerLayout.addWidget(self.facts)

        self.lowerLayout.setStretch(0, 1)
        self.splitter.addWidget(self.lower)

        self.mainLayout.addWidget(self.splitter)

        self.mainLayout.setStretch(4, 1)
#if QT_CONFIG(shortcut)
        self.yearLabel.setBuddy(self.yearSpin)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.yearSpin, self.kindCombo)
        QWidget.setTabOrder(self.kindCombo, self.statusCombo)
        QWidget.setTabOrder(self.statusCombo, self.nominateButton)
        QWidget.setTabOrder(self.nominateButton, self.checkButton)
        QWidget.setTabOrder(self.checkButton, self.reviewButton)
        QWidget.setTabOrder(self.reviewButton, self.decideButton)
        QWidget.setTabOrder(self.decideButton, self.withdrawButton)
        QWidget.setTabOrder(self.withdrawButton, self.publishButton)
        QWidget.setTabOrder(self.publishButton, self.table)
        QWidget.setTabOrder(self.table, self.checkTable)
        QWidget.setTabOrder(self.checkTable, self.facts)

        self.retranslateUi(SelectionScreen)

        QMetaObject.connectSlotsByName(SelectionScreen)
    # setupUi

    def retranslateUi(self, SelectionScreen):
        self.titleLabel.setText(QCoreApplication.translate("SelectionScreen", u"\u9009\u6811", None))
        self.summaryLabel.setText("")
        self.yearLabel.setText(QCoreApplication.translate("SelectionScreen", u"\u5e74\u5ea6\uff1a", None))
        self.nominateButton.setText(QCoreApplication.translate("SelectionScreen", u"\u63d0\u540d\u2026", None))
        self.checkButton.setText(QCoreApplication.translate("SelectionScreen", u"\u6838\u67e5\u6761\u4ef6\u2026", None))
        self.reviewButton.setText(QCoreApplication.translate("SelectionScreen", u"\u5ba1\u6838\u2026", None))
        self.decideButton.setText(QCoreApplication.translate("SelectionScreen", u"\u51b3\u5b9a\u2026", None))
        self.withdrawButton.setText(QCoreApplication.translate("SelectionScreen", u"\u64a4\u56de\u2026", None))
        self.publishButton.setText(QCoreApplication.translate("SelectionScreen", u"\u6253\u5370\u9009\u6811\u7ed3\u679c\u540d\u5355\u2026", None))
        pass
    # retranslateUi

