"""Chinese names for the field paths that service errors carry (``cases[0].applicants[2].id_number``)."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

_INDEXED = re.compile(r"^(?P<name>[a-z_]+)\[(?P<index>\d+)\]$")
_CONTEXT = "FieldNames"


def _leaf_labels() -> dict[str, str]:
    t = QCoreApplication.translate
    return {
        "received_on": t(_CONTEXT, "收到申请日期"), "source": t(_CONTEXT, "案件来源"),
        "applicants": t(_CONTEXT, "申请人"), "respondent": t(_CONTEXT, "被申请人"),
        "claims": t(_CONTEXT, "请求事项"), "facts": t(_CONTEXT, "事实与理由"), "evidence": t(_CONTEXT, "证据"),
        "infringement_known_on": t(_CONTEXT, "知道权利被侵害日期"), "name": t(_CONTEXT, "名称/姓名"),
        "id_type": t(_CONTEXT, "证件类型"), "id_number": t(_CONTEXT, "身份证号码"), "sex": t(_CONTEXT, "性别"),
        "phone": t(_CONTEXT, "联系电话"), "address": t(_CONTEXT, "住址"),
        "is_representative": t(_CONTEXT, "代表"), "credit_code": t(_CONTEXT, "统一社会信用代码"),
        "legal_representative": t(_CONTEXT, "法定代表人"), "employer_type": t(_CONTEXT, "单位类型"),
        "industry": t(_CONTEXT, "行业"), "category": t(_CONTEXT, "争议类别"), "amount": t(_CONTEXT, "金额"),
        "description": t(_CONTEXT, "说明"), "on": t(_CONTEXT, "日期"), "reason": t(_CONTEXT, "原因"),
        "note": t(_CONTEXT, "备注"), "mediator": t(_CONTEXT, "调解员"), "approver": t(_CONTEXT, "审批人"),
        "held_on": t(_CONTEXT, "调解日期"), "start_time": t(_CONTEXT, "开始时间"),
        "end_time": t(_CONTEXT, "结束时间"), "session": t(_CONTEXT, "调解场次"), "place": t(_CONTEXT, "地点"),
        "mediators": t(_CONTEXT, "调解员"),
        "recorder": t(_CONTEXT, "记录人"), "attendees": t(_CONTEXT, "到场人员"),
        "statements": t(_CONTEXT, "陈述要点"), "proposal": t(_CONTEXT, "调解方案"), "result": t(_CONTEXT, "结果"),
        "new_end": t(_CONTEXT, "新的调解期限"), "applicant_consent_on": t(_CONTEXT, "申请人同意日期"),
        "respondent_consent_on": t(_CONTEXT, "被申请人同意日期"), "consent": t(_CONTEXT, "双方同意"),
        "content": t(_CONTEXT, "协议内容"), "items": t(_CONTEXT, "协议事项"),
        "obligation": t(_CONTEXT, "履行内容"), "payer": t(_CONTEXT, "义务人"), "payee": t(_CONTEXT, "权利人"),
        "method": t(_CONTEXT, "方式"), "due_on": t(_CONTEXT, "履行期限"),
        "applicant_signed_on": t(_CONTEXT, "申请人签名日期"), "respondent_signed_on": t(_CONTEXT, "被申请人签名日期"),
        "mediator_signed_on": t(_CONTEXT, "调解员签名日期"), "seal_applied_on": t(_CONTEXT, "调解组织盖章日期"),
        "agreement": t(_CONTEXT, "调解协议"), "item": t(_CONTEXT, "协议事项"),
        "visited_on": t(_CONTEXT, "回访日期"), "person": t(_CONTEXT, "回访对象"),
        "performance_status": t(_CONTEXT, "履行情况"), "satisfaction": t(_CONTEXT, "满意度"),
        "risks": t(_CONTEXT, "发现的风险"), "measures": t(_CONTEXT, "采取的措施"),
        "catalog": t(_CONTEXT, "卷内目录"), "doc_type": t(_CONTEXT, "文书类型"), "title": t(_CONTEXT, "题名"),
        "pages": t(_CONTEXT, "页数"), "retention_years": t(_CONTEXT, "保管期限"), "signed": t(_CONTEXT, "签名确认"),
        "username": t(_CONTEXT, "用户名"), "password": t(_CONTEXT, "密码"), "old_password": t(_CONTEXT, "原密码"),
        "role": t(_CONTEXT, "角色"), "unit_code": t(_CONTEXT, "单位代码"), "unit_name": t(_CONTEXT, "单位名称"),
        "short_name": t(_CONTEXT, "简称"), "action": t(_CONTEXT, "操作"), "data": t(_CONTEXT, "数据"),
        "display_name": t(_CONTEXT, "姓名"), "new_password": t(_CONTEXT, "新密码"),
        "new_password2": t(_CONTEXT, "再次输入的新密码"), "password2": t(_CONTEXT, "再次输入的密码"),
        "checked_on": t(_CONTEXT, "检查日期"), "status": t(_CONTEXT, "状态"), "admin": t(_CONTEXT, "管理员用户名"),
    }


def _indexed_label(name: str, index: int) -> str:
    t = QCoreApplication.translate
    n = index + 1
    patterns = {
        "applicants": t(_CONTEXT, "第{n}位申请人"), "claims": t(_CONTEXT, "第{n}项请求"),
        "items": t(_CONTEXT, "第{n}项协议事项"), "catalog": t(_CONTEXT, "卷内目录第{n}行"),
        "cases": "",
    }
    pattern = patterns.get(name, "{name}[{n}]")
    return pattern.format(n=n, name=name)


def _contextual(parent: str, leaf: str) -> str | None:
    t = QCoreApplication.translate
    labels = {("applicants", "name"): t(_CONTEXT, "姓名"), ("respondent", "name"): t(_CONTEXT, "单位名称"),
              ("respondent", "address"): t(_CONTEXT, "住所"), ("respondent", "phone"): t(_CONTEXT, "联系电话")}
    return labels.get((parent, leaf))


def describe_field(path: str | None) -> str:
    """A person's name for a field path, e.g. ``第3位申请人·身份证号码``; empty for ``None``."""
    if not path:
        return ""
    leaves = _leaf_labels()
    parts: list[str] = []
    parent = ""
    for segment in path.split("."):
        match = _INDEXED.match(segment)
        if match:
            label = _indexed_label(match["name"], int(match["index"]))
            parent = match["name"]
        else:
            label = _contextual(parent, segment) or leaves.get(segment, segment)
            parent = segment
        if label:
            parts.append(label)
    return "·".join(parts)


def split_path(path: str | None) -> list[tuple[str, int | None]]:
    """``cases[0].applicants[2].id_number`` → ``[("applicants", 2), ("id_number", None)]`` (case index dropped)."""
    out: list[tuple[str, int | None]] = []
    for segment in (path or "").split("."):
        match = _INDEXED.match(segment)
        if match:
            if match["name"] != "cases":
                out.append((match["name"], int(match["index"])))
        elif segment:
            out.append((segment, None))
    return out
