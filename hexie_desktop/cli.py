"""The ``hexie`` command line (contract in ARCHITECTURE.md and docs/CLI.md).

No business logic lives here: commands parse arguments, call services and print.  Errors
become one line on stderr with exit code 1; usage errors exit 2.  The GUI is imported only
when a window is to be opened, so headless commands never load PySide6.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from hexie_desktop import __version__
from hexie_desktop.cli_support import (  # noqa: F401 - the shared helpers, under the names this module uses
    EXIT_OK,
    EXIT_USAGE,
    EXIT_USER,
    JSON_MAX_BYTES,
    JSON_MAX_DEPTH,
    _data_dir,
    _Escaped,
    _json_default,
    _open,
    _password,
    _raw,
    _read_json,
    check_password_ahead,
    close_opened,
    hold_collector,
    quick_dashboard,
    settle_heap,
)
from hexie_desktop.cli_support import auto_backup as _auto_backup  # noqa: F401
from hexie_desktop.cli_support import login as _login
from hexie_desktop.cli_support import print_json as _print_json
from hexie_desktop.core import ledgers, paper_types
from hexie_desktop.core.errors import UserError
from hexie_desktop.core.i18n import _
from hexie_desktop.core.text import printable
from hexie_desktop.paths import StationPaths, default_data_dir, demo_data_dir

if TYPE_CHECKING:  # the services load when a command runs (a quick --help)
    from hexie_desktop.services.context import Context
    from hexie_desktop.services.station import Station

# ---------------------------------------------------------------- commands


def cmd_init(args: argparse.Namespace) -> int:
    from hexie_desktop.services.station import init_station

    password = _password(_("管理员 {user} 的密码：").format(user=args.admin))
    passphrase = _key_passphrase(optional=True) if args.role == "district" else None
    station = init_station(
        data_dir=_data_dir(args), db_url=args.db_url, role=args.role, unit_code=args.unit_code,
        unit_name=args.unit_name, short_name=args.short_name, admin=args.admin, password=password,
        key_passphrase=passphrase, first_mediator=args.mediator, admin_is_mediator=args.admin_is_mediator,
    )
    where = station.paths.root if station.paths else args.db_url
    print(_("已创建{role}站点：{name}（{code}），数据位置：{where}").format(
        role=_("乡镇") if args.role == "township" else _("区级"), name=station.info.unit_name,
        code=station.info.unit_code, where=where))
    if not args.mediator and args.role == "township":
        print(_("提示：调解员名册中还没有调解员，受理案件前请添加（hexie registry add mediators --json 文件）"))
    if args.role == "district" and passphrase is None:
        print(_("区级交换密钥将在首次使用时创建（届时需要区级密钥口令 HEXIE_KEY_PASSPHRASE）"))
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    from hexie_desktop.services.demo import generate

    station, ctx = _login(args)
    report = generate(ctx, cases=args.cases, seed=args.seed, progress=_progress_printer(args.cases))
    print(_("已生成演示数据：{cases}件案件，{employers}家用人单位，{registry}条名册/台账记录，用时{secs:.1f}秒").format(
        cases=report.cases, employers=report.employers, registry=report.registry_rows, secs=report.seconds))
    return EXIT_OK


def _progress_printer(total: int) -> Callable[[int], None]:
    def show(done: int) -> None:
        if sys.stderr.isatty():
            _raw(sys.stderr).write(f"\r{done}/{total}")
            if done >= total:
                _raw(sys.stderr).write("\n")
    return show


def cmd_case_add(args: argparse.Namespace) -> int:
    from hexie_desktop.services import cases

    payload = _read_json(args.json)
    _station, ctx = _login(args)
    created = cases.register(ctx, payload)
    if args.as_json:
        _print_json({"created": [{"id": c.id, "number": c.number, "warnings": list(c.warnings)} for c in created]})
    else:
        for c in created:
            print(_("已登记：{number}").format(number=c.number))
            for warning in c.warnings:
                print(_("  提示：{w}").format(w=warning))
    return EXIT_OK


def cmd_case_list(args: argparse.Namespace) -> int:
    from hexie_desktop.core.fields import day
    from hexie_desktop.services import cases

    _station, ctx = _login(args)
    flt = cases.CaseFilter(
        state=args.state, search=args.search, category=args.category,
        received_from=day(args.received_from, "--from"), received_to=day(args.received_to, "--to"),
        collective=True if args.collective else None,
    )
    rows = cases.list_cases(ctx, flt, limit=args.limit)
    if args.as_json:
        _print_json({"count": len(rows), "cases": [
            {"number": r.number, "state": r.state, "state_label": r.state_label, "received_on": r.received_on,
             "applicants": r.applicants, "workers": r.workers, "respondent": r.respondent, "category": r.category,
             "category_label": r.category_label, "claimed": r.claimed, "mediator": r.mediator,
             "collective": r.collective, "id_number": r.id_number_masked, "phone": r.phone_masked}
            for r in rows]})
    else:
        for r in rows:
            print(f"{r.number}\t{r.state_label}\t{r.received_on}\t{r.applicants}\t{r.respondent}\t"
                  f"{r.category_label}\t{r.claimed}")
        print(_("共{n}件").format(n=len(rows)))
    return EXIT_OK


def cmd_dashboard(args: argparse.Namespace) -> int:
    board = quick_dashboard(args)  # the everyday case without SQLAlchemy; None: anything else, the full path
    if board is None:
        from hexie_desktop.services import dashboard

        _station, ctx = _login(args)
        board = dashboard.dashboard(ctx, mine=args.mine)
    if args.as_json:
        _print_json({"count": len(board.items), "items": [i.as_dict() for i in board.items],
                     "month_counts": board.month_counts, "notices": list(board.notices)})
    else:
        for i in board.items:
            print(f"{i.status}\t{i.due}\t{i.label}\t{i.number}\t{i.applicants}\t{i.mediator or ''}")
        print(_("共{n}项待办").format(n=len(board.items)))
        for notice in board.notices:
            print(_("提示：{text}").format(text=notice))
    return EXIT_OK


def cmd_case_show(args: argparse.Namespace) -> int:
    from hexie_desktop.core.case_view import to_json
    from hexie_desktop.services import case_queries

    _station, ctx = _login(args)
    view = case_queries.view(ctx, args.number, unmask=args.unmask)
    if args.as_json:
        _print_json(to_json(view))
        return EXIT_OK
    print(f"{view.number}  {view.state_label}")
    print(_("收到申请：{d}  来源：{s}  类别：{c}").format(d=view.received_on, s=view.source_label,
                                                    c=view.main_category_label))
    for p in view.applicants:
        print(_("申请人：{name}  {id}  {phone}").format(name=p.name, id=p.id_number or "",
                                                   phone=p.phone or ""))
    print(_("被申请人：{name}  {code}").format(name=view.respondent.name,
                                          code=view.respondent.credit_code or ""))
    for c in view.claims:
        print(_("请求：{label}  {amount}元").format(label=c.category_label, amount=c.amount))
    for d in view.deadlines:
        print(_("期限：{label} {due}（{basis}）").format(label=d.label, due=d.due, basis=d.basis))
    for w in view.calendar_warnings:
        print(_("提示：{w}").format(w=w))
    for e in view.events:
        print(f"  {e.on}  {e.action}  {e.to_state}  {e.actor}  {e.note or ''}")
    return EXIT_OK


def cmd_case_act(args: argparse.Namespace) -> int:
    from hexie_desktop.services import case_actions

    data = _read_json(args.json) if args.json else {}
    _station, ctx = _login(args)
    result = case_actions.apply(ctx, args.number, args.action, data)
    if args.as_json:
        _print_json(asdict(result))
    else:
        print(_("{number}：{action}完成，状态：{state}").format(
            number=result.number, action=result.action, state=result.state))
    return EXIT_OK


def cmd_registry_add(args: argparse.Namespace) -> int:
    from hexie_desktop.services import registries

    data = _read_json(args.json)
    _station, ctx = _login(args)
    row = registries.save_record(ctx, args.kind, data, args.id)
    if args.as_json:
        _print_json({"id": row.get("id")})
    else:
        print(_("已保存：{kind} {id}").format(kind=registries.KIND_LABELS.get(args.kind, args.kind), id=row.get("id")))
    return EXIT_OK


def cmd_registry_list(args: argparse.Namespace) -> int:
    from hexie_desktop.services import registries

    _station, ctx = _login(args)
    rows = registries.list_records(ctx, args.kind, args.search, limit=args.limit)
    if args.as_json:
        _print_json(rows)
    else:
        for row in rows:
            print(f"{row['id']}\t{printable(str(row.get('display_name') or ''))}")
        print(_("共{n}条").format(n=len(rows)))
    return EXIT_OK


def cmd_settings(args: argparse.Namespace) -> int:
    from hexie_desktop.services import settings

    changes = _read_json(args.json) if args.settings_command == "set" else None
    _station, ctx = _login(args)
    values = settings.update(ctx, changes) if changes is not None else settings.read_all(ctx)
    _print_json(values)
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    from hexie_desktop.services.backups import StationUnusable
    from hexie_desktop.services.maintenance import check
    from hexie_desktop.services.station import check_before_opening

    if not args.db_url:
        try:
            check_before_opening(_station_paths(args))  # read-only: a damaged file is reported, not touched
        except StationUnusable as exc:
            print(_("启动检查：{s}").format(s=exc.health.sentence()))
            raise
    station, ctx = _login(args)
    report = check(station)
    lines = [
        _("完整性检查：{r}").format(r=report.integrity),
        _("外键检查：{r}").format(r=_("通过") if report.foreign_keys_ok else _("失败")),
        _("数据库版本：{cur}（最新 {head}）").format(cur=report.revision, head=report.head),
        _("审计链：{ok}，{n}条").format(ok=_("完整") if report.audit_ok else _("第{i}条被篡改").format(
            i=report.audit_first_bad), n=report.audit_entries),
    ]
    print("\n".join(lines))
    if not report.ok:
        print(_("检查未通过"), file=sys.stderr)
        return EXIT_USER
    return EXIT_OK


def cmd_backup(args: argparse.Namespace) -> int:
    from hexie_desktop.services.maintenance import backup

    station, ctx = _login(args)
    path = backup(ctx, station, Path(args.to) if args.to else None)
    print(_("已备份到：{path}").format(path=path))
    return EXIT_OK


def _station_paths(args: argparse.Namespace) -> StationPaths:
    """The SQLite station's files (restore and the start-up check need a data directory)."""
    from hexie_desktop.core.errors import NotAllowed

    data_dir = _data_dir(args)
    if args.db_url or data_dir is None:
        raise NotAllowed(_("PostgreSQL 数据库请使用 pg_dump 备份和恢复"))
    return StationPaths(data_dir)


