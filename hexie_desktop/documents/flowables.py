"""Drawn pieces of a page that are not running text: the QR code and the procedure flowchart."""

from __future__ import annotations

import segno
from reportlab.platypus import Flowable

from hexie_desktop.documents.textflow import TextFlow

QR_BORDER = 4  # quiet zone in modules, as ISO/IEC 18004 asks


def qr_modules(text: str) -> list[list[bool]]:
    """The dark/light modules of the QR code of ``text`` (error correction level M)."""
    code = segno.make(text, error="m", micro=False, boost_error=False)
    return [[bool(module) for module in row] for row in code.matrix]


class QRFlowable(Flowable):
    """A QR code drawn as vector squares at the right, with an optional caption at its left."""

    def __init__(self, text: str, size: float, caption: TextFlow | None = None, gap: float = 8.0) -> None:
        super().__init__()
        self.payload = text
        self.size = size
        self.caption = caption
        self.gap = gap
        self.modules = qr_modules(text)
        self.width = self.height = 0.0
        self._caption_height = 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        """Platypus: the QR square, or the caption if that is taller."""
        self.width = availWidth
        if self.caption is not None:
            _w, self._caption_height = self.caption.wrap(availWidth - self.size - self.gap, availHeight)
        self.height = max(self.size, self._caption_height)
        return self.width, self.height

    def draw(self) -> None:
        """Platypus: draw the caption and merge each row's dark modules into rectangles."""
        canvas = self.canv
        if self.caption is not None:
            self.caption.drawOn(canvas, 0, self.height - self._caption_height)
        count = len(self.modules) + 2 * QR_BORDER
        unit = self.size / count
        left = self.width - self.size
        bottom = self.height - self.size
        canvas.saveState()
        canvas.setFillColorRGB(0, 0, 0)
        for row_number, row in enumerate(self.modules):
            y = bottom + self.size - (row_number + QR_BORDER + 1) * unit
            column = 0
            while column < len(row):
                if not row[column]:
                    column += 1
                    continue
                start = column
                while column < len(row) and row[column]:
                    column += 1
                canvas.rect(left + (start + QR_BORDER) * unit, y, (column - start) * unit, unit, stroke=0, fill=1)
        canvas.restoreState()


class FlowchartFlowable(Flowable):
    """Steps in framed boxes, one under the other, joined by arrows."""

    def __init__(self, steps: list[TextFlow], box_ratio: float = 0.8, arrow: float = 18.0,
                 padding: float = 6.0) -> None:
        super().__init__()
        self.steps = steps
        self.box_ratio = box_ratio
        self.arrow = arrow
        self.padding = padding
        self.width = self.height = 0.0
        self._heights: list[float] = []

    def _box_width(self, available: float) -> float:
        return available * self.box_ratio

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        """Platypus: boxes plus the arrows between them."""
        inner = self._box_width(availWidth) - 2 * self.padding
        self._heights = [step.wrap(inner, availHeight)[1] + 2 * self.padding for step in self.steps]
        self.width = availWidth
        self.height = sum(self._heights) + self.arrow * max(0, len(self.steps) - 1)
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        """Platypus: as many whole steps as fit, then the rest."""
        self.wrap(availWidth, availHeight)
        used = 0.0
        for count, height in enumerate(self._heights):
            needed = height + (self.arrow if count else 0.0)
            if used + needed > availHeight:
                if count == 0:
                    return []
                return [FlowchartFlowable(self.steps[:count], self.box_ratio, self.arrow, self.padding),
                        FlowchartFlowable(self.steps[count:], self.box_ratio, self.arrow, self.padding)]
            used += needed
        return [self]

    def draw(self) -> None:
        """Platypus: draw boxes, texts and arrows from the top down."""
        canvas = self.canv
        box_width = self._box_width(self.width)
        left = (self.width - box_width) / 2
        top = self.height
        canvas.saveState()
        canvas.setLineWidth(1.2)
        for number, (step, height) in enumerate(zip(self.steps, self._heights)):
            if number:
                self._arrow(canvas, self.width / 2, top, top - self.arrow)
                top -= self.arrow
            canvas.roundRect(left, top - height, box_width, height, radius=6, stroke=1, fill=0)
            step.drawOn(canvas, left + self.padding, top - height + self.padding)
            top -= height
        canvas.restoreState()

    def _arrow(self, canvas, x: float, y_from: float, y_to: float) -> None:  # noqa: ANN001
        head = min(7.0, (y_from - y_to) / 2)
        canvas.line(x, y_from, x, y_to + head)
        path = canvas.beginPath()
        path.moveTo(x - head * 0.6, y_to + head)
        path.lineTo(x + head * 0.6, y_to + head)
        path.lineTo(x, y_to)
        path.close()
        canvas.drawPath(path, stroke=0, fill=1)


