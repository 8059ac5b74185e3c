"""Identity numbers and codes: check, normalize, mask.

Covers the 居民身份证号 (GB 11643, ISO 7064 MOD 11-2 check character, legacy 15-digit
numbers converted), the 统一社会信用代码 (GB 32100, MOD 31), mainland mobile and landline
numbers, the 12-digit 统计用区划代码, and the masks used in lists and default exports
(个人信息保护法).

Every check normalizes its input first (full-width characters, spaces, lower-case
letters) and either returns the normalized value or raises
:class:`~hexie_desktop.core.errors.UserError` with a Chinese message naming what is
wrong.  A region code missing from the bundled table is never an error: codes change
every year and old codes stay on cards, so it only produces a warning.

The region table ``core/data/regions.csv`` (``code,name,start_year,end_year``) holds every
GB/T 2260 county-level code in use or withdrawn since 1980 (source, date and licence in
``core/data/REGIONS-SOURCE.md``, rebuilt by ``scripts/build_region_table.py``); it is read
once at import.  A withdrawn code is still valid on old cards and is named "（已撤销）".
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Any

from hexie_desktop.core.errors import UserError
from hexie_desktop.core.i18n import _

__all__ = [
    "IdInfo",
    "REGIONS",
    "id_check_char",
    "convert_15_to_18",
    "check_resident_id",
    "credit_code_check_char",
    "check_credit_code",
    "check_mobile",
    "check_phone",
    "check_division_code",
    "region_name",
    "mask_id",
    "mask_phone",
    "mask_address",
    "PERSONAL_COLUMNS",
    "mask_row",
    "make_resident_id",
    "make_credit_code",
]


# --------------------------------------------------------------------------- regions


# Names the lists give the "districts under the city" placeholder levels: not part of a place name.
_PLACEHOLDER_NAMES = frozenset({"市辖区", "市区", "县", "郊区", "省直辖县级行政单位", "省直辖行政单位",
                                "省直辖县级行政区划", "自治区直辖县级行政单位", "自治区直辖县级行政区划"})


def _load_regions() -> Mapping[str, str]:
    """Read the bundled region table into a read-only mapping (code → name)."""
    text = (
        resources.files("hexie_desktop.core.data")
        .joinpath("regions.csv")
        .read_text(encoding="utf-8")
    )
    table: dict[str, str] = {}
    for row in csv.DictReader(io.StringIO(text)):
        code = (row.get("code") or "").strip()
        name = (row.get("name") or "").strip()
        if (row.get("end_year") or "").strip():
            name += "（已撤销）"
        if len(code) == 6 and code.isdigit() and name:
            table[code] = name
    return MappingProxyType(table)


REGIONS: Mapping[str, str] = _load_regions()
"""GB/T 2260 address codes known to this build (6 digits → name)."""


def region_name(code: str) -> str | None:
    """Return a readable name for a 6-digit address code, or ``None`` if none is known.

    The name is built from the levels the table knows, e.g. ``福建省福州市鼓楼区``;
    when only the province or the prefecture is known, only those levels are given.
    """
    if len(code) != 6 or not code.isdigit():
        return None
    parts: list[str] = []
    province = REGIONS.get(code[:2] + "0000")
    if province:
        parts.append(province)
    prefecture_code = code[:4] + "00"
    prefecture = REGIONS.get(prefecture_code, "")
    if prefecture_code != code[:2] + "0000" and prefecture.removesuffix("（已撤销）") not in _PLACEHOLDER_NAMES \
            and prefecture:
        parts.append(prefecture)
    if code not in (code[:2] + "0000", prefecture_code) and code in REGIONS:
        parts.append(REGIONS[code])
    return "".join(parts) or None


# --------------------------------------------------------------------------- helpers


def _normalize(text: str) -> str:
    """Fold full-width forms, drop every kind of whitespace, upper-case letters."""
    if text and text.isalnum() and text.isascii():
        return text.upper()  # ASCII letters and digits: NFKC leaves them alone, no whitespace to drop
    folded = unicodedata.normalize("NFKC", text or "")
    return "".join(folded.split()).upper()  # str.split() splits at exactly the characters str.isspace() names


_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_PARTS = tuple((start, min(start + 3, 17)) for start in range(0, 17, 3))
"""The 17 digits in groups of three (the last of two) looked up in :func:`_id_part_sums`."""


@cache
def _id_part_sums() -> tuple[dict[str, int], ...]:
    """Per group of digits: the digits' text → their weighted sum (5,100 entries; built on first use)."""
    return tuple({text: sum(int(d) * w for d, w in zip(text, _ID_WEIGHTS[start:end], strict=True))
                  for text in (f"{n:0{end - start}d}" for n in range(10 ** (end - start)))}
                 for start, end in _ID_PARTS)


