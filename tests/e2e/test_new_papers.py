"""The papers added for issue 10 (points 14 and 15), through the real command line.

调解通知书 to the respondent, 撤回调解申请书, 未履行告知书, 调解建议书; one 调解笔录 per session and one
送达回证 per delivery.  Each paper is printed with ``hexie print … --out x.pdf`` and read back
with ``pdftotext``; a paper that contradicts the case, or options that do not fit it, exit 1
with one Chinese line and issue nothing.  Legal sources: /work/shared/domain/REFERENCE.md.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from tests.e2e.helpers import applicant, signatures
from tests.e2e.test_cli import cli_station, hexie  # noqa: F401 (cli_station is a fixture)
from tests.e2e.test_legal_rules import Cli


class Papers(Cli):
    """:class:`Cli` with paper options."""

    def paper(self, doc: str, number: str, *options: str) -> subprocess.CompletedProcess:
        self.n += 1
        return self.run("print", doc, "--case", number, "--out", str(self.tmp / f"{doc}{self.n}.pdf"), *options)

    def paper_text(self, doc: str, number: str, *options: str) -> str:
        done = self.paper(doc, number, *options)
        assert done.returncode == 0, done.stderr
        out = self.tmp / f"{doc}{self.n}.pdf"
        text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
        return re.sub(r"\s+", "", text)

    def paper_refused(self, doc: str, number: str, *options: str, says: str) -> str:
        before = self.show(number)["documents"]
        done = self.paper(doc, number, *options)
        assert done.returncode == 1, done.stdout
        assert done.stderr.count("\n") == 1 and says in done.stderr, done.stderr
        assert self.show(number)["documents"] == before  # nothing issued
        return done.stderr


@pytest.fixture(scope="module")
def cli(cli_station, tmp_path_factory) -> Papers:  # noqa: F811 (the imported fixture)
    """A fresh station (made with ``hexie init``) for this module's cases."""
    return Papers(cli_station, tmp_path_factory.mktemp("new-papers"))


def _accepted(cli: Papers, **overrides) -> str:
    number = cli.add(**overrides)
    cli.ok(number, "accept", {"on": "2026-09-17"})
    return number


def _agreed(cli: Papers, items: list[dict]) -> str:
    number = _accepted(cli)
    cli.ok(number, "record-session", {"held_on": "2026-09-18"})
    cli.ok(number, "agree", {"items": items, **signatures()})
    return number


def test_mediation_notice_tells_the_respondent_when_and_where(cli):
    """LDTJ art. 13 (the mediator hears both parties) and 《企业劳动争议协商调解规定》(人社部令第17号): the
    respondent of an accepted case is told in writing the time and place of the session; mediation is
    voluntary and free.  No notice for a case not (or never) accepted."""
    registered = cli.add()
    cli.paper_refused("mediation_notice", registered, "--session-on", "2026-09-20", "--session-time", "9:30",
                      "--place", "调解室", says="本案未受理")
    number = _accepted(cli)
    cli.paper_refused("mediation_notice", number, "--session-on", "2026-09-20", "--session-time", "9:30",
                      says="place")  # the place is required
    cli.paper_refused("mediation_notice", number, "--session-on", "2026-09-10", "--session-time", "9:30",
                      "--place", "调解室", says="早于受理日期")
    cli.paper_refused("mediation_notice", number, "--session-on", "2026-09-20", "--session-time", "25:00",
                      "--place", "调解室", says="不是有效的时间")
    cli.paper_refused("mediation_notice", number, "--session", "1", "--session-on", "2026-09-20",
                      "--session-time", "9:30", "--place", "调解室", says="session")  # not an option of this paper
    text = cli.paper_text("mediation_notice", number, "--session-on", "2026-09-20", "--session-time", "9:30",
                          "--place", "东坝镇调解中心第一调解室", "--on", "2026-09-17")
    assert text.startswith("劳动人事争议调解通知书") or "劳动人事争议调解通知书" in text
    assert "北京宏达建筑工程有限公司：" in text and "张三于2026年9月16日" in text
    assert "定于2026年9月20日9时30分在东坝镇调解中心第一调解室进行调解" in text
    assert "拖欠2026年7-8月工资" in text and "不收取费用" in text and "第十三条" in text
    shown = cli.show(number)
    assert [(d["doc_type"], d["title"]) for d in shown["documents"]] == [
        ("mediation_notice", "调解通知书（2026-09-20 09:30）")]
    rejected = cli.add()
    cli.ok(rejected, "reject", {"on": "2026-09-17", "reason": "respondent_refuses"})
    cli.paper_refused("mediation_notice", rejected, "--session-on", "2026-09-20", "--session-time", "9:30",
                      "--place", "调解室", says="不予受理")


