"""Every document renders to an A4 PDF with embedded fonts, all its field values, nothing outside
the margins; content hashes are stable; the agreement's rules and the missing-glyph warning hold.

Inspects the PDFs with poppler-utils (required: ``scripts/setup.sh --test``).
"""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from reportlab.lib.units import mm

from hexie_desktop.core import money
from hexie_desktop.core.errors import NotAllowed, UserError
from hexie_desktop.documents import DOCUMENTS, content_hash, render
from hexie_desktop.documents.fonts import bundled_fonts
from hexie_desktop.documents.geometry import geometry
from hexie_desktop.documents.pdf import page_number_text
from tests.unit import test_documents_helpers as h

CASE_TYPES = [k for k, v in DOCUMENTS.items() if v.subject == "case"]
TOLERANCE = 0.75  # points


@pytest.fixture(scope="module", autouse=True)
def _poppler() -> None:
    h.require_poppler()


def _data(doc_type: str, which: str) -> dict:
    """The input used for ``doc_type``: rejected/failed variants where the document needs them."""
    if doc_type == "wallboard":
        return h.organization()
    case = h.individual() if which == "individual" else h.collective()
    if doc_type == "rejection":
        return h.rejected(case)
    if doc_type == "termination":
        return h.failed(case)
    return {**case, **PAPERS.get(doc_type, {})}


PAPERS = {  # what the new papers are given at print (core/paper_inputs.py)
    "mediation_notice": {"paper": {"session_on": "2026-09-20", "session_time": "09:30", "place": "第三调解室",
                                   "issued_on": "2026-09-17"}},
    "recommendation": {"paper": {"addressee": "某某公司", "content": "依法签订书面劳动合同。\n按月足额支付工资。",
                                 "issued_on": "2026-09-30"}},
    "withdrawal": {"paper": {"reason": "双方自行和解"}},
    "default_notice": {"decision": {"defaulted_on": "2026-12-01"}, "paper": {"issued_on": "2026-12-02"}},
}


def _fig(amount: str) -> str:
    return money.format_amount(money.parse_amount(amount))


def _upper(amount: str) -> str:
    return money.to_uppercase_rmb(money.parse_amount(amount))


