"""Every Qt model passes qtmodeltester; the case model reads rows lazily, page by page."""

from __future__ import annotations

from PySide6.QtCore import Qt

from hexie_desktop.services.cases import CaseFilter
from hexie_desktop.ui.models import queries
from hexie_desktop.ui.models.case_table import DEADLINE_COLUMN, NUMBER_ROLE, CaseTableModel
from hexie_desktop.ui.models.records import ID_ROLE, RECORD_ROLE, RecordTableModel
from hexie_desktop.ui.widgets.badges import BADGE_ROLE


def test_case_model_passes_modeltester(qtmodeltester, workspace) -> None:
    model = CaseTableModel(workspace.ctx)
    ids = queries.case_ids(workspace.ctx, CaseFilter())
    model.set_ids(ids)
    model.set_badges({ids[0]: ("overdue", "受理决定期限：2025-01-01")})
    qtmodeltester.check(model)
    assert model.rowCount() == len(ids) == 40
    assert model.index(0, DEADLINE_COLUMN).data(BADGE_ROLE) == "overdue"
    assert model.index(0, DEADLINE_COLUMN).data() == "已逾期"


def test_case_model_empty_passes_modeltester(qtmodeltester, workspace) -> None:
    qtmodeltester.check(CaseTableModel(workspace.ctx))


def test_case_model_fetches_only_the_pages_looked_at(workspace, monkeypatch) -> None:
    monkeypatch.setattr(queries, "PAGE", 7)
    model = CaseTableModel(workspace.ctx)
    ids = queries.case_ids(workspace.ctx, CaseFilter())
    model.set_ids(ids)
    assert model.fetches == 0
    assert model.index(0, 0).data(NUMBER_ROLE)
    assert model.index(6, 2).data()
    assert model.fetches == 1
    assert model.index(39, 0).data(ID_ROLE) == ids[39]
    assert model.index(39, 0).data(NUMBER_ROLE)
    assert model.fetches == 2
    assert model.index(1, 0).data(NUMBER_ROLE)
    assert model.fetches == 2


def test_case_model_masks_personal_data(workspace) -> None:
    model = CaseTableModel(workspace.ctx)
    model.set_ids(queries.case_ids(workspace.ctx, CaseFilter()))
    assert "****" in model.index(0, 3).data()
    assert "****" in model.index(0, 4).data()


def test_record_model_passes_modeltester(qtmodeltester) -> None:
    model = RecordTableModel([("name", "姓名"), ("amount", "金额"), (lambda r: r["name"] * 2, "两遍")],
                             badge_key="status", badge_column=0, right_aligned=(1,))
    model.set_records([{"id": "a", "name": "张三", "amount": 5, "status": "soon"},
                       {"id": "b", "name": "李四", "amount": None, "status": None}])
    qtmodeltester.check(model)
    assert model.index(0, 2).data() == "张三张三"
    assert model.index(0, 0).data(BADGE_ROLE) == "soon"
    assert model.index(1, 0).data(RECORD_ROLE)["id"] == "b"
    assert model.index(0, 1).data(Qt.ItemDataRole.TextAlignmentRole)
    qtmodeltester.check(RecordTableModel([("x", "X")]))


def test_case_list_shows_where_each_case_is_in_the_exchange(qtmodeltester, tmp_path) -> None:
    from hexie_desktop.ui.models.case_table import EXCHANGE_COLUMN
    from tests.e2e.exchange_support import make_pair, register

    pair = make_pair(tmp_path / "pair")
    try:
        first, = register(pair.tctx, "张三")
        model = CaseTableModel(pair.tctx)
        model.set_ids(queries.case_ids(pair.tctx, CaseFilter()))
        assert model.index(0, EXCHANGE_COLUMN).data() == "有修改未导出"
        pair.sync("p1.hxp")
        register(pair.tctx, "李四")
        model = CaseTableModel(pair.tctx)
        model.set_ids(queries.case_ids(pair.tctx, CaseFilter()))
        labels = {model.index(r, 0).data(): model.index(r, EXCHANGE_COLUMN).data() for r in range(model.rowCount())}
        assert labels[first].startswith("已随第1号数据包导出") and labels[first].endswith("区里已确认")
        assert list(labels.values()).count("有修改未导出") == 1
        qtmodeltester.check(model)
    finally:
        pair.dispose()
