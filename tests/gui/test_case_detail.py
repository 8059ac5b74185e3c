"""Case detail: what it shows, which actions it offers, and the action dialogs."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox

from hexie_desktop.core import ids
from hexie_desktop.services import case_queries
from tests.gui.conftest import advance, make_case, settle, type_text, wait_tasks

FULL_ID = ids.make_resident_id("330106", date(1990, 3, 7), 17)


def _open(window, number: str):
    window.workspace.open_case.emit(number)
    assert window.current_page() is window.detail
    return window.detail


def _state(workspace, number: str) -> str:
    return case_queries.show(workspace.ctx, number)["state"]


def test_detail_shows_parties_deadlines_history_and_allowed_actions(window, workspace) -> None:
    number = make_case(workspace)
    detail = _open(window, number)
    assert detail.ui.numberLabel.text() == number
    assert detail.ui.stateLabel.text().strip() == "已登记"
    assert detail.applicants_model.index(0, 0).data() == "欧阳"
    assert detail.applicants_model.index(0, 3).data() == ids.mask_id(FULL_ID)
    deadlines = [detail.deadlines_model.index(r, 0).data() for r in range(detail.deadlines_model.rowCount())]
    assert "受理决定期限" in deadlines and "调解期限" in deadlines
    assert detail.deadlines_model.index(0, 1).data()  # a due date
    assert detail.events_model.index(0, 1).data() == "登记"
    assert set(detail.action_buttons) == {"accept", "reject", "withdraw"}
    reasons = detail.ui.unavailableText.toPlainText()
    assert "达成协议：案件处于“已登记”状态" in reasons
    assert "12345.60" in detail.ui.summaryLabel.text()


def test_clerk_sees_why_accepting_is_not_for_them(login, qtbot) -> None:
    from hexie_desktop.ui.main_window import MainWindow

    clerk = login("clerk")
    number = make_case(clerk)
    win = MainWindow(clerk)
    qtbot.addWidget(win)
    detail = _open(win, number)
    assert "accept" not in detail.action_buttons and "withdraw" in detail.action_buttons
    assert "受理：您的角色（窗口登记员）不能办理此事项" in detail.ui.unavailableText.toPlainText()
    assert not detail.ui.unmaskButton.isEnabled()
    wait_tasks(qtbot)


def test_unmask_is_an_explicit_button(window, workspace) -> None:
    number = make_case(workspace)
    detail = _open(window, number)
    assert detail.applicants_model.index(0, 3).data() != FULL_ID
    detail.ui.unmaskButton.click()
    assert detail.applicants_model.index(0, 3).data() == FULL_ID
    assert detail.applicants_model.index(0, 4).data() == "13912345678"
    assert "隐藏" in detail.ui.unmaskButton.text()
    detail.ui.unmaskButton.click()
    assert detail.applicants_model.index(0, 3).data() == ids.mask_id(FULL_ID)


def test_accept_then_record_session_through_dialogs(window, workspace) -> None:
    number = make_case(workspace)
    detail = _open(window, number)
    detail.action_buttons["accept"].click()
    dialog = detail.dialog
    assert dialog.isVisible() and dialog.builder.value("on") == workspace.ctx.today.isoformat()
    mediators = dialog.builder.widget("mediator")
    assert mediators.count() > 1
    mediators.setCurrentIndex(1)
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    settle()
    assert _state(workspace, number) == "accepted"
    assert detail.ui.stateLabel.text().strip() == "已受理"
    assert set(detail.action_buttons) == {"record-session", "extend", "draft-agreement", "fail", "withdraw"}
    detail.action_buttons["record-session"].click()
    dialog = detail.dialog
    type_text(dialog.builder.widget("place"), "调解室")
    type_text(dialog.builder.widget("statements"), "双方陈述了意见")
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    settle()
    assert _state(workspace, number) == "mediating"
    assert "双方陈述了意见" in detail.ui.sessionsText.toPlainText()
    assert "已办理：记录调解" in window.statusBar().currentMessage()


def test_reject_needs_a_reason(window, workspace) -> None:
    number = make_case(workspace)
    detail = _open(window, number)
    detail.action_buttons["reject"].click()
    dialog = detail.dialog
    dialog.builder.widget("reason").setCurrentIndex(dialog.builder.widget("reason").findData("other"))
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    settle()
    assert dialog.isVisible()
    assert "原因为“其他”时必须填写说明" in dialog.ui.errorLabel.text()
    assert _state(workspace, number) == "registered"
    type_text(dialog.builder.widget("note"), "已向法院起诉")
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    settle()
    assert not dialog.isVisible()
    assert _state(workspace, number) == "rejected"


def test_extension_needs_both_consents(window, workspace) -> None:
    number = make_case(workspace)
    advance(workspace, number, "accept")
    detail = _open(window, number)
    detail.action_buttons["extend"].click()
    dialog = detail.dialog
    new_end = (workspace.ctx.today + timedelta(days=30)).isoformat()
    type_text(dialog.builder.widget("new_end"), new_end)
    type_text(dialog.builder.widget("applicant_consent_on"), workspace.ctx.today.isoformat())
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    settle()
    assert "双方当事人同意" in dialog.ui.errorLabel.text()
    type_text(dialog.builder.widget("respondent_consent_on"), workspace.ctx.today.isoformat())
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    settle()
    assert not dialog.isVisible()
    assert case_queries.show(workspace.ctx, number)["deadlines"]["mediation"] >= new_end


def test_agree_is_refused_until_all_four_signature_facts_are_in(window, workspace) -> None:
    number = make_case(workspace)
    advance(workspace, number, "accept", "record-session")
    detail = _open(window, number)
    detail.action_buttons["agree"].click()
    dialog = detail.dialog
    ui = dialog.ui
    ok = ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
    type_text(ui.content, "双方自愿达成如下协议")
    type_text(ui.obligation, "支付拖欠工资")
    type_text(ui.amount, "12000")
    type_text(ui.dueOn, (workspace.ctx.today + timedelta(days=10)).isoformat())
    QTest.keyClick(ui.dueOn, Qt.Key.Key_Return)
    assert ui.itemsTable.rowCount() == 1
    today = workspace.ctx.today.isoformat()
    for edit in (ui.applicantSigned, ui.respondentSigned, ui.mediatorSigned):
        type_text(edit, today)
        assert not ok.isEnabled()
    assert "缺少调解组织印章日期" in ui.problemsLabel.text()
    assert dialog.submit()                          # even when forced (the save starts) …
    settle()                                        # … the service refuses
    assert "协议尚不能生效" in ui.problemsLabel.text()
    assert _state(workspace, number) == "mediating"
    type_text(ui.sealApplied, today)
    assert ok.isEnabled()
    assert "可以生效" in ui.problemsLabel.text()
    ok.click()
    settle()
    assert not dialog.isVisible()
    assert _state(workspace, number) == "performing"
    assert detail.items_model.rowCount() == 1
    assert "perform-item" in detail.action_buttons


def test_agreement_without_items_but_with_terms_in_words(window, workspace) -> None:
    """Issue 16 #4: the dialog follows the same rule as the CLI (确认劳动关系 has no item)."""
    number = make_case(workspace)
    advance(workspace, number, "accept", "record-session")
    detail = _open(window, number)
    detail.action_buttons["agree"].click()
    ui = detail.dialog.ui
    ok = ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
    today = workspace.ctx.today.isoformat()
    for edit in (ui.applicantSigned, ui.respondentSigned, ui.mediatorSigned, ui.sealApplied):
        type_text(edit, today)
    assert not ok.isEnabled() and "不能都为空" in ui.problemsLabel.text()
    type_text(ui.content, "双方确认存在劳动关系")
    assert ok.isEnabled()
    ok.click()
    settle()
    assert _state(workspace, number) == "agreed"


