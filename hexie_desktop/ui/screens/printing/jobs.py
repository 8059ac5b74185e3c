"""Render documents off the GUI thread into a temporary folder, then open the preview.

One :class:`PrintJobs` belongs to a screen (case detail, registry).  预览 renders the final
document without issuing it; printing or saving it from the preview records the issued
document (the screen reloads on :attr:`PrintJobs.issued`); an agreement that is
not complete enough to be issued is refused by the service with
:class:`~hexie_desktop.core.errors.NotAllowed` — the problems are shown and a watermarked
draft is offered instead.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from hexie_desktop.core.changes import NOTHING, Changes
from hexie_desktop.core.errors import HexieError, NotAllowed, NotFound
from hexie_desktop.services import printing
from hexie_desktop.services.printing import Printed
from hexie_desktop.ui import messages, ops, write_op
from hexie_desktop.ui.screens.printing import rules
from hexie_desktop.ui.screens.printing.preview import PreviewDialog, Rendered, remove_temp, temp_folder
from hexie_desktop.ui.workspace import Workspace

PROBLEMS_LEAD = "："
PROBLEM_SEPARATOR = "；"


def _t(text: str) -> str:
    return QCoreApplication.translate("Printing", text)


def agreement_refused(error: BaseException) -> bool:
    """True for the service's refusal to issue an incomplete agreement (a draft is still possible)."""
    return isinstance(error, NotAllowed) and error.field == "agreement"


def refusal_problems(error: HexieError) -> list[str]:
    """The problems named in the refusal (“第1项…缺少：履行期限”), one per entry."""
    head, sep, rest = error.message.partition(PROBLEMS_LEAD)
    problems = [p.strip() for p in rest.split(PROBLEM_SEPARATOR) if p.strip()] if sep else []
    return problems or [error.message]


