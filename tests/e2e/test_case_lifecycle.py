"""The whole case life through the services on a real SQLite file, with the law's dates."""

from __future__ import annotations

import pytest

from hexie_desktop.core.errors import NotAllowed, UserError, ValidationErrors
from hexie_desktop.services import case_actions, case_queries, cases
from hexie_desktop.storage import audit
from tests.e2e.helpers import applicant, case_payload, db_digest, signatures


def _register(ctx, **overrides) -> str:
    return cases.register(ctx, {"cases": [case_payload(**overrides)]})[0].number


def test_registration_numbers_and_statutory_deadlines(ctx):
    number = _register(ctx)
    assert number == "（2026）东坝劳调字第1号"
    view = case_queries.show(ctx, number)
    assert view["state"] == "registered"
    # 16 Sep + 15 days = 1 Oct (National Day) → first working day after the holiday.
    assert view["deadlines"]["mediation"] == "2026-10-08"
    # Three working days after Wed 16 Sep: 17, 18 and Sunday 20 Sep (a swapped working day).
    assert view["deadlines"]["acceptance"] == "2026-09-20"
    assert view["deadlines"]["limitation"] == "2027-08-31"
    assert view["may_apply_for_arbitration"] is True  # today (21 Nov) is past 8 Oct
    assert view["applicants"][0]["id_number"].startswith("1101") and "*" in view["applicants"][0]["id_number"]
    assert view["applicants"][0]["sex"] == "male"  # odd sequence number 123
    assert view["applicants"][0]["birth_date"] == "1990-05-17"
    second = _register(ctx, received_on="2026-10-02")
    assert second == "（2026）东坝劳调字第2号"


def test_full_life_agreement_performance_followup_close_archive(ctx):
    number = _register(ctx)
    assert case_actions.apply(ctx, number, "accept", {"on": "2026-09-17"}).state == "accepted"
    assert case_actions.apply(ctx, number, "record-session", {"held_on": "2026-09-18"}).state == "mediating"
    agreement = {"items": [
        {"obligation": "支付拖欠工资", "amount": "10000.00", "due_on": "2026-09-30", "category": "wages"},
        {"obligation": "支付加班费", "amount": "2345.60", "due_on": "2026-10-15", "category": "wages"},
    ], **signatures()}
    result = case_actions.apply(ctx, number, "agree", agreement)
    assert result.state == "performing"
    view = case_queries.show(ctx, number)
    assert view["agreement"]["effective_on"] == "2026-09-20"
    assert view["deadlines"]["arbitration_review"] == "2026-10-08"  # 5 Oct is a holiday → after 7 Oct
    assert view["deadlines"]["judicial_confirmation"] == "2026-10-20"
    assert view["deadlines"]["follow_up"] == "2026-10-22"
    assert view["agreement"]["items"][0]["amount_upper"] == "人民币壹万元整"
    assert case_actions.apply(ctx, number, "perform-item", {"item": 1, "on": "2026-09-29"}).state == "performing"
    assert case_actions.apply(ctx, number, "perform-item", {"item": 2, "on": "2026-10-14"}).state == "performed"
    assert case_actions.apply(ctx, number, "follow-up", {"visited_on": "2026-10-20", "satisfaction": "satisfied"}
                              ).state == "performed"
    closed = case_actions.apply(ctx, number, "close", {"on": "2026-10-21"})
    assert closed.state == "closed" and closed.message.startswith("协议已履行")
    incomplete = [{"doc_type": t} for t in ("application", "registration", "agreement")]
    with pytest.raises(NotAllowed) as info:
        case_actions.apply(ctx, number, "archive", {"on": "2026-10-30", "catalog": incomplete})
    for title in ("当事人权利义务告知书", "当事人身份证明", "受理通知书", "调解笔录"):
        assert title in info.value.message
    catalog = incomplete + [{"doc_type": t, "title": "…", "pages": 1}
                            for t in ("notice", "identity", "acceptance", "record")]
    archived = case_actions.apply(ctx, number, "archive", {"on": "2026-10-30", "catalog": catalog})
    assert archived.state == "archived"
    view = case_queries.show(ctx, number)
    assert view["decision"]["archive_number"] == "2026-1"
    assert view["deadlines"]["archive"] == "2026-11-20"
    assert [e["to_state"] for e in view["events"]] == [
        "registered", "accepted", "mediating", "agreed", "performing", "performing", "performed", "performed",
        "closed", "archived"]


