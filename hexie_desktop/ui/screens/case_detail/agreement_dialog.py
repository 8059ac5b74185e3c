"""The agreement editor: content, items (the draft), and the four signature facts of LDTJ art. 14.

保存草稿 saves the content and items the parties are going to sign (``draft-agreement``: no
state or deadline changes; the draft prints as the paper to sign).  协议生效 stays disabled
while :func:`core.workflow.agreement_problems` lists anything (missing signature dates,
items without obligation, payer or due date) or the case may not take the ``agree`` action
yet; the service checks the same again and refuses on its own.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QTableWidgetItem, QWidget

from hexie_desktop.core import codes, dates, money, workflow
from hexie_desktop.core.changes import Changes
from hexie_desktop.core.errors import HexieError, UserError
from hexie_desktop.services import case_actions
from hexie_desktop.ui import messages, style, write_op
from hexie_desktop.ui.forms.agreement_dialog import Ui_AgreementDialog
from hexie_desktop.ui.widgets.keys import submit_with_ctrl_enter
from hexie_desktop.ui.workspace import Workspace

SIGNATURES = ("applicant_signed_on", "respondent_signed_on", "mediator_signed_on", "seal_applied_on")


class AgreementDialog(QDialog):
    """Collects the agreement; saves it as a draft (``draft-agreement``) or makes it take effect (``agree``)."""

    def __init__(self, workspace: Workspace, case: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_AgreementDialog()
        self.ui.setupUi(self)
        self.workspace = workspace
        self.case = case
        self.items: list[dict[str, Any]] = []
        self.result: Any = None
        self.action = "agree"
        ui = self.ui
        style.chinese_buttons(ui.buttonBox)
        self.draft_button = ui.buttonBox.addButton(self.tr("保存草稿(&S)"), QDialogButtonBox.ButtonRole.ActionRole)
        self.draft_button.setObjectName("saveDraftButton")
        style.no_default_button(ui.buttonBox)
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("协议生效"))
        style.set_role(ui.problemsLabel, "warning")
        for code, label in codes.PAYMENT_METHODS.items():
            ui.method.addItem(label, code)
        ui.category.addItem("", None)
        for code, label in codes.CLAIM_CATEGORY_SHORT.items():
            ui.category.addItem(label, code)
        ui.category.setCurrentIndex(max(0, ui.category.findData(case.get("main_category"))))
        ui.payer.setText(case["respondent"]["name"])
        names = [p["name"] for p in case["applicants"]]
        ui.payee.setText("、".join(names[:3]) + (self.tr("等{n}人").format(n=len(names)) if len(names) > 3 else ""))
        ui.itemsTable.setColumnCount(7)
        ui.itemsTable.setHorizontalHeaderLabels([self.tr("履行内容"), self.tr("金额（元）"), self.tr("义务人"),
                                                 self.tr("权利人"), self.tr("方式"), self.tr("履行期限"),
                                                 self.tr("类别")])
        ui.itemsTable.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        ui.addItemButton.clicked.connect(self.add_item)
        for edit in (ui.obligation, ui.amount, ui.dueOn):
            edit.returnPressed.connect(self.add_item)
        ui.removeItemButton.clicked.connect(self.remove_item)
        self.setup_shares()
        for edit in self.signature_edits().values():
            edit.dateChanged.connect(self.update_problems)
        ui.content.textChanged.connect(self.update_problems)
        ui.buttonBox.accepted.connect(self.submit)
        ui.buttonBox.rejected.connect(self.reject)
        self.draft_button.clicked.connect(self.save_draft)
        submit_with_ctrl_enter(self, ui.buttonBox)
        self.load_draft(case.get("agreement"))
        self.update_problems()
        ui.content.setFocus()

    def load_draft(self, agreement: dict[str, Any] | None) -> None:
        """Fill in the saved draft (content and items) so it can be edited or signed."""
        if not agreement:
            return
        self.ui.content.setPlainText(agreement.get("content") or "")
        for item in agreement.get("items") or []:
            cents = money.parse_amount(item.get("amount") or "0")
            due = item.get("due_on")
            self.items.append({
                "obligation": item.get("obligation") or "", "amount": money.cents_to_str(cents), "cents": cents,
                "payer": item.get("payer") or "", "payee": item.get("payee") or "", "method": item.get("method"),
                "due_on": due, "due": date.fromisoformat(due) if due else None, "category": item.get("category"),
            })
        self.render_items()

    # ---------------------------------------------------------------- shares

    def setup_shares(self) -> None:
        """One row per applicant: name (fixed), amount and due date (typed in); shown for several applicants."""
        table = self.ui.sharesTable
        people = self.case.get("applicants") or []
        self.ui.sharesGroup.setVisible(len(people) > 1)
        table.setColumnCount(3)
        table.setHorizontalHeaderLabels([self.tr("姓名"), self.tr("金额（元）"), self.tr("履行期限（空=同协议事项）")])
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        table.setColumnWidth(1, 140)
        table.setColumnWidth(2, 220)
        table.setRowCount(len(people))
        saved = {s.get("applicant_id"): s for s in (self.case.get("agreement") or {}).get("shares") or []}
        for row, person in enumerate(people):
            name = QTableWidgetItem(person.get("name") or "")
            name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable)
            name.setData(Qt.ItemDataRole.UserRole, person.get("id"))
            table.setItem(row, 0, name)
            share = saved.get(person.get("id")) or {}
            table.setItem(row, 1, QTableWidgetItem(share.get("amount") or ""))
            table.setItem(row, 2, QTableWidgetItem(share.get("due_on") or ""))
        table.itemChanged.connect(lambda _item: self.update_problems())

    def collective(self) -> bool:
        """Whether every applicant must be named with an amount (core.papers' collective fact)."""
        people = self.case.get("applicants") or []
        return (bool(self.case.get("collective")) or workflow.is_collective(len(people))) and len(people) > 1

    def shares(self) -> tuple[list[dict[str, Any]], list[str], list[str]]:
        """(the rows with an amount as the service takes them, unlisted names, input errors)."""
        table = self.ui.sharesTable
        out: list[dict[str, Any]] = []
        unlisted: list[str] = []
        errors: list[str] = []
        if not self.ui.sharesGroup.isVisibleTo(self):
            return out, unlisted, errors
        for row in range(table.rowCount()):
            name_item = table.item(row, 0)
            name = name_item.text() if name_item else ""
            amount = (table.item(row, 1).text() if table.item(row, 1) else "").strip()
            due = (table.item(row, 2).text() if table.item(row, 2) else "").strip()
            if not amount:
                unlisted.append(name)
                continue
            try:
                cents = money.parse_amount(amount)
            except UserError as exc:
                errors.append(self.tr("{name}：{error}").format(name=name, error=exc.message))
                continue
            day = dates.parse(due) if due else None
            if due and day is None:
                errors.append(self.tr("{name}：履行期限“{due}”不是有效日期").format(name=name, due=due))
                continue
            out.append({"applicant": name_item.data(Qt.ItemDataRole.UserRole) if name_item else name,
                        "amount": money.cents_to_str(cents), "due_on": day.isoformat() if day else None,
                        "cents": cents})
        return out, unlisted, errors

    def share_problems(self, *, taking_effect: bool) -> list[str]:
        """core.workflow.share_problems over the table, plus unreadable amounts or dates."""
        shares, unlisted, errors = self.shares()
        return errors + workflow.share_problems(
            tuple(s["cents"] for s in shares), tuple(i["cents"] for i in self.items), tuple(unlisted),
            collective=self.collective(), taking_effect=taking_effect)

    def update_share_total(self) -> None:
        """Show the shares' total next to the items' total."""
        shares, unlisted, _errors = self.shares()
        total = sum(s["cents"] for s in shares)
        items = sum(i["cents"] for i in self.items)
        self.ui.sharesTotalLabel.setText(self.tr("已列{n}人，合计 {t} 元；协议事项合计 {i} 元{left}").format(
            n=len(shares), t=money.format_amount(total), i=money.format_amount(items),
            left=self.tr("；未列{n}人").format(n=len(unlisted)) if unlisted else ""))

    def may_take_effect(self) -> str | None:
        """Why the case may not take the ``agree`` action now (``None``: it may)."""
        return (self.case.get("actions") or {}).get("agree")

    def signature_edits(self) -> dict[str, Any]:
        """The four date fields by the service's names."""
        ui = self.ui
        return {"applicant_signed_on": ui.applicantSigned, "respondent_signed_on": ui.respondentSigned,
                "mediator_signed_on": ui.mediatorSigned, "seal_applied_on": ui.sealApplied}

    # ---------------------------------------------------------------- items

    def add_item(self) -> bool:
        """Add the entry row as an item; an amount must be exact money."""
        ui = self.ui
        if not ui.obligation.text().strip():
            ui.problemsLabel.setText(self.tr("请填写履行内容"))
            ui.obligation.setFocus()
            return False
        try:
            cents = money.parse_amount(ui.amount.text().strip()) if ui.amount.text().strip() else 0
        except UserError as exc:
            ui.problemsLabel.setText(exc.message)
            ui.amount.setFocus()
            return False
        self.items.append({
            "obligation": ui.obligation.text().strip(), "amount": money.cents_to_str(cents), "cents": cents,
            "payer": ui.payer.text().strip(), "payee": ui.payee.text().strip(), "method": ui.method.currentData(),
            "due_on": ui.dueOn.text_for_service(), "due": ui.dueOn.value(), "category": ui.category.currentData(),
        })
        ui.obligation.clear()
        ui.amount.clear()
        ui.dueOn.clear()
        self.render_items()
        ui.obligation.setFocus()
        return True

    def remove_item(self) -> None:
        """Remove the selected item."""
        rows = self.ui.itemsTable.selectionModel().selectedRows()
        if rows:
            del self.items[rows[0].row()]
            self.render_items()

    def render_items(self) -> None:
        """Redraw the items table and the total."""
        table = self.ui.itemsTable
        table.setRowCount(len(self.items))
        for row, item in enumerate(self.items):
            values = (item["obligation"], money.format_amount(item["cents"]), item["payer"], item["payee"],
                      codes.label(codes.PAYMENT_METHODS, item["method"]), item["due_on"] or "",
                      codes.label(codes.CLAIM_CATEGORY_SHORT, item["category"]))
            for column, text in enumerate(values):
                table.setItem(row, column, QTableWidgetItem(text))
        total = sum(i["cents"] for i in self.items)
        self.ui.totalLabel.setText(self.tr("共{n}项，合计 {t} 元").format(n=len(self.items), t=money.format_amount(total)))
        self.update_problems()

    # ---------------------------------------------------------------- effect

    def problems(self) -> list[str]:
        """What keeps the agreement from taking effect now (core.workflow.agreement_problems)."""
        edits = self.signature_edits()
        facts = workflow.AgreementFacts(
            **{key: edit.value() for key, edit in edits.items()},
            items=tuple(workflow.ItemFacts(i["obligation"], i["payer"], i["cents"], i["due"]) for i in self.items),
            content=self.ui.content.toPlainText(),
        )
        problems = workflow.agreement_problems(facts) + self.share_problems(taking_effect=True)
        if self.may_take_effect():
            problems.insert(0, self.may_take_effect())
        bad = [key for key, edit in edits.items() if not edit.is_valid()]
        if bad:
            problems.append(self.tr("有日期格式不正确"))
        return problems

    def draft_problems(self) -> list[str]:
        """What keeps the draft (content and items) from being saved (core.workflow.draft_problems)."""
        facts = workflow.AgreementFacts(
            None, None, None, None,
            items=tuple(workflow.ItemFacts(i["obligation"], i["payer"], i["cents"], i["due"]) for i in self.items),
            content=self.ui.content.toPlainText(),
        )
        return workflow.draft_problems(facts) + self.share_problems(taking_effect=False)

    def update_problems(self) -> None:
        """Enable 保存草稿 when the terms are complete, 协议生效 only when nothing is missing; list what is."""
        problems = self.problems()
        drafted = self.draft_problems()
        self.update_share_total()
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problems)
        self.draft_button.setEnabled(not drafted)
        if drafted:  # what the terms lack comes first: nothing can be saved without them
            text = self.tr("协议草稿尚不完整：") + "；".join(drafted)
        elif problems:
            text = self.tr("可以保存草稿并打印供各方签署；尚不能生效：") + "；".join(
                p for p in problems if p not in drafted)
        else:
            text = self.tr("四项签名盖章日期齐全，协议可以生效。")
        self.ui.problemsLabel.setText(text)
        style.set_role(self.ui.problemsLabel, "warning" if problems else "ok")

    def terms(self) -> dict[str, Any]:
        """The draft's data: content, items and, for several applicants, each one's amount."""
        data: dict[str, Any] = {
            "content": self.ui.content.toPlainText().strip() or None,
            "items": [{k: i[k] for k in ("obligation", "payer", "payee", "amount", "method", "due_on", "category")}
                      for i in self.items],
        }
        if self.ui.sharesGroup.isVisibleTo(self):
            data["shares"] = [{k: s[k] for k in ("applicant", "amount", "due_on")} for s in self.shares()[0]]
        return data

    def data(self) -> dict[str, Any]:
        """The ``agree`` action's data: the terms and the four signature dates."""
        data = self.terms()
        for key, edit in self.signature_edits().items():
            data[key] = edit.text_for_service()
        return data

    def _apply(self, action: str, data: dict[str, Any]) -> bool:
        """Start ``action`` off the GUI thread (True when started); the dialog closes when it is saved."""
        number = self.case["number"]

        def saved(result: Any) -> None:
            self.result, self.action = result, action
            self.accept()

        def refused(error: BaseException) -> None:
            if not isinstance(error, HexieError):
                messages.show_error(self, error)
                return
            self.ui.problemsLabel.setText(messages.describe(error))
            style.set_role(self.ui.problemsLabel, "error")

        return write_op.write(self, self.workspace, case_actions.apply, self.workspace.ctx, number, action, data,
                              changes=Changes.case(number), on_done=saved, on_error=refused,
                              busy=(self.ui.buttonBox,)) is not None

    def save_draft(self) -> bool:
        """Save content and items as the draft to sign (no state change); refusals stay in the dialog."""
        return self._apply("draft-agreement", self.terms())

    def submit(self) -> bool:
        """Apply ``agree``; on refusal keep the dialog open with the service's reason."""
        return self._apply("agree", self.data())