def cmd_restore(args: argparse.Namespace) -> int:
    from hexie_desktop.core.errors import NotFound
    from hexie_desktop.services import backups, restore
    from hexie_desktop.storage import health

    paths = _station_paths(args)
    if args.list:
        print(_("当前数据库：{s}").format(s=health.check(paths.database).sentence()))
        found = backups.list_backups(paths)
        for b in found:
            state = _("可用") if b.verified else _("损坏：{why}").format(why=b.health.sentence())
            cases = "-" if b.cases is None else _("{n}件案件").format(n=b.cases)
            print(f"{b.when_text}\t{b.label_text}\t{b.size_text}\t{cases}\t{state}\t{b.path}")
        print(_("共{n}个备份").format(n=len(found)))
        return EXIT_OK
    chosen = restore.verified_backup(Path(args.file)) if args.file else backups.newest_verified(paths)
    if chosen is None:
        raise NotFound(_("备份文件夹里没有可用的备份：{path}").format(path=paths.backups))
    username = args.user or restore.admin_of(chosen.path)
    password = _password(_("备份中保存的 {user} 的密码：").format(user=username))
    done = restore.restore_as(paths, chosen.path, username, password)
    print(_("已从{when}的备份恢复：{path}").format(when=done.backup_when, path=done.backup))
    if done.aside is not None:
        print(_("原数据库已原样移到：{path}").format(path=done.aside))
    if done.safety is not None:
        print(_("恢复前的数据已另存为：{path}").format(path=done.safety))
    if done.lacking:
        print(_("备份之后登记的{n}件案件需要重新录入：{cases}").format(n=len(done.lacking),
                                                          cases="、".join(done.lacking)))
    print(_("数据交换从第{epoch}期重新编号，下次导出将发送完整数据").format(epoch=done.epoch))
    return EXIT_OK


