"""The action plan's printed papers (issue 14): the 选树结果名单 (publication list of the exemplars
selected in a year) and the 工作情况 summary reported to the 市/省 协调劳动关系三方.

Both are laid out with the same document model and PDF backend as the case papers from plain
data (services/selection.publication, services/plan_upward.build) and written atomically;
``services/plan_printing.py`` gathers the data and audits the printing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hexie_desktop.core import plan as plan_rules
from hexie_desktop.core.errors import UserError
from hexie_desktop.core.i18n import _
from hexie_desktop.documents import formatting as fmt
from hexie_desktop.documents.fileio import write_atomic
from hexie_desktop.documents.fonts import default_fonts
from hexie_desktop.documents.model import Block, Document, Heading, Paragraph, Table, Title
from hexie_desktop.documents.pdf import render_pdf
from hexie_desktop.documents.templates import common


def publication_document(data: dict[str, Any]) -> Document:
    """The 选树结果名单 of one year: a table per kind (number, name, unit, date and body of the decision)."""
    year = data["year"]
    meta = data["meta"]
    title = _("{y}年度选树结果名单").format(y=year)
    blocks: list[Block] = [Title(title, subtitle=_("（劳动关系“和谐同行”能力提升三年行动计划）")),
                           Paragraph(_("经提名、逐项核查条件、审核和决定，以下对象选树为{y}年度先进典型，现予公布。").format(y=year))]
    numbers = "一二三四五六七八九十"
    shown = 0
    for code, label, rows in data["groups"]:
        if not rows and data["kind"] is None:
            continue
        blocks.append(Heading(_("{n}、{k}（{c}个）").format(n=numbers[shown % 10], k=label, c=len(rows))))
        shown += 1
        if not rows:
            blocks.append(Paragraph(_("本年度暂无。")))
            continue
        blocks.append(Table(
            header=[[_("序号"), _("名称"), _("推荐单位"), _("决定日期"), _("决定人")]],
            rows=[[str(i), r["subject_name"], r.get("origin_name") or "", fmt.cn_date(r["decided_on"], blank=""),
                   r["decided_by"] or ""] for i, r in enumerate(rows, start=1)],
            widths=[1, 5, 4, 3, 2], align=["center", "left", "left", "center", "center"]))
    if not shown:
        blocks.append(Paragraph(_("本年度暂无选树结果。")))
    blocks.append(Paragraph(_("公示期内如有异议，请向{unit}反映。").format(unit=meta.unit_name)))
    blocks += common.issuer_lines(meta.unit_name, meta.today)
    return Document("selection_list", title, blocks)


number_text = plan_rules.number_text


def _value(line: Any, value: Any) -> str:
    return number_text(value, line.kind)


def summary_document(report: Any) -> Document:
    """The printed 工作情况 summary: each part as a table (总计 and completion; townships below at a district).

    ``report`` is the plain data of ``services/plan_upward.UpwardReport`` (documents/ sit below the
    services and do not import them, not even for a type)."""
    meta = report.meta
    title = _("构建和谐劳动关系三年行动计划工作情况报告")
    blocks: list[Block] = [
        Title(title, subtitle=_("（{label}，{range}）").format(label=report.period.label,
                                                           range=report.period.range_text)),
        Paragraph(_("市（省）协调劳动关系三方办公室："), indent=False),
        Paragraph(_("现将{unit}{label}劳动关系“和谐同行”能力提升三年行动计划工作情况报告如下（数据由本系统按台账和案件统计）。").format(
            unit=meta.unit_name, label=report.period.label)),
    ]
    for section in report.sections:
        blocks.append(Heading(section.title))
        if section.code == "targets":
            blocks.append(Table(
                header=[[_("指标"), _("年度目标"), _("本期完成"), _("本年累计"), _("完成进度")]],
                rows=[[f"{ln.label}（{ln.unit}）", str(ln.target), _value(ln, ln.total),
                       _value(ln, ln.year_to_date) if ln.year_to_date is not None else "",
                       number_text(ln.completion, "rate")] for ln in section.lines],
                widths=[6, 2, 2, 2, 2], align=["left", "right", "right", "right", "right"], size=9))
        else:
            blocks.append(Table(
                header=[[_("项目"), _("单位"), _("本期合计")]],
                rows=[[ln.label, ln.unit, _value(ln, ln.total)] for ln in section.lines],
                widths=[8, 1.5, 2.5], align=["left", "center", "right"], size=9))
    if report.per_origin and report.origins:
        blocks.append(Heading(_("六、分乡镇（街道）主要指标")))
        keys = ["cases.received", "cases.closed.agreed", "cases.success_rate", "registers.coordinators",
                "gold_coordinators", "warnings.raised", "warnings.closed"]
        lines = [report.line(k) for k in keys]
        heads = [_("收到申请"), _("调解成功"), _("成功率"), _("协调员"), _("金牌协调员"), _("新线索"), _("化解")]
        rows = [[name, *(_value(ln, ln.by_origin.get(code)) for ln in lines)] for code, name in report.origins.items()]
        rows.append([_("合计"), *(_value(ln, ln.total) for ln in lines)])
        blocks.append(Table(header=[[_("单位"), *heads]], rows=rows, widths=[4, 1.5, 1.5, 1.5, 1.5, 1.6, 1.5, 1.3],
                            align=["left", *["right"] * len(heads)], size=8.5))
    blocks.append(Paragraph(_("特此报告。"), keep_with_next=True))
    blocks += common.issuer_lines(meta.unit_name, meta.today)
    return Document("plan_report", title, blocks)


def write(document: Document, out: Path, author: str) -> int:
    """Render ``document`` to ``out`` (.pdf, atomically); returns the page count."""
    if Path(out).suffix.lower() != ".pdf":
        raise UserError(_("请保存为 .pdf 文件"), field="out")
    output = render_pdf(document, default_fonts(), author=author, subject=document.title)
    write_atomic(out, output.data)
    return output.pages
