"""The papers a worker takes home say what the law says (issue 10, Papers 11, 12, 13, 16 and the
printed period wording), through the real command line and ``pdftotext``.

Each test names its legal source (see /work/shared/domain/REFERENCE.md).  Refusals exit 1 with
one Chinese line and change nothing.
"""

from __future__ import annotations

import json

import pytest

from tests.e2e.helpers import applicant, signatures
from tests.e2e.test_cli import cli_station  # noqa: F401 (a fixture)
from tests.e2e.test_legal_rules import Cli

ITEM = {"obligation": "支付拖欠工资", "amount": "5000", "due_on": "2026-10-10", "category": "wages"}


@pytest.fixture(scope="module")
def cli(cli_station, tmp_path_factory) -> Cli:  # noqa: F811
    """A fresh station (made with ``hexie init``) for this module's cases."""
    return Cli(cli_station, tmp_path_factory.mktemp("papers-files"))


def _settings(cli: Cli, values: dict) -> None:
    done = cli.run("settings", "set", "--json", cli._file(values))
    assert done.returncode == 0, done.stderr


def test_agreement_drafted_and_printed_before_signing_takes_effect_only_with_the_four_facts(cli):
    """LDTJ art. 14: the agreement takes effect when both parties have signed or sealed, the mediator
    has signed and the organization's seal is applied.  The draft the parties sign is saved and printed
    before that, and changes neither the state nor any deadline; editing it after it took effect is refused."""
    number = cli.add()
    cli.ok(number, "accept", {"on": "2026-09-17"})
    before = cli.show(number)
    cli.refused(number, "draft-agreement", {"items": [{"obligation": "支付拖欠工资", "amount": "5000"}]},
                says="due_on")                                       # an item needs its due date
    cli.refused(number, "draft-agreement", {"content": " "}, says="不能都为空")
    cli.ok(number, "draft-agreement", {"content": "经调解，双方自愿达成如下协议：", "items": [ITEM]})
    drafted = cli.show(number)
    assert drafted["state"] == "accepted" and drafted["deadlines"] == before["deadlines"]
    assert drafted["agreement"]["status"] == "draft" and drafted["agreement"]["effective_on"] is None
    assert [e["action"] for e in drafted["events"]][-1] == "draft-agreement"
    text = cli.text("agreement", number)                            # the paper to sign, no watermark
    assert "支付拖欠工资" in text and "5,000.00" in text and "2026年10月10日前" in text
    assert "草稿" not in text and "〔待定〕" not in text
    # Taking effect needs the session and the four facts; the saved draft is what takes effect.
    cli.refused(number, "agree", signatures(), says="不能达成协议")
    cli.ok(number, "record-session", {"held_on": "2026-09-18"})
    cli.ok(number, "draft-agreement", {"content": "经调解，双方自愿达成如下协议：",
                                       "items": [ITEM, {**ITEM, "obligation": "支付经济补偿", "amount": "1000",
                                                        "category": "contract_termination"}]})
    partial = signatures()
    del partial["seal_applied_on"]
    cli.refused(number, "agree", partial, says="缺少调解组织印章日期")
    cli.ok(number, "agree", signatures("2026-09-20"))
    agreed = cli.show(number)
    assert agreed["state"] == "performing" and agreed["agreement"]["effective_on"] == "2026-09-20"
    assert [i["amount"] for i in agreed["agreement"]["items"]] == ["5000.00", "1000.00"]
    assert agreed["agreement"]["agreed_total"] == "6000.00"
    assert "judicial_confirmation" in agreed["deadlines"]
    cli.refused(number, "draft-agreement", {"content": "改写", "items": [ITEM]}, says="已生效")
    signed = cli.text("agreement", number)
    assert "2026年9月20日" in signed and "支付经济补偿" in signed


