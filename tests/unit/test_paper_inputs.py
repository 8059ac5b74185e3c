"""What each new paper asks at print and when it may be issued (core/papers.py, core/paper_inputs.py)."""

from __future__ import annotations

from datetime import date

import pytest

from hexie_desktop.core import dossier, fields, paper_inputs, papers
from hexie_desktop.core.case_view import CaseView, from_json
from hexie_desktop.core.errors import NotAllowed, UserError

TODAY = date(2026, 12, 4)


def _case(state: str, *, sessions: int = 0, documents: tuple[str, ...] = (), **decision) -> CaseView:
    return from_json(_data(state, sessions=sessions, documents=documents, **decision))


def _data(state: str, *, sessions: int = 0, documents: tuple[str, ...] = (), **decision) -> dict:
    """The case as its JSON gives it (``case show --json``)."""
    return {
        "state": state, "decision": decision, "attachments": [],
        "sessions": [{"seq": n, "held_on": "2026-09-18"} for n in range(1, sessions + 1)],
        "documents": [{"id": f"d{i}", "doc_type": t, "title": t, "issued_at": "2026-09-20T08:00:00"}
                      for i, t in enumerate(documents)],
        "applicants": [{"name": "张三", "address": "东坝村1号"}, {"name": "李四", "address": "东坝村2号"}],
        "respondent": {"name": "宏达公司", "address": "建设路8号"},
    }


@pytest.mark.parametrize("doc,case,ok", [
    ("mediation_notice", _case("accepted", accepted_on="2026-09-17"), True),
    ("mediation_notice", _case("registered"), False),
    ("mediation_notice", _case("agreed", accepted_on="2026-09-17"), False),
    ("withdrawal", _case("registered"), True),
    ("withdrawal", _case("mediating", accepted_on="2026-09-17"), True),
    ("withdrawal", _case("closed", accepted_on="2026-09-17", withdrawn_on="2026-09-19"), True),
    ("withdrawal", _case("rejected", rejected_on="2026-09-17"), False),
    ("withdrawal", _case("failed", accepted_on="2026-09-17", failed_on="2026-09-30"), False),
    ("default_notice", _case("performing", accepted_on="2026-09-17"), False),
    ("default_notice", _case("defaulted", accepted_on="2026-09-17", defaulted_on="2026-10-11"), True),
    ("default_notice", _case("closed", accepted_on="2026-09-17", defaulted_on="2026-10-11"), True),
    ("recommendation", _case("mediating", accepted_on="2026-09-17"), True),
    ("recommendation", _case("closed", accepted_on="2026-09-17", closed_on="2026-10-01"), True),
    ("recommendation", _case("performing", accepted_on="2026-09-17"), False),
    ("recommendation", _case("closed", rejected_on="2026-09-17", closed_on="2026-09-18"), False),
    ("service", _case("accepted", accepted_on="2026-09-17"), False),
    ("service", _case("accepted", accepted_on="2026-09-17", documents=("acceptance",)), True),
    ("service", _case("accepted", accepted_on="2026-09-17", documents=("record",)), False),
])
def test_when_each_new_paper_may_be_issued(doc, case, ok):
    """LDTJ art. 13 (调解通知书 once accepted), art. 15/16 (未履行告知书 only after a recorded default,
    民法典 art. 203), L17 art. 4 (调解建议书 for accepted/mediating/closed cases), RMTJ-JZ 卷内目录 (撤回
    申请书 while it may be withdrawn, or once withdrawn), REFERENCE §3.7 (送达回证 of issued papers)."""
    assert papers.allowed(doc, case) is ok
    if not ok:
        with pytest.raises(NotAllowed):
            papers.check(doc, case)


def test_record_asks_which_session():
    """REFERENCE §3.4: one 调解笔录 per session."""
    two = _case("mediating", sessions=2, accepted_on="2026-09-17")
    with pytest.raises(UserError, match="--session"):
        paper_inputs.resolve("record", two, {}, TODAY)
    with pytest.raises(UserError, match="第3次"):
        paper_inputs.resolve("record", two, {"session": 3}, TODAY)
    assert paper_inputs.resolve("record", two, {"session": "2"}, TODAY) == {"session": 2}
    one = _case("mediating", sessions=1, accepted_on="2026-09-17")
    assert paper_inputs.resolve("record", one, None, TODAY) == {"session": 1}
    assert paper_inputs.subject("record", {"session": 2}) == "第2次调解"


