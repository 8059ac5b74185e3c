"""Small bar and line charts drawn with QPainter (PySide6-Essentials has no QtCharts).

:class:`ChartWidget` shows one chart: stacked or grouped bars, or a line, over a few
labelled points (months).  It draws a title, a y-axis with round gridlines, the bars or
the line with its points, value labels where they fit, and a legend.  Missing values in a
line (``None``) leave a gap.  Until its first data arrives a chart says 正在统计……, never
"no data"; the y-axis ticks are round, distinct as printed, and whole numbers for counts.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

PALETTE = ("#3A6591", "#E07B39", "#4E9A6B", "#C8A02C", "#8E5EA2", "#C0504D", "#4BACC6", "#7F7F7F", "#A5A5A5")


@dataclass(frozen=True)
class Series:
    """One named series of values (``None``: no value at that point)."""

    name: str
    values: tuple[float | None, ...]
    color: str


def nice_step(top: float, ticks: int = 4, *, integer: bool = False) -> float:
    """A round gridline step (1, 2, 2.5 or 5 × 10ⁿ) so that ``ticks`` steps cover ``top``.

    ``integer``: the values are counts, so the step is a whole number (1, 2, 5 × 10ⁿ, at least 1).
    """
    if top <= 0:
        return 1.0
    raw = top / ticks
    if integer and raw <= 1:
        return 1.0
    power = 10 ** math.floor(math.log10(raw))
    for factor in ((1, 2, 5, 10) if integer else (1, 2, 2.5, 5, 10)):
        if raw <= factor * power:
            return factor * power
    return 10 * power


def next_step(step: float) -> float:
    """The next round step after ``step`` (1 → 2 → 2.5 → 5 → 10 × 10ⁿ)."""
    power = 10 ** math.floor(math.log10(step) + 1e-9)
    for factor in (2, 2.5, 5, 10):
        if factor * power > step * (1 + 1e-9):
            return factor * power
    return 10 * power


class ChartWidget(QWidget):
    """A titled chart over labelled points; call :meth:`set_bars` or :meth:`set_line`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = ""
        self.labels: list[str] = []
        self.series: list[Series] = []
        self.mode = "bars"
        self.stacked = False
        self.fixed_top: float | None = None
        self.fmt: Callable[[float], str] = lambda v: f"{v:g}"
        self.unit = ""
        self.integer = False
        self.empty_text = self.tr("本期间没有数据")
        self.loading_text = self.tr("正在统计……")  # while set, the chart says so instead of "no data"
        self.setMinimumSize(QSize(320, 190))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, False)

    # ---------------------------------------------------------------- data

    def set_bars(self, title: str, labels: Sequence[str], series: Sequence[Series], *, stacked: bool = False,
                 unit: str = "", fmt: Callable[[float], str] | None = None, integer: bool = False) -> None:
        """Bars per label: one per series side by side, or stacked (``integer``: counts, whole ticks)."""
        self.mode, self.stacked, self.fixed_top, self.integer = "bars", stacked, None, integer
        self._set(title, labels, series, unit, fmt)

    def set_line(self, title: str, labels: Sequence[str], series: Sequence[Series], *, unit: str = "",
                 fmt: Callable[[float], str] | None = None, top: float | None = None) -> None:
        """A line per series through the labelled points (``top`` fixes the axis, e.g. 100 for %).

        A ``None`` value (e.g. a month without a decided case has no success rate) draws no point.
        """
        self.mode, self.stacked, self.fixed_top, self.integer = "line", False, top, False
        self._set(title, labels, series, unit, fmt)

    def set_loading(self, text: str) -> None:
        """Show ``text`` (e.g. 正在统计……) until the next :meth:`set_bars` or :meth:`set_line`."""
        self.loading_text = text
        self.update()

    def _set(self, title: str, labels: Sequence[str], series: Sequence[Series], unit: str,
             fmt: Callable[[float], str] | None) -> None:
        self.loading_text = ""
        self.title, self.labels, self.series, self.unit = title, list(labels), list(series), unit
        self.fmt = fmt or (lambda v: f"{v:g}")
        self.setToolTip(self.summary())
        self.update()

    def has_data(self) -> bool:
        """True when any series has a value to draw: a non-zero bar, or any point of a line (0 % too)."""
        if self.mode == "line":
            return any(v is not None for s in self.series for v in s.values)
        return any(v for s in self.series for v in s.values if v)

    def is_loading(self) -> bool:
        """True until the first data (or after :meth:`set_loading`): the chart says so, not "no data"."""
        return bool(self.loading_text)

    def shown_text(self) -> str | None:
        """The sentence drawn instead of a chart (loading or no data), or ``None`` when a chart is drawn."""
        if self.loading_text:
            return self.loading_text
        if not self.labels or not self.has_data():
            return self.empty_text
        return None

    def tick_text(self, value: float) -> str:
        """How the y-axis labels ``value``."""
        text = self.fmt(value)
        return text[:-2] if text.endswith(".0") else text

    def axis(self) -> tuple[float, float]:
        """(top of the y-axis, gridline step): round, covering the data, ticks distinct as printed."""
        top = self.top_value()
        if self.fixed_top is not None:
            axis_top = self.fixed_top
            step = nice_step(axis_top)
        else:
            step = nice_step(top, integer=self.integer)
            axis_top = max(step, math.ceil(top / step - 1e-9) * step)
        for _ in range(12):  # e.g. 0.25-steps printed as whole numbers would read "1 1 0 0 0"
            texts = [self.tick_text(step * i) for i in range(int(round(axis_top / step)) + 1)]
            if len(set(texts)) == len(texts):
                break
            step = next_step(step)
            axis_top = max(step, math.ceil(top / step - 1e-9) * step) if self.fixed_top is None else axis_top
        return axis_top, step

    def tick_labels(self) -> list[str]:
        """The y-axis labels from the bottom up."""
        axis_top, step = self.axis()
        return [self.tick_text(step * i) for i in range(int(round(axis_top / step)) + 1)]

    def summary(self) -> str:
        """The chart as text (tooltip and accessibility)."""
        lines = [self.title + (f"（{self.unit}）" if self.unit else "")]
        for s in self.series:
            parts = [f"{label} {self.fmt(v) if v is not None else '—'}" for label, v in zip(self.labels, s.values)]
            lines.append(f"{s.name}：" + "，".join(parts))
        return "\n".join(lines)

    def top_value(self) -> float:
        """The largest value the y-axis must reach."""
        if self.fixed_top is not None:
            return self.fixed_top
        if self.mode == "bars" and self.stacked:
            sums = [sum(s.values[i] or 0 for s in self.series) for i in range(len(self.labels))]
            return max(sums, default=0)
        return max((v for s in self.series for v in s.values if v is not None), default=0)

    # ---------------------------------------------------------------- painting

    def paintEvent(self, event: QPaintEvent) -> None:
        """Draw the whole chart."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        painter.fillRect(rect, QColor("white"))
        painter.setPen(QPen(QColor("#d0d7de")))
        painter.drawRoundedRect(rect, 6, 6)
        base = QFont(self.font())
        title_font = QFont(base)
        title_font.setBold(True)
        title_font.setPointSizeF(base.pointSizeF() + 1)
        painter.setFont(title_font)
        painter.setPen(QColor("#1f3b57"))
        title = self.title + (f"（{self.unit}）" if self.unit else "")
        painter.drawText(rect.adjusted(12, 6, -12, 0), int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop),
                         title)
        small = QFont(base)
        small.setPointSizeF(max(7.0, base.pointSizeF() - 1))
        painter.setFont(small)
        metrics = QFontMetrics(small)
        legend_height = self._legend(painter, rect, metrics)
        top_margin = QFontMetrics(title_font).height() + 12 + legend_height
        sentence = self.shown_text()
        if sentence is not None:
            painter.setPen(QColor("#5f6b76"))
            painter.drawText(rect.adjusted(0, top_margin, 0, 0), int(Qt.AlignmentFlag.AlignCenter), sentence)
            painter.end()
            return
        axis_top, step = self.axis()
        tick_text = self.tick_text
        tick_width = max(metrics.horizontalAdvance(tick_text(axis_top)), metrics.horizontalAdvance("0")) + 8
        plot = QRectF(rect.left() + 10 + tick_width, rect.top() + top_margin + 4,
                      rect.width() - 24 - tick_width, rect.height() - top_margin - metrics.height() - 14)
        if plot.width() < 40 or plot.height() < 30:
            painter.end()
            return

        def y_of(value: float) -> float:
            return plot.bottom() - plot.height() * (value / axis_top if axis_top else 0)

        ticks = int(round(axis_top / step))
        for i in range(ticks + 1):
            value = step * i
            y = y_of(value)
            painter.setPen(QPen(QColor("#e6e9ed"), 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(QColor("#5f6b76"))
            painter.drawText(QRectF(rect.left() + 4, y - metrics.height() / 2, tick_width, metrics.height()),
                             int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), tick_text(value))
        painter.setPen(QPen(QColor("#8b949e"), 1))
        painter.drawLine(QPointF(plot.left(), plot.bottom()), QPointF(plot.right(), plot.bottom()))
        slot = plot.width() / len(self.labels)
        every = max(1, math.ceil(max(metrics.horizontalAdvance(label) for label in self.labels) / max(slot - 4, 1)))
        for i, label in enumerate(self.labels):
            if i % every and i != len(self.labels) - 1:
                continue
            painter.setPen(QColor("#5f6b76"))
            painter.drawText(QRectF(plot.left() + slot * i - 10, plot.bottom() + 3, slot + 20, metrics.height()),
                             int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop), label)
        if self.mode == "bars":
            self._bars(painter, plot, slot, y_of, metrics)
        else:
            self._lines(painter, plot, slot, y_of, metrics)
        painter.end()

    def _legend(self, painter: QPainter, rect: QRectF, metrics: QFontMetrics) -> int:
        if self.loading_text:
            return 0
        shown = [s for s in self.series if any(s.values)] if len(self.series) > 1 else []
        if not shown:
            return 0
        x, y = rect.left() + 12, rect.top() + metrics.height() + 14
        rows = 1
        for s in shown:
            width = 14 + metrics.horizontalAdvance(s.name) + 14
            if x + width > rect.right() - 8:
                x, y, rows = rect.left() + 12, y + metrics.height() + 2, rows + 1
            painter.fillRect(QRectF(x, y + 2, 10, metrics.height() - 4), QColor(s.color))
            painter.setPen(QColor("#333333"))
            painter.drawText(QPointF(x + 14, y + metrics.ascent()), s.name)
            x += width
        return rows * (metrics.height() + 2) + 2

    def _bars(self, painter: QPainter, plot: QRectF, slot: float, y_of: Callable[[float], float],
              metrics: QFontMetrics) -> None:
        count = 1 if self.stacked else len(self.series)
        width = max(2.0, min(38.0, slot * 0.7 / count))
        # Side by side: label every bar or none (a few labelled bars among unlabelled ones mislead).
        label_all = all(width >= metrics.horizontalAdvance(self.fmt(v)) - 2
                        for s in self.series for v in s.values if v and v > 0)
        for i in range(len(self.labels)):
            left = plot.left() + slot * i + (slot - width * count) / 2
            running = 0.0
            for k, s in enumerate(self.series):
                value = s.values[i] or 0
                if value <= 0:
                    continue
                x = left if self.stacked else left + k * width
                bottom = y_of(running) if self.stacked else plot.bottom()
                top = y_of(running + value) if self.stacked else y_of(value)
                painter.fillRect(QRectF(x, top, width - (0 if self.stacked else 1), bottom - top), QColor(s.color))
                if self.stacked:
                    running += value
                elif label_all:
                    painter.setPen(QColor("#333333"))
                    painter.drawText(QRectF(x - 6, top - metrics.height(), width + 12, metrics.height()),
                                     int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom),
                                     self.fmt(value))
            if self.stacked and running > 0:
                painter.setPen(QColor("#333333"))
                painter.drawText(QRectF(left - 10, y_of(running) - metrics.height(), width + 20, metrics.height()),
                                 int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom), self.fmt(running))

    def _lines(self, painter: QPainter, plot: QRectF, slot: float, y_of: Callable[[float], float],
               metrics: QFontMetrics) -> None:
        for s in self.series:
            color = QColor(s.color)
            path = QPainterPath()
            drawing = False
            points: list[tuple[QPointF, float]] = []
            for i, value in enumerate(s.values):
                if value is None:
                    drawing = False
                    continue
                point = QPointF(plot.left() + slot * (i + 0.5), y_of(value))
                points.append((point, value))
                if drawing:
                    path.lineTo(point)
                else:
                    path.moveTo(point)
                    drawing = True
            painter.setPen(QPen(color, 2.2))
            painter.drawPath(path)
            painter.setBrush(color)
            for point, value in points:
                painter.drawEllipse(point, 3.2, 3.2)
                painter.setPen(QColor("#333333"))
                painter.drawText(QRectF(point.x() - 30, point.y() - metrics.height() - 4, 60, metrics.height()),
                                 int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom), self.fmt(value))
                painter.setPen(QPen(color, 2.2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