def test_perform_close_follow_up_and_archive(window, workspace) -> None:
    number = make_case(workspace)
    advance(workspace, number, "accept", "record-session")
    from hexie_desktop.services import case_actions

    today = workspace.ctx.today.isoformat()
    case_actions.apply(workspace.ctx, number, "agree", {
        "items": [{"obligation": "支付工资", "amount": "500", "due_on": today}],
        "applicant_signed_on": today, "respondent_signed_on": today, "mediator_signed_on": today,
        "seal_applied_on": today})
    detail = _open(window, number)
    detail.action_buttons["perform-item"].click()
    dialog = detail.dialog
    assert dialog.builder.widget("item").count() == 1
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    settle()
    assert _state(workspace, number) == "performed"
    detail.action_buttons["follow-up"].click()
    dialog = detail.dialog
    type_text(dialog.builder.widget("person"), "欧阳")
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    settle()
    assert detail.follow_ups_model.rowCount() == 1
    detail.action_buttons["close"].click()
    detail.dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    settle()
    assert _state(workspace, number) == "closed"
    detail.action_buttons["archive"].click()
    dialog = detail.dialog
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    settle()
    assert "卷内目录不完整，缺少：调解申请书" in dialog.ui.errorLabel.text()
    for doc_type in ("application", "notice", "identity", "acceptance", "record", "agreement"):
        dialog.ui.docType.setCurrentIndex(dialog.ui.docType.findData(doc_type))
        dialog.ui.addButton.click()
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    settle()
    assert not dialog.isVisible()
    case = case_queries.show(workspace.ctx, number)
    assert case["state"] == "archived" and case["decision"]["archive_number"]
    stored = [e["doc_type"] for e in case["decision"]["archive_catalog"]]  # the checked catalogue is kept
    assert stored == ["application", "notice", "identity", "acceptance", "record", "agreement"]
    assert detail.action_buttons == {} or set(detail.action_buttons) <= {"follow-up"}


