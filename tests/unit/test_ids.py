"""Tests for hexie_desktop.core.ids: resident IDs, credit codes, phones, division codes, masks."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hexie_desktop.core.errors import UserError
from hexie_desktop.core.ids import (
    REGIONS,
    IdInfo,
    check_credit_code,
    check_division_code,
    check_mobile,
    check_phone,
    check_resident_id,
    convert_15_to_18,
    credit_code_check_char,
    id_check_char,
    make_credit_code,
    make_resident_id,
    mask_address,
    mask_id,
    mask_phone,
)

TODAY = date(2025, 6, 15)
CREDIT_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def _id_error(text: str, **kwargs: object) -> UserError:
    with pytest.raises(UserError) as info:
        check_resident_id(text, today=TODAY, **kwargs)  # type: ignore[arg-type]
    return info.value


def _with_check(first17: str) -> str:
    return first17 + id_check_char(first17)


# --------------------------------------------------------------------------- check chars


def test_id_check_char_by_hand() -> None:
    # 1·7+1·9+0·10+1·5+0·8+5·4+1·2+9·1+4·6+9·3+1·7+2·9+3·10+1·5+0·8+0·4+2·2 = 167
    # 167 % 11 = 2 → "X"
    assert id_check_char("11010519491231002") == "X"


def test_id_check_char_covers_every_remainder() -> None:
    mapping = "10X98765432"
    seen = set()
    for n in range(200):
        first17 = f"{n:017d}"
        weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
        total = sum(int(d) * w for d, w in zip(first17, weights, strict=True))
        assert id_check_char(first17) == mapping[total % 11]
        seen.add(total % 11)
    assert seen == set(range(11))


@pytest.mark.parametrize("bad", ["1101051949123100", "110105194912310021", "1101051949123100A", ""])
def test_id_check_char_needs_17_digits(bad: str) -> None:
    with pytest.raises(UserError):
        id_check_char(bad)


# --------------------------------------------------------------------------- resident ID


def test_known_good_number() -> None:
    info = check_resident_id("11010519491231002X", today=TODAY)
    assert info == IdInfo(
        number="11010519491231002X",
        birth_date=date(1949, 12, 31),
        sex="female",
        region_code="110105",
        region_known=True,
        warnings=(),
    )


@pytest.mark.parametrize(
    "text",
    ["11010519491231002x", " 110105 19491231 002x ", "１１０１０５１９４９１２３１００２ｘ", "110105\t19491231002X\n"],
)
def test_normalizes_case_spaces_and_full_width(text: str) -> None:
    assert check_resident_id(text, today=TODAY).number == "11010519491231002X"


def test_male_from_odd_sequence() -> None:
    number = make_resident_id("350102", date(1985, 3, 7), 13)
    info = check_resident_id(number, today=TODAY)
    assert info.sex == "male"
    assert info.birth_date == date(1985, 3, 7)
    assert info.region_code == "350102"


def test_wrong_check_char_names_expected() -> None:
    err = _id_error("110105194912310021")
    assert "校验位" in err.message
    assert "应为 X" in err.message
    assert err.field == "id_number"


def test_wrong_check_char_digit_expected() -> None:
    good = make_resident_id("440106", date(1990, 5, 20), 123)
    wrong = good[:17] + ("0" if good[17] != "0" else "1")
    err = _id_error(wrong)
    assert f"应为 {good[17]}" in err.message


def test_impossible_date_19990230() -> None:
    err = _id_error(_with_check("11010519990230123"))
    assert "19990230" in err.message
    assert "不是有效日期" in err.message


@pytest.mark.parametrize("birth", ["19991301", "19990000", "20230229", "19990431"])
def test_other_impossible_dates(birth: str) -> None:
    err = _id_error(_with_check(f"110105{birth}123"))
    assert birth in err.message


def test_leap_day_is_fine() -> None:
    info = check_resident_id(_with_check("11010520000229123"), today=TODAY)
    assert info.birth_date == date(2000, 2, 29)


def test_future_birth_date() -> None:
    tomorrow = TODAY + timedelta(days=1)
    err = _id_error(make_resident_id("110105", tomorrow, 1))
    assert "晚于今天" in err.message


def test_birth_today_is_accepted() -> None:
    info = check_resident_id(make_resident_id("110105", TODAY, 1), today=TODAY)
    assert info.birth_date == TODAY


def test_future_relative_to_real_today_by_default() -> None:
    future = date.today() + timedelta(days=400)
    with pytest.raises(UserError, match="晚于今天"):
        check_resident_id(make_resident_id("110105", future, 1))


def test_birth_before_1900() -> None:
    err = _id_error(make_resident_id("110105", date(1899, 12, 31), 1))
    assert "1900" in err.message
    assert check_resident_id(make_resident_id("110105", date(1900, 1, 1), 1), today=TODAY)


@pytest.mark.parametrize("text, fragment", [
    ("1101051949123100", "16 位"),
    ("11010519491231002XX", "19 位"),
    ("", "请填写"),
    ("   ", "请填写"),
])
def test_wrong_length(text: str, fragment: str) -> None:
    assert fragment in _id_error(text).message


def test_letter_inside_names_position() -> None:
    err = _id_error("1101051949X231002X")
    assert "第 11 位" in err.message
    assert "X" in err.message


def test_bad_last_char() -> None:
    err = _id_error("11010519491231002Y")
    assert "最后一位" in err.message


def test_field_is_passed_through() -> None:
    assert _id_error("123", field="applicant.id_number").field == "applicant.id_number"


def test_convert_15_to_18() -> None:
    assert convert_15_to_18("110105491231002") == "11010519491231002X"
    with pytest.raises(UserError):
        convert_15_to_18("11010549123100")
    with pytest.raises(UserError):
        convert_15_to_18("11010549123100A")


def test_15_digit_number_is_converted_with_warning() -> None:
    info = check_resident_id("110105491231002", today=TODAY)
    assert info.number == "11010519491231002X"
    assert info.birth_date == date(1949, 12, 31)
    assert info.sex == "female"
    assert len(info.warnings) == 1
    assert "15位" in info.warnings[0]


def test_15_digit_number_with_impossible_date() -> None:
    err = _id_error("110105990230123")
    assert "19990230" in err.message


def test_15_digit_number_with_letter() -> None:
    assert "第 15 位" in _id_error("11010549123100X").message


def test_unknown_county_is_a_warning_not_an_error() -> None:
    info = check_resident_id(make_resident_id("350199", date(1980, 1, 1), 11), today=TODAY)
    assert info.region_known is False
    assert len(info.warnings) == 1
    assert "350199" in info.warnings[0]
    assert "区县代码表" in info.warnings[0]
    assert "福建省" in info.warnings[0]


def test_unknown_province_is_a_warning_not_an_error() -> None:
    info = check_resident_id(make_resident_id("990101", date(1980, 1, 1), 11), today=TODAY)
    assert info.region_known is False
    assert "省级代码" in info.warnings[0]


def test_old_abolished_code_still_known() -> None:
    # 宣武区 was merged in 2010; cards issued before keep 110104.
    info = check_resident_id(make_resident_id("110104", date(1960, 8, 8), 21), today=TODAY)
    assert info.region_known is True
    assert info.warnings == ()


def test_make_resident_id_rejects_bad_input() -> None:
    with pytest.raises(UserError):
        make_resident_id("11010", date(1990, 1, 1), 1)
    with pytest.raises(UserError):
        make_resident_id("110105", date(1990, 1, 1), 1000)
    with pytest.raises(UserError):
        make_resident_id("110105", date(1990, 1, 1), -1)


region_codes = st.sampled_from(sorted(REGIONS))
birth_dates = st.dates(min_value=date(1900, 1, 1), max_value=TODAY)


@given(region=region_codes, birth=birth_dates, seq=st.integers(0, 999))
def test_made_numbers_validate_and_round_trip(region: str, birth: date, seq: int) -> None:
    number = make_resident_id(region, birth, seq)
    info = check_resident_id(number, today=TODAY)
    assert info.number == number
    assert info.birth_date == birth
    assert info.sex == ("male" if seq % 2 else "female")
    assert info.region_code == region
    assert info.region_known is True
    assert info.warnings == ()
    assert check_resident_id(number.lower(), today=TODAY).number == number


@given(
    region=region_codes,
    birth=birth_dates,
    seq=st.integers(0, 999),
    pos=st.integers(0, 17),
    replacement=st.sampled_from("0123456789X"),
)
def test_changing_any_one_character_is_caught(
    region: str, birth: date, seq: int, pos: int, replacement: str
) -> None:
    number = make_resident_id(region, birth, seq)
    if number[pos] == replacement:
        replacement = "0" if replacement != "0" else "1"
    changed = number[:pos] + replacement + number[pos + 1 :]
    with pytest.raises(UserError):
        check_resident_id(changed, today=TODAY)


@given(region=region_codes, birth=birth_dates, seq=st.integers(0, 999), pos=st.integers(0, 16))
def test_swapping_adjacent_different_digits_is_caught(
    region: str, birth: date, seq: int, pos: int
) -> None:
    number = make_resident_id(region, birth, seq)
    if number[pos] == number[pos + 1]:
        return
    swapped = number[:pos] + number[pos + 1] + number[pos] + number[pos + 2 :]
    with pytest.raises(UserError):
        check_resident_id(swapped, today=TODAY)


@given(
    region=region_codes,
    birth=st.dates(min_value=date(1900, 1, 1), max_value=date(1999, 12, 31)),
    seq=st.integers(0, 999),
)
def test_15_digit_round_trip(region: str, birth: date, seq: int) -> None:
    number18 = make_resident_id(region, birth, seq)
    number15 = number18[:6] + number18[8:17]
    assert convert_15_to_18(number15) == number18
    assert check_resident_id(number15, today=TODAY).number == number18


# --------------------------------------------------------------------------- region table


def test_region_table_has_every_province() -> None:
    provinces = [
        11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37,
        41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82,
    ]
    for p in provinces:
        assert f"{p}0000" in REGIONS, p


@pytest.mark.parametrize("code, name", [
    ("110101", "东城区"),
    ("310101", "黄浦区"),
    ("440106", "天河区"),
    ("510104", "锦江区"),
    ("350102", "鼓楼区"),
    ("350112", "长乐区"),
    ("350100", "福州市"),
    ("440300", "深圳市"),
])
def test_region_table_examples(code: str, name: str) -> None:
    assert REGIONS[code] == name


def test_region_table_codes_are_consistent() -> None:
    assert len(REGIONS) > 400
    for code in REGIONS:
        assert len(code) == 6 and code.isdigit()
        assert code[:2] + "0000" in REGIONS, code


# --------------------------------------------------------------------------- credit code


@pytest.mark.parametrize("code", ["91110000600037341L", "91350100M000100Y43"])
def test_known_good_credit_codes(code: str) -> None:
    assert check_credit_code(code) == code
    assert credit_code_check_char(code[:17]) == code[17]


def test_credit_code_normalized() -> None:
    assert check_credit_code(" 91350100m000100y43 ") == "91350100M000100Y43"
    assert check_credit_code("９１１１００００６０００３７３４１ｌ") == "91110000600037341L"


def test_credit_code_wrong_check_char() -> None:
    with pytest.raises(UserError) as info:
        check_credit_code("91110000600037341M")
    assert "校验位" in info.value.message
    assert "应为 L" in info.value.message
    assert info.value.field == "credit_code"


@pytest.mark.parametrize("code, pos, ch", [
    ("91110000600037341I", 18, "I"),
    ("9111000060O037341L", 11, "O"),
    ("91110000600037S41L", 15, "S"),
    ("V1110000600037341L", 1, "V"),
    ("911100006000373Z1L", 16, "Z"),
    ("91110000-00037341L", 9, "-"),
])
def test_credit_code_bad_char_named(code: str, pos: int, ch: str) -> None:
    with pytest.raises(UserError) as info:
        check_credit_code(code)
    assert f"第 {pos} 位" in info.value.message
    assert f"“{ch}”" in info.value.message


def test_credit_code_region_part_must_be_digits() -> None:
    code = make_credit_code("91A10000600037341")
    with pytest.raises(UserError, match="第 3 位"):
        check_credit_code(code)


@pytest.mark.parametrize("code, n", [("9111000060003734", 16), ("91110000600037341LL", 19), ("911", 3)])
def test_credit_code_wrong_length(code: str, n: int) -> None:
    with pytest.raises(UserError, match=f"{n} 位"):
        check_credit_code(code)


def test_credit_code_empty() -> None:
    with pytest.raises(UserError, match="请填写"):
        check_credit_code("  ", field="employer.credit_code")


def test_credit_code_check_char_by_hand() -> None:
    # 9·1+1·3+1·9+1·27+0+0+0+0+6·20+0+0+0+3·8+7·24+3·10+4·30+1·28 = 538
    # 538 % 31 = 11; 31 - 11 = 20 → charset[20] = "L"
    assert credit_code_check_char("91110000600037341") == "L"


def test_credit_code_check_char_zero_case() -> None:
    # find a body whose weighted sum is a multiple of 31: check char must be "0"
    for n in range(1000):
        body = f"9111000060003{n:04d}"
        total = sum(CREDIT_CHARSET.index(c) * w for c, w in zip(
            body, (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28), strict=True))
        if total % 31 == 0:
            assert credit_code_check_char(body) == "0"
            assert check_credit_code(body + "0") == body + "0"
            return
    pytest.fail("no body with sum divisible by 31 found")


credit_bodies = st.builds(
    lambda head, region, tail: head + region + tail,
    st.text(CREDIT_CHARSET, min_size=2, max_size=2),
    st.text("0123456789", min_size=6, max_size=6),
    st.text(CREDIT_CHARSET, min_size=9, max_size=9),
)


@given(body=credit_bodies, pos=st.integers(0, 17), replacement=st.sampled_from(CREDIT_CHARSET))
def test_credit_code_single_change_caught(body: str, pos: int, replacement: str) -> None:
    code = make_credit_code(body)
    assert check_credit_code(code) == code
    assert check_credit_code(code.lower()) == code
    if code[pos] == replacement:
        return
    changed = code[:pos] + replacement + code[pos + 1 :]
    with pytest.raises(UserError):
        check_credit_code(changed)


# --------------------------------------------------------------------------- phones


@pytest.mark.parametrize("text", [
    "13812345678", "138 1234 5678", "138-1234-5678", "+8613812345678", "8613812345678",
    "+86 138 1234 5678", "１３８１２３４５６７８",
])
def test_mobile_variants(text: str) -> None:
    assert check_mobile(text) == "13812345678"


@pytest.mark.parametrize("prefix", ["13", "14", "15", "16", "17", "18", "19"])
def test_mobile_second_digit_3_to_9(prefix: str) -> None:
    assert check_mobile(prefix + "912345678") == prefix + "912345678"


@pytest.mark.parametrize("text", [
    "12812345678", "10812345678", "1381234567", "138123456789", "23812345678",
    "0591-87654321", "+85213812345678", "1381234567a", "",
])
def test_mobile_rejects(text: str) -> None:
    with pytest.raises(UserError) as info:
        check_mobile(text, field="applicant.phone")
    assert info.value.field == "applicant.phone"


@pytest.mark.parametrize("text, expected", [
    ("0591-87654321", "0591-87654321"),
    ("059187654321", "0591-87654321"),
    ("0591 8765 4321", "0591-87654321"),
    ("(0591)87654321", "0591-87654321"),
    ("（0591）87654321", "0591-87654321"),
    ("010-12345678", "010-12345678"),
    ("01012345678", "010-12345678"),
    ("020-8765432", "020-8765432"),
    ("010-12345678-123", "010-12345678-123"),
    ("010-12345678转123", "010-12345678-123"),
    ("010-12345678 ext 9", "010-12345678-9"),
    ("0591-87654321#8001", "0591-87654321-8001"),
    ("13812345678", "13812345678"),
    ("+86 13812345678", "13812345678"),
])
def test_phone_variants(text: str, expected: str) -> None:
    assert check_phone(text) == expected


@pytest.mark.parametrize("text", [
    "87654321", "0591-0765432", "0591-876543", "0591-876543210", "0191-87654321",
    "0012345678", "phone", "010-12345678-1234567", "",
])
def test_phone_rejects(text: str) -> None:
    with pytest.raises(UserError):
        check_phone(text)


def test_phone_without_landline() -> None:
    assert check_phone("13812345678", allow_landline=False) == "13812345678"
    with pytest.raises(UserError, match="不接受固定电话"):
        check_phone("0591-87654321", allow_landline=False)
    with pytest.raises(UserError, match="手机号码"):
        check_phone("12345", allow_landline=False)


@given(st.sampled_from("3456789"), st.text("0123456789", min_size=9, max_size=9))
def test_mobile_property(second: str, rest: str) -> None:
    number = "1" + second + rest
    assert check_mobile(number) == number
    assert check_mobile("+86" + number) == number
    assert check_phone(number, allow_landline=False) == number
    assert mask_phone(number) == number[:3] + "****" + number[-4:]


# --------------------------------------------------------------------------- division codes


@pytest.mark.parametrize("text, expected", [
    ("350112", "350112000000"),
    ("350112100", "350112100000"),
    ("350112100201", "350112100201"),
    (" 350112 100 201 ", "350112100201"),
])
def test_division_code(text: str, expected: str) -> None:
    assert check_division_code(text) == expected


@pytest.mark.parametrize("text, fragment", [
    ("3501121", "7 位"),
    ("35011210020", "11 位"),
    ("35011A100201", "第 6 位"),
    ("990112100201", "省级"),
    ("", "请填写"),
])
def test_division_code_rejects(text: str, fragment: str) -> None:
    with pytest.raises(UserError) as info:
        check_division_code(text, field="township_code")
    assert fragment in info.value.message
    assert info.value.field == "township_code"


# --------------------------------------------------------------------------- masks


@pytest.mark.parametrize("number, masked", [
    ("51010119900101123X", "5101**********123X"),
    ("11010519491231002X", "1101**********002X"),
    ("110105491231002", "1101*******1002"),
    ("E12345678", "E123*5678"),
    ("12345678", "12345678"),
    ("1234567", "*******"),
    ("", ""),
    (None, ""),
])
def test_mask_id(number: str | None, masked: str) -> None:
    assert mask_id(number) == masked


@given(st.text(min_size=8, max_size=40).filter(lambda s: s == s.strip()))
def test_mask_id_shape(number: str) -> None:
    masked = mask_id(number)
    assert len(masked) == len(number)
    assert masked[:4] == number[:4] and masked[-4:] == number[-4:]
    assert set(masked[4:-4]) <= {"*"}


@pytest.mark.parametrize("number, masked", [
    ("13812345678", "138****5678"),
    ("+86 138 1234 5678", "138****5678"),
    ("0591-87654321", "0591-****4321"),
    ("010-12345678-123", "010-****5678"),
    ("020-8765432", "020-****5432"),
    ("unknown-9876", "****9876"),
    ("123", "***"),
    ("", ""),
    (None, ""),
])
def test_mask_phone(number: str | None, masked: str) -> None:
    assert mask_phone(number) == masked


@pytest.mark.parametrize("text, masked", [
    ("福建省福州市长乐区吴航街道123号", "福建省福州市****"),
    ("北京市东城区", "北京市东城区****"),
    ("长乐区", "长乐区****"),
    ("", ""),
    ("   ", ""),
    (None, ""),
])
def test_mask_address(text: str | None, masked: str) -> None:
    assert mask_address(text) == masked


def test_whitespace_is_dropped_exactly_where_isspace_says():
    """``_normalize`` drops whitespace with ``str.split()`` (fast); it must drop exactly the ``isspace`` characters."""
    import sys

    from hexie_desktop.core.ids import _normalize

    every = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    assert "".join(every.split()) == "".join(ch for ch in every if not ch.isspace())
    assert _normalize(" 11010 5\u3000199\t0 \u00a0") == "110105199" + "0"


# --------------------------------------------------------------------------- fast paths (issue 12)


def _reference_normalize(text: str) -> str:
    import unicodedata

    return "".join(unicodedata.normalize("NFKC", text or "").split()).upper()


@given(st.text(alphabet="0123456789xXaZ０１９ｘＸ \t\u3000\u00a0\x1c²٣Ⅹ-()+转#", max_size=24))
def test_normalize_equals_the_nfkc_fold(text: str) -> None:
    """The ASCII shortcut of ``_normalize`` gives what NFKC + whitespace removal + upper-case gives."""
    from hexie_desktop.core.ids import _normalize

    assert _normalize(text) == _reference_normalize(text)


@given(st.text(alphabet="0123456789", min_size=17, max_size=17))
def test_id_check_char_equals_the_weighted_sum(first17: str) -> None:
    """GB 11643-1999 §6.2: ISO 7064 MOD 11-2, check = (12 − Σ aᵢ·Wᵢ mod 11) mod 11, 10 written X."""
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    total = sum(int(d) * w for d, w in zip(first17, weights, strict=True))
    assert id_check_char(first17) == "10X98765432"[total % 11]


@pytest.mark.parametrize("digit", ["٣", "१", "߃"])
def test_non_ascii_digits_are_named_not_accepted(digit: str) -> None:
    """str.isdigit() holds for these, yet GB 11643 numbers are ASCII digits: the position is named."""
    good = _with_check("11010519491231002")
    bad = good[:3] + digit + good[4:]
    assert _reference_normalize(bad)[3] == digit  # NFKC leaves it a non-ASCII digit
    error = _id_error(bad)
    assert "第 4 位" in error.message


@given(st.text(alphabet="0123456789X", min_size=18, max_size=18))
def test_random_numbers_accepted_exactly_when_the_check_char_fits(number: str) -> None:
    """A random 18-character number passes only with 17 digits, a valid birth date and its check character."""
    try:
        info = check_resident_id(number, today=TODAY)
    except UserError:
        ok = False
    else:
        ok = True
        assert info.number == number
    body = number[:17]
    expected = body.isdigit() and number[17] == id_check_char(body)
    if expected:
        try:
            born = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
        except ValueError:
            expected = False
        else:
            expected = date(1900, 1, 1) <= born <= TODAY
    assert ok == expected
