"""The claims part of the intake form: category, amount, description rows and their total."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHeaderView, QTableWidgetItem

from hexie_desktop.core import codes, money
from hexie_desktop.core.errors import UserError
from hexie_desktop.ui import style

CATEGORY, AMOUNT, DESCRIPTION = range(3)
LEAF_COLUMNS = {"category": CATEGORY, "amount": AMOUNT, "description": DESCRIPTION}
BAD = QBrush(QColor("#ffd6d6"))


def _t(text: str) -> str:
    return QCoreApplication.translate("ClaimsEditor", text)


class ClaimsEditor(QObject):
    """Owns the claim entry widgets and the claims table of the intake form's generated UI."""

    changed = Signal()

    def __init__(self, ui: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.rows: list[dict[str, Any]] = []
        for code, label in codes.CLAIM_CATEGORIES.items():
            ui.claimCategory.addItem(label, code)
        ui.claimCategory.setMaximumWidth(260)
        table = ui.claimsTable
        table.setColumnCount(3)
        table.setHorizontalHeaderLabels([_t("类别"), _t("金额（元）"), _t("说明")])
        table.verticalHeader().setDefaultSectionSize(24)
        table.setColumnWidth(CATEGORY, 200)
        table.setColumnWidth(AMOUNT, 100)
        table.horizontalHeader().setSectionResizeMode(DESCRIPTION, QHeaderView.ResizeMode.Stretch)
        ui.claimAmount.returnPressed.connect(self.add_from_entry)
        ui.claimDescription.returnPressed.connect(self.add_from_entry)
        ui.addClaimButton.clicked.connect(self.add_from_entry)
        ui.removeClaimButton.clicked.connect(self.remove_selected)
        self.render()

    def add_from_entry(self) -> bool:
        """Add the entry row as a claim; refuse an amount that is not exact money."""
        ui = self.ui
        text = ui.claimAmount.text().strip()
        try:
            cents = money.parse_amount(text) if text else 0
        except UserError as exc:
            ui.totalLabel.setText(exc.message)
            style.set_role(ui.totalLabel, "error")
            ui.claimAmount.setFocus()
            ui.claimAmount.selectAll()
            return False
        self.rows.append({"category": ui.claimCategory.currentData(), "amount": money.cents_to_str(cents),
                          "cents": cents, "description": ui.claimDescription.text().strip(), "problems": {}})
        ui.claimAmount.clear()
        ui.claimDescription.clear()
        self.render()
        ui.claimCategory.setFocus()
        return True

    def render(self) -> None:
        """Redraw the table and the total."""
        table = self.ui.claimsTable
        table.setRowCount(len(self.rows))
        for row, data in enumerate(self.rows):
            values = {CATEGORY: codes.label(codes.CLAIM_CATEGORIES, data["category"]),
                      AMOUNT: money.format_amount(data["cents"]), DESCRIPTION: data["description"]}
            for column, text in values.items():
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                if column == AMOUNT:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                problem = data["problems"].get(column)
                if problem:
                    item.setBackground(BAD)
                    item.setToolTip(problem)
                table.setItem(row, column, item)
        total = sum(r["cents"] for r in self.rows)
        self.ui.totalLabel.setText(_t("共{n}项，合计 {total} 元（{upper}）").format(
            n=len(self.rows), total=money.format_amount(total), upper=money.to_uppercase_rmb(total))
            if self.rows else "")
        style.set_role(self.ui.totalLabel, "hint")
        self.changed.emit()

    def remove_selected(self) -> None:
        """Remove the selected claim."""
        rows = self.ui.claimsTable.selectionModel().selectedRows()
        if rows:
            del self.rows[rows[0].row()]
            self.render()

    def payload(self) -> list[dict[str, Any]]:
        """The claims as the registration service expects them."""
        return [{"category": r["category"], "amount": r["amount"], "description": r["description"] or None}
                for r in self.rows]

    def mark(self, index: int | None, leaf: str | None, message: str) -> None:
        """Mark the cell of claim ``index`` named by the service field ``leaf`` as wrong."""
        if index is None or not 0 <= index < len(self.rows):
            return
        self.rows[index]["problems"][LEAF_COLUMNS.get(leaf or "", CATEGORY)] = message
        self.render()

    def clear_problems(self) -> None:
        """Forget the marks of a refused save."""
        for row in self.rows:
            row["problems"] = {}
        self.render()

    def clear(self) -> None:
        """Empty the entry row and the table."""
        self.rows = []
        self.ui.claimAmount.clear()
        self.ui.claimDescription.clear()
        self.ui.claimCategory.setCurrentIndex(0)
        self.render()