def test_a_draft_never_signed_is_no_agreement_once_mediation_failed(cli):
    """LDTJ art. 14: without the four signature facts there is no agreement; when mediation ends without
    them (调解不成) the unsigned draft may not be issued as a 调解协议书 — the 终止调解通知书 is the paper."""
    number = cli.add()
    cli.ok(number, "accept", {"on": "2026-09-17"})
    cli.ok(number, "draft-agreement", {"items": [ITEM]})
    cli.ok(number, "fail", {"on": "2026-09-18", "reason": "refusal"})
    done = cli.print("agreement", number)
    assert done.returncode == 1 and "尚无调解协议" in done.stderr
    cli.refused(number, "draft-agreement", {"items": [ITEM]}, says="不能起草协议")
    assert "终止调解" in cli.text("termination", number)


def _collective(cli: Cli) -> tuple[str, list[str]]:
    names = [f"工人{n:02d}" for n in range(12)]
    number = cli.add(applicants=[applicant(name, seq=200 + n, is_representative=n < 3)
                                 for n, name in enumerate(names)])
    cli.ok(number, "accept", {"on": "2026-09-17"})
    cli.ok(number, "record-session", {"held_on": "2026-09-18"})
    return number, names


def test_collective_agreement_names_each_workers_amount(cli):
    """LDTJ art. 16: a worker takes the agreement to the court for a 支付令 for his or her own amount;
    LDTJ art. 7 (collective disputes): so every worker is listed with name, ID, amount and due date, and
    the amounts add up to the agreed items."""
    number, names = _collective(cli)
    item = {**ITEM, "amount": "12600"}
    shares = [{"applicant": name, "amount": str(1000 + 10 * n)} for n, name in enumerate(names)]  # 12,660
    cli.refused(number, "draft-agreement", {"items": [item], "shares": shares}, says="不一致")
    cli.refused(number, "draft-agreement", {"items": [item], "shares": [{"applicant": "不在本案", "amount": "1"}]},
                says="不是本案申请人")
    cli.refused(number, "agree", {"items": [item], **signatures()}, says="尚未列明")
    shares[0]["amount"] = "940"                                                   # now 12,600
    shares[1]["due_on"] = "2026-10-01"
    cli.ok(number, "draft-agreement", {"content": "经调解，双方自愿达成如下协议：", "items": [item], "shares": shares})
    cli.ok(number, "agree", signatures())
    shown = cli.show(number)
    assert shown["state"] == "performing" and len(shown["agreement"]["shares"]) == 12
    assert shown["agreement"]["shares"][1]["due_on"] == "2026-10-01"
    assert shown["agreement"]["shares"][2]["due_on"] == "2026-10-10"             # the items' due date
    text = cli.text("agreement", number)
    assert "每名劳动者金额明细" in text and "名单见附件1" in text and "附件2" in text
    unmasked = json.loads(cli.run("case", "show", number, "--json", "--unmask").stdout)
    worker = next(p for p in unmasked["applicants"] if p["name"] == "工人01")
    assert "工人01" + worker["id_number"] + "1,010.002026年10月1日" in text
    assert "合计12,600.00" in text and "申请支付令" in text


def test_rejection_notice_routes_by_reason(cli):
    """不予受理 routes by its reason: not a labour dispute → 人民调解委员会 or the 人民法院 with the civil
    limitation of three years (民法典 art. 188), never labour arbitration; already in arbitration or court →
    continue there; other reasons → labour arbitration and its limitation (LDTJ art. 27)."""
    civil = cli.add()
    cli.refused(civil, "reject", {"on": "2026-09-17"}, says="必须填写原因")
    cli.refused(civil, "reject", {"on": "2026-09-17", "reason": "不属于劳动争议"}, says="reason")
    cli.ok(civil, "reject", {"on": "2026-09-17", "reason": "not_labor_dispute"})
    text = cli.text("rejection", civil)
    assert "因不属于劳动争议" in text and "人民调解委员会申请调解" in text and "向人民法院提起诉讼" in text
    assert "三年" in text and "民法典》第一百八十八条" in text
    assert "申请仲裁" not in text and "仲裁时效" not in text

    pending = cli.add()
    cli.ok(pending, "reject", {"on": "2026-09-17", "reason": "in_arbitration_or_court"})
    text = cli.text("rejection", pending)
    assert "继续主张权利" in text and "申请仲裁" not in text and "时效期间为一年" not in text

    refused = cli.add()
    cli.ok(refused, "reject", {"on": "2026-09-17", "reason": "respondent_refuses"})
    text = cli.text("rejection", refused)
    assert "申请仲裁" in text and "时效期间为一年" in text and "第二十七条" in text and "第一百八十八条" not in text


