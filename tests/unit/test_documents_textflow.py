"""CJK line breaking, the 22 × 28 grid and text cleaning."""

from __future__ import annotations

import pytest

from hexie_desktop.documents.fonts import bundled_fonts
from hexie_desktop.documents.geometry import CHARS_PER_LINE, LINES_PER_PAGE, geometry
from hexie_desktop.documents.textflow import NO_END, NO_START, TextStyle, break_lines, clean_text, shape


@pytest.fixture(scope="module")
def fonts():
    return bundled_fonts()


def _body() -> tuple[TextStyle, float]:
    geo = geometry("A4")
    style = TextStyle(size=geo.body_size, leading=geo.pitch, char_space=geo.char_space)
    return style, geo.block_width


def _lines(text: str, fonts, width: float | None = None) -> list[str]:
    style, block = _body()
    width = width or block
    glyphs = shape(text, style, fonts)
    return ["".join(glyphs.chars[ln.start:ln.end]) for ln in break_lines(glyphs, width, width, style.size)]


def test_a4_grid_is_22_lines_of_28_characters(fonts):
    geo = geometry("A4")
    assert geo.pitch * LINES_PER_PAGE == pytest.approx(geo.block_height)
    assert geo.block_width == pytest.approx(156 * 72 / 25.4)
    assert geo.block_height == pytest.approx(225 * 72 / 25.4)
    assert geo.top == pytest.approx(37 * 72 / 25.4) and geo.left == pytest.approx(28 * 72 / 25.4)
    lines = _lines("中" * 70, fonts)
    assert [len(line) for line in lines] == [CHARS_PER_LINE, CHARS_PER_LINE, 70 - 2 * CHARS_PER_LINE]


def test_no_line_starts_with_closing_punctuation(fonts):
    text = "调解员释明法律规定，双方当事人经协商一致，自愿达成协议。" * 6 + "（括号内的说明文字）。“引号内的文字”，再加一句。" * 4
    for width_chars in range(8, 29):
        width = width_chars * (_body()[0].size + _body()[0].char_space)
        lines = _lines(text, fonts, width)
        assert "".join(lines) == text
        for line in lines[1:]:
            assert line[0] not in NO_START, (width_chars, line)
        for line in lines[:-1]:
            assert line[-1] not in NO_END, (width_chars, line)


def test_lines_never_run_past_the_margin_by_more_than_a_squeezed_half_em(fonts):
    style, width = _body()
    text = "甲乙丙丁，戊己庚辛。" * 30
    glyphs = shape(text, style, fonts)
    for line in break_lines(glyphs, width, width, style.size):
        assert line.width <= width + 0.5 * style.size + 1e-6


def test_numbers_stay_whole(fonts):
    text = "申请人黄䶮，居民身份证号码110105194912310021，联系电话13800138000，金额12,345.60元。" * 3
    for line in _lines(text, fonts, 300):
        for number in ("110105194912310021", "13800138000", "12,345.60"):
            for cut in range(1, len(number)):
                assert not line.endswith(number[:cut]) or line.endswith(number), line


def test_hard_line_breaks_and_blank_lines_are_kept(fonts):
    assert _lines("第一行\n\n第三行", fonts) == ["第一行", "", "第三行"]
    assert _lines("", fonts) == [""]


def test_clean_text_drops_invisible_characters():
    assert clean_text("黄\u200d䶮\ufe00\U000e0100\u00ad\r\n\t张") == "黄䶮\n 张"
    assert clean_text("\ud800") == "\ufffd"


def test_shape_picks_a_font_for_every_printable_character(fonts):
    style, _width = _body()
    glyphs = shape("黄䶮邓𬌗ABC１２３，。", style, fonts)
    assert None not in glyphs.fonts
    missing = shape("张\U000F0001", style, fonts)
    assert missing.fonts[1] is None and missing.widths[1] == pytest.approx(style.size + style.char_space)
