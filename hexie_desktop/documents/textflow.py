"""CJK text layout: glyph-by-glyph font choice, line breaking and drawing, as a platypus flowable.

reportlab's own ``Paragraph`` uses one font per run and lets closing punctuation hang
into the margin; here every character gets the first font of its role's chain that
really draws it, and lines are broken by the usual Chinese rules (GB/T 15834 禁则):

* a line never starts with closing punctuation (，。、；：！？）》” …): it is squeezed
  onto the end of the line by up to half an em (the line is set a little tighter), or
  the last character of the line moves down with it — it never hangs in the margin;
* a line never ends with opening punctuation (（《“ …);
* runs of Latin letters and digits (ID numbers, amounts, phone numbers) stay together
  unless they are longer than a whole line.

Lines are justified to the text block, so a page keeps its 28-character grid, but only
modestly: the room is spread over the gaps between characters (never inside a Latin
word or number), at most :data:`MAX_STRETCH` of an em per gap.  A line that would need
more, the last line of a paragraph, a line ending at a hard break and a line with fewer
than :data:`MIN_JUSTIFY_GAPS` gaps stay left-aligned at their natural spacing.  A
character no font can print is drawn as an empty box of one em (the caller warns).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, replace

from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Flowable

from hexie_desktop.documents.fonts import FontSet
from hexie_desktop.documents.model import Span, Text

NO_START = frozenset(
    "，。、；：！？）》」』】〕〉”’…—％‰·,.;:!?)]}%°℃～・ー々〃・﹚﹜﹞｝］｠"
)
NO_END = frozenset("（《「『【〔〈“‘([{￥$#＃＄")
_FUZZ = 1e-6
MAX_STRETCH = 0.2
"""Most extra room a justified line puts into one gap, in ems of the type size."""
MIN_JUSTIFY_GAPS = 4
"""A line with fewer stretchable gaps than this is set flush left, never spread out."""


def clean_text(text: str) -> str:
    """Normalise line ends and tabs; drop invisible format characters and controls.

    Variation selectors, zero-width characters, the soft hyphen and the BOM print
    nothing; lone surrogates become U+FFFD.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    out: list[str] = []
    for char in text:
        code = ord(char)
        if char == "\n":
            out.append(char)
            continue
        if 0xD800 <= code <= 0xDFFF:
            out.append("\ufffd")
            continue
        category = unicodedata.category(char)
        if category in ("Cc", "Cf") or 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF:
            continue
        out.append(char)
    return "".join(out)


def _is_word_char(char: str) -> bool:
    """Characters that join into unbreakable words (Latin letters, digits, ASCII signs)."""
    code = ord(char)
    if code < 0x80:
        return not char.isspace() and char not in "()[]{}"
    if 0xFF10 <= code <= 0xFF19 or 0xFF21 <= code <= 0xFF3A or 0xFF41 <= code <= 0xFF5A:
        return True
    return unicodedata.category(char)[0] in "LN" and code < 0x2E80


@dataclass(frozen=True)
class TextStyle:
    """How one block of text is set.

    ``first_indent`` is the left offset of the first line, ``left_indent`` of the others
    (a hanging indent for "label：value" lines), ``right_indent`` the room kept at the
    right (table cells carry their own padding this way); ``char_space`` is added after every
    glyph (negative to fit 28 characters of 16 pt on a 156 mm line).
    """

    size: float
    leading: float
    role: str = "body"
    align: str = "justify"
    first_indent: float = 0.0
    left_indent: float = 0.0
    right_indent: float = 0.0
    char_space: float = 0.0
    space_before: float = 0.0
    space_after: float = 0.0
    keep_with_next: bool = False
    min_lines: int = 1


@dataclass
class _Glyphs:
    """Parallel lists: character, font name (``None`` = no font), advance, underline."""

    chars: list[str]
    fonts: list[str | None]
    widths: list[float]
    underline: list[bool]

    def slice(self, start: int, end: int) -> _Glyphs:
        """The glyphs ``start:end``."""
        return _Glyphs(self.chars[start:end], self.fonts[start:end], self.widths[start:end],
                       self.underline[start:end])


_WIDTHS: dict[tuple[str, str], float] = {}


