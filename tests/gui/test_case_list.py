"""The case list: search (two-character names too), filters, sort, Enter opens the case."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from hexie_desktop.core.changes import Changes
from hexie_desktop.ui.models.case_table import DEADLINE_COLUMN, NUMBER_ROLE, RECEIVED_COLUMN
from tests.gui.conftest import make_case, press, type_text, wait_tasks


def _shown_numbers(screen) -> list[str]:
    model = screen.model
    return [model.index(row, 0).data(NUMBER_ROLE) for row in range(model.rowCount())]


def test_search_by_two_character_name_finds_the_case(qtbot, window, workspace) -> None:
    number = make_case(workspace, name="欧阳")
    workspace.announce(Changes.cases())
    window.show_page("cases")
    screen = window.cases
    wait_tasks(qtbot)
    assert screen.model.rowCount() == 41
    QTest.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert screen.ui.search.hasFocus()
    type_text(screen.ui.search, "欧阳")
    with qtbot.waitSignal(screen.loaded, timeout=5000):
        pass
    wait_tasks(qtbot)
    assert _shown_numbers(screen) == [number]
    assert screen.ui.countLabel.text() == "共 1 件"


def test_search_by_id_number_and_phone(qtbot, window, workspace) -> None:
    number = make_case(workspace, name="司马光", seq=555)
    window.show_page("cases")
    screen = window.cases
    wait_tasks(qtbot)
    type_text(screen.ui.search, "555")
    QTest.keyClick(screen.ui.search, Qt.Key.Key_Return)
    wait_tasks(qtbot)
    assert number in _shown_numbers(screen)
    screen.ui.search.clear()
    type_text(screen.ui.search, "13912345678")
    QTest.keyClick(screen.ui.search, Qt.Key.Key_Return)
    wait_tasks(qtbot)
    assert number in _shown_numbers(screen)


def test_filters_and_reset(qtbot, window) -> None:
    window.show_page("cases")
    screen = window.cases
    wait_tasks(qtbot)
    total = screen.model.rowCount()
    screen.ui.state.setCurrentIndex(screen.ui.state.findData("archived"))
    wait_tasks(qtbot)
    archived = screen.model.rowCount()
    assert 0 < archived < total
    assert all(screen.model.row_at(r).state == "archived" for r in range(archived))
    screen.ui.collective.setCurrentIndex(screen.ui.collective.findData(True))
    wait_tasks(qtbot)
    assert all(screen.model.row_at(r).collective for r in range(screen.model.rowCount()))
    type_text(screen.ui.receivedFrom, "2999-01-01")
    QTest.keyClick(screen.ui.receivedFrom, Qt.Key.Key_Return)
    wait_tasks(qtbot)
    assert screen.model.rowCount() == 0
    screen.ui.resetButton.click()
    wait_tasks(qtbot)
    assert screen.model.rowCount() == total


def test_sort_by_clicking_headers(qtbot, window) -> None:
    window.show_page("cases")
    screen = window.cases
    wait_tasks(qtbot)
    header = screen.ui.table.horizontalHeader()
    header.setSortIndicator(2, Qt.SortOrder.AscendingOrder)
    wait_tasks(qtbot)
    names = [screen.model.row_at(r).applicants for r in range(screen.model.rowCount())]
    assert names == sorted(names)
    header.setSortIndicator(RECEIVED_COLUMN, Qt.SortOrder.AscendingOrder)
    wait_tasks(qtbot)
    dates = [screen.model.row_at(r).received_on for r in range(screen.model.rowCount())]
    assert dates == sorted(dates)


def test_enter_opens_the_selected_case(qtbot, window) -> None:
    window.show_page("cases")
    screen = window.cases
    wait_tasks(qtbot)
    screen.ui.table.setFocus()
    screen.ui.table.selectRow(3)
    expected = screen.model.index(3, 0).data(NUMBER_ROLE)
    press(Qt.Key.Key_Return)
    assert window.current_page() is window.detail
    assert window.detail.number == expected
    QTest.keyClick(window.detail, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.current_page() is window.cases


def test_deadline_badges_come_from_the_dashboard(qtbot, window, workspace) -> None:
    number = make_case(workspace, name="上官", received_days_ago=20)
    workspace.announce(Changes.cases())
    window.show_page("cases")
    wait_tasks(qtbot)
    screen = window.cases
    row = _shown_numbers(screen).index(number)
    assert screen.model.index(row, DEADLINE_COLUMN).data() == "已逾期"
