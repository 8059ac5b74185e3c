"""Issue 14 point 5 in the GUI: the 繁简分流 page lists grades, overrides with a reason, records the
report of a 重大集体劳动争议 and prints its 报告."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox

from hexie_desktop.services import cases, grading
from hexie_desktop.ui.main_window import MainWindow
from tests.e2e.helpers import applicant, case_payload
from tests.gui.conftest import message_boxes, type_text, wait_tasks


def _ok(dialog) -> None:
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()


def _select(screen, number: str) -> None:
    rows = [r["number"] for r in screen.model.records()]
    screen.ui.table.selectRow(rows.index(number))


def test_grades_listed_overridden_reported_and_printed(qtbot, window, workspace) -> None:
    today = workspace.ctx.today.isoformat()
    workers = [applicant(f"工人{i}", seq=700 + i, is_representative=i < 3) for i in range(30)]
    big = cases.register(workspace.ctx, {"cases": [case_payload(received_on=today, applicants=workers,
                                                                infringement_known_on=today)]})[0].number
    window.show_page("action_plan")
    window.action_plan.show_tab("grading")
    screen = window.action_plan.grading
    assert window.current_page() is window.action_plan and screen.isVisible()
    listed = grading.list_grades(workspace.ctx, open_only=True)
    assert screen.model.rowCount() == len(listed)
    assert "待报告的重大集体劳动争议" in screen.ui.summaryLabel.text()
    screen.ui.filterCombo.setCurrentIndex(screen.ui.filterCombo.findData("due"))
    due = [r["number"] for r in screen.model.records()]
    assert big in due
    _select(screen, big)
    assert screen.selected()["grade_label"] == "重大"
    assert "应于" in screen.model.index(screen.ui.table.currentIndex().row(), 6).data()

    screen.print_report()
    wait_tasks(qtbot)
    preview = screen.jobs.preview
    assert preview is not None and preview.isVisible() and preview.ui.titleLabel.text() == "重大集体劳动争议情况报告"
    preview.close()

    dialog = screen.record_report()
    _ok(dialog)
    assert grading.case_grade(workspace.ctx, big)["reported_on"] == workspace.ctx.today
    assert big not in [r["number"] for r in screen.model.records()]

    screen.ui.filterCombo.setCurrentIndex(screen.ui.filterCombo.findData("major"))
    _select(screen, big)
    override = screen.override()
    override.builder.set_value("grade", "ordinary")
    _ok(override)                                        # no reason: refused, stays open
    assert override.isVisible() and "理由" in override.ui.errorLabel.text()
    type_text(override.builder.widget("reason"), "人数核实后仅为部分车间")
    _ok(override)
    shown = grading.case_grade(workspace.ctx, big)
    assert (shown["grade"], shown["override_reason"]) == ("ordinary", "人数核实后仅为部分车间")
    screen.ui.filterCombo.setCurrentIndex(0)             # all grades
    _select(screen, big)
    screen.open_case()                                   # 繁简分流 in the case detail too
    assert window.current_page() is window.detail
    assert "繁简分流：一般（人数核实后仅为部分车间）" in window.detail.ui.summaryLabel.text()
    assert not message_boxes()
    wait_tasks(qtbot)


def test_clerk_sees_grades_but_cannot_change_them(qtbot, login) -> None:
    clerk = MainWindow(login("clerk"))
    qtbot.addWidget(clerk)
    clerk.show_page("action_plan")
    clerk.action_plan.show_tab("grading")
    assert clerk.action_plan.grading.model.rowCount() >= 0
    screen = clerk.action_plan.grading
    assert not screen.ui.overrideButton.isEnabled() and not screen.ui.reportedButton.isEnabled()
    assert screen.ui.printButton.isEnabled()