def _advance(char: str, font: str | None) -> float:
    """Advance of ``char`` in ``font`` at 1 pt (one em for a missing glyph)."""
    if font is None:
        return 1.0
    key = (font, char)
    width = _WIDTHS.get(key)
    if width is None:
        width = _WIDTHS[key] = pdfmetrics.stringWidth(char, font, 1000) / 1000
    return width


def shape(text: Text, style: TextStyle, fonts: FontSet) -> _Glyphs:
    """Turn text into glyphs, choosing a font for every character."""
    spans = [Span(text, style.role)] if isinstance(text, str) else list(text)
    glyphs = _Glyphs([], [], [], [])
    for span in spans:
        for char in clean_text(span.text):
            font = None if char == "\n" else fonts.font_for(char, span.role)
            glyphs.chars.append(char)
            glyphs.fonts.append(font)
            glyphs.widths.append(0.0 if char == "\n" else _advance(char, font) * style.size + style.char_space)
            glyphs.underline.append(span.underline)
    return glyphs


@dataclass(frozen=True)
class _Unit:
    """An unbreakable piece of a line: one character, a word, a space or a line break."""

    start: int
    end: int
    kind: str  # "char", "word", "space", "newline"


def _units(glyphs: _Glyphs, start: int = 0, end: int | None = None) -> list[_Unit]:
    """Cut glyphs ``start:end`` into units."""
    chars = glyphs.chars
    end = len(chars) if end is None else end
    units: list[_Unit] = []
    i = start
    while i < end:
        char = chars[i]
        if char == "\n":
            units.append(_Unit(i, i + 1, "newline"))
            i += 1
        elif char.isspace():
            # An underlined space is a blank to write on: it is kept like a character.
            units.append(_Unit(i, i + 1, "char" if glyphs.underline[i] else "space"))
            i += 1
        elif _is_word_char(char):
            j = i + 1
            while j < end and _is_word_char(chars[j]):
                j += 1
            units.append(_Unit(i, j, "word" if j - i > 1 else "char"))
            i = j
        else:
            units.append(_Unit(i, i + 1, "char"))
            i += 1
    return units


@dataclass(frozen=True)
class Line:
    """One laid-out line: glyphs ``start:end``, natural width, whether it ends a paragraph."""

    start: int
    end: int
    width: float
    last: bool


def break_lines(glyphs: _Glyphs, first_width: float, other_width: float, em: float = 0.0) -> list[Line]:
    """Break glyphs into lines of ``first_width`` (first line) and ``other_width`` (others).

    A very long word (twenty characters or more, e.g. a web address) that does not fit is
    broken rather than moved to the next line when that would leave more than six ``em``
    of the line empty; ID numbers, phone numbers and amounts stay whole.
    """
    units = _units(glyphs)
    widths = glyphs.widths
    chars = glyphs.chars
    lines: list[Line] = []
    current: list[int] = []  # indexes into units
    used = 0.0
    i = 0
    soft = False  # the current line began at a soft break: leading spaces are dropped

    def unit_width(unit: _Unit) -> float:
        """Advance of a whole unit."""
        return sum(widths[unit.start:unit.end])

    def finish(last: bool) -> None:
        """Close the current line (trailing spaces dropped)."""
        nonlocal current, used, soft
        soft = not last
        kept = list(current)
        while kept and units[kept[-1]].kind == "space":
            kept.pop()
        if kept:
            start, end = units[kept[0]].start, units[kept[-1]].end
            lines.append(Line(start, end, sum(widths[start:end]), last))
        elif last or not lines or lines[-1].last:
            position = units[current[0]].start if current else (units[i - 1].end if i else 0)
            lines.append(Line(position, position, 0.0, last))
        current, used = [], 0.0

    while i < len(units):
        unit = units[i]
        available = first_width if not lines else other_width
        if unit.kind == "newline":
            finish(last=True)
            i += 1
            continue
        if unit.kind == "space" and not current and soft:
            i += 1
            continue
        width = unit_width(unit)
        if used + width <= available + _FUZZ or (not current and unit.kind != "word"):
            current.append(i)
            used += width
            i += 1
            continue
        long_gap = em > 0 and available - used > 6 * em and unit.end - unit.start >= 20
        if unit.kind == "word" and (not current or long_gap):
            # A word longer than the line, or one that would leave a wide gap: break it.
            pieces = [_Unit(k, k + 1, "char") for k in range(unit.start, unit.end)]
            units[i:i + 1] = pieces
            continue
        if unit.kind == "space":
            finish(last=False)
            i += 1
            continue
        if (em > 0 and unit.kind == "char" and chars[unit.start] in NO_START
                and used + width <= available + 0.5 * em + _FUZZ):
            # Closing punctuation may end the line squeezed by half an em (标点挤压);
            # the line is then set tighter so it still ends at the margin.
            current.append(i)
            used += width
            i += 1
            continue
        # Break before units[i]; keep closing punctuation off the next line's start and
        # opening punctuation off this line's end by moving characters down.
        for _ in range(3):
            starter = units[i]
            if len(current) >= 2 and starter.kind == "char" and chars[starter.start] in NO_START:
                i = current.pop()
                continue
            break
        while len(current) >= 2 and units[current[-1]].kind == "char" and chars[units[current[-1]].start] in NO_END:
            i = current.pop()
        finish(last=False)
    if current or not lines:
        finish(last=True)
    elif lines:
        final = lines[-1]
        lines[-1] = Line(final.start, final.end, final.width, True)
    return lines


