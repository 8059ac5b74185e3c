"""The applicants part of the intake form: an entry row, the table of applicants, live ID checks.

Typing an ID number shows at once the sex and birth date it encodes, or why it is wrong
(:func:`hexie_desktop.core.ids.check_resident_id`); Enter adds the applicant.  Ten or more
applicants make a collective dispute; they may elect representatives (ticked in the table, usually
3–5): none or another number is a warning, never a refusal (LDTJ art. 7, core/intake.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QGuiApplication
from PySide6.QtWidgets import QHeaderView, QTableWidgetItem

from hexie_desktop.core import codes, ids, intake, workflow
from hexie_desktop.core.errors import UserError
from hexie_desktop.ui import style
from hexie_desktop.ui.widgets.keys import shortcut

NAME, ID_TYPE, ID_NUMBER, SEX, BIRTH, PHONE, ADDRESS, REPRESENTATIVE = range(8)
LEAF_COLUMNS = {"name": NAME, "id_type": ID_TYPE, "id_number": ID_NUMBER, "sex": SEX, "phone": PHONE,
                "address": ADDRESS, "is_representative": REPRESENTATIVE}
BAD = QBrush(QColor("#ffd6d6"))


def _t(text: str) -> str:
    return QCoreApplication.translate("ApplicantsEditor", text)


def id_summary(id_type: str, number: str, today: date) -> tuple[str, str, dict[str, Any]]:
    """``(role, text, derived)`` for a typed ID: role ``ok``/``error``/``hint``; derived sex and birth date."""
    clean = re.sub(r"\s", "", number or "")
    if not clean:
        return "hint", _t("输入姓名、身份证号码等后按回车添加；身份证号码自动识别性别和出生日期。"), {}
    if id_type != "resident_id":
        return "hint", _t("非居民身份证，不作校验。"), {}
    if len(clean) not in (15, 18) and len(clean) < 18:
        return "hint", _t("已输入{n}位（应为18位）").format(n=len(clean)), {}
    try:
        info = ids.check_resident_id(clean, today=today)
    except UserError as exc:
        return "error", exc.message, {}
    text = _t("{sex}，{birth}出生").format(sex=codes.label(codes.SEXES, info.sex), birth=info.birth_date.isoformat())
    if info.warnings:
        text += "　" + "；".join(info.warnings)
    return "ok", text, {"sex": info.sex, "birth_date": info.birth_date, "id_number": info.number}


class ApplicantsEditor(QObject):
    """Owns the applicant entry widgets and table of the intake form's generated UI."""

    changed = Signal()

    def __init__(self, ui: Any, today_fn: Callable[[], date], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.today_fn = today_fn
        self.rows: list[dict[str, Any]] = []
        self.editing_at: int | None = None
        """Where the applicant taken back by 修改所选 returns to (None: a new one goes to the end)."""
        for code, label in codes.ID_TYPES.items():
            ui.idType.addItem(label, code)
        ui.idType.setMaximumWidth(120)
        table = ui.applicantsTable
        table.setColumnCount(8)
        table.setHorizontalHeaderLabels([_t("姓名"), _t("证件类型"), _t("证件号码"), _t("性别"), _t("出生日期"),
                                         _t("联系电话"), _t("住址"), _t("代表")])
        table.verticalHeader().setDefaultSectionSize(24)
        header = table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(ADDRESS, QHeaderView.ResizeMode.Stretch)
        for column, width in ((NAME, 90), (ID_TYPE, 90), (ID_NUMBER, 170), (SEX, 45), (BIRTH, 95), (PHONE, 115),
                              (REPRESENTATIVE, 50)):
            table.setColumnWidth(column, width)
        ui.idNumber.textChanged.connect(self.check_entry_id)
        ui.idType.currentIndexChanged.connect(self.check_entry_id)
        for edit in (ui.name, ui.idNumber, ui.phone, ui.address):
            edit.returnPressed.connect(self.add_from_entry)
        ui.addApplicantButton.clicked.connect(self.add_from_entry)
        for key in ("Return", "Enter"):                       # Enter on the 代表 checkbox adds the row too
            shortcut(ui.representative, key, self.add_from_entry)
        ui.removeApplicantButton.clicked.connect(self.remove_selected)
        ui.editApplicantButton.clicked.connect(self.edit_selected)
        ui.pasteButton.clicked.connect(self.paste)
        table.itemChanged.connect(self._item_changed)
        table.activated.connect(lambda _index: self.edit_selected())
        self.render()

    # ---------------------------------------------------------------- entry row

    def check_entry_id(self, *_args: Any) -> bool:
        """Show what the typed ID number says; False when it is definitely wrong."""
        role, text, _derived = id_summary(self.ui.idType.currentData(), self.ui.idNumber.text(), self.today_fn())
        self.ui.idHintLabel.setText(text)
        style.set_role(self.ui.idHintLabel, role)
        self.ui.idNumber.setProperty("invalid", role == "error")
        self.ui.idNumber.style().unpolish(self.ui.idNumber)
        self.ui.idNumber.style().polish(self.ui.idNumber)
        return role != "error"

    def add_from_entry(self) -> bool:
        """Add the entry row as an applicant; refuse (and say why) when name, ID or phone are wrong."""
        ui = self.ui
        name = ui.name.text().strip()
        if not name:
            self._entry_error(ui.name, _t("请填写申请人姓名"))
            return False
        id_type = ui.idType.currentData()
        _role, _text, derived = id_summary(id_type, ui.idNumber.text(), self.today_fn())
        if not self.check_entry_id() or (id_type == "resident_id" and ui.idNumber.text().strip() and not derived):
            self._entry_error(ui.idNumber, ui.idHintLabel.text())
            return False
        phone = ui.phone.text().strip()
        if phone:
            try:
                phone = ids.check_phone(phone)
            except UserError as exc:
                self._entry_error(ui.phone, exc.message)
                return False
        at = len(self.rows) if self.editing_at is None else min(self.editing_at, len(self.rows))
        self.editing_at = None
        self.rows.insert(at, {
            "name": name, "id_type": id_type,
            "id_number": derived.get("id_number") or ui.idNumber.text().strip(),
            "sex": derived.get("sex"), "birth_date": derived.get("birth_date"), "phone": phone,
            "address": ui.address.text().strip(), "is_representative": ui.representative.isChecked(),
            "problems": {},
        })
        for edit in (ui.name, ui.idNumber, ui.phone, ui.address):
            edit.clear()
        ui.representative.setChecked(False)
        ui.idType.setCurrentIndex(0)
        self.check_entry_id()
        self.render()
        if at < len(self.rows) - 1:
            ui.applicantsTable.selectRow(at)
        ui.name.setFocus()
        return True

    def _entry_error(self, widget: Any, message: str) -> None:
        self.ui.idHintLabel.setText(message)
        style.set_role(self.ui.idHintLabel, "error")
        widget.setFocus()
        widget.end(False)

    # ---------------------------------------------------------------- table

    def render(self) -> None:
        """Redraw the table from :attr:`rows`."""
        table = self.ui.applicantsTable
        table.blockSignals(True)
        table.setRowCount(len(self.rows))
        for row, data in enumerate(self.rows):
            values = {
                NAME: data["name"], ID_TYPE: codes.label(codes.ID_TYPES, data["id_type"]),
                ID_NUMBER: data["id_number"], SEX: codes.label(codes.SEXES, data.get("sex")),
                BIRTH: data["birth_date"].isoformat() if data.get("birth_date") else "", PHONE: data["phone"],
                ADDRESS: data["address"], REPRESENTATIVE: "",
            }
            for column, text in values.items():
                item = QTableWidgetItem(text)
                flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                if column == REPRESENTATIVE:
                    flags |= Qt.ItemFlag.ItemIsUserCheckable
                    item.setCheckState(Qt.CheckState.Checked if data["is_representative"] else Qt.CheckState.Unchecked)
                item.setFlags(flags)
                problem = data["problems"].get(column)
                if problem:
                    item.setBackground(BAD)
                    item.setToolTip(problem)
                table.setItem(row, column, item)
        table.blockSignals(False)
        self._update_collective()
        self.changed.emit()

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if item.column() == REPRESENTATIVE and 0 <= item.row() < len(self.rows):
            self.rows[item.row()]["is_representative"] = item.checkState() == Qt.CheckState.Checked
            self._update_collective()

    def _update_collective(self) -> None:
        count = len(self.rows)
        reps = sum(1 for r in self.rows if r["is_representative"])
        label = self.ui.collectiveLabel
        if not count:
            label.setText("")
        elif workflow.is_collective(count):
            warnings = intake.representative_warnings(count, reps)
            label.setText(_t("集体争议：{n}名申请人，已推举代表{r}人{note}").format(
                n=count, r=reps, note="".join(_t("（提示：{w}；可在“代表”列勾选）").format(w=w) for w in warnings)))
            style.set_role(label, "warning" if warnings else "ok")
        else:
            label.setText(_t("共{n}名申请人").format(n=count))
            style.set_role(label, "hint")

    def selected_row(self) -> int:
        """The selected table row, or -1."""
        rows = self.ui.applicantsTable.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def remove_selected(self) -> None:
        """Remove the selected applicant."""
        row = self.selected_row()
        if row >= 0:
            del self.rows[row]
            self.render()
            if self.rows:
                self.ui.applicantsTable.selectRow(min(row, len(self.rows) - 1))

    def edit_selected(self) -> None:
        """Move the selected applicant back into the entry row for correction."""
        row = self.selected_row()
        if row < 0:
            return
        data = self.rows.pop(row)
        self.editing_at = row
        ui = self.ui
        ui.name.setText(data["name"])
        ui.idType.setCurrentIndex(max(0, ui.idType.findData(data["id_type"])))
        ui.idNumber.setText(data["id_number"] or "")
        ui.phone.setText(data["phone"] or "")
        ui.address.setText(data["address"] or "")
        ui.representative.setChecked(data["is_representative"])
        self.render()
        ui.name.setFocus()

    def paste(self) -> int:
        """Add applicants from the clipboard: one per line, name, ID number, phone, address (tab or comma)."""
        text = QGuiApplication.clipboard().text()
        return self.add_lines(text)

    def add_lines(self, text: str) -> int:
        """Add one applicant per line of ``text``; bad IDs are added but marked red. Returns how many."""
        added = 0
        for line in text.splitlines():
            cells = [c.strip() for c in re.split(r"\t|,|，", line)]
            if not cells or not cells[0]:
                continue
            cells += [""] * 4
            role, message, derived = id_summary("resident_id", cells[1], self.today_fn())
            problems = {ID_NUMBER: message} if role == "error" else {}
            self.rows.append({
                "name": cells[0], "id_type": "resident_id", "id_number": derived.get("id_number") or cells[1],
                "sex": derived.get("sex"), "birth_date": derived.get("birth_date"), "phone": cells[2],
                "address": cells[3], "is_representative": False, "problems": problems,
            })
            added += 1
        self.render()
        return added

    # ---------------------------------------------------------------- form API

    def payload(self) -> list[dict[str, Any]]:
        """The applicants as the registration service expects them."""
        return [{"name": r["name"], "id_type": r["id_type"], "id_number": r["id_number"] or None,
                 "phone": r["phone"] or None, "address": r["address"] or None,
                 "is_representative": r["is_representative"]} for r in self.rows]

    def clear_problems(self) -> None:
        """Forget the marks of a refused save."""
        for row in self.rows:
            row["problems"] = {}
        self.render()

    def mark(self, index: int | None, leaf: str | None, message: str) -> None:
        """Mark the cell of applicant ``index`` named by the service field ``leaf`` as wrong."""
        if index is None or not 0 <= index < len(self.rows):
            return
        self.rows[index]["problems"][LEAF_COLUMNS.get(leaf or "", NAME)] = message
        self.render()

    def clear(self) -> None:
        """Empty the entry row and the table."""
        self.rows = []
        self.editing_at = None
        for edit in (self.ui.name, self.ui.idNumber, self.ui.phone, self.ui.address):
            edit.clear()
        self.ui.representative.setChecked(False)
        self.render()
        self.check_entry_id()
