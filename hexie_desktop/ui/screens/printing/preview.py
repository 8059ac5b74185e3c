"""The print preview: a rendered PDF shown with QPdfView, then 打印 or 另存为 PDF.

The PDF is made by a service into a temporary folder that this dialog owns and removes
when it closes.  Printing draws each page as an image rendered by QtPdf onto white paper
(:func:`page_image`), so what comes out of the printer is what the preview shows; saving
copies the file (temp file in the target folder → fsync → ``os.replace``).

:func:`choose_save_path` and :func:`choose_printer` are the two places that ask the person
something through a blocking system dialog; tests replace them.
"""

from __future__ import annotations

import atexit
import logging
import math
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSize, QStandardPaths, Qt
from PySide6.QtGui import QImage, QKeySequence, QPageLayout, QPageSize, QPainter, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QProgressDialog, QWidget

from hexie_desktop.core.errors import HexieError, UserError
from hexie_desktop.ui import messages, style
from hexie_desktop.ui.forms.print_preview import Ui_PrintPreviewDialog

log = logging.getLogger(__name__)

MAX_DPI = 600
"""Pages are rendered at the printer's resolution, but not finer than this."""
MAX_PIXELS = 36_000_000
"""…and not larger than this many pixels per page (an A4 page at 600 dpi; A2 boards come out at ~300 dpi)."""
PAGE_SIZES = {"A4": QPageSize.PageSizeId.A4, "A3": QPageSize.PageSizeId.A3, "A2": QPageSize.PageSizeId.A2}
ZOOMS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0)

last_folder: Path | None = None
"""Where the last PDF was saved this session (the next 另存为 starts there)."""
_temp_folders: set[Path] = set()


def _t(text: str) -> str:
    return QCoreApplication.translate("Printing", text)


@dataclass
class Rendered:
    """A PDF ready for the preview and what the preview says about it."""

    path: Path
    title: str
    """The document's name (调解协议书, 五上墙展板 …)."""
    subject: str
    """Whose document: the case number or the organization's name."""
    kind: str = "final"
    """``final`` (recorded as issued), ``preview`` (final look, issued only when printed or saved),
    ``draft`` (watermarked), ``reprint`` or ``board``."""
    warnings: tuple[str, ...] = ()
    page_size: str = "A4"
    temp_dir: Path | None = None
    """A folder to remove when the preview closes (the PDF's temporary home)."""
    note: str = ""
    issue: Callable[[QWidget, Sequence[QWidget], Callable[[], None]], object] | None = None
    """For a ``preview``: ``issue(dialog, busy_widgets, then)`` starts recording the document as issued (off the
    GUI thread, :mod:`hexie_desktop.ui.write_op`) before it is first printed or saved; ``then`` runs once it is
    recorded (not at all when that is refused: the reason is shown)."""

    @property
    def suggested_name(self) -> str:
        """A file name for 另存为: subject and title, without characters Windows refuses."""
        suffix = _t("（草稿）") if self.kind == "draft" else ""
        name = f"{self.subject} {self.title}{suffix}".strip()
        return re.sub(r'[<>:"/\\|?*\x00-\x1f]', "_", name) + ".pdf"


# ---------------------------------------------------------------- system dialogs (replaced in tests)


def choose_save_path(parent: QWidget | None, suggested: Path) -> Path | None:
    """Ask where to save the PDF (system file dialog); None when the person cancels."""
    chosen, _filter = QFileDialog.getSaveFileName(parent, _t("另存为 PDF"), str(suggested), _t("PDF 文件 (*.pdf)"))
    if not chosen:
        return None
    path = Path(chosen)
    return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")


def choose_printer(parent: QWidget | None, printer: QPrinter, pages: int) -> bool:
    """Let the person pick the printer, copies and pages (system print dialog); False when cancelled."""
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(_t("打印"))
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintToFile, True)
    dialog.setMinMax(1, max(1, pages))
    return dialog.exec() == QDialog.DialogCode.Accepted


# ---------------------------------------------------------------- printing and saving