def _expected(doc_type: str, data: dict, station: dict) -> list[str]:
    """Field values that must be findable in the PDF text of ``doc_type``."""
    if doc_type == "wallboard":
        return [data["name"], data["type_label"], data["address"], data["head"], *data["phones"],
                *[m["name"] for m in data["members"]], *[m["role"] for m in data["members"]],
                "调解员行为规范", "调解工作制度", "劳动人事争议调解工作程序"]
    people = data["applicants"]
    reps = [p for p in people if p["is_representative"]] or people[:1]
    respondent = data["respondent"]
    annex = len(people) > 8
    values = [data["number"]]
    everyone = [p["name"] for p in people]
    full = [v for p in people for v in (p["name"], p["id_number"], p["phone"])]
    summary = [f"{reps[0]['name']}等{len(people)}人"] if annex else everyone
    party = [respondent["name"], respondent["credit_code"], respondent["address"],
             respondent["legal_representative"], respondent["phone"]]
    if doc_type == "application":
        values += full + party + [c["description"] for c in data["claims"]]
        values += [_fig(c["amount"]) for c in data["claims"]] + [_upper(c["amount"]) for c in data["claims"]]
        values += [data["facts"].splitlines()[0][:30], *data["evidence"]]
        values += [p["address"] for p in (reps if annex else people)]
    elif doc_type == "registration":
        values += [v for p in (reps if annex else people) for v in (p["name"], p["id_number"], p["phone"],
                                                                     p["address"])]
        values += everyone if annex else []
        values += party + ["2026年9月16日", data["source_label"], data["main_category_label"],
                           _fig(data["claimed_total"]), _upper(data["claimed_total"]), data["mediator"]["name"],
                           data["decision"]["approver"], f"{data['workers']}人"]
    elif doc_type == "notice":
        values += summary + [respondent["name"], "2026年8月31日", "2027年8月31日", "2026年10月8日"]
    elif doc_type == "acceptance":
        values += summary + [respondent["name"], data["mediator"]["name"], "2026年10月8日", "2026年9月17日",
                             station["arbitration_commission"]]
    elif doc_type == "rejection":
        values += summary + [respondent["name"], "被申请人不同意调解", "2026年9月18日",
                             station["arbitration_commission"], station["arbitration_address"],
                             station["arbitration_phone"], "2027年8月31日"]
    elif doc_type == "record":
        values += summary + [respondent["name"]]
        for session in data["sessions"]:
            values += [session["place"], session["mediators"], session["recorder"],
                       session["statements"].splitlines()[0][:30], session["result"]]
        values += everyone if annex else []
        values += ["以上笔录已阅，记录属实"]
    elif doc_type == "agreement":
        values += (full if not annex else full + [v for p in reps for v in (p["address"],)]) + party
        for item in data["agreement"]["items"]:
            values += [item["obligation"], _fig(item["amount"]), _upper(item["amount"])]
        values += [station["arbitration_commission"], "一式三份", "第七十四条", "第二百零五条", "第十六条",
                   "第十五条", "第十四条"]
    elif doc_type == "termination":
        values += summary + [respondent["name"], "调解期限届满未达成协议", "2026年10月9日",
                             station["arbitration_commission"], "2027年8月31日"]
    elif doc_type == "service":
        addressees = reps if annex else people
        values += [p["name"] for p in addressees] + [p["address"] for p in addressees]
        values += [respondent["name"], respondent["address"], "《调解协议书》一份"]
    elif doc_type == "followup":
        for visit in data["follow_ups"]:
            values += [visit["person"], visit["performance_status"], visit["risks"], visit["measures"]]
        values += summary + [respondent["name"]]
    elif doc_type == "cover":
        values += summary + [respondent["name"], data["mediator"]["name"], "2026年9月16日"]
    elif doc_type == "major_report":
        values += summary + [respondent["name"], f"{data['workers']}人", _fig(data["claimed_total"]),
                             "区（县）、市协调劳动关系三方办公室", "特此报告"]
    elif doc_type == "mediation_notice":
        values += [respondent["name"], "2026年9月20日9时30分", "第三调解室", "第十三条"]
    elif doc_type == "recommendation":
        values += ["某某公司", "依法签订书面劳动合同。", "按月足额支付工资。", "2026年9月30日", "第四条"]
    elif doc_type == "withdrawal":
        values += [respondent["name"], "双方自行和解", "现申请人自愿撤回该调解申请", "第一百九十五条"]
    elif doc_type == "default_notice":
        values += [respondent["name"], "截至2026年12月1日", "第十五条"]
        overdue = [i for i in data["agreement"]["items"] if i["due_on"] < "2026-12-01" and not i["performed_on"]]
        values += [i["obligation"] for i in overdue]
        if any(i["category"] in ("wages", "work_injury", "contract_termination") for i in overdue):
            values += ["第十六条", "支付令"]
    elif doc_type == "catalog":
        values += [d["title"] for d in data["documents"]] + ["缺（必备材料）", "当事人身份证明"]
    return values


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> dict[tuple[str, str], tuple[Path, object, dict]]:
    """Every document type rendered for the individual and the collective case (bundled fonts)."""
    out = tmp_path_factory.mktemp("docs")
    results = {}
    for doc_type in DOCUMENTS:
        for which in ("individual", "collective"):
            if doc_type == "wallboard" and which == "collective":
                continue
            data = _data(doc_type, which)
            path = out / f"{doc_type}-{which}.pdf"
            result = render(doc_type, data, h.station(), path, fonts=bundled_fonts())
            results[(doc_type, which)] = (path, result, data)
    return results


KEYS = [(d, w) for d in DOCUMENTS for w in ("individual", "collective") if not (d == "wallboard" and w == "collective")]


@pytest.mark.parametrize("key", KEYS, ids=[f"{d}-{w}" for d, w in KEYS])
def test_every_font_is_embedded_as_a_subset(rendered, key):
    path, _result, _data = rendered[key]
    fonts = h.fonts_of(path)
    assert fonts
    for font in fonts:
        assert font.embedded and font.subset and font.unicode, font
        assert font.kind == "TrueType", font
    assert not any(f.name.endswith(("Helvetica", "STSong-Light")) for f in fonts)


