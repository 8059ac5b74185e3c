"""The 数据交换 screen, offscreen: a township exports to a "USB stick", the district unlocks, checks, imports.

(The file dialogs are replaced by the folders a person would pick; everything else is the
real screen calling the real services on real stations.)
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import text

from hexie_desktop.services import registries
from hexie_desktop.services.users import actor_for
from hexie_desktop.ui import ops
from hexie_desktop.ui.screens.exchange import ExchangeScreen
from hexie_desktop.ui.screens.exchange.dialogs import ConflictDialog, SummaryDialog
from hexie_desktop.ui.workspace import Workspace
from tests.e2e.exchange_support import PASSPHRASE, TOWN_CODE, make_pair, register, rows_of


@pytest.fixture
def pair(tmp_path: Path, qapp):
    made = make_pair(tmp_path / "pair")
    yield made
    ops.wait_all()
    qapp.processEvents()
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMessageBox):
            widget.close()
    made.dispose()


def _wait(qtbot) -> None:
    qtbot.waitUntil(lambda: not ops.busy(), timeout=20000)


def test_township_exports_to_usb_and_district_imports_after_the_summary(qtbot, qtmodeltester, pair, tmp_path):
    register(pair.tctx, "张三", "李四")
    usb = tmp_path / "usb"
    usb.mkdir()
    town = ExchangeScreen(Workspace(pair.town, actor_for(pair.town.db, "admin")))
    qtbot.addWidget(town)
    assert town.ui.statusLabel.text() == "正在统计……"       # nothing counted before the page is seen
    town.show()                                               # counted off the GUI thread when shown
    _wait(qtbot)
    assert "待导出的修改" in town.ui.statusLabel.text() and not town.ui.townshipTable.isVisibleTo(town)
    town.choose_folder = lambda _title: usb
    town.ui.exportUsbButton.click()
    _wait(qtbot)
    packages = list(usb.glob("*.hxp"))
    assert len(packages) == 1 and "第1号数据包" in town.ui.messageLabel.text()
    assert town.history.rowCount() == 1
    qtmodeltester.check(town.history)

    district = ExchangeScreen(Workspace(pair.dist, actor_for(pair.dist.db, "admin")))
    qtbot.addWidget(district)
    district.show()
    _wait(qtbot)
    assert district.ui.unlockFrame.isVisibleTo(district)
    district.choose_files = lambda _title: packages
    district.ui.importButton.click()
    assert "口令" in district.ui.messageLabel.text(), "locked keys are asked for first"
    district.ui.passphraseEdit.setText(PASSPHRASE)
    district.ui.unlockButton.click()
    _wait(qtbot)
    assert district.keys is not None and not district.ui.unlockFrame.isVisibleTo(district)
    district.ui.importButton.click()
    _wait(qtbot)
    summary = district.dialog
    assert isinstance(summary, SummaryDialog) and summary.model.rowCount() >= 4
    qtmodeltester.check(summary.model)
    assert rows_of(pair.dist, TOWN_CODE) == {}, "nothing written before the person confirms"
    summary.ui.applyButton.click()
    _wait(qtbot)
    assert "回执已写入" in district.ui.messageLabel.text()
    assert rows_of(pair.dist, TOWN_CODE) == rows_of(pair.town, TOWN_CODE)
    assert district.townships.rowCount() == 1
    qtmodeltester.check(district.townships)

    receipt = next((pair.dist.paths.root / "exchange" / "outbox").glob("*.hxp"))
    town.choose_files = lambda _title: [receipt]
    town.ui.importButton.click()
    _wait(qtbot)
    assert "区里已确认收到第1号数据包" in town.ui.messageLabel.text()


def test_district_decides_a_conflict_side_by_side(qtbot, qtmodeltester, pair):
    employer = registries.save_record(pair.tctx, "employers", {"name": "甲公司", "address": "一号"})
    pair.sync("p1.hxp")
    with pair.dist.db.engine.begin() as conn:
        conn.execute(text("UPDATE employers SET address = '别处', version = version + 1 WHERE id = :id"),
                     {"id": employer["id"]})
    registries.save_record(pair.tctx, "employers", {"name": "甲公司", "address": "二号"}, employer["id"])
    pair.sync("p2.hxp")
    screen = ExchangeScreen(Workspace(pair.dist, actor_for(pair.dist.db, "admin")))
    qtbot.addWidget(screen)
    screen.show()
    _wait(qtbot)
    assert screen.conflict_model.rowCount() == 1
    screen.ui.conflictTable.selectRow(0)
    screen.ui.conflictButton.click()
    dialog = screen.dialog
    assert isinstance(dialog, ConflictDialog)
    qtmodeltester.check(dialog.model)
    cells = {dialog.model.record(r)["column"]: dialog.model.record(r) for r in range(dialog.model.rowCount())}
    assert cells["住址（address）"]["stored"] == "别处" and cells["住址（address）"]["incoming"] == "二号"
    dialog.ui.takeButton.click()
    _wait(qtbot)                                  # the write, then the page's count, off the GUI thread
    assert screen.conflict_model.rowCount() == 0 and "采用乡镇的版本" in screen.ui.messageLabel.text()
    assert rows_of(pair.dist, TOWN_CODE) == rows_of(pair.town, TOWN_CODE)


def test_a_district_without_keys_sets_its_passphrase_twice(qtbot, tmp_path, qapp):
    from hexie_desktop.services import exchange
    from hexie_desktop.services.station import init_station

    station = init_station(data_dir=tmp_path / "d", db_url=None, role="district", unit_code="110105",
                           unit_name="朝阳区", short_name="朝阳", admin="admin", password="secret123")
    try:
        assert not exchange.has_keys(station)
        screen = ExchangeScreen(Workspace(station, actor_for(station.db, "admin")))
        qtbot.addWidget(screen)
        screen.refresh()
        _wait(qtbot)
        assert screen.ui.unlockFrame.isVisibleTo(screen)
        screen.ui.unlockButton.click()
        dialog = screen.dialog
        dialog.builder.set_values({"passphrase": "district-pass", "passphrase2": "district-typo"})
        assert not dialog.submit() and not exchange.has_keys(station)
        dialog.builder.set_values({"passphrase": "district-pass", "passphrase2": "district-pass"})
        assert dialog.submit()
        assert screen.keys is not None and exchange.has_keys(station)
        assert exchange.unlock(station, "district-pass").card.fingerprint in screen.ui.stationLabel.text()
    finally:
        station.db.dispose()


def test_trusting_a_card_shows_its_fingerprint_and_needs_a_yes(qtbot, tmp_path, qapp):
    from hexie_desktop.services import exchange

    made = make_pair(tmp_path / "enrol", enroll=False)
    try:
        card = exchange.read_card(made.root / "town.card")
        screen = ExchangeScreen(Workspace(made.dist, actor_for(made.dist.db, "admin")))
        qtbot.addWidget(screen)
        screen.choose_open = lambda _title, _filter: made.root / "town.card"
        screen.ui.trustButton.click()
        box = screen.dialog
        assert isinstance(box, QMessageBox) and card.fingerprint in box.text()
        assert TOWN_CODE in box.text() and card.unit_name in box.text()
        assert box.defaultButton() is box.button(QMessageBox.StandardButton.No), "Enter must not trust"
        box.button(QMessageBox.StandardButton.No).click()
        assert all(p.unit_code != TOWN_CODE for p in exchange.key_info(made.dctx).peers)
        screen.ui.trustButton.click()
        screen.dialog.button(QMessageBox.StandardButton.Yes).click()
        _wait(qtbot)
        peers = {p.unit_code: p for p in exchange.key_info(made.dctx).peers}
        assert peers[TOWN_CODE].status == "trusted" and peers[TOWN_CODE].fingerprint == card.fingerprint
        assert "已信任" in screen.ui.messageLabel.text()
    finally:
        ops.wait_all()
        made.dispose()


def test_export_without_the_district_card_says_so_in_plain_words_before_any_folder(qtbot, pair):
    """Issue 16 #9: the district card is checked first; no CLI words on the screen."""
    with pair.town.db.transaction() as session:
        session.execute(text("UPDATE exchange_peers SET status = 'pending' WHERE role = 'district'"))
    town = ExchangeScreen(Workspace(pair.town, actor_for(pair.town.db, "admin")))
    qtbot.addWidget(town)
    asked: list[str] = []
    town.choose_folder = lambda title: asked.append(title)  # type: ignore[assignment, func-returns-value]
    town.ui.exportUsbButton.click()
    town.ui.exportMailButton.click()
    _wait(qtbot)
    message = town.ui.messageLabel.text()
    assert asked == [], "no folder is asked for while the export cannot work"
    assert "尚未登记区级站点" in message and "导入区里名片" in message
    assert "keys" not in message and "trust" not in message