def test_enter_in_the_catalog_adds_a_line_and_does_not_archive(window, workspace) -> None:
    number = make_case(workspace)
    from hexie_desktop.services import case_actions

    case_actions.apply(workspace.ctx, number, "withdraw", {"signed": True})
    case_actions.apply(workspace.ctx, number, "close", {})
    detail = _open(window, number)
    detail.action_buttons["archive"].click()
    dialog = detail.dialog
    type_text(dialog.ui.docTitle, "撤回申请书")
    QTest.keyClick(dialog.ui.docTitle, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.ui.catalogTable.rowCount() == 1
    assert _state(workspace, number) == "closed"


def test_locking_hides_open_dialogs_too(qtbot, window, workspace) -> None:
    number = make_case(workspace)
    detail = _open(window, number)
    dialog = detail.start_action("accept")
    assert dialog.isVisible()
    window.lock()
    assert not dialog.isVisible() and not window.centralWidget().isVisible()
    type_text(window.lock_dialog.ui.password, "head1234")
    window.lock_dialog.try_unlock()
    qtbot.waitUntil(lambda: not window.is_locked(), timeout=10000)   # the password is checked off the GUI thread
    assert dialog.isVisible()


def test_every_case_action_has_a_form_or_its_own_dialog(workspace) -> None:
    """Issue 11.3: an action declared in core.workflow without a form raised KeyError when clicked."""
    from hexie_desktop.core import workflow
    from hexie_desktop.core.case_view import from_json
    from hexie_desktop.ui.screens.case_detail import action_forms

    case = from_json({"mediator": None, "deadline_details": {}, "agreement": {"items": []}})
    for action in workflow.ACTIONS:
        if action in action_forms.OWN_DIALOG:
            continue
        fields = action_forms.fields_for(action, case, workspace)
        assert isinstance(fields, list), action
        assert action_forms.intro(action, case), f"{action}: no sentence above the form"


def test_every_action_form_gives_values_its_command_parser_accepts(workspace) -> None:
    """Issue 11.2: the form's field names are the keys ``core.commands.parse_command`` reads, and values as
    the form hands them over (dates, codes, money text, yes/no) become a typed command."""
    from datetime import date

    from hexie_desktop.core import commands, workflow
    from hexie_desktop.core.case_view import from_json
    from hexie_desktop.ui.screens.case_detail import action_forms

    case = from_json({"mediator": None, "deadline_details": {}, "agreement": {"items": []}})
    today = workspace.ctx.today
    samples = {"date": today, "bool": True, "money": "12.50", "int": 1, "multiline": "说明", "text": "文字"}
    by_name = {"start_time": "09:30", "end_time": "11:00", "item": 1, "mediators": None, "mediator": None}
    for action in workflow.ACTIONS:
        assert action in commands.COMMANDS, f"{action}: no command type in core/commands.py"
        if action in action_forms.OWN_DIALOG:
            continue
        form = action_forms.fields_for(action, case, workspace)
        assert {f.name for f in form} <= commands.KEYS[action], action
        values = {f.name: by_name[f.name] if f.name in by_name
                  else f.choices[0][0] if f.choices else samples.get(f.kind, f.default) for f in form}
        command = commands.parse_command(action, action_forms.clean(values), today)
        assert type(command) is commands.COMMANDS[action], action
        assert all(isinstance(getattr(command, f.name), date) for f in form if f.kind == "date"), action
