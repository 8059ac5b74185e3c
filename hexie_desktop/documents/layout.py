"""Model blocks to platypus flowables: titles, paragraphs, fields, tables, signatures, QR, annexes."""

from __future__ import annotations

import math
from dataclasses import replace

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Flowable, KeepTogether, TableStyle
from reportlab.platypus import PageBreak as RLPageBreak
from reportlab.platypus import Spacer as RLSpacer
from reportlab.platypus import Table as RLTable

from hexie_desktop.core.i18n import _
from hexie_desktop.documents import model
from hexie_desktop.documents.flowables import FlowchartFlowable, QRFlowable, SignatureKeeper
from hexie_desktop.documents.fonts import FontSet
from hexie_desktop.documents.geometry import Geometry
from hexie_desktop.documents.model import Span, Text
from hexie_desktop.documents.styles import Styles, blank
from hexie_desktop.documents.textflow import TextFlow, TextStyle, clean_text


class Converter:
    """Turns model blocks into platypus flowables."""

    def __init__(self, geo: Geometry, fonts: FontSet) -> None:
        self.geo = geo
        self.fonts = fonts
        self.styles = Styles(geo)

    def flow(self, text: Text, style: TextStyle) -> TextFlow:
        """A text flowable of ``text`` in ``style``."""
        return TextFlow(text, style, self.fonts)

    def convert(self, blocks: list[model.Block]) -> list[Flowable]:
        """The flowables of ``blocks``, in order."""
        out: list[Flowable] = []
        index = 0
        while index < len(blocks):
            block = blocks[index]
            if _is_issuer(block) and index + 1 < len(blocks) and _is_issuer(blocks[index + 1], date=True):
                # The issuing organization over the date (成文日期) is a signature too: it never
                # stands alone on a page.
                flows = self.block(block) + self.block(blocks[index + 1])
                for flow in flows:
                    flow.keepWithNext = False
                out.append(self._keep_with_text(out, flows))
                index += 2
                continue
            flows = self.block(block)
            if isinstance(block, model.SignatureBlock):
                flows = [self._keep_with_text(out, flows)]
            out += flows
            index += 1
        return out

    @staticmethod
    def _keep_with_text(out: list[Flowable], signature: list[Flowable]) -> Flowable:
        """The signature block with the body text just before it (taken off ``out``).

        Up to four paragraphs (and a heading over them) are taken, so that at least two lines of text always go to
        the page of the signatures (:class:`~hexie_desktop.documents.flowables.SignatureKeeper`).
        """
        texts: list[TextFlow] = []
        while out and isinstance(out[-1], TextFlow) and len(texts) < 4:
            texts.insert(0, out.pop())
        while out and isinstance(out[-1], TextFlow) and out[-1].style.keep_with_next:
            texts.insert(0, out.pop())  # a heading stays with its first lines, inside the keeper
        if not texts:
            return KeepTogether(signature)
        return SignatureKeeper(texts, signature)

    def block(self, block: model.Block) -> list[Flowable]:
        """The flowables of one block."""
        geo, styles = self.geo, self.styles
        if isinstance(block, model.Title):
            flows: list[Flowable] = [self.flow(block.text, self._balanced(block.text, styles.title()))]
            if block.subtitle:
                flows.append(self.flow(block.subtitle, styles.subtitle()))
            return flows
        if isinstance(block, model.Heading):
            return [self.flow(block.text, styles.heading(block.level))]
        if isinstance(block, model.Paragraph):
            return [self.flow(block.text, styles.paragraph(block))]
        if isinstance(block, model.Fields):
            return self.fields(block)
        if isinstance(block, model.Table):
            return [self.table(block)]
        if isinstance(block, model.SignatureBlock):
            return self.signatures(block)
        if isinstance(block, model.Spacer):
            return [RLSpacer(0, block.lines * geo.pitch)]
        if isinstance(block, model.PageBreak):
            return [RLPageBreak()]
        if isinstance(block, model.QR):
            caption = self.flow(block.caption, styles.small()) if block.caption else None
            return [KeepTogether([RLSpacer(0, geo.pitch * 0.5),
                                  QRFlowable(block.text, block.size_mm * mm * geo.scale, caption)])]
        if isinstance(block, model.Flowchart):
            size = (block.size or 16) * geo.scale
            style = TextStyle(size=size, leading=size * 1.45, role="body", align="center")
            return [FlowchartFlowable([self.flow(step, style) for step in block.steps],
                                      arrow=geo.pitch * 0.75, padding=size * 0.45)]
        if isinstance(block, model.Annex):
            label = _("附件") if block.number is None else _("附件{n}").format(n=block.number)
            head = TextStyle(size=geo.body_size, leading=geo.pitch, role="heading", align="left",
                             space_after=geo.pitch * 0.5, keep_with_next=True)
            return [RLPageBreak(), self.flow(label, head), *self.block(model.Title(block.title)),
                    *self.convert(list(block.blocks))]
        raise TypeError(f"unknown block {type(block).__name__}")

    def _balanced(self, text: str, style: TextStyle) -> TextStyle:
        """A title style that fits one line by shrinking a little, or breaks into even lines."""
        natural = sum(self._advance(ch, style) for ch in clean_text(text) if ch != "\n")
        width = self.geo.block_width
        if "\n" in text or natural <= width:
            return style
        if natural * 0.85 <= width:
            size = style.size * width / natural * 0.995
            return replace(style, size=size)
        lines = math.ceil(natural / width)
        line_width = natural / lines + style.size
        indent = max(0.0, (width - line_width) / 2)
        return replace(style, first_indent=indent, left_indent=indent, right_indent=indent)

    def fields(self, block: model.Fields) -> list[Flowable]:
        """Field lines with hanging indents, or a ruled form when ``boxed``."""
        if block.boxed:
            return [self.boxed_fields(block)]
        flows: list[Flowable] = []
        for label, value in block.rows:
            head = label + "："
            style = self.styles.field(0.0, block.size)
            if block.label_chars:
                hanging = block.label_chars * (style.size + style.char_space)
            else:
                hanging = sum(self._advance(ch, style) for ch in head)
                hanging = min(hanging, self.geo.block_width * 0.4)
            style = self.styles.field(hanging, block.size)
            spans: list[Span] = [Span(head, "body")]
            spans += _spans(value) if value not in (None, "") else [blank(10)]
            flows.append(self.flow(spans, style))
        return flows

    def _advance(self, char: str, style: TextStyle) -> float:
        font = self.fonts.font_for(char, style.role)
        width = pdfmetrics.stringWidth(char, font, style.size) if font else style.size
        return width + style.char_space

    def boxed_fields(self, block: model.Fields) -> RLTable:
        """Label and value cells, ``columns`` pairs per row; rows may split across pages."""
        columns = max(1, block.columns)
        size = block.size
        label_style = self.styles.cell(size, "center")
        value_style = self.styles.cell(size, "left")
        longest = block.label_chars or max((len(clean_text(label)) for label, _value in block.rows), default=2)
        pad = 4 * self.geo.scale
        label_width = min(longest * label_style.size + 2 * pad + 1, self.geo.block_width / (2 * columns))
        value_width = (self.geo.block_width - label_width * columns) / columns
        rows: list[list[Flowable | str]] = []
        spans: list[tuple] = []
        pairs = list(block.rows)
        for start in range(0, len(pairs), columns):
            row: list[Flowable | str] = []
            chunk = pairs[start:start + columns]
            for label, value in chunk:
                row.append([self.flow(label, label_style)])
                row.append([self.flow(value if value is not None else "", value_style)])
            if len(chunk) < columns:
                # The last pair of an odd row spans the empty columns.
                row += [""] * (2 * (columns - len(chunk)))
                spans.append(("SPAN", (2 * len(chunk) - 1, len(rows)), (-1, len(rows))))
            rows.append(row)
        table = _ListTable(rows, colWidths=[label_width, value_width] * columns, splitInRow=1)
        labels = [("VALIGN", (2 * c, 0), (2 * c, -1), "MIDDLE") for c in range(columns)]
        table.setStyle(TableStyle(self._grid_style() + labels + spans))
        return table

    def _grid_style(self) -> list[tuple]:
        pad = 4 * self.geo.scale
        return [
            ("FONTNAME", (0, 0), (-1, -1), self.fonts.face("body").name),
            ("GRID", (0, 0), (-1, -1), 0.75 * self.geo.scale, colors.black),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), pad * 0.75),
            ("BOTTOMPADDING", (0, 0), (-1, -1), pad * 0.75),
        ]

    def table(self, block: model.Table) -> RLTable:
        """A ruled table whose header rows repeat on every page."""
        total = sum(block.widths)
        widths = [self.geo.block_width * w / total for w in block.widths]
        aligns = list(block.align or ["left"] * len(widths))
        rows: list[list[Flowable]] = []
        for header_row in block.header:
            rows.append([[self.flow(cell, self.styles.cell(block.size, "center", "heading"))] for cell in header_row])
        for row in block.rows:
            rows.append([
                [self.flow(cell if cell is not None else "",
                           self.styles.cell(block.size, aligns[i], min_lines=block.min_row_lines))]
                for i, cell in enumerate(row)
            ])
        table = _ListTable(rows, colWidths=widths, repeatRows=len(block.header), splitInRow=1)
        header = [("VALIGN", (0, 0), (-1, len(block.header) - 1), "MIDDLE")] if block.header else []
        table.setStyle(TableStyle(self._grid_style() + header))
        return table

    def signatures(self, block: model.SignatureBlock) -> list[Flowable]:
        """Signature places in columns, never split over two pages."""
        entries = list(block.entries)
        columns = max(1, min(block.columns, len(entries)))
        style = self.styles.signature()
        if columns == 1:  # a lone signature sits in the right part of the line
            widths = [self.geo.block_width * 0.35, self.geo.block_width * 0.65]
        else:
            widths = [self.geo.block_width / columns] * columns
        width = widths[-1]
        gap = style.size * 0.5
        rows: list[list[list[Flowable] | str]] = []
        dates: list[int] = []  # indexes of the date rows
        spans: list[tuple] = []
        pending: list[model.Signature] = []

        def add(cells: list[tuple[list[Flowable], list[Flowable]]]) -> None:
            """One row of places and, under it, the row of their dates (aligned across the row)."""
            main: list[list[Flowable] | str] = [cell for cell, _date in cells]
            under: list[list[Flowable] | str] = [date for _cell, date in cells]
            main += [""] * (columns - len(main))
            under += [""] * (columns - len(under))
            rows.append(["", *main] if columns == 1 else main)
            rows.append(["", *under] if columns == 1 else under)
            dates.append(len(rows) - 1)

        for entry in entries:
            if entry.signers:  # a whole row: the representatives in a grid
                if pending:
                    add([self._signature_cell(e, style, width - gap) for e in pending])
                    pending.clear()
                cell, date = self._signers_cell(entry, style, self.geo.block_width)
                rows.append([cell] + [""] * (len(widths) - 1))
                rows.append([date] + [""] * (len(widths) - 1))
                dates.append(len(rows) - 1)
                last = len(rows) - 1
                spans += [("SPAN", (0, last - 1), (-1, last - 1)), ("SPAN", (0, last), (-1, last))]
                continue
            pending.append(entry)
            if len(pending) == columns:
                add([self._signature_cell(e, style, width - gap) for e in pending])
                pending.clear()
        if pending:
            add([self._signature_cell(e, style, width - gap) for e in pending])
        # Never split: the signatures stay on one page, with the last lines of text before
        # them (convert() wraps them in a SignatureKeeper).  Signature lines sit at the foot
        # of their row, so the lines and the dates of one row are level.
        table = RLTable(rows, colWidths=widths, splitByRow=0)
        table.setStyle(TableStyle(spans + [
            ("FONTNAME", (0, 0), (-1, -1), self.fonts.face("body").name),
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), gap),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ] + [("BOTTOMPADDING", (0, r), (-1, r), self.geo.pitch * 0.5) for r in dates]
          + [("VALIGN", (0, r), (-1, r), "TOP") for r in dates]))
        return [RLSpacer(0, self.geo.pitch * 0.5), table]

    def _signers_cell(self, entry: model.Signature, style: TextStyle,
                      width: float) -> tuple[list[Flowable], list[Flowable]]:
        """The label, then every signer's name and a line to sign on, aligned in columns."""
        cell: list[Flowable] = [self.flow(entry.label + "：", style)]
        names = [clean_text(name) for name in entry.signers]
        longest = max(sum(self._advance(ch, style) for ch in name + "：") for name in names)
        per_row = 3 if len(names) > 2 else max(1, len(names))
        column = width / per_row
        line_chars = max(3, int((column - longest) / style.size) - 1)
        grid: list[list[Flowable | str]] = []
        for start in range(0, len(names), per_row):
            row: list[Flowable | str] = [
                [self.flow([Span(name + "：", "body")], style)] for name in names[start:start + per_row]]
            row += [""] * (per_row - len(row))
            lines: list[Flowable | str] = [
                [self.flow([blank(line_chars)], style)] for _name in names[start:start + per_row]]
            lines += [""] * (per_row - len(lines))
            grid.append([item for pair in zip(row, lines, strict=True) for item in pair])
        name_width = min(longest, column * 0.5)
        table = RLTable(grid, colWidths=[name_width, column - name_width] * per_row)
        table.setStyle(TableStyle([
            ("FONTNAME", (0, 0), (-1, -1), self.fonts.face("body").name),
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), self.geo.pitch * 0.35),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ]))
        table.hAlign = "LEFT"
        cell.append(table)
        return cell, self._date_cell(entry, style)

    def _date_cell(self, entry: model.Signature, style: TextStyle) -> list[Flowable]:
        """The date under a signature place (right-aligned), blank to fill in when not known."""
        if not entry.with_date:
            return []
        date = entry.date or "\u3000\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日"
        return [self.flow(date, replace(style, align="right"))]

    def _name_style(self, name: str, style: TextStyle, width: float) -> TextStyle:
        """A printed name that fits its cell on one line, by shrinking it a little if need be."""
        natural = sum(self._advance(ch, style) for ch in clean_text(name))
        if natural <= width or natural * 0.8 > width:
            return style
        return replace(style, size=style.size * width / natural * 0.99, align="left")

    def _signature_cell(self, entry: model.Signature, style: TextStyle,
                        width: float) -> tuple[list[Flowable], list[Flowable]]:
        """Label, then the printed name or a line to sign on, then the date (right-aligned)."""
        cell: list[Flowable] = []
        label = entry.label + "："
        last_line = label.split("\n")[-1]
        used = sum(self._advance(ch, style) for ch in last_line)
        room = int((width - used) / style.size) - 1
        if entry.name:
            cell.append(self.flow(label, style))
            cell.append(self.flow(entry.name, self._name_style(entry.name, style, width)))
        elif room >= 3:
            cell.append(self.flow([Span(label, "body"), blank(room)], style))
        else:
            cell.append(self.flow(label, style))
            cell.append(self.flow([blank(max(4, int(width / style.size) - 1))], style))
        return cell, self._date_cell(entry, style)