def test_agreement_names_the_arbitration_commission_and_court_and_warns_when_unset(cli):
    """办案规则 art. 74 (仲裁审查 at the arbitration commission) and 民事诉讼法 art. 205 (司法确认 at the
    court): the agreement names both from the station settings; when they are not set the paper still
    prints, with the generic words, and the command warns on stderr."""
    number = cli.add()
    cli.ok(number, "accept", {"on": "2026-09-17"})
    cli.ok(number, "record-session", {"held_on": "2026-09-18"})
    cli.ok(number, "agree", {"items": [ITEM], **signatures()})
    _settings(cli, {"station.arbitration_commission": "", "station.arbitration_address": "", "station.court_name": ""})
    done = cli.print("agreement", number)
    assert done.returncode == 0 and "未设置劳动人事争议仲裁委员会名称" in done.stderr
    assert "未设置司法确认的人民法院名称" in done.stderr
    _settings(cli, {"station.arbitration_commission": "北京市朝阳区劳动人事争议仲裁委员会",
                    "station.arbitration_address": "北京市朝阳区三间房南里4号院",
                    "station.court_name": "北京市朝阳区人民法院"})
    done = cli.print("agreement", number)
    assert done.returncode == 0 and "未设置" not in done.stderr
    text = cli.text("agreement", number)
    assert "共同向北京市朝阳区劳动人事争议仲裁委员会（地址：北京市朝阳区三间房南里4号院）提出仲裁审查申请" in text
    assert "共同向北京市朝阳区人民法院申请司法确认" in text
    cli.ok(number, "default", {"on": "2026-10-11"})
    failed = cli.add()
    cli.ok(failed, "accept", {"on": "2026-09-17"})
    cli.ok(failed, "fail", {"on": "2026-09-18", "reason": "refusal"})
    assert ("向北京市朝阳区劳动人事争议仲裁委员会（地址：北京市朝阳区三间房南里4号院）申请仲裁"
            in cli.text("termination", failed))


def test_rights_notice_gives_the_inspection_complaint_and_the_agent(cli):
    """LDTJ art. 9: unpaid wages, injury costs, compensation can be complained of to the 劳动行政部门
    (劳动保障监察); a party may appoint an agent (委托代理人) — both told at acceptance in the 告知书."""
    number = cli.add()
    cli.ok(number, "accept", {"on": "2026-09-17"})
    text = cli.text("notice", number)
    assert "劳动保障监察机构）投诉" in text and "调解仲裁法》第九条" in text
    assert "委托代理人" in text and "授权委托书" in text


def test_printed_periods_follow_the_configured_lengths(cli):
    """The printed 十五日/三十日/一年 come from the configured period lengths (core/periods.py; LDTJ art. 14
    15 days, 办案规则 art. 74 15 days, 民事诉讼法 art. 205 30 days, LDTJ art. 27 one year); a local
    length is printed without citing the statute for it."""
    number = cli.add()
    cli.ok(number, "accept", {"on": "2026-09-17"})
    assert "收到调解申请之日起十五日内" in cli.text("acceptance", number)
    lengths = json.loads(cli.run("settings", "show").stdout)["deadlines"]
    try:
        _settings(cli, {"deadlines": {**lengths, "mediation_days": 20, "judicial_confirmation_days": 45,
                                      "limitation_years": 2}})
        assert "收到调解申请之日起二十日内" in cli.text("acceptance", number)
        notice = cli.text("notice", number)
        assert "二十日内" in notice and "十五日内" not in notice and "时效期间为二年" in notice
        cli.ok(number, "record-session", {"held_on": "2026-09-18"})
        cli.ok(number, "agree", {"items": [ITEM], **signatures()})
        text = cli.text("agreement", number)
        assert "生效之日起十五日内" in text and "第七十四条" in text                  # unchanged: statutory
        assert "生效之日起四十五日内" in text and "第二百零五条" not in text          # local length: no citation
    finally:
        _settings(cli, {"deadlines": lengths})
