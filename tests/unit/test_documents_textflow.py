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
    text = ("调解员释明法律规定，双方当事人经协商一致，自愿达成协议。" * 6
            + "（括号内的说明文字）。“引号内的文字”，再加一句。" * 4)
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


# -- modest justification (issue 10, point 17) ---------------------------------------------------

def _laid(text: str, fonts, width: float | None = None):
    from hexie_desktop.documents.textflow import line_gaps

    style, block = _body()
    width = width or block
    glyphs = shape(text, style, fonts)
    lines = break_lines(glyphs, width, width, style.size)
    return [(glyphs, line, line_gaps(glyphs, line, style, width)) for line in lines], style


def test_a_full_chinese_line_is_justified_by_small_even_gaps(fonts):
    from hexie_desktop.documents.textflow import MAX_STRETCH

    # An opening bracket may not end a line: it moves down and leaves one em to spread.
    laid, style = _laid("调" * 27 + "（说明）" + "的规定。" * 8, fonts)
    assert laid[0][1].end - laid[0][1].start == 27
    glyphs, line, gaps = laid[0]
    assert gaps is not None and max(gaps) > 0
    assert max(gaps) <= MAX_STRETCH * style.size
    assert len({round(g, 6) for g in gaps[:-1]}) == 1  # spread evenly over the CJK gaps


def test_last_line_hard_break_and_short_lines_stay_flush_left(fonts):
    laid, _style = _laid("双方当事人经协商一致，自愿达成如下协议：\n甲方支付工资。\n一", fonts)
    assert [gaps for _g, _line, gaps in laid] == [None, None, None]


def test_a_line_short_of_a_long_number_is_not_spread_across_the_page(fonts):
    """A line that breaks before an ID number leaves room that would need wide gaps: it stays
    left-aligned instead of being stretched (GB/T 9704 text keeps its character spacing)."""
    from hexie_desktop.documents.textflow import MAX_STRETCH

    text = "代表人：张伟，女，出生于北京市，居民身份证号码110105199005173044，住北京市。"
    laid, style = _laid(text, fonts)
    first_glyphs, first, gaps = laid[0]
    assert "".join(first_glyphs.chars[first.start:first.end]).endswith("号码")
    _body_style, width = _body()
    assert (width - first.width) / (first.end - first.start - 1) > MAX_STRETCH * style.size
    assert gaps is None
    # A line short of it by a little is still justified, modestly.
    laid, style = _laid("代表人：张伟，女，1990年5月17日出生，居民身份证号码110105199005173044。", fonts)
    assert laid[0][2] is not None and max(laid[0][2]) <= MAX_STRETCH * style.size


def test_stretch_never_goes_inside_a_latin_word_or_number(fonts):
    style, width = _body()
    text = "申请人请求支付2026年8-10月工资合计人民币186000.00元整经调解双方同意分两期支付完毕" * 3
    glyphs = shape(text, style, fonts)
    from hexie_desktop.documents.textflow import line_gaps

    for line in break_lines(glyphs, width, width, style.size)[:-1]:
        gaps = line_gaps(glyphs, line, style, width)
        if not gaps or min(gaps) < 0:
            continue
        for k in range(line.start, line.end - 1):
            if glyphs.chars[k].isdigit() and glyphs.chars[k + 1].isdigit():
                assert gaps[k - line.start] == 0.0


def test_a_single_word_line_is_never_letter_spaced(fonts):
    style, _width = _body()
    narrow = 12 * (style.size + style.char_space)
    laid, _style = _laid("网址https://example.org/a/very/long/path/that/breaks 结束", fonts, narrow)
    for glyphs, line, gaps in laid:
        if gaps:
            assert all(g <= 0 or not (glyphs.chars[line.start + i].isalnum()
                                      and glyphs.chars[line.start + i + 1].isalnum())
                       for i, g in enumerate(gaps[:-1]))
