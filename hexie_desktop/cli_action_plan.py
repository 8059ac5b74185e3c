"""``hexie warnings …``: the action plan's commands (监测预警), registered into the main parser.

No business logic here: arguments in, a service call, lines or JSON out (cli.py's contract).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from hexie_desktop import cli_support
from hexie_desktop.core.errors import UserError
from hexie_desktop.core.i18n import _
from hexie_desktop.core.text import printable


def _pairs(items: list[str]) -> dict[str, int]:
    """``--set NAME=N`` options as a mapping (the service validates names and ranges)."""
    out: dict[str, int] = {}
    for pair in items:
        key, sep, value = pair.partition("=")
        try:
            if not sep:
                raise ValueError(pair)
            out[key.strip()] = int(value)
        except ValueError:
            raise UserError(_("请用 名称=整数 的形式：{p}").format(p=printable(pair)[:60]), field="--set") from None
    return out


def _line(lead: dict[str, Any]) -> str:
    due = lead["due_on"].isoformat() if lead["due_on"] else ""
    flag = _("（已超期）") if lead["overdue"] else ""
    return "\t".join(printable(str(v)) for v in (
        lead["short_id"], lead["level_label"], lead["status_label"], lead["rule_label"], lead["title"],
        lead["owner"] or _("未指派"), due + flag))


def cmd_warnings(args: argparse.Namespace) -> int:
    """scan / list / show / handle / thresholds."""
    from hexie_desktop.services import settings, warnings

    _station, ctx = cli_support.login(args)
    command = args.warnings_command
    if command == "scan":
        result = warnings.scan(ctx)
        if args.as_json:
            cli_support.print_json(result.__dict__)
        else:
            print(_("扫描完成：新线索{r}条，情况变化{u}条，未变{n}条；待处理线索共{o}条").format(
                r=result.raised, u=result.updated, n=result.unchanged, o=result.open_total))
        return cli_support.EXIT_OK
    if command == "list":
        rows = warnings.list_leads(ctx, status=args.status, level=args.level)
        if args.as_json:
            cli_support.print_json({"count": len(rows), "leads": rows})
        else:
            for row in rows:
                print(_line(row))
            print(_("共{n}条").format(n=len(rows)))
        return cli_support.EXIT_OK
    if command == "show":
        lead = warnings.show(ctx, args.lead)
        if args.as_json:
            cli_support.print_json(lead)
        else:
            print(_line(lead))
            print(printable(lead["detail"] or ""))
            for record in lead["actions"]:
                print("\t".join(printable(str(v or "")) for v in (
                    record["on_date"].isoformat(), record["actor"], record["action_label"], record["owner"],
                    record["note"])))
        return cli_support.EXIT_OK
    if command == "handle":
        lead = warnings.handle(ctx, args.lead, args.action, note=args.note, owner=args.owner)
        if args.as_json:
            cli_support.print_json(lead)
        else:
            print(_("已处理：{line}").format(line=_line(lead)))
        return cli_support.EXIT_OK
    # thresholds
    if args.set:
        settings.update(ctx, {"warnings.thresholds": {**warnings.read_thresholds(ctx), **_pairs(args.set)}})
    current = warnings.read_thresholds(ctx)
    if args.as_json:
        cli_support.print_json(current)
    else:
        from hexie_desktop.core.warnings import LABELS

        for key, value in current.items():
            print(f"{key}\t{value}\t{LABELS[key]}")
    return cli_support.EXIT_OK


def _grade_line(row: dict[str, Any]) -> str:
    override = _("（人工调整：{r}）").format(r=row["override_reason"]) if row["override"] else ""
    report = ""
    if row["major_collective"]:
        report = (_("已于{d}报告").format(d=row["reported_on"].isoformat()) if row["reported_on"] else
                  _("应于{d}前报告").format(d=row["report_due"].isoformat())
                  + (_("（已超期）") if row["report_overdue"] else ""))
    return "\t".join(printable(str(v)) for v in (
        row["number"], row["grade_label"] + override, row["state_label"], "；".join(row["reasons"]), report))


def cmd_grading(args: argparse.Namespace) -> int:
    """list / show / set / reported / due."""
    from hexie_desktop.services import grading

    _station, ctx = cli_support.login(args)
    command = args.grading_command
    if command == "list":
        rows = grading.list_grades(ctx, grade=args.grade, open_only=args.open)
    elif command == "due":
        rows = grading.major_due(ctx)
    elif command == "show":
        rows = [grading.case_grade(ctx, args.number)]
    elif command == "set":
        rows = [grading.set_grade(ctx, args.number, args.grade, args.reason)]
    else:
        rows = [grading.mark_reported(ctx, args.number, args.on)]
    if args.as_json:
        cli_support.print_json({"count": len(rows), "cases": rows})
    else:
        for row in rows:
            print(_grade_line(row))
        if command in ("list", "due"):
            print(_("共{n}件").format(n=len(rows)))
    return cli_support.EXIT_OK


def cmd_plan(args: argparse.Namespace) -> int:
    """targets / progress."""
    from hexie_desktop.core import plan as rules
    from hexie_desktop.core.stats import parse_period
    from hexie_desktop.services import plan

    _station, ctx = cli_support.login(args)
    if args.plan_command == "targets":
        if args.set:
            values = plan.set_targets(ctx, args.year, _pairs(args.set))
        else:
            values = plan.targets(ctx, args.year)
        if args.as_json:
            cli_support.print_json(values)
        else:
            for code, value in values.items():
                indicator = rules.BY_CODE[code]
                print(f"{code}\t{value}{indicator.unit}\t{indicator.label}")
        return cli_support.EXIT_OK
    period = parse_period(args.period)
    if args.out:
        from hexie_desktop.services import report_export

        result = report_export.plan_progress(ctx, period, Path(args.out))
    else:
        result = plan.progress(ctx, period)
    if args.as_json:
        cli_support.print_json({"period": period.code, "period_label": period.label,
                         "rows": [r.as_dict() for r in result.rows]})
    else:
        print(_("{unit} {label}计划目标完成情况").format(unit=result.meta.unit_name, label=period.label))
        for row in result.rows:
            indicator = rules.BY_CODE[row.code]
            ytd = (_("；本年累计{v}").format(v=rules.actual_text(indicator, row.year_to_date))
                   if row.year_to_date is not None else "")
            print(f"{row.label}\t{_('目标')}{row.target}{row.unit}\t{_('完成')}"
                  f"{rules.actual_text(indicator, row.actual)}{ytd}\t{rules.percent_text(row.completion)}")
        if args.out:
            print(_("已导出：{path}").format(path=args.out))
    return cli_support.EXIT_OK


def register(sub: argparse._SubParsersAction) -> None:
    """Add ``warnings`` and ``grading`` with their subcommands to the ``hexie`` parser."""
    from hexie_desktop.core import grading as grading_rules
    from hexie_desktop.core import warnings as rules

    plan_parser = sub.add_parser("plan", help=_("三年行动计划：年度目标与完成进度"))
    plan_sub = plan_parser.add_subparsers(dest="plan_command", metavar="SUBCOMMAND", required=True)
    p = plan_sub.add_parser("targets", help=_("查看或设置某年度的目标（--set 指标=数值，可多次）"))
    p.add_argument("year")
    p.add_argument("--set", action="append", metavar="CODE=VALUE")
    p = plan_sub.add_parser("progress", help=_("某期间的目标完成情况（2026、2026-Q3、2026-10）；--out 导出 Excel"))
    p.add_argument("period")
    p.add_argument("--out", metavar="FILE.xlsx")
    for parser in plan_sub.choices.values():
        parser.add_argument("--json", dest="as_json", action="store_true")
        parser.set_defaults(func=cmd_plan)
    from hexie_desktop import cli_selection

    cli_selection.register(sub, plan_sub)
    grading = sub.add_parser("grading", help=_("繁简分流：案件分级、人工调整、重大集体争议报告"))
    grading_sub = grading.add_subparsers(dest="grading_command", metavar="SUBCOMMAND", required=True)
    p = grading_sub.add_parser("list", help=_("列出案件分级"))
    p.add_argument("--grade", choices=list(grading_rules.GRADES))
    p.add_argument("--open", action="store_true", help=_("只列办理中的案件"))
    p = grading_sub.add_parser("due", help=_("待报告的重大集体劳动争议及报告时限"))
    p = grading_sub.add_parser("show", help=_("查看一件案件的分级及依据"))
    p.add_argument("number")
    p = grading_sub.add_parser("set", help=_("人工调整分级（须说明理由；auto 恢复按规则分级）"))
    p.add_argument("number")
    p.add_argument("grade", choices=[*grading_rules.GRADES, "auto"])
    p.add_argument("--reason")
    p = grading_sub.add_parser("reported", help=_("登记重大集体劳动争议已向三方报告的日期"))
    p.add_argument("number")
    p.add_argument("--on", required=True, help=_("报告日期 YYYY-MM-DD"))
    for parser in grading_sub.choices.values():
        parser.add_argument("--json", dest="as_json", action="store_true")
        parser.set_defaults(func=cmd_grading)

    group = sub.add_parser("warnings", help=_("监测预警：扫描生成线索、列出、处理、阈值"))
    group_sub = group.add_subparsers(dest="warnings_command", metavar="SUBCOMMAND", required=True)
    p = group_sub.add_parser("scan", help=_("按预警规则扫描本站数据，生成或更新线索"))
    p.add_argument("--json", dest="as_json", action="store_true")
    p = group_sub.add_parser("list", help=_("列出线索（默认待处理和跟进中）"))
    p.add_argument("--status", default="open", choices=["open", "all", *rules.STATUSES])
    p.add_argument("--level", choices=list(rules.LEVELS))
    p.add_argument("--json", dest="as_json", action="store_true")
    p = group_sub.add_parser("show", help=_("查看线索及跟进记录"))
    p.add_argument("lead", help=_("线索编号（列表中的前8位即可）"))
    p.add_argument("--json", dest="as_json", action="store_true")
    p = group_sub.add_parser("handle", help=_("处理线索：指派、跟进、化解办结、排除、重新打开"))
    p.add_argument("lead", help=_("线索编号（列表中的前8位即可）"))
    p.add_argument("action", choices=list(rules.HANDLING))
    p.add_argument("--owner", help=_("负责人"))
    p.add_argument("--note", help=_("处理情况"))
    p.add_argument("--json", dest="as_json", action="store_true")
    p = group_sub.add_parser("thresholds", help=_("查看或设置预警阈值（--set 名称=数值，可多次）"))
    p.add_argument("--set", action="append", metavar="NAME=VALUE")
    p.add_argument("--json", dest="as_json", action="store_true")
    for parser in group_sub.choices.values():
        parser.set_defaults(func=cmd_warnings)
