"""The archiving dialog: date, retention period and the 卷内目录 (catalog of the file)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog, QHeaderView, QTableWidgetItem, QWidget

from hexie_desktop.core import codes, dossier
from hexie_desktop.core.changes import Changes
from hexie_desktop.core.errors import HexieError
from hexie_desktop.services import case_actions
from hexie_desktop.ui import messages, style, write_op
from hexie_desktop.ui.forms.archive_dialog import Ui_ArchiveDialog
from hexie_desktop.ui.models import queries
from hexie_desktop.ui.widgets.keys import submit_with_ctrl_enter
from hexie_desktop.ui.workspace import Workspace


class ArchiveDialog(QDialog):
    """Collects the catalog and applies the ``archive`` action."""

    def __init__(self, workspace: Workspace, case: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ArchiveDialog()
        self.ui.setupUi(self)
        self.workspace = workspace
        self.case = case
        self.result: Any = None
        ui = self.ui
        style.chinese_buttons(ui.buttonBox)
        style.no_default_button(ui.buttonBox)
        style.set_role(ui.errorLabel, "error")
        for code, label in codes.DOCUMENT_TYPES.items():
            ui.docType.addItem(label, code)
        ui.archivedOn.setValue(workspace.ctx.today)
        ui.retention.setValue(int(queries.station_settings(workspace.ctx).get("archive.retention_years", 10)))
        ui.catalogTable.setColumnCount(3)
        ui.catalogTable.setHorizontalHeaderLabels([self.tr("文书类型"), self.tr("题名"), self.tr("页数")])
        ui.catalogTable.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.catalog: list[dict[str, Any]] = [
            {"doc_type": d["doc_type"], "title": d.get("title") or "", "pages": d.get("pages") or 1, "issued": True}
            for d in case.get("documents", [])
        ]
        ui.addButton.clicked.connect(self.add_entry)
        ui.docTitle.returnPressed.connect(self.add_entry)
        ui.removeButton.clicked.connect(self.remove_entry)
        ui.buttonBox.accepted.connect(self.submit)
        ui.buttonBox.rejected.connect(self.reject)
        submit_with_ctrl_enter(self, ui.buttonBox)
        self.render()

    def add_entry(self) -> None:
        """Add the entry row to the catalog."""
        ui = self.ui
        self.catalog.append({"doc_type": ui.docType.currentData(),
                             "title": ui.docTitle.text().strip() or ui.docType.currentText(),
                             "pages": ui.pages.value()})
        ui.docTitle.clear()
        self.render()
        ui.docType.setFocus()

    def remove_entry(self) -> None:
        """Remove the selected catalog line."""
        rows = self.ui.catalogTable.selectionModel().selectedRows()
        if rows:
            del self.catalog[rows[0].row()]
            self.render()

    def missing(self) -> list[str]:
        """Required papers neither issued, attached nor listed in the catalog yet (the service's own rule)."""
        return dossier.missing_items({**self.case, "attachments": list(self.case.get("attachments") or [])
                                      + [dict(e) for e in self.catalog]})

    def render(self) -> None:
        """Redraw the catalog table and what is still missing (an earlier refusal no longer applies)."""
        missing = self.missing()
        if missing:
            self.ui.introLabel.setText(self.tr(
                "已出具的文书和附件已计入卷内目录。尚缺的必备材料：{docs}。请登记纸质材料。").format(docs="、".join(missing)))
        else:
            self.ui.introLabel.setText(self.tr("已出具的文书和附件已计入卷内目录，必备材料已齐全。"))
        self.ui.errorLabel.clear()
        table = self.ui.catalogTable
        table.setRowCount(len(self.catalog))
        for row, entry in enumerate(self.catalog):
            for column, text in enumerate((codes.label(codes.DOCUMENT_TYPES, entry["doc_type"]), entry["title"],
                                           str(entry["pages"]))):
                table.setItem(row, column, QTableWidgetItem(text))

    def data(self) -> dict[str, Any]:
        """The ``archive`` action's data."""
        return {"on": self.ui.archivedOn.text_for_service(), "retention_years": self.ui.retention.value(),
                "catalog": [{k: v for k, v in e.items() if k != "issued"} for e in self.catalog if not e.get("issued")]}

    def submit(self) -> bool:
        """Apply ``archive`` off the GUI thread (True when started); on refusal (for example missing
        documents) the dialog stays open with the reason."""
        number = self.case["number"]

        def saved(result: Any) -> None:
            self.result = result
            self.accept()

        def refused(error: BaseException) -> None:
            if isinstance(error, HexieError):
                self.ui.errorLabel.setText(messages.describe(error))
            else:
                messages.show_error(self, error)

        return write_op.write(self, self.workspace, case_actions.apply, self.workspace.ctx, number, "archive",
                              self.data(), changes=Changes.case(number), on_done=saved, on_error=refused,
                              busy=(self.ui.buttonBox,)) is not None
