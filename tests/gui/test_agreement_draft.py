"""The agreement dialog: a draft (content, items, each worker's amount) saved and printable before
the four signature facts exist, and taking effect only with them (issue 10, Papers 11 and 12).

Legal sources: LDTJ art. 14 (the agreement takes effect when both parties have signed or sealed,
the mediator has signed and the organization's seal is applied — a draft changes no state and no
deadline); LDTJ art. 16 (each worker takes the agreement to the court for a 支付令 for his or her
own amount, so a collective agreement names every worker's amount).
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from hexie_desktop.core import ids
from hexie_desktop.core.errors import NotAllowed
from hexie_desktop.services import case_actions, case_queries, cases
from tests.gui.conftest import advance, make_case, message_boxes, settle, type_text, wait_tasks


def _open(window, number: str):
    window.workspace.open_case.emit(number)
    assert window.current_page() is window.detail
    return window.detail


def _answer_no() -> None:
    boxes = [b for b in message_boxes() if b.isVisible()]
    assert boxes and "供各方签署" in boxes[-1].text()
    boxes[-1].button(QMessageBox.StandardButton.No).click()


def test_draft_before_signing_changes_nothing_then_takes_effect(qtbot, window, workspace) -> None:
    """LDTJ art. 14: the draft is saved and shown as not effective; the state and the deadlines stay;
    it opens in the print preview as the paper to sign (warning that the station has not named the
    arbitration commission and the court, 办案规则 art. 74, 民事诉讼法 art. 205); the same terms take
    effect once the four signature dates are entered."""
    number = make_case(workspace)
    advance(workspace, number, "accept")
    before = case_queries.show(workspace.ctx, number)
    detail = _open(window, number)
    assert "agree" not in detail.action_buttons          # no session yet: nothing can take effect
    detail.action_buttons["draft-agreement"].click()
    dialog = detail.dialog
    ui = dialog.ui
    ok = ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
    assert not dialog.draft_button.isEnabled() and not ok.isEnabled()
    assert not ui.sharesGroup.isVisibleTo(dialog)        # one applicant: the items name the amount
    type_text(ui.content, "经调解，双方自愿达成如下协议")
    type_text(ui.obligation, "支付拖欠工资")
    type_text(ui.amount, "12000")
    due = (workspace.ctx.today + timedelta(days=10)).isoformat()
    type_text(ui.dueOn, due)
    QTest.keyClick(ui.dueOn, Qt.Key.Key_Return)
    assert ui.itemsTable.rowCount() == 1
    assert dialog.draft_button.isEnabled() and not ok.isEnabled()
    assert "可以保存草稿" in ui.problemsLabel.text() and "缺少调解组织印章日期" in ui.problemsLabel.text()
    dialog.draft_button.click()
    settle()
    assert not dialog.isVisible()
    boxes = [b for b in message_boxes() if b.isVisible()]
    assert boxes and "供各方签署" in boxes[-1].text()
    boxes[-1].button(QMessageBox.StandardButton.Yes).click()
    wait_tasks(qtbot)
    preview = detail.printing.preview
    assert preview is not None and preview.isVisible() and preview.rendered.kind == "preview"
    assert "注意：未设置劳动人事争议仲裁委员会名称" in preview.ui.warningsLabel.text()
    assert "未设置司法确认的人民法院名称" in preview.ui.warningsLabel.text()
    preview.close()
    after = case_queries.show(workspace.ctx, number)
    assert after["state"] == "accepted" == before["state"]
    assert after["deadlines"] == before["deadlines"]      # no follow-up deadline from a draft's due date
    assert after["agreement"]["status"] == "draft" and after["agreement"]["effective_on"] is None
    assert [i["amount"] for i in after["agreement"]["items"]] == ["12000.00"]
    assert "协议草稿（尚未生效" in detail.ui.agreementLabel.text()

    advance(workspace, number, "record-session")
    detail.reload()
    detail.action_buttons["agree"].click()
    dialog = detail.dialog
    ui = dialog.ui
    ok = ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
    assert ui.itemsTable.rowCount() == 1 and ui.content.toPlainText() == "经调解，双方自愿达成如下协议"
    today = workspace.ctx.today.isoformat()
    for edit in (ui.applicantSigned, ui.respondentSigned, ui.mediatorSigned):
        type_text(edit, today)
        assert not ok.isEnabled()
    type_text(ui.sealApplied, today)
    assert ok.isEnabled()
    ok.click()
    settle()
    assert not dialog.isVisible()
    shown = case_queries.show(workspace.ctx, number)
    assert shown["state"] == "performing" and shown["agreement"]["status"] == "effective"
    assert len(shown["agreement"]["items"]) == 1 and shown["agreement"]["agreed_total"] == "12000.00"
    assert "draft-agreement" not in detail.action_buttons
    assert "调解协议已生效，不能再修改协议草稿" in detail.ui.unavailableText.toPlainText()


def _collective(workspace) -> str:
    people = [{"name": f"工人{n:02d}", "id_number": ids.make_resident_id("330106", date(1990, 3, 7), 100 + n),
               "phone": "13912345678", "is_representative": n < 3} for n in range(12)]
    payload = {
        "received_on": (workspace.ctx.today - timedelta(days=1)).isoformat(), "source": "application",
        "applicants": people, "respondent": {"name": "测试街道示例制造有限公司"},
        "claims": [{"category": "wages", "amount": "30000", "description": "拖欠工资"}], "facts": "拖欠工资",
    }
    return cases.register(workspace.ctx, {"cases": [payload]})[0].number


def test_collective_draft_names_each_workers_amount_and_totals_must_match(window, workspace) -> None:
    """LDTJ art. 16 and art. 7: a collective agreement lists every worker's amount; the amounts add
    up to the items' total, or neither the draft nor the agreement can be saved."""
    number = _collective(workspace)
    advance(workspace, number, "accept", "record-session")
    detail = _open(window, number)
    detail.action_buttons["agree"].click()
    dialog = detail.dialog
    ui = dialog.ui
    assert ui.sharesGroup.isVisibleTo(dialog) and ui.sharesTable.rowCount() == 12
    type_text(ui.obligation, "支付拖欠工资")
    type_text(ui.amount, "12000")
    type_text(ui.dueOn, (workspace.ctx.today + timedelta(days=10)).isoformat())
    QTest.keyClick(ui.dueOn, Qt.Key.Key_Return)
    today = workspace.ctx.today.isoformat()
    for edit in (ui.applicantSigned, ui.respondentSigned, ui.mediatorSigned, ui.sealApplied):
        type_text(edit, today)
    ok = ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled() and "尚未列明" in ui.problemsLabel.text()
    for row in range(11):
        ui.sharesTable.item(row, 1).setText("1000")
    assert "不一致" in ui.problemsLabel.text() and not dialog.draft_button.isEnabled()
    assert "未列1人" in ui.sharesTotalLabel.text()
    ui.sharesTable.item(11, 1).setText("abc")
    assert "工人11" in ui.problemsLabel.text() and not ok.isEnabled()
    ui.sharesTable.item(11, 1).setText("1000")
    assert dialog.draft_button.isEnabled() and ok.isEnabled()
    assert "合计 12,000.00 元" in ui.sharesTotalLabel.text()
    dialog.draft_button.click()
    settle()
    _answer_no()
    shown = case_queries.show(workspace.ctx, number)
    assert shown["state"] == "mediating" and len(shown["agreement"]["shares"]) == 12
    assert {s["amount"] for s in shown["agreement"]["shares"]} == {"1000.00"}
    # Signing reopens the saved amounts.
    detail.reload()
    detail.action_buttons["agree"].click()
    ui = detail.dialog.ui
    assert ui.sharesTable.item(5, 1).text() == "1000.00"
    for edit in (ui.applicantSigned, ui.respondentSigned, ui.mediatorSigned, ui.sealApplied):
        type_text(edit, today)
    ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    settle()
    assert case_queries.show(workspace.ctx, number)["state"] == "performing"
    with pytest.raises(NotAllowed, match="已生效"):
        case_actions.apply(workspace.ctx, number, "draft-agreement", {"content": "改"})
