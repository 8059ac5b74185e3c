"""The statistics screen: period picker, figures, charts, table model, export and import through the GUI."""

from __future__ import annotations

from datetime import date

from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from hexie_desktop.core import stats
from hexie_desktop.core.ids import make_credit_code
from hexie_desktop.services import registries
from hexie_desktop.ui.screens.reports.charts import ChartWidget, Series, nice_step
from hexie_desktop.ui.screens.reports.model import StatisticsModel
from tests.gui.conftest import message_boxes, wait_tasks


def _open(qtbot, window):
    position = window.nav_keys.index("reports") + 1
    QTest.keyClick(window, Qt.Key(Qt.Key.Key_0 + position), Qt.KeyboardModifier.ControlModifier)
    wait_tasks(qtbot)
    screen = window.reports
    assert window.current_page() is screen
    return screen


def test_statistics_page_shows_figures_charts_and_table(qtbot, qtmodeltester, window, workspace):
    screen = _open(qtbot, window)
    result = screen.result
    today = workspace.ctx.today
    assert result is not None and result.period == stats.month(today.year, today.month)
    assert screen.ui.periodKind.currentData() == "month" and not screen.ui.fromDate.isVisible()
    assert str(result.total["received"]) in screen.ui.receivedTile.text()
    assert "调解成功率" in screen.ui.rateTile.text()
    assert screen.model.columnCount() == 5 and screen.model.headerData(3, Qt.Orientation.Horizontal) == "本期"
    qtmodeltester.check(screen.model)
    assert len(result.trend) == 12 and screen.ui.categoryChart.labels[-1].endswith("月")
    # Whole year: the demo station's cases all fall in it, so the charts and the table have something to show.
    screen.ui.periodKind.setCurrentIndex(screen.ui.periodKind.findData("year"))
    wait_tasks(qtbot)
    assert screen.result.period == stats.year(today.year) and screen.model.columnCount() == 4
    assert screen.result.total["received"] == 40 or screen.result.total["received"] > 0
    received = next(r for r in range(screen.model.rowCount()) if screen.model.line(r).key == "received")
    assert screen.model.index(received, 3).data() == str(screen.result.total["received"])
    rate_row = next(r for r in range(screen.model.rowCount()) if screen.model.line(r).kind == "rate")
    assert screen.model.index(rate_row, 3).data().endswith("%") or screen.model.index(rate_row, 3).data() == "—"
    screen.ui.tabs.setCurrentIndex(0)
    for chart in (screen.ui.categoryChart, screen.ui.rateChart, screen.ui.moneyChart):
        assert not chart.grab().isNull()
    assert screen.ui.categoryChart.has_data()
    screen.set_period(stats.quarter(today.year, 1))
    wait_tasks(qtbot)
    assert screen.result.period == stats.quarter(today.year, 1) and screen.ui.part.currentText() == "第一季度"
    # A custom range shows the date fields and computes on 统计.
    screen.ui.periodKind.setCurrentIndex(screen.ui.periodKind.findData("custom"))
    assert screen.ui.fromDate.isVisible() and not screen.ui.part.isVisible()
    screen.ui.fromDate.setValue(date(today.year, 1, 1))
    screen.ui.toDate.setValue(today)
    screen.ui.refreshButton.click()
    wait_tasks(qtbot)
    assert screen.result.period.kind == "custom"
    screen.ui.toDate.setValue(date(today.year - 1, 1, 1))
    screen.ui.refreshButton.click()
    assert any("早于开始日期" in box.text() for box in message_boxes())