def _is_issuer(block: model.Block, *, date: bool = False) -> bool:
    """The organization line (kept with the next) or the date line closing a notice
    (:func:`hexie_desktop.documents.templates.common.issuer_lines`)."""
    return (isinstance(block, model.Paragraph) and block.align == "right" and block.right_chars > 0
            and (date or block.keep_with_next))


class _ListTable(RLTable):
    """A ruled list that never leaves a single row alone on the next page.

    When a page break would carry fewer than :data:`MIN_CARRIED_ROWS` rows over, rows
    are moved from this page so that the next page does not hold one lonely line of a
    list (e.g. the last worker of a 申请人名单).
    """

    MIN_CARRIED_ROWS = 3

    def split(self, availWidth: float, availHeight: float) -> list:  # noqa: N803 - platypus API
        """Platypus: split as usual, then move rows down until enough go to the next page."""
        parts = super().split(availWidth, availHeight)
        height = availHeight
        moved = False
        for _attempt in range(self.MIN_CARRIED_ROWS):
            if len(parts) != 2:
                break
            first, second = parts
            carried = len(second._cellvalues) - self.repeatRows  # reportlab internals
            kept = len(first._cellvalues) - self.repeatRows
            if carried >= self.MIN_CARRIED_ROWS or kept <= self.MIN_CARRIED_ROWS:
                break
            first.wrap(availWidth, height)
            height -= first._rowHeights[-1] + 1e-3
            retry = super().split(availWidth, height)
            if len(retry) != 2:
                break
            parts, moved = retry, True
        if moved and len(parts) == 2:
            # The rest starts the next page (else the frame would fill the room left here).
            return [parts[0], RLPageBreak(), parts[1]]
        return parts


def _spans(value: Text) -> list[Span]:
    """A value as spans in the body role."""
    if isinstance(value, str):
        return [Span(value, "body")]
    return list(value)
