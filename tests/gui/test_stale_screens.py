"""Screens that used to be stale or misleading (issue 16 point 8), driven as a person would.

数据交换's 待导出的修改 counted at start-up only; a register showed the previous register's
rows under its own headers while loading; charts said 本期间没有数据 before the figures
arrived and printed ticks "1 1 0 0 0"; a new case waiting for its 受理决定 was not a to-do;
the 已登记 message sat in the intake header, widening the window until the navigation was
squeezed, and never went away.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QSize

from hexie_desktop.core.changes import Changes
from hexie_desktop.services import registries
from hexie_desktop.ui.screens.reports.charts import ChartWidget, Series
from tests.gui.conftest import make_case, settle, wait_tasks


def _pending(window) -> int:
    match = re.search(r"待导出的修改：(\d+)行", window.exchange.ui.statusLabel.text())
    assert match, window.exchange.ui.statusLabel.text()
    return int(match.group(1))


def test_exchange_counts_the_changes_made_since_it_was_last_shown(qtbot, window, workspace) -> None:
    window.show_page("exchange")
    wait_tasks(qtbot)                             # counted off the GUI thread
    before = _pending(window)
    window.show_page("dashboard")
    make_case(workspace)                          # a new case elsewhere (no signal at all)
    window.show_page("exchange")
    wait_tasks(qtbot)
    assert _pending(window) > before              # used to stay at the start-up count
    again = _pending(window)
    make_case(workspace, name="李四", seq=19)
    workspace.announce(Changes.cases())           # a case registered while the page is open
    wait_tasks(qtbot)
    assert _pending(window) > again


def test_switching_registers_shows_no_rows_of_the_previous_one(qtbot, window) -> None:
    window.show_page("registry")
    screen = window.registry
    kinds = list(registries.KINDS)
    screen.ui.kinds.setCurrentRow(kinds.index("orgs"))
    wait_tasks(qtbot)
    assert screen.model.rowCount() > 0
    screen.ui.kinds.setCurrentRow(kinds.index("visits"))
    # While the new register loads: its headers, no rows, and it says so.
    assert screen.model.rowCount() == 0
    assert screen.ui.countLabel.text() == "正在加载……"
    wait_tasks(qtbot)
    assert screen.ui.countLabel.text().startswith("共")
    assert all(r.get("id") for r in screen.model.records())


def test_charts_say_they_are_counting_until_the_figures_arrive(qtbot, window) -> None:
    screen = window.reports
    charts = (screen.ui.categoryChart, screen.ui.rateChart, screen.ui.moneyChart)
    assert all(c.shown_text() == "正在统计……" for c in charts)   # never computed yet: not "no data"
    window.show_page("reports")
    assert all(c.is_loading() for c in charts)
    wait_tasks(qtbot)
    assert not any(c.is_loading() for c in charts)
    for chart in charts:
        chart.resize(QSize(420, 240))
        assert not chart.grab().isNull()
    screen.refresh()                                            # again: counting, not the old figures' "no data"
    assert all(c.shown_text() == "正在统计……" for c in charts)
    wait_tasks(qtbot)


def test_success_rate_trend_leaves_months_without_a_decided_case_empty(qtbot) -> None:
    chart = ChartWidget()
    qtbot.addWidget(chart)
    chart.set_line("调解成功率趋势", ["9月", "10月", "11月"], [Series("调解成功率", (None, 0.0, None), "#2e7d32")],
                   fmt=lambda v: f"{v:.0f}%", top=100)
    assert chart.shown_text() is None            # one decided month at 0 %: a point, not "本期间没有数据"
    assert chart.tick_labels() == ["0%", "25%", "50%", "75%", "100%"]
    chart.set_line("调解成功率趋势", ["9月", "10月"], [Series("调解成功率", (None, None), "#2e7d32")], top=100)
    assert chart.shown_text() == "本期间没有数据"


def test_screen_trend_has_no_zero_for_months_without_decisions(qtbot, window) -> None:
    window.show_page("reports")
    wait_tasks(qtbot)
    screen = window.reports
    figures = [f for _p, f in screen.result.trend]
    rates = screen.ui.rateChart.series[0].values
    for f, value in zip(figures, rates, strict=True):
        if not (f["closed.agreed"] + f["closed.failed"]):
            assert value is None
    assert screen.ui.rateChart.tick_labels()[-1] == "100%"


def test_y_axis_ticks_are_distinct_round_and_whole_for_counts(qtbot) -> None:
    chart = ChartWidget()
    qtbot.addWidget(chart)
    chart.set_bars("近12个月收到申请", ["9月", "10月", "11月"], [Series("劳动报酬", (0.0, 1.0, 0.0), "#3A6591")],
                   stacked=True, fmt=lambda v: f"{v:.0f}", integer=True)
    assert chart.tick_labels() == ["0", "1"]       # was "0 0 0 1 1" (steps of 0.25 printed whole)
    chart.set_bars("件", ["a", "b"], [Series("x", (3.0, 7.0), "#3A6591")], fmt=lambda v: f"{v:.0f}", integer=True)
    labels = chart.tick_labels()
    assert labels == ["0", "2", "4", "6", "8"] and len(set(labels)) == len(labels)
    chart.set_bars("金额", ["a"], [Series("协议金额", (30_000.0,), "#3A6591")], fmt=lambda v: f"{v / 1e6:.1f}")
    labels = chart.tick_labels()                   # 300 元 in 万元: no "0.0 0.0 0.0"
    assert len(set(labels)) == len(labels), labels


def test_a_new_case_awaiting_acceptance_is_a_to_do_at_once(qtbot, window, workspace) -> None:
    window.show_page("dashboard")
    wait_tasks(qtbot)
    screen = window.dashboard
    screen.ui.officeRadio.setChecked(True)
    wait_tasks(qtbot)
    before = len(screen.items)
    number = make_case(workspace, received_days_ago=0)
    workspace.announce(Changes.cases())
    wait_tasks(qtbot)
    assert len(screen.items) == before + 1
    item = next(i for i in screen.items if i["number"] == number)
    assert item["label"] == "受理决定期限" and item["status"] == "later"
    assert f"{before + 1} 项" in screen.ui.allTile.text()


def test_registration_success_passes_in_the_status_bar_and_moves_nothing(qtbot, window, workspace) -> None:
    window.show_page("intake")
    intake = window.intake
    ui = intake.ui
    nav_width = window.ui.navigation.width()
    header_hint = ui.headerLayout.sizeHint().width()
    intake.applicants.add_lines("欧阳娜娜\t\n")
    ui.respondentName.setText("一家名字相当长的测试街道示例制造有限公司第二分公司")
    ui.claimAmount.setText("100")
    intake.claims.add_from_entry()
    ui.facts.setPlainText("拖欠工资")
    assert intake.save() is True
    settle()
    message = window.statusBar().currentMessage()
    assert message.startswith("已登记：") and intake.last_number in message
    assert not ui.savedLabel.isVisible()
    assert ui.headerLayout.sizeHint().width() <= header_hint + ui.openSavedButton.sizeHint().width() + 12
    qtbot.wait(10)
    assert window.ui.navigation.width() == nav_width
    window.statusBar().clearMessage()              # the timeout (10 s) elapsed
    assert window.statusBar().currentMessage() == ""
