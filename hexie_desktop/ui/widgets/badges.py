"""Coloured deadline badges (已逾期 / 今日到期 / 3日内到期) for item views."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, QRectF, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

BADGE_ROLE = Qt.ItemDataRole.UserRole + 10
"""Role holding a status code: ``overdue``, ``today``, ``soon``, ``later``/``None``."""

COLOURS = {
    "overdue": QColor("#c62828"),
    "today": QColor("#ef6c00"),
    "soon": QColor("#f9a825"),
    "later": QColor("#607d8b"),
    "met": QColor("#2e7d32"),
}


def status_text(status: str | None) -> str:
    """The words for a due status."""
    t = QCoreApplication.translate
    return {
        "overdue": t("Badges", "已逾期"),
        "today": t("Badges", "今日到期"),
        "soon": t("Badges", "即将到期"),
        "later": t("Badges", "未到期"),
        "met": t("Badges", "已完成"),
    }.get(status or "", "")


class BadgeDelegate(QStyledItemDelegate):
    """Paints the display text of cells whose :data:`BADGE_ROLE` is set as a rounded pill."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        """Draw the selection background, then the pill."""
        status = index.data(BADGE_ROLE)
        if not status:
            super().paint(painter, option, index)
            return
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        style = option.widget.style() if option.widget else None
        if style is not None:
            opt = QStyleOptionViewItem(option)
            self.initStyleOption(opt, index)
            opt.text = ""
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, option.widget)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = option.fontMetrics
        width = min(metrics.horizontalAdvance(text) + 14, option.rect.width() - 4)
        height = min(metrics.height() + 4, option.rect.height() - 4)
        rect = QRectF(option.rect.x() + 4, option.rect.center().y() - height / 2 + 1, width, height)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(COLOURS.get(status, COLOURS["later"]))
        painter.drawRoundedRect(rect, height / 2, height / 2)
        painter.setPen(QColor("white"))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, metrics.elidedText(text, Qt.TextElideMode.ElideRight,
                                                                              int(width) - 8))
        painter.restore()