def test_withdrawal_is_signed_by_the_applicant_and_required_in_the_file(cli):
    """LDTJ art. 5 / art. 14 ¶3: withdrawing mediation leaves the right to arbitration; LDTJ art. 27 and
    民法典 art. 195: the interrupted limitation restarts when mediation ends.  The 卷内目录 of a withdrawn
    case requires the 撤回调解申请书 (RMTJ-JZ with the labour additions, REFERENCE §3.9); it is printable
    before the withdrawal is recorded so the applicant can sign it, never for a rejected case."""
    number = _accepted(cli)
    before = cli.paper_text("withdrawal", number, "--reason", "双方已自行和解")  # while mediating: to be signed
    assert "撤回劳动人事争议调解申请书" in before and "现申请人自愿撤回该调解申请" in before
    assert "撤回理由：双方已自行和解" in before and "申请人（签名并按指印）" in before
    assert "第二十七条" in before and "第一百九十五条" in before and "已于2026年9月17日受理" in before
    cli.ok(number, "withdraw", {"on": "2026-09-19"})
    cli.ok(number, "close", {"on": "2026-09-20"})
    cli.paper("application", number)
    cli.paper("notice", number)
    cli.paper("acceptance", number)
    catalog = cli.paper_text("catalog", number)
    assert re.search(r"撤回调解申请书\d+-\d+", catalog)  # listed with its pages, not as missing
    rejected = cli.add()
    cli.ok(rejected, "reject", {"on": "2026-09-17", "reason": "respondent_refuses"})
    cli.paper_refused("withdrawal", rejected, says="不予受理")

    missing = _accepted(cli)
    cli.ok(missing, "withdraw", {"on": "2026-09-19"})
    cli.ok(missing, "close", {"on": "2026-09-20"})
    for doc in ("application", "notice", "acceptance"):
        cli.paper(doc, missing)
    cli.refused(missing, "archive", {"on": "2026-09-25", "catalog": [{"doc_type": "identity", "pages": 1}]},
                says="撤回调解申请书")
    signed = cli.paper_text("withdrawal", missing)
    assert "2026年9月19日" in signed  # the recorded withdrawal date under the signature
    cli.ok(missing, "archive", {"on": "2026-09-25", "catalog": [{"doc_type": "identity", "pages": 1}]})


