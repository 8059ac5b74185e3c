"""Money: exact amounts in integer 分, parsing, display and 人民币大写.

Amounts are stored and computed as ``int`` numbers of 分 (cents); ``Decimal`` is
accepted on input; ``float`` never is.  :func:`cents_to_str` gives the JSON form
(``1234.50``), :func:`format_amount` the printed figure (``1,234.50``) and
:func:`to_uppercase_rmb` the 大写 form required on agreements and receipts
(``人民币壹仟贰佰叁拾肆元伍角整``), following 中国人民银行 practice.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

from hexie_desktop.core.errors import UserError
from hexie_desktop.core.fields import no_controls
from hexie_desktop.core.i18n import _

__all__ = [
    "MAX_CENTS",
    "Money",
    "check_cents",
    "parse_amount",
    "cents_to_str",
    "format_amount",
    "to_uppercase_rmb",
]

MAX_CENTS = 10**13
"""Largest accepted amount in 分 (1,000 亿元); anything larger is refused."""

_PLAIN_RE = re.compile(r"\d+(?:\.\d+)?")
_GROUPED_RE = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")

_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_SMALL_UNITS = ("仟", "佰", "拾", "")
_SECTION_UNITS = ("", "万", "亿", "万亿")


_MAX_YUAN = Decimal(MAX_CENTS // 100)


def _too_large(field: str) -> UserError:
    """Build the error for an amount above :data:`MAX_CENTS`."""
    return UserError(
        _("金额过大：不能超过 {limit} 元").format(limit=format_amount(MAX_CENTS)), field=field
    )


def _decimal_from_text(text: str, field: str) -> Decimal:
    """Read a person's amount text (``1234.5``, ``1,234.50``, ``￥1234``, ``1234元``)."""
    no_controls(text, field)
    clean = unicodedata.normalize("NFKC", text)
    clean = "".join(ch for ch in clean if not ch.isspace())
    if clean.startswith("¥"):
        clean = clean[1:]
    if clean.endswith("元"):
        clean = clean[:-1]
    if not clean:
        raise UserError(_("请填写金额"), field=field)
    if clean.startswith("-"):
        raise UserError(_("金额不能为负数：{text}").format(text=text.strip()), field=field)
    if not (_PLAIN_RE.fullmatch(clean) or _GROUPED_RE.fullmatch(clean)) or not clean.isascii():
        raise UserError(
            _("“{text}”不是有效的金额，请填写数字，如 1234.50 或 1,234.50").format(
                text=text.strip()
            ),
            field=field,
        )
    return Decimal(clean.replace(",", ""))


def _exact_cents(amount: Decimal) -> int | None:
    """Return a finite, bounded ``amount`` (元) in 分, or ``None`` for a fraction of a 分.

    Works on the digits themselves, so no rounding by the decimal context can hide
    a stray digit far behind the point.
    """
    _sign, digits, exponent = amount.as_tuple()
    if not isinstance(exponent, int):  # NaN / infinity never get here
        return None
    number = int("".join(map(str, digits)) or "0")
    if number == 0:
        return 0
    shift = exponent + 2
    if shift >= 0:
        return number * 10**shift
    factor = 10 ** (-shift)
    if number % factor:
        return None
    return number // factor


def parse_amount(
    value: str | int | Decimal, *, field: str = "amount", allow_zero: bool = True
) -> int:
    """Return an amount in 元 as an integer number of 分.

    ``value`` may be text written by a person (``"1234.5"``, ``"1,234.50"``, full-width
    digits, an optional ``¥`` before or ``元`` after), an ``int`` (whole 元) or a
    ``Decimal`` (元).  Refused with a Chinese message: negative amounts, fractions of
    a 分 (more than two non-zero decimals), NaN or infinity, anything that is not a
    number, ``float`` (inexact by nature), amounts above :data:`MAX_CENTS`, and zero
    when ``allow_zero`` is false.
    """
    if isinstance(value, float):
        raise UserError(
            _("金额不能使用浮点数（{value!r}），请以文字、整数或 Decimal 传入").format(value=value),
            field=field,
        )
    if isinstance(value, bool):
        raise UserError(_("金额类型无效：{value!r} 不是数字").format(value=value), field=field)
    if isinstance(value, str):
        amount = _decimal_from_text(value, field)
    elif isinstance(value, int):
        amount = Decimal(value)
    elif isinstance(value, Decimal):
        if not value.is_finite():
            raise UserError(_("金额不是有效的数字：{value}").format(value=value), field=field)
        amount = value
    else:
        raise UserError(
            _("金额类型无效：{kind}").format(kind=type(value).__name__), field=field
        )
    if amount < 0:
        raise UserError(_("金额不能为负数：{value}").format(value=value), field=field)
    if amount > _MAX_YUAN:
        raise _too_large(field)
    cents = _exact_cents(amount)
    if cents is None:
        raise UserError(
            _("金额最多精确到分（两位小数）：{value}").format(value=value), field=field
        )
    if cents == 0 and not allow_zero:
        raise UserError(_("金额必须大于零"), field=field)
    return cents


