"""The fast paths of the control-character checks (core/text.py, exchange/codec.py) are exact.

Both checks skip their regular expression when ``str.isprintable()`` is true; that is only
right while every character they refuse is one Python calls unprintable.  Checked over every
code point, so extending the refused set with a printable character makes this fail.
"""

from __future__ import annotations

from hexie_desktop.core.text import _SINGLE_LINE, first_control
from hexie_desktop.exchange.codec import _BAD_TEXT


def test_every_refused_character_is_unprintable():
    refused = [chr(c) for c in range(0x110000) if _SINGLE_LINE.match(chr(c)) or _BAD_TEXT.match(chr(c))]
    assert len(refused) > 60
    assert [c for c in refused if c.isprintable()] == []


def test_the_fast_path_still_finds_controls():
    assert first_control("东坝路\u202e1号") == "\u202e"
    assert first_control("第一行\n第二行", multiline=True) is None
    assert first_control("第一行\n第二行") == "\n"
    assert first_control("东坝路1号　二层") is None  # ideographic space: unprintable to Python, allowed here
