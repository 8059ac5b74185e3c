"""Issue 14 point 2 (选树) and point 6 (工作情况 report) in the GUI: the 选树 tab of 行动计划 nominates a
coordinator of the demo register, checks each criterion (seed 000 三(一)2(4) "选树金牌劳动关系协调员"),
reviews, decides and prints the list; the register shows the mark; the plan tab writes the report."""

from __future__ import annotations

import subprocess

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from hexie_desktop.core import selection as rules
from hexie_desktop.services import registries, selection
from hexie_desktop.ui.main_window import MainWindow
from tests.gui.conftest import activate, type_text, wait_tasks


def _ok(dialog) -> None:
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()


def test_nominate_check_review_decide_and_print(qtbot, window, workspace, tmp_path, qtmodeltester) -> None:
    activate(window)
    window.show_page("action_plan")
    screen = window.action_plan.show_tab("selection")
    assert window.action_plan.ui.tabs.tabText(1) == "选树" and screen.ui.kindCombo.currentData() == "gold_coordinator"
    year = workspace.ctx.today.year
    already = selection.list_selections(workspace.ctx, kind="gold_coordinator", year=year)
    assert screen.model.rowCount() == len(already) >= 1 and screen.ui.nominateButton.isEnabled()   # demo nominations
    taken = {r["subject_name"] for r in already}
    dialog = screen.nominate()
    subject = dialog.builder.widget("subject")
    subject.setCurrentIndex(next(i for i in range(1, subject.count()) if subject.itemText(i) not in taken))
    name = subject.currentText()
    type_text(dialog.builder.widget("reason"), "化解纠纷多起")
    _ok(dialog)
    assert not dialog.isVisible() and screen.model.rowCount() == len(already) + 1
    qtmodeltester.check(screen.model)
    row = screen.selected()
    assert (row["subject_name"], row["status_label"]) == (name, "已提名")
    assert screen.checks.rowCount() == len(rules.KINDS["gold_coordinator"].criteria)
    assert screen.checks.record(0)["text"].startswith("“从劳动关系协调员")

    again = screen.nominate()                              # the same coordinator twice in one year: refused
    again.builder.widget("subject").setCurrentIndex(subject.currentIndex())
    _ok(again)
    assert again.isVisible() and "重复提名" in again.ui.errorLabel.text()
    again.reject()

    check = screen.check()
    check.builder.set_value("result", "not_met")
    _ok(check)                                             # 不符合 without a note: refused
    assert check.isVisible() and check.ui.errorLabel.text()
    type_text(check.builder.widget("note"), "经核实为集体协商指导员")
    check.builder.set_value("result", "met")
    _ok(check)
    assert screen.checks.record(0)["result_label"] == "符合"
    early = screen.decide()
    _ok(early)
    assert early.isVisible() and "尚未审核" in early.ui.errorLabel.text()
    early.reject()
    for item in screen.current["checks"][1:]:
        selection.check(workspace.ctx, row["id"], item["code"], "met", "核实")
    screen.refresh()
    _ok(screen.review())
    assert screen.selected()["status_label"] == "已审核"
    decide = screen.decide()
    decide.builder.set_value("decision", "selected")
    _ok(decide)
    assert screen.selected()["status_label"] == "已选树" and screen.selected()["decided_by"] == workspace.ctx.actor.display_name
    marks = {r["name"]: r["selection_label"] for r in registries.list_records(workspace.ctx, "coordinators", name)}
    assert marks[name].endswith("金牌劳动关系协调员")
    window.grab().save(str(tmp_path / "selection.png"))
    window.show_page("registry")                             # the register shows the mark beside the name
    registry = window.registry
    registry.ui.search.setText(name)
    registry.reload()
    wait_tasks(qtbot)
    qtbot.waitUntil(lambda: registry.model.rowCount() >= 1)
    assert registry.model.headerData(1, Qt.Orientation.Horizontal) == "选树"
    shown = {registry.model.index(r, 0).data(): registry.model.index(r, 1).data()
             for r in range(registry.model.rowCount())}
    assert shown[name] == marks[name]

    out = screen.publish(tmp_path / "名单.pdf")
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert name in text and "选树结果名单" in text
    wait_tasks(qtbot)


def test_rights_decide_the_buttons_and_the_plan_tab_writes_the_report(qtbot, login, tmp_path) -> None:
    clerk = MainWindow(login("clerk"))
    qtbot.addWidget(clerk)
    clerk.show_page("action_plan")
    screen = clerk.action_plan.show_tab("selection")
    assert screen.ui.nominateButton.isEnabled() and screen.ui.checkButton.isEnabled()
    assert not screen.ui.reviewButton.isEnabled() and not screen.ui.decideButton.isEnabled()
    screen.ui.kindCombo.setCurrentIndex(screen.ui.kindCombo.findData(None))    # 全部类型: nothing to nominate into
    assert not screen.ui.nominateButton.isEnabled() and screen.nominate() is None

    plan_screen = clerk.action_plan.show_tab("plan")
    plan_screen.ui.periodCombo.setCurrentIndex(3)
    plan_screen.report(tmp_path / "工作情况.xlsx")
    assert not plan_screen.ui.reportButton.isEnabled()  # while it is written off the GUI thread
    wait_tasks(qtbot, timeout=60000)
    xlsx, pdf = tmp_path / "工作情况.xlsx", tmp_path / "工作情况.pdf"
    assert xlsx.exists() and pdf.exists() and "已生成工作情况报告" in plan_screen.ui.periodLabel.text()
    assert plan_screen.ui.reportButton.isEnabled()
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "工作情况报告" in text and "第三季度" in text
    wait_tasks(qtbot)
