# generated — do not edit: source forms/attachment_panel.ui, regenerate with `python scripts/gen_forms.py`
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'attachment_panel.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QLabel, QPushButton, QTableView,
    QVBoxLayout)

class Ui_AttachmentPanel(object):
    def setupUi(self, AttachmentPanel):
        if not AttachmentPanel.objectName():
            AttachmentPanel.setObjectName(u"AttachmentPanel")
        AttachmentPanel.resize(800, 400)
        self.mainLayout = QVBoxLayout(AttachmentPanel)
        self.mainLayout.setObjectName(u"mainLayout")
        self.mainLayout.setContentsMargins(0, 0, 0, 0)
        self.table = QTableView(AttachmentPanel)
        self.table.setObjectName(u"table")
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setTabKeyNavigation(False)

        self.mainLayout.addWidget(self.table)

        self.buttonsLayout = QHBoxLayout()
        self.buttonsLayout.setObjectName(u"buttonsLayout")
        self.countLabel = QLabel(AttachmentPanel)
        self.countLabel.setObjectName(u"countLabel")

        self.buttonsLayout.addWidget(self.countLabel)

        self.hintLabel = QLabel(AttachmentPanel)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setWordWrap(True)

        self.buttonsLayout.addWidget(self.hintLabel)

        self.addButton = QPushButton(AttachmentPanel)
        self.addButton.setObjectName(u"addButton")

        self.buttonsLayout.addWidget(self.addButton)

        self.openButton = QPushButton(AttachmentPanel)
        self.openButton.setObjectName(u"openButton")

        self.buttonsLayout.addWidget(self.openButton)

        self.removeButton = QPushButton(AttachmentPanel)
        self.removeButton.setObjectName(u"removeButton")

        self.buttonsLayout.addWidget(self.removeButton)

        self.buttonsLayout.setStretch(1, 1)

        self.mainLayout.addLayout(self.buttonsLayout)


        self.retranslateUi(AttachmentPanel)

        QMetaObject.connectSlotsByName(AttachmentPanel)
    # setupUi

    def retranslateUi(self, AttachmentPanel):
        self.countLabel.setText("")
        self.hintLabel.setText(QCoreApplication.translate("AttachmentPanel", u"\u6253\u5f00\u524d\u5148\u6838\u5bf9\u6587\u4ef6\u662f\u5426\u5b8c\u6574\uff1b\u4e5f\u53ef\u4ee5\u628a\u6587\u4ef6\u62d6\u5230\u6b64\u5904\u6dfb\u52a0\u3002", None))
        self.addButton.setText(QCoreApplication.translate("AttachmentPanel", u"\u6dfb\u52a0\u626b\u63cf\u4ef6/\u6750\u6599(&A)\u2026", None))
#if QT_CONFIG(tooltip)
        self.addButton.setToolTip(QCoreApplication.translate("AttachmentPanel", u"\u9009\u62e9\u4e00\u4e2a\u6216\u591a\u4e2a\u6587\u4ef6\uff08PDF\u3001\u56fe\u7247\u7b49\uff09\uff0c\u9010\u4e2a\u586b\u5199\u9898\u540d\u3001\u6750\u6599\u7c7b\u578b\u548c\u9875\u6570", None))
#endif // QT_CONFIG(tooltip)
        self.openButton.setText(QCoreApplication.translate("AttachmentPanel", u"\u6253\u5f00(&O)", None))
#if QT_CONFIG(tooltip)
        self.openButton.setToolTip(QCoreApplication.translate("AttachmentPanel", u"\u7528\u672c\u673a\u7684\u67e5\u770b\u7a0b\u5e8f\u6253\u5f00\u9009\u4e2d\u7684\u6750\u6599\uff08\u53cc\u51fb\u4ea6\u53ef\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.removeButton.setText(QCoreApplication.translate("AttachmentPanel", u"\u5220\u9664(&D)", None))
#if QT_CONFIG(tooltip)
        self.removeButton.setToolTip(QCoreApplication.translate("AttachmentPanel", u"\u4ece\u672c\u6848\u79fb\u9664\u9009\u4e2d\u7684\u6750\u6599\uff08\u4e0d\u518d\u5217\u5165\u5377\u5185\u76ee\u5f55\uff09", None))
#endif // QT_CONFIG(tooltip)
        pass
    # retranslateUi