def test_service_is_one_delivery_of_chosen_papers():
    """REFERENCE §3.7 送达回证: the papers delivered, the addressee, the method, the date."""
    case = _case("accepted", documents=("acceptance", "notice", "acceptance", "record"), accepted_on="2026-09-17")
    with pytest.raises(UserError, match="请选择"):
        paper_inputs.resolve("service", case, {"recipient": "张三"}, TODAY)
    with pytest.raises(UserError, match="请指定受送达人"):
        paper_inputs.resolve("service", case, {"documents": ["notice"]}, TODAY)
    with pytest.raises(UserError, match="不是本案已出具"):
        paper_inputs.resolve("service", case, {"documents": ["d3"], "recipient": "张三"}, TODAY)  # a record
    with pytest.raises(UserError, match="不是本案当事人"):
        paper_inputs.resolve("service", case, {"documents": ["notice"], "recipient": "王五"}, TODAY)
    with pytest.raises(UserError, match="送达日期"):
        paper_inputs.resolve("service", case, {"documents": ["notice"], "recipient": "张三",
                                               "served_on": "2026-09-19"}, TODAY)
    paper = paper_inputs.resolve("service", case, {"documents": ["acceptance", "d1", "acceptance"],
                                                   "recipient": "宏达公司", "method": "mail"}, TODAY)
    assert [d["id"] for d in paper["documents"]] == ["d2", "d1"]  # the latest acceptance, once each
    assert paper["address"] == "建设路8号" and paper["method_label"] == "邮寄送达"
    assert paper_inputs.subject("service", paper) == "acceptance、notice→宏达公司"


def test_dated_papers_and_unknown_options():
    """A paper is not dated before the decision it follows, nor in the future; options a paper does
    not take are refused by name."""
    case = _case("defaulted", accepted_on="2026-09-17", defaulted_on="2026-10-11")
    assert paper_inputs.resolve("default_notice", case, {}, TODAY) == {"issued_on": "2026-12-04"}
    with pytest.raises(UserError, match="登记未履行日期"):
        paper_inputs.resolve("default_notice", case, {"on": "2026-10-10"}, TODAY)
    with pytest.raises(UserError, match="晚于今天"):
        paper_inputs.resolve("default_notice", case, {"on": "2026-12-05"}, TODAY)
    with pytest.raises(UserError, match="contnet"):
        paper_inputs.resolve("recommendation", case, {"contnet": "x"}, TODAY)
    with pytest.raises(NotAllowed):
        paper_inputs.resolve("acceptance", case, {"content": "x"}, TODAY)
    assert paper_inputs.resolve("acceptance", case, None, TODAY) is None


def test_clock_times():
    """Session times are read as 时:分 and refused when impossible."""
    assert fields.clock("9:30", "t") == "09:30" and fields.clock("14时", "t") == "14:00"
    for bad in ("24:00", "9:60", "noon"):
        with pytest.raises(UserError):
            fields.clock(bad, "t")


def test_catalogue_lists_one_record_per_session():
    """RMTJ-JZ 卷内目录 (REFERENCE §3.9): one 调解笔录 per session; a re-issue replaces the earlier one."""
    data = _data("closed", sessions=2, accepted_on="2026-09-17", closed_on="2026-10-01")
    data["documents"] = [
        {"doc_type": "record", "subject": "第1次调解", "title": "调解笔录（第1次调解）", "pages": 2},
        {"doc_type": "record", "subject": "第2次调解", "title": "调解笔录（第2次调解）", "pages": 1},
        {"doc_type": "record", "subject": "第1次调解", "title": "调解笔录（第1次调解）", "pages": 3},
    ]
    entries = [e for e in dossier.catalog_entries(from_json(data)) if e.doc_type == "record"]
    assert [(e.title, e.pages) for e in entries] == [("调解笔录（第2次调解）", 1), ("调解笔录（第1次调解）", 3)]
