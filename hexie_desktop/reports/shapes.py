"""What the workbook writers read: the shape of the plain data the services hand them.

The writers of ``reports/`` sit below the services (docs/LAYERS.md): they never import a use
case, they take data.  These protocols name the attributes each writer reads, so the services'
own result types (``services.reports.Ledger``, ``StatisticsResult``, ``services.plan.PlanProgress``,
``services.plan_upward.UpwardReport``, ``services.imports.ImportResult`` …) fit them as they are,
and a test's plain object fits them too.  Attributes are read-only properties so that frozen
dataclasses match.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from datetime import date
from fractions import Fraction
from typing import Any, Protocol

from hexie_desktop.core import stats


class Meta(Protocol):
    """Who reports: the unit's name, the acting user, the report date."""

    @property
    def unit_name(self) -> str: ...
    @property
    def reporter(self) -> str: ...
    @property
    def today(self) -> date: ...


class LedgerColumn(Protocol):
    """One ledger column: the row key, header, value kind, group header, width, whether totalled."""

    @property
    def key(self) -> str: ...
    @property
    def header(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def group(self) -> str: ...
    @property
    def width(self) -> int: ...
    @property
    def total(self) -> bool: ...


class TemplateColumn(LedgerColumn, Protocol):
    """An import template column: a ledger column with its required mark, choices and hint."""

    @property
    def required(self) -> bool: ...
    @property
    def choices(self) -> Mapping[str, str] | None: ...
    @property
    def hint(self) -> str: ...


class LedgerData(Protocol):
    """An open ledger: title, columns, row count, the rows (consumed once), period and masking."""

    @property
    def title(self) -> str: ...
    @property
    def columns(self) -> Sequence[LedgerColumn]: ...
    @property
    def count(self) -> int: ...
    @property
    def rows(self) -> Iterator[Any]: ...  # dicts keyed by column key, or sequences of cells in column order
    @property
    def meta(self) -> Meta: ...
    @property
    def period(self) -> stats.Period | None: ...
    @property
    def unmask(self) -> bool: ...


class StatisticsData(Protocol):
    """A statistics report: figures per origin and in total, the year to date and the monthly trend."""

    @property
    def period(self) -> stats.Period: ...
    @property
    def as_of(self) -> date: ...
    @property
    def denominator(self) -> str: ...
    @property
    def meta(self) -> Meta: ...
    @property
    def origins(self) -> Mapping[str, str]: ...
    @property
    def by_origin(self) -> Mapping[str, stats.Figures]: ...
    @property
    def total(self) -> stats.Figures: ...
    @property
    def year_to_date(self) -> stats.Figures | None: ...
    @property
    def trend(self) -> Sequence[tuple[stats.Period, stats.Figures]]: ...


class ProgressLine(Protocol):
    """One indicator of the plan progress table."""

    @property
    def code(self) -> str: ...
    @property
    def label(self) -> str: ...
    @property
    def unit(self) -> str: ...
    @property
    def target(self) -> int: ...
    @property
    def actual(self) -> int | Fraction | None: ...
    @property
    def year_to_date(self) -> int | Fraction | None: ...
    @property
    def completion(self) -> Fraction | None: ...
    @property
    def basis(self) -> str: ...


class ProgressData(Protocol):
    """The plan progress table of one period."""

    @property
    def period(self) -> stats.Period: ...
    @property
    def meta(self) -> Meta: ...
    @property
    def rows(self) -> Sequence[ProgressLine]: ...


class UpwardLine(Protocol):
    """One figure of the 工作情况 report."""

    @property
    def label(self) -> str: ...
    @property
    def unit(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def total(self) -> int | Fraction | None: ...
    @property
    def by_origin(self) -> Mapping[str, int | Fraction | None]: ...
    @property
    def target(self) -> int | None: ...
    @property
    def year_to_date(self) -> int | Fraction | None: ...
    @property
    def completion(self) -> Fraction | None: ...


class UpwardSection(Protocol):
    """One part of the 工作情况 report."""

    @property
    def code(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def lines(self) -> Sequence[UpwardLine]: ...


class UpwardData(Protocol):
    """The 工作情况 report of one period (per township columns at a district)."""

    @property
    def period(self) -> stats.Period: ...
    @property
    def meta(self) -> Meta: ...
    @property
    def origins(self) -> Mapping[str, str]: ...
    @property
    def sections(self) -> Sequence[UpwardSection]: ...
    @property
    def per_origin(self) -> bool: ...


class ImportProblem(Protocol):
    """One bad cell of an import."""

    @property
    def row(self) -> int: ...
    @property
    def column(self) -> str: ...
    @property
    def header(self) -> str: ...
    @property
    def value(self) -> str: ...
    @property
    def message(self) -> str: ...


class ImportRow(Protocol):
    """What became of one imported row."""

    @property
    def row(self) -> int: ...
    @property
    def status(self) -> str: ...
    @property
    def note(self) -> str: ...


class ImportData(Protocol):
    """The outcome of one import, as the report workbook shows it."""

    @property
    def source(self) -> str: ...
    @property
    def valid_only(self) -> bool: ...
    @property
    def rows(self) -> Sequence[ImportRow]: ...
    @property
    def problems(self) -> Sequence[ImportProblem]: ...
    @property
    def ignored_headers(self) -> Sequence[str]: ...
    @property
    def invalid_rows(self) -> int: ...

    def count(self, status: str) -> int:
        """How many rows ended with ``status``."""

    def summary(self) -> str:
        """One line for people."""