def check_cents(cents: object, *, field: str = "amount") -> int:
    """A stored amount in 分 (an ``int`` from 0 to :data:`MAX_CENTS`), or a UserError naming ``field``."""
    if isinstance(cents, bool) or not isinstance(cents, int):
        raise UserError(_("金额应为整数（分）"), field=field)
    if cents < 0:
        raise UserError(_("金额不能为负数：{value}").format(value=cents_to_str(cents)), field=field)
    if cents > MAX_CENTS:
        raise _too_large(field)
    return cents


def _check_cents(cents: int) -> None:
    """Refuse anything but a plain ``int`` (``bool`` and ``float`` included)."""
    if isinstance(cents, bool) or not isinstance(cents, int):
        raise TypeError(f"amount in cents must be int, got {type(cents).__name__}")


def cents_to_str(cents: int) -> str:
    """Return the JSON form of an amount in 分: ``1234.50`` (no separators)."""
    _check_cents(cents)
    sign = "-" if cents < 0 else ""
    yuan, fen = divmod(abs(cents), 100)
    return f"{sign}{yuan}.{fen:02d}"


def format_amount(cents: int) -> str:
    """Return the printed figure of an amount in 分: ``1,234.50``."""
    _check_cents(cents)
    sign = "-" if cents < 0 else ""
    yuan, fen = divmod(abs(cents), 100)
    return f"{sign}{yuan:,}.{fen:02d}"


def _section_words(number: int) -> str:
    """Write 1–9999 in 大写 with 仟佰拾, one 零 per run of inner zeros, none at the end."""
    words: list[str] = []
    pending_zero = False
    for digit, unit in zip(f"{number:04d}", _SMALL_UNITS, strict=True):
        if digit == "0":
            pending_zero = bool(words)
            continue
        if pending_zero:
            words.append("零")
            pending_zero = False
        words.append(_DIGITS[int(digit)] + unit)
    return "".join(words)


def _yuan_words(yuan: int) -> str:
    """Write a positive whole number of 元 in 大写 (without the trailing 元)."""
    sections: list[int] = []
    while yuan:
        yuan, section = divmod(yuan, 10000)
        sections.append(section)
    words: list[str] = []
    pending_zero = False
    for index in range(len(sections) - 1, -1, -1):
        section = sections[index]
        if section == 0:
            pending_zero = bool(words)
            continue
        if words and (pending_zero or section < 1000):
            words.append("零")
        pending_zero = False
        words.append(_section_words(section) + _SECTION_UNITS[index])
    return "".join(words)


def to_uppercase_rmb(cents: int) -> str:
    """Return the 人民币大写 form of an amount in 分.

    ``1234560`` → ``人民币壹万贰仟叁佰肆拾伍元陆角整``; ``10005`` → ``人民币壹佰元零伍分``;
    ``5`` → ``人民币伍分``; ``0`` → ``人民币零元整``.  A leading ten is written 壹拾;
    runs of zeros give one 零; 整 ends the text exactly when 分 is zero.  Negative
    amounts and amounts above :data:`MAX_CENTS` are refused.
    """
    _check_cents(cents)
    if cents < 0:
        raise UserError(_("金额不能为负数：{value}").format(value=cents_to_str(cents)), field="amount")
    if cents > MAX_CENTS:
        raise _too_large("amount")
    yuan, rest = divmod(cents, 100)
    jiao, fen = divmod(rest, 10)
    text = "人民币"
    if yuan == 0 and rest == 0:
        return text + "零元整"
    if yuan:
        text += _yuan_words(yuan) + "元"
    if jiao:
        text += _DIGITS[jiao] + "角"
    elif fen and yuan:
        text += "零"
    if fen:
        text += _DIGITS[fen] + "分"
    else:
        text += "整"
    return text


@dataclass(frozen=True, order=True)
class Money:
    """An exact amount in 分, as typed views carry it (JSON ``"1234.50"`` only at the edges)."""

    cents: int

    def __post_init__(self) -> None:
        """Refuse anything but a plain ``int`` of 分 (no ``float``, no ``bool``)."""
        _check_cents(self.cents)

    def __str__(self) -> str:
        """The JSON form, ``1234.50`` (:func:`cents_to_str`)."""
        return cents_to_str(self.cents)

    @property
    def formatted(self) -> str:
        """The printed figure, ``1,234.50`` (:func:`format_amount`)."""
        return format_amount(self.cents)

    @property
    def upper(self) -> str:
        """The 大写 form, ``人民币壹仟贰佰叁拾肆元伍角整`` (:func:`to_uppercase_rmb`)."""
        return to_uppercase_rmb(self.cents)