@pytest.mark.parametrize("key", KEYS, ids=[f"{d}-{w}" for d, w in KEYS])
def test_page_size_and_page_count(rendered, key):
    path, result, _data = rendered[key]
    info = h.info_of(path)
    expected = "A2" if key[0] == "wallboard" else "A4"
    assert f"({expected})" in info["Page size"]
    assert int(info["Pages"]) == result.pages >= 1


@pytest.mark.parametrize("key", KEYS, ids=[f"{d}-{w}" for d, w in KEYS])
def test_every_field_value_is_in_the_text(rendered, key):
    path, _result, data = rendered[key]
    text = h.text_of(path)
    missing = [v for v in _expected(key[0], data, h.station()) if h.squash(v) not in text]
    assert not missing


@pytest.mark.parametrize("key", KEYS, ids=[f"{d}-{w}" for d, w in KEYS])
def test_text_stays_inside_the_margins(rendered, key):
    path, _result, _data = rendered[key]
    geo = geometry("A2" if key[0] == "wallboard" else "A4", poster=key[0] == "wallboard")
    pages, words = h.words_of(path)
    left, top = geo.left, geo.top
    right, bottom = geo.left + geo.block_width, geo.top + geo.block_height
    footers = {n: h.squash(page_number_text(n, len(pages))) for n in range(1, len(pages) + 1)}
    footer_words: dict[int, str] = {}
    for word in words:
        width, height = pages[word.page - 1]
        assert abs(width - geo.page_width) < 1 and abs(height - geo.page_height) < 1
        if word.y0 >= bottom - TOLERANCE:
            # Only the page number line lives below the text block, and it keeps off the edge.
            footer_words[word.page] = footer_words.get(word.page, "") + word.text
            assert word.y1 <= height - 15 * mm, word
            assert left - TOLERANCE <= word.x0 and word.x1 <= right + TOLERANCE, word
            continue
        assert left - TOLERANCE <= word.x0, word
        assert word.x1 <= right + TOLERANCE, word
        assert top - TOLERANCE <= word.y0, word
        assert word.y1 <= bottom + TOLERANCE, word
    if DOCUMENTS[key[0]].subject == "case" and key[0] != "cover":
        assert footer_words == {n: footers[n] for n in footers}


def test_page_numbers_read_x_of_y(rendered):
    path, result, _data = rendered[("agreement", "collective")]
    text = h.run("pdftotext", "-enc", "UTF-8", str(path), "-")
    for page in range(1, result.pages + 1):
        assert f"第 {page} 页 共 {result.pages} 页" in text


def test_rare_characters_come_out_as_themselves(rendered):
    path, result, _data = rendered[("agreement", "collective")]
    text = h.text_of(path)
    assert "邓𬌗" in text and "黄䶮" in text and "王㛃" in text
    assert result.warnings == []


@pytest.mark.parametrize("doc_type", ["application", "registration", "agreement"])
def test_amounts_appear_in_figures_and_in_capitals(rendered, doc_type):
    path, _result, data = rendered[(doc_type, "individual")]
    text = h.text_of(path)
    amounts = [data["claimed_total"]] if doc_type == "registration" else (
        [i["amount"] for i in data["agreement"]["items"]] if doc_type == "agreement"
        else [c["amount"] for c in data["claims"]])
    for amount in amounts:
        assert _fig(amount) in text
        assert _upper(amount) in text
    assert "人民币壹万贰仟叁佰肆拾伍元陆角整" in text  # 12,345.60


def test_agreement_total_is_printed(rendered):
    path, _result, data = rendered[("agreement", "individual")]
    total = sum(money.parse_amount(i["amount"]) for i in data["agreement"]["items"])
    assert money.to_uppercase_rmb(total) in h.text_of(path)


def test_collective_applicants_go_to_an_annex_table(rendered):
    path, _result, data = rendered[("agreement", "collective")]
    text = h.run("pdftotext", "-enc", "UTF-8", str(path), "-")
    assert "附件" in text and "申请人名单" in text and "名单见附件" in text
    pages = text.split("\f")
    annex_pages = [p for p in pages if "身份证件号码" in p]
    assert len(annex_pages) >= 2  # the header row is repeated on every page of the table
    assert "共30人" in h.squash(text)


def test_individual_case_has_no_annex(rendered):
    path, _result, _data = rendered[("agreement", "individual")]
    assert "名单见附件" not in h.text_of(path)


