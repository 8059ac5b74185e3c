"""Issue 16 #7 (shared PCs): log out / switch user, 帮助 (guide, 关于), print prompt after 协议生效, 全部达标."""

from __future__ import annotations

from datetime import timedelta

import shiboken6
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from sqlalchemy import func, select

from hexie_desktop import __version__
from hexie_desktop.services import registries
from hexie_desktop.storage.models import AuditEntry
from hexie_desktop.ui.main_window import MainWindow
from hexie_desktop.ui.screens.help import GUIDE, GuideDialog
from hexie_desktop.ui.screens.login import LoginDialog
from hexie_desktop.ui.startup import Launcher
from scripts.sync_help import DOCS, images
from tests.conftest import USERS
from tests.gui.conftest import (
    activate,
    advance,
    focused,
    make_case,
    message_boxes,
    press,
    settle,
    township_center_row,
    type_text,
    wait_tasks,
)


def _answer(qtbot, text: str, button: QMessageBox.StandardButton) -> None:
    qtbot.waitUntil(lambda: any(text in box.text() for box in message_boxes()))
    box = next(box for box in message_boxes() if text in box.text())
    box.button(button).click()


def _log_in(qtbot, dialog: LoginDialog, username: str) -> None:
    dialog.ui.username.clear()
    type_text(dialog.ui.username, username)
    type_text(dialog.ui.password, USERS[username][2])
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: not dialog.checking())  # the password is checked off the GUI thread
    settle()


def _audits(station, action: str) -> int:
    with station.db.read() as session:
        return session.execute(select(func.count()).select_from(AuditEntry)
                               .where(AuditEntry.action == action)).scalar_one()


def test_log_out_returns_to_an_empty_login_for_another_user(qtbot, station) -> None:
    launcher = Launcher(station.paths.root, None, False)
    first = launcher.login(station)
    _log_in(qtbot, first, "mediator")
    window = launcher.window
    assert isinstance(window, MainWindow) and window.workspace.actor.username == "mediator"
    wait_tasks(qtbot)
    window.log_out()
    _answer(qtbot, "注销 李调解", QMessageBox.StandardButton.No)          # 否: nothing happens
    assert window.isVisible() and launcher.window is window
    window.log_out()
    _answer(qtbot, "注销 李调解", QMessageBox.StandardButton.Yes)
    qtbot.waitUntil(lambda: isinstance(launcher.dialog, LoginDialog) and launcher.dialog is not first)
    second = launcher.dialog
    assert not shiboken6.isValid(window)                               # the old session's window is gone
    assert second.ui.username.text() == ""                              # anyone may log in now
    _log_in(qtbot, second, "clerk")
    assert launcher.window is not window and launcher.window.workspace.actor.username == "clerk"
    assert "张登记" in launcher.window.user_label.text()
    wait_tasks(qtbot)
    launcher.window.close()


def test_guide_opens_offline_with_its_screenshots(qtbot, window) -> None:
    dialog = window.show_guide()
    assert isinstance(dialog, GuideDialog) and dialog.isVisible()
    text = dialog.ui.browser.toPlainText()
    assert "使用说明" in dialog.windowTitle() and "登录" in text
    shown = images(GUIDE.read_text(encoding="utf-8"))
    assert shown
    for name in shown:
        image = dialog.ui.browser.document().resource(QTextDocument.ResourceType.ImageResource, QUrl(name))
        loaded = image if image is not None else dialog.ui.browser.loadResource(
            QTextDocument.ResourceType.ImageResource.value, QUrl(name))
        assert loaded is not None and not getattr(loaded, "isNull", lambda: False)(), name
    assert dialog.ui.browser.horizontalScrollBar().maximum() == 0        # screenshots shrink to the pane
    dialog.close()


def test_bundled_guide_is_the_one_in_docs() -> None:
    """Run ``python scripts/sync_help.py`` after editing docs/USER-GUIDE.md or its screenshots."""
    docs = (DOCS / "USER-GUIDE.md").read_text(encoding="utf-8")
    assert GUIDE.read_text(encoding="utf-8") == docs
    for name in images(docs):
        assert (GUIDE.parent / name).read_bytes() == (DOCS / name).read_bytes(), name


def test_about_names_version_licence_data_folder_and_log(qtbot, window, workspace) -> None:
    dialog = window.show_about()
    text = dialog.ui.label.text()
    assert __version__ in text and "许可" in text
    assert str(workspace.station.paths.root) in text and "日志文件" in text
    dialog.close()


def test_menu_offers_log_out_guide_and_about(window) -> None:
    texts = [a.text() for menu in window.menuBar().actions() for a in menu.menu().actions()]
    for wanted in ("注销/切换用户(&O)", "使用说明(&G)", "关于(&A)", "快捷键(&K)"):
        assert wanted in texts


