"""The registry screen is generic over services.registries.FIELDS."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QDialogButtonBox

from hexie_desktop.core import ids
from hexie_desktop.services import registries
from tests.gui.conftest import message_boxes, township_center_row, type_text, wait_tasks


def _ok(dialog) -> None:  # noqa: ANN001
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()


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
