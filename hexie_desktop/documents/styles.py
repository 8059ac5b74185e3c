"""Text styles of the GB/T 9704 look, derived from a page geometry."""

from __future__ import annotations

from hexie_desktop.documents import model
from hexie_desktop.documents.geometry import Geometry
from hexie_desktop.documents.model import Span
from hexie_desktop.documents.textflow import TextStyle


class Styles:
    """Text styles derived from one page geometry."""

    def __init__(self, geo: Geometry) -> None:
        self.geo = geo

    def title(self) -> TextStyle:
        """The title: 2号, centred, on whole lines of the grid, a blank line after it."""
        geo = self.geo
        lines = 1
        while lines * geo.pitch < geo.title_size * 1.25:
            lines += 1
        return TextStyle(size=geo.title_size, leading=lines * geo.pitch, role="title", align="center",
                         space_after=geo.pitch * (1.0 if not geo.poster else 0.5))

    def subtitle(self) -> TextStyle:
        """A second title line (楷体, centred)."""
        return TextStyle(size=self.geo.body_size, leading=self.geo.pitch, role="kai", align="center",
                         space_after=self.geo.pitch * 0.5)

    def heading(self, level: int) -> TextStyle:
        """Level 1 黑体 flush left, level 2 楷体 indented two characters; kept with what follows."""
        geo = self.geo
        return TextStyle(size=geo.body_size, leading=geo.pitch, role="heading" if level <= 1 else "kai",
                         align="left", first_indent=0.0 if level <= 1 else 2 * geo.char_pitch,
                         char_space=geo.char_space, keep_with_next=True)

    def paragraph(self, block: model.Paragraph) -> TextStyle:
        """Running text: body size on the 28-character grid unless a size is given."""
        geo = self.geo
        size = block.size * geo.scale if block.size else geo.body_size
        body = size == geo.body_size
        char_space = geo.char_space if body else 0.0
        indent = 2 * (size + char_space) if block.indent else 0.0
        leading = geo.pitch if body else size * 1.6
        return TextStyle(size=size, leading=leading, role=block.role,
                         align=block.align, first_indent=indent, char_space=char_space,
                         right_indent=block.right_chars * (size + char_space),
                         keep_with_next=block.keep_with_next, space_after=block.space_after * leading)

    def field(self, hanging: float, size: float | None) -> TextStyle:
        """A "label：value" line whose continuation lines start at ``hanging``."""
        geo = self.geo
        size = size * geo.scale if size else geo.body_size
        body = size == geo.body_size
        return TextStyle(size=size, leading=geo.pitch if body else size * 1.6, role="body", align="justify",
                         left_indent=hanging, char_space=geo.char_space if body else 0.0)

    def cell(self, size: float | None, align: str, role: str = "body", min_lines: int = 1) -> TextStyle:
        """Text in a table cell (4号 by default), padded left and right by the text itself."""
        size = size * self.geo.scale if size else self.geo.table_size
        pad = self.cell_padding()
        return TextStyle(size=size, leading=size * 1.45, role=role, align=align, min_lines=min_lines,
                         first_indent=pad, left_indent=pad, right_indent=pad)

    def cell_padding(self) -> float:
        """Left and right padding inside table cells (kept by the text, not by the table)."""
        return 4 * self.geo.scale

    def small(self, align: str = "left") -> TextStyle:
        """Captions and notes (小四)."""
        size = self.geo.small_size
        return TextStyle(size=size, leading=size * 1.5, role="body", align=align)

    def signature(self) -> TextStyle:
        """Signature labels and lines."""
        size = self.geo.body_size
        return TextStyle(size=size, leading=self.geo.pitch, role="body", align="left")


def blank(chars: int) -> Span:
    """An underlined empty stretch to write on by hand."""
    return Span("\u3000" * chars, "body", underline=True)
