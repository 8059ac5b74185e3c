"""The dashboard: due items by tile, month counts, Enter opens the case."""

from __future__ import annotations

from PySide6.QtCore import Qt

from hexie_desktop.core.changes import Changes
from tests.gui.conftest import make_case, press, wait_tasks


def test_overdue_case_is_listed_and_opens_with_enter(qtbot, window, workspace) -> None:
    number = make_case(workspace, name="上官", received_days_ago=20)
    workspace.announce(Changes.cases())
    wait_tasks(qtbot)
    board = window.dashboard
    numbers = [r["number"] for r in board.model.records()]
    assert number in numbers
    board.ui.overdueTile.click()
    assert board.current_tile() == "overdue"
    assert all(r["status"] == "overdue" for r in board.model.records())
    assert "已逾期" in board.ui.overdueTile.text()
    assert "本月" in board.ui.monthLabel.text() and "登记" in board.ui.monthLabel.text()
    row = [r["number"] for r in board.model.records()].index(number)
    board.ui.table.setFocus()
    board.ui.table.selectRow(row)
    press(Qt.Key.Key_Return)
    assert window.current_page() is window.detail and window.detail.number == number


def test_mine_and_office(qtbot, window) -> None:
    board = window.dashboard
    office = len(board.items)
    board.ui.mineRadio.setChecked(True)
    wait_tasks(qtbot)
    assert len(board.items) <= office
