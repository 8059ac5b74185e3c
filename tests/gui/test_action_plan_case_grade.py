"""Issue 14 point 5 in the case list: the 分级 column (简易/一般/重大, core/grading.py — seed 002
"繁简分流") and the grade filter, which agree with the grading service case by case."""

from __future__ import annotations

from PySide6.QtCore import Qt

from hexie_desktop.services import grading
from hexie_desktop.ui.models.case_table import GRADE_COLUMN, NUMBER_ROLE
from tests.gui.conftest import wait_tasks


def test_grade_column_and_filter(qtbot, window, workspace, qtmodeltester) -> None:
    window.show_page("cases")
    wait_tasks(qtbot)
    screen = window.cases
    model = screen.model
    assert model.headerData(GRADE_COLUMN, Qt.Orientation.Horizontal) == "分级"
    expected = {row["number"]: row["grade_label"] for row in grading.list_grades(workspace.ctx)}
    shown = {model.index(r, 0).data(NUMBER_ROLE): model.index(r, GRADE_COLUMN).data() for r in range(model.rowCount())}
    assert shown == expected and len(set(shown.values())) >= 2            # the demo cases are not all alike
    qtmodeltester.check(model)
    for code, label in (("simple", "简易"), ("ordinary", "一般"), ("major", "重大")):
        screen.ui.grade.setCurrentIndex(screen.ui.grade.findData(code))
        wait_tasks(qtbot)
        numbers = {model.index(r, 0).data(NUMBER_ROLE) for r in range(model.rowCount())}
        assert numbers == {n for n, g in expected.items() if g == label}, code
        assert screen.ui.countLabel.text() == f"共 {len(numbers):,} 件"
    screen.reset_filters()
    wait_tasks(qtbot)
    assert screen.ui.grade.currentData() is None and model.rowCount() == len(expected)
    wait_tasks(qtbot)
