"""Take real X11 screenshots of the main screens on a demo station, for docs/USER-GUIDE.md.

Run under Xvfb at the target size::

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python scripts/screenshots.py --out docs/screenshots

(needs the Debian packages xvfb, xauth, libxcb-cursor0, libxcb-icccm4 and libxcb-keysyms1 — the
Qt xcb plugin does not load without the last three; pngquant, when installed, makes the PNGs
small).  A fresh demo station is created in a temporary folder unless ``--data-dir`` names one.
Each shot is a grab of the whole X screen, so it shows exactly what a person at a 1366×768
monitor sees.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from hexie_desktop.core import ids
from hexie_desktop.services.cases import CaseFilter, list_cases
from hexie_desktop.services.demo import station as demo_station
from hexie_desktop.ui import ops, style
from hexie_desktop.ui.main_window import MainWindow
from hexie_desktop.ui.screens.first_run import FirstRunDialog
from hexie_desktop.ui.screens.login import LoginDialog
from hexie_desktop.ui.workspace import Workspace

MAX_BYTES = 150 * 1024


def settle(app: QApplication, rounds: int = 8) -> None:
    """Let background calls finish and the screen repaint."""
    for _ in range(rounds):
        ops.wait_all()
        app.processEvents()
    loop_wait(app, 150)


def loop_wait(app: QApplication, msecs: int) -> None:
    """Run the event loop for ``msecs``."""
    loop = QEventLoop()
    QTimer.singleShot(msecs, loop.quit)
    loop.exec()


def shoot(app: QApplication, path: Path, crop: QWidget | None = None) -> None:
    """Grab the whole screen (or just ``crop``'s area) into ``path`` and squeeze it under :data:`MAX_BYTES`."""
    settle(app)
    screen = app.primaryScreen()
    image = screen.grabWindow(0)
    if crop is not None:
        image = image.copy(crop.frameGeometry().adjusted(-16, -16, 16, 16))
    image.save(str(path), "PNG")
    if shutil.which("pngquant"):
        subprocess.run(["pngquant", "--force", "--skip-if-larger", "--quality", "60-90", "--speed", "1",
                        "--output", str(path), str(path)], check=False)
    size = path.stat().st_size
    print(f"{path.name}: {size // 1024} KB" + ("  (over 150 KB!)" if size > MAX_BYTES else ""))


def _fill_intake(window: MainWindow, today: date) -> None:
    intake = window.intake
    ui = intake.ui
    ui.knownOn.setValue(today - timedelta(days=300))
    lines = "\n".join(f"{name}\t{ids.make_resident_id('330106', date(1986 + n, 2 + n, 10 + n), 100 + n)}\t"
                      f"1390571{n:04d}\t演示街道幸福路{n + 3}号"
                      for n, name in enumerate(("欧阳娜娜", "李建国", "张晓")))
    intake.applicants.add_lines(lines)
    ui.name.setText("王")
    ui.idNumber.setText(ids.make_resident_id("330106", date(1992, 8, 1), 211))
    rows = intake.respondent
    ui.respondentName.setText("演示街道")
    rows.lookup()
    if rows.found:
        rows.pick(next(iter(rows.found.values())))
    rows.completer.popup().hide()
    ui.claimCategory.setCurrentIndex(ui.claimCategory.findData("wages"))
    ui.claimAmount.setText("26400")
    ui.claimDescription.setText("2025年5月至7月工资")
    intake.claims.add_from_entry()
    ui.claimCategory.setCurrentIndex(ui.claimCategory.findData("double_wages"))
    ui.claimAmount.setText("18000")
    ui.claimDescription.setText("未签书面劳动合同二倍工资")
    intake.claims.add_from_entry()
    ui.facts.setPlainText("申请人于2024年3月入职被申请人处从事装配工作，被申请人自2025年5月起未足额支付工资……")
    ui.evidence.setPlainText("考勤记录、工资条、微信聊天记录")
    ui.name.setFocus()


def _pick_case(window: MainWindow, state: str) -> str | None:
    rows = list_cases(window.workspace.ctx, CaseFilter(state=state), limit=1)
    return rows[0].number if rows else None


def main(argv: list[str] | None = None) -> int:
    """Create the demo station and save one PNG per screen into ``--out``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--data-dir", type=Path, default=None)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    style.apply(app)
    temp = None
    data_dir = args.data_dir
    if data_dir is None:
        temp = tempfile.TemporaryDirectory()
        data_dir = Path(temp.name) / "demo"
    first = FirstRunDialog(data_dir.parent / "empty", None)
    first.ui.unitCode.setText("330106001")
    first.ui.unitName.setText("××街道劳动人事争议调解中心")
    first.ui.shortName.setText("××街道")
    first.ui.adminName.setText("王主任")
    first.show()
    first.move((1366 - first.width()) // 2, (768 - first.height()) // 2)
    shoot(app, args.out / "00-first-run.png", crop=first)
    first.close()
    station, actor = demo_station.prepare_demo(data_dir)
    today = station.context(actor).today

    login = LoginDialog(station, username="demo")
    login.show()
    login.move((1366 - login.width()) // 2, (768 - login.height()) // 2)
    login.ui.password.setText("wrong-password")
    login.try_login()
    shoot(app, args.out / "01-login.png", crop=login)
    login.close()

    window = MainWindow(Workspace(station, actor, demo=True))
    window.setGeometry(app.primaryScreen().availableGeometry())
    window.show()
    settle(app)

    def page(key: str, name: str, prepare: Callable[[], None] | None = None) -> None:
        window.show_page(key)
        settle(app)
        if prepare:
            prepare()
        shoot(app, args.out / name)

    page("dashboard", "02-dashboard.png")
    page("cases", "03-cases.png")

    def search() -> None:
        names = [r.applicants for r in list_cases(window.workspace.ctx, CaseFilter(), limit=30)]
        window.cases.ui.search.setText(next((n for n in names if len(n) == 2), names[0][:2]))
        window.cases.requery()
    page("cases", "04-cases-search.png", search)
    window.cases.reset_filters()
    page("intake", "05-intake.png", lambda: _fill_intake(window, today))

    number = _pick_case(window, "mediating") or _pick_case(window, "accepted") or _pick_case(window, "registered")
    if number:
        window.show_case(number)
        shoot(app, args.out / "06-case-detail.png")
        detail = window.detail
        if "agree" in detail.action_buttons:
            dialog = detail.start_action("agree")
            ui = dialog.ui
            ui.content.setPlainText("经调解，双方自愿达成如下协议：")
            ui.obligation.setText("支付2025年5月至7月工资")
            ui.amount.setText("26400")
            ui.dueOn.setValue(today + timedelta(days=10))
            dialog.add_item()
            for edit in (ui.applicantSigned, ui.respondentSigned, ui.mediatorSigned):
                edit.setValue(today)
            shoot(app, args.out / "07-agreement.png")
            dialog.reject()
    performing = _pick_case(window, "performing")
    if performing:
        window.show_case(performing)
        window.detail.ui.tabs.setCurrentIndex(2)
        shoot(app, args.out / "08-case-deadlines.png")

    def registry() -> None:
        window.registry.ui.kinds.setCurrentRow(1)
        settle(app)
    page("registry", "09-registry.png", registry)
    registry_screen = window.registry
    registry_screen.ui.kinds.setCurrentRow(2)                       # 调解组织: ask before 全部达标
    settle(app)
    centre = next(i for i, r in enumerate(registry_screen.model.records()) if r.get("org_type") == "township_center")
    centre_row = registry_screen.proxy.mapFromSource(registry_screen.model.index(centre, 0)).row()
    registry_screen.ui.table.selectRow(centre_row)
    checklist = registry_screen.open_checklist()
    settle(app)
    checklist.ui.allMetButton.click()
    shoot(app, args.out / "checklist-all-met.png")
    for box in app.topLevelWidgets():
        if box.inherits("QMessageBox"):
            box.close()
    checklist.close()
    page("reports", "reports-charts.png")
    page("settings", "10-settings.png")
    page("exchange", "exchange.png", lambda: window.exchange.export(split=False))  # no district card yet: the hint
    window.lock()
    shoot(app, args.out / "11-lock.png", crop=window.lock_dialog)
    window.lock_dialog.ui.password.setText(demo_station.DEMO_PASSWORD)
    window.lock_dialog.try_unlock()
    window.close()
    ops.wait_all()
    station.db.dispose()
    if temp is not None:
        temp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
