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