_ID_CHECK_CHARS = "10X98765432"

_CREDIT_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CREDIT_VALUES = {ch: i for i, ch in enumerate(_CREDIT_CHARSET)}
_CREDIT_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)

_MIN_BIRTH = date(1900, 1, 1)


# --------------------------------------------------------------------------- resident ID


@dataclass(frozen=True)
class IdInfo:
    """What a valid 居民身份证号 tells: normalized number, birth date, sex, region."""

    number: str
    birth_date: date
    sex: str
    region_code: str
    region_known: bool
    warnings: tuple[str, ...]


def id_check_char(first17: str) -> str:
    """Return the ISO 7064 MOD 11-2 check character (``0``–``9`` or ``X``) for 17 digits."""
    if len(first17) != 17 or not first17.isascii() or not first17.isdigit():
        raise UserError(
            _("计算身份证校验位需要17位数字，收到的是“{text}”").format(text=first17),
            field="id_number",
        )
    a, b, c, d, e, f = _id_part_sums()
    total = (a[first17[0:3]] + b[first17[3:6]] + c[first17[6:9]] + d[first17[9:12]] + e[first17[12:15]]
             + f[first17[15:17]])
    return _ID_CHECK_CHARS[total % 11]


def convert_15_to_18(number15: str) -> str:
    """Convert a legacy 15-digit number (GB 11643-1989) to 18 characters.

    Inserts ``19`` before the two-digit birth year and appends the check character.
    The birth date itself is not checked here (see :func:`check_resident_id`).
    """
    digits = _normalize(number15)
    if len(digits) != 15 or not digits.isascii() or not digits.isdigit():
        raise UserError(
            _("15位旧身份证号码应全部为数字，共15位，收到的是“{text}”").format(text=number15),
            field="id_number",
        )
    first17 = digits[:6] + "19" + digits[6:]
    return first17 + id_check_char(first17)


def _parse_birth(text: str, *, today: date, field: str) -> date:
    """Turn ``YYYYMMDD`` into a date that is real, not before 1900 and not after today."""
    try:
        born = date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    except ValueError:
        raise UserError(
            _("身份证号码中的出生日期 {text} 不是有效日期").format(text=text), field=field
        ) from None
    if born < _MIN_BIRTH:
        raise UserError(
            _("身份证号码中的出生日期 {text} 早于1900年，不可能有效").format(text=text),
            field=field,
        )
    if born > today:
        raise UserError(
            _("身份证号码中的出生日期 {text} 晚于今天，不可能有效").format(text=text),
            field=field,
        )
    return born


def _region_warning(code: str) -> str | None:
    """Return the warning for an address code missing from the table, or ``None``."""
    if code in REGIONS:
        return None
    province = REGIONS.get(code[:2] + "0000")
    if province is None:
        return _("身份证号码的地址码 {code} 前两位 {prefix} 不是已知的省级代码，请核对号码").format(
            code=code, prefix=code[:2]
        )
    known = region_name(code) or province
    return _(
        "身份证号码的地址码 {code} 不在1980年以来的区县代码表中（含已撤销的代码；前几位属于{known}），"
        "请核对号码"
    ).format(code=code, known=known)