def test_agreement_refused_until_all_four_signature_facts(station, ctx):
    number = _register(ctx)
    case_actions.apply(ctx, number, "accept", {"on": "2026-09-17"})
    case_actions.apply(ctx, number, "record-session", {"held_on": "2026-09-18"})
    items = [{"obligation": "支付工资", "amount": "100", "due_on": "2026-09-30"}]
    full = signatures()
    for missing in full:
        partial = {k: v for k, v in full.items() if k != missing}
        before = db_digest(station)
        with pytest.raises(NotAllowed) as info:
            case_actions.apply(ctx, number, "agree", {"items": items, **partial})
        assert "缺少" in info.value.message
        assert db_digest(station) == before
    assert case_actions.apply(ctx, number, "agree", {"items": items, **full}).state == "performing"


def test_agreement_needs_items_or_terms_in_words_in_every_path(station, ctx):
    """LDTJ art. 14: the agreement states what was agreed.  An agreement confirming the labour
    relation has nothing to pay (terms in words, no item); an empty one is refused.  The GUI dialog
    asks the same core rule (workflow.agreement_problems), so the two paths cannot disagree."""
    number = _register(ctx)
    case_actions.apply(ctx, number, "accept", {"on": "2026-09-17"})
    case_actions.apply(ctx, number, "record-session", {"held_on": "2026-09-18"})
    before = db_digest(station)
    with pytest.raises(NotAllowed) as info:
        case_actions.apply(ctx, number, "agree", {"items": [], "content": "  ", **signatures()})
    assert "协议内容和协议事项不能都为空" in info.value.message
    assert db_digest(station) == before
    done = case_actions.apply(ctx, number, "agree", {"content": "双方确认自2025年3月1日起存在劳动关系。",
                                                     **signatures()})
    assert done.state == "agreed"                   # nothing to perform: it can be closed at once


@pytest.mark.parametrize("action,data,error", [
    ("agree", {}, NotAllowed),                      # registered → agree is not a transition
    ("close", {}, NotAllowed),
    ("reject", {}, UserError),                      # reason required
    ("reject", {"reason": "other"}, UserError),     # "other" needs a note
    ("reject", {"reason": "nonsense"}, UserError),
    ("accept", {"on": "2026-09-01"}, UserError),    # before receipt
    ("accept", {"on": "2026-12-01"}, UserError),    # in the future
    ("accept", {"on": "2026-02-30"}, UserError),    # impossible date
    ("fly", {}, UserError),                         # unknown action
])
def test_refusals_change_nothing(station, ctx, action, data, error):
    number = _register(ctx)
    before = db_digest(station)
    with pytest.raises(error):
        case_actions.apply(ctx, number, action, data)
    assert db_digest(station) == before


def test_failure_and_withdrawal_paths(ctx):
    a = _register(ctx)
    case_actions.apply(ctx, a, "accept", {"on": "2026-09-17"})
    with pytest.raises(UserError):
        case_actions.apply(ctx, a, "fail", {"on": "2026-09-20"})
    assert case_actions.apply(ctx, a, "fail", {"on": "2026-09-20", "reason": "refusal"}).state == "failed"
    assert case_actions.apply(ctx, a, "close", {"on": "2026-09-21"}).message.startswith("调解不成")
    with pytest.raises(NotAllowed) as info:
        case_actions.apply(ctx, a, "archive", {"on": "2026-09-25"})
    assert "终止调解通知书" in info.value.message
    b = _register(ctx)
    assert case_actions.apply(ctx, b, "withdraw", {"on": "2026-09-17"}).state == "withdrawn"
    c = _register(ctx)
    assert case_actions.apply(ctx, c, "reject", {"reason": "respondent_refuses"}).state == "rejected"


