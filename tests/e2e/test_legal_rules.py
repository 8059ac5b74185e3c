"""The case life's legal rules off the happy path, through the real command line.

Each test names its legal source (see /work/shared/domain/REFERENCE.md).  Cases are driven
with ``hexie case act`` and papers checked as text with ``hexie print … --out x.pdf`` and
``pdftotext``; a refusal exits 1 with one Chinese line and changes nothing.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from tests.e2e.helpers import applicant, case_payload, signatures
from tests.e2e.test_cli import cli_station, hexie  # noqa: F401 (cli_station is a fixture)


class Cli:
    """The ``hexie`` command on one station, with small helpers for the case actions."""

    def __init__(self, root: Path, tmp: Path) -> None:
        self.root = root
        self.tmp = tmp
        self.n = 0

    def run(self, *args: str) -> subprocess.CompletedProcess:
        return hexie(self.root, *args)

    def _file(self, data: object) -> str:
        self.n += 1
        path = self.tmp / f"in{self.n}.json"
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        return str(path)

    def add(self, **overrides) -> str:
        done = self.run("case", "add", "--json", self._file({"cases": [case_payload(**overrides)]}), "--output-json")
        assert done.returncode == 0, done.stderr
        return json.loads(done.stdout)["created"][0]["number"]

    def act(self, number: str, action: str, data: dict | None = None) -> subprocess.CompletedProcess:
        return self.run("case", "act", number, action, "--json", self._file(data or {}))

    def ok(self, number: str, action: str, data: dict | None = None) -> None:
        done = self.act(number, action, data)
        assert done.returncode == 0, f"{action}: {done.stderr}"

    def refused(self, number: str, action: str, data: dict | None = None, *, says: str) -> str:
        before = self.show(number)
        done = self.act(number, action, data)
        assert done.returncode == 1, done.stdout
        assert done.stderr.count("\n") == 1 and says in done.stderr, done.stderr
        assert self.show(number) == before  # a refusal changes nothing
        return done.stderr

    def show(self, number: str) -> dict:
        done = self.run("case", "show", number, "--json")
        assert done.returncode == 0, done.stderr
        return json.loads(done.stdout)

    def print(self, doc: str, number: str) -> subprocess.CompletedProcess:
        self.n += 1
        return self.run("print", doc, "--case", number, "--out", str(self.tmp / f"{doc}{self.n}.pdf"))

    def text(self, doc: str, number: str) -> str:
        """The printed paper as text, without line breaks and spaces (justified lines break anywhere)."""
        done = self.print(doc, number)
        assert done.returncode == 0, done.stderr
        out = self.tmp / f"{doc}{self.n}.pdf"
        text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
        return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def cli(cli_station, tmp_path_factory) -> Cli:  # noqa: F811 (the imported fixture)
    """A fresh station (made with ``hexie init``) for this module's cases."""
    return Cli(cli_station, tmp_path_factory.mktemp("legal-files"))


def _agreed(cli: Cli, due_on: str = "2026-10-10") -> str:
    number = cli.add()
    cli.ok(number, "accept", {"on": "2026-09-17"})
    cli.ok(number, "record-session", {"held_on": "2026-09-18"})
    cli.ok(number, "agree", {"items": [{"obligation": "支付拖欠工资", "amount": "5000", "due_on": due_on,
                                        "category": "wages"}], **signatures()})
    return number


def test_no_paper_in_a_state_it_contradicts(cli):
    """L17 and the local rules (REFERENCE §2.2, §3.3): acceptance or a written 不予受理 notice with its
    reason; LDTJ art. 14: a 终止调解通知书 only when mediation ended without agreement."""
    rejected = cli.add()
    cli.ok(rejected, "reject", {"on": "2026-09-17", "reason": "respondent_refuses"})
    for doc, says in (("acceptance", "本案未受理"), ("termination", "调解未终止"), ("notice", "本案未受理"),
                      ("agreement", "尚无调解协议"), ("cover", "尚未结案")):
        done = cli.print(doc, rejected)
        assert done.returncode == 1 and says in done.stderr and done.stderr.count("\n") == 1, done.stderr
    text = cli.text("rejection", rejected)
    assert "被申请人不同意调解" in text and "决定不予受理" in text and "予以受理" not in text
    shown = cli.show(rejected)
    assert [d["doc_type"] for d in shown["documents"]] == ["rejection"]  # refused papers were not issued

    accepted = cli.add()
    cli.ok(accepted, "accept", {"on": "2026-09-17"})
    done = cli.print("rejection", accepted)
    assert done.returncode == 1 and "本案已受理" in done.stderr
    assert "决定予以受理" in cli.text("acceptance", accepted)
    assert [d["doc_type"] for d in cli.show(accepted)["documents"]] == ["acceptance"]


