"""How values look on paper: dates 2026年9月16日, amounts in figures and 大写, blanks."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from hexie_desktop.core import dates, money
from hexie_desktop.core.errors import UserError
from hexie_desktop.core.i18n import _

BLANK_DATE = "\u3000\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日"
PENDING = "〔待定〕"


def text(value: Any) -> str:
    """A value as text; empty for ``None``."""
    if value is None:
        return ""
    return str(value).strip()


def cn_date(value: Any, *, blank: str = BLANK_DATE) -> str:
    """``2026-09-16`` → ``2026年9月16日``; ``blank`` when missing; unreadable text unchanged."""
    raw = text(value)
    if not raw:
        return blank
    try:
        day = date.fromisoformat(raw[:10])
    except ValueError:
        return raw
    return dates.chinese(day)


def cents(value: Any) -> int | None:
    """An amount (``"1234.50"``) in 分; ``None`` when missing or unreadable."""
    raw = text(value)
    if not raw:
        return None
    try:
        return money.parse_amount(raw)
    except UserError:
        return None


def figures(value: Any) -> str:
    """``1234.5`` → ``1,234.50``; the raw text when unreadable; empty when missing."""
    amount = cents(value)
    if amount is None:
        return text(value)
    return money.format_amount(amount)


def upper(value: Any) -> str:
    """``1234.5`` → ``人民币壹仟贰佰叁拾肆元伍角整``; empty when missing or unreadable."""
    amount = cents(value)
    return money.to_uppercase_rmb(amount) if amount is not None else ""


def amount_both(value: Any) -> str:
    """Figures and 大写: ``人民币12,345.60元（大写：人民币壹万贰仟叁佰肆拾伍元陆角整）``."""
    amount = cents(value)
    if amount is None:
        return text(value) or PENDING
    return _("人民币{fig}元（大写：{up}）").format(fig=money.format_amount(amount),
                                          up=money.to_uppercase_rmb(amount))


def total(values: Iterable[Any]) -> int | None:
    """The sum of readable amounts in 分; ``None`` when none is readable."""
    found = [c for c in (cents(v) for v in values) if c is not None]
    return sum(found) if found else None


def join(names: Iterable[Any], sep: str = "、") -> str:
    """Non-empty names joined with 、."""
    return sep.join(t for t in (text(n) for n in names) if t)


def sentence(parts: Iterable[Any]) -> str:
    """Non-empty parts joined with ， and closed with 。."""
    body = "，".join(t for t in (text(p) for p in parts) if t)
    return body + "。" if body else ""


def chinese_number(n: int) -> str:
    """1 → 一, 12 → 十二, 21 → 二十一 (for headings 一、二、 …; up to 99)."""
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    tens, ones = divmod(n, 10)
    head = ("" if tens == 1 else digits[tens]) + "十"
    return head + (digits[ones] if ones else "")


def cn_count(n: int) -> str:
    """A count in Chinese words as printed in a period: 1 → 一, 15 → 十五, 30 → 三十, 120 → 一百二十."""
    if n < 100:
        return chinese_number(n)
    digits = "零一二三四五六七八九"
    out = ""
    for value, unit in ((1000, "千"), (100, "百")):
        head, n = divmod(n, value)
        if head:
            out += digits[head] + unit
        elif out and n:
            out += "零" if not out.endswith("零") else ""
    if n:
        if n < 10 and not out.endswith("零"):
            out += "零"
        out += digits[n] if n < 10 else (digits[n // 10] + "十" + (digits[n % 10] if n % 10 else ""))
    return out


def money_text(amount_cents: int) -> str:
    """An amount in 分 in its data form: ``1234.50``."""
    return money.cents_to_str(amount_cents)
