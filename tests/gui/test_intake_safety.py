"""Nothing lost by one key, nothing registered twice unawares (issue 16 #6)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QMessageBox

from hexie_desktop.core import ids
from hexie_desktop.services import cases
from hexie_desktop.services.cases import CaseFilter, count_cases
from tests.gui.conftest import make_case, message_boxes, wait_tasks

WORKERS = "\n".join(f"工人{n}\t{ids.make_resident_id('330106', date(1985, 1, 1), n)}" for n in range(1, 13))


def _answer(qtbot, text: str, button: QMessageBox.StandardButton) -> None:
    qtbot.waitUntil(lambda: any(text in b.text() for b in message_boxes()), timeout=5000)
    box = next(b for b in message_boxes() if text in b.text())
    box.button(button).click()


def test_clear_asks_before_wiping_typed_applicants(qtbot, window) -> None:
    window.show_page("intake")
    intake = window.intake
    assert intake.applicants.add_lines(WORKERS) == 12
    intake.ui.clearButton.click()
    _answer(qtbot, "12 名申请人", QMessageBox.StandardButton.No)
    assert intake.ui.applicantsTable.rowCount() == 12          # 否 keeps everything
    intake.ui.clearButton.click()
    _answer(qtbot, "清空后不能恢复", QMessageBox.StandardButton.Yes)
    assert intake.ui.applicantsTable.rowCount() == 0


def test_clear_on_an_empty_form_asks_nothing(qtbot, window) -> None:
    window.show_page("intake")
    window.intake.ui.clearButton.click()
    assert not any("清空" in b.text() for b in message_boxes())


def test_same_workers_same_employer_within_90_days_warns_before_saving(qtbot, window, workspace) -> None:
    first = make_case(workspace, name="欧阳", seq=17, received_days_ago=30)
    before = count_cases(workspace.ctx, CaseFilter())
    window.show_page("intake")
    intake = window.intake
    ui = intake.ui
    intake.applicants.add_lines(f"欧阳\t{ids.make_resident_id('330106', date(1990, 3, 7), 17)}\n")
    ui.respondentName.setText("测试街道示例制造有限公司")
    ui.claimAmount.setText("100")
    intake.claims.add_from_entry()
    ui.facts.setPlainText("又来了")
    assert intake.save() is False                               # asks first
    _answer(qtbot, first, QMessageBox.StandardButton.No)
    assert count_cases(workspace.ctx, CaseFilter()) == before   # 否: nothing registered
    assert ui.applicantsTable.rowCount() == 1                   # and nothing lost
    intake.save()
    _answer(qtbot, "可能重复登记", QMessageBox.StandardButton.Yes)
    wait_tasks(qtbot)
    assert count_cases(workspace.ctx, CaseFilter()) == before + 1
    assert "可能重复登记" in ui.savedLabel.text()


def test_duplicate_rule_needs_the_same_employer_and_the_window(workspace) -> None:
    make_case(workspace, name="欧阳", seq=17, received_days_ago=120)
    same_id = ids.make_resident_id("330106", date(1990, 3, 7), 17)
    payload = {"cases": [{"received_on": workspace.ctx.today.isoformat(), "source": "application",
                          "applicants": [{"name": "欧阳", "id_number": same_id}],
                          "respondent": {"name": "测试街道示例制造有限公司"},
                          "claims": [{"category": "wages", "amount": "1"}], "facts": "x"}]}
    assert cases.likely_duplicates(workspace.ctx, payload) == []        # 120 days ago: outside
    make_case(workspace, name="欧阳", seq=17, received_days_ago=10, respondent="另一家公司")
    assert cases.likely_duplicates(workspace.ctx, payload) == []        # another employer
    recent = make_case(workspace, name="欧阳", seq=17, received_days_ago=10)
    warnings = cases.likely_duplicates(workspace.ctx, payload)
    assert len(warnings) == 1 and recent in warnings[0]