def test_default_notice_names_arbitration_and_the_payment_order(cli):
    """LDTJ art. 15: a party that does not perform the agreement in time — the other may apply for
    arbitration; LDTJ art. 16: for 拖欠劳动报酬、工伤医疗费、经济补偿或者赔偿金 the worker may apply to the
    court for a 支付令.  Default only after the due date has passed (民法典 art. 203 ¶2), as recorded."""
    number = _agreed(cli, [
        {"obligation": "支付拖欠工资", "amount": "5000", "due_on": "2026-10-10", "category": "wages"},
        {"obligation": "补缴社会保险", "amount": "800", "due_on": "2026-10-10", "category": "social_insurance"},
        {"obligation": "出具离职证明", "due_on": "2026-12-31", "category": "other"},
    ])
    cli.paper_refused("default_notice", number, says="没有登记协议未履行")
    cli.ok(number, "default", {"on": "2026-10-11"})
    cli.paper_refused("default_notice", number, "--on", "2026-10-01", says="登记未履行日期")
    text = cli.paper_text("default_notice", number, "--on", "2026-10-12")
    assert "调解协议未履行告知书" in text and "截至2026年10月11日" in text
    assert "支付拖欠工资" in text and "5,000.00" in text and "补缴社会保险" in text
    assert "出具离职证明" not in text  # not yet due on the recorded default date
    assert "第十五条" in text and "申请仲裁" in text
    assert "第十六条" in text and "上列第1项属于支付拖欠劳动报酬" in text and "支付令" in text
    assert "2026年10月12日" in text

    other = _agreed(cli, [{"obligation": "补缴社会保险", "amount": "800", "due_on": "2026-10-10",
                           "category": "social_insurance"}])
    cli.ok(other, "default", {"on": "2026-10-11"})
    text = cli.paper_text("default_notice", other)
    assert "第十五条" in text and "支付令" not in text  # no 支付令 for a social-insurance item


def test_recommendation_to_the_employer(cli):
    """《企业劳动争议协商调解规定》(人社部令第17号) art. 4 and the committee duties (REFERENCE §2.2): the
    mediation body gets the enterprise to put right what caused the dispute.  Allowed for accepted,
    mediating and closed cases; the recommendation is written at print."""
    registered = cli.add()
    cli.paper_refused("recommendation", registered, "--content", "依法签订劳动合同", says="本案未受理")
    number = _accepted(cli)
    cli.paper_refused("recommendation", number, says="content")
    text = cli.paper_text("recommendation", number, "--content",
                          "一、依法与全部职工签订书面劳动合同。\n二、按月足额支付工资，建立工资支付台账。")
    assert "劳动人事争议调解建议书" in text and "北京宏达建筑工程有限公司：" in text
    assert "一、依法与全部职工签订书面劳动合同。" in text and "二、按月足额支付工资" in text
    assert "第四条" in text and "签收人" in text
    assert cli.show(number)["documents"][-1]["title"] == "调解建议书（北京宏达建筑工程有限公司）"
    agreed = _agreed(cli, [{"obligation": "支付工资", "amount": "100", "due_on": "2026-10-10", "category": "wages"}])
    cli.paper_refused("recommendation", agreed, "--content", "x", says="本案不在调解中")
    cli.ok(agreed, "perform-item", {"item": 1, "on": "2026-10-01"})
    cli.ok(agreed, "close", {"on": "2026-10-02"})
    assert "规范用工" in cli.paper_text("recommendation", agreed, "--content", "规范用工。")


def test_one_record_per_session(cli):
    """LDTJ art. 13 and the 调解笔录 of REFERENCE §3.4 (DB3305 appendix D): each session is recorded with
    its time (start and end), place and people, and signed by the parties page by page — one issued
    record per session; the 卷内目录 lists one 调解笔录 per session."""
    number = _accepted(cli)
    cli.ok(number, "record-session", {"held_on": "2026-09-18", "start_time": "9:30", "end_time": "11:00",
                                      "place": "第一调解室", "statements": "申请人称被申请人拖欠工资。"})
    cli.ok(number, "record-session", {"held_on": "2026-09-22", "start_time": "14:00", "place": "第二调解室",
                                      "statements": "被申请人同意分期支付。"})
    cli.refused(number, "record-session", {"held_on": "2026-09-23", "start_time": "10:00", "end_time": "9:00"},
                says="结束时间")
    cli.paper_refused("record", number, says="--session")
    cli.paper_refused("record", number, "--session", "3", says="没有第3次调解")
    first = cli.paper_text("record", number, "--session", "1")
    assert "第1次调解" in first and "2026年9月18日9时30分至11时00分" in first and "第一调解室" in first
    assert "拖欠工资" in first and "分期支付" not in first and "第二调解室" not in first
    second = cli.paper_text("record", number, "--session", "2")
    assert "第2次调解" in second and "2026年9月22日14时00分起" in second and "分期支付" in second
    assert "第一调解室" not in second
    again = cli.paper("record", number, "--session", "1")  # the same record again: not a new paper
    assert again.returncode == 0
    titles = [d["title"] for d in cli.show(number)["documents"]]
    assert titles == ["调解笔录（第1次调解）", "调解笔录（第2次调解）"]
    cli.ok(number, "fail", {"on": "2026-09-25", "reason": "refusal"})
    cli.ok(number, "close", {"on": "2026-09-26"})
    catalog = cli.paper_text("catalog", number)
    assert "调解笔录（第1次调解）" in catalog and "调解笔录（第2次调解）" in catalog