def check_resident_id(
    text: str, *, today: date | None = None, field: str = "id_number"
) -> IdInfo:
    """Check a 居民身份证号 and return what it tells.

    Spaces are removed, full-width characters folded and ``x`` upper-cased.  A legacy
    15-digit number is converted to 18 characters (with a warning).  An 18-character
    number must be 17 digits plus a digit or ``X`` matching the MOD 11-2 check.  The
    birth date must be a real date, not in the future (relative to ``today``, default
    the current date) and not before 1900.  An address code missing from the bundled
    table only adds a warning.
    """
    today = today or date.today()
    number = _normalize(text)
    warnings: list[str] = []
    if not number:
        raise UserError(_("请填写身份证号码"), field=field)
    if len(number) == 15:
        for pos, ch in enumerate(number, start=1):
            if not ("0" <= ch <= "9"):
                raise UserError(
                    _("15位旧身份证号码第 {pos} 位“{ch}”不是数字").format(pos=pos, ch=ch),
                    field=field,
                )
        _parse_birth("19" + number[6:12], today=today, field=field)
        number = convert_15_to_18(number)
        warnings.append(
            _("15位旧身份证号码已转换为18位：{number}，请核对").format(number=number)
        )
    elif len(number) != 18:
        raise UserError(
            _("身份证号码应为18位（或15位旧号码），现在是 {n} 位").format(n=len(number)),
            field=field,
        )
    elif not (number.isascii() and number[:17].isdigit()):
        for pos, ch in enumerate(number[:17], start=1):
            if not ("0" <= ch <= "9"):
                raise UserError(
                    _("身份证号码第 {pos} 位“{ch}”不是数字（只有最后一位可以是 X）").format(
                        pos=pos, ch=ch
                    ),
                    field=field,
                )
    if len(number) == 18:
        last = number[17]
        if not ("0" <= last <= "9" or last == "X"):
            raise UserError(
                _("身份证号码最后一位“{ch}”无效，应为数字或 X").format(ch=last), field=field
            )
    birth = _parse_birth(number[6:14], today=today, field=field)
    expected = id_check_char(number[:17])
    if number[17] != expected:
        raise UserError(
            _("身份证号码校验位错误，应为 {expected}（现为 {actual}），请核对号码是否录入有误").format(
                expected=expected, actual=number[17]
            ),
            field=field,
        )
    region = number[:6]
    warning = _region_warning(region)
    if warning:
        warnings.append(warning)
    return IdInfo(
        number=number,
        birth_date=birth,
        sex="male" if int(number[16]) % 2 == 1 else "female",
        region_code=region,
        region_known=warning is None,
        warnings=tuple(warnings),
    )


def make_resident_id(region: str, birth: date, seq: int) -> str:
    """Build a valid 18-character number from a 6-digit region, a birth date and 0–999.

    The sequence decides the sex (odd = male, even = female).  Used by demo data and
    tests; the result passes :func:`check_resident_id` for any birth date from 1900
    up to today.
    """
    if len(region) != 6 or not region.isascii() or not region.isdigit():
        raise UserError(_("地址码应为6位数字，收到的是“{text}”").format(text=region), field="region")
    if not 0 <= seq <= 999:
        raise UserError(_("顺序码应在 0 到 999 之间，收到的是 {seq}").format(seq=seq), field="seq")
    first17 = f"{region}{birth.year:04d}{birth.month:02d}{birth.day:02d}{seq:03d}"
    return first17 + id_check_char(first17)


# --------------------------------------------------------------------------- credit code


def credit_code_check_char(first17: str) -> str:
    """Return the GB 32100 MOD 31 check character for the first 17 characters."""
    body = _normalize(first17)
    if len(body) != 17:
        raise UserError(
            _("计算统一社会信用代码校验位需要17位，收到 {n} 位").format(n=len(body)),
            field="credit_code",
        )
    for pos, ch in enumerate(body, start=1):
        if ch not in _CREDIT_VALUES:
            raise UserError(
                _("统一社会信用代码第 {pos} 位“{ch}”不是允许的字符").format(pos=pos, ch=ch),
                field="credit_code",
            )
    total = sum(_CREDIT_VALUES[ch] * w for ch, w in zip(body, _CREDIT_WEIGHTS, strict=True))
    return _CREDIT_CHARSET[(31 - total % 31) % 31]