def test_export_and_import_from_the_screen(qtbot, window, workspace, tmp_path):
    screen = _open(qtbot, window)
    assert screen.ui.unmask.isEnabled() is False  # statistics have no personal data
    screen.ui.exportKind.setCurrentIndex(screen.ui.exportKind.findData("monthly"))
    screen.export_to(tmp_path / "月报.xlsx")
    wait_tasks(qtbot)
    assert screen.last_export is not None and screen.last_export.kind == "monthly"
    book = load_workbook(tmp_path / "月报.xlsx")
    assert all(c.data_type != "f" for ws in book.worksheets for row in ws.iter_rows() for c in row)
    screen.ui.exportKind.setCurrentIndex(screen.ui.exportKind.findData("cases"))
    assert screen.ui.unmask.isEnabled()  # the head may export in full (audited)
    screen.ui.unmask.setChecked(True)
    screen.export_to(tmp_path / "台账.xlsx")
    wait_tasks(qtbot)
    assert screen.last_export.rows == 40 and screen.last_export.unmasked
    assert "已导出" in screen.ui.statusLabel.text()

    screen.ui.importKind.setCurrentIndex(screen.ui.importKind.findData("employers"))
    screen.template_to(tmp_path / "模板.xlsx")
    wait_tasks(qtbot)
    book = load_workbook(tmp_path / "模板.xlsx")
    ws = book.worksheets[0]
    ws["A3"], ws["B3"] = "界面导入测试有限公司", make_credit_code("91330106MA2ABCDE1")
    ws["A4"], ws["B4"] = "坏信用代码公司", "91330106MA2ABCDE10"
    book.save(tmp_path / "单位.xlsx")
    before = len(registries.list_records(workspace.ctx, "employers"))
    screen.ui.validOnly.setChecked(True)
    screen.import_from(tmp_path / "单位.xlsx")
    wait_tasks(qtbot)
    result = screen.last_import.result
    assert result.count("created") == 1 and result.invalid_rows == 1
    assert (tmp_path / "单位_导入报告.xlsx").exists()
    assert len(registries.list_records(workspace.ctx, "employers")) == before + 1
    assert any("新增1" in box.text() for box in message_boxes())


def test_clerk_cannot_export_in_full(qtbot, login):
    from hexie_desktop.ui.screens.reports import ReportsScreen

    screen = ReportsScreen(login("clerk"))
    qtbot.addWidget(screen)
    screen.ui.exportKind.setCurrentIndex(screen.ui.exportKind.findData("cases"))
    assert not screen.ui.unmask.isEnabled() and not screen.ui.unmask.isChecked()
    wait_tasks(qtbot)


def test_chart_widget_and_model_on_their_own(qtbot, qtmodeltester):
    chart = ChartWidget()
    qtbot.addWidget(chart)
    chart.resize(420, 240)
    chart.set_line("成功率", ["1月", "2月", "3月"], [Series("成功率", (50.0, None, 75.0), "#2e7d32")], unit="%",
                   top=100)
    assert "2月 —" in chart.summary() and not chart.grab().isNull()
    chart.set_bars("空", ["1月"], [Series("a", (0.0,), "#000000")])
    assert not chart.has_data() and not chart.grab().isNull()
    assert [nice_step(v) for v in (0, 7, 40, 95, 1234)] == [1.0, 2.0, 10.0, 25.0, 500.0]
    model = StatisticsModel()
    qtmodeltester.check(model)
    model.set_columns([("本期", stats.Figures()), ("合计", stats.Figures())], "agreed_failed")
    qtmodeltester.check(model)


def test_charts_say_they_are_loading_until_the_figures_come(qtbot, window):
    screen = _open(qtbot, window)
    screen.refresh()
    charts = (screen.ui.categoryChart, screen.ui.rateChart, screen.ui.moneyChart)
    assert all(chart.loading_text == "正在统计……" for chart in charts)
    assert "正在统计" in screen.ui.rangeLabel.text() and not screen.ui.receivedTile.isEnabled()
    assert not charts[0].grab().isNull()
    wait_tasks(qtbot)
    assert all(chart.loading_text == "" for chart in charts) and screen.ui.receivedTile.isEnabled()
    assert "统计至" in screen.ui.rangeLabel.text()