def test_after_the_agreement_takes_effect_it_offers_to_print_it(qtbot, window, workspace) -> None:
    number = make_case(workspace)
    advance(workspace, number, "accept", "record-session")
    window.workspace.open_case.emit(number)
    detail = window.detail
    detail.action_buttons["agree"].click()
    ui = detail.dialog.ui
    type_text(ui.content, "双方确认存在劳动关系")
    today = workspace.ctx.today.isoformat()
    for edit in (ui.applicantSigned, ui.respondentSigned, ui.mediatorSigned, ui.sealApplied):
        type_text(edit, today)
    ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    settle()
    _answer(qtbot, "现在打印调解协议书？", QMessageBox.StandardButton.Yes)
    wait_tasks(qtbot)
    preview = detail.printing.preview
    assert preview is not None and preview.isVisible()
    assert preview.ui.titleLabel.text() == "调解协议书" and preview.ui.subtitleLabel.text() == number
    preview.close()


def test_all_met_asks_first_then_sets_every_item_in_one_audited_step(qtbot, window, workspace) -> None:
    window.show_page("registry")
    screen = window.registry
    screen.ui.kinds.setCurrentRow(list(registries.KINDS).index("orgs"))
    wait_tasks(qtbot)
    screen.ui.table.selectRow(township_center_row(screen))
    dialog = screen.open_checklist()
    activate(dialog)
    before = _audits(workspace.station, "checklist.update_all")
    dialog.ui.allMetButton.click()
    _answer(qtbot, "全部11个检查项", QMessageBox.StandardButton.No)
    assert _audits(workspace.station, "checklist.update_all") == before
    assert any(dialog.model.record(r)["status"] != "met" for r in range(dialog.model.rowCount()))
    dialog.ui.allMetButton.click()
    _answer(qtbot, "全部11个检查项", QMessageBox.StandardButton.Yes)
    settle()
    assert {dialog.model.record(r)["status"] for r in range(dialog.model.rowCount())} == {"met"}
    assert {dialog.model.record(r)["checked_on"] for r in range(11)} == {workspace.ctx.today.isoformat()}
    assert _audits(workspace.station, "checklist.update_all") == before + 1


# ---------------------------------------------------------------- issue 16 #9: layout and keys


def _performing_case(workspace) -> str:
    from hexie_desktop.services import case_actions

    number = make_case(workspace)
    advance(workspace, number, "accept", "record-session")
    today = workspace.ctx.today.isoformat()
    case_actions.apply(workspace.ctx, number, "agree", {
        "content": "双方自愿达成如下协议", "applicant_signed_on": today, "respondent_signed_on": today,
        "mediator_signed_on": today, "seal_applied_on": today,
        "items": [{"obligation": "支付2025年5月至7月拖欠的工资及加班费、未休年休假工资报酬", "amount": "126400.00",
                   "due_on": (workspace.ctx.today + timedelta(days=10)).isoformat()}]})
    return number


def test_perform_item_dialog_fits_without_a_horizontal_scrollbar(qtbot, window, workspace) -> None:
    number = _performing_case(workspace)
    window.workspace.open_case.emit(number)
    dialog = window.detail.start_action("perform-item")
    activate(dialog)
    qtbot.waitUntil(dialog.isVisible)
    assert not dialog.ui.scroll.horizontalScrollBar().isVisible()
    assert dialog.width() <= 1366 and dialog.height() <= 768
    item = dialog.builder.widget("item")
    assert item.width() <= dialog.ui.scroll.viewport().width()
    assert "126400.00" in item.currentText()                            # the whole label is still there
    dialog.reject()


def test_ctrl_enter_submits_a_dialog_with_a_multi_line_field(qtbot, window, workspace) -> None:
    number = _performing_case(workspace)
    window.workspace.open_case.emit(number)
    dialog = window.detail.start_action("perform-item")
    activate(dialog)
    note = dialog.builder.widget("note")
    note.setFocus()
    type_text(note, "当场支付")
    press(Qt.Key.Key_Return)                                             # plain Enter: still typing
    assert dialog.isVisible()
    press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    settle()
    assert not dialog.isVisible() and dialog.result is not None
    from hexie_desktop.services import case_queries

    assert case_queries.show(workspace.ctx, number)["state"] == "performed"


def test_edit_keeps_the_applicant_in_place_and_enter_on_representative_adds(qtbot, window) -> None:
    window.show_page("intake")
    applicants = window.intake.applicants
    assert applicants.add_lines("甲一\n乙二\n丙三\n") == 3
    ui = window.intake.ui
    ui.applicantsTable.selectRow(1)
    ui.editApplicantButton.click()
    assert ui.name.text() == "乙二"
    ui.name.clear()
    type_text(ui.name, "乙贰")
    ui.representative.setFocus()
    assert focused() is ui.representative
    press(Qt.Key.Key_Return)                                             # Enter on 代表 adds the row
    assert [r["name"] for r in applicants.rows] == ["甲一", "乙贰", "丙三"]
    type_text(ui.name, "丁四")
    ui.representative.setFocus()
    press(Qt.Key.Key_Space)
    press(Qt.Key.Key_Enter)
    assert [r["name"] for r in applicants.rows] == ["甲一", "乙贰", "丙三", "丁四"]
    assert applicants.rows[3]["is_representative"]


