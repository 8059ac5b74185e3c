"""Who covers which enterprise (issue 14.3; seed 000 三年行动计划 一(3)).

"指导督促大中型企业……配备至少1名劳动关系协调员；指导乡镇(街道)……配备适当规模的劳动关系协调员，
……服务辖区内小微企业": a large or medium enterprise is covered when at least one active
coordinator is linked to it as serving it; a small enterprise is covered by area, when an active
coordinator's 区划代码 contains the enterprise's.  Which enterprise counts as 大中型 is a headcount
threshold (setting ``coverage.large_medium_employees``, default 300 — 从业人员300人及以上, the
industrial 中型 line of 统计上大中小微型企业划分办法（2017）, 国统字〔2017〕213号).

Pure: plain values in, plain values out.
"""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_LARGE_MEDIUM_EMPLOYEES = 300


def is_large_or_medium(employees: int | None, threshold: int = DEFAULT_LARGE_MEDIUM_EMPLOYEES) -> bool:
    """True when an enterprise with ``employees`` counts as 大中型 (unknown headcount: no)."""
    return employees is not None and employees >= threshold


def area_prefix(division_code: str | None) -> str | None:
    """The part of a 区划代码 that names the area it covers: 12 digits ending 000 → township (9), … → county (6)."""
    code = (division_code or "").strip()
    if not code.isdigit():
        return None
    while len(code) > 6 and code.endswith("000"):
        code = code[:-3]
    return code if len(code) >= 6 else None


def area_covers(coordinator_division: str | None, employer_division: str | None) -> bool:
    """True when a coordinator working in ``coordinator_division`` covers an employer in ``employer_division``."""
    prefix = area_prefix(coordinator_division)
    return bool(prefix) and (employer_division or "").startswith(prefix or "-")


@dataclass(frozen=True)
class Coverage:
    """The coverage figures: large/medium enterprises with a coordinator, small ones covered by area."""

    large_medium: int
    large_medium_covered: int
    small: int
    small_covered: int

    @property
    def large_medium_rate(self) -> float | None:
        """Share of 大中型企业 with at least one coordinator (``None`` when there are none)."""
        return self.large_medium_covered / self.large_medium if self.large_medium else None

    @property
    def small_rate(self) -> float | None:
        """Share of small enterprises in an area a coordinator covers (``None`` when there are none)."""
        return self.small_covered / self.small if self.small else None