def make_printer(page_size: str = "A4", *, landscape: bool = False, doc_name: str = "") -> QPrinter:
    """A high-resolution printer set up for ``page_size`` paper, drawing on the whole sheet."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(PAGE_SIZES.get(page_size.upper(), QPageSize.PageSizeId.A4)))
    printer.setPageOrientation(QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait)
    printer.setFullPage(True)  # the PDF carries its own margins
    printer.setDocName(doc_name)
    return printer


def page_image(document: QPdfDocument, page: int, dpi: int) -> QImage:
    """Page ``page`` (from 0) rendered at ``dpi`` (capped, see :data:`MAX_DPI`) on white."""
    points = document.pagePointSize(page)
    scale = min(dpi, MAX_DPI) / 72.0
    width, height = points.width() * scale, points.height() * scale
    if width * height > MAX_PIXELS:
        shrink = math.sqrt(MAX_PIXELS / (width * height))
        width, height = width * shrink, height * shrink
    rendered = document.render(page, QSize(max(1, round(width)), max(1, round(height))))
    if rendered.isNull():
        raise UserError(_t("第 {n} 页无法生成打印图像（内存不足？）").format(n=page + 1))
    painter = QPainter(rendered)  # QtPdf renders onto transparency: put white paper behind, in place
    painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_DestinationOver)
    painter.fillRect(rendered.rect(), Qt.GlobalColor.white)
    painter.end()
    rendered.convertTo(QImage.Format.Format_RGB32)
    return rendered


def _fit(image: QImage, area: QRectF) -> QRectF:
    """The largest rectangle with ``image``'s proportions centred in ``area``."""
    ratio = min(area.width() / image.width(), area.height() / image.height())
    width, height = image.width() * ratio, image.height() * ratio
    return QRectF(area.x() + (area.width() - width) / 2, area.y() + (area.height() - height) / 2, width, height)


def print_pdf(document: QPdfDocument, printer: QPrinter, progress: Callable[[int], None] | None = None) -> int:
    """Print ``document`` on ``printer`` (page range, order and copies as chosen); returns pages printed."""
    count = document.pageCount()
    first, last = 1, count
    if printer.printRange() == QPrinter.PrintRange.PageRange:
        first, last = max(1, printer.fromPage() or 1), min(count, printer.toPage() or count)
    if count < 1 or first > last:
        raise UserError(_t("所选页码超出范围：本文书共 {n} 页").format(n=count))
    pages = list(range(first - 1, last))
    if printer.pageOrder() == QPrinter.PageOrder.LastPageFirst:
        pages.reverse()
    copies = 1 if printer.supportsMultipleCopies() else max(1, printer.copyCount())
    painter = QPainter()
    if not painter.begin(printer):
        raise UserError(_t("打印机没有准备好，无法开始打印（请检查打印机是否联机、是否有纸）"))
    done = 0
    try:
        paper = printer.paperRect(QPrinter.Unit.DevicePixel)
        area = QRectF(0, 0, paper.width(), paper.height())
        for page in pages * copies:
            if done and not printer.newPage():
                raise UserError(_t("打印机拒绝了第 {n} 页").format(n=page + 1))
            image = page_image(document, page, printer.resolution())
            painter.drawImage(_fit(image, area), image)
            done += 1
            if progress is not None:
                progress(done)
    finally:
        painter.end()
    return done


def copy_file(source: Path, target: Path) -> Path:
    """Copy ``source`` to ``target`` without ever leaving a half-written file under ``target``'s name."""
    target = Path(target)
    temp = target.with_name(f".{target.name}.{os.getpid()}.part")
    try:
        with open(source, "rb") as src, open(temp, "wb") as dst:
            shutil.copyfileobj(src, dst)
            dst.flush()
            os.fsync(dst.fileno())
        os.replace(temp, target)
    except OSError as exc:
        if temp.exists():
            temp.unlink()
        raise UserError(_t("无法保存到“{path}”：{why}").format(path=target, why=exc.strerror or exc),
                        field="path") from exc
    return target


def temp_folder() -> Path:
    """A fresh private folder for one rendered document (removed when its preview closes, or at exit)."""
    folder = Path(tempfile.mkdtemp(prefix="hexie-print-"))
    _temp_folders.add(folder)
    return folder


def remove_temp(folder: Path | None) -> None:
    """Remove a temporary print folder (a failure is logged, not shown: nothing of the user's is lost)."""
    if folder is None:
        return
    _temp_folders.discard(folder)
    try:
        shutil.rmtree(folder)
    except FileNotFoundError:
        pass
    except OSError as exc:
        log.warning("could not remove the temporary print folder %s: %s", folder, exc)


@atexit.register
def _remove_all_temp() -> None:
    for folder in list(_temp_folders):
        remove_temp(folder)


# ---------------------------------------------------------------- the dialog


