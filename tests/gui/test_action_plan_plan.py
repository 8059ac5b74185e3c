"""Issue 14 point 1 in the GUI: the 计划进度 page shows targets against the demo registers, sets a
year's targets (validated) and exports the Excel table."""

from __future__ import annotations

from openpyxl import load_workbook
from PySide6.QtWidgets import QDialogButtonBox

from hexie_desktop.core import plan as plan_rules
from hexie_desktop.core import stats
from hexie_desktop.services import plan
from hexie_desktop.ui.main_window import MainWindow
from tests.gui.conftest import activate, wait_tasks


def _ok(dialog) -> None:
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()


def test_progress_targets_and_export(qtbot, login, tmp_path) -> None:
    admin = login("admin")
    win = MainWindow(admin)
    qtbot.addWidget(win)
    activate(win)
    win.show_page("action_plan")
    win.action_plan.show_tab("plan")
    screen = win.action_plan.plan
    year = admin.ctx.today.year
    assert screen.model.rowCount() == len(plan_rules.INDICATORS)
    expected = plan.progress(admin.ctx, stats.year(year))
    first = screen.model.record(0)
    assert first["label"] == "新增劳动关系协调员" and first["actual_text"] == str(expected.rows[0].actual)
    screen.ui.periodCombo.setCurrentIndex(3)              # third quarter: year to date shown
    assert screen.model.record(0)["ytd_text"] != "" and "第三季度" in screen.ui.periodLabel.text()

    dialog = screen.edit_targets()
    dialog.builder.widget("cultivation_pass_rate").setValue(120)       # above 100%: refused
    _ok(dialog)
    assert dialog.isVisible() and "0到100" in dialog.ui.errorLabel.text()
    dialog.builder.widget("cultivation_pass_rate").setValue(95)
    dialog.builder.widget("coordinators_new").setValue(50)
    _ok(dialog)
    assert plan.targets(admin.ctx, year)["coordinators_new"] == 50
    assert screen.model.record(0)["target"] == 50

    out = screen.export(tmp_path / "plan.xlsx")
    assert out is not None
    values = [c.value for row in load_workbook(out).active.iter_rows() for c in row]
    assert "新增劳动关系协调员" in values and 50 in values
    wait_tasks(qtbot)


def test_head_reads_but_cannot_set_targets(qtbot, window) -> None:
    window.show_page("action_plan")
    window.action_plan.show_tab("plan")
    assert window.action_plan.plan.model.rowCount() == len(plan_rules.INDICATORS) and not window.action_plan.plan.ui.targetsButton.isEnabled()