def cmd_print(args: argparse.Namespace) -> int:
    from hexie_desktop.services import printing

    _station, ctx = _login(args)
    if paper_types.PAPERS[args.doc].subject == "organization":
        if not args.org:
            raise UserError(_("上墙展板需要 --org 指定调解组织"), field="--org")
        result = printing.print_wallboard(ctx, args.org, Path(args.out), page_size=args.page_size or "A2")
    else:
        if not args.case:
            raise UserError(_("需要 --case 指定案件编号"), field="--case")
        result = printing.print_case_document(ctx, args.doc, args.case, Path(args.out), draft=args.draft,
                                              options=_paper_options(args))
    print(_("已输出：{path}（{pages}页，内容校验码 {hash}）").format(path=result.path, pages=result.pages,
                                                         hash=result.content_hash[:16]))
    for warning in result.warnings:
        print(_("提示：{w}").format(w=warning), file=sys.stderr)
    return EXIT_OK


PRINTABLE = tuple(paper_types.PAPERS)
"""What ``print`` prints: every declared paper (core/paper_types.py)."""

PAPER_OPTIONS = tuple(paper_types.INPUTS)
"""The ``print`` options a paper may ask for (declared in core/paper_types.py; core/paper_inputs.py checks them)."""


def _paper_options(args: argparse.Namespace) -> dict[str, Any]:
    """The paper options given on the command line (``--documents a,b`` becomes a list)."""
    out: dict[str, Any] = {}
    for name in PAPER_OPTIONS:
        value = getattr(args, name, None)
        if value is None:
            continue
        if name == "documents":
            value = [part.strip() for part in value.split(",") if part.strip()]
        out[name] = value
    return out


def cmd_verify(args: argparse.Namespace) -> int:
    from hexie_desktop.services import printing

    _station, ctx = _login(args)
    answer = printing.verify(ctx, args.text)
    print(answer.message)
    return EXIT_OK if answer.match else EXIT_USER


STATION_OPTIONS = {"unit_name": "station.unit_name", "short_name": "station.short_name",
                   "address": "station.address", "phone": "station.phone"}


def cmd_station(args: argparse.Namespace) -> int:
    from hexie_desktop.services import settings

    _station, ctx = _login(args)
    changes = {key: getattr(args, option) for option, key in STATION_OPTIONS.items()
               if getattr(args, option, None) is not None}
    current = settings.update(ctx, changes) if args.station_command == "set" else settings.read_all(ctx)
    shown = {option: current.get(key, "") for option, key in
             {"unit_code": "station.unit_code", "role": "station.role", **STATION_OPTIONS}.items()}
    if args.as_json:
        _print_json(shown)
        return EXIT_OK
    if args.station_command == "set":
        print(_("已修改本站信息（单位代码 {code} 不变）").format(code=shown["unit_code"]))
    for option, value in shown.items():
        print(f"{option}: {value}")
    return EXIT_OK


def cmd_users(args: argparse.Namespace) -> int:
    from hexie_desktop.services import users

    _station, ctx = _login(args)
    if args.users_command == "link":
        users.link_mediator(ctx, args.username, args.mediator)
    elif args.users_command == "unlink":
        users.link_mediator(ctx, args.username, None)
    rows = users.list_users(ctx)
    if args.users_command != "list":
        rows = [r for r in rows if r.username == args.username]
    if args.as_json:
        _print_json([{"username": r.username, "display_name": r.display_name, "role": r.role,
                      "role_label": r.role_label, "active": r.active, "mediator_id": r.mediator_id,
                      "mediator": r.mediator_name} for r in rows])
        return EXIT_OK
    for r in rows:
        print("\t".join([r.username, r.display_name, r.role_label, _("启用") if r.active else _("停用"),
                         _("调解员：{name}").format(name=r.mediator_name) if r.mediator_name else _("未关联调解员")]))
    return EXIT_OK


def cmd_report(args: argparse.Namespace) -> int:
    from hexie_desktop.core.stats import parse_period
    from hexie_desktop.services import report_export as export

    period = parse_period(args.period) if args.period else None
    _station, ctx = _login(args)
    total = export.count_rows(ctx, args.kind, period if args.kind == "cases" else None)
    result = export.export(ctx, args.kind, Path(args.out), period=period, unmask=args.unmask,
                           progress=_progress_printer(total) if total else None)
    print(_("已输出：{path}（{title}{period}，{rows}行{unmasked}）").format(
        path=result.path, title=result.title, period=f"，{result.period.label}" if result.period else "",
        rows=result.rows, unmasked=_("，含完整个人信息") if result.unmasked else ""))
    return EXIT_OK


