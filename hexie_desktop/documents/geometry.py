"""Page geometry and type sizes of the GB/T 9704 look (and its enlargement for wall boards).

A4: top margin 37 mm, left 28 mm, text block 156 × 225 mm, 22 lines × 28 characters of
3号 (16 pt) 仿宋, title 2号 (22 pt).  A3/A2 wall boards scale margins and sizes by the
ratio of the page widths, with a tighter line pitch and no character grid so a whole
board fits on one sheet.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.pagesizes import A2, A3, A4
from reportlab.lib.units import mm

from hexie_desktop.core.errors import UserError
from hexie_desktop.core.i18n import _

PAGE_SIZES = {"A4": A4, "A3": A3, "A2": A2}

LINES_PER_PAGE = 22
CHARS_PER_LINE = 28
BODY_SIZE = 16.0  # 3号
TITLE_SIZE = 22.0  # 2号
TABLE_SIZE = 14.0  # 4号
SMALL_SIZE = 12.0  # 小四
PAGE_NUMBER_SIZE = 14.0  # 4号
POSTER_BODY_SIZE = 16.0  # per A4 width; × 2 on A2


@dataclass(frozen=True)
class Geometry:
    """Lengths in points for one page size; (0, 0) is the bottom-left corner of the page."""

    page_width: float
    page_height: float
    left: float
    top: float
    block_width: float
    block_height: float
    scale: float
    poster: bool

    @property
    def bottom(self) -> float:
        """Distance of the text block's lower edge from the bottom of the page."""
        return self.page_height - self.top - self.block_height

    @property
    def right(self) -> float:
        """Distance of the text block's right edge from the right edge of the page."""
        return self.page_width - self.left - self.block_width

    @property
    def body_size(self) -> float:
        """Body text size: 3号 on A4, enlarged with the page on posters."""
        return (POSTER_BODY_SIZE if self.poster else BODY_SIZE) * self.scale

    @property
    def pitch(self) -> float:
        """Line pitch: the text block holds exactly 22 lines (posters: 1.6 × the size)."""
        if self.poster:
            return self.body_size * 1.6
        return self.block_height / LINES_PER_PAGE

    @property
    def char_space(self) -> float:
        """Extra space per character so a line holds exactly 28 body characters (not on posters)."""
        if self.poster:
            return 0.0
        return self.block_width / CHARS_PER_LINE - self.body_size

    @property
    def char_pitch(self) -> float:
        """Width of one body character including its spacing."""
        return self.body_size + self.char_space

    @property
    def title_size(self) -> float:
        """Title size (2号 on A4, larger on posters)."""
        return TITLE_SIZE * self.scale * (1.6 if self.poster else 1.0)

    @property
    def table_size(self) -> float:
        """Size of text in tables and forms (4号 on A4)."""
        return TABLE_SIZE * self.scale

    @property
    def small_size(self) -> float:
        """Size of captions and notes (小四 on A4)."""
        return SMALL_SIZE * self.scale

    @property
    def page_number_size(self) -> float:
        """Size of the page number line (4号)."""
        return PAGE_NUMBER_SIZE * self.scale


def geometry(page_size: str = "A4", *, poster: bool = False) -> Geometry:
    """The geometry of ``page_size`` (``A4``, ``A3`` or ``A2``)."""
    try:
        width, height = PAGE_SIZES[page_size.upper()]
    except KeyError:
        raise UserError(_("不支持的纸张大小：{size}（可用 A4、A3、A2）").format(size=page_size),
                        field="page_size") from None
    scale = width / A4[0]
    left, top, block_width, block_height = 28 * mm, 37 * mm, 156 * mm, 225 * mm
    return Geometry(width, height, left * scale, top * scale, block_width * scale, block_height * scale,
                    scale, poster)