def check_credit_code(text: str, *, field: str = "credit_code") -> str:
    """Check a 统一社会信用代码 and return it normalized (18 characters, upper-case).

    The code uses the 31-character set ``0-9`` and ``A-Y`` without I, O, S, V, Z;
    positions 3–8 are the registering authority's 6-digit region code; position 18 is
    the MOD 31 check character.  Errors name the bad character, the wrong check
    character or the wrong length.
    """
    code = _normalize(text)
    if not code:
        raise UserError(_("请填写统一社会信用代码"), field=field)
    if len(code) != 18:
        raise UserError(
            _("统一社会信用代码应为18位，现在是 {n} 位").format(n=len(code)), field=field
        )
    for pos, ch in enumerate(code, start=1):
        if ch not in _CREDIT_VALUES:
            raise UserError(
                _(
                    "统一社会信用代码第 {pos} 位“{ch}”不是允许的字符"
                    "（只能是数字和除 I、O、S、V、Z 以外的大写字母）"
                ).format(pos=pos, ch=ch),
                field=field,
            )
    for pos in range(3, 9):
        ch = code[pos - 1]
        if not ch.isdigit():
            raise UserError(
                _("统一社会信用代码第 {pos} 位“{ch}”应为数字（第3至8位是行政区划代码）").format(
                    pos=pos, ch=ch
                ),
                field=field,
            )
    expected = credit_code_check_char(code[:17])
    if code[17] != expected:
        raise UserError(
            _("统一社会信用代码校验位错误，应为 {expected}（现为 {actual}），请核对代码是否录入有误").format(
                expected=expected, actual=code[17]
            ),
            field=field,
        )
    return code


def make_credit_code(body17: str) -> str:
    """Append the MOD 31 check character to 17 characters (normalized to upper case)."""
    body = _normalize(body17)
    return body + credit_code_check_char(body)


# --------------------------------------------------------------------------- phones

_MOBILE_RE = re.compile(r"(?:\+?86)?(1[3-9]\d{9})")
_EXTENSION_RE = re.compile(r"(.*?)(?:转|#|EXT\.?|X|-)(\d{1,6})")
_SEPARATORS = re.compile(r"[-()]")


def _phone_text(text: str) -> str:
    """Fold full-width forms, drop whitespace, upper-case ``ext``."""
    return _normalize(text)


def _parse_mobile(clean: str) -> str | None:
    """Return the 11-digit mobile number in ``clean`` (separators allowed), or ``None``."""
    compact = _SEPARATORS.sub("", clean)
    match = _MOBILE_RE.fullmatch(compact)
    return match.group(1) if match else None


def _parse_landline(clean: str) -> tuple[str, str, str] | None:
    """Split a landline into (area code, local number, extension) or return ``None``.

    Area codes are ``010`` and ``02x`` (three digits) or ``0xxx`` (four digits,
    second digit 3–9); local numbers have 7 or 8 digits and do not start with 0;
    an extension of 1–6 digits may follow ``-``, ``转``, ``#`` or ``ext``.
    """
    main, extension = clean, ""
    match = _EXTENSION_RE.fullmatch(clean)
    if match:
        candidate = _SEPARATORS.sub("", match.group(1))
        if candidate.isdigit() and len(candidate) >= 10:
            main, extension = match.group(1), match.group(2)
    digits = _SEPARATORS.sub("", main)
    if not digits.isascii() or not digits.isdigit() or not digits.startswith("0"):
        return None
    if digits.startswith("010") or digits.startswith("02"):
        area_len = 3
    elif len(digits) > 1 and digits[1] in "3456789":
        area_len = 4
    else:
        return None
    area, local = digits[:area_len], digits[area_len:]
    if len(local) not in (7, 8) or local.startswith("0"):
        return None
    return area, local, extension


def check_mobile(text: str, *, field: str = "phone") -> str:
    """Check a mainland mobile number and return its 11 digits.

    Accepts an optional ``+86``/``86`` prefix and spaces or hyphens between digit
    groups; the number must be ``1`` followed by ``3``–``9`` and nine more digits.
    """
    clean = _phone_text(text)
    if not clean:
        raise UserError(_("请填写手机号码"), field=field)
    mobile = _parse_mobile(clean)
    if mobile is None:
        raise UserError(
            _("手机号码“{text}”格式不正确，应为以 13–19 开头的11位数字").format(text=text.strip()),
            field=field,
        )
    return mobile


