# generated — do not edit: source forms/settings.ui, regenerate with `python scripts/gen_forms.py`
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'settings.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, Qt
from PySide6.QtWidgets import (QFormLayout, QFrame, QHBoxLayout, QLabel, QPushButton, QScrollArea,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_SettingsScreen(object):
    def setupUi(self, SettingsScreen):
        if not SettingsScreen.objectName():
            SettingsScreen.setObjectName(u"SettingsScreen")
        SettingsScreen.resize(900, 640)
        self.mainLayout = QVBoxLayout(SettingsScreen)
        self.mainLayout.setObjectName(u"mainLayout")
        self.titleLabel = QLabel(SettingsScreen)
        self.titleLabel.setObjectName(u"titleLabel")

        self.mainLayout.addWidget(self.titleLabel)

        self.stationLabel = QLabel(SettingsScreen)
        self.stationLabel.setObjectName(u"stationLabel")
        self.stationLabel.setWordWrap(True)
        self.stationLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.mainLayout.addWidget(self.stationLabel)

        self.errorLabel = QLabel(SettingsScreen)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.scroll = QScrollArea(SettingsScreen)
        self.scroll.setObjectName(u"scroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.NoFrame)
        self.formHost = QWidget()
        self.formHost.setObjectName(u"formHost")
        self.form = QFormLayout(self.formHost)
        self.form.setObjectName(u"form")
        self.form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.scroll.setWidget(self.formHost)

        self.mainLayout.addWidget(self.scroll)

        self.buttonLayout = QHBoxLayout()
        self.buttonLayout.setObjectName(u"buttonLayout")
        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonLayout.addItem(self.buttonSpacer)

        self.reloadButton = QPushButton(SettingsScreen)
        self.reloadButton.setObjectName(u"reloadButton")

        self.buttonLayout.addWidget(self.reloadButton)

        self.saveButton = QPushButton(SettingsScreen)
        self.saveButton.setObjectName(u"saveButton")

        self.buttonLayout.addWidget(self.saveButton)


        self.mainLayout.addLayout(self.buttonLayout)


        self.retranslateUi(SettingsScreen)

        QMetaObject.connectSlotsByName(SettingsScreen)
    # setupUi

    def retranslateUi(self, SettingsScreen):
        self.titleLabel.setText(QCoreApplication.translate("SettingsScreen", u"\u8bbe\u7f6e", None))
        self.stationLabel.setText("")
        self.errorLabel.setText("")
        self.reloadButton.setText(QCoreApplication.translate("SettingsScreen", u"\u653e\u5f03\u4fee\u6539", None))
        self.saveButton.setText(QCoreApplication.translate("SettingsScreen", u"\u4fdd\u5b58\u8bbe\u7f6e(&S)", None))
        pass
    # retranslateUi

