# generated — do not edit: source forms/checklist_dialog.ui, regenerate with `python scripts/gen_forms.py`
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'checklist_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, QSize
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialogButtonBox, QHBoxLayout, QLabel,
    QLineEdit, QPushButton, QSizePolicy, QSpacerItem, QTableView, QVBoxLayout)

from hexie_desktop.ui.widgets.dates import DateEdit

class Ui_ChecklistDialog(object):
    def setupUi(self, ChecklistDialog):
        if not ChecklistDialog.objectName():
            ChecklistDialog.setObjectName(u"ChecklistDialog")
        ChecklistDialog.resize(760, 520)
        self.mainLayout = QVBoxLayout(ChecklistDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.titleLabel = QLabel(ChecklistDialog)
        self.titleLabel.setObjectName(u"titleLabel")

        self.mainLayout.addWidget(self.titleLabel)

        self.table = QTableView(ChecklistDialog)
        self.table.setObjectName(u"table")
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setTabKeyNavigation(False)

        self.mainLayout.addWidget(self.table)

        self.editLayout = QHBoxLayout()
        self.editLayout.setObjectName(u"editLayout")
        self.statusLabel = QLabel(ChecklistDialog)
        self.statusLabel.setObjectName(u"statusLabel")

        self.editLayout.addWidget(self.statusLabel)

        self.status = QComboBox(ChecklistDialog)
        self.status.setObjectName(u"status")

        self.editLayout.addWidget(self.status)

        self.checkedLabel = QLabel(ChecklistDialog)
        self.checkedLabel.setObjectName(u"checkedLabel")

        self.editLayout.addWidget(self.checkedLabel)

        self.checkedOn = DateEdit(ChecklistDialog)
        self.checkedOn.setObjectName(u"checkedOn")
        self.checkedOn.setMaximumSize(QSize(110, 16777215))

        self.editLayout.addWidget(self.checkedOn)

        self.note = QLineEdit(ChecklistDialog)
        self.note.setObjectName(u"note")

        self.editLayout.addWidget(self.note)

        self.saveButton = QPushButton(ChecklistDialog)
        self.saveButton.setObjectName(u"saveButton")

        self.editLayout.addWidget(self.saveButton)


        self.mainLayout.addLayout(self.editLayout)

        self.photoLayout = QHBoxLayout()
        self.photoLayout.setObjectName(u"photoLayout")
        self.photoLabel = QLabel(ChecklistDialog)
        self.photoLabel.setObjectName(u"photoLabel")

        self.photoLayout.addWidget(self.photoLabel)

        self.photoSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.photoLayout.addItem(self.photoSpacer)

        self.addPhotoButton = QPushButton(ChecklistDialog)
        self.addPhotoButton.setObjectName(u"addPhotoButton")
        self.addPhotoButton.setAutoDefault(False)

        self.photoLayout.addWidget(self.addPhotoButton)

        self.viewPhotoButton = QPushButton(ChecklistDialog)
        self.viewPhotoButton.setObjectName(u"viewPhotoButton")
        self.viewPhotoButton.setAutoDefault(False)

        self.photoLayout.addWidget(self.viewPhotoButton)

        self.allMetButton = QPushButton(ChecklistDialog)
        self.allMetButton.setObjectName(u"allMetButton")
        self.allMetButton.setAutoDefault(False)

        self.photoLayout.addWidget(self.allMetButton)


        self.mainLayout.addLayout(self.photoLayout)

        self.errorLabel = QLabel(ChecklistDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(ChecklistDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Close)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.statusLabel.setBuddy(self.status)
        self.checkedLabel.setBuddy(self.checkedOn)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ChecklistDialog)

        QMetaObject.connectSlotsByName(ChecklistDialog)
    # setupUi

    def retranslateUi(self, ChecklistDialog):
        ChecklistDialog.setWindowTitle(QCoreApplication.translate("ChecklistDialog", u"\u516d\u89c4\u8303\u3001\u4e94\u4e0a\u5899\u68c0\u67e5", None))
        self.titleLabel.setText("")
        self.statusLabel.setText(QCoreApplication.translate("ChecklistDialog", u"\u68c0\u67e5\u7ed3\u679c(&S)", None))
        self.checkedLabel.setText(QCoreApplication.translate("ChecklistDialog", u"\u68c0\u67e5\u65e5\u671f", None))
        self.note.setPlaceholderText(QCoreApplication.translate("ChecklistDialog", u"\u5907\u6ce8", None))
        self.saveButton.setText(QCoreApplication.translate("ChecklistDialog", u"\u4fdd\u5b58\u6b64\u9879(&V)", None))
        self.photoLabel.setText("")
        self.addPhotoButton.setText(QCoreApplication.translate("ChecklistDialog", u"\u6dfb\u52a0\u7167\u7247(&P)\u2026", None))
#if QT_CONFIG(tooltip)
        self.addPhotoButton.setToolTip(QCoreApplication.translate("ChecklistDialog", u"\u4e3a\u6b64\u9879\u62cd\u6444\u7684\u4e0a\u5899\u3001\u53f0\u8d26\u7b49\u7167\u7247\uff08JPG\u3001PNG \u7b49\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.viewPhotoButton.setText(QCoreApplication.translate("ChecklistDialog", u"\u67e5\u770b\u7167\u7247(&H)", None))
        self.allMetButton.setText(QCoreApplication.translate("ChecklistDialog", u"\u5168\u90e8\u8fbe\u6807(&A)\u2026", None))
#if QT_CONFIG(tooltip)
        self.allMetButton.setToolTip(QCoreApplication.translate("ChecklistDialog", u"\u628a\u672c\u7ec4\u7ec7\u7684\u5168\u90e8\u68c0\u67e5\u9879\u8bb0\u4e3a\u8fbe\u6807\uff0c\u68c0\u67e5\u65e5\u671f\u4e3a\u4eca\u5929", None))
#endif // QT_CONFIG(tooltip)
        self.errorLabel.setText("")
    # retranslateUi

