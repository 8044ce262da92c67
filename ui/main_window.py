"""The main window: sandbox banner, sign-in page → query page, menus, shortcuts, status bar."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import DeskError
from ui import i18n
from ui.i18n import translate
from ui.messages import error_text
from ui.pin_dialog import PinDialog
from ui.query_page import QueryPage
from ui.signin_page import SignInPage
from ui.widgets import named
from ui.worker import DeskRunner

log = logging.getLogger(__name__)

APP_NAME = "SIO Desk"
BANNER_STYLE = (
    "background: #ffd400; color: #000000; font-weight: bold; padding: 6px;"
    " border-bottom: 2px solid #b38f00;"
)


class MainWindow(QMainWindow):
    """Drives the Desk through one worker thread; every decision stays in app/."""

    def __init__(self, desk: Any, *, owns_desk: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.desk = desk
        self._owns_desk = owns_desk
        self.runner = DeskRunner(self)
        self.user: Any = None
        self.pin_dialog: PinDialog | None = None
        self.message_box: QMessageBox | None = None

        self.banner = named(QLabel(wordWrap=True), "sandboxBanner")
        self.banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.banner.setStyleSheet(BANNER_STYLE)
        self.banner.setVisible(bool(desk.sandbox))

        self.signin_page = SignInPage(desk, self.runner)
        self.query_page = QueryPage(desk, self.runner)
        self.pages = named(QStackedWidget(), "pages")
        self.pages.addWidget(self.signin_page)
        self.pages.addWidget(self.query_page)
        self.signin_page.sign_in_requested.connect(self.open_pin_dialog)
        self.signin_page.token_read.connect(lambda _info: self._update_status())
        self.query_page.failed.connect(self._query_failed)
        self.query_page.sent.connect(lambda _o: self._update_actions())
        self.query_page.result_view.cleared.connect(self._update_actions)

        central = QWidget()
        lay = QVBoxLayout(central)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        lay.addWidget(self.banner)
        lay.addWidget(self.pages, 1)
        self.setCentralWidget(central)

        self.user_status = named(QLabel(), "userStatus")
        self.token_status = named(QLabel(), "tokenStatus")
        self.gateway_status = named(QLabel(), "gatewayStatus")
        for w in (self.user_status, self.token_status, self.gateway_status):
            self.statusBar().addPermanentWidget(w)

        self._build_actions()
        self.resize(1180, 720)
        self.retranslate()
        self.signin_page.refresh()

    # -- menus -----------------------------------------------------------------------------

    def _build_actions(self) -> None:
        self.file_menu = self.menuBar().addMenu("")
        self.query_menu = self.menuBar().addMenu("")
        self.view_menu = self.menuBar().addMenu("")
        self.help_menu = self.menuBar().addMenu("")

        self.lock_action = QAction(self, shortcut=QKeySequence("Ctrl+L"))
        self.lock_action.triggered.connect(self.lock)
        self.quit_action = QAction(self, shortcut=QKeySequence("Ctrl+Q"))
        self.quit_action.triggered.connect(self.close)
        self.file_menu.addAction(self.lock_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)

        self.send_action = QAction(self)
        # Return and the keypad's Enter are different keys; both send.
        self.send_action.setShortcuts([QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")])
        self.send_action.triggered.connect(self.query_page.send)
        self.clear_action = QAction(self)
        self.clear_action.triggered.connect(self.query_page.result_view.clear)
        self.query_menu.addAction(self.send_action)
        self.query_menu.addAction(self.clear_action)

        self.language_menu = self.view_menu.addMenu("")
        self.language_group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for lang in i18n.LANGS:
            act = QAction(i18n.LANG_NAMES[lang], self, checkable=True)
            act.setData(lang)
            act.triggered.connect(lambda _c=False, code=lang: self.set_language(code))
            self.language_group.addAction(act)
            self.language_menu.addAction(act)
            self.language_actions[lang] = act

        self.about_action = QAction(self, shortcut=QKeySequence("F1"))
        self.about_action.triggered.connect(self.about)
        self.help_menu.addAction(self.about_action)
        self.query_page.send_button.clicked.connect(self._update_actions)

    def _update_actions(self) -> None:
        signed_in = self.user is not None
        self.lock_action.setEnabled(signed_in)
        self.send_action.setEnabled(signed_in)
        self.clear_action.setEnabled(signed_in and self.query_page.result_view.outcome is not None)

    # -- flow ------------------------------------------------------------------------------

    def open_pin_dialog(self, info: Any) -> PinDialog:
        dialog = PinDialog(self.desk, self.runner, info, self)
        dialog.signed_in.connect(self._signed_in)
        dialog.finished.connect(lambda _r: setattr(self, "pin_dialog", None))
        self.pin_dialog = dialog
        dialog.open()  # window-modal without a nested event loop
        return dialog

    def _signed_in(self, user: Any) -> None:
        self.user = user
        self.pages.setCurrentWidget(self.query_page)
        self.query_page.load()
        self._update_status()
        self._update_actions()

    def lock(self) -> None:
        """Sign out: the token session ends and nothing of the session stays on screen."""
        if self.user is None:
            return
        self.user = None
        self.runner.call(self.desk.logout, lambda _v: self._locked(), self._lock_failed)
        self._locked()

    def _locked(self) -> None:
        # Also runs after the logout job: a query answered in between is wiped again.
        self.query_page.reset()
        self.pages.setCurrentWidget(self.signin_page)
        self._update_status()
        self._update_actions()
        if not self.runner.busy:
            self.signin_page.refresh()

    def _lock_failed(self, exc: BaseException) -> None:
        self._locked()
        self.show_error(exc)

    def _query_failed(self, exc: BaseException) -> None:
        # Desk failures are shown inline on the page; anything else is a bug: dialog + log.
        if not isinstance(exc, DeskError):
            self.show_error(exc)

    def show_error(self, exc: BaseException) -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.Critical, APP_NAME, error_text(exc), parent=self)
        box.setObjectName("errorBox")
        self.message_box = box
        box.open()
        return box

    def about(self) -> QMessageBox:
        box = QMessageBox(
            QMessageBox.Icon.Information, translate("MainWindow", "About SIO Desk"), "", parent=self
        )
        box.setObjectName("aboutBox")
        text = translate(
            "MainWindow",
            "SIO Desk — client of the law-enforcement information exchange system.\n"
            "Every query is signed with your NCA EDS and sent with its basis (R-Q-2); "
            "every answer is checked against the operator's signature before it is shown.",
        )
        if self.desk.sandbox:
            text += "\n\n" + self._banner_text()
        box.setText(text)
        self.message_box = box
        box.open()
        return box

    def set_language(self, lang: str) -> None:
        """Applied live: Qt sends LanguageChange and every page retranslates itself."""
        i18n.apply(lang)

    # -- texts -----------------------------------------------------------------------------

    def _banner_text(self) -> str:
        return translate("MainWindow", "SANDBOX — test keys, synthetic data")

    def _update_status(self) -> None:
        if self.user is not None:
            self.user_status.setText(
                translate("MainWindow", "User: {name}, IIN {iin}").format(
                    name=self.user.name, iin=self.user.iin
                )
            )
        else:
            self.user_status.setText(translate("MainWindow", "Not signed in"))
        info = self.signin_page.info
        label = getattr(info, "label", None) or "—"
        self.token_status.setText(translate("MainWindow", "Token: {label}").format(label=label))
        config = getattr(self.desk, "config", None)
        url = getattr(config, "gateway_url", None) or "—"
        self.gateway_status.setText(translate("MainWindow", "Gateway: {url}").format(url=url))

    def retranslate(self) -> None:
        title = APP_NAME + (" — SANDBOX" if self.desk.sandbox else "")
        self.setWindowTitle(title)
        self.banner.setText(self._banner_text())
        self.file_menu.setTitle(translate("MainWindow", "&File"))
        self.query_menu.setTitle(translate("MainWindow", "&Query"))
        self.view_menu.setTitle(translate("MainWindow", "&View"))
        self.help_menu.setTitle(translate("MainWindow", "&Help"))
        self.language_menu.setTitle(translate("MainWindow", "&Language"))
        self.lock_action.setText(translate("MainWindow", "&Lock and sign out"))
        self.quit_action.setText(translate("MainWindow", "&Quit"))
        self.send_action.setText(translate("MainWindow", "&Send signed query"))
        self.clear_action.setText(translate("MainWindow", "&Clear result"))
        self.about_action.setText(translate("MainWindow", "&About SIO Desk"))
        self.language_actions[i18n.current()].setChecked(True)
        self._update_status()
        self._update_actions()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        # The token is closed on its own thread, after whatever is still queued there.
        self.runner.shutdown(self.desk.close if self._owns_desk else None)
        super().closeEvent(event)