class PreviewDialog(QDialog):
    """Shows :class:`Rendered` page by page; 打印 sends it to a printer, 另存为 PDF copies it."""

    def __init__(self, rendered: Rendered, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_PrintPreviewDialog()
        self.ui.setupUi(self)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.rendered = rendered
        self.saved_to: Path | None = None
        self.printed_pages = 0
        ui = self.ui
        self.setWindowTitle(_t("打印预览 — {title}").format(title=rendered.title))
        style.set_role(ui.titleLabel, "title")
        style.set_role(ui.warningsLabel, "warning")
        style.set_role(ui.hintLabel, "hint")
        style.set_role(ui.statusLabel, "ok")
        ui.titleLabel.setText(rendered.title)
        ui.subtitleLabel.setText(rendered.subject)
        self._kind_badge()
        ui.hintLabel.setText(rendered.note)
        self.document = QPdfDocument(self)
        error = self.document.load(str(rendered.path))
        if error != QPdfDocument.Error.None_:
            raise UserError(_t("无法打开生成的 PDF 文件（{error}）").format(error=error.name))
        pages = self.document.pageCount()
        warnings = list(rendered.warnings)
        ui.warningsLabel.setText("\n".join(_t("注意：") + w for w in warnings))
        ui.warningsLabel.setVisible(bool(warnings))
        view = ui.view
        view.setDocument(self.document)
        view.setPageMode(QPdfView.PageMode.MultiPage)
        view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        view.setPageSpacing(12)
        ui.pageSpin.setRange(1, max(1, pages))
        ui.pageCountLabel.setText(_t("页，共 {n} 页").format(n=pages))
        ui.zoomCombo.addItem(_t("适合宽度"), "width")
        ui.zoomCombo.addItem(_t("整页"), "page")
        for zoom in ZOOMS:
            ui.zoomCombo.addItem(f"{round(zoom * 100)}%", zoom)
        navigator = view.pageNavigator()
        navigator.currentPageChanged.connect(self._page_changed)
        ui.pageSpin.valueChanged.connect(lambda value: self.go_to(value - 1))
        ui.previousButton.clicked.connect(lambda: self.go_to(self.current_page() - 1))
        ui.nextButton.clicked.connect(lambda: self.go_to(self.current_page() + 1))
        ui.zoomCombo.activated.connect(self._zoom_chosen)
        ui.zoomInButton.clicked.connect(lambda: self.zoom_by(1.25))
        ui.zoomOutButton.clicked.connect(lambda: self.zoom_by(0.8))
        ui.printButton.clicked.connect(self.print_document)
        ui.saveButton.clicked.connect(self.save_as)
        ui.closeButton.clicked.connect(self.reject)
        for keys, slot in ((QKeySequence.StandardKey.ZoomIn, lambda: self.zoom_by(1.25)),
                           (QKeySequence.StandardKey.ZoomOut, lambda: self.zoom_by(0.8)),
                           (QKeySequence.StandardKey.Print, self.print_document),
                           (QKeySequence.StandardKey.Save, self.save_as)):
            QShortcut(QKeySequence(keys), self).activated.connect(slot)
        self.finished.connect(self._cleanup)
        self.destroyed.connect(partial(remove_temp, rendered.temp_dir))  # also when the app quits with it open
        self._page_changed(0)
        self._fit_screen()
        ui.printButton.setFocus()

    def _kind_badge(self) -> None:
        texts = {"final": (_t("正式文书，已登记出具"), "#2e7d32"), "preview": (_t("预览，打印或保存时登记出具"), "#6d4c41"),
                 "draft": (_t("草稿（带水印）"), "#e65100"),
                 "reprint": (_t("重印"), "#3a6591"), "board": (_t("上墙展板 {size}"), "#3a6591")}
        text, colour = texts.get(self.rendered.kind, ("", ""))
        self.ui.kindLabel.setText(f"  {text.format(size=self.rendered.page_size)}  " if text else "")
        self.ui.kindLabel.setStyleSheet(f"background:{colour};color:white;border-radius:8px;padding:2px 6px;"
                                        if text else "")

    def _fit_screen(self) -> None:
        screen = self.screen() or QApplication.primaryScreen()
        if screen is None:
            return
        area = screen.availableGeometry()
        self.resize(min(960, area.width() - 40), max(400, area.height() - 60))

    # ---------------------------------------------------------------- navigation

    def page_count(self) -> int:
        """How many pages the document has."""
        return self.document.pageCount()

    def current_page(self) -> int:
        """The page in view (from 0)."""
        return self.ui.view.pageNavigator().currentPage()

    def go_to(self, page: int) -> None:
        """Scroll to ``page`` (from 0; clamped to the document)."""
        page = max(0, min(page, self.page_count() - 1))
        navigator = self.ui.view.pageNavigator()
        if page != navigator.currentPage():
            navigator.jump(page, QPointF(), navigator.currentZoom())
        self._page_changed(page)

    def _page_changed(self, page: int) -> None:
        ui = self.ui
        ui.pageSpin.blockSignals(True)
        ui.pageSpin.setValue(page + 1)
        ui.pageSpin.blockSignals(False)
        ui.previousButton.setEnabled(page > 0)
        ui.nextButton.setEnabled(page < self.page_count() - 1)

    def _zoom_chosen(self, index: int) -> None:
        choice = self.ui.zoomCombo.itemData(index)
        view = self.ui.view
        if choice == "width":
            view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        elif choice == "page":
            view.setZoomMode(QPdfView.ZoomMode.FitInView)
        elif choice != "custom":
            view.setZoomMode(QPdfView.ZoomMode.Custom)
            view.setZoomFactor(float(choice))

    def effective_zoom(self) -> float:
        """The zoom now shown (in the fit modes QPdfView computes it from the viewport, as here)."""
        view = self.ui.view
        if view.zoomMode() == QPdfView.ZoomMode.Custom or self.page_count() < 1:
            return view.zoomFactor()
        screen = self.screen() or QApplication.primaryScreen()
        scale = (screen.logicalDotsPerInch() if screen else 96.0) / 72.0
        page = self.document.pagePointSize(max(0, self.current_page()))
        margins = view.documentMargins()
        width = (view.viewport().width() - margins.left() - margins.right()) / max(1.0, page.width() * scale)
        if view.zoomMode() == QPdfView.ZoomMode.FitToWidth:
            return width
        height = (view.viewport().height() - margins.top() - margins.bottom()) / max(1.0, page.height() * scale)
        return min(width, height)

    def zoom_by(self, factor: float) -> None:
        """Zoom in (factor > 1) or out from what is shown now, between 25 % and 400 %."""
        view = self.ui.view
        zoom = max(0.25, min(4.0, self.effective_zoom() * factor))
        view.setZoomMode(QPdfView.ZoomMode.Custom)
        view.setZoomFactor(zoom)
        combo = self.ui.zoomCombo
        combo.blockSignals(True)
        index = combo.findData(round(zoom, 2))
        if index < 0:
            custom = combo.findData("custom")
            if custom < 0:
                combo.addItem("", "custom")
                custom = combo.count() - 1
            combo.setItemText(custom, f"{round(zoom * 100)}%")
            index = custom
        combo.setCurrentIndex(index)
        combo.blockSignals(False)

    # ---------------------------------------------------------------- output

    def issue(self, then: Callable[[], object]) -> None:
        """A preview becomes an issued document when it is printed or saved: record it (off the GUI thread,
        打印 and 另存为 disabled meanwhile), then run ``then``; a refusal is shown and ``then`` is not run."""
        if self.rendered.kind != "preview" or self.rendered.issue is None:
            then()
            return

        def issued() -> None:
            self.rendered.kind = "final"
            self.rendered.note = _t("已登记为出具文书，可在“文书”页按原样重印。")
            self.ui.hintLabel.setText(self.rendered.note)
            self._kind_badge()
            then()

        self.rendered.issue(self, (self.ui.printButton, self.ui.saveButton), issued)

    def print_document(self) -> None:
        """Ask for the printer, record a preview as issued, then print (:attr:`printed_pages`)."""
        points = self.document.pagePointSize(0)
        printer = make_printer(self.rendered.page_size, landscape=points.width() > points.height(),
                               doc_name=self.rendered.suggested_name[:-4])
        if not choose_printer(self, printer, self.page_count()):
            return
        self.issue(lambda: self.print_to(printer))

    def print_to(self, printer: QPrinter) -> int:
        """Print on ``printer`` as it is set up, with a progress dialog; returns pages printed (0 on error)."""
        total = self.page_count()
        progress = QProgressDialog(_t("正在打印……"), "", 0, total, self)
        progress.setCancelButton(None)
        progress.setWindowTitle(_t("打印"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(400)
        try:
            pages = print_pdf(self.document, printer, progress=lambda n: progress.setValue(min(n, total)))
        except HexieError as exc:
            messages.show_error(self, exc)
            return 0
        finally:
            progress.reset()
            progress.deleteLater()
        self.printed_pages = pages
        where = printer.outputFileName() or printer.printerName()
        self.ui.statusLabel.setText(_t("已发送 {n} 页到 {where}").format(n=pages, where=where))
        return pages

    def save_as(self) -> None:
        """Ask for a file name, record a preview as issued, then copy the PDF there (:attr:`saved_to`)."""
        folder = last_folder or Path(QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation) or Path.home())
        target = choose_save_path(self, folder / self.rendered.suggested_name)
        if target is not None:
            self.issue(lambda: self._save_to(target))

    def _save_to(self, target: Path) -> Path | None:
        global last_folder
        try:
            copy_file(self.rendered.path, target)
        except HexieError as exc:
            messages.show_error(self, exc)
            return None
        last_folder = target.parent
        self.saved_to = target
        self.ui.statusLabel.setText(_t("已另存为 {path}").format(path=target))
        return target

    def _cleanup(self, _result: int = 0) -> None:
        self.document.close()  # releases the file before its folder goes
        remove_temp(self.rendered.temp_dir)
