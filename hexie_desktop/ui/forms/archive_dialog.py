# generated — do not edit: source forms/archive_dialog.ui, regenerate with `python scripts/gen_forms.py`
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'archive_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialogButtonBox, QFormLayout,
    QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSizePolicy, QSpacerItem, QSpinBox,
    QTableWidget, QVBoxLayout)

from hexie_desktop.ui.widgets.dates import DateEdit

class Ui_ArchiveDialog(object):
    def setupUi(self, ArchiveDialog):
        if not ArchiveDialog.objectName():
            ArchiveDialog.setObjectName(u"ArchiveDialog")
        ArchiveDialog.resize(720, 520)
        self.mainLayout = QVBoxLayout(ArchiveDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(ArchiveDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.onLabel = QLabel(ArchiveDialog)
        self.onLabel.setObjectName(u"onLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.onLabel)

        self.archivedOn = DateEdit(ArchiveDialog)
        self.archivedOn.setObjectName(u"archivedOn")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.archivedOn)

        self.retentionLabel = QLabel(ArchiveDialog)
        self.retentionLabel.setObjectName(u"retentionLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.retentionLabel)

        self.retention = QSpinBox(ArchiveDialog)
        self.retention.setObjectName(u"retention")
        self.retention.setMinimum(1)
        self.retention.setMaximum(100)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.retention)


        self.mainLayout.addLayout(self.formLayout)

        self.catalogGroup = QGroupBox(ArchiveDialog)
        self.catalogGroup.setObjectName(u"catalogGroup")
        self.catalogLayout = QVBoxLayout(self.catalogGroup)
        self.catalogLayout.setObjectName(u"catalogLayout")
        self.entryLayout = QHBoxLayout()
        self.entryLayout.setObjectName(u"entryLayout")
        self.docType = QComboBox(self.catalogGroup)
        self.docType.setObjectName(u"docType")

        self.entryLayout.addWidget(self.docType)

        self.docTitle = QLineEdit(self.catalogGroup)
        self.docTitle.setObjectName(u"docTitle")

        self.entryLayout.addWidget(self.docTitle)

        self.pagesLabel = QLabel(self.catalogGroup)
        self.pagesLabel.setObjectName(u"pagesLabel")

        self.entryLayout.addWidget(self.pagesLabel)

        self.pages = QSpinBox(self.catalogGroup)
        self.pages.setObjectName(u"pages")
        self.pages.setMinimum(1)
        self.pages.setMaximum(999)

        self.entryLayout.addWidget(self.pages)

        self.addButton = QPushButton(self.catalogGroup)
        self.addButton.setObjectName(u"addButton")
        self.addButton.setAutoDefault(False)

        self.entryLayout.addWidget(self.addButton)


        self.catalogLayout.addLayout(self.entryLayout)

        self.catalogTable = QTableWidget(self.catalogGroup)
        self.catalogTable.setObjectName(u"catalogTable")
        self.catalogTable.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.catalogTable.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.catalogTable.setSelectionMode(QAbstractItemView.SingleSelection)
        self.catalogTable.setTabKeyNavigation(False)

        self.catalogLayout.addWidget(self.catalogTable)

        self.catalogButtons = QHBoxLayout()
        self.catalogButtons.setObjectName(u"catalogButtons")
        self.removeButton = QPushButton(self.catalogGroup)
        self.removeButton.setObjectName(u"removeButton")
        self.removeButton.setAutoDefault(False)

        self.catalogButtons.addWidget(self.removeButton)

        self.catalogSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.catalogButtons.addItem(self.catalogSpacer)


        self.catalogLayout.addLayout(self.catalogButtons)


        self.mainLayout.addWidget(self.catalogGroup)

        self.errorLabel = QLabel(ArchiveDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(ArchiveDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.onLabel.setBuddy(self.archivedOn)
        self.retentionLabel.setBuddy(self.retention)
        self.pagesLabel.setBuddy(self.pages)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ArchiveDialog)

        QMetaObject.connectSlotsByName(ArchiveDialog)
    # setupUi

    def retranslateUi(self, ArchiveDialog):
        ArchiveDialog.setWindowTitle(QCoreApplication.translate("ArchiveDialog", u"\u5f52\u6863", None))
        self.introLabel.setText("")
        self.onLabel.setText(QCoreApplication.translate("ArchiveDialog", u"\u5f52\u6863\u65e5\u671f(&D)", None))
        self.retentionLabel.setText(QCoreApplication.translate("ArchiveDialog", u"\u4fdd\u7ba1\u671f\u9650\uff08\u5e74\uff09(&Y)", None))
        self.catalogGroup.setTitle(QCoreApplication.translate("ArchiveDialog", u"\u5377\u5185\u76ee\u5f55", None))
        self.docTitle.setPlaceholderText(QCoreApplication.translate("ArchiveDialog", u"\u9898\u540d\uff08\u53ef\u4e0d\u586b\uff0c\u9ed8\u8ba4\u4e3a\u6587\u4e66\u540d\u79f0\uff09", None))
        self.pagesLabel.setText(QCoreApplication.translate("ArchiveDialog", u"\u9875\u6570", None))
        self.addButton.setText(QCoreApplication.translate("ArchiveDialog", u"\u52a0\u5165\u76ee\u5f55(&A)", None))
        self.removeButton.setText(QCoreApplication.translate("ArchiveDialog", u"\u79fb\u51fa\u76ee\u5f55", None))
        self.errorLabel.setText("")
    # retranslateUi

