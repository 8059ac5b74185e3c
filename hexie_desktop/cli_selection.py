"""``hexie selection …`` (选树) and ``hexie plan report`` (工作情况 report upward), registered into the
main parser by ``cli_action_plan.register``.

No business logic here: arguments in, a service call, lines or JSON out (cli.py's contract).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from hexie_desktop import cli_support
from hexie_desktop.core.i18n import _
from hexie_desktop.core.text import printable


def _line(row: dict[str, Any]) -> str:
    checked = f"{row.get('met', 0)}/{row.get('criteria') or len(row.get('checks', []))}"
    decided = row["decided_on"].isoformat() if row.get("decided_on") else ""
    return "\t".join(printable(str(v)) for v in (
        row["short_id"], row["year"], row["kind_label"], row["subject_name"], row["status_label"],
        _("符合{c}").format(c=checked), decided))


def _show(row: dict[str, Any]) -> None:
    print(_line(row))
    for item in row.get("checks", []):
        print("\t".join(printable(str(v or "")) for v in (
            item["code"], item["result_label"], item["text"], item["source"], item["note"])))
    for fact in row.get("facts", []):
        print(printable(_("台账情况：") + fact))


def cmd_selection(args: argparse.Namespace) -> int:
    """kinds / nominate / check / review / decide / withdraw / list / show / publish."""
    from hexie_desktop.core import selection as rules
    from hexie_desktop.services import selection

    command = args.selection_command
    if command == "kinds":
        kinds = [{"code": k.code, "label": k.label, "subject": k.subject, "yearly_cap": k.yearly_cap,
                  "criteria": [c.__dict__ for c in k.criteria]} for k in rules.KINDS.values()]
        if args.as_json:
            cli_support.print_json(kinds)
        else:
            for kind in kinds:
                print(f"{kind['code']}\t{kind['label']}\t{rules.SUBJECTS[kind['subject']]}")
                for criterion in kind["criteria"]:
                    print(f"  {criterion['code']}\t{criterion['text']}\t{criterion['source']}")
        return cli_support.EXIT_OK
    _station, ctx = cli_support.login(args)
    if command == "publish":
        from hexie_desktop.services import plan_printing

        pages = plan_printing.print_publication(ctx, args.year, Path(args.out), args.kind)
        if args.as_json:
            cli_support.print_json({"out": args.out, "pages": pages})
        else:
            print(_("已打印选树结果名单：{p}（{n}页）").format(p=args.out, n=pages))
        return cli_support.EXIT_OK
    if command == "list":
        rows = selection.list_selections(ctx, kind=args.kind, year=args.year, status=args.status)
        if args.as_json:
            cli_support.print_json({"count": len(rows), "selections": rows})
        else:
            for row in rows:
                print(_line(row))
            print(_("共{n}条").format(n=len(rows)))
        return cli_support.EXIT_OK
    if command == "nominate":
        row = selection.nominate(ctx, args.kind, args.subject, args.year, args.reason, nominated_on=args.on)
    elif command == "check":
        row = selection.check(ctx, args.selection, args.code, args.result, args.note)
    elif command == "review":
        row = selection.review(ctx, args.selection, args.note)
    elif command == "decide":
        row = selection.decide(ctx, args.selection, args.decision == "selected", decided_on=args.on, note=args.note)
    elif command == "withdraw":
        row = selection.withdraw(ctx, args.selection, args.note)
    else:
        row = selection.show(ctx, args.selection)
    if args.as_json:
        cli_support.print_json(row)
    else:
        _show(row)
    return cli_support.EXIT_OK


def cmd_plan_report(args: argparse.Namespace) -> int:
    """``plan report --period P [--xlsx F] [--pdf F]``: the 工作情况 report upward."""
    from hexie_desktop.core import plan as rules
    from hexie_desktop.services import plan_upward

    _station, ctx = cli_support.login(args)
    period = rules.report_period(args.period)
    if args.xlsx:
        from hexie_desktop.services import report_export

        report = report_export.plan_report(ctx, period, Path(args.xlsx))
    if args.pdf:
        from hexie_desktop.services import plan_printing

        report = plan_printing.print_summary(ctx, period, Path(args.pdf))
    if not args.xlsx and not args.pdf:
        report = plan_upward.build(ctx, period)
    if args.as_json:
        cli_support.print_json(report.as_dict())
        return cli_support.EXIT_OK
    print(_("{unit} {label}工作情况").format(unit=report.meta.unit_name, label=period.label))
    names = list(report.origins.values())
    if names:
        print("\t".join([_("项目"), _("合计"), *names]))
    for section in report.sections:
        print(section.title)
        for line in section.lines:
            cells = [plan_upward.number_text(line.total, line.kind)]
            cells += [plan_upward.number_text(line.by_origin.get(code), line.kind) for code in report.origins]
            print("\t".join([f"{line.label}（{line.unit}）", *cells]))
    for path in (args.xlsx, args.pdf):
        if path:
            print(_("已导出：{path}").format(path=path))
    return cli_support.EXIT_OK


def register(sub: argparse._SubParsersAction, plan_sub: argparse._SubParsersAction) -> None:
    """Add ``selection`` and ``plan report``."""
    from hexie_desktop.core import selection as rules

    p = plan_sub.add_parser("report", help=_("向市/省协调劳动关系三方报送的季度、年度工作情况（--xlsx 表格，--pdf 书面报告）"))
    p.add_argument("--period", required=True, help=_("2026Q3 或 2026"))
    p.add_argument("--xlsx", metavar="FILE.xlsx")
    p.add_argument("--pdf", metavar="FILE.pdf")
    p.add_argument("--json", dest="as_json", action="store_true")
    p.set_defaults(func=cmd_plan_report)

    group = sub.add_parser("selection", help=_("选树：金牌协调员、金牌社会组织、金牌/示范调解组织、优秀调解员、十佳调解案例"))
    group_sub = group.add_subparsers(dest="selection_command", metavar="SUBCOMMAND", required=True)
    group_sub.add_parser("kinds", help=_("列出选树类型及其条件（摘自行动计划）"))
    p = group_sub.add_parser("nominate", help=_("提名：名册中的记录（编号或名称）或案件（案号）"))
    p.add_argument("kind", choices=list(rules.KINDS))
    p.add_argument("subject", help=_("记录编号或名称；十佳调解案例为案号"))
    p.add_argument("--year", required=True)
    p.add_argument("--reason", help=_("推荐理由"))
    p.add_argument("--on", help=_("提名日期 YYYY-MM-DD（默认今天）"))
    p = group_sub.add_parser("check", help=_("核查一项条件：met 符合、not_met 不符合（须写明情况）、unchecked 未核查"))
    p.add_argument("selection", help=_("提名编号（列表中的前8位即可）"))
    p.add_argument("code", help=_("条件代码（见 selection show）"))
    p.add_argument("result", choices=list(rules.RESULTS))
    p.add_argument("--note", help=_("核查情况"))
    p = group_sub.add_parser("review", help=_("审核（各项条件须已核查）"))
    p.add_argument("selection")
    p.add_argument("--note")
    p = group_sub.add_parser("decide", help=_("决定：selected 选树、not_selected 不选树（须已审核）"))
    p.add_argument("selection")
    p.add_argument("decision", choices=["selected", "not_selected"])
    p.add_argument("--on", help=_("决定日期 YYYY-MM-DD（默认今天）"))
    p.add_argument("--note")
    p = group_sub.add_parser("withdraw", help=_("撤回尚未决定的提名"))
    p.add_argument("selection")
    p.add_argument("--note")
    p = group_sub.add_parser("list", help=_("列出提名"))
    p.add_argument("--kind", choices=list(rules.KINDS))
    p.add_argument("--year")
    p.add_argument("--status", choices=["open", *rules.STATUSES])
    p = group_sub.add_parser("show", help=_("查看提名、逐项条件及台账情况"))
    p.add_argument("selection")
    p = group_sub.add_parser("publish", help=_("打印某年度选树结果名单（PDF）"))
    p.add_argument("--year", required=True)
    p.add_argument("--kind", choices=list(rules.KINDS))
    p.add_argument("--out", required=True, metavar="FILE.pdf")
    for parser in group_sub.choices.values():
        parser.add_argument("--json", dest="as_json", action="store_true")
        parser.set_defaults(func=cmd_selection)