def check_phone(text: str, *, field: str = "phone", allow_landline: bool = True) -> str:
    """Check a mobile or (when allowed) landline number and return it normalized.

    Mobiles come back as 11 digits; landlines as ``0591-87654321`` or, with an
    extension, ``010-12345678-123``.
    """
    clean = _phone_text(text)
    if not clean:
        raise UserError(_("请填写联系电话"), field=field)
    mobile = _parse_mobile(clean)
    if mobile is not None:
        return mobile
    landline = _parse_landline(clean)
    if landline is not None:
        if not allow_landline:
            raise UserError(
                _("此处须填写手机号码（11位），不接受固定电话“{text}”").format(text=text.strip()),
                field=field,
            )
        area, local, extension = landline
        return f"{area}-{local}" + (f"-{extension}" if extension else "")
    if allow_landline:
        message = _(
            "电话号码“{text}”格式不正确：应为11位手机号码，"
            "或带区号的固定电话（如 0591-87654321，分机可写成 010-12345678-123）"
        )
    else:
        message = _("手机号码“{text}”格式不正确，应为以 13–19 开头的11位数字")
    raise UserError(message.format(text=text.strip()), field=field)


# --------------------------------------------------------------------------- division codes


def check_division_code(text: str, *, field: str = "division_code") -> str:
    """Check a 统计用区划代码 and return it as 12 digits.

    A 6-digit county code or 9-digit township code is padded with zeros to 12; the
    first two digits must be a province-level code.
    """
    code = _normalize(text)
    if not code:
        raise UserError(_("请填写区划代码"), field=field)
    for pos, ch in enumerate(code, start=1):
        if not ("0" <= ch <= "9"):
            raise UserError(
                _("区划代码第 {pos} 位“{ch}”不是数字").format(pos=pos, ch=ch), field=field
            )
    if len(code) not in (6, 9, 12):
        raise UserError(
            _("区划代码应为12位数字（也可填6位区县代码或9位乡镇代码），现在是 {n} 位").format(
                n=len(code)
            ),
            field=field,
        )
    if code[:2] + "0000" not in REGIONS:
        raise UserError(
            _("区划代码前两位 {prefix} 不是有效的省级代码").format(prefix=code[:2]), field=field
        )
    return code.ljust(12, "0")


# --------------------------------------------------------------------------- masks


def mask_id(number: str | None) -> str:
    """Mask an identity number: first 4 and last 4 characters kept, stars between.

    ``5101**********123X`` for 18 characters; any value shorter than 8 characters is
    all stars; ``None`` or empty gives an empty string.
    """
    if not number:
        return ""
    value = number.strip()
    if len(value) < 8:
        return "*" * len(value)
    return value[:4] + "*" * (len(value) - 8) + value[-4:]


def mask_phone(number: str | None) -> str:
    """Mask a phone number: ``138****5678``; landlines keep the area code and last 4.

    A landline becomes ``0591-****4321`` (an extension is dropped).  Anything that
    cannot be read as a phone number keeps only its last 4 characters.
    """
    if not number:
        return ""
    clean = _phone_text(number)
    mobile = _parse_mobile(clean)
    if mobile is not None:
        return mobile[:3] + "****" + mobile[-4:]
    landline = _parse_landline(clean)
    if landline is not None:
        area, local, _extension = landline
        return f"{area}-****{local[-4:]}"
    if len(clean) <= 4:
        return "*" * len(clean)
    return "****" + clean[-4:]


def mask_address(text: str | None) -> str:
    """Mask an address: the first 6 characters followed by ``****``."""
    if not text:
        return ""
    value = text.strip()
    if not value:
        return ""
    return value[:6] + "****"


PERSONAL_COLUMNS: dict[str, dict[str, Callable[[str | None], str]]] = {
    "parties": {"id_number": mask_id, "phone": mask_phone, "address": mask_address},
    "mediators": {"id_number": mask_id, "phone": mask_phone},
    "coordinators": {"id_number": mask_id, "phone": mask_phone},
    "negotiation_instructors": {"id_number": mask_id, "phone": mask_phone},
    "employers": {"phone": mask_phone},
}
"""The masking policy: which columns of which record are personal and how each is masked.

Applicants' ID number, phone and address; mediators' and coordinators' ID number and phone;
an employer's phone, which at a small employer is often the owner's own mobile.  Lists,
default exports, the exchange's conflict queue and every view without the ``pii.unmask``
right show these masked.
"""


def mask_row(table: str, row: Mapping[str, Any]) -> dict[str, Any]:
    """A copy of ``row`` (a record of ``table`` as a dict) with its personal columns masked."""
    masks = PERSONAL_COLUMNS.get(table, {})
    return {key: masks[key](value) if key in masks else value for key, value in row.items()}