class PrintJobs(QObject):
    """Starts renders for one screen and opens their previews (kept in :attr:`preview`)."""

    issued = Signal()
    """A final print recorded a new issued document."""

    def __init__(self, workspace: Workspace, widget: QWidget) -> None:
        super().__init__(widget)
        self.workspace = workspace
        self.widget = widget
        self.preview: PreviewDialog | None = None
        self.refusal: QMessageBox | None = None
        self.task: ops.Task | None = None

    def running(self) -> bool:
        """True while a document is being rendered."""
        return self.task is not None and not self.task.done

    def _start(self, render: write_op.Write, *, folder: Path, describe: Callable[[Printed], Rendered],
               on_error: Callable[[BaseException], None] | None = None) -> ops.Task | None:
        """Run ``render`` (a service call that renders and logs the paper) through the op helper."""
        self.widget.setCursor(Qt.CursorShape.BusyCursor)

        def done(printed: Printed) -> None:
            self.widget.unsetCursor()
            rendered = describe(printed)
            rendered.temp_dir = folder
            try:
                dialog = PreviewDialog(rendered, self.widget)
            except HexieError as exc:
                remove_temp(folder)
                messages.show_error(self.widget, exc)
                return
            self.preview = dialog
            dialog.open()

        def failed(error: BaseException) -> None:
            self.widget.unsetCursor()
            remove_temp(folder)
            if on_error is not None:
                on_error(error)
            else:
                messages.show_error(self.widget, error)

        self.task = render.start(self.widget, on_done=done, on_error=failed)
        if self.task is None:  # the screen is still saving something else: nothing started
            self.widget.unsetCursor()
            remove_temp(folder)
        return self.task

    # ---------------------------------------------------------------- case documents

    def case_document(self, number: str, doc_type: str, *, draft: bool = False,
                      options: dict[str, Any] | None = None) -> ops.Task | None:
        """Render ``doc_type`` of case ``number`` (final, or a watermarked draft) with the paper's
        ``options`` (:mod:`core.paper_inputs`) and preview it."""
        if self.running():
            return None
        folder = temp_folder()
        title = rules.title(doc_type)

        def issue(printed: Printed, dialog: QWidget, busy: Sequence[QWidget], then: Callable[[], None]) -> None:
            def recorded(issued: Printed) -> None:
                if not issued.reprint:
                    self.issued.emit()
                then()

            write_op.write(dialog, self.workspace, printing.issue_previewed, self.workspace.ctx, printed, number,
                           changes=Changes.case(number), on_done=recorded, busy=busy)

        def describe(printed: Printed) -> Rendered:
            if draft:
                note = _t("草稿带“草稿”水印，不登记为已出具文书，不能作为正式文书送达。")
                return Rendered(printed.path, title, number, "draft", printed.warnings, note=note)
            note = _t("预览不登记；打印或另存为 PDF 时登记为已出具文书。")
            return Rendered(printed.path, title, number, "preview", printed.warnings, note=note,
                            issue=partial(issue, printed))

        def refused(error: BaseException) -> None:
            if not draft and agreement_refused(error):
                self.offer_draft(number, error)  # type: ignore[arg-type]
            else:
                messages.show_error(self.widget, error)

        # A draft or a preview is only logged (audit): nothing on screen changes until it is issued.
        render = write_op.prepare(self.workspace, printing.print_case_document, self.workspace.ctx, doc_type, number,
                                  folder / f"{doc_type}.pdf", draft=draft, preview=not draft, changes=NOTHING,
                                  **({"options": options} if options else {}))
        return self._start(render, folder=folder, describe=describe, on_error=refused)

    def offer_draft(self, number: str, error: NotAllowed) -> QMessageBox:
        """Name what the agreement lacks and offer to print a watermarked draft."""
        lines = "\n".join("· " + p for p in refusal_problems(error))
        text = _t("调解协议书内容不完整，不能作为正式文书打印：\n{problems}\n\n"
                  "请在“协议与履行”中补全金额、给付方和履行期限后再正式打印。\n"
                  "现在打印带“草稿”水印的草稿吗？").format(problems=lines)
        box = messages.ask(self.widget, _t("只能打印草稿"), text,
                           lambda: self.case_document(number, "agreement", draft=True))
        box.setIcon(QMessageBox.Icon.Warning)
        box.button(QMessageBox.StandardButton.Yes).setText(_t("打印草稿(&D)"))
        box.button(QMessageBox.StandardButton.No).setText(_t("取消"))
        self.refusal = box
        return box

    def reprint(self, case: dict[str, Any], index: int) -> ops.Task | None:
        """Re-print entry ``index`` of ``case["documents"]`` exactly as it was issued."""
        listed = list(case.get("documents") or [])
        if self.running() or not 0 <= index < len(listed):
            return None
        entry = listed[index]
        if not entry.get("id"):
            messages.show_error(self.widget, NotFound(_t("找不到该文书的打印记录")))
            return None
        folder = temp_folder()
        title = entry.get("title") or rules.title(entry.get("doc_type") or "")
        issued_at = rules.local_time(entry.get("issued_at"))

        def describe(printed: Printed) -> Rendered:
            return Rendered(printed.path, title, case["number"], "reprint", printed.warnings,
                            note=_t("按 {at} 由 {who} 出具时的内容原样重印。").format(
                                at=issued_at, who=entry.get("issuer") or ""))

        render = write_op.prepare(self.workspace, printing.reprint, self.workspace.ctx, entry["id"],
                                  folder / f"{entry.get('doc_type') or 'document'}.pdf", changes=NOTHING)
        return self._start(render, folder=folder, describe=describe)

    # ---------------------------------------------------------------- wall boards

    def wallboard(self, org_id: str, org_name: str, page_size: str) -> ops.Task | None:
        """Render the 五上墙 boards of an organization on ``page_size`` (A2 or A3) paper and preview them."""
        if self.running():
            return None
        folder = temp_folder()

        def describe(printed: Printed) -> Rendered:
            return Rendered(printed.path, _t("五上墙展板"), org_name, "board", printed.warnings, page_size=page_size,
                            note=_t("每块展板一页。A2 一般交图文店输出：请“另存为 PDF”后拷贝。"))

        render = write_op.prepare(self.workspace, printing.print_wallboard, self.workspace.ctx, org_id,
                                  folder / "wallboard.pdf", page_size=page_size, changes=NOTHING)
        return self._start(render, folder=folder, describe=describe)