def test_extension_needs_both_consents_and_moves_the_mediation_end(ctx):
    number = _register(ctx)
    case_actions.apply(ctx, number, "accept", {"on": "2026-09-17"})
    with pytest.raises(NotAllowed):
        case_actions.apply(ctx, number, "extend", {"new_end": "2026-10-20", "applicant_consent_on": "2026-09-25"})
    with pytest.raises(UserError):
        case_actions.apply(ctx, number, "extend", {"new_end": "2026-10-01", "applicant_consent_on": "2026-09-25",
                                                   "respondent_consent_on": "2026-09-25"})
    case_actions.apply(ctx, number, "extend", {"new_end": "2026-10-20", "applicant_consent_on": "2026-09-25",
                                               "respondent_consent_on": "2026-09-26"})
    assert case_queries.show(ctx, number)["deadlines"]["mediation"] == "2026-10-20"


def test_default_after_overdue_item_offers_payment_order(ctx):
    number = _register(ctx)
    case_actions.apply(ctx, number, "accept", {"on": "2026-09-17"})
    case_actions.apply(ctx, number, "record-session", {"held_on": "2026-09-18"})
    with pytest.raises(NotAllowed):
        case_actions.apply(ctx, number, "default", {})
    case_actions.apply(ctx, number, "agree", {"items": [
        {"obligation": "支付工资", "amount": "5000", "due_on": "2026-10-10", "category": "wages"}], **signatures()})
    result = case_actions.apply(ctx, number, "default", {"on": "2026-10-20"})
    assert result.state == "defaulted" and "支付令" in result.message


def test_batch_registration_is_all_or_nothing_and_names_index_and_field(station, ctx):
    good = case_payload()
    bad_id = case_payload(applicants=[applicant(id_number="110105199005171231")])
    bad_id["applicants"][0]["id_number"] = "11010519900517123X"
    before = db_digest(station)
    with pytest.raises(ValidationErrors) as info:
        cases.register(ctx, {"cases": [good, bad_id]})
    fields = [e.field for e in info.value.errors]
    assert fields == ["cases[1].applicants[0].id_number"]
    assert db_digest(station) == before


@pytest.mark.parametrize("mutate,field", [
    (lambda p: p.update(received_on="2026-13-01"), "cases[0].received_on"),
    (lambda p: p["claims"][0].update(category="salary"), "cases[0].claims[0].category"),
    (lambda p: p["claims"][0].update(amount="12.345"), "cases[0].claims[0].amount"),
    (lambda p: p["claims"][0].update(amount="-5"), "cases[0].claims[0].amount"),
    (lambda p: p["respondent"].update(credit_code="91110105MA01ABCD20"), "cases[0].respondent.credit_code"),
    (lambda p: p.update(source="letter"), "cases[0].source"),
    (lambda p: p.update(applicants=[]), "cases[0].applicants"),
    (lambda p: p["applicants"][0].update(phone="12345"), "cases[0].applicants[0].phone"),
    (lambda p: p.update(received_on="2027-01-05"), "cases[0].received_on"),
])
def test_bad_input_is_named(station, ctx, mutate, field):
    payload = case_payload()
    mutate(payload)
    before = db_digest(station)
    with pytest.raises(ValidationErrors) as info:
        cases.register(ctx, {"cases": [payload]})
    assert field in [e.field for e in info.value.errors]
    assert db_digest(station) == before


def test_collective_case_needs_three_to_five_representatives(ctx):
    workers = [applicant(f"工人{i:02d}", seq=100 + i) for i in range(12)]
    with pytest.raises(ValidationErrors):
        cases.register(ctx, {"cases": [case_payload(applicants=workers)]})
    for w in workers[:3]:
        w["is_representative"] = True
    number = cases.register(ctx, {"cases": [case_payload(applicants=workers)]})[0].number
    view = case_queries.show(ctx, number)
    assert view["collective"] is True and view["workers"] == 12


def test_employer_deduplicated_by_credit_code(ctx):
    _register(ctx)
    _register(ctx)
    from hexie_desktop.services import employers

    assert len(employers.search(ctx, "宏达")) == 1


