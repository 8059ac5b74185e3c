"""The printed look (issue 10, point 17; GB/T 9704-2012 党政机关公文格式): fonts, justification,
signature blocks, the 调解工作台账 on paper and the 调解员名册 without raw JSON.

Real PDFs are checked with poppler (pdffonts, pdftotext); workbooks are re-read with openpyxl.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont
from openpyxl import load_workbook

from hexie_desktop import documents
from hexie_desktop.documents import model
from hexie_desktop.documents.fontfiles import bundled_font_dir
from hexie_desktop.documents.fonts import resolve
from hexie_desktop.documents.pdf import render_pdf
from hexie_desktop.services import case_actions, case_queries, cases, registries
from hexie_desktop.services import report_export as export
from tests.e2e.helpers import applicant, case_payload, signatures
from tests.unit.test_fonts_resolver import _make_font

REPS = ("王建国", "李秀英", "张伟")
NAMES = REPS + ("刘洋", "陈静", "杨帆", "赵磊", "黄丽", "周杰", "吴敏", "徐强", "孙婷", "胡斌", "朱琳")


def _pdffonts(path: Path) -> list[list[str]]:
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    return [line.split() for line in out.splitlines()[2:] if line.strip()]


def _page_texts(path: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    return text.split("\f")[:-1]


def _renamed(source: Path, target: Path, family: str, postscript: str) -> Path:
    """A copy of ``source`` whose family is ``family`` (as an office font installed on a PC)."""
    with TTFont(str(source), lazy=True) as font:
        name = font["name"]
        name.names = [r for r in name.names if r.platformID == 3 and r.nameID not in (1, 4, 6, 16)]
        for name_id, value in ((1, family), (4, family), (6, postscript)):
            name.setName(value, name_id, 3, 1, 0x409)
        font.save(str(target))
    return target


@pytest.fixture
def collective(ctx) -> str:
    """An agreed collective dispute: 14 workers, three elected representatives (LDTJ art. 7)."""
    workers = [applicant(n, seq=300 + 2 * i, is_representative=n in REPS) for i, n in enumerate(NAMES)]
    number = cases.register(ctx, {"cases": [case_payload(applicants=workers)]})[0].number
    case_actions.apply(ctx, number, "accept", {"on": "2026-09-17"})
    case_actions.apply(ctx, number, "record-session", {"held_on": "2026-09-18"})
    items = [{"obligation": f"支付{n}拖欠工资", "amount": f"{13000 + 100 * i}.00", "due_on": "2026-09-30",
              "category": "wages", "payee": n} for i, n in enumerate(NAMES)]
    shares = [{"applicant": n, "amount": f"{13000 + 100 * i}.00", "due_on": "2026-09-30"} for i, n in enumerate(NAMES)]
    case_actions.apply(ctx, number, "agree", {"items": items, "shares": shares, **signatures()})
    return number


def _station(station) -> dict:
    return {"unit_name": "东坝镇劳动人事争议调解中心"}


def test_without_office_fonts_the_bundled_bold_song_title_and_song_body_are_embedded(ctx, collective, tmp_path):
    """GB/T 9704 §7.3: title 2号小标宋, body 3号仿宋.  Without them (no font in the search path) the
    title falls back to a bold Song (Noto Serif SC Bold) and the body to AR PL UMing; every font is an
    embedded subset."""
    fonts = resolve(system=False, extra_dirs=(tmp_path,))
    data = case_queries.show(ctx, collective)
    out = documents.render("agreement", data, {}, tmp_path / "a.pdf", fonts=fonts)
    rows = _pdffonts(out.path)
    names = {re.sub(r"^[A-Z]{6}\+", "", row[0]) for row in rows}
    assert "NotoSerifSC-Bold" in names and "UMingCN" in names
    for row in rows:
        assert row[0][6] == "+" and row[-5:-2] == ["yes", "yes", "yes"], row  # emb, sub, uni
    assert fonts.face("title").family == "Noto Serif SC Bold"
    assert fonts.face("body").family == "AR PL UMing CN"


def test_installed_fangsong_and_xiaobiaosong_are_found_by_family_name(ctx, collective, tmp_path):
    """GB/T 9704 §7.3: where a 仿宋 and a 小标宋 are installed they print the body and the title —
    found by family name (华文仿宋 contains “仿宋”), whatever the file is called."""
    folder = tmp_path / "fonts"
    folder.mkdir()
    kai = bundled_font_dir() / "LXGWWenKai-Regular.ttf"
    _renamed(kai, folder / "a1.ttf", "华文仿宋", "STFangsong")
    _renamed(bundled_font_dir() / "WenQuanYi-Zen-Hei.ttf", folder / "b2.ttf", "方正小标宋简体", "FZXBSJW--GB1-0")
    fonts = resolve(system=False, extra_dirs=(folder,))
    assert fonts.face("body").family == "华文仿宋" and fonts.face("body").source == "system"
    assert fonts.face("title").family == "方正小标宋简体"
    out = documents.render("agreement", case_queries.show(ctx, collective), {}, tmp_path / "a.pdf", fonts=fonts)
    names = {re.sub(r"^[A-Z]{6}\+", "", row[0]) for row in _pdffonts(out.path)}
    assert "STFangsong" in names and any(n.startswith("FZXBSJW") for n in names)


def test_a_traditional_only_fangsong_is_not_used_for_simplified_text(tmp_path):
    """fonts-cwtex-fs (cwTeX 仿宋) has 們這說調 but not 们这说调: printing a simplified paper with it
    would leave blanks, so the body keeps the bundled fallback."""
    _make_font(tmp_path / "cwfs.ttf", "的一們這說調勞議書", family="cwTeXFangSong")
    fonts = resolve(system=False, extra_dirs=(tmp_path,))
    assert fonts.face("body").source == "bundled"


def _filler_document(lines: int) -> model.Document:
    paragraph = "调解员释明法律规定，双方当事人经协商一致，自愿达成协议并签名确认。" * 2  # 2 full lines
    blocks: list[model.Block] = [model.Title("劳动人事争议终止调解通知书")]
    blocks += [model.Paragraph(paragraph) for _ in range(lines // 2)]
    blocks.append(model.Paragraph("当事人可以自收到本通知书之日起依法向有管辖权的劳动人事争议仲裁委员会申请仲裁。最后一行。"))
    blocks.append(model.Paragraph("特此通知。"))
    blocks.append(model.SignatureBlock([model.Signature("调解员（签名）"), model.Signature("调解组织（印章）",
                                                                                   name="东坝镇劳动人事争议调解中心")]))
    return model.Document("termination", "终止调解通知书", blocks)


@pytest.mark.parametrize("lines", range(12, 24, 2))
def test_no_page_holds_only_the_signature_block(tmp_path, lines):
    """However the text falls, the page of the signatures also carries at least the last two lines
    of the body (GB/T 9704 §7.3.5.1: no page with only the 成文日期/signature)."""
    fonts = resolve(system=False, extra_dirs=(tmp_path,))
    output = render_pdf(_filler_document(lines), fonts)
    path = tmp_path / "t.pdf"
    path.write_bytes(output.data)
    pages = _page_texts(path)
    signed = [page for page in pages if "调解员（签名）" in page]
    assert len(signed) == 1
    body_lines = [ln for ln in signed[0].splitlines()
                  if ln.strip() and "签名" not in ln and "印章" not in ln and "年" not in ln
                  and "东坝镇" not in ln and "第" not in ln.strip()[:1] and "特此通知" not in ln]
    assert len(body_lines) >= 1 and "最后一行" in signed[0], signed[0]
    assert "特此通知" in signed[0]


def test_collective_representatives_sign_on_one_aligned_row(ctx, collective, tmp_path):
    """LDTJ art. 7/14: the elected representatives sign the agreement for the workers (every worker
    signs in the annex list); their places stand side by side in one grid row, not in a wrapped label."""
    result = documents.render("agreement", case_queries.show(ctx, collective), {}, tmp_path / "a.pdf",
                              fonts=resolve(system=False, extra_dirs=(tmp_path,)))
    pages = _page_texts(result.path)
    signature_page = next(p for p in pages if "申请人（代表人）（签名、按指印）" in p)
    row = [ln for ln in signature_page.splitlines() if all(f"{n}：" in ln for n in REPS)]
    assert len(row) == 1, signature_page
    positions = [row[0].index(f"{n}：") for n in REPS]
    assert positions == sorted(positions)
    # the annex lists every worker with a signature column
    annex = "".join(pages[pages.index(signature_page) + 1:])
    assert "签名（按指印）" in annex and all(n in annex for n in NAMES)


def test_the_case_ledger_prints_on_a4_landscape_pages_with_key_columns_repeated(ctx, collective, tmp_path):
    """调解工作台账 on paper: 21 columns do not fit one A4 page at a readable size, so they are
    printed across two landscape pages with 序号 and 案件编号 repeated and the header rows on every page."""
    out = tmp_path / "台账.xlsx"
    export.export(ctx, "cases", out)
    ws = load_workbook(out).worksheets[0]
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.paperSize == 9
    assert ws.print_title_rows == "$4:$5" and ws.print_title_cols == "$A:$B"
    breaks = [b.id for b in ws.col_breaks.brk]
    assert len(breaks) == 1 and 4 < breaks[0] < ws.max_column - 3
    assert 85 <= (ws.page_setup.scale or 100) <= 100
    assert not ws.sheet_properties.pageSetUpPr or not ws.sheet_properties.pageSetUpPr.fitToPage
    # a narrow register is still fitted to one page wide
    narrow = tmp_path / "培育.xlsx"
    export.export(ctx, "cultivations", narrow)
    ws = load_workbook(narrow).worksheets[0]
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth in (None, 1)
    assert not ws.col_breaks.brk


def test_mediator_register_shows_training_records_as_text_not_json(ctx, tmp_path):
    """调解员名册: 培训记录/年度考核 kept as JSON by older data print as readable text."""
    registries.save_record(ctx, "mediators", {
        "name": "周调解", "employment_mode": "full_time", "status": "active",
        "trainings": '[{"date": "2025-06-12", "title": "劳动争议调解业务培训", "hours": 16}]',
        "assessments": '[{"year": 2025, "result": "合格"}]'})
    out = tmp_path / "名册.xlsx"
    export.export(ctx, "mediators", out)
    ws = load_workbook(out).worksheets[0]
    texts = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert "2025-06-12 劳动争议调解业务培训（16学时）" in texts and "2025年度 合格" in texts
    assert not any(t.startswith(("[", "{")) for t in texts)
    shown = registries.list_records(ctx, "mediators")
    assert shown[0]["trainings"] == "2025-06-12 劳动争议调解业务培训（16学时）"


@pytest.mark.parametrize("count", range(9, 22))
def test_a_list_never_leaves_one_or_two_rows_alone_on_a_page(tmp_path, count):
    """A 申请人名单 that runs over a page carries at least three rows with its repeated header."""
    rows = [[f"{n:02d}", f"工人{n:02d}", "男", "110105199005173001", "13800138000", None]
            for n in range(1, count + 1)]
    table = model.Table(header=[["序号", "姓名", "性别", "身份证件号码", "联系电话", "签名（按指印）"]], rows=rows,
                        widths=[0.9, 1.6, 0.9, 3.6, 2.5, 2.6], size=11, min_row_lines=2)
    document = model.Document("application", "名单", [model.Title("申请人名单"), table])
    path = tmp_path / "l.pdf"
    path.write_bytes(render_pdf(document, resolve(system=False, extra_dirs=(tmp_path,))).data)
    pages = _page_texts(path)
    per_page = [len(re.findall(r"工人\d\d", page)) for page in pages]
    assert sum(per_page) == count
    if len(pages) > 1:
        assert min(per_page) >= 3, per_page
        assert all("身份证件号码" in page for page in pages)  # the header repeats


def test_signature_lines_and_dates_of_one_row_are_level(tmp_path):
    """Two signature places side by side: their dates print on one line (GB/T 9704 §7.3.5)."""
    document = model.Document("notice", "告知书", [
        model.Paragraph("以上内容已向当事人告知。"),
        model.SignatureBlock([model.Signature("申请人（签名、按指印）"), model.Signature("记录人", name="王五")])])
    path = tmp_path / "s.pdf"
    path.write_bytes(render_pdf(document, resolve(system=False, extra_dirs=(tmp_path,))).data)
    text = _page_texts(path)[0]
    dated = [ln for ln in text.splitlines() if "年" in ln and "月" in ln and "日" in ln]
    assert len(dated) == 1 and dated[0].count("年") == 2, text


@pytest.mark.parametrize("lines", range(14, 26))
def test_the_issuing_organization_and_date_never_stand_alone(tmp_path, lines):
    """GB/T 9704 §7.3.5.1: the 发文机关署名 and 成文日期 stay on the page of the last body lines."""
    from hexie_desktop.documents.templates.common import issuer_lines

    paragraph = "调解员释明法律规定，双方当事人经协商一致，自愿达成协议并签名确认。" * 2
    blocks: list[model.Block] = [model.Title("劳动人事争议调解受理通知书")]
    blocks += [model.Paragraph(paragraph) for _ in range(lines // 2)]
    blocks += [model.Paragraph("本案由调解员负责调解。")] * (lines % 2)
    blocks += [model.Paragraph("请携带本人身份证件及有关证据材料参加调解。最后一行。"), model.Paragraph("特此通知。")]
    blocks += issuer_lines("东坝镇劳动人事争议调解中心", "2026-11-21")
    path = tmp_path / "n.pdf"
    path.write_bytes(render_pdf(model.Document("acceptance", "受理通知书", blocks),
                                resolve(system=False, extra_dirs=(tmp_path,))).data)
    page = next(p for p in _page_texts(path) if "东坝镇劳动人事争议调解中心" in p)
    assert "2026年11月21日" in page and "特此通知" in page and "最后一行" in page, page