MIN_TAIL_LINES = 2
"""Lines of running text that always go with a signature block to its page."""


class SignatureKeeper(Flowable):
    """The last paragraphs of the body and the signature block after them, kept together.

    No page may hold only the signature (or the date) block: when the whole does not fit,
    it is cut so that at least :data:`MIN_TAIL_LINES` lines of the text before the
    signatures (all of them if there are fewer) move to the next page with them.  The cut
    falls between two paragraphs or inside a paragraph leaving two lines on each side,
    never after a heading (``keepWithNext``).
    """

    def __init__(self, texts: list[TextFlow], tail: list[Flowable]) -> None:
        super().__init__()
        self.texts = texts
        self.tail = tail
        for text in texts:
            text.keepWithNext = 0  # this keeper does what they asked for
        self.width = self.height = 0.0
        self._sizes: list[tuple[float, float]] = []

    def _parts(self) -> list[Flowable]:
        return [*self.texts, *self.tail]

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        """Platypus: the height of everything, with the spaces between the parts."""
        parts = self._parts()
        self._sizes = [part.wrap(availWidth, availHeight) for part in parts]
        height = sum(h for _w, h in self._sizes)
        height += sum(part.getSpaceAfter() for part in parts[:-1])
        height += sum(part.getSpaceBefore() for part in parts[1:])
        self.width, self.height = availWidth, height
        return self.width, self.height

    def getSpaceBefore(self) -> float:  # noqa: N802 - platypus API
        """Platypus: the space before the first part."""
        return self._parts()[0].getSpaceBefore()

    def getSpaceAfter(self) -> float:  # noqa: N802 - platypus API
        """Platypus: the space after the last part."""
        return self._parts()[-1].getSpaceAfter()

    def _cuts(self, avail_width: float) -> list[tuple[int, int, float]]:
        """Possible cuts as (text index, lines of it kept here, height kept here), in page order."""
        cuts: list[tuple[int, int, float]] = []
        used = 0.0
        for index, text in enumerate(self.texts):
            lines = len(text.layout(avail_width))
            leading = text.style.leading
            before = text.getSpaceBefore() if index else 0.0
            if index and not self.texts[index - 1].style.keep_with_next:
                cuts.append((index, 0, used))
            for kept in range(2, lines - 1):
                cuts.append((index, kept, used + before + kept * leading))
            used += before + lines * leading + text.getSpaceAfter()
        return cuts

    def _body_lines(self, avail_width: float, texts: list[TextFlow]) -> int:
        """Lines of running text in ``texts`` (small notes and captions do not count)."""
        largest = max(t.style.size for t in self.texts)
        return sum(len(t.layout(avail_width)) for t in texts if t.style.size >= largest * 0.95)

    def _moved_lines(self, avail_width: float, index: int, kept: int) -> int:
        moved = self._body_lines(avail_width, self.texts[index:])
        if kept and self.texts[index].style.size >= max(t.style.size for t in self.texts) * 0.95:
            moved -= kept
        return moved

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        """Platypus: as much text as fits here, and the rest of it with the signatures."""
        total = self._body_lines(availWidth, self.texts)
        need = min(MIN_TAIL_LINES, total)
        best = None
        for index, kept, height in self._cuts(availWidth):
            if height <= availHeight + 1e-6 and self._moved_lines(availWidth, index, kept) >= need:
                best = (index, kept)
        if best is None:
            return []  # everything goes to the next page together
        index, kept = best
        before = list(self.texts[:index])
        rest = list(self.texts[index:])
        if kept:
            text = rest.pop(0)
            pieces = text.split(availWidth, kept * text.style.leading + 1e-6)
            if len(pieces) != 2:
                return []
            before.append(pieces[0])
            rest.insert(0, pieces[1])
        return [*before, SignatureKeeper(rest, self.tail)]

    def drawOn(self, canvas, x: float, y: float, _sW: float = 0) -> None:  # noqa: ANN001, N802, N803
        """Platypus: draw the parts from the top down."""
        top = y + self.height
        parts = self._parts()
        for number, (part, (_w, height)) in enumerate(zip(parts, self._sizes)):
            if number:
                top -= part.getSpaceBefore()
            part.drawOn(canvas, x, top - height, _sW)
            top -= height + part.getSpaceAfter()
