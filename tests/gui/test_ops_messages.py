"""Background calls and the one place that shows errors."""

from __future__ import annotations

import time

from PySide6.QtWidgets import QWidget

from hexie_desktop.core.errors import NotAllowed, UserError, ValidationErrors
from hexie_desktop.ui import messages, ops
from hexie_desktop.ui.fieldnames import describe_field
from tests.gui.conftest import message_boxes, wait_tasks


def test_describe_field_names_fields_in_words() -> None:
    assert describe_field("cases[0].applicants[2].id_number") == "第3位申请人·身份证号码"
    assert describe_field("cases[0].respondent.name") == "被申请人·单位名称"
    assert describe_field("items[1].due_on") == "第2项协议事项·履行期限"
    assert describe_field(None) == ""


def test_validation_errors_list_every_field() -> None:
    error = ValidationErrors([UserError("不能为空", field="cases[0].facts"),
                              UserError("校验位错误", field="cases[0].applicants[0].id_number")])
    assert messages.error_lines(error) == ["事实与理由：不能为空", "第1位申请人·身份证号码：校验位错误"]


def test_background_result_comes_back_on_the_gui_thread(qtbot) -> None:
    owner = QWidget()
    qtbot.addWidget(owner)
    got = []
    task = ops.run(owner, lambda a, b: a + b, 2, 3, on_done=got.append)
    wait_tasks(qtbot)
    assert got == [5] and task.done and task.result == 5


def test_background_error_is_shown_in_a_message_box(qtbot) -> None:
    owner = QWidget()
    qtbot.addWidget(owner)
    owner.show()

    def refuse() -> None:
        raise NotAllowed("案件处于“已归档”状态，不能受理")

    ops.run(owner, refuse)
    wait_tasks(qtbot)
    boxes = message_boxes()
    assert boxes and boxes[0].windowTitle() == "不能执行"
    assert "不能受理" in boxes[0].text()


def test_progress_dialog_for_long_work(qtbot) -> None:
    owner = QWidget()
    qtbot.addWidget(owner)
    owner.show()

    def work(n: int, progress) -> int:
        for i in range(n):
            time.sleep(0.1)
            progress(i + 1)
        return n

    task = ops.run(owner, work, 5, progress_title="正在生成……", progress_total=5)
    assert task._dialog is not None and task._dialog.labelText() == "正在生成……"
    wait_tasks(qtbot)
    assert task.result == 5 and task._dialog is None


def test_callbacks_are_dropped_when_the_owner_is_gone(qtbot) -> None:
    owner = QWidget()
    got = []
    ops.run(owner, lambda: time.sleep(0.2) or 1, on_done=got.append)
    owner.deleteLater()
    qtbot.wait(50)
    wait_tasks(qtbot)
    assert got == []
