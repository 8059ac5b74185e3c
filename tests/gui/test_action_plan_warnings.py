"""Issue 14 point 4 in the GUI: the 监测预警 page lists the leads the demo data raised and handles them."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox

from hexie_desktop.services import warnings
from hexie_desktop.ui.main_window import MainWindow
from tests.gui.conftest import type_text, wait_tasks


def _ok(dialog) -> None:
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()


def test_leads_listed_assigned_and_closed(qtbot, window, workspace, qtmodeltester) -> None:
    window.show_page("action_plan")
    window.action_plan.show_tab("warnings")
    screen = window.action_plan.warnings
    assert window.current_page() is window.action_plan
    assert window.action_plan.ui.tabs.currentWidget() is window.action_plan.ui.warningsTab is screen.parentWidget()
    assert window.ui.navigation.currentItem().text() == "行动计划"
    leads = warnings.list_leads(workspace.ctx)
    assert leads, "the demo data raises leads"
    assert screen.model.rowCount() == len(leads)
    qtmodeltester.check(screen.model)
    assert screen.ui.summaryLabel.text().startswith(f"待处理线索{len(leads)}条")
    first = screen.selected()
    assert first is not None and first["id"] == leads[0]["id"]
    assert first["title"] in screen.ui.detail.toPlainText() and "生成线索" in screen.ui.detail.toPlainText()

    dialog = screen.handle("assign")
    type_text(dialog.builder.widget("owner"), "王调解")
    _ok(dialog)
    assert warnings.show(workspace.ctx, first["id"])["owner"] == "王调解"
    assert screen.selected()["status"] == "in_progress"

    closing = screen.handle("close")
    _ok(closing)                                        # no note: refused, the dialog stays open
    assert closing.isVisible() and closing.ui.errorLabel.text()
    assert warnings.show(workspace.ctx, first["id"])["status"] == "in_progress"
    type_text(closing.builder.widget("note"), "企业已补发工资")
    _ok(closing)
    assert warnings.show(workspace.ctx, first["id"])["status"] == "closed"
    assert screen.model.rowCount() == len(leads) - 1
    screen.ui.statusCombo.setCurrentIndex(screen.ui.statusCombo.findData("closed"))
    assert [r["id"] for r in screen.model.records()] == [first["id"]]
    screen.scan()
    assert screen.ui.summaryLabel.text().startswith("扫描完成：新线索0条")
    wait_tasks(qtbot)


def test_rights_decide_the_buttons_and_admin_sets_thresholds(qtbot, login) -> None:
    clerk = MainWindow(login("clerk"))
    qtbot.addWidget(clerk)
    clerk.show_page("action_plan")
    clerk.action_plan.show_tab("warnings")
    assert clerk.action_plan.warnings.ui.scanButton.isEnabled()
    assert not any(b.isEnabled() for b in clerk.action_plan.warnings.buttons.values())
    assert not clerk.action_plan.warnings.ui.thresholdButton.isEnabled()
    admin_ws = login("admin")
    admin = MainWindow(admin_ws)
    qtbot.addWidget(admin)
    admin.show_page("action_plan")
    admin.action_plan.show_tab("warnings")
    dialog = admin.action_plan.warnings.edit_thresholds()
    assert dialog.builder.value("repeat_min_cases") == 3
    dialog.builder.widget("repeat_min_cases").setValue(1)     # below the minimum of 2: refused
    _ok(dialog)
    assert dialog.isVisible() and "2到1000" in dialog.ui.errorLabel.text()
    dialog.builder.widget("repeat_min_cases").setValue(5)
    _ok(dialog)
    assert warnings.read_thresholds(admin_ws.ctx)["repeat_min_cases"] == 5
    wait_tasks(qtbot)


def test_dashboard_shows_the_open_leads_and_reports_due(qtbot, window, workspace) -> None:
    window.show_page("dashboard")
    wait_tasks(qtbot)
    total = len(warnings.list_leads(workspace.ctx))
    text = window.dashboard.planLabel.text()
    assert text.startswith(f"预警线索待处理{total}条") and "重大集体劳动争议待报告" in text
