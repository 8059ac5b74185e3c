"""The main window: a shell with navigation, pages, the status bar and the idle lock.

No SQL and no rules here: each page is a screen package that calls services itself; the
shell only switches pages, opens cases on request and locks after idle time.  A page is built
the first time it is shown (or asked for, e.g. ``window.reports``): building all ten at login
froze the new window for half a second on a slow PC.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

import shiboken6
from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QListWidgetItem, QMainWindow, QWidget

from hexie_desktop.ui import messages, ops
from hexie_desktop.ui.forms.main_window import Ui_MainWindow
from hexie_desktop.ui.idle import IdleWatcher
from hexie_desktop.ui.models import queries
from hexie_desktop.ui.screens import help as help_screens
from hexie_desktop.ui.screens.action_plan import ActionPlanScreen
from hexie_desktop.ui.screens.case_detail import CaseDetailScreen
from hexie_desktop.ui.screens.cases import CaseListScreen
from hexie_desktop.ui.screens.dashboard import DashboardScreen
from hexie_desktop.ui.screens.exchange import ExchangeScreen
from hexie_desktop.ui.screens.intake import IntakeScreen
from hexie_desktop.ui.screens.login import LockDialog
from hexie_desktop.ui.screens.printing import open_verify_dialog
from hexie_desktop.ui.screens.registry import RegistryScreen
from hexie_desktop.ui.screens.reports import ReportsScreen
from hexie_desktop.ui.screens.settings import SettingsScreen
from hexie_desktop.ui.screens.users import UsersScreen, password_dialog
from hexie_desktop.ui.widgets.keys import key_list
from hexie_desktop.ui.workspace import Workspace

PREFERRED = QSize(1366, 768)
MINIMUM = QSize(1024, 600)

SCREENS: dict[str, type[QWidget]] = {
    "dashboard": DashboardScreen, "cases": CaseListScreen, "intake": IntakeScreen, "registry": RegistryScreen,
    "reports": ReportsScreen, "settings": SettingsScreen, "users": UsersScreen, "exchange": ExchangeScreen,
    "action_plan": ActionPlanScreen,
}
"""The navigation's pages in their order (Ctrl+1 … Ctrl+9)."""


class Pages(Mapping[str, QWidget]):
    """The navigation pages by key; a screen is built when first asked for (see :meth:`MainWindow.page`)."""

    def __init__(self, window: MainWindow) -> None:
        self._window = window

    def __getitem__(self, key: str) -> QWidget:
        if key not in SCREENS:
            raise KeyError(key)
        return self._window.page(key)

    def __iter__(self) -> Iterator[str]:
        return iter(SCREENS)

    def __len__(self) -> int:
        return len(SCREENS)


def _screen(key: str) -> property:
    return property(lambda window: window.page(key), doc=f"The {key} screen (built on first use).")


