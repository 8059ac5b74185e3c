"""The intake form: keyboard-only registration, live ID checks, refusals that name every field."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from hexie_desktop.core import ids
from hexie_desktop.services import case_queries
from hexie_desktop.services.cases import CaseFilter, count_cases
from hexie_desktop.ui.screens.intake.applicants import ID_NUMBER
from tests.gui.conftest import activate, focused, press, type_here, wait_tasks

GOOD_ID = ids.make_resident_id("330106", date(1990, 3, 7), 124)  # even sequence: female
BAD_ID = GOOD_ID[:17] + ("0" if GOOD_ID[17] != "0" else "1")


def _alt(window, key: Qt.Key) -> None:
    QTest.keyClick(focused(), key, Qt.KeyboardModifier.AltModifier)


def test_keyboard_only_intake_registers_the_case(qtbot, window, workspace) -> None:
    before = count_cases(workspace.ctx, CaseFilter())
    QTest.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    intake = window.intake
    assert window.current_page() is intake
    ui = intake.ui
    assert focused() is ui.receivedOn and ui.receivedOn.value() == workspace.ctx.today
    press(Qt.Key.Key_Tab)                                     # 案件来源
    assert focused() is ui.source
    press(Qt.Key.Key_Down)                                    # 口头申请
    press(Qt.Key.Key_Tab)                                     # 知道权利被侵害日期
    type_here((workspace.ctx.today - timedelta(days=360)).isoformat())
    assert "仲裁时效将于" in ui.limitationLabel.text()
    press(Qt.Key.Key_Tab)                                     # 申请方: 劳动者申请 (the usual)
    assert focused() is ui.applicantSide and ui.applicantSide.currentData() == "worker"
    press(Qt.Key.Key_Tab)                                     # 姓名
    assert focused() is ui.name
    type_here("欧阳娜娜")
    press(Qt.Key.Key_Tab)                                     # 证件类型
    press(Qt.Key.Key_Tab)                                     # 证件号码
    type_here(BAD_ID)
    assert "校验位错误" in ui.idHintLabel.text()               # flagged at once
    press(Qt.Key.Key_Return)
    assert ui.applicantsTable.rowCount() == 0                 # refused
    press(Qt.Key.Key_Backspace)
    type_here(GOOD_ID[17])
    assert ui.idHintLabel.text().startswith("女，1990-03-07出生")
    press(Qt.Key.Key_Tab)
    type_here("13912345678")
    press(Qt.Key.Key_Tab)
    type_here("测试街道幸福路8号")
    press(Qt.Key.Key_Return)                                  # added
    assert ui.applicantsTable.rowCount() == 1
    assert ui.applicantsTable.item(0, 3).text() == "女"
    assert focused() is ui.name
    _alt(window, Qt.Key.Key_R)                                # 单位名称
    assert focused() is ui.respondentName
    type_here("测试")
    picker = intake.respondent
    qtbot.waitUntil(lambda: picker.completer.popup().isVisible(), timeout=10000)
    popup = picker.completer.popup()
    QTest.keyClick(popup, Qt.Key.Key_Down)
    QTest.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: picker.picked is not None, timeout=10000)
    # The popup closes and hands the focus back asynchronously: wait, or Alt+L lands in the popup.
    qtbot.waitUntil(lambda: not popup.isVisible() and focused() is ui.creditCode, timeout=10000)
    activate(window)  # the closed popup may leave no active window: Alt shortcuts need one
    assert ui.creditCode.text() == picker.picked.credit_code
    employer = picker.picked
    _alt(window, Qt.Key.Key_L)                                # 请求类别
    assert focused() is ui.claimCategory
    press(Qt.Key.Key_Down)                                    # 劳动报酬
    press(Qt.Key.Key_Tab)
    type_here("8000.50")
    press(Qt.Key.Key_Tab)
    type_here("2025年5月至7月工资")
    press(Qt.Key.Key_Return)
    assert ui.claimsTable.rowCount() == 1
    assert "8,000.50" in ui.totalLabel.text()
    _alt(window, Qt.Key.Key_F)                                # 事实与理由
    type_here("公司拖欠三个月工资。")
    QTest.keyClick(focused(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    wait_tasks(qtbot)                                         # saved off the GUI thread
    assert "已登记" in window.statusBar().currentMessage(), ui.errorLabel.text()
    assert not ui.savedLabel.isVisible()                      # no warning: nothing stays under the header
    assert count_cases(workspace.ctx, CaseFilter()) == before + 1
    number = intake.last_number
    case = case_queries.show(workspace.ctx, number)
    assert case["source"] == "oral" and case["applicants"][0]["name"] == "欧阳娜娜"
    assert case["respondent"]["name"] == employer.name
    assert case["claims"][0]["category"] == "wages" and case["claims"][0]["amount"] == "8000.50"
    assert ui.applicantsTable.rowCount() == 0                 # the form is empty again
    press(Qt.Key.Key_Return)                                  # focus is on 打开刚登记的案件
    assert window.current_page() is window.detail and window.detail.number == number
    wait_tasks(qtbot)


def test_refused_save_names_every_field_and_saves_nothing(qtbot, window, workspace) -> None:
    before = count_cases(workspace.ctx, CaseFilter())
    window.show_page("intake")
    intake = window.intake
    ui = intake.ui
    intake.applicants.add_lines(f"李一\t{GOOD_ID}\t13900000000\n王二\t{BAD_ID}\n")
    assert ui.applicantsTable.item(1, ID_NUMBER).toolTip()     # the pasted bad ID is marked at once
    ui.saveButton.click()
    assert count_cases(workspace.ctx, CaseFilter()) == before
    text = ui.errorLabel.text()
    assert ui.errorLabel.isVisible()
    assert "第2位申请人·身份证号码：身份证号码校验位错误" in text
    assert "被申请人·单位名称：不能为空" in text
    assert "请求事项" in text
    assert ui.applicantsTable.item(1, ID_NUMBER).background().color().name() == "#ffd6d6"
    assert ui.respondentName.property("invalid") is True
    assert ui.applicantsTable.rowCount() == 2                  # nothing typed is lost


def test_collective_dispute_needs_representatives(qtbot, window, workspace) -> None:
    window.show_page("intake")
    intake = window.intake
    lines = "\n".join(f"工人{n}\t{ids.make_resident_id('330106', date(1985, 1, 1), n)}" for n in range(1, 11))
    assert intake.applicants.add_lines(lines) == 10
    label = intake.ui.collectiveLabel.text()
    assert "集体争议：10名申请人，已推举代表0人" in label
    assert "未推举代表" in label and "第七条" in label     # LDTJ art. 7: a warning, not a refusal
    for row in range(3):
        intake.ui.applicantsTable.item(row, 7).setCheckState(Qt.CheckState.Checked)
    assert "已推举代表3人" in intake.ui.collectiveLabel.text()
    assert "应为3至5人" not in intake.ui.collectiveLabel.text()


def test_limitation_warning_when_expired(window, workspace) -> None:
    window.show_page("intake")
    ui = window.intake.ui
    ui.knownOn.setValue(workspace.ctx.today - timedelta(days=800))
    assert "仲裁时效已于" in ui.limitationLabel.text()
    assert ui.limitationLabel.property("role") == "error"
