"""The registry screen is generic over services.registries.FIELDS."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QDialogButtonBox

from hexie_desktop.core import ids
from hexie_desktop.services import registries
from tests.gui.conftest import message_boxes, settle, township_center_row, type_text, wait_tasks


def _ok(dialog) -> None:
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    settle()


def test_every_register_lists_with_columns_from_fields(qtbot, window, qtmodeltester) -> None:
    window.show_page("registry")
    screen = window.registry
    for row, kind in enumerate(registries.KINDS):
        screen.ui.kinds.setCurrentRow(row)
        wait_tasks(qtbot)
        assert screen.kind == kind
        assert screen.model.columnCount() >= 1
        assert screen.ui.countLabel.text().startswith("共")
        qtmodeltester.check(screen.model)
    assert screen.ui.checklistButton.isHidden() or screen.kind != "orgs"


def test_add_and_edit_a_mediator(qtbot, window, workspace) -> None:
    window.show_page("registry")
    screen = window.registry
    screen.ui.kinds.setCurrentRow(list(registries.KINDS).index("mediators"))
    wait_tasks(qtbot)
    before = screen.model.rowCount()
    dialog = screen.new_record()
    type_text(dialog.builder.widget("name"), "诸葛明")
    type_text(dialog.builder.widget("id_number"), "123")
    _ok(dialog)
    assert dialog.isVisible() and "身份证号码" in dialog.ui.errorLabel.text()
    assert dialog.builder.widget("id_number").property("invalid") is True
    dialog.builder.widget("id_number").clear()
    type_text(dialog.builder.widget("id_number"), ids.make_resident_id("330106", date(1980, 5, 5), 33))
    _ok(dialog)
    assert not dialog.isVisible()
    wait_tasks(qtbot)
    assert screen.model.rowCount() == before + 1
    names = [r["name"] for r in screen.model.records()]
    row = names.index("诸葛明")
    screen.ui.table.selectRow(screen.proxy.mapFromSource(screen.model.index(row, 0)).row())
    dialog = screen.edit_record()
    assert "****" in dialog.builder.value("id_number")      # masked, sent back only when retyped
    dialog.builder.widget("phone").clear()
    type_text(dialog.builder.widget("phone"), "13800001111")
    _ok(dialog)
    assert not dialog.isVisible(), dialog.ui.errorLabel.text()
    wait_tasks(qtbot)
    record = next(r for r in screen.model.records() if r["name"] == "诸葛明")
    assert record["phone"] == ids.mask_phone("13800001111")


def test_delete_asks_first(qtbot, window) -> None:
    window.show_page("registry")
    screen = window.registry
    screen.ui.kinds.setCurrentRow(list(registries.KINDS).index("social_orgs"))
    wait_tasks(qtbot)
    before = screen.model.rowCount()
    assert before > 0
    screen.ui.table.selectRow(0)
    screen.delete_record()
    boxes = message_boxes()
    assert boxes and "确定删除" in boxes[0].text()
    boxes[0].button(boxes[0].StandardButton.Yes).click()
    wait_tasks(qtbot)
    assert screen.model.rowCount() == before - 1


def test_org_checklist(qtbot, window) -> None:
    window.show_page("registry")
    screen = window.registry
    screen.ui.kinds.setCurrentRow(list(registries.KINDS).index("orgs"))
    wait_tasks(qtbot)
    assert screen.ui.checklistButton.isVisible()
    screen.ui.table.selectRow(township_center_row(screen))
    dialog = screen.open_checklist()
    assert dialog.model.rowCount() == 11
    dialog.ui.table.selectRow(0)
    dialog.ui.status.setCurrentIndex(dialog.ui.status.findData("met"))
    dialog.ui.saveButton.click()
    assert dialog.model.record(0)["status"] == "met"


def test_employers_are_read_by_page_and_sorted_by_the_service(qtbot, window):
    from PySide6.QtCore import Qt

    from hexie_desktop.ui.models import lazy_records

    window.show_page("registry")
    screen = window.registry
    screen.ui.kinds.setCurrentRow(list(registries.KINDS).index("employers"))
    wait_tasks(qtbot)
    assert screen.model.index(0, 0).data() and screen.model.fetches == 0   # the first page came with the ids
    names = [r["name"] for r in screen.model.records()]
    assert names == sorted(names) and len(names) == screen.model.rowCount() > 3
    screen.ui.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    wait_tasks(qtbot)
    assert [r["name"] for r in screen.model.records()] == sorted(names, reverse=True)
    assert screen.ui.countLabel.text() == f"共 {len(names)} 条"
    # Only the pages looked at are read: a model over many ids fetches one page for the first row.
    asked: list[int] = []
    model = lazy_records.LazyRecordModel([("name", "名称")], lambda ids: asked.append(len(ids)) or [
        {"id": i, "name": f"单位{i}"} for i in ids])
    model.set_ids([str(n) for n in range(3000)])
    assert model.index(0, 0).data() == "单位0" and model.index(2999, 0).data() == "单位2999"
    assert asked == [lazy_records.PAGE, lazy_records.PAGE] and model.rowCount() == 3000


def test_search_in_a_register_without_names_finds_by_the_employer(qtbot, window, workspace) -> None:
    """Issue 11.3: typing in 重点企业 used to list every key enterprise whatever was typed."""
    first = registries.save_record(workspace.ctx, "employers", {"name": "甲字号精密机械有限公司"})
    second = registries.save_record(workspace.ctx, "employers", {"name": "乙字号食品有限公司"})
    for employer in (first, second):
        registries.save_record(workspace.ctx, "key_enterprises", {"employer_id": employer["id"],
                                                                  "risk_level": "low"})
    window.show_page("registry")
    screen = window.registry
    screen.ui.kinds.setCurrentRow(list(registries.KINDS).index("key_enterprises"))
    wait_tasks(qtbot)
    everything = screen.model.rowCount()
    assert everything >= 2 and screen.ui.search.isEnabled()
    type_text(screen.ui.search, "精密机械")
    screen.reload()
    wait_tasks(qtbot)
    assert [r["display_name"] for r in screen.model.records()] == ["甲字号精密机械有限公司"]
    assert screen.ui.countLabel.text() == "共 1 条"
    screen.ui.search.clear()
    screen.reload()
    wait_tasks(qtbot)
    assert screen.model.rowCount() == everything


def test_record_a_training_for_a_mediator_and_the_form_refuses_no_person(qtbot, window, workspace) -> None:
    """Issue 14.3: trainings are records of one coordinator or mediator, entered like every register."""
    mediator = registries.save_record(workspace.ctx, "mediators", {"name": "培训测试员", "employment_mode": "full_time",
                                                                   "status": "active"})
    window.show_page("registry")
    screen = window.registry
    screen.ui.kinds.setCurrentRow(list(registries.KINDS).index("trainings"))
    wait_tasks(qtbot)
    assert screen.ui.titleLabel.text() == "培训记录" and screen.ui.search.isEnabled()
    before = screen.model.rowCount()
    dialog = screen.new_record()
    type_text(dialog.builder.widget("trained_on"), "2026-10-09")
    type_text(dialog.builder.widget("subject"), "调解协议书制作")
    _ok(dialog)
    assert dialog.isVisible() and "须填写其中一项" in dialog.ui.errorLabel.text()
    dialog.builder.set_value("mediator_id", mediator["id"])
    _ok(dialog)
    assert not dialog.isVisible(), dialog.ui.errorLabel.text()
    wait_tasks(qtbot)
    assert screen.model.rowCount() == before + 1
    type_text(screen.ui.search, "培训测试员")
    screen.reload()
    wait_tasks(qtbot)
    rows = screen.model.records()
    assert [(r["display_name"], r["subject"], r["trained_on"]) for r in rows] == [
        ("培训测试员", "调解协议书制作", "2026-10-09")]


def test_coverage_view_lists_enterprises_without_a_coordinator(qtbot, window, workspace) -> None:
    """Seed 000 一(3): 大中型企业配备至少1名劳动关系协调员."""
    from hexie_desktop.services import coverage

    registries.save_record(workspace.ctx, "employers", {"name": "无人服务的大型企业有限公司", "employees": 900})
    window.show_page("registry")
    screen = window.registry
    screen.ui.kinds.setCurrentRow(list(registries.KINDS).index("coordinators"))
    wait_tasks(qtbot)
    assert screen.coverageButton.isVisible()
    dialog = screen.open_coverage()
    wait_tasks(qtbot)
    expected = coverage.view(workspace.ctx)
    assert dialog.ui.summaryLabel.text() == coverage.summary_text(expected.totals, expected.threshold)
    assert dialog.model.rowCount() == len(expected.rows)
    dialog.ui.uncoveredOnly.setChecked(True)
    names = [r["employer_name"] for r in dialog.model.records()]
    assert "无人服务的大型企业有限公司" in names and all(not r["covered"] for r in dialog.model.records())
    dialog.grab().save("/tmp/coverage_dialog.png")
    screen.ui.kinds.setCurrentRow(list(registries.KINDS).index("employers"))
    wait_tasks(qtbot)
    assert not screen.coverageButton.isVisible()