class MainWindow(QMainWindow):
    """Navigation on the left, one screen at a time on the right."""

    station_restored = Signal(object)
    """A backup was restored from the 备份与恢复 dialog: the launcher asks for a new login."""
    logout_requested = Signal()

    dashboard = _screen("dashboard")
    cases = _screen("cases")
    intake = _screen("intake")
    registry = _screen("registry")
    reports = _screen("reports")
    settings = _screen("settings")
    users = _screen("users")
    exchange = _screen("exchange")
    action_plan = _screen("action_plan")
    detail = _screen("detail")

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self.workspace = workspace
        self.lock_dialog: LockDialog | None = None
        self.dialog: QWidget | None = None
        self.hidden_while_locked: list[QWidget] = []
        self._show_title()
        workspace.station_changed.connect(self._show_title)
        self._built: dict[str, QWidget] = {}
        self.pages = Pages(self)
        titles = {"dashboard": self.tr("工作台"), "cases": self.tr("案件"), "intake": self.tr("登记"),
                  "registry": self.tr("名册台账"), "reports": self.tr("统计报表"), "settings": self.tr("设置"),
                  "users": self.tr("用户"), "exchange": self.tr("数据交换"), "action_plan": self.tr("行动计划")}
        self.nav_keys = list(SCREENS)
        for position, key in enumerate(self.nav_keys, start=1):
            item = QListWidgetItem(titles[key])
            item.setToolTip(self.tr("{title}（Ctrl+{n}）").format(title=titles[key], n=position))
            self.ui.navigation.addItem(item)
            self._action(titles[key], f"Ctrl+{position}", lambda k=key: self.show_page(k))
        self.ui.navigation.currentRowChanged.connect(self._nav_changed)
        self.previous = "dashboard"
        self._build_menu()
        self._build_status()
        workspace.open_case.connect(self.show_case)
        self.idle = IdleWatcher(self._idle_minutes(), self)
        self.idle.idle.connect(lambda: self.lock(idle=True))
        self.setMinimumSize(MINIMUM)
        self.fit_screen()
        self.show_page("dashboard")

    # ---------------------------------------------------------------- building

    def page(self, key: str) -> QWidget:
        """The screen ``key`` (a navigation key or ``detail``), built and added the first time."""
        screen = self._built.get(key)
        if screen is None:
            screen = CaseDetailScreen(self.workspace) if key == "detail" else SCREENS[key](self.workspace)
            self._built[key] = screen
            self.ui.pages.addWidget(screen)
            if isinstance(screen, CaseListScreen):
                screen.new_case_requested.connect(lambda: self.show_page("intake"))
            elif isinstance(screen, IntakeScreen):
                screen.open_case_requested.connect(self.show_case)
            elif isinstance(screen, CaseDetailScreen):
                screen.back_requested.connect(lambda: self.show_page(self.previous))
        return screen

    def built_pages(self) -> dict[str, QWidget]:
        """The screens built so far, by key."""
        return dict(self._built)

    def _action(self, text: str, keys: str, slot) -> QAction:  # noqa: ANN001
        action = QAction(text, self)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _build_menu(self) -> None:
        menu = self.menuBar().addMenu(self.tr("系统(&S)"))
        menu.addAction(self._action(self.tr("登记新案件(&N)"), "Ctrl+N", lambda: self.show_page("intake")))
        menu.addAction(self._action(self.tr("修改我的密码(&P)…"), "Ctrl+Shift+P", self.change_password))
        menu.addAction(self._action(self.tr("立即锁定(&L)"), "Ctrl+L", self.lock))
        menu.addAction(self._action(self.tr("注销/切换用户(&O)"), "", self.log_out))
        menu.addAction(self._action(self.tr("核对协议二维码(&V)…"), "", lambda: open_verify_dialog(self)))
        menu.addAction(self._action(self.tr("备份与恢复(&B)…"), "", self.open_backups))
        menu.addSeparator()
        menu.addAction(self._action(self.tr("退出(&X)"), "Ctrl+Q", self.close))
        help_menu = self.menuBar().addMenu(self.tr("帮助(&H)"))
        help_menu.addAction(self._action(self.tr("使用说明(&G)"), "", self.show_guide))
        help_menu.addAction(self._action(self.tr("快捷键(&K)"), "F1", self.show_keys))
        help_menu.addAction(self._action(self.tr("关于(&A)"), "", self.show_about))

    def _show_title(self) -> None:
        """Window title and status bar name the station (again after an admin corrects its name)."""
        ws = self.workspace
        self.setWindowTitle(self.tr("和谐调解 — {name}").format(name=ws.station.info.unit_name)
                            + (self.tr("（演示）") if ws.demo else ""))
        if hasattr(self, "station_label"):
            self.station_label.setText(self.tr("站点：{station}").format(station=ws.station_label))

    def _build_status(self) -> None:
        ws = self.workspace
        self.station_label = QLabel(self.tr("站点：{station}").format(station=ws.station_label))
        self.user_label = QLabel(self.tr("用户：{name}（{user}，{role}）").format(
            name=ws.actor.display_name, user=ws.actor.username, role=ws.role_label))
        self.ui.statusbar.addWidget(self.station_label)
        self.ui.statusbar.addWidget(self.user_label)
        if ws.demo:
            self.ui.statusbar.addPermanentWidget(QLabel(self.tr("演示数据，仅供练习")))

    def _idle_minutes(self) -> int:
        try:
            return int(queries.station_settings(self.workspace.ctx).get("security.idle_lock_minutes", 10))
        except (TypeError, ValueError):
            return 10

    def fit_screen(self) -> None:
        """Take the preferred 1366×768 or the screen's available area, whichever is smaller."""
        screen = self.screen() or QApplication.primaryScreen()
        available = screen.availableGeometry() if screen else None
        if available is None:
            self.resize(PREFERRED)
            return
        width = min(PREFERRED.width(), available.width())
        height = min(PREFERRED.height(), available.height())
        self.setGeometry(available.x() + (available.width() - width) // 2,
                         available.y() + (available.height() - height) // 2, width, height)

    # ---------------------------------------------------------------- navigation

    def show_page(self, key: str) -> None:
        """Show the page ``key`` (``dashboard``, ``cases``, ``intake``, ``registry``, ``settings``, ``users``)."""
        page = self.pages[key]
        self.previous = key
        self.ui.pages.setCurrentWidget(page)
        row = self.nav_keys.index(key)
        if self.ui.navigation.currentRow() != row:
            self.ui.navigation.blockSignals(True)
            self.ui.navigation.setCurrentRow(row)
            self.ui.navigation.blockSignals(False)
        focus = getattr(page, "initial_focus", None)
        (focus() if callable(focus) else page).setFocus()

    def _nav_changed(self, row: int) -> None:
        if 0 <= row < len(self.nav_keys):
            self.show_page(self.nav_keys[row])

    def current_page(self) -> QWidget:
        """The screen now shown."""
        return self.ui.pages.currentWidget()

    def show_case(self, number: str) -> None:
        """Open the case ``number`` in the detail screen."""
        current = self.ui.pages.currentWidget()
        if current is not self.detail:
            self.previous = next((k for k, p in self._built.items() if p is current and k != "detail"), "cases")
        if self.detail.load(number):
            self.ui.pages.setCurrentWidget(self.detail)
            self.ui.navigation.blockSignals(True)
            self.ui.navigation.setCurrentRow(self.nav_keys.index("cases"))
            self.ui.navigation.blockSignals(False)
            self.detail.setFocus()

    # ---------------------------------------------------------------- session

    def lock(self, *, idle: bool = False) -> None:
        """Hide the data and ask for the password again (after idle time, or at once with Ctrl+L)."""
        if self.lock_dialog is not None:
            return
        self.idle.pause()
        self.centralWidget().setVisible(False)
        self.hidden_while_locked = [w for w in QApplication.topLevelWidgets()
                                    if w.isVisible() and w is not self and w.parentWidget() is not None]
        for widget in self.hidden_while_locked:
            widget.hide()
        dialog = LockDialog(self.workspace.station, self.workspace.actor, self.idle.minutes, self, idle=idle)
        dialog.unlocked.connect(self._unlocked)
        dialog.quit_requested.connect(self._quit_from_lock)
        self.lock_dialog = dialog
        dialog.open()

    def _unlocked(self) -> None:
        self.centralWidget().setVisible(True)
        for widget in self.hidden_while_locked:
            if shiboken6.isValid(widget):
                widget.show()
        self.hidden_while_locked = []
        self.lock_dialog = None
        self.idle.resume()

    def _quit_from_lock(self) -> None:
        self.lock_dialog = None
        self.close()

    def is_locked(self) -> bool:
        """True while the lock dialog covers the window."""
        return self.lock_dialog is not None

    def log_out(self) -> None:
        """Ask, then end this session: the login dialog opens for any user of the same station."""
        messages.ask(self, self.tr("注销/切换用户"),
                     self.tr("注销 {name}（{user}）并回到登录界面？未保存的输入将丢失。").format(
                         name=self.workspace.actor.display_name, user=self.workspace.actor.username),
                     self.logout_requested.emit)

    def change_password(self) -> None:
        """Let the user change their own password."""
        self.dialog = password_dialog(self.workspace, self.workspace.actor.username, own=True, parent=self)
        self.dialog.open()

    def open_backups(self) -> None:
        """The 备份与恢复 dialog: list backups, back up now, restore the chosen one."""
        from hexie_desktop.ui.screens.restore import RestoreDialog

        station = self.workspace.station
        if station.paths is None or not station.db.is_sqlite:
            messages.show_info(self, self.tr("备份与恢复"), self.tr("PostgreSQL 数据库请使用 pg_dump 备份和恢复"))
            return
        dialog = RestoreDialog(station.paths, workspace=self.workspace, parent=self)
        dialog.restored.connect(self.station_restored.emit)
        self.dialog = dialog
        dialog.open()


    def show_guide(self) -> QWidget:
        """Open the bundled user guide (offline)."""
        self.dialog = help_screens.GuideDialog(self)
        self.dialog.show()
        return self.dialog

    def show_about(self) -> QWidget:
        """Version, licence, data folder and log file."""
        self.dialog = help_screens.AboutDialog(self.workspace, self)
        self.dialog.open()
        return self.dialog

    def show_keys(self) -> None:
        """List the keyboard shortcuts."""
        messages.show_info(self, self.tr("快捷键"), "\n".join(f"{keys}　{what}" for keys, what in key_list()))

    def closeEvent(self, event: QCloseEvent) -> None:
        """Let background work finish before the window goes."""
        ops.wait_all()
        super().closeEvent(event)