def cmd_import_xlsx(args: argparse.Namespace) -> int:
    from hexie_desktop.services import report_export as export

    _station, ctx = _login(args)
    if args.template:
        if args.file:
            raise UserError(_("--template 与导入文件不能同时使用"), field="--template")
        path = export.template(ctx, args.kind, Path(args.template))
        print(_("已输出导入模板：{path}").format(path=path))
        return EXIT_OK
    if not args.file:
        raise UserError(_("请指定要导入的 Excel 文件，或用 --template 下载模板"), field="FILE")
    outcome = export.import_file(ctx, args.kind, Path(args.file), valid_only=args.valid_only,
                                 report=Path(args.report) if args.report else None)
    result = outcome.result
    print(result.summary())
    if outcome.report is not None:
        print(_("导入报告：{path}").format(path=outcome.report))
    for problem in result.problems[:20]:
        print(_("第{row}行 {column}列“{header}”：{message}").format(
            row=problem.row, column=problem.column, header=problem.header, message=problem.message), file=sys.stderr)
    if len(result.problems) > 20:
        print(_("……共{n}个问题，详见导入报告").format(n=len(result.problems)), file=sys.stderr)
    return EXIT_OK if result.committed else EXIT_USER


def _key_passphrase(optional: bool = False) -> str | None:
    """The district key passphrase: HEXIE_KEY_PASSPHRASE, else a prompt on a terminal."""
    value = os.environ.get("HEXIE_KEY_PASSPHRASE")
    if value:
        return value
    if not sys.stdin.isatty():
        if optional:
            return None
        raise UserError(_("请通过环境变量 HEXIE_KEY_PASSPHRASE 提供区级密钥口令"), field="passphrase")
    return getpass.getpass(_("区级密钥口令："))


def _exchange_passphrase(station: Station) -> str | None:
    from hexie_desktop.services import exchange

    return _key_passphrase() if exchange.needs_passphrase(station) else None


def cmd_export(args: argparse.Namespace) -> int:
    from hexie_desktop.services import exchange

    station, ctx = _login(args)
    out = Path(args.out)
    if station.info.role == "district":
        passphrase = _exchange_passphrase(station)
        if args.receipt:
            path = exchange.write_receipt(ctx, args.receipt, out=out, passphrase=passphrase)
            print(_("已输出回执：{path}").format(path=path))
            return EXIT_OK
        codes = _read_json(args.codes) if args.codes else None
        result = exchange.publish_reference(ctx, out, passphrase=passphrase, split_mb=args.split_mb,
                                            codes=codes)
        print(_("已导出参考数据包第{n}号（发给{k}个乡镇）：{paths}").format(
            n=result.sequence, k=len(result.recipients), paths="、".join(str(p) for p in result.paths)))
        return EXIT_OK
    result = exchange.export_package(ctx, out, split_mb=args.split_mb, full=args.full,
                                     progress=_progress_printer(0))
    kind = _("完整") if result.kind == "full" else _("变更")
    print(_("已导出第{n}号数据包（{kind}，{rows}行，{files}个附件）：{paths}").format(
        n=result.sequence, kind=kind, rows=result.rows, files=result.files,
        paths="、".join(str(p) for p in result.paths)))
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from hexie_desktop.services import exchange

    station, ctx = _login(args)
    passphrase = _exchange_passphrase(station)
    outcomes = exchange.import_packages(ctx, [Path(f) for f in args.files], dry_run=args.dry_run,
                                        passphrase=passphrase)
    if args.as_json:
        _print_json({"packages": [o.as_dict() for o in outcomes]})
    for outcome in outcomes:
        if not outcome.ok:
            print(_("错误：{source}：{error}").format(source=outcome.source, error=outcome.error), file=sys.stderr)
            continue
        if args.as_json:
            continue
        head = _("（试导入，未写入）") if outcome.dry_run else ""
        print(_("{name}第{n}号{kind}数据包{head}").format(name=outcome.sender_name, n=outcome.sequence,
                                                   kind=exchange.KIND_LABELS.get(outcome.kind, outcome.kind),
                                                   head=head))
        if outcome.summary is not None:
            print("  " + "\t".join([_("数据表"), _("新增"), _("更新"), _("未变"), _("冲突"), _("隔离")]))
            for name, c in exchange.summary_lines(outcome.summary):
                print(f"  {name}\t{c.new}\t{c.updated}\t{c.unchanged}\t{c.conflicts}\t{c.rejected}")
            if outcome.summary.missing:
                print(_("  乡镇已没有、列入冲突的记录：{n}条").format(n=outcome.summary.missing))
        for message in outcome.messages:
            print("  " + message)
        if outcome.receipt_path is not None:
            print(_("  回执：{path}").format(path=outcome.receipt_path))
    return EXIT_OK if outcomes and all(o.ok for o in outcomes) else EXIT_USER


