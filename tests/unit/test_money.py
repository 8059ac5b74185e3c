"""Tests for hexie_desktop.core.money: parsing, formatting and 人民币大写."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hexie_desktop.core.errors import UserError
from hexie_desktop.core.money import (
    MAX_CENTS,
    cents_to_str,
    format_amount,
    parse_amount,
    to_uppercase_rmb,
)

amounts = st.integers(min_value=0, max_value=MAX_CENTS)


# --------------------------------------------------------------------------- parse_amount


@pytest.mark.parametrize("value, cents", [
    ("1234.5", 123450),
    ("1234.50", 123450),
    ("1,234.50", 123450),
    ("1,234,567.89", 123456789),
    ("0", 0),
    ("0.01", 1),
    ("0.1", 10),
    ("12", 1200),
    ("  12.30 ", 1230),
    ("１２３４．５", 123450),
    ("１，２３４．５０", 123450),
    ("¥1,000", 100000),
    ("￥1000.00", 100000),
    ("100元", 10000),
    ("100000000000", MAX_CENTS),
    ("100000000000.00", MAX_CENTS),
    (12, 1200),
    (0, 0),
    (Decimal("12.3"), 1230),
    (Decimal("12.34"), 1234),
    (Decimal("1.230"), 123),
    (Decimal("1E+3"), 100000),
    (Decimal("-0"), 0),
])
def test_parse_amount_accepts(value: str | int | Decimal, cents: int) -> None:
    result = parse_amount(value)
    assert result == cents
    assert type(result) is int


@pytest.mark.parametrize("value, fragment", [
    ("-1", "负数"),
    ("-0.01", "负数"),
    (-5, "负数"),
    (Decimal("-0.5"), "负数"),
    ("1.234", "两位小数"),
    ("0.001", "两位小数"),
    (Decimal("1.005"), "两位小数"),
    (Decimal("1.0000000000000000000000000000001"), "两位小数"),
    (Decimal("NaN"), "不是有效的数字"),
    (Decimal("sNaN"), "不是有效的数字"),
    (Decimal("Infinity"), "不是有效的数字"),
    ("abc", "不是有效的金额"),
    ("1e5", "不是有效的金额"),
    ("NaN", "不是有效的金额"),
    ("1,23", "不是有效的金额"),
    ("12,3456.00", "不是有效的金额"),
    ("1.2.3", "不是有效的金额"),
    ("1.", "不是有效的金额"),
    ("+5", "不是有效的金额"),
    ("", "请填写金额"),
    ("   ", "请填写金额"),
    (1.5, "浮点数"),
    (0.0, "浮点数"),
    (True, "类型无效"),
    (None, "类型无效"),
    ("100000000000.01", "金额过大"),
    (10**11 + 1, "金额过大"),
    (Decimal("1E+20"), "金额过大"),
])
def test_parse_amount_refuses(value: object, fragment: str) -> None:
    with pytest.raises(UserError) as info:
        parse_amount(value, field="claim.amount")  # type: ignore[arg-type]
    assert fragment in info.value.message
    assert info.value.field == "claim.amount"


def test_parse_amount_zero_not_allowed() -> None:
    assert parse_amount("0.01", allow_zero=False) == 1
    with pytest.raises(UserError, match="大于零"):
        parse_amount("0.00", allow_zero=False)
    with pytest.raises(UserError, match="大于零"):
        parse_amount(Decimal("0"), allow_zero=False)


@given(amounts)
def test_parse_round_trips_json_form(cents: int) -> None:
    assert parse_amount(cents_to_str(cents)) == cents


@given(amounts)
def test_parse_round_trips_printed_form(cents: int) -> None:
    assert parse_amount(format_amount(cents)) == cents


@given(amounts)
def test_parse_decimal_form(cents: int) -> None:
    assert parse_amount(Decimal(cents).scaleb(-2)) == cents


@given(st.integers(min_value=0, max_value=MAX_CENTS // 100))
def test_parse_int_is_yuan(yuan: int) -> None:
    assert parse_amount(yuan) == yuan * 100


# --------------------------------------------------------------------------- formatting


@pytest.mark.parametrize("cents, plain, printed", [
    (0, "0.00", "0.00"),
    (5, "0.05", "0.05"),
    (50, "0.50", "0.50"),
    (123450, "1234.50", "1,234.50"),
    (100000, "1000.00", "1,000.00"),
    (99999, "999.99", "999.99"),
    (123456789, "1234567.89", "1,234,567.89"),
    (MAX_CENTS, "100000000000.00", "100,000,000,000.00"),
    (-5, "-0.05", "-0.05"),
    (-123450, "-1234.50", "-1,234.50"),
])
def test_cents_to_str_and_format(cents: int, plain: str, printed: str) -> None:
    assert cents_to_str(cents) == plain
    assert format_amount(cents) == printed


@pytest.mark.parametrize("func", [cents_to_str, format_amount, to_uppercase_rmb])
@pytest.mark.parametrize("value", [1.5, Decimal("1.5"), "150", True])
def test_formatting_needs_int(func: object, value: object) -> None:
    with pytest.raises(TypeError):
        func(value)  # type: ignore[operator]


# --------------------------------------------------------------------------- 人民币大写

UPPERCASE_TABLE = [
    (0, "人民币零元整"),
    (1, "人民币壹分"),
    (5, "人民币伍分"),
    (50, "人民币伍角整"),
    (55, "人民币伍角伍分"),
    (100, "人民币壹元整"),
    (1000, "人民币壹拾元整"),
    (1500, "人民币壹拾伍元整"),
    (10005, "人民币壹佰元零伍分"),
    (10050, "人民币壹佰元伍角整"),
    (10203, "人民币壹佰零贰元零叁分"),
    (100500, "人民币壹仟零伍元整"),
    (101000, "人民币壹仟零壹拾元整"),
    (168032, "人民币壹仟陆佰捌拾元叁角贰分"),
    (350000, "人民币叁仟伍佰元整"),
    (1234560, "人民币壹万贰仟叁佰肆拾伍元陆角整"),  # SPEC §2.4: 12,345.60
    (4000000, "人民币肆万元整"),
    (6000006, "人民币陆万元零陆分"),
    (10000000, "人民币壹拾万元整"),
    (10010000, "人民币壹拾万零壹佰元整"),
    (10500000, "人民币壹拾万伍仟元整"),
    (10700053, "人民币壹拾万柒仟元伍角叁分"),
    (100000100, "人民币壹佰万零壹元整"),
    (1000000000, "人民币壹仟万元整"),
    (1000000500, "人民币壹仟万零伍元整"),
    (1001000100, "人民币壹仟零壹万零壹元整"),
    (10000000000, "人民币壹亿元整"),
    (10000010000, "人民币壹亿零壹佰元整"),
    (10001000000, "人民币壹亿零壹万元整"),
    (90000000000, "人民币玖亿元整"),
    (200000000000, "人民币贰拾亿元整"),
    (123456789012, "人民币壹拾贰亿叁仟肆佰伍拾陆万柒仟捌佰玖拾元壹角贰分"),
    (MAX_CENTS, "人民币壹仟亿元整"),
]


@pytest.mark.parametrize("cents, words", UPPERCASE_TABLE)
def test_uppercase_table(cents: int, words: str) -> None:
    assert to_uppercase_rmb(cents) == words


def test_uppercase_refuses_negative_and_too_large() -> None:
    with pytest.raises(UserError, match="负数"):
        to_uppercase_rmb(-1)
    with pytest.raises(UserError, match="金额过大"):
        to_uppercase_rmb(MAX_CENTS + 1)


_DIGIT_VALUES = {ch: i for i, ch in enumerate("零壹贰叁肆伍陆柒捌玖")}
_SMALL = {"拾": 10, "佰": 100, "仟": 1000}


def _decode_integer(words: str) -> int:
    """Independent reader of 大写 whole numbers (up to 仟亿), used as a test oracle."""
    total = section = digit = 0
    for ch in words:
        if ch in _DIGIT_VALUES:
            digit = _DIGIT_VALUES[ch]
        elif ch in _SMALL:
            assert digit, f"{ch} without a digit before it in {words}"
            section += digit * _SMALL[ch]
            digit = 0
        elif ch == "万":
            total += (section + digit) * 10_000
            section = digit = 0
        elif ch == "亿":
            total = (total + section + digit) * 100_000_000
            section = digit = 0
        else:
            raise AssertionError(f"unexpected {ch!r} in {words}")
    return total + section + digit


def _decode(text: str) -> int:
    """Read a whole 人民币大写 text back into 分."""
    assert text.startswith("人民币")
    body = text[len("人民币"):].removesuffix("整")
    if "元" in body:
        yuan_words, fraction = body.split("元")
    else:
        yuan_words, fraction = "", body
    cents = _decode_integer(yuan_words) * 100
    fraction = fraction.removeprefix("零")
    if "角" in fraction:
        jiao, fraction = fraction.split("角")
        cents += _DIGIT_VALUES[jiao] * 10
    if "分" in fraction:
        fen, fraction = fraction.split("分")
        cents += _DIGIT_VALUES[fen]
    assert fraction == ""
    return cents


@pytest.mark.parametrize("cents, words", UPPERCASE_TABLE)
def test_decoder_agrees_with_table(cents: int, words: str) -> None:
    assert _decode(words) == cents


@given(amounts)
def test_uppercase_properties(cents: int) -> None:
    words = to_uppercase_rmb(cents)
    assert words.startswith("人民币")
    assert "零零" not in words
    assert words.endswith("整") == (cents % 10 == 0)
    assert ("元" in words) == (cents >= 100 or cents == 0)
    body = words[len("人民币"):]
    assert not body.startswith("拾"), words
    assert not body.startswith("零") or cents == 0
    assert "零元" not in words or cents == 0
    assert "零万" not in words and "零亿" not in words
    assert _decode(words) == cents


@given(st.integers(min_value=1, max_value=MAX_CENTS // 100))
def test_uppercase_whole_yuan(yuan: int) -> None:
    words = to_uppercase_rmb(yuan * 100)
    assert words.endswith("元整")
    assert "角" not in words and "分" not in words