def test_case_list_last_column_is_whole_at_1366(qtbot, window) -> None:
    window.resize(1366, 768)
    window.show_page("cases")
    wait_tasks(qtbot)
    qtbot.waitUntil(lambda: window.cases.ui.table.viewport().width() > 1000)
    table = window.cases.ui.table
    header = table.horizontalHeader()
    last = header.count() - 1
    assert header.sectionViewportPosition(last) + header.sectionSize(last) <= table.viewport().width()
    assert header.sectionSize(last) >= header.fontMetrics().horizontalAdvance("数据交换")
    assert not table.horizontalScrollBar().isVisible()


# ---------------------------------------------------------------- issue 16 #10: wording


def test_archive_missing_message_follows_the_catalog(qtbot, window, workspace) -> None:
    from hexie_desktop.services import case_actions

    number = make_case(workspace)
    case_actions.apply(workspace.ctx, number, "withdraw", {"signed": True})
    case_actions.apply(workspace.ctx, number, "close", {})
    window.workspace.open_case.emit(number)
    window.detail.action_buttons["archive"].click()
    dialog = window.detail.dialog
    ui = dialog.ui
    ok = ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
    assert "撤回调解申请书" in ui.introLabel.text()
    ok.click()
    settle()
    assert "缺少" in ui.errorLabel.text() and dialog.isVisible()
    for doc_type in ("application", "identity", "withdrawal", "notice"):
        ui.docType.setCurrentIndex(ui.docType.findData(doc_type))
        ui.addButton.click()
        assert ui.errorLabel.text() == ""                                # the old refusal is gone at once
    assert dialog.missing() == [] and "齐全" in ui.introLabel.text() and "缺" not in ui.introLabel.text()
    ok.click()
    settle()
    assert not dialog.isVisible()


def test_registry_search_hint_names_what_it_searches(qtbot, window) -> None:
    window.show_page("registry")
    screen = window.registry
    kinds = list(registries.KINDS)
    expected = {"coordinators": "按姓名、证书编号查找", "orgs": "按名称、组织代码、负责人、备案编号查找",
                "employers": "按单位名称、统一社会信用代码查找", "key_enterprises": "按企业查找",
                "visits": "按重点企业、走访人员、指导内容查找"}
    for kind, hint in expected.items():
        screen.ui.kinds.setCurrentRow(kinds.index(kind))
        wait_tasks(qtbot)
        assert screen.ui.search.placeholderText() == hint and screen.ui.search.isEnabled(), kind
    screen.ui.kinds.setCurrentRow(kinds.index("mediators"))
    wait_tasks(qtbot)
    screen.ui.search.setFocus()
    name = screen.model.record(0)["name"]
    type_text(screen.ui.search, name)
    screen.reload()
    wait_tasks(qtbot)
    assert screen.model.rowCount() >= 1 and all(name in r["name"] for r in screen.model.records())


# ---------------------------------------------------------------- issue 16 #11: the guide matches the app


def test_f1_list_and_the_guide_list_the_same_shortcuts(qtbot, window) -> None:
    import re

    from hexie_desktop.ui.widgets.keys import key_list

    guide = (DOCS / "USER-GUIDE.md").read_text(encoding="utf-8")
    table = guide[guide.index("快捷键\n"):]
    rows = re.findall(r"^\| (.+?) \| (.+?) \|$", table, re.MULTILINE)
    assert [r for r in rows if r[0] not in ("按键", "---")] == key_list()
    press(Qt.Key.Key_F1)
    box = next(b for b in message_boxes() if "快捷键" in b.windowTitle())
    for keys, what in key_list():
        assert f"{keys}　{what}" in box.text()
    pages = [window.ui.navigation.item(i).text() for i in range(window.ui.navigation.count())]
    assert key_list()[0][1] == "、".join(pages)                       # Ctrl+1…8 name the real pages


def test_every_screenshot_is_shown_somewhere_in_docs() -> None:
    shown: set[str] = set()
    for doc in DOCS.glob("*.md"):
        shown.update(images(doc.read_text(encoding="utf-8")))
    files = {f"screenshots/{p.name}" for p in (DOCS / "screenshots").glob("*.png")}
    assert files - shown == set(), "screenshots no document shows"
    assert {s for s in shown if s.startswith("screenshots/")} <= files, "documents show missing screenshots"
    guide = images((DOCS / "USER-GUIDE.md").read_text(encoding="utf-8"))
    assert files <= set(guide), "the user guide shows every screenshot"
