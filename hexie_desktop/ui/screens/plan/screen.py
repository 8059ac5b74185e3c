"""The 计划进度 screen: choose a year and a period (全年 / a quarter), read each indicator's
target, figure, year to date and completion; set the year's targets; export the Excel table."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFileDialog, QWidget

from hexie_desktop.core import plan as rules
from hexie_desktop.core import stats
from hexie_desktop.core.errors import HexieError
from hexie_desktop.services import plan, plan_printing, report_export
from hexie_desktop.ui import messages, ops, style
from hexie_desktop.ui.forms.plan import Ui_PlanScreen
from hexie_desktop.ui.lazy import RefreshWhenShown
from hexie_desktop.ui.models.records import RecordTableModel
from hexie_desktop.ui.widgets.form_dialog import FormDialog
from hexie_desktop.ui.widgets.formbuilder import Field
from hexie_desktop.ui.workspace import Workspace


class PlanScreen(RefreshWhenShown):
    """Shows :func:`services.plan.progress` for the chosen period."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.dialog: FormDialog | None = None
        self.result: plan.PlanProgress | None = None
        self.ui = Ui_PlanScreen()
        self.ui.setupUi(self)
        ui = self.ui
        style.set_role(ui.titleLabel, "title")
        style.set_role(ui.periodLabel, "hint")
        ui.yearSpin.setRange(*rules.YEARS)
        ui.yearSpin.setValue(workspace.ctx.today.year)
        ui.periodCombo.addItem(self.tr("全年"), 0)
        for q, name in enumerate(("一", "二", "三", "四"), start=1):
            ui.periodCombo.addItem(self.tr("第{q}季度").format(q=name), q)
        self.model = RecordTableModel(
            [("label", self.tr("指标")), ("unit", self.tr("单位")), ("target", self.tr("年度目标")),
             ("actual_text", self.tr("本期完成")), ("ytd_text", self.tr("本年累计")),
             ("completion_text", self.tr("完成进度")), ("basis", self.tr("统计口径"))],
            id_key="code", right_aligned=(2, 3, 4, 5), parent=self)
        ui.table.setModel(self.model)
        for column, width in enumerate((170, 50, 80, 80, 80, 80)):
            ui.table.setColumnWidth(column, width)
        ui.targetsButton.setEnabled(workspace.can("settings.edit"))
        ui.yearSpin.valueChanged.connect(self.refresh)
        ui.periodCombo.currentIndexChanged.connect(self.refresh)
        ui.targetsButton.clicked.connect(self.edit_targets)
        ui.exportButton.clicked.connect(lambda: self.export())
        ui.reportButton.clicked.connect(lambda: self.report())
        workspace.cases_changed.connect(self._mark_stale)

    def period(self) -> stats.Period:
        """The chosen year or quarter."""
        quarter = self.ui.periodCombo.currentData()
        year = self.ui.yearSpin.value()
        return stats.quarter(year, quarter) if quarter else stats.year(year)

    def refresh(self) -> None:
        """Compute the progress of the chosen period."""
        self._stale = False
        period = self.period()
        try:
            self.result = plan.progress(self.workspace.ctx, period)
        except HexieError as exc:
            messages.show_error(self, exc)
            return
        rows = []
        for row in self.result.rows:
            indicator = rules.BY_CODE[row.code]
            rows.append({"code": row.code, "label": row.label, "unit": row.unit, "target": row.target,
                         "actual_text": rules.actual_text(indicator, row.actual),
                         "ytd_text": rules.actual_text(indicator, row.year_to_date) if row.year_to_date is not None
                         else "", "completion_text": rules.percent_text(row.completion), "basis": row.basis})
        self.model.set_records(rows)
        self.ui.periodLabel.setText(self.tr("{label}（{range}）；季度按本年累计对照年度目标").format(
            label=period.label, range=period.range_text))

    def edit_targets(self) -> FormDialog:
        """Set the targets of the chosen year."""
        year = self.ui.yearSpin.value()
        current = plan.targets(self.workspace.ctx, year)
        fields = [Field(i.code, f"{i.label}（{i.unit}）", "int", True) for i in rules.INDICATORS]

        def submit(values: dict[str, Any]) -> Any:
            return plan.set_targets(self.workspace.ctx, year, values)

        dialog = FormDialog(self.tr("{y}年度目标").format(y=year), self.tr("默认值取自区三年行动计划；比率类以百分数计。"),
                            fields, submit, self)
        dialog.builder.set_values(current)
        dialog.accepted.connect(self.refresh)
        self.dialog = dialog
        dialog.open()
        return dialog

    def export(self, path: Path | None = None) -> Path | None:
        """Write the Excel table (asks where unless ``path`` is given)."""
        if path is None:
            name, _filter = QFileDialog.getSaveFileName(self, self.tr("导出计划进度"),
                                                        f"计划进度-{self.period().code}.xlsx", "Excel (*.xlsx)")
            if not name:
                return None
            path = Path(name)
        try:
            report_export.plan_progress(self.workspace.ctx, self.period(), path)
        except HexieError as exc:
            messages.show_error(self, exc)
            return None
        return path

    def report(self, path: Path | None = None) -> ops.Task | None:
        """Write the 工作情况 report of the chosen quarter or year: the workbook at ``path`` (asks where
        unless given) and the printed summary beside it with the same name (.pdf).

        Counting a year of a district takes a while: the work runs off the GUI thread behind a
        progress box; the line under the period says what was written (or the error is shown)."""
        period = self.period()
        if path is None:
            name, _filter = QFileDialog.getSaveFileName(self, self.tr("工作情况报告"),
                                                        f"工作情况-{period.code}.xlsx", "Excel (*.xlsx)")
            if not name:
                return None
            path = Path(name)
        pdf = path.with_suffix(".pdf")
        ctx = self.workspace.ctx

        def write(progress: Any = None) -> tuple[Path, Path]:
            report_export.plan_report(ctx, period, path)
            plan_printing.print_summary(ctx, period, pdf)
            return path, pdf

        def written(paths: tuple[Path, Path]) -> None:
            self.ui.periodLabel.setText(self.tr("已生成工作情况报告：{x}，{p}").format(x=paths[0].name, p=paths[1].name))

        self.ui.reportButton.setEnabled(False)
        task = ops.run(self, write, on_done=written, on_error=lambda exc: messages.show_error(self, exc),
                       progress_title=self.tr("正在生成工作情况报告……"))
        task.finished.connect(lambda _r: self.ui.reportButton.setEnabled(True))
        task.failed.connect(lambda _e: self.ui.reportButton.setEnabled(True))
        return task