def test_service_form_per_document_and_delivery(cli):
    """送达回证 (REFERENCE §3.7): 送达文书名称和件数, 受送达人, 送达地址, 送达方式, 签收日期 — one form for the
    documents actually delivered to one person, not every document ever issued."""
    number = _accepted(cli, applicants=[applicant("张三"), applicant("李小红", seq=124)])
    cli.paper_refused("service", number, "--recipient", "张三", says="尚无已出具的需送达文书")
    cli.paper("acceptance", number)
    cli.paper("notice", number)
    cli.paper_refused("service", number, "--recipient", "张三", says="请选择本次送达的文书")
    cli.paper_refused("service", number, "--documents", "acceptance", says="请指定受送达人")
    cli.paper_refused("service", number, "--documents", "acceptance", "--recipient", "王五", says="不是本案当事人")
    cli.paper_refused("service", number, "--documents", "agreement", "--recipient", "张三", says="不是本案已出具")
    cli.paper_refused("service", number, "--documents", "acceptance", "--recipient", "张三", "--method", "pigeon",
                      says="pigeon")
    cli.paper_refused("service", number, "--documents", "acceptance", "--recipient", "张三",
                      "--served-on", "2026-01-01", says="送达日期不能早于")
    text = cli.paper_text("service", number, "--documents", "acceptance", "--recipient", "张三", "--method",
                          "direct")
    assert "《受理通知书》一份" in text and "告知书" not in text
    assert "张三" in text and "李小红" not in text and "北京宏达建筑工程有限公司" not in text
    assert "■直接送达" in text and "□邮寄送达" in text
    notice_id = next(d["id"] for d in cli.show(number)["documents"] if d["doc_type"] == "notice")
    both = cli.paper_text("service", number, "--documents", f"acceptance,{notice_id}", "--recipient",
                          "北京宏达建筑工程有限公司", "--method", "mail")
    assert "《受理通知书》一份" in both and "《当事人权利义务告知书》一份" in both
    assert "北京市朝阳区建设路8号" in both and "■邮寄送达" in both and "张三" not in both.split("送达文书")[1]
    services = [d["title"] for d in cli.show(number)["documents"] if d["doc_type"] == "service"]
    assert services == ["送达回证（受理通知书→张三）",
                        "送达回证（受理通知书、当事人权利义务告知书→北京宏达建筑工程有限公司）"]


def test_print_lists_every_printable_document():
    """The CLI offers exactly the documents registry (no paper left unprintable from the command line)."""
    from hexie_desktop import cli as cli_module
    from hexie_desktop.documents import DOCUMENTS

    assert sorted(cli_module.PRINTABLE) == sorted(DOCUMENTS)


def test_paper_options_in_json_and_bad_ones(cli, tmp_path):
    """Options a paper does not take are refused by name (a typo must not be dropped silently)."""
    number = _accepted(cli)
    cli.paper_refused("acceptance", number, "--content", "x", says="不需要打印选项")
    assert json.loads(cli.run("case", "show", number, "--json").stdout)["documents"] == []
    assert Path(tmp_path).exists()
