"""The one line of the action plan the 工作台 shows (issue 14: warnings and 重大集体争议 deadlines)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from hexie_desktop.core.errors import HexieError
from hexie_desktop.services import grading
from hexie_desktop.ui import messages
from hexie_desktop.ui.workspace import Workspace


def action_plan_text(workspace: Workspace) -> str:
    """``预警线索待处理N条（红色n条，超期m条）；重大集体劳动争议待报告k件（超期j件）`` — or the reason it failed."""
    try:
        line = grading.dashboard_line(workspace.ctx)
    except HexieError as exc:
        return messages.describe(exc)
    return QCoreApplication.translate("Dashboard", "预警线索待处理{n}条（红色{red}条，超过处理时限{late}条）；"
                                                   "重大集体劳动争议待报告{due}件（超期{due_late}件）—— 见“行动计划”").format(
        n=line["leads_total"], red=line["leads_red"], late=line["leads_overdue"], due=line["reports_due"],
        due_late=line["reports_late"])


def grade_text(workspace: Workspace, number: str) -> str:
    """``　繁简分流：一般（依据）`` for the case detail, with the 重大集体劳动争议 report deadline."""
    t = QCoreApplication.translate
    try:
        row = grading.case_grade(workspace.ctx, number)
    except HexieError:
        return ""
    text = t("CaseDetail", "\u3000繁简分流：{grade}（{why}）").format(
        grade=row["grade_label"], why=row["override_reason"] if row["override"] else "；".join(row["reasons"]))
    if row["major_collective"]:
        text += (t("CaseDetail", "；重大集体劳动争议已于{d}报告").format(d=row["reported_on"].isoformat())
                 if row["reported_on"] else
                 t("CaseDetail", "；重大集体劳动争议应于{d}前报告三方").format(d=row["report_due"].isoformat()))
    return text
