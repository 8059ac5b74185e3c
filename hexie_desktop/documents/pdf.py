"""reportlab backend: a :class:`~hexie_desktop.documents.model.Document` becomes PDF bytes.

Pages follow GB/T 9704 (see :mod:`~hexie_desktop.documents.geometry`): everything is
drawn inside the text block except the page number line "第 X 页 共 Y 页", which sits
7 mm below it.  The total page count is known only at the end, so a canvas keeps every
page back and draws the numbers when the document is saved.  Fonts are embedded
subsets; output is reproducible (``invariant``: fixed dates and file id).
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from hexie_desktop.core.i18n import _
from hexie_desktop.documents import model
from hexie_desktop.documents.fonts import FontSet
from hexie_desktop.documents.geometry import Geometry, geometry
from hexie_desktop.documents.layout import Converter
from hexie_desktop.documents.textflow import TextFlow, TextStyle, clean_text

PRODUCER = "和谐调解 Desktop"
WATERMARK = "草稿"


@dataclass
class PdfOutput:
    """The bytes of a rendered PDF, its page count and the warnings met on the way."""

    data: bytes
    pages: int
    warnings: list[str] = field(default_factory=list)


def page_number_text(page: int, total: int) -> str:
    """The page number line: ``第 1 页 共 3 页``."""
    return _("第 {page} 页 共 {total} 页").format(page=page, total=total)


class _Painter:
    """Draws what every page carries: watermark, page note, page number line."""

    def __init__(self, document: model.Document, geo: Geometry, fonts: FontSet, draft: bool) -> None:
        self.document = document
        self.geo = geo
        self.fonts = fonts
        self.draft = draft
        self.note = self._note_flow()

    def _note_flow(self) -> TextFlow | None:
        if not self.document.page_note:
            return None
        size = self.geo.small_size
        style = TextStyle(size=size, leading=size * 1.6, role="body", align="left")
        return TextFlow(self.document.page_note, style, self.fonts)

    def note_height(self) -> float:
        """Room kept at the foot of the text block for the page note."""
        if self.note is None:
            return 0.0
        _w, height = self.note.wrap(self.geo.block_width, self.geo.block_height)
        return height + self.geo.pitch * 0.5

    def under(self, canvas: Canvas, _doc: BaseDocTemplate) -> None:
        """Drawn before the page content: the draft watermark."""
        if not self.draft:
            return
        font = self.fonts.font_for(WATERMARK[0], "title")
        if font is None:
            return
        canvas.saveState()
        canvas.setFillColor(colors.Color(0.82, 0.82, 0.82))
        size = 150 * self.geo.scale
        canvas.translate(self.geo.page_width / 2, self.geo.page_height / 2)
        canvas.rotate(45)
        canvas.setFont(font, size)
        canvas.drawCentredString(0, -size * 0.35, WATERMARK)
        canvas.restoreState()

    def over(self, canvas: Canvas, page: int, total: int) -> None:
        """Drawn when the page count is known: the page note and the page number line."""
        geo = self.geo
        if self.note is not None:
            _w, height = self.note.wrap(geo.block_width, geo.block_height)
            canvas.saveState()
            canvas.setLineWidth(0.5)
            rule = geo.bottom + height + geo.pitch * 0.25
            canvas.line(geo.left, rule, geo.left + geo.block_width, rule)
            canvas.restoreState()
            self.note.drawOn(canvas, geo.left, geo.bottom)
        if self.document.page_numbers:
            size = geo.page_number_size
            style = TextStyle(size=size, leading=size * 1.2, role="song", align="center")
            flow = TextFlow(page_number_text(page, total), style, self.fonts)
            _w, height = flow.wrap(geo.block_width, size * 2)
            flow.drawOn(canvas, geo.left, geo.bottom - 7 * mm * geo.scale - height)


def _canvas_class(painter: _Painter, result: dict) -> type[Canvas]:
    """A canvas that holds pages back until the total is known, then numbers them."""

    class NumberedCanvas(Canvas):
        """Keeps each finished page's state; numbers and shows them all in :meth:`save`."""

        def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab API
            """Hold the page back until the total is known."""
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            """Draw page notes and numbers on every held page, then write the file."""
            total = len(self._pages)
            result["pages"] = total
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                painter.over(self, number, total)
                Canvas.showPage(self)
            Canvas.save(self)

    return NumberedCanvas


def missing_glyph_warnings(document: model.Document, fonts: FontSet, draft: bool) -> list[str]:
    """One warning per character of the document that no available font can print."""
    texts: list[str] = [model.plain(text) for text in document.texts()]
    if draft:
        texts.append(WATERMARK)
    missing: dict[str, None] = {}
    for text in texts:
        for char in fonts.missing(clean_text(text)):
            missing.setdefault(char, None)
    return [
        _("字符“{char}”（U+{code:04X}）在所有可用字体中都没有字形，打印为方框，请在纸面上手工补写").format(
            char=char, code=ord(char))
        for char in missing
    ]


def render_pdf(document: model.Document, fonts: FontSet, *, draft: bool = False, author: str = "",
               subject: str = "") -> PdfOutput:
    """Lay ``document`` out and return the PDF bytes, the page count and glyph warnings."""
    geo = geometry(document.page_size, poster=document.poster)
    painter = _Painter(document, geo, fonts, draft)
    note = painter.note_height()
    frame = Frame(geo.left, geo.bottom + note, geo.block_width, geo.block_height - note,
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body")
    buffer = io.BytesIO()
    template = BaseDocTemplate(
        buffer,
        pagesize=(geo.page_width, geo.page_height),
        leftMargin=geo.left, rightMargin=geo.right, topMargin=geo.top, bottomMargin=geo.bottom,
        title=document.title, author=author, subject=subject, creator=PRODUCER, producer=PRODUCER,
        invariant=1, initialFontName=fonts.face("body").name, initialFontSize=geo.body_size,
    )
    template.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=painter.under)])
    flowables = Converter(geo, fonts).convert(list(document.blocks))
    result: dict = {}
    template.build(flowables, canvasmaker=_canvas_class(painter, result))
    warnings = list(document.warnings) + missing_glyph_warnings(document, fonts, draft)
    return PdfOutput(buffer.getvalue(), int(result.get("pages", 0)), warnings)
