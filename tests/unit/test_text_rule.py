"""One rule for control characters in input, one escape for output (core.text, core.fields)."""

import pytest

from hexie_desktop.core import fields
from hexie_desktop.core.errors import UserError
from hexie_desktop.core.text import first_control, printable


@pytest.mark.parametrize("bad", ["\x00", "\x1b", "\x07", "\x0b", "\x7f", "\x9b", "\u202e", "\u2028", "\ufeff"])
def test_short_fields_refuse_every_control_character(bad):
    with pytest.raises(UserError) as err:
        fields.text(f"张{bad}伟", "name", max_len=50)
    assert err.value.field == "name"
    assert "控制字符" in err.value.message


def test_newline_only_in_multiline_fields():
    with pytest.raises(UserError):
        fields.text("张\n伟", "name", max_len=50)
    assert fields.text("第一行\n第二行\t完", "facts", max_len=20000) == "第一行\n第二行\t完"
    with pytest.raises(UserError):
        fields.text("事实\x1b[2J", "facts", max_len=20000)


def test_printable_escapes_what_a_terminal_would_obey():
    shown = printable("东坝\x1b]0;pwned\x07\n")
    assert "\x1b" not in shown and "\x07" not in shown and "\n" not in shown
    assert shown.startswith("东坝\\x1b")
    assert first_control("正常文字 ABC 123") is None


def test_bad_date_error_is_one_line():
    with pytest.raises(UserError) as err:
        fields.day("2026-13-01\nFAKE LINE", "received_on")
    assert "\n" not in str(err.value)



def test_printable_lines_keeps_line_feeds_and_tabs_and_escapes_the_rest():
    """The command line's output escape: one pass over the text, as :func:`printable` per tab-separated cell."""
    import random

    from hexie_desktop.core.text import printable_lines

    chars = ["a", "中", "\t", "\n", "\r", "\x1b", "\x00", "\u2028", "\u202e", "\ufeff", "\x7f", "\x85", " ", "\x0b"]
    draw = random.Random(12)
    for _ in range(3000):
        text = "".join(draw.choice(chars) for _ in range(draw.randint(0, 25)))
        cells = "\n".join("\t".join(printable(cell) for cell in line.split("\t")) for line in text.split("\n"))
        assert printable_lines(text) == cells
    assert printable_lines("东坝\t\x1b[2J\n第二行") == "东坝\t\\x1b[2J\n第二行"
