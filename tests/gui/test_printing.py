"""Printing from the GUI: chooser, preview (QPdfView), print to a PDF printer, save as PDF, drafts,
re-prints, wall boards and the 核对协议二维码 dialog — on a real station's cases."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from hexie_desktop import documents
from hexie_desktop.core.errors import NotAllowed
from hexie_desktop.services import case_queries, printing, registries
from hexie_desktop.services.cases import CaseFilter, list_cases
from hexie_desktop.ui.screens.printing import PreviewDialog, VerifyDialog, rules
from hexie_desktop.ui.screens.printing import preview as preview_module
from tests.gui.conftest import make_case, message_boxes, settle, type_text, wait_tasks


def _case_in(workspace, state: str) -> str:
    rows = list_cases(workspace.ctx, CaseFilter(state=state), limit=1)
    assert rows, f"the test station has no case in state {state}"
    return rows[0].number


def _open(window, number: str):
    window.workspace.open_case.emit(number)
    assert window.current_page() is window.detail
    return window.detail


def _print_from_detail(qtbot, detail, doc_type: str, *, draft: bool = False) -> PreviewDialog:
    chooser = detail.choose_document()
    assert doc_type in chooser.offered()
    chooser.choose(doc_type)
    chooser.ui.draftCheck.setChecked(draft)
    chooser.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    wait_tasks(qtbot)
    preview = detail.printing.preview
    assert preview is not None and preview.isVisible()
    return preview


def _pdf_pages(path: Path) -> tuple[int, str]:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    fields = dict(line.split(":", 1) for line in info.splitlines() if ":" in line)
    return int(fields["Pages"]), fields["Page size"].strip()


def test_agreement_preview_shows_its_pages_and_saves_as_pdf(qtbot, window, workspace, tmp_path,
                                                            monkeypatch) -> None:
    number = _case_in(workspace, "performing")
    detail = _open(window, number)
    assert detail.documents_model.rowCount() == 0
    preview = _print_from_detail(qtbot, detail, "agreement")
    assert case_queries.show(workspace.ctx, number)["documents"] == []   # a preview is not an issue
    assert "打印或保存时登记出具" in preview.ui.kindLabel.text()
    assert preview.page_count() == _pdf_pages(preview.rendered.path)[0] == 3
    assert "共 3 页" in preview.ui.pageCountLabel.text()
    assert preview.ui.titleLabel.text() == "调解协议书" and preview.ui.subtitleLabel.text() == number
    assert not preview.ui.previousButton.isEnabled()
    preview.ui.nextButton.click()
    assert preview.ui.pageSpin.value() == 2 and preview.ui.previousButton.isEnabled()
    preview.ui.pageSpin.setValue(3)
    assert not preview.ui.nextButton.isEnabled()
    preview.ui.zoomInButton.click()
    assert preview.ui.zoomCombo.currentText().endswith("%")

    target = tmp_path / "out" / "协议.pdf"
    target.parent.mkdir()
    asked = []

    def choose(parent, suggested: Path) -> Path:
        asked.append(suggested.name)
        return target

    monkeypatch.setattr(preview_module, "choose_save_path", choose)
    preview.ui.saveButton.click()
    settle()                                               # recorded as issued off the GUI thread
    assert asked == [f"{number} 调解协议书.pdf"]
    issued = case_queries.show(workspace.ctx, number)["documents"]   # saving issued it
    assert [d["doc_type"] for d in issued] == ["agreement"]
    assert issued[0]["pages"] == 3
    assert "已登记出具" in preview.ui.kindLabel.text()
    assert detail.documents_model.rowCount() == 1          # the 文书 tab lists the issued agreement
    assert target.read_bytes() == preview.rendered.path.read_bytes()
    assert target.read_bytes().startswith(b"%PDF") and not list(target.parent.glob(".*.part"))
    assert str(target) in preview.ui.statusLabel.text()
    temp = preview.rendered.temp_dir
    assert temp is not None and temp.is_dir()
    preview.ui.closeButton.click()
    qtbot.waitUntil(lambda: not temp.exists())


def test_printing_to_a_pdf_printer_works_offscreen(qtbot, window, workspace, tmp_path, monkeypatch) -> None:
    number = _case_in(workspace, "performing")
    preview = _print_from_detail(qtbot, _open(window, number), "agreement")
    out = tmp_path / "printed.pdf"
    seen = {}

    def choose(parent, printer: QPrinter, pages: int) -> bool:
        seen["pages"], seen["size"] = pages, printer.pageLayout().pageSize().id()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        printer.setResolution(150)
        return True

    monkeypatch.setattr(preview_module, "choose_printer", choose)
    assert preview.ui.printButton.isEnabled()
    preview.ui.printButton.click()
    settle()
    assert seen["pages"] == 3 and seen["size"].name == "A4"
    assert preview.printed_pages == 3
    pages, size = _pdf_pages(out)
    assert pages == 3 and size.startswith("595") and "(A4)" in size
    assert "已发送 3 页" in preview.ui.statusLabel.text()
    # the page was drawn on white, not left transparent
    image = preview_module.page_image(preview.document, 0, 30)
    assert image.pixelColor(2, 2).name() == "#ffffff"


def test_a_page_range_outside_the_document_is_refused_in_words(qtbot, window, workspace) -> None:
    number = _case_in(workspace, "failed")
    preview = _print_from_detail(qtbot, _open(window, number), "termination")
    printer = preview_module.make_printer("A4")
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName("")
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(7, 9)
    assert preview.print_to(printer) == 0
    boxes = message_boxes()
    assert boxes and "所选页码超出范围" in boxes[-1].text()


def test_chooser_offers_what_fits_the_case_state(window, workspace) -> None:
    registered = make_case(workspace)
    assert rules.offered(case_queries.show(workspace.ctx, registered)) == ["application", "registration",
                                                                          "withdrawal"]  # it may still be withdrawn
    failed = case_queries.show(workspace.ctx, _case_in(workspace, "failed"))
    offered = rules.offered(failed)
    assert "termination" in offered and "agreement" not in offered and "rejection" not in offered
    assert rules.suggested(failed) == "termination"
    performing = case_queries.show(workspace.ctx, _case_in(workspace, "performing"))
    assert "agreement" in rules.offered(performing) and "termination" not in rules.offered(performing)
    rejected = {"state": "rejected", "decision": {"rejected_on": "2026-11-02"}, "sessions": [], "documents": []}
    assert rules.offered(rejected) == ["application", "registration", "rejection"]  # nothing issued to serve yet
    rejected["documents"] = [{"doc_type": "rejection", "id": "x"}]
    assert rules.offered(rejected) == ["application", "registration", "rejection", "service"]
    detail = _open(window, failed["number"])
    chooser = detail.choose_document()
    assert chooser.doc_type() == "termination"
    assert [chooser.ui.documents.item(r).text() for r in range(2)] == ["调解申请书", "受理登记表"]
    chooser.reject()


def test_incomplete_agreement_is_refused_with_the_problem_and_a_draft_is_offered(
        qtbot, window, workspace, monkeypatch, tmp_path) -> None:
    number = _case_in(workspace, "performing")
    real_print = printing.print_case_document
    calls = []

    def print_without_due_date(ctx, doc_type, case_number, out, *, draft=False, preview=False):
        # The services refuse agreements without due dates, so the case data are changed here and
        # the real document renderer gives the real refusal.
        calls.append(draft)
        if not draft:
            data = case_queries.show(ctx, case_number, unmask=True)
            data["agreement"]["items"][0]["due_on"] = None
            documents.render("agreement", data, {}, tmp_path / "never.pdf")
        return real_print(ctx, doc_type, case_number, out, draft=draft, preview=preview)

    monkeypatch.setattr(printing, "print_case_document", print_without_due_date)
    detail = _open(window, number)
    chooser = detail.choose_document()
    chooser.choose("agreement")
    chooser.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    wait_tasks(qtbot)
    assert detail.printing.preview is None
    box = detail.printing.refusal
    assert box is not None and box.isVisible()
    assert "第1项" in box.text() and "缺少：履行期限" in box.text() and "草稿" in box.text()
    assert box.windowTitle() == "只能打印草稿"
    draft_button = box.button(QMessageBox.StandardButton.Yes)
    assert draft_button.text() == "打印草稿(&D)"
    draft_button.click()
    wait_tasks(qtbot)
    assert calls == [False, True]
    preview = detail.printing.preview
    assert preview is not None and preview.isVisible() and preview.rendered.kind == "draft"
    assert "草稿" in preview.ui.kindLabel.text() and preview.rendered.suggested_name.endswith("（草稿）.pdf")
    assert case_queries.show(workspace.ctx, number)["documents"] == []    # a draft is not issued


def test_refusal_problems_are_listed_one_per_line() -> None:
    from hexie_desktop.ui.screens.printing.jobs import agreement_refused, refusal_problems

    case = {"agreement": {"content": "", "items": [
        {"seq": 1, "obligation": "支付工资", "amount": "100.00", "payer": "某公司", "due_on": None},
        {"seq": 2, "obligation": "经济补偿", "amount": None, "payer": "", "due_on": "2026-12-01"}]}}
    problems = documents.agreement_final_problems(case)
    with pytest.raises(NotAllowed) as caught:
        documents.render("agreement", case, {}, "/nonexistent/never.pdf")
    assert agreement_refused(caught.value)
    assert refusal_problems(caught.value) == problems
    assert problems[0].endswith("缺少：履行期限") and "金额" in problems[1] and "给付方" in problems[1]


def test_reprint_from_the_documents_tab(qtbot, window, workspace, tmp_path) -> None:
    number = _case_in(workspace, "performed")
    first = printing.print_case_document(workspace.ctx, "agreement", number, tmp_path / "first.pdf")
    detail = _open(window, number)
    detail.ui.tabs.setCurrentWidget(detail.ui.documentsTab)
    assert not detail.ui.reprintButton.isEnabled()
    detail.ui.documentsView.selectRow(0)
    assert detail.ui.reprintButton.isEnabled()
    detail.ui.reprintButton.click()
    wait_tasks(qtbot)
    preview = detail.printing.preview
    assert preview is not None and preview.rendered.kind == "reprint"
    assert preview.page_count() == first.pages
    assert "重印" in preview.ui.kindLabel.text() and "原样重印" in preview.ui.hintLabel.text()
    assert detail.documents_model.rowCount() == 1                          # a re-print is not a new document


def test_wallboard_from_the_organization_register(qtbot, window, workspace) -> None:
    window.show_page("registry")
    screen = window.registry
    screen.ui.kinds.setCurrentRow(list(registries.KINDS).index("orgs"))
    wait_tasks(qtbot)
    assert screen.wallboardButton.isVisible()
    screen.ui.table.selectRow(0)
    screen.wallboardButton.click()
    dialog = screen.dialog
    assert dialog.page_size() == "A2"
    dialog.ui.a3Radio.setChecked(True)
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    wait_tasks(qtbot)
    preview = screen.printing.preview
    assert preview is not None and preview.isVisible() and preview.rendered.page_size == "A3"
    size = preview.document.pagePointSize(0)
    assert round(size.width()) == 842 and round(size.height()) == 1191
    assert "A3" in preview.ui.kindLabel.text()
    screen.ui.kinds.setCurrentRow(list(registries.KINDS).index("mediators"))
    assert not screen.wallboardButton.isVisible()


def _verify_dialog(window) -> VerifyDialog:
    action = next(a for a in window.menuBar().actions()[0].menu().actions() if a.text() == "核对协议二维码(&V)…")
    action.trigger()
    dialog = window.findChild(VerifyDialog)
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_verify_dialog_answers_match_and_mismatch_in_colour(qtbot, window, workspace, tmp_path) -> None:
    number = _case_in(workspace, "performing")
    printed = printing.print_case_document(workspace.ctx, "agreement", number, tmp_path / "a.pdf")
    case_id = case_queries.show(workspace.ctx, number)["id"]
    dialog = _verify_dialog(window)
    assert dialog.ui.resultLabel.text() == "尚未核对"
    type_text(dialog.ui.qrText, f"HEXIE1|{case_id}|{printed.content_hash}")
    QTest.keyClick(dialog.ui.qrText, Qt.Key.Key_Return)        # a scanner ends with Enter
    wait_tasks(qtbot)
    ui = dialog.ui
    assert ui.resultLabel.text() == "一致" and "#2e7d32" in ui.resultLabel.styleSheet()
    assert number in ui.messageLabel.text() and "调解协议书" in ui.messageLabel.text()

    ui.qrText.clear()
    type_text(ui.qrText, "garbage 乱码")
    assert ui.resultLabel.text() == "尚未核对"                   # typing clears the old answer
    ui.verifyButton.click()
    wait_tasks(qtbot)
    assert ui.resultLabel.text() == "不一致" and "#b71c1c" in ui.resultLabel.styleSheet()
    assert "不是本系统打印的调解协议书二维码" in ui.messageLabel.text()

    ui.qrText.clear()
    type_text(ui.qrText, f"HEXIE1|{case_id}|{'0' * 64}")
    ui.verifyButton.click()
    wait_tasks(qtbot)
    assert ui.resultLabel.text() == "不一致" and number in ui.messageLabel.text()
    dialog.close()


def test_document_warnings_show_above_the_preview(qtbot, window, workspace) -> None:
    number = _case_in(workspace, "closed")
    preview = _print_from_detail(qtbot, _open(window, number), "catalog")
    assert preview.rendered.warnings
    assert preview.ui.warningsLabel.isVisibleTo(preview)
    assert "注意：卷内目录缺少必备材料" in preview.ui.warningsLabel.text()
    zoom = preview.effective_zoom()
    preview.ui.zoomInButton.click()
    assert abs(preview.ui.view.zoomFactor() - min(4.0, zoom * 1.25)) < 0.01
    preview.ui.zoomCombo.setCurrentIndex(preview.ui.zoomCombo.findData("page"))
    preview.ui.zoomCombo.activated.emit(preview.ui.zoomCombo.currentIndex())
    assert preview.ui.view.zoomMode().name == "FitInView"


def _save_preview(qtbot, preview, tmp_path, monkeypatch, name: str) -> None:
    target = tmp_path / name
    monkeypatch.setattr(preview_module, "choose_save_path", lambda parent, suggested: target)
    preview.ui.saveButton.click()
    settle()
    assert target.exists()
    preview.ui.closeButton.click()


def test_chooser_asks_which_session_and_which_delivery(qtbot, window, workspace, tmp_path, monkeypatch) -> None:
    """One 调解笔录 per session (REFERENCE §3.4) and one 送达回证 per delivery (§3.7): the chooser asks
    which session, and which issued documents go to whom and how; a wrong answer keeps the dialog
    open with the reason and prints nothing."""
    from hexie_desktop.services import case_actions

    number = make_case(workspace, name="司马", seq=31, received_days_ago=3)
    today = workspace.ctx.today.isoformat()
    case_actions.apply(workspace.ctx, number, "accept", {"on": today, "mediator": _mediator(workspace)})
    for place, start in (("第一调解室", "09:30"), ("第二调解室", "14:00")):
        case_actions.apply(workspace.ctx, number, "record-session",
                           {"held_on": today, "start_time": start, "place": place, "statements": place + "陈述"})
    printing.print_case_document(workspace.ctx, "acceptance", number, tmp_path / "a.pdf")
    printing.print_case_document(workspace.ctx, "notice", number, tmp_path / "n.pdf")
    detail = _open(window, number)

    chooser = detail.choose_document()
    assert {"record", "service", "mediation_notice", "withdrawal", "recommendation"} <= set(chooser.offered())
    chooser.choose("record")
    chooser.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    form = detail.paper_dialog
    assert form is not None and form.isVisible()
    combo = form.builder.widget("session")
    assert [combo.itemText(i) for i in range(combo.count())][-1].startswith("第2次调解")
    form.builder.set_value("session", 2)
    form.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    wait_tasks(qtbot)
    preview = detail.printing.preview
    assert preview is not None and preview.isVisible()
    text = subprocess.run(["pdftotext", str(preview.rendered.path), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "第二调解室陈述" in text and "第一调解室陈述" not in text and "14时00分" in text
    _save_preview(qtbot, preview, tmp_path, monkeypatch, "record.pdf")
    titles = [d["title"] for d in case_queries.show(workspace.ctx, number)["documents"]]
    assert "调解笔录（第2次调解）" in titles

    chooser = detail.choose_document()
    chooser.choose("service")
    chooser.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    form = detail.paper_dialog
    issued = {d["doc_type"]: d["id"] for d in case_queries.show(workspace.ctx, number)["documents"]}
    for name in list(form.builder.widgets):
        if name.startswith("doc_"):
            form.builder.set_value(name, False)
    form.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    assert form.isVisible() and "请选择本次送达的文书" in form.ui.errorLabel.text()  # nothing was chosen
    assert detail.printing.preview is preview  # nothing rendered
    form.builder.set_value("doc_" + issued["acceptance"], True)
    form.builder.set_value("recipient", "测试街道示例制造有限公司")
    form.builder.set_value("method", "mail")
    form.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    wait_tasks(qtbot)
    preview = detail.printing.preview
    text = subprocess.run(["pdftotext", str(preview.rendered.path), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "《受理通知书》一份" in text and "告知书" not in text and "司马" not in text and "■邮寄送达" in text
    _save_preview(qtbot, preview, tmp_path, monkeypatch, "service.pdf")
    titles = [d["title"] for d in case_queries.show(workspace.ctx, number)["documents"]]
    assert "送达回证（受理通知书→测试街道示例制造有限公司）" in titles


def test_mediation_notice_asks_time_and_place(qtbot, window, workspace, tmp_path) -> None:
    """LDTJ art. 13 / 人社部令第17号: the respondent is told when and where the session is; a time that is
    not a time keeps the dialog open and renders nothing."""
    from hexie_desktop.services import case_actions

    number = make_case(workspace, name="端木", seq=32, received_days_ago=2)
    case_actions.apply(workspace.ctx, number, "accept",
                       {"on": workspace.ctx.today.isoformat(), "mediator": _mediator(workspace)})
    detail = _open(window, number)
    chooser = detail.choose_document()
    chooser.choose("mediation_notice")
    chooser.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    form = detail.paper_dialog
    form.builder.set_value("session_on", workspace.ctx.today)
    type_text(form.builder.widget("session_time"), "25:00")
    type_text(form.builder.widget("place").lineEdit(), "第三调解室")
    form.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    assert form.isVisible() and "不是有效的时间" in form.ui.errorLabel.text()
    assert detail.printing.preview is None
    form.builder.set_value("session_time", "9:30")
    form.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    wait_tasks(qtbot)
    preview = detail.printing.preview
    text = subprocess.run(["pdftotext", str(preview.rendered.path), "-"], capture_output=True, text=True,
                          check=True).stdout.replace("\n", "")
    assert "9时30分在第三调解室进行调解" in text and "测试街道示例制造有限公司：" in text


def _mediator(workspace) -> str:
    """An active mediator of the register (acceptance names one)."""
    from hexie_desktop.services import registries

    return next(r["id"] for r in registries.list_records(workspace.ctx, "mediators") if r.get("status") == "active")


def test_saving_a_preview_records_it_off_the_gui_thread_and_a_stale_one_is_refused(
        qtbot, window, workspace, tmp_path, monkeypatch) -> None:
    """Issue 11.5: the paper is recorded as issued by the op helper (worker thread, 打印/另存为 disabled
    meanwhile, the case announced); when the service refuses (the case changed after the preview), the
    reason is shown and nothing is issued or saved."""
    import threading

    from hexie_desktop.core.changes import Changes

    number = _case_in(workspace, "performing")
    detail = _open(window, number)
    preview = _print_from_detail(qtbot, detail, "agreement")
    threads: list[bool] = []
    real = printing.issue_previewed

    def spy(*args, **kwargs):
        threads.append(threading.current_thread() is threading.main_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(printing, "issue_previewed", spy)
    announced: list[Changes] = []
    workspace.changed.connect(announced.append)
    target = tmp_path / "协议.pdf"
    monkeypatch.setattr(preview_module, "choose_save_path", lambda parent, suggested: target)
    preview.ui.saveButton.click()
    assert not preview.ui.printButton.isEnabled()                      # busy until recorded
    settle()
    assert threads == [False] and target.exists() and preview.ui.printButton.isEnabled()
    assert Changes.case(number) in announced
    preview.ui.closeButton.click()

    stale = _print_from_detail(qtbot, detail, "agreement")
    from hexie_desktop.core.errors import Conflict

    def changed_meanwhile(*_args, **_kwargs):                          # the service's refusal of a stale preview
        raise Conflict("预览后案件数据已有变更，请重新预览后再打印")

    monkeypatch.setattr(printing, "issue_previewed", changed_meanwhile)
    other = tmp_path / "过期.pdf"
    monkeypatch.setattr(preview_module, "choose_save_path", lambda parent, suggested: other)
    documents_before = len(case_queries.show(workspace.ctx, number)["documents"])
    stale.ui.saveButton.click()
    settle()
    boxes = message_boxes()
    assert boxes and "重新预览" in boxes[-1].text()
    assert not other.exists()
    assert len(case_queries.show(workspace.ctx, number)["documents"]) == documents_before
    stale.ui.closeButton.click()
