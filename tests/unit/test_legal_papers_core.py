"""Core rules behind the papers of issue 10 (Papers 11, 12, 13 and the printed periods)."""

from __future__ import annotations

from datetime import date

import pytest

from hexie_desktop.core import papers, workflow
from hexie_desktop.documents import formatting as fmt
from hexie_desktop.documents.templates import common

ITEM = workflow.ItemFacts("支付拖欠工资", "某公司", 500000, date(2026, 10, 10))


def test_a_draft_needs_terms_but_no_signature():
    """LDTJ art. 14: the signature facts make the agreement take effect, not the draft the parties sign."""
    draft = workflow.AgreementFacts(None, None, None, None, items=(ITEM,))
    assert workflow.draft_problems(draft) == []
    assert any("调解组织印章" in p for p in workflow.agreement_problems(draft))
    empty = workflow.AgreementFacts(None, None, None, None)
    assert workflow.draft_problems(empty) and "不能都为空" in workflow.draft_problems(empty)[0]
    undated = workflow.AgreementFacts(None, None, None, None, items=(workflow.ItemFacts("x", "y", 1, None),))
    assert workflow.draft_problems(undated) == ["第1项缺少履行期限"]


def test_draft_is_refused_once_the_agreement_took_effect():
    """An effective agreement (LDTJ art. 14) binds the parties: its draft can no longer be edited."""
    facts = workflow.CaseFacts("performing", date(2026, 9, 16), agreement_effective=True)
    assert "已生效" in workflow.unavailable_reason("draft-agreement", facts)
    assert workflow.unavailable_reason("draft-agreement", workflow.CaseFacts("accepted", date(2026, 9, 16))) is None


def test_shares_add_up_and_a_collective_agreement_names_everyone():
    """LDTJ art. 16 (支付令 per worker) and art. 7 (collective dispute of ten or more workers)."""
    assert workflow.share_problems((100, 200), (300,), (), collective=True, taking_effect=True) == []
    assert "不一致" in workflow.share_problems((100, 100), (300,), (), collective=False, taking_effect=False)[0]
    assert workflow.share_problems((), (300,), ("甲",), collective=True, taking_effect=False) == []
    said = workflow.share_problems((), (300,), tuple(f"工人{n}" for n in range(7)), collective=True,
                                   taking_effect=True)
    assert "尚未列明：工人0、工人1、工人2、工人3、工人4等7人" in said[0]
    assert workflow.share_problems((), (0,), ("甲",), collective=True, taking_effect=True) == []  # nothing to pay


@pytest.mark.parametrize("reason,route", [("not_labor_dispute", "civil"), ("in_arbitration_or_court", "continue"),
                                          ("respondent_refuses", "arbitration"), ("other", "arbitration"),
                                          (None, "arbitration")])
def test_rejection_routes_by_reason(reason, route):
    """民法典 art. 188 (not a labour dispute: civil routes, 3 years); LDTJ art. 27 (labour arbitration)."""
    assert papers.rejection_route(reason) == route
    assert papers.CIVIL_LIMITATION_YEARS == 3


@pytest.mark.parametrize("n,words", [(1, "一"), (10, "十"), (15, "十五"), (20, "二十"), (30, "三十"), (45, "四十五"),
                                     (100, "一百"), (105, "一百零五"), (120, "一百二十"), (365, "三百六十五"),
                                     (1010, "一千零一十"), (3650, "三千六百五十")])
def test_period_lengths_in_words(n, words):
    """The printed 十五日内/三十日内 come from the configured lengths."""
    assert fmt.cn_count(n) == words


def test_period_words_fall_back_to_the_statute_and_cite_only_it():
    """LDTJ art. 14 (15 days), 民事诉讼法 art. 205 (30 days): a local length is printed without the citation."""
    assert common.period_words({}, "mediation_days") == "十五"
    data = {"periods": {"mediation_days": 20, "judicial_confirmation_days": 30}}
    assert common.period_words(data, "mediation_days") == "二十"
    assert common.cite(data, "mediation_days", "（第十四条）") == ""
    assert common.cite(data, "judicial_confirmation_days", "（第二百零五条）") == "（第二百零五条）"
    assert common.period_words({"periods": {"mediation_days": True}}, "mediation_days") == "十五"