def test_default_only_after_the_due_date_has_passed(cli):
    """民法典 art. 203 ¶2: the last day of a period runs to 24:00 — no default on the due date itself,
    judged against the recorded date of the default (LDTJ art. 15/16 follow only then)."""
    number = _agreed(cli, due_on="2026-10-10")
    said = cli.refused(number, "default", {"on": "2026-10-10"}, says="民法典第二百零三条")
    assert "2026-10-10" in said
    cli.refused(number, "default", {"on": "2026-09-25"}, says="履行期限")
    cli.ok(number, "default", {"on": "2026-10-11"})
    shown = cli.show(number)
    assert shown["state"] == "defaulted" and shown["decision"]["defaulted_on"] == "2026-10-11"


def test_period_lapsed_only_after_the_mediation_period(cli):
    """LDTJ art. 14 ¶3: the 15 days run from receipt (16 Sep → 1 Oct, a holiday → 8 Oct); only after
    that may the failure reason be “调解期限届满”."""
    number = cli.add()
    cli.ok(number, "accept", {"on": "2026-09-17"})
    cli.refused(number, "fail", {"on": "2026-10-08", "reason": "period_lapsed"}, says="劳动争议调解仲裁法第十四条")
    cli.ok(number, "fail", {"on": "2026-10-09", "reason": "period_lapsed"})
    assert cli.show(number)["decision"]["failure_reason"] == "period_lapsed"
    early = cli.add()
    cli.ok(early, "accept", {"on": "2026-09-17"})
    cli.ok(early, "fail", {"on": "2026-09-20", "reason": "refusal"})  # other reasons need no lapse


def test_dates_in_order(cli):
    """民法典 arts. 201–203 and the case file's order (REFERENCE §2.5): no event before receipt; closing
    not before the decision it closes; archiving not before closing."""
    number = cli.add()
    cli.refused(number, "reject", {"on": "2026-09-15", "reason": "respondent_refuses"}, says="早于收到申请日期")
    cli.ok(number, "reject", {"on": "2026-09-20", "reason": "respondent_refuses"})
    cli.refused(number, "close", {"on": "2026-09-19"}, says="不予受理日期")
    cli.ok(number, "close", {"on": "2026-09-21"})
    cli.print("rejection", number)
    cli.refused(number, "archive", {"on": "2026-09-20", "catalog": [{"doc_type": "identity", "pages": 1}]},
                says="结案日期")
    failed = cli.add()
    cli.ok(failed, "accept", {"on": "2026-09-18"})
    cli.refused(failed, "fail", {"on": "2026-09-17", "reason": "refusal"}, says="受理日期")


def test_rejected_case_is_archived_with_the_papers_of_its_path(cli):
    """RMTJ-JZ 卷内目录 (REFERENCE §3.9) with the labour additions: a case never mediated needs no
    调解笔录 or 告知书 — its file is the application, identity papers and the 不予受理通知书."""
    number = cli.add()
    cli.ok(number, "reject", {"on": "2026-09-17", "reason": "not_labor_dispute"})
    cli.ok(number, "close", {"on": "2026-09-18"})
    cli.print("rejection", number)
    cli.print("application", number)
    catalog = cli.text("catalog", number)
    assert "调解笔录" not in catalog and "权利义务告知书" not in catalog
    assert "缺少必备材料：当事人身份证明。" in catalog  # the only item the rejected path still lacks
    cli.ok(number, "archive", {"on": "2026-09-25", "catalog": [
        {"doc_type": "identity", "title": "申请人身份证复印件", "pages": 1}]})
    assert cli.show(number)["state"] == "archived"


def test_archive_catalogue_is_kept_and_printed_as_archived(cli):
    """一案一档 (RMTJ-JZ, REFERENCE §3.9): the 卷内目录 and the cover's 卷内页数 are those of the file as
    archived — the papers listed with the archive action stay listed, reprints add no pages."""
    number = _agreed(cli, due_on="2026-09-30")
    cli.ok(number, "perform-item", {"item": 1, "on": "2026-09-29"})
    cli.ok(number, "close", {"on": "2026-10-09"})
    for doc in ("application", "notice", "acceptance", "agreement"):
        assert cli.print(doc, number).returncode == 0
    cli.ok(number, "archive", {"on": "2026-10-20", "catalog": [
        {"doc_type": "identity", "title": "当事人身份证明", "pages": 2},
        {"doc_type": "record", "title": "调解笔录", "pages": 3}]})
    shown = cli.show(number)
    stored = shown["decision"]["archive_catalog"]
    assert [e["doc_type"] for e in stored] == ["application", "notice", "identity", "acceptance", "record",
                                               "agreement"]
    catalog = cli.text("catalog", number)
    assert "当事人身份证明" in catalog and "缺" not in catalog
    total = sum(e["pages"] for e in stored)
    pages = [re.search(r"卷内页数(\d+)页", cli.text("cover", number)).group(1) for _ in range(3)]
    assert pages == [str(total)] * 3
    assert f"-{total}" in catalog  # the last paper ends on the last page of the file


