"""One module per document of SPEC §3, and the registry :data:`DOCUMENTS` that names them.

Every module has ``SHAPE`` (the fields it prints, see
:mod:`~hexie_desktop.documents.projection`) and ``build(case, station) -> Document``
(``build(org, station)`` for the wall boards).  A :class:`DocumentType` is callable like
its ``build`` function.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from hexie_desktop.core.i18n import _
from hexie_desktop.documents.model import Document
from hexie_desktop.documents.projection import project
from hexie_desktop.documents.templates import (
    acceptance,
    agreement,
    application,
    catalog,
    cover,
    default_notice,
    followup,
    major_report,
    mediation_notice,
    notice,
    recommendation,
    record,
    registration,
    rejection,
    service,
    termination,
    wallboard,
    withdrawal,
)


@dataclass(frozen=True)
class DocumentType:
    """A kind of document: its key, its name, the fields it prints and how it is built."""

    key: str
    title: str
    shape: dict
    build: Callable[[dict, dict], Document]
    subject: str = "case"  # "case" or "organization"
    default_page_size: str = "A4"

    def fields(self, data: dict) -> Any:
        """The part of ``data`` this document prints."""
        return project(data, self.shape)

    def __call__(self, data: dict, station: dict) -> Document:
        """Build the document (same as :attr:`build`)."""
        return self.build(data, station)


def _case_doc(key: str, title: str, module: Any) -> DocumentType:
    return DocumentType(key, title, module.SHAPE, module.build)


DOCUMENTS: dict[str, DocumentType] = {
    "application": _case_doc("application", _("调解申请书"), application),
    "registration": _case_doc("registration", _("受理登记表"), registration),
    "notice": _case_doc("notice", _("当事人权利义务告知书"), notice),
    "acceptance": _case_doc("acceptance", _("受理通知书"), acceptance),
    "rejection": _case_doc("rejection", _("不予受理通知书"), rejection),
    "mediation_notice": _case_doc("mediation_notice", _("调解通知书"), mediation_notice),
    "record": _case_doc("record", _("调解笔录"), record),
    "agreement": _case_doc("agreement", _("调解协议书"), agreement),
    "termination": _case_doc("termination", _("终止调解通知书"), termination),
    "withdrawal": _case_doc("withdrawal", _("撤回调解申请书"), withdrawal),
    "service": _case_doc("service", _("送达回证"), service),
    "default_notice": _case_doc("default_notice", _("未履行告知书"), default_notice),
    "recommendation": _case_doc("recommendation", _("调解建议书"), recommendation),
    "followup": _case_doc("followup", _("回访记录"), followup),
    "cover": _case_doc("cover", _("卷宗封面"), cover),
    "catalog": _case_doc("catalog", _("卷内目录"), catalog),
    "major_report": _case_doc("major_report", _("重大集体劳动争议情况报告"), major_report),
    "wallboard": DocumentType("wallboard", _("五上墙展板"), wallboard.SHAPE, wallboard.build,
                              subject="organization", default_page_size=wallboard.DEFAULT_PAGE_SIZE),
}