@pytest.mark.parametrize("doc_type", CASE_TYPES)
def test_rerendering_gives_the_same_content_hash_and_bytes(tmp_path, doc_type):
    data = _data(doc_type, "individual")
    first = render(doc_type, data, h.station(), tmp_path / "a.pdf", fonts=bundled_fonts())
    second = render(doc_type, copy.deepcopy(data), h.station(), tmp_path / "b.pdf", fonts=bundled_fonts())
    assert first.sha256 == second.sha256 == content_hash(doc_type, data)
    assert len(first.sha256) == 64
    assert first.file_sha256 == second.file_sha256
    assert (tmp_path / "a.pdf").read_bytes() == (tmp_path / "b.pdf").read_bytes()


def test_render_writes_atomically_and_replaces(tmp_path):
    target = tmp_path / "notice.pdf"
    target.write_bytes(b"old")
    result = render("notice", h.individual(), h.station(), target, fonts=bundled_fonts())
    assert result.path == target.resolve()
    assert target.read_bytes().startswith(b"%PDF")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notice.pdf"]


def test_render_into_a_missing_folder_is_a_user_error(tmp_path):
    with pytest.raises(UserError) as err:
        render("notice", h.individual(), h.station(), tmp_path / "nope" / "x.pdf", fonts=bundled_fonts())
    assert err.value.field == "out_path"


def test_unknown_document_type_is_refused(tmp_path):
    with pytest.raises(UserError):
        render("letter", h.individual(), h.station(), tmp_path / "x.pdf")


def test_final_agreement_with_an_item_lacking_a_due_date_is_refused(tmp_path):
    case = h.individual()
    case["agreement"]["items"][3]["due_on"] = None
    with pytest.raises(NotAllowed) as err:
        render("agreement", case, h.station(), tmp_path / "final.pdf", fonts=bundled_fonts())
    assert "第4项" in str(err.value) and "履行期限" in str(err.value)
    assert not (tmp_path / "final.pdf").exists()

    draft = render("agreement", case, h.station(), tmp_path / "draft.pdf", draft=True, fonts=bundled_fonts())
    text = h.text_of(draft.path)
    assert "草" in text and "稿" in text and "〔待定〕" in text  # the watermark is drawn at 45°
    assert "核验码" not in text  # no QR code on a draft


def test_a_character_no_font_has_gives_a_warning_and_a_box(tmp_path):
    case = h.individual()
    case["applicants"][0]["name"] = "黄\U000F0001䶮"
    result = render("application", case, h.station(), tmp_path / "a.pdf", fonts=bundled_fonts())
    assert len(result.warnings) == 1
    assert "U+F0001" in result.warnings[0] and "\U000F0001" in result.warnings[0]
    text = h.text_of(result.path)
    assert "黄" in text and "䶮" in text  # the document still renders around it
    for font in h.fonts_of(result.path):
        assert font.embedded


def test_missing_fields_render_as_blanks(tmp_path):
    case = {"id": "x", "applicants": [{"name": None}], "respondent": None, "agreement": {"items": [{}]}}
    for doc_type in CASE_TYPES:
        draft = doc_type == "agreement"
        result = render(doc_type, case, {}, tmp_path / f"{doc_type}.pdf", draft=draft, fonts=bundled_fonts())
        assert result.pages >= 1, doc_type
    empty = render("notice", {}, None, tmp_path / "empty.pdf", fonts=bundled_fonts())
    assert empty.pages >= 1


def test_wallboard_defaults_and_page_sizes(tmp_path):
    org = h.organization()
    a2 = render("wallboard", org, h.station(), tmp_path / "a2.pdf", fonts=bundled_fonts())
    a3 = render("wallboard", org, h.station(), tmp_path / "a3.pdf", page_size="A3", fonts=bundled_fonts())
    assert a2.pages == a3.pages == 5
    assert "(A3)" in h.info_of(a3.path)["Page size"]
    text = h.text_of(a3.path)
    assert "受理并调解辖区内的劳动人事争议" in text  # default duties
    with pytest.raises(UserError):
        render("notice", h.individual(), h.station(), tmp_path / "n.pdf", page_size="A3")


def test_system_fonts_path_renders_too(tmp_path):
    result = render("agreement", h.collective(), h.station(), tmp_path / "sys.pdf")
    assert all(f.embedded for f in h.fonts_of(result.path))
    assert "邓𬌗" in h.text_of(result.path)
