"""The document model: what a printed document says, without saying how it is drawn.

Templates build a :class:`Document` out of blocks; a backend (``pdf.py``) lays it out.
Text is either a plain string or a sequence of :class:`Span` (a run of text printed in
one font role, optionally underlined).  Line breaks inside a string (``\\n``) are kept.

Font roles (see :mod:`~hexie_desktop.documents.fonts`): ``title`` 小标宋, ``heading``
黑体, ``kai`` 楷体, ``body`` 仿宋, ``song`` 宋体.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Union


@dataclass(frozen=True)
class Span:
    """A run of text in one font role."""

    text: str
    role: str = "body"
    underline: bool = False


Text = Union[str, Sequence[Span]]


def plain(text: Text) -> str:
    """The characters of ``text`` without styling."""
    if isinstance(text, str):
        return text
    return "".join(span.text for span in text)


class Block:
    """Base of every block of a document."""

    def texts(self) -> list[Text]:
        """Every piece of text the block prints (for glyph checks and tests)."""
        return []


@dataclass
class Title(Block):
    """The document title, 2号 小标宋 centred; an optional second line (e.g. the number)."""

    text: str
    subtitle: str | None = None

    def texts(self) -> list[Text]:
        """The title and subtitle."""
        return [self.text] + ([self.subtitle] if self.subtitle else [])


@dataclass
class Heading(Block):
    """A section heading: level 1 黑体 "一、…", level 2 楷体 "（一）…"."""

    text: str
    level: int = 1

    def texts(self) -> list[Text]:
        """The heading text."""
        return [self.text]


@dataclass
class Paragraph(Block):
    """Running text; first line indented two characters unless ``indent`` is false.

    ``align`` is ``justify`` (default), ``left``, ``center`` or ``right``; ``size`` overrides
    the body size in points; ``role`` is the font role of plain-string text;
    ``space_after`` adds room below, in lines of the paragraph; ``right_chars`` keeps that
    many characters free at the right (成文日期 右空四字).
    """

    text: Text
    indent: bool = True
    align: str = "justify"
    size: float | None = None
    role: str = "body"
    keep_with_next: bool = False
    space_after: float = 0.0
    right_chars: float = 0.0

    def texts(self) -> list[Text]:
        """The paragraph text."""
        return [self.text]


@dataclass
class Fields(Block):
    """Labelled lines "label：value"; continuation lines align under the value.

    With ``boxed`` the pairs are drawn as a ruled form table with ``columns`` pairs per row
    (a value of ``None`` prints an empty cell to fill in by hand).
    """

    rows: Sequence[tuple[str, Text | None]]
    boxed: bool = False
    columns: int = 1
    label_chars: int | None = None
    size: float | None = None

    def texts(self) -> list[Text]:
        """Labels and values."""
        out: list[Text] = []
        for label, value in self.rows:
            out.append(label)
            if value is not None:
                out.append(value)
        return out


@dataclass
class Table(Block):
    """A ruled table; the ``header`` rows are repeated on every page the table spans.

    ``widths`` are relative column widths; ``align`` is one of ``left``/``center``/``right``
    per column.  Cells are text; ``None`` prints an empty cell.
    """

    header: Sequence[Sequence[Text]]
    rows: Sequence[Sequence[Text | None]]
    widths: Sequence[float]
    align: Sequence[str] | None = None
    size: float | None = None
    min_row_lines: int = 1

    def texts(self) -> list[Text]:
        """Every cell."""
        out: list[Text] = []
        for row in list(self.header) + list(self.rows):
            out += [cell for cell in row if cell is not None]
        return out


@dataclass(frozen=True)
class Signature:
    """One signature place: a label, an optional printed name, a date line, a seal mark.

    With ``signers`` (the representatives of a collective dispute) the place takes a whole
    row: the label, then each signer's name with a line to sign on, in an aligned grid.
    """

    label: str
    name: str | None = None
    date: str | None = None
    with_date: bool = True
    seal: bool = False
    signers: tuple[str, ...] = ()


@dataclass
class SignatureBlock(Block):
    """Signature places laid out in ``columns`` columns, kept together on one page."""

    entries: Sequence[Signature]
    columns: int = 2

    def texts(self) -> list[Text]:
        """Labels, names and dates."""
        out: list[Text] = []
        for entry in self.entries:
            out += [t for t in (entry.label, entry.name, entry.date) if t]
            out += list(entry.signers)
        return out


@dataclass
class Spacer(Block):
    """Empty lines (in body line pitch)."""

    lines: float = 1


@dataclass
class PageBreak(Block):
    """Start a new page."""


@dataclass
class QR(Block):
    """A QR code of ``text`` (drawn as vector squares), with an optional caption beside it."""

    text: str
    size_mm: float = 24
    caption: str | None = None

    def texts(self) -> list[Text]:
        """The caption (the QR payload itself is not printed as text)."""
        return [self.caption] if self.caption else []


@dataclass
class Flowchart(Block):
    """Steps in boxes joined by arrows, top to bottom (the procedure wall board)."""

    steps: Sequence[str]
    size: float | None = None

    def texts(self) -> list[Text]:
        """The step labels."""
        return list(self.steps)


@dataclass
class Annex(Block):
    """An annex (附件) on new pages: "附件：title" then its own blocks."""

    title: str
    blocks: Sequence[Block] = field(default_factory=list)
    number: int | None = None

    def texts(self) -> list[Text]:
        """The annex title and the text of its blocks."""
        out: list[Text] = [self.title]
        for block in self.blocks:
            out += block.texts()
        return out


@dataclass
class Document:
    """A whole document: its blocks and how its pages look.

    ``page_size`` is ``A4``, ``A3`` or ``A2`` (portrait); ``poster`` enlarges the type for
    wall boards.  ``page_note`` is
    printed at the foot of the text block of every page (the 调解笔录 signature line).
    ``warnings`` carries the template's own remarks (a missing required archive item …).
    """

    doc_type: str
    title: str
    blocks: list[Block] = field(default_factory=list)
    page_size: str = "A4"
    page_numbers: bool = True
    page_note: Text | None = None
    poster: bool = False
    warnings: list[str] = field(default_factory=list)

    def texts(self) -> list[Text]:
        """Every piece of text of the document."""
        out: list[Text] = []
        for block in self.blocks:
            out += block.texts()
        if self.page_note:
            out.append(self.page_note)
        return out