def cmd_keys(args: argparse.Namespace) -> int:
    from hexie_desktop.services import exchange

    station, ctx = _login(args)
    if args.keys_command == "show":
        info = exchange.key_info(ctx)
        if args.as_json:
            _print_json({"card": info.card.as_dict() if info.card else None,
                         "fingerprint": info.card.fingerprint if info.card else None, "protected": info.protected,
                         "peers": [asdict(p) for p in info.peers]})
            return EXIT_OK
        if info.card is None:
            print(_("本站还没有交换密钥（首次使用时创建）"))
        else:
            print(_("本站：{name}（{code}）指纹：{fp}").format(name=info.card.unit_name, code=info.card.unit_code,
                                                      fp=info.card.fingerprint))
        for peer in info.peers:
            print(f"{peer.unit_code}\t{peer.unit_name}\t{peer.status_label}\t{peer.fingerprint}")
            if peer.gap_label:
                print(_("  第{n}号数据包未收到（最近收到第{last}号）").format(n=peer.gap_label,
                                                                  last=peer.last_sequence))
            for other in peer.other_cards:
                print(_("  另有一张名片（指纹 {fp}）也自称是{code}：可能有人冒充，"
                        "电话核对后只接受对方读出的指纹").format(fp=other, code=peer.unit_code))
        return EXIT_OK
    if args.keys_command == "card":
        card = exchange.write_card(ctx, Path(args.out), passphrase=_exchange_passphrase(station)
                                   if not exchange.has_keys(station) else None)
        print(_("已输出站点名片：{path}（指纹 {fp}）").format(path=args.out, fp=card.fingerprint))
        return EXIT_OK
    if args.keys_command == "trust":
        return _trust(ctx, station, args)
    if args.keys_command == "resync":
        peer = exchange.resync_township(ctx, args.unit, sequence=args.sequence, epoch=args.epoch)
        print(_("已重设{name}（{code}）的数据包编号：最近收到第{e}轮第{n}号，下一个应为第{next}号").format(
            name=peer.unit_name, code=peer.unit_code, e=peer.epoch, n=peer.last_sequence, next=peer.last_sequence + 1))
        return EXIT_OK
    if args.keys_command == "export-identity":
        return _export_identity(ctx, station, args)
    if args.keys_command == "accept":
        peer, outcomes = exchange.accept_township(ctx, args.unit, args.fingerprint,
                                                  passphrase=_exchange_passphrase(station))
        print(_("已登记：{name}（{code}）").format(name=peer.unit_name, code=peer.unit_code))
        for outcome in outcomes:
            if outcome.ok:
                print(_("  已导入等待中的第{n}号数据包；回执：{path}").format(n=outcome.sequence,
                                                                 path=outcome.receipt_path))
            else:
                print(_("错误：{source}：{error}").format(source=outcome.source, error=outcome.error), file=sys.stderr)
        return EXIT_OK if all(o.ok for o in outcomes) else EXIT_USER
    if args.keys_command == "rotate":
        card, paths = exchange.rotate_keys(ctx, _exchange_passphrase(station), Path(args.out))
        print(_("已更换密钥，新指纹 {fp}；请把参考数据包发给各乡镇：{paths}").format(
            fp=card.fingerprint, paths="、".join(str(p) for p in paths)))
        return EXIT_OK
    card, paths = exchange.set_escrow(ctx, _exchange_passphrase(station), args.recipients,
                                      Path(args.out) if args.out else None)
    print(_("托管接收方已设为 {n} 个；{paths}").format(n=len(card.escrow), paths="、".join(str(p) for p in paths)))
    return EXIT_OK


def _trust(ctx: Context, station: Station, args: argparse.Namespace) -> int:
    """``keys trust``: show the card, then trust it only once its fingerprint is confirmed."""
    from hexie_desktop.services import exchange

    card = exchange.read_card(Path(args.file))
    print(_("名片：{name}（{code}，{role}）").format(name=card.unit_name, code=card.unit_code,
                                                 role=_("乡镇") if card.role == "township" else _("区级")))
    print(_("指纹：{fp}").format(fp=card.fingerprint))
    fingerprint = args.fingerprint
    if fingerprint is None:
        if not sys.stdin.isatty():
            print(_("错误：未核对指纹，未信任。请打电话请对方读出其指纹，用 --fingerprint \"对方读出的指纹\" 再执行"
                    "（与名片不一致时拒绝）"), file=sys.stderr)
            return EXIT_USAGE
        answer = input(_("请打电话请对方读出其指纹，与上面的一致吗？[y/N] ")).strip().lower()
        if answer not in ("y", "yes", "是"):
            print(_("未信任：指纹未确认"), file=sys.stderr)
            return EXIT_USER
        fingerprint = card.fingerprint
    peer = exchange.trust_card(ctx, Path(args.file), fingerprint=fingerprint)
    print(_("已信任：{name}（{code}）指纹：{fp}").format(name=peer.unit_name, code=peer.unit_code, fp=peer.fingerprint))
    return EXIT_OK


def _new_passphrase(station: Station) -> str:
    """The passphrase for an exported identity file: the district key passphrase, else a new one typed twice."""
    from hexie_desktop.services import exchange

    if exchange.needs_passphrase(station) or os.environ.get("HEXIE_KEY_PASSPHRASE"):
        return _key_passphrase() or ""
    if not sys.stdin.isatty():
        raise UserError(_("请通过环境变量 HEXIE_KEY_PASSPHRASE 提供保护私钥文件的口令"), field="passphrase")
    first = getpass.getpass(_("保护私钥文件的口令（至少8个字符）："))
    if getpass.getpass(_("再输入一次：")) != first:
        raise UserError(_("两次输入的口令不一致"), field="passphrase")
    return first


def _export_identity(ctx: Context, station: Station, args: argparse.Namespace) -> int:
    """``keys export-identity``: the station's age identity for the stock ``age`` tool, with a warning."""
    from hexie_desktop.services import exchange

    print(_("警告：此文件含本站私钥（age 身份），持有它和口令的人能解开所有发给本站的数据包。"
            "只交给需要用标准 age 工具解密的负责人，用后删除，不要通过邮件或网盘传送。"), file=sys.stderr)
    count = exchange.export_identity(ctx, Path(args.out), _new_passphrase(station))
    print(_("已导出本站私钥（{n}个 age 身份，口令加密，已记入审计）：{path}").format(n=count, path=args.out))
    print(_("用法：unzip 数据包.hxp payload.age && age -d -i {path} -o payload.zip payload.age").format(path=args.out))
    return EXIT_OK


def cmd_gui(args: argparse.Namespace) -> int:
    from hexie_desktop.app import run

    return run(data_dir=_data_dir(args), db_url=args.db_url, demo=False)