def test_extension_does_not_suspend_the_right_to_arbitration(cli):
    """LDTJ art. 14 ¶3 and art. 5: after the 15 days any party may apply for arbitration; an agreed
    extension lets mediation go on but does not turn that right off."""
    number = cli.add()
    cli.ok(number, "accept", {"on": "2026-09-17"})
    cli.ok(number, "extend", {"new_end": "2027-01-20", "applicant_consent_on": "2026-10-05",
                              "respondent_consent_on": "2026-10-05"})
    shown = cli.show(number)
    assert shown["deadlines"]["mediation"] == "2027-01-20"
    assert shown["arbitration_right_from"] == "2026-10-08"
    assert shown["may_apply_for_arbitration"] is True
    notice = cli.text("notice", number)
    assert "2027年1月20日" in notice and "即2026年10月8日前" in notice and "不影响当事人申请仲裁" in notice


def test_collective_dispute_without_representatives_is_registered_with_a_warning(cli):
    """LDTJ art. 7: ten or more workers with a common claim *may* elect representatives; the local
    rules' 3–5 is the usual number — warn, don't refuse."""
    workers = [applicant(f"工人{i:02d}", seq=300 + 2 * i) for i in range(10)]
    path = cli._file({"cases": [case_payload(applicants=workers)]})
    done = cli.run("case", "add", "--json", path)
    assert done.returncode == 0, done.stderr
    assert "未推举代表" in done.stdout and "第七条" in done.stdout
    number = re.search(r"已登记：(\S+)", done.stdout).group(1)
    assert cli.show(number)["collective"] is True
    for w in workers[:2]:
        w["is_representative"] = True
    two = cli.run("case", "add", "--json", cli._file({"cases": [case_payload(applicants=workers)]}))
    assert two.returncode == 0 and "通常为3至5人，现为2人" in two.stdout


def test_arbitration_entrusted_case_has_its_own_period_and_returns_to_the_hearing(cli):
    """办案规则 (R33, 仲裁中委托调解, REFERENCE §2.3): with the parties' consent the tribunal entrusts
    mediation; no agreement within 10 days → the hearing proceeds (not “apply for arbitration”)."""
    number = cli.add(source="arbitration_entrusted")
    shown = cli.show(number)
    assert shown["deadlines"]["mediation"] == "2026-09-28"  # 16 Sep + 10 days = Sat 26 Sep → Mon 28 Sep
    assert "仲裁委委托调解" in shown["deadline_details"]["mediation"]["basis"]
    assert shown["may_apply_for_arbitration"] is False
    cli.ok(number, "accept", {"on": "2026-09-17"})
    assert "退回该仲裁委员会继续仲裁审理" in cli.text("acceptance", number)
    cli.refused(number, "fail", {"on": "2026-09-28", "reason": "period_lapsed"}, says="尚未届满")
    cli.ok(number, "fail", {"on": "2026-09-29", "reason": "period_lapsed"})
    text = cli.text("termination", number)
    assert "退回该仲裁委员会" in text and "继续仲裁审理" in text and "申请仲裁" not in text


def test_limitation_restarts_from_the_termination_date(cli):
    """民法典 art. 195 and LDTJ art. 27: applying for mediation interrupts the one-year limitation; it
    runs afresh from the end of mediation.  2027 has no holiday data: the printed date carries the
    screen's warning."""
    number = cli.add()
    cli.ok(number, "accept", {"on": "2026-09-17"})
    cli.ok(number, "fail", {"on": "2026-10-09", "reason": "period_lapsed"})
    shown = cli.show(number)
    assert shown["deadlines"]["limitation"] == "2027-10-11"  # 9 Oct 2027 is a Saturday
    warning = shown["deadline_details"]["limitation"]["warning"]
    assert warning and "2027年的法定节假日数据缺失" in warning
    text = cli.text("termination", number)
    assert "本案于2026年10月9日终止调解" in text and "至2027年10月11日届满" in text
    assert "2027年的法定节假日数据缺失" in text and "2027年8月31日" not in text
    printed = cli.print("termination", number)
    assert "2027年的法定节假日数据缺失" in printed.stderr  # the same warning on the command line


def test_limitation_restarts_from_the_rejection_date(cli):
    """LDTJ art. 27 ¶2: applying for mediation is a request for a remedy (向有关部门请求权利救济) and
    interrupts the limitation even when the application is not accepted; it runs afresh (民法典
    art. 195) from the 不予受理 decision, and the notice says so with that date."""
    number = cli.add(infringement_known_on="2026-01-05")
    before = cli.show(number)["deadlines"]["limitation"]
    assert before.startswith("2027-01-0")  # one year from knowing, before any decision
    cli.ok(number, "reject", {"on": "2026-09-17", "reason": "respondent_refuses"})
    shown = cli.show(number)
    assert shown["deadlines"]["limitation"] == "2027-09-17"  # a Friday
    text = cli.text("rejection", number)
    assert "自不予受理之日（2026年9月17日）起重新计算" in text and "至2027年9月17日届满" in text
    assert "据你（们）陈述" not in text