class TextFlow(Flowable):
    """A block of text laid out line by line; splits between lines across pages."""

    def __init__(self, text: Text, style: TextStyle, fonts: FontSet, *, _glyphs: _Glyphs | None = None,
                 _continued: bool = False) -> None:
        super().__init__()
        self.style = style
        self.fonts = fonts
        self.glyphs = _glyphs if _glyphs is not None else shape(text, style, fonts)
        self.continued = _continued
        self.keepWithNext = style.keep_with_next
        self._lines: list[Line] = []
        self._laid_width: float | None = None
        self.width = 0.0
        self.height = 0.0

    # -- layout ---------------------------------------------------------------------------

    def _offsets(self) -> tuple[float, float]:
        first = self.style.left_indent if self.continued else self.style.first_indent
        return first, self.style.left_indent

    def layout(self, width: float) -> list[Line]:
        """Lay the text out for a line width of ``width`` points (cached)."""
        if self._laid_width != width:
            first, other = self._offsets()
            right = self.style.right_indent
            self._lines = break_lines(self.glyphs, width - first - right, width - other - right, self.style.size)
            self._laid_width = width
        return self._lines

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        """Platypus: lay out for ``availWidth``; the height is lines × leading."""
        lines = self.layout(availWidth)
        self.width = availWidth
        # A hair less than the exact height: 22 lines must fit a 22-line block despite rounding.
        self.height = max(len(lines), self.style.min_lines) * self.style.leading - 1e-6
        return self.width, self.height

    def getSpaceBefore(self) -> float:  # noqa: N802 - platypus API
        """Platypus: space above the block."""
        return self.style.space_before

    def getSpaceAfter(self) -> float:  # noqa: N802 - platypus API
        """Platypus: space below the block."""
        return self.style.space_after

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        """Platypus: the lines that fit in ``availHeight`` and the rest."""
        lines = self.layout(availWidth)
        fit = int((availHeight + 1e-6) // self.style.leading)
        if fit >= len(lines):
            return []  # it only needs more room than its lines (min_lines)
        # No single line left alone at the foot or the head of a page (widows and orphans).
        if len(lines) - fit < 2:
            fit = len(lines) - 2
        if fit < 2:
            return []
        cut = lines[fit].start
        head_style = replace(self.style, space_after=0.0, keep_with_next=False, min_lines=1)
        tail_style = replace(self.style, space_before=0.0, min_lines=1)
        head = TextFlow("", head_style, self.fonts, _glyphs=self.glyphs.slice(0, cut), _continued=self.continued)
        tail = TextFlow("", tail_style, self.fonts, _glyphs=self.glyphs.slice(cut, len(self.glyphs.chars)),
                        _continued=True)
        head._lines = [Line(ln.start, ln.end, ln.width, ln.last) for ln in lines[:fit]]
        head._laid_width = availWidth
        return [head, tail]

    # -- drawing --------------------------------------------------------------------------

    def draw(self) -> None:
        """Platypus: draw every line at its baseline."""
        draw_lines(self.canv, self.glyphs, self._lines, self.style, self.width, self.height,
                   self.continued)


def draw_lines(canvas, glyphs: _Glyphs, lines: list[Line], style: TextStyle,  # noqa: ANN001
               width: float, height: float, continued: bool = False) -> None:
    """Draw laid-out lines with the top of the first line at ``height`` (origin bottom-left)."""
    size = style.size
    for number, line in enumerate(lines):
        top = height - number * style.leading
        baseline = top - style.leading / 2 - 0.36 * size
        offset = style.left_indent if (number > 0 or continued) else style.first_indent
        available = width - offset - style.right_indent
        gaps = line_gaps(glyphs, line, style, available)
        x = offset
        if gaps is None and style.align == "center":
            x += (available - line.width) / 2
        elif gaps is None and style.align == "right":
            x += available - line.width
        _draw_line(canvas, glyphs, line, style, x, baseline, gaps)


def _stretchable(glyphs: _Glyphs, k: int) -> bool:
    """Whether the gap after glyph ``k`` may widen: not inside a Latin word or a number."""
    left, right = glyphs.chars[k], glyphs.chars[k + 1]
    return not (_is_word_char(left) and _is_word_char(right))


def line_gaps(glyphs: _Glyphs, line: Line, style: TextStyle, available: float) -> list[float] | None:
    """Extra room after each glyph of ``line`` (``None``: set at natural spacing).

    A line wider than ``available`` (squeezed punctuation) is tightened evenly.  A
    justified line is widened only at stretchable gaps, by at most :data:`MAX_STRETCH`
    em each; the last line, a line before a hard break, a line with few gaps and a line
    that would need more room than that keep their natural spacing (flush left).
    """
    count = line.end - line.start
    if count < 2:
        return None
    if line.width > available + _FUZZ:
        extra = (available - line.width) / (count - 1)
        return [extra] * (count - 1) + [0.0]
    if style.align != "justify" or line.last or line.width >= available - _FUZZ:
        return None
    stretch = [_stretchable(glyphs, k) for k in range(line.start, line.end - 1)]
    slots = sum(stretch)
    if slots < MIN_JUSTIFY_GAPS:
        return None
    extra = (available - line.width) / slots
    if extra > MAX_STRETCH * style.size:
        return None
    return [extra if flag else 0.0 for flag in stretch] + [0.0]


def _draw_line(canvas, glyphs: _Glyphs, line: Line, style: TextStyle, x: float,  # noqa: ANN001
               baseline: float, gaps: list[float] | None) -> None:
    """Draw one line as runs of one font and one spacing each; boxes for characters without a font."""
    size = style.size
    gaps = gaps or [0.0] * (line.end - line.start)
    i = line.start
    while i < line.end:
        font = glyphs.fonts[i]
        underline = glyphs.underline[i]
        gap = gaps[i - line.start]
        j = i + 1
        while (j < line.end and glyphs.fonts[j] == font and glyphs.underline[j] == underline
               and gaps[j - line.start] == gap):
            j += 1
        run_width = sum(glyphs.widths[i:j]) + gap * (j - i)
        if font is None:
            for k in range(i, j):
                _draw_box(canvas, x + sum(glyphs.widths[i:k]) + gap * (k - i), baseline, size)
        else:
            text = canvas.beginText(x, baseline)
            text.setFont(font, size)
            text.setCharSpace(style.char_space + gap)
            text.textOut("".join(glyphs.chars[i:j]))
            canvas.drawText(text)
        if underline:
            canvas.saveState()
            canvas.setLineWidth(max(0.5, size / 32))
            end = x + run_width - gap - style.char_space
            if j < line.end and glyphs.underline[j]:
                end = x + run_width  # the underline runs on into the next run
            canvas.line(x, baseline - 0.14 * size, end, baseline - 0.14 * size)
            canvas.restoreState()
        x += run_width
        i = j


def _draw_box(canvas, x: float, baseline: float, size: float) -> None:  # noqa: ANN001
    """The placeholder of a character no font has: an empty square of one em."""
    canvas.saveState()
    canvas.setLineWidth(max(0.5, size / 24))
    canvas.rect(x + 0.1 * size, baseline - 0.08 * size, 0.8 * size, 0.8 * size, stroke=1, fill=0)
    canvas.restoreState()