def cmd_demo_gui(args: argparse.Namespace) -> int:
    from hexie_desktop.app import run

    return run(data_dir=Path(args.data_dir) if args.data_dir else demo_data_dir(), db_url=None, demo=True)


# ---------------------------------------------------------------- parser


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``hexie``."""
    parser = _Parser(
        prog="hexie", description=_("和谐调解 Desktop — 乡镇（街道）劳动人事争议调解"),
        epilog=_("非交互使用：HEXIE_PASSWORD 提供密码，--user 选择用户（默认管理员），"
                 "HEXIE_KEY_PASSPHRASE 提供区级密钥口令。"),
    )
    parser.add_argument("--version", action="version", version=f"hexie {__version__}")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--data-dir", help=_("站点数据目录（默认 HEXIE_DATA_DIR 或系统用户数据目录）"))
    where.add_argument("--db-url", help=_("数据库地址，如 postgresql+psycopg://…（区级）"))
    parser.add_argument("--user", help=_("操作用户（默认管理员）"))
    parser.add_argument("--demo", action="store_true", help=_("打开演示站点（首次使用时自动生成示例数据）"))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("init", help=_("创建站点"))
    p.add_argument("--role", required=True, choices=["township", "district"])
    p.add_argument("--unit-code", required=True)
    p.add_argument("--unit-name", required=True)
    p.add_argument("--short-name")
    p.add_argument("--admin", required=True)
    p.add_argument("--mediator", help=_("第一位调解员的姓名（加入调解员名册；可稍后添加）"))
    p.add_argument("--admin-is-mediator", action="store_true", help=_("管理员本人就是这位调解员（关联账户）"))
    p.set_defaults(func=cmd_init)

    p = sub.add_parser("demo", help=_("生成演示数据"))
    p.add_argument("--cases", type=int, default=500)
    p.add_argument("--seed", type=int, default=1)
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("dashboard", help=_("工作台：逾期、今日和3日内到期的期限，本月办理数"))
    p.add_argument("--mine", action="store_true", help=_("只看本人的案件"))
    p.add_argument("--json", dest="as_json", action="store_true")
    p.set_defaults(func=cmd_dashboard)

    case = sub.add_parser("case", help=_("案件"))
    case_sub = case.add_subparsers(dest="case_command", metavar="SUBCOMMAND", required=True)
    p = case_sub.add_parser("add", help=_("从 JSON 文件登记案件（全部成功或全部不写入）"))
    p.add_argument("--json", required=True, metavar="FILE")
    p.add_argument("--output-json", dest="as_json", action="store_true")
    p.set_defaults(func=cmd_case_add)
    p = case_sub.add_parser("list", help=_("列出案件"))
    p.add_argument("--state")
    p.add_argument("--search")
    p.add_argument("--category")
    p.add_argument("--from", dest="received_from")
    p.add_argument("--to", dest="received_to")
    p.add_argument("--collective", action="store_true")
    p.add_argument("--limit", type=int)
    p.add_argument("--json", dest="as_json", action="store_true")
    p.set_defaults(func=cmd_case_list)
    p = case_sub.add_parser("show", help=_("查看案件（含期限）"))
    p.add_argument("number")
    p.add_argument("--json", dest="as_json", action="store_true")
    p.add_argument("--unmask", action="store_true", help=_("显示完整证件号码和电话（记入审计）"))
    p.set_defaults(func=cmd_case_show)
    p = case_sub.add_parser("act", help=_("对案件执行流程操作"))
    p.add_argument("number")
    p.add_argument("action")
    p.add_argument("--json", metavar="FILE")
    p.add_argument("--output-json", dest="as_json", action="store_true")
    p.set_defaults(func=cmd_case_act)

    registry = sub.add_parser("registry", help=_("名册与台账"))
    registry_sub = registry.add_subparsers(dest="registry_command", metavar="SUBCOMMAND", required=True)
    p = registry_sub.add_parser("add", help=_("从 JSON 文件新增（或用 --id 修改）一条名册/台账记录"))
    p.add_argument("kind", choices=list(ledgers.LEDGERS))
    p.add_argument("--json", required=True, metavar="FILE")
    p.add_argument("--id", help=_("要修改的记录编号"))
    p.add_argument("--output-json", dest="as_json", action="store_true")
    p.set_defaults(func=cmd_registry_add)
    p = registry_sub.add_parser("list", help=_("列出名册/台账记录（--search 按该名册的查找字段筛选；"
                                               "证件号码和电话已打码）"))
    p.add_argument("kind", choices=list(ledgers.LEDGERS))
    p.add_argument("--search", help=_("查找内容，如单位名称、信用代码或姓名"))
    p.add_argument("--limit", type=int)
    p.add_argument("--json", dest="as_json", action="store_true")
    p.set_defaults(func=cmd_registry_list)
    p = sub.add_parser("settings", help=_("查看或修改站点设置"))
    settings_sub = p.add_subparsers(dest="settings_command", metavar="SUBCOMMAND", required=True)
    settings_sub.add_parser("show", help=_("显示全部设置（JSON）")).set_defaults(func=cmd_settings)
    q = settings_sub.add_parser("set", help=_("从 JSON 文件修改设置，如 {\"archive.retention_years\": 30}"))
    q.add_argument("--json", required=True, metavar="FILE")
    q.set_defaults(func=cmd_settings)

    p = sub.add_parser("print", help=_("打印文书为 PDF"))
    p.add_argument("doc", choices=PRINTABLE)
    p.add_argument("--case")
    paper = p.add_argument_group(_("文书选项"))
    for name, spec in paper_types.INPUTS.items():
        paper.add_argument(spec.flag, dest=name, help=paper_types.input_help(name))
    p.add_argument("--org", help=_("上墙展板：调解组织名称或编号"))
    p.add_argument("--out", required=True)
    p.add_argument("--draft", action="store_true", help=_("打印草稿（带水印，不记为已发文书）"))
    p.add_argument("--page-size", choices=["A2", "A3"])
    p.set_defaults(func=cmd_print)
    p = sub.add_parser("verify", help=_("核对调解协议书二维码"))
    p.add_argument("text")
    p.set_defaults(func=cmd_verify)

    station = sub.add_parser("station", help=_("本站信息：名称、简称、地址、电话（单位代码不可改）"))
    station_sub = station.add_subparsers(dest="station_command", metavar="SUBCOMMAND", required=True)
    p = station_sub.add_parser("show", help=_("显示本站信息"))
    p.add_argument("--json", dest="as_json", action="store_true")
    p.set_defaults(func=cmd_station)
    p = station_sub.add_parser("set", help=_("管理员更正本站名称、简称、地址或电话（记入审计）"))
    p.add_argument("--unit-name", dest="unit_name")
    p.add_argument("--short-name", dest="short_name")
    p.add_argument("--address")
    p.add_argument("--phone")
    p.add_argument("--json", dest="as_json", action="store_true")
    p.set_defaults(func=cmd_station)

    users_parser = sub.add_parser("users", help=_("用户：列出，关联或取消关联调解员名册中的调解员"))
    users_sub = users_parser.add_subparsers(dest="users_command", metavar="SUBCOMMAND", required=True)
    p = users_sub.add_parser("list", help=_("列出用户及其关联的调解员"))
    p.add_argument("--json", dest="as_json", action="store_true")
    p.set_defaults(func=cmd_users)
    p = users_sub.add_parser("link", help=_("把用户关联到调解员名册中的调解员（管理员）"))
    p.add_argument("username")
    p.add_argument("mediator", help=_("调解员姓名或记录编号"))
    p.add_argument("--json", dest="as_json", action="store_true")
    p.set_defaults(func=cmd_users)
    p = users_sub.add_parser("unlink", help=_("取消用户与调解员的关联（管理员）"))
    p.add_argument("username")
    p.add_argument("--json", dest="as_json", action="store_true")
    p.set_defaults(func=cmd_users)

    p = sub.add_parser("report", help=_("导出统计报表或台账为 Excel"))
    p.add_argument("kind", choices=["monthly", "quarterly", "annual", "cases", *ledgers.ledger_kinds(),
                                    "coordinator_coverage"])
    p.add_argument("--period", help=_("期间：2026-10、2026-Q3、2026 或 2026-01-01..2026-06-30"))
    p.add_argument("--unmask", action="store_true", help=_("导出完整证件号码和电话（需相应权限，记入审计）"))
    p.add_argument("--out", required=True, metavar="FILE.xlsx")
    p.set_defaults(func=cmd_report)
    p = sub.add_parser("import-xlsx", help=_("从 Excel 导入历史案件、名册或台账；--template 下载模板"))
    p.add_argument("kind", choices=["cases", *ledgers.import_kinds(), "selections"])
    p.add_argument("file", nargs="?", metavar="FILE")
    p.add_argument("--report", metavar="OUT.xlsx", help=_("写出导入报告（逐行结果和问题清单）"))
    p.add_argument("--valid-only", action="store_true", help=_("只导入正确的行（默认：有错误则全部不导入）"))
    p.add_argument("--template", metavar="OUT.xlsx", help=_("只输出导入模板"))
    p.set_defaults(func=cmd_import_xlsx)

    p = sub.add_parser("check", help=_("检查数据库完整性、版本和审计链"))
    p.set_defaults(func=cmd_check)
    p = sub.add_parser("backup", help=_("备份"))
    p.add_argument("--to")
    p.set_defaults(func=cmd_backup)
    p = sub.add_parser("restore", help=_("从备份恢复（不需登录损坏的数据库；密码为备份中保存的管理员密码）"))
    p.add_argument("file", nargs="?", help=_("备份文件（默认：最新的可用备份）"))
    p.add_argument("--list", action="store_true", help=_("列出备份（时间、大小、案件数、是否可用）"))
    p.set_defaults(func=cmd_restore)

    p = sub.add_parser("export", help=_("导出数据包：乡镇发给区里；区级导出参考数据（节假日、文书设置、代码表）"))
    p.add_argument("--out", required=True, metavar="FILE")
    p.add_argument("--split-mb", type=int, metavar="N", help=_("按每卷N MB分卷（邮件附件）"))
    p.add_argument("--full", action="store_true", help=_("乡镇：导出全部数据（区里数据不一致时）"))
    p.add_argument("--codes", metavar="FILE", help=_("区级：随参考数据下发的代码表新增项（JSON）"))
    p.add_argument("--receipt", metavar="UNIT", help=_("区级：重新出具给该乡镇的回执"))
    p.set_defaults(func=cmd_export)
    p = sub.add_parser("import", help=_("导入数据包、回执或参考数据（可一次选多个文件和分卷）"))
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--dry-run", action="store_true", help=_("只检查并列出将新增/更新/冲突的行数，不写入"))
    p.add_argument("--json", dest="as_json", action="store_true")
    p.set_defaults(func=cmd_import)
    keys = sub.add_parser("keys", help=_("交换密钥与站点名片"))
    keys_sub = keys.add_subparsers(dest="keys_command", metavar="SUBCOMMAND", required=True)
    p = keys_sub.add_parser("show", help=_("本站指纹和已信任的站点"))
    p.add_argument("--json", dest="as_json", action="store_true")
    p.set_defaults(func=cmd_keys)
    p = keys_sub.add_parser("card", help=_("输出本站名片（公钥）"))
    p.add_argument("--out", required=True, metavar="FILE")
    p.set_defaults(func=cmd_keys)
    p = keys_sub.add_parser("trust", help=_("信任对方名片（先显示指纹并要求确认）：乡镇信任区级；区级登记乡镇"))
    p.add_argument("file", metavar="FILE")
    p.add_argument("--fingerprint", metavar="FP", help=_("对方电话读出的指纹（非交互使用时必须提供，须与名片一致）"))
    p.set_defaults(func=cmd_keys)
    p = keys_sub.add_parser("accept", help=_("核对指纹后登记数据包已先到的乡镇"))
    p.add_argument("unit", metavar="UNIT")
    p.add_argument("--fingerprint", required=True, metavar="FP")
    p.set_defaults(func=cmd_keys)
    p = keys_sub.add_parser("resync", help=_("区级：重设乡镇的数据包编号（编号跳变导致无法导入时，记入审计）"))
    p.add_argument("unit", metavar="UNIT")
    p.add_argument("--sequence", required=True, type=int, metavar="N", help=_("乡镇最近送达区里的数据包编号"))
    p.add_argument("--epoch", type=int, metavar="E", help=_("编号轮次（默认不变）"))
    p.set_defaults(func=cmd_keys)
    p = keys_sub.add_parser("export-identity", help=_("导出本站私钥（age 身份，口令加密），供标准 age 工具解密数据包"))
    p.add_argument("--out", required=True, metavar="FILE")
    p.set_defaults(func=cmd_keys)
    p = keys_sub.add_parser("rotate", help=_("区级：更换密钥，新名片用旧密钥签名随参考数据下发"))
    p.add_argument("--out", required=True, metavar="FILE")
    p.set_defaults(func=cmd_keys)
    p = keys_sub.add_parser("escrow", help=_("区级：设置托管接收方（age1… 公钥），随参考数据下发"))
    p.add_argument("recipients", nargs="*", metavar="AGE_RECIPIENT")
    p.add_argument("--out", metavar="FILE")
    p.set_defaults(func=cmd_keys)
    from hexie_desktop import cli_action_plan

    cli_action_plan.register(sub)
    return parser


class _Parser(argparse.ArgumentParser):
    """argparse with usage errors on one line (exit code 2), values shown escaped."""

    def error(self, message: str) -> NoReturn:
        """Print one line naming the problem and how to get help, then exit 2."""
        from hexie_desktop.core.text import printable

        self.exit(EXIT_USAGE,
                  _("用法错误：{m}（查看帮助：{prog} -h）").format(m=printable(message), prog=self.prog) + "\n")


def _log_dir(args: argparse.Namespace) -> Path | None:
    try:
        return _data_dir(args) or default_data_dir()
    except Exception:  # noqa: BLE001 — no data directory: no log file, never a crash
        return None


def _fail(error: BaseException, args: argparse.Namespace) -> int:
    """One line on stderr for ``error``; unexpected errors go to the log with their traceback."""
    from hexie_desktop import log
    from hexie_desktop.core.text import printable
    from hexie_desktop.storage.errors import translate

    command = " ".join(str(getattr(args, k)) for k in ("command", "case_command", "action") if getattr(args, k, None))
    data_dir = _data_dir(args) if not args.db_url else None
    typed = translate(error, database=StationPaths(data_dir).database if data_dir else None)
    if typed is not None:
        if typed is not error:
            log.fault(error, command)
        print(_("错误：{e}").format(e=printable(typed)), file=sys.stderr)
        return EXIT_USER
    path = log.unexpected(error, command)
    where = _("详细信息已写入日志：{path}").format(path=path) if path else _("未能写入日志")
    print(_("错误：程序内部错误（{kind}），本次操作未完成。{where}").format(kind=type(error).__name__, where=where),
          file=sys.stderr)
    return EXIT_USER


# Commands that read or write the whole station: their password is checked before they load anything.
_WHOLE_STATION = (cmd_demo, cmd_report, cmd_import_xlsx, cmd_export, cmd_import)


def main(argv: list[str] | None = None) -> int:
    """Run ``hexie`` with ``argv``; returns the exit code.

    Without ``argv`` (the program itself: ``hexie …``, ``python -m hexie_desktop …``) the process is
    this command's alone, and its start-up heap is kept out of the cyclic collector (``hold_collector``).
    """
    streams = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = (_Escaped(s) if s is not None else None for s in streams)
    try:
        return _run(argv, whole_process=argv is None)
    finally:
        sys.stdout, sys.stderr = streams


def _run(argv: list[str] | None, *, whole_process: bool = False) -> int:
    from hexie_desktop import log

    parser = build_parser()
    args = parser.parse_args(argv)
    log.configure(_log_dir(args))
    log.quiet_cleanup_errors()
    clean = False  # the stations opened are stamped as sound only after a normal end or a refusal in words
    try:
        if args.command is None:
            return cmd_demo_gui(args) if args.demo else cmd_gui(args)
        if whole_process and args.func not in (cmd_gui, cmd_demo_gui):
            hold_collector()
            # Commands that log in first thing: init makes the station, restore and check may move files
            # (an interrupted restore is finished) before their login, while the thread might still read.
            if args.func not in (cmd_init, cmd_restore, cmd_check):
                check_password_ahead(args, before_loading=args.func in _WHOLE_STATION)
        code = args.func(args)
        clean = True
        return code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader (e.g. `| head`) stopped early: not an error; silence the final flush.
        clean = True
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except Exception as exc:  # noqa: BLE001 — the one place that turns any failure into one line
        from hexie_desktop.core.errors import HexieError, StorageError

        clean = isinstance(exc, HexieError) and not isinstance(exc, StorageError)
        return _fail(exc, args)
    finally:
        close_opened(clean)
        settle_heap(freeze=False)


if __name__ == "__main__":
    raise SystemExit(main())
