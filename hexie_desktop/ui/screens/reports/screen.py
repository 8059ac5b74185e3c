"""The statistics screen: pick a period, see the key figures, charts and the full table; export and import Excel.

All work runs off the GUI thread through :mod:`hexie_desktop.ui.ops`: the statistics
query, the export (with a progress dialog) and the import.  File names come from
non-blocking file dialogs; :meth:`ReportsScreen.export_to`, :meth:`template_to` and
:meth:`import_from` do the work for a chosen path.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFileDialog, QHeaderView, QLabel, QWidget

from hexie_desktop.core import codes, money, stats
from hexie_desktop.core.changes import ALL, CASE, NOTHING, REGISTRY, SETTINGS, Changes
from hexie_desktop.core.errors import HexieError, UserError
from hexie_desktop.reports.statistics import value_columns
from hexie_desktop.services import imports
from hexie_desktop.services import report_export as export
from hexie_desktop.services import reports as report_data
from hexie_desktop.ui import messages, ops, style, write_op
from hexie_desktop.ui.forms.reports import Ui_ReportsScreen
from hexie_desktop.ui.lazy import RefreshWhenShown
from hexie_desktop.ui.screens.reports.charts import PALETTE, Series
from hexie_desktop.ui.screens.reports.model import StatisticsModel
from hexie_desktop.ui.workspace import Workspace

_QUARTERS = ("第一季度", "第二季度", "第三季度", "第四季度")
_TILE = ("<div style='font-size:12px;color:#5f6b76'>{label}</div>"
         "<div style='font-size:22px;font-weight:bold;color:{color}'>{value}</div>"
         "<div style='font-size:11px;color:#5f6b76'>{note}</div>")


def import_changes(kind: str, result: Any) -> Changes:
    """What an Excel import of ``kind`` changed: nothing unless rows were created or updated."""
    if not (result.committed and (result.count("created") or result.count("updated"))):
        return NOTHING
    if kind == "cases":
        return Changes.cases()
    if kind == "selections":
        return ALL  # nominations touch the selection pages and the registers they name
    return Changes.registry(kind)


def _wan(cents: float) -> str:
    """An amount in 万元 with one decimal (chart labels)."""
    return f"{cents / 1_000_000:.1f}"


def _yuan(cents: float) -> str:
    """An amount in whole 元 (chart labels of small amounts)."""
    return f"{cents / 100:.0f}"


class ReportsScreen(RefreshWhenShown):
    """统计报表: figures of a month, quarter, year or any range; charts of the last twelve months."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ReportsScreen()
        self.ui.setupUi(self)
        self.workspace = workspace
        self.result: report_data.StatisticsResult | None = None
        self.task: ops.Task | None = None
        self.dialog: QFileDialog | None = None
        self.last_export: export.ExportResult | None = None
        self.last_import: Any = None
        self._stale = True
        ui = self.ui
        style.set_role(ui.titleLabel, "title")
        style.set_role(ui.rangeLabel, "hint")
        style.set_role(ui.notesLabel, "hint")
        for kind, label in (("month", self.tr("月报")), ("quarter", self.tr("季报")), ("year", self.tr("年报")),
                            ("custom", self.tr("自定义"))):
            ui.periodKind.addItem(label, kind)
        today = workspace.ctx.today
        ui.year.setValue(today.year)
        ui.fromDate.setValue(date(today.year, 1, 1))
        ui.toDate.setValue(today)
        self.model = StatisticsModel(self)
        ui.table.setModel(self.model)
        ui.table.verticalHeader().setVisible(False)
        ui.table.verticalHeader().setDefaultSectionSize(24)
        header = ui.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setDefaultSectionSize(130)
        self.tiles: dict[str, QLabel] = {"received": ui.receivedTile, "closed": ui.closedTile, "rate": ui.rateTile,
                                         "open": ui.openTile, "overdue": ui.overdueTile, "money": ui.moneyTile}
        for tile in self.tiles.values():
            tile.setProperty("role", "tile")  # QLabel is a QFrame: the application style sheet draws the tile
            tile.setMinimumHeight(74)
            tile.setMargin(6)
            tile.setIndent(6)
        for kind, title in report_data.REPORT_KINDS.items():
            if kind in ("quarterly", "annual"):
                continue
            ui.exportKind.addItem(self.tr("统计报表（当前期间）") if kind == "monthly" else title, kind)
        for kind, label in imports.IMPORT_KINDS.items():
            ui.importKind.addItem(label, kind)
        ui.unmask.setEnabled(workspace.can("pii.unmask"))
        ui.unmask.setToolTip(self.tr("导出未打码的身份证号码和电话，须有相应权限，并记入审计日志")
                             if workspace.can("pii.unmask") else self.tr("您的角色无权导出完整个人信息"))
        ui.periodKind.currentIndexChanged.connect(self._kind_changed)
        ui.refreshButton.clicked.connect(self.refresh)
        ui.year.editingFinished.connect(self.refresh)
        ui.part.activated.connect(lambda _i: self.refresh())
        ui.exportButton.clicked.connect(self.choose_export)
        ui.templateButton.clicked.connect(self.choose_template)
        ui.importButton.clicked.connect(self.choose_import)
        ui.importKind.currentIndexChanged.connect(self._import_rights)
        ui.exportKind.currentIndexChanged.connect(self._export_rights)
        workspace.changed.connect(self._changed)
        self._kind_changed()
        self._import_rights()
        self._export_rights()

    def _changed(self, changes: Changes) -> None:
        if changes.touches(CASE, REGISTRY, SETTINGS):  # the figures count cases and register records
            self._mark_stale()

    def initial_focus(self) -> QWidget:
        """Where the keyboard starts on this page."""
        return self.ui.periodKind

    # ---------------------------------------------------------------- period

    def _kind_changed(self, _index: int = 0, *, compute: bool = True) -> None:
        kind = self.ui.periodKind.currentData()
        today = self.workspace.ctx.today
        ui = self.ui
        ui.part.blockSignals(True)
        ui.part.clear()
        if kind == "month":
            for m in range(1, 13):
                ui.part.addItem(self.tr("{m}月").format(m=m), m)
            ui.part.setCurrentIndex(today.month - 1)
        elif kind == "quarter":
            for q, name in enumerate(_QUARTERS, start=1):
                ui.part.addItem(self.tr(name), q)
            ui.part.setCurrentIndex((today.month - 1) // 3)
        ui.part.blockSignals(False)
        custom = kind == "custom"
        ui.year.setVisible(not custom)
        ui.part.setVisible(kind in ("month", "quarter"))
        for widget in (ui.fromLabel, ui.fromDate, ui.toLabel, ui.toDate):
            widget.setVisible(custom)
        if not custom and compute:
            self._mark_stale()

    def set_period(self, period: stats.Period) -> None:
        """Show ``period`` in the picker (and compute it)."""
        ui = self.ui
        ui.periodKind.blockSignals(True)
        ui.periodKind.setCurrentIndex(ui.periodKind.findData(period.kind))
        ui.periodKind.blockSignals(False)
        self._kind_changed(compute=False)
        if period.kind == "custom":
            ui.fromDate.setValue(period.start)
            ui.toDate.setValue(period.end)
        else:
            ui.year.setValue(period.start.year)
            if period.kind == "month":
                ui.part.setCurrentIndex(period.start.month - 1)
            elif period.kind == "quarter":
                ui.part.setCurrentIndex((period.start.month - 1) // 3)
        self.refresh()

    def period(self) -> stats.Period:
        """The period the picker shows (UserError for an impossible custom range)."""
        ui = self.ui
        kind = ui.periodKind.currentData()
        if kind == "month":
            return stats.month(ui.year.value(), int(ui.part.currentData()))
        if kind == "quarter":
            return stats.quarter(ui.year.value(), int(ui.part.currentData()))
        if kind == "year":
            return stats.year(ui.year.value())
        start, end = ui.fromDate.value(), ui.toDate.value()
        if start is None or end is None:
            raise UserError(self.tr("请填写自定义期间的起止日期"), field="period")
        return stats.custom(start, end)

    # ---------------------------------------------------------------- statistics

    def refresh(self) -> None:
        """Compute the statistics of the chosen period (off the GUI thread)."""
        try:
            period = self.period()
        except HexieError as error:
            messages.show_error(self, error)
            return
        self._stale = False
        busy = self.tr("正在统计……")
        self.ui.rangeLabel.setText(self.tr("{label}：{range}　正在统计……").format(
            label=period.label, range=period.range_text))
        for chart in (self.ui.categoryChart, self.ui.rateChart, self.ui.moneyChart):
            chart.set_loading(busy)
        for tile in self.tiles.values():
            tile.setEnabled(False)
        self.task = ops.run(self, report_data.statistics, self.workspace.ctx, period, on_done=self._show,
                            on_error=self._not_computed)

    def _not_computed(self, error: BaseException) -> None:
        for chart in (self.ui.categoryChart, self.ui.rateChart, self.ui.moneyChart):
            chart.set_loading(self.tr("统计未完成"))
        self.ui.rangeLabel.setText(messages.describe(error))
        messages.show_error(self, error)

    def _show(self, result: report_data.StatisticsResult) -> None:
        self.result = result
        period, total = result.period, result.total
        ui = self.ui
        for tile in self.tiles.values():
            tile.setEnabled(True)
        ui.rangeLabel.setText(self.tr("{label}：{range}　统计至{day}").format(
            label=period.label, range=period.range_text, day=stats.cn_date(result.as_of)))
        rate = total.success_rate(result.denominator)
        self._tile("received", self.tr("本期收到申请"), str(total["received"]), self.tr("涉及劳动者 {n} 人").format(
            n=total["workers"]))
        self._tile("closed", self.tr("本期结案"), str(total["closed"]), self.tr("成功 {a} · 不成 {f} · 撤回 {w}").format(
            a=total["closed.agreed"], f=total["closed.failed"], w=total["closed.withdrawn"]))
        self._tile("rate", self.tr("调解成功率"), stats.fraction_text(rate, "rate"),
                   stats.DENOMINATORS[result.denominator], color="#2e7d32")
        self._tile("open", self.tr("期末未结"), str(total["open_end"]), self.tr("上期结转 {n}").format(
            n=total["carried_over"]))
        self._tile("overdue", self.tr("期末逾期未办"), str(total["overdue"]), self.tr("受理、调解、履行、回访、归档"),
                   color="#b71c1c" if total["overdue"] else "#1f3b57")
        self._tile("money", self.tr("协议金额（元）"), money.format_amount(total["agreed_cents"]),
                   self.tr("实际履行 {paid} 元").format(paid=money.format_amount(total["paid_cents"])))
        self.model.set_columns(value_columns(result), result.denominator)
        ui.table.setColumnWidth(0, 300)
        ui.table.setColumnWidth(1, 50)
        ui.table.setColumnWidth(2, 50)
        ui.notesLabel.setText(self.tr("调解成功率＝{formula}；本期收到按收到申请日期、结案按结案日期计；"
                                      "金额：请求按收到日期、协议按生效日期、履行按履行日期计。")
                              .format(formula=stats.DENOMINATORS[result.denominator]))
        self._charts(result)

    def _tile(self, key: str, label: str, value: str, note: str, color: str = "#1f3b57") -> None:
        self.tiles[key].setText(_TILE.format(label=label, value=value, note=note, color=color))
        self.tiles[key].setToolTip(f"{label}：{value}\n{note}")

    def _charts(self, result: report_data.StatisticsResult) -> None:
        months = [p for p, _f in result.trend]
        labels = [f"{p.start.month}月" if p.start.month != 1 else f"{p.start.year % 100:02d}年1月" for p in months]
        figures = [f for _p, f in result.trend]
        series = [Series(label, tuple(float(f[f"category.{key}"]) for f in figures), PALETTE[i % len(PALETTE)])
                  for i, (key, label) in enumerate(codes.CLAIM_CATEGORY_SHORT.items())]
        self.ui.categoryChart.set_bars(self.tr("近12个月收到申请（按争议类别）"), labels, series, stacked=True,
                                       unit=self.tr("件"), fmt=lambda v: f"{v:.0f}", integer=True)
        # A month without a decided case has no rate (None): no point there, not 0 %.
        rates = tuple(float(r * 100) if (r := f.success_rate(result.denominator)) is not None else None
                      for f in figures)
        self.ui.rateChart.set_line(self.tr("调解成功率趋势"), labels,
                                   [Series(self.tr("调解成功率"), rates, "#2e7d32")],
                                   fmt=lambda v: f"{v:.0f}%", top=100)
        agreed = tuple(float(f["agreed_cents"]) for f in figures)
        paid = tuple(float(f["paid_cents"]) for f in figures)
        small = max(agreed + paid, default=0) < 1_000_000  # under 1 万元: whole 元 read better than 0.0 万元
        self.ui.moneyChart.set_bars(self.tr("协议金额与实际履行金额"), labels, [
            Series(self.tr("协议金额"), agreed, "#3A6591"), Series(self.tr("实际履行"), paid, "#E07B39")],
            unit=self.tr("元") if small else self.tr("万元"), fmt=_yuan if small else _wan, integer=small)

    # ---------------------------------------------------------------- export

    def _export_rights(self, _index: int = 0) -> None:
        kind = self.ui.exportKind.currentData()
        can = self.workspace.can("pii.unmask") and kind not in export.STATISTICS_KINDS
        self.ui.unmask.setEnabled(can)
        if not can:
            self.ui.unmask.setChecked(False)

    def export_kind(self) -> str:
        """The workbook the export box will write (统计报表 follows the picker's period kind)."""
        kind = self.ui.exportKind.currentData()
        if kind == "monthly":
            return {"month": "monthly", "quarter": "quarterly", "year": "annual"}.get(
                self.ui.periodKind.currentData(), "monthly")
        return kind

    def _save_dialog(self, title: str, name: str, slot) -> None:  # noqa: ANN001
        dialog = QFileDialog(self, title, str(Path.home() / name), self.tr("Excel 工作簿 (*.xlsx)"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("xlsx")
        dialog.fileSelected.connect(lambda path: slot(Path(path)))
        self.dialog = dialog
        dialog.open()

    def choose_export(self) -> None:
        """Ask where to save, then export."""
        kind = self.export_kind()
        try:
            period = self.period()
        except HexieError as error:
            messages.show_error(self, error)
            return
        stamp = period.code.replace("..", "至") if kind in export.STATISTICS_KINDS else self.workspace.ctx.today
        self._save_dialog(self.tr("导出 Excel"), f"{export.KINDS[kind]}_{stamp}.xlsx", self.export_to)

    def export_to(self, path: Path) -> ops.Task | None:
        """Write the chosen workbook to ``path`` off the GUI thread, with a progress dialog."""
        kind = self.export_kind()
        try:
            period = self.period() if kind in export.STATISTICS_KINDS else None
            total = export.count_rows(self.workspace.ctx, kind)
        except HexieError as error:
            messages.show_error(self, error)
            return None
        self.ui.statusLabel.setText(self.tr("正在导出 {title}……").format(title=export.KINDS[kind]))
        # A write: the export is logged (and audited when unmasked); nothing on screen changes.
        self.task = write_op.write(self, self.workspace, export.export, self.workspace.ctx, kind, Path(path),
                                   period=period, unmask=self.ui.unmask.isChecked(), changes=NOTHING,
                                   on_done=self._exported, on_error=self._failed, busy=(self.ui.exportButton,),
                                   progress_title=self.tr("正在导出 Excel"), progress_total=max(total, 1))
        return self.task

    def _exported(self, result: export.ExportResult) -> None:
        self.last_export = result
        text = self.tr("已导出：{path}（{title}，{rows}行{extra}）").format(
            path=result.path, title=result.title, rows=result.rows,
            extra=self.tr("，含完整个人信息") if result.unmasked else "")
        self.ui.statusLabel.setText(text)
        style.set_role(self.ui.statusLabel, "ok")

    def _failed(self, error: BaseException) -> None:
        self.ui.statusLabel.setText(messages.describe(error))
        style.set_role(self.ui.statusLabel, "error")
        messages.show_error(self, error)

    # ---------------------------------------------------------------- import

    def _import_rights(self, _index: int = 0) -> None:
        kind = self.ui.importKind.currentData()
        can = self.workspace.can("case.register" if kind == "cases" else "registry.edit")
        self.ui.importButton.setEnabled(can)

    def choose_template(self) -> None:
        """Ask where to save the import template."""
        kind = self.ui.importKind.currentData()
        self._save_dialog(self.tr("保存导入模板"), f"{imports.IMPORT_KINDS[kind]}导入模板.xlsx", self.template_to)

    def template_to(self, path: Path) -> ops.Task:
        """Write the import template of the chosen kind to ``path``."""
        kind = self.ui.importKind.currentData()
        self.task = ops.run(self, export.template, self.workspace.ctx, kind, Path(path),
                            on_done=lambda out: self.ui.statusLabel.setText(self.tr("已保存导入模板：{path}").format(
                                path=out)), on_error=self._failed)
        return self.task

    def choose_import(self) -> None:
        """Ask for the file to import."""
        dialog = QFileDialog(self, self.tr("选择要导入的 Excel 文件"), str(Path.home()),
                             self.tr("Excel 工作簿 (*.xlsx)"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(lambda path: self.import_from(Path(path)))
        self.dialog = dialog
        dialog.open()

    def import_from(self, path: Path) -> ops.Task | None:
        """Import ``path`` as the chosen kind; the report workbook is written beside it."""
        kind = self.ui.importKind.currentData()
        report = Path(path).with_name(Path(path).stem + self.tr("_导入报告") + ".xlsx")
        self.ui.statusLabel.setText(self.tr("正在导入……"))
        self.task = write_op.write(self, self.workspace, export.import_file, self.workspace.ctx, kind, Path(path),
                                   valid_only=self.ui.validOnly.isChecked(), report=report,
                                   changes=lambda outcome: import_changes(kind, outcome.result),
                                   on_done=self._imported, on_error=self._failed, busy=(self.ui.importButton,),
                                   progress_title=self.tr("正在导入 Excel"), progress_total=0)
        return self.task

    def _imported(self, outcome: Any) -> None:
        self.last_import = outcome
        result = outcome.result
        text = result.summary() + "\n" + self.tr("导入报告：{path}").format(path=outcome.report)
        self.ui.statusLabel.setText(text)
        style.set_role(self.ui.statusLabel, "ok" if result.committed and not result.invalid_rows else "warning")
        messages.show_info(self, self.tr("导入完成") if result.committed else self.tr("未导入"), text)