def test_search_short_and_long_queries(ctx):
    _register(ctx, applicants=[applicant("欧阳娜娜")])
    _register(ctx, applicants=[applicant("王五", seq=125)])
    assert [r.applicants for r in cases.list_cases(ctx, cases.CaseFilter(search="王五"))] == ["王五"]
    assert [r.applicants for r in cases.list_cases(ctx, cases.CaseFilter(search="娜"))] == ["欧阳娜娜"]
    assert [r.applicants for r in cases.list_cases(ctx, cases.CaseFilter(search="欧阳娜"))] == ["欧阳娜娜"]
    assert len(cases.list_cases(ctx, cases.CaseFilter(search="宏达建筑"))) == 2
    assert len(cases.list_cases(ctx, cases.CaseFilter(search="第2号"))) == 1
    assert cases.list_cases(ctx, cases.CaseFilter(search="13800138000"))
    assert cases.list_cases(ctx, cases.CaseFilter(search="100%")) == []
    assert cases.count_cases(ctx, cases.CaseFilter(state="registered")) == 2


def test_every_action_writes_one_audit_entry_and_chain_verifies(station, ctx):
    number = _register(ctx)
    case_actions.apply(ctx, number, "accept", {"on": "2026-09-17"})
    with station.db.read() as session:
        report = audit.verify(session)
    assert report.ok and report.entries == 3  # init, register, accept
    with station.db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE audit_log SET summary = 'x' WHERE id = 2")
    with station.db.read() as session:
        tampered = audit.verify(session)
    assert not tampered.ok and tampered.first_bad_id == 2


def test_unmasking_needs_the_right_and_is_audited(station, ctx):
    from hexie_desktop.services.context import Actor

    number = _register(ctx)
    full = case_queries.show(ctx, number, unmask=True)
    assert "*" not in full["applicants"][0]["id_number"]
    clerk = station.context(Actor("clerk1", "窗口", "clerk"))
    with pytest.raises(NotAllowed):
        case_queries.show(clerk, number, unmask=True)
    with station.db.read() as session:
        from sqlalchemy import select

        from hexie_desktop.storage.models import AuditEntry

        actions = list(session.execute(select(AuditEntry.action)).scalars())
    assert actions.count("pii.unmask") == 1


def test_met_deadlines_are_done_not_overdue(ctx):
    number = _register(ctx)
    details = case_queries.show(ctx, number)["deadline_details"]
    assert details["acceptance"]["status"] == "overdue" and details["acceptance"]["active"]
    case_actions.apply(ctx, number, "accept", {"on": "2026-09-17"})
    details = case_queries.show(ctx, number)["deadline_details"]
    assert details["acceptance"]["status"] == "met" and not details["acceptance"]["active"]
    assert details["mediation"]["status"] == "overdue"
    case_actions.apply(ctx, number, "fail", {"on": "2026-09-20", "reason": "refusal"})
    assert case_queries.show(ctx, number)["deadline_details"]["mediation"]["status"] == "met"


@pytest.mark.parametrize("sort,descending,expected", [
    ("claimed", True, ["王五", "欧阳娜娜", "张三"]),
    ("claimed", False, ["张三", "欧阳娜娜", "王五"]),
    ("number", False, ["张三", "王五", "欧阳娜娜"]),
    ("received_on", True, ["欧阳娜娜", "王五", "张三"]),
])
def test_case_list_sorted_in_the_database(ctx, sort, descending, expected):
    for name, amount, day, seq in (("张三", "100", "2026-09-01", 11), ("王五", "900", "2026-09-02", 13),
                                   ("欧阳娜娜", "500", "2026-09-03", 15)):
        _register(ctx, applicants=[applicant(name, seq=seq)], received_on=day,
                  claims=[{"category": "wages", "amount": amount}])
    ids = cases.case_ids(ctx, cases.CaseFilter(), sort=sort, descending=descending)
    assert [r.applicants for r in cases.case_rows(ctx, ids)] == expected
    with pytest.raises(UserError):
        cases.case_ids(ctx, cases.CaseFilter(), sort="id_number")
