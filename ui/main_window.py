"""The main window: sandbox banner, sign-in page → query page, menus, shortcuts, status bar."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QSettings, QTimer
from PySide6.QtGui import QAction, QActionGroup, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.api import DeskApi
from app.errors import DeskError
from ui import i18n, theme
from ui.account_action import install_account_action
from ui.control_actions import install_archive_action, install_reports_action, is_controller
from ui.i18n import translate
from ui.messages import error_text
from ui.nav_rail import NavRail
from ui.screen_lock import ScreenLockWatcher
from ui.session_guard import SessionGuard
from ui.signin_page import SignInPage, WorkstationState
from ui.widgets import keyed, named, set_key
from ui.window_state import restore_splitters, restore_window, save_splitters, save_window
from ui.worker import DeskRunner

# The first paint needs the sign-in page only (issue 10): the work pages, the dialogs, the
# self-check (its model, runner and texts) are imported when first used, after it — and so are
# the Qt classes only they use, since PySide builds a class (and its enums) when first named.
if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent
    from PySide6.QtWidgets import QMessageBox, QTabWidget

    from app.selfcheck import CheckResult, Readers, Report, SelfcheckConfig
    from ui.agreement_dialog import AgreementDialog
    from ui.attach_dialog import AttachDialog
    from ui.case_page import CasePage
    from ui.change_pin_dialog import ChangePinDialog
    from ui.diagnostics import DiagnosticsDialog
    from ui.first_launch import FirstLaunchDialog
    from ui.pin_dialog import PinDialog
    from ui.query_page import QueryPage
    from ui.selfcheck_page import SelfcheckJob

log = logging.getLogger(__name__)

APP_NAME = "SIO Desk"
RETENTION_TICK_MS = 60_000  # R-RES-1: how often the retention clock is looked at
# Start-up work waits for the first paint; should no paint come (a window shown minimised),
# it starts this long after the window was shown.
START_FALLBACK_MS = 500
NOTICE_STYLE = (
    "background: #fff4c2; color: #5a3d00; padding: 6px; border-bottom: 1px solid #d9b84a;"
)
BANNER_STYLE = (
    "background: #ffd400; color: #000000; font-weight: bold; padding: 6px;"
    " border-bottom: 2px solid #b38f00;"
)


class MainWindow(QMainWindow):
    """Drives the Desk through one worker thread; every decision stays in app/.

    Workstation self-check (R-WS-1…5): with a `selfcheck_config`, the first launch (no
    `first_launch_marker` file yet) shows the full report as a step of its own, every other start
    runs the fast checks on a worker thread, and the sign-in page is gated by what they find —
    except in the sandbox, which shows the findings and never blocks. Without a config (tests and
    benches that are not about it) no check runs; run_gui always passes the policy's.

    Start-up (issue 10): the window paints first, showing the token being read with sign-in
    disabled; the token read, the self-check and the desk's vault start just after that paint.
    The query and case pages are built at the first sign-in.
    """

    def __init__(
        self,
        desk: DeskApi,
        *,
        owns_desk: bool = False,
        selfcheck_config: SelfcheckConfig | Callable[[], SelfcheckConfig] | None = None,
        readers: Readers | None = None,
        first_launch_marker: Path | None = None,
        settings: QSettings | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.desk = desk
        self._owns_desk = owns_desk
        self.runner = DeskRunner(self)
        self.user: Any = None
        self.pin_dialog: PinDialog | None = None
        self.message_box: QMessageBox | None = None
        self._selfcheck_config = selfcheck_config
        self.selfcheck_readers = readers
        self.first_launch_marker = first_launch_marker
        self.first_launch: FirstLaunchDialog | None = None
        self.diagnostics: DiagnosticsDialog | None = None
        self.startup_check: SelfcheckJob | None = None
        self._checks: dict[str, CheckResult] = {}  # the latest result of every check run
        self._first_launch_pending = False
        self._recovery_shown = False
        self._quit_confirmed = False
        self._started = False
        self._query_page: QueryPage | None = None
        self._case_page: CasePage | None = None
        self._work: QTabWidget | None = None
        self.settings = settings  # where size and splitters are remembered; None: nowhere

        self.banner = named(QLabel(wordWrap=True), "sandboxBanner")
        set_key(self.banner, "alignment", "AlignCenter")  # Qt's `Qt` enums unbuilt (issue 10)
        self.banner.setStyleSheet(BANNER_STYLE)
        self.banner.setVisible(bool(desk.sandbox))
        # Why the session was locked, or that the monthly PIN change is due (R-AUTH-7).
        self.notice = named(QLabel(wordWrap=True), "sessionNotice")
        self.notice.setStyleSheet(NOTICE_STYLE)
        self.notice.hide()
        self.notices: dict[str, Any] = {}  # key → value; shown one line each, newest last
        self.change_pin_dialog: ChangePinDialog | None = None
        self.agreement_dialog: AgreementDialog | None = None
        idle_s = float(desk.config.idle_lock_s)
        self.guard = SessionGuard(desk, self.runner, idle_s, self)
        self.guard.lock_requested.connect(self._auto_lock)
        self.guard.idle_warning.connect(lambda secs: self.set_notice("idle_soon", secs))
        self.guard.idle_resumed.connect(lambda: self.clear_notice("idle_soon"))
        self._kept_form_of: str | None = None  # the IIN whose typed form outlived its session
        # The OS screen lock is followed from start(): QtDBus and the session bus after the paint.
        self.screen_lock: ScreenLockWatcher | None = None

        self.signin_page = SignInPage(desk, self.runner)
        self.attach_dialog: AttachDialog | None = None
        self.pages = named(QStackedWidget(), "pages")
        self.pages.addWidget(self.signin_page)
        self.retention_timer = QTimer(self)
        self.retention_timer.setInterval(RETENTION_TICK_MS)
        self.retention_timer.timeout.connect(self.check_retention)
        self.signin_page.sign_in_requested.connect(self.open_pin_dialog)
        self.signin_page.token_read.connect(lambda _info: self._update_status())
        self.signin_page.diagnostics_requested.connect(self.open_diagnostics)

        # Issue 11: the desk's places on a rail at the left; the pages beside it.
        self.rail = NavRail()
        self.rail.chosen.connect(self._rail_chosen)
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        body.addWidget(self.rail)
        body.addWidget(self.pages, 1)
        central = QWidget()
        lay = QVBoxLayout(central)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        lay.addWidget(self.banner)
        lay.addWidget(self.notice)
        lay.addLayout(body, 1)
        self.setCentralWidget(central)

        self.user_status = named(QLabel(), "userStatus")
        self.token_status = named(QLabel(), "tokenStatus")
        self.gateway_status = named(QLabel(), "gatewayStatus")
        for w in (self.user_status, self.token_status, self.gateway_status):
            self.statusBar().addPermanentWidget(w)

        self._build_actions()
        self.resize(1180, 720)
        if settings is not None:
            restore_window(settings, self)
        self.retranslate()
        self.signin_page.reading()  # sign-in stays disabled, with the reason, until it is read

    # -- start-up (issue 10) ---------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() == QEvent.Type.Paint and not self._started:
            QTimer.singleShot(0, self.start)  # after this paint has reached the screen
        return handled

    def start(self) -> None:
        """What start-up does once the window is up: the self-check, the token read, then the
        desk's vault (an earlier run's leftovers destroyed, R-RES-1), in that order."""
        if self._started:
            return
        self._started = True
        theme.confirm()  # the colour scheme read before the paint, checked (issue 10)
        self.rail.load_icons()
        if self.screen_lock is None:
            self.screen_lock = ScreenLockWatcher(self)
            self.screen_lock.locked.connect(lambda: self._auto_lock("screen_locked"))
        self._start_selfcheck()
        self.signin_page.refresh()
        self.runner.call(self.desk.open, None, self._open_failed)

    def _open_failed(self, exc: BaseException) -> None:
        log.error("the desk could not open its vault", exc_info=exc)
        self.show_error(exc)

    # -- the signed-in pages, built at the first sign-in -------------------------------------

    @property
    def work(self) -> QTabWidget:
        """Signed in: the query and the case materials its results wait in (R-RES-1)."""
        if self._work is None:
            self._build_work()
        assert self._work is not None
        return self._work

    @property
    def query_page(self) -> QueryPage:
        if self._query_page is None:
            self._build_work()
        assert self._query_page is not None
        return self._query_page

    @property
    def case_page(self) -> CasePage:
        if self._case_page is None:
            self._build_work()
        assert self._case_page is not None
        return self._case_page

    def _build_work(self) -> None:
        from PySide6.QtWidgets import QTabWidget

        from ui.case_page import CasePage
        from ui.query_page import QueryPage

        query_page = self._query_page = QueryPage(self.desk, self.runner)
        case_page = self._case_page = CasePage(self.desk, self.runner)
        work = self._work = named(QTabWidget(), "workTabs")
        work.addTab(query_page, "")
        work.addTab(case_page, "")
        work.tabBar().hide()  # the rail switches between them; tabs show for the operator's
        work.setDocumentMode(True)  # no frame of its own beside the rail
        work.currentChanged.connect(self._work_changed)
        self.pages.addWidget(work)
        if self.settings is not None:
            restore_splitters(self.settings, work)
        view = query_page.result_view
        view.attach_requested.connect(self.open_attach)
        view.query_subject_requested.connect(self._query_subject)
        view.cleared.connect(self._update_actions)
        case_page.attach_requested.connect(self.open_attach)
        case_page.open_requested.connect(self._open_outcome)
        case_page.changed.connect(lambda _n: self._tab_titles())
        query_page.sent.connect(lambda _o: case_page.refresh())
        query_page.failed.connect(self._query_failed)
        query_page.sent.connect(lambda _o: self._update_actions())
        query_page.send_button.clicked.connect(self._update_actions)
        self._tab_titles()

    @property
    def _pending_count(self) -> int:
        """Results waiting to be attached; none before the case page was ever built."""
        return self._case_page.pending_count if self._case_page is not None else 0

    # -- menus -----------------------------------------------------------------------------

    def _build_actions(self) -> None:
        self.file_menu = self.menuBar().addMenu("")
        self.query_menu = self.menuBar().addMenu("")
        self.view_menu = self.menuBar().addMenu("")
        self.tools_menu = self.menuBar().addMenu("")
        self.help_menu = self.menuBar().addMenu("")

        self.lock_action = keyed(QAction(self), "Ctrl+L")
        self.lock_action.triggered.connect(self.sign_out)
        self.quit_action = keyed(QAction(self), "Ctrl+Q")
        self.quit_action.triggered.connect(self.request_quit)
        self.change_pin_action = keyed(QAction(self), "Ctrl+Shift+P")
        self.change_pin_action.setObjectName("changePinAction")
        self.change_pin_action.triggered.connect(self.open_change_pin)
        self.file_menu.addAction(self.change_pin_action)
        self.file_menu.addAction(self.lock_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)

        self.send_action = QAction(self)
        # Return and the keypad's Enter are different keys; both send.
        keyed(self.send_action, "Ctrl+Return", "Ctrl+Enter")
        self.send_action.triggered.connect(lambda: self.query_page.send())
        self.query_menu.addAction(self.send_action)
        self.query_tab_action = keyed(QAction(self), "Ctrl+1")
        self.query_tab_action.triggered.connect(lambda: self.show_work(self.query_page))
        self.case_tab_action = keyed(QAction(self), "Ctrl+2")
        self.case_tab_action.setObjectName("caseMaterialsAction")
        self.case_tab_action.triggered.connect(lambda: self.show_work(self.case_page))
        self.view_menu.addAction(self.query_tab_action)
        self.view_menu.addAction(self.case_tab_action)
        self.view_menu.addSeparator()

        self.language_menu = self.view_menu.addMenu("")
        self.language_group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for n, lang in enumerate(i18n.LANGS, 1):
            act = keyed(QAction(self, text=i18n.LANG_NAMES[lang], checkable=True),
                        f"Ctrl+Alt+{n}")
            act.setData(lang)
            act.triggered.connect(lambda _c=False, code=lang: self.set_language(code))
            self.language_group.addAction(act)
            self.language_menu.addAction(act)
            self.language_actions[lang] = act

        self.diagnostics_action = keyed(QAction(self), "Ctrl+Shift+D")
        self.diagnostics_action.setObjectName("diagnosticsAction")
        self.diagnostics_action.triggered.connect(self.open_diagnostics)
        self.tools_menu.addAction(self.diagnostics_action)

        self.about_action = keyed(QAction(self), "F1")
        self.about_action.triggered.connect(self.about)
        self.help_menu.addAction(self.about_action)
        self.account_action = install_account_action(self)  # issue 11: applications, leave
        self.archive_action = install_archive_action(self)  # issue 13: the prosecutor
        keyed(self.archive_action, "Ctrl+Shift+J")  # every action has one
        self.reports_action = install_reports_action(self)  # issue 13: controllers only

    def _update_actions(self) -> None:
        signed_in = self.user is not None
        self.lock_action.setEnabled(signed_in)
        self.send_action.setEnabled(signed_in)
        self.query_tab_action.setEnabled(signed_in)
        self.case_tab_action.setEnabled(signed_in)
        self.rail.buttons["query"].setEnabled(signed_in)
        self.rail.buttons["case"].setEnabled(signed_in)
        self.rail.buttons["reports"].setVisible(is_controller(self))
        # The rail triggers the action: it must not wait for the Tools menu to be opened.
        self.reports_action.setVisible(is_controller(self))
        self.reports_action.setEnabled(is_controller(self))
        if not signed_in:
            self.rail.clear_selection()
        elif self._work is not None:
            self._work_changed()

    def show_work(self, page: QWidget) -> None:
        if self.user is not None:
            self.work.setCurrentWidget(page)

    def _rail_chosen(self, key: str) -> None:
        """A rail entry: the pages it names, or the window its menu action opens."""
        actions = {"query": self.query_tab_action, "case": self.case_tab_action,
                   "account": self.account_action, "reports": self.reports_action,
                   "diagnostics": self.diagnostics_action}
        action = actions[key]
        if action.isEnabled():
            action.trigger()
        self._work_changed()  # a window opened: the rail still shows the page behind it

    def _work_changed(self, _index: int = -1) -> None:
        if self._work is None or self.user is None:
            self.rail.clear_selection()  # the sign-in page is no place of the rail
            return
        current = self._work.currentWidget()
        if current is self._case_page:
            self.rail.select("case")
        elif current is self._query_page:
            self.rail.select("query")
        else:  # one of the operator's tabs: no rail entry of its own
            self.rail.clear_selection()

    # -- case material (R-RES-1) -------------------------------------------------------------

    def open_attach(self, outcome: Any) -> AttachDialog | None:
        """Attach… on a result: print and/or export, then the copy is destroyed."""
        if outcome is None or not getattr(outcome, "item", ""):
            return None
        from ui.attach_dialog import AttachDialog

        dialog = AttachDialog(self.desk, self.runner, outcome, self)
        dialog.attached.connect(self._attached)
        dialog.finished.connect(lambda _r: setattr(self, "attach_dialog", None))
        self.attach_dialog = dialog
        dialog.open()
        return dialog

    def _attached(self, receipt: Any) -> None:
        from ui.attach_dialog import receipt_text

        shown = self.query_page.result_view.outcome
        if shown is not None and getattr(shown, "item", None) == receipt.id:
            self.query_page.result_view.clear_view()  # its copy no longer exists
        self.statusBar().showMessage(receipt_text(receipt), 15_000)
        self.case_page.refresh()

    def _open_outcome(self, outcome: Any) -> None:
        self.query_page.result_view.show_outcome(outcome)
        self.work.setCurrentWidget(self.query_page)

    def _query_subject(self, resource_id: int, params: dict[str, str]) -> None:
        self.work.setCurrentWidget(self.query_page)
        self.query_page.query_subject(resource_id, params)

    def check_retention(self) -> None:
        """Destroy what outlived the retention time; warn of what will within 15 minutes."""
        if self.user is None:
            return
        self.runner.call(self.desk.expire, self._expired, lambda _exc: None)
        self.runner.call(self.desk.expiring, self._expiring, lambda _exc: None)

    def _expired(self, gone: Any) -> None:
        if gone:
            shown = self.query_page.result_view.outcome
            if shown is not None and any(r.id == getattr(shown, "item", None) for r in gone):
                self.query_page.result_view.clear_view()
            self.set_notice("retention_destroyed", len(gone))
            self.case_page.refresh()

    def _expiring(self, soon: Any) -> None:
        if soon:
            self.set_notice("retention_warning", len(soon))
        else:
            self.clear_notice("retention_warning")

    def _tab_titles(self) -> None:
        waiting = self._pending_count
        title = translate("MainWindow", "Case materials")
        case = f"{title} ({waiting})" if waiting else title
        self._rail_labels(case)
        if self._work is None:
            return
        self._work.setTabText(0, translate("MainWindow", "Query"))
        self._work.setTabText(1, case)

    def _rail_labels(self, case: str) -> None:
        rail = self.rail
        rail.set_label("query", translate("MainWindow", "Query"),
                       translate("MainWindow", "Query (Ctrl+1)"))
        rail.set_label("case", case,
                       translate("MainWindow", "{title} (Ctrl+2)").format(title=case))
        rail.set_label("account", translate("MainWindow", "Account"),
                       translate("MainWindow", "Account and applications (Ctrl+Shift+U)"))
        rail.set_label("reports", translate("MainWindow", "Reports"),
                       translate("MainWindow", "Reports of departmental control (Ctrl+Shift+R)"))
        rail.set_label("diagnostics", translate("MainWindow", "Diagnostics"),
                       translate("MainWindow", "Workstation self-check (Ctrl+Shift+D)"))

    # -- workstation self-check ------------------------------------------------------------

    @property
    def selfcheck_config(self) -> SelfcheckConfig | None:
        """The self-check's configuration; one given as a callable (run_gui: the policy's
        section) is read at first use, after the first paint (issue 10)."""
        found = self._selfcheck_config
        if callable(found):
            found = self._selfcheck_config = found()
        return found

    @property
    def selfcheck_enforced(self) -> bool:
        """The sandbox runs on developers' machines and CI VMs: it shows, it never blocks."""
        return not bool(self.desk.sandbox)

    def _start_selfcheck(self) -> None:
        config = self.selfcheck_config
        if config is None:
            return
        marker = self.first_launch_marker
        from ui.first_launch import first_launch_done
        from ui.selfcheck_page import SelfcheckJob

        if marker is not None and not first_launch_done(marker):
            # The full check of the first-launch step decides; it opens once the window shows.
            self._first_launch_pending = True
            self._set_workstation(running=True)
            if self.isVisible():
                QTimer.singleShot(0, self.open_first_launch)
            return
        job = SelfcheckJob(config, self.selfcheck_readers, self)
        job.finished.connect(self.apply_selfcheck)
        job.failed.connect(self._selfcheck_failed)
        self.startup_check = job
        job.start(fast_only=True)
        self._set_workstation(running=True)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._started:
            QTimer.singleShot(START_FALLBACK_MS, self.start)
        if self._first_launch_pending and self.first_launch is None:
            QTimer.singleShot(0, self.open_first_launch)

    def open_first_launch(self) -> FirstLaunchDialog | None:
        if self.first_launch is not None or self.selfcheck_config is None:
            return self.first_launch
        assert self.first_launch_marker is not None
        from ui.first_launch import FirstLaunchDialog

        dialog = FirstLaunchDialog(
            self.selfcheck_config,
            self.first_launch_marker,
            enforced=self.selfcheck_enforced,
            readers=self.selfcheck_readers,
            parent=self,
        )
        dialog.completed.connect(self._first_launch_completed)
        dialog.rejected.connect(self.close)  # Quit: the step is not done, nor is the app used
        self.first_launch = dialog
        dialog.open()  # window-modal without a nested event loop
        return dialog

    def _first_launch_completed(self, report: Report) -> None:
        self._first_launch_pending = False
        self.apply_selfcheck(report)

    def open_diagnostics(self) -> DiagnosticsDialog:
        """Tools → Workstation self-check… (Ctrl+Shift+D): every check, now."""
        if self.diagnostics is None:
            from app.selfcheck import SelfcheckConfig
            from ui.diagnostics import DiagnosticsDialog

            dialog = DiagnosticsDialog(
                self.selfcheck_config or SelfcheckConfig(),
                readers=self.selfcheck_readers,
                parent=self,
            )
            dialog.report_ready.connect(self.apply_selfcheck)
            self.diagnostics = dialog
        dialog = self.diagnostics
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        dialog.start()
        return dialog

    def apply_selfcheck(self, report: Report) -> None:
        """Merge a (fast or full) report into what the sign-in page enforces."""
        if self.selfcheck_config is None or self._first_launch_pending:
            return  # nothing is enforced here, or the first-launch step has yet to decide
        self._checks.update({c.id: c for c in report.checks})
        self._set_workstation(running=False)

    def _selfcheck_failed(self, detail: str) -> None:
        self._set_workstation(running=False, error=detail)

    def _set_workstation(self, *, running: bool, error: str = "") -> None:
        merged = None
        if self._checks:
            from app.selfcheck import Report
            from app.selfcheck.thresholds import ALL_CHECKS

            order = {cid: i for i, cid in enumerate(ALL_CHECKS)}
            checks = sorted(self._checks.values(), key=lambda c: order.get(c.id, len(order)))
            profile = self.selfcheck_config.profile if self.selfcheck_config else ""
            merged = Report(tuple(checks), profile=profile, partial=True)
        self.signin_page.set_workstation(
            WorkstationState(merged, running, self.selfcheck_enforced, error)
        )

    @property
    def workstation_report(self) -> Report | None:
        state = self.signin_page.workstation
        return state.report if state is not None else None

    # -- flow ------------------------------------------------------------------------------

    def open_pin_dialog(self, info: Any) -> PinDialog:
        from ui.pin_dialog import PinDialog

        dialog = PinDialog(self.desk, self.runner, info, self)
        dialog.signed_in.connect(self._signed_in)
        dialog.finished.connect(lambda _r: setattr(self, "pin_dialog", None))
        self.pin_dialog = dialog
        dialog.open()  # window-modal without a nested event loop
        return dialog

    def _signed_in(self, user: Any) -> None:
        self.user = user
        self.set_notice(None)
        if self._kept_form_of not in (None, user.iin) and self._query_page is not None:
            self._query_page.reset()  # another analyst: the form kept was not theirs
        self._kept_form_of = None
        recovery = self.desk.recovery
        if recovery is not None and recovery.destroyed and not self._recovery_shown:
            # R-RES-1: what a crash left was destroyed at start; the journal has been told.
            self._recovery_shown = True
            self.set_notice("recovered", len(recovery.destroyed))
        self.guard.arm()  # idle and token-removal locks apply while signed in
        self.retention_timer.start()
        self.case_page.refresh()
        self.check_retention()
        self.runner.call(self.desk.pin_change_due, self._pin_due, lambda _exc: None)
        if self.desk.agreement_required:
            # R-AUTH-2: the agreement comes before the first query.
            self.query_page.setEnabled(False)
            self.runner.call(
                self.desk.agreement_document,
                self._agreement_fetched,
                self._lock_failed,
            )
        self.pages.setCurrentWidget(self.work)
        self.work.setCurrentWidget(self.query_page)
        self.query_page.load()
        # Issue 13: the operator's pages, by the registry role the gateway gave at sign-in.
        from ui import operator_tab

        operator_tab.show_for(self.work, self.desk, self.runner, user)
        self.work.tabBar().setVisible(self.work.count() > 2)  # the operator's tabs are tabs
        self._update_status()
        self._update_actions()

    def sign_out(self) -> None:
        """File → Lock and sign out: asked first what becomes of results still waiting."""
        if self.user is None:
            return
        self.ask_pending("sign_out", lambda destroy: self.lock(destroy_pending=destroy))

    def request_quit(self) -> None:
        """File → Quit: asked first about waiting results, then the window closes."""
        if self.user is None:
            self.close()
            return
        self.ask_pending("quit", self._quit_after)

    def _quit_after(self, destroy: bool) -> None:
        if destroy:
            self.lock(destroy_pending=True)
        self._quit_confirmed = True
        self.close()

    def ask_pending(self, when: str, then: Callable[[bool], None]) -> None:
        """Ask what becomes of waiting results (R-RES-1), then `then(destroy)`; nothing on
        Cancel. Window-modal without a nested event loop."""
        waiting = self._pending_count
        if not waiting:
            then(False)
            return
        from PySide6.QtWidgets import QMessageBox

        materials = self.desk.materials
        in_memory = bool(materials is not None and materials.key_in_memory)
        box = QMessageBox(QMessageBox.Icon.Question, APP_NAME, "", parent=self)
        box.setObjectName("pendingBox")
        box.setText(translate(
            "MainWindow", "{n} result(s) are still waiting to be attached to case material.")
            .format(n=waiting))
        keep_note = (translate("MainWindow", "Kept results are destroyed when SIO Desk closes: "
                                             "this workstation has no system keyring.")
                     if in_memory else
                     translate("MainWindow", "Kept results wait until their retention time "
                                             "runs out, then they are destroyed."))
        box.setInformativeText(keep_note)
        destroy = box.addButton(translate("MainWindow", "&Destroy them"),
                                QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(translate("MainWindow", "&Keep them"),
                             QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)

        def answered(_result: int) -> None:
            clicked = box.clickedButton()
            if clicked is destroy:
                then(True)
            elif clicked is keep:
                then(False)

        box.finished.connect(answered)
        self.message_box = box
        box.open()

    def lock(self, *, destroy_pending: bool = False, keep_form: bool = False) -> None:
        """Sign out: the token session ends and nothing of the session stays on screen —
        except, with `keep_form`, what the analyst typed (not what the gateway answered): an
        idle lock or an ended session costs a PIN, not the work (issue 11)."""
        if self.user is None:
            return
        self._kept_form_of = self.user.iin if keep_form else None
        self.user = None
        self.set_notice(None)  # what concerned the session ends with it
        self.guard.disarm()
        self.retention_timer.stop()
        self.runner.call(lambda: self.desk.logout(destroy_pending=destroy_pending),
                         lambda _v: self._locked(), self._lock_failed)
        self._locked()

    def _locked(self) -> None:
        if self._query_page is not None:
            self._query_page.setEnabled(True)
            # Also runs after the logout job: a query answered in between is wiped again.
            if self._kept_form_of is None:
                self._query_page.reset()
            else:
                self._query_page.result_view.clear_view()
        self.pages.setCurrentWidget(self.signin_page)
        self._update_status()
        self._update_actions()
        if not self.runner.busy:
            self.signin_page.refresh()

    def _agreement_fetched(self, document: Any) -> None:
        self.open_agreement(document)

    def open_agreement(self, document: Any) -> AgreementDialog:
        from ui.agreement_dialog import AgreementDialog

        dialog = AgreementDialog(self.desk, self.runner, document, self)
        dialog.signed.connect(lambda: self.query_page.setEnabled(True))
        dialog.declined.connect(self.lock)
        dialog.finished.connect(lambda _r: setattr(self, "agreement_dialog", None))
        self.agreement_dialog = dialog
        dialog.open()
        return dialog

    def _auto_lock(self, reason: str) -> None:
        """Nobody at the keyboard, the OS screen locked, or the token has left its slot."""
        if self.user is None:
            return
        self.lock(keep_form=reason == "idle")
        self.set_notice(reason)

    def session_ended(self, exc: BaseException | None = None) -> None:
        """The gateway session ended for good (revoked, or its background renewal refused):
        the window says so, keeps the typed form and offers to sign in again (issue 11). A
        block (2022 §17) ends it too, and the window shows why: the reason the gateway gave."""
        if self.user is None:
            return
        blocked = isinstance(exc, DeskError) and exc.values.get("code") == "user_blocked"
        self.lock(keep_form=not blocked)
        if blocked:
            self.set_notice("user_blocked", exc)
        else:
            self.set_notice("session_ended")
        self.signin_page.sign_in_button.setFocus()

    def _pin_due(self, due: object) -> None:
        if due and self.user is not None:
            self.set_notice("pin_due")

    def set_notice(self, key: str | None, value: Any = None) -> None:
        """Show the notice for `key` beside the others (None hides them all); the texts follow
        language switches."""
        if key is None:
            self.notices.clear()
        else:
            self.notices.pop(key, None)
            self.notices[key] = value
        self._notice_text()

    def clear_notice(self, key: str) -> None:
        self.notices.pop(key, None)
        self._notice_text()

    def _notice_text(self) -> None:
        self.notice.setVisible(bool(self.notices))
        if not self.notices:
            return
        texts = {
            "idle": translate(
                "MainWindow",
                "The session was locked after a period of inactivity. What you typed is kept: "
                "sign in again to continue.",
            ),
            "idle_soon": translate(
                "MainWindow",
                "No activity: the session locks in {n} s. Move the mouse or press a key to stay "
                "signed in.",
            ),
            "session_ended": translate(
                "MainWindow",
                "Your session at the gateway has ended and could not be renewed. What you typed "
                "is kept: sign in again to send it.",
            ),
            "screen_locked": translate(
                "MainWindow", "The screen was locked, so the session was locked too."
            ),
            "token_removed": translate(
                "MainWindow",
                "The token was removed: the session is locked and nothing of it stays on screen.",
            ),
            "pin_due": translate(
                "MainWindow",
                "Your token PIN has not been changed for a month. "
                "Change it now: File → Change PIN… (paragraph 12 of the Rules).",
            ),
            "retention_warning": translate(
                "MainWindow",
                "{n} result(s) will be destroyed within 15 minutes unless attached to case "
                "material: Case materials (Ctrl+2).",
            ),
            "retention_destroyed": translate(
                "MainWindow",
                "{n} result(s) were not attached in time and have been destroyed; the journal "
                "is told (paragraph 19 of the Rules).",
            ),
            "recovered": translate(
                "MainWindow",
                "{n} result(s) left by an earlier run of SIO Desk were destroyed at start; the "
                "journal is told.",
            ),
        }
        # A block's notice is the refusal itself, its reason included, in the current language.
        self.notice.setText("\n".join(
            error_text(value) if key == "user_blocked" else texts.get(key, "").format(n=value)
            for key, value in self.notices.items()))

    def open_change_pin(self) -> ChangePinDialog:
        """File → Change PIN…: C_SetPIN on the token, dated for the monthly reminder."""
        from ui.change_pin_dialog import ChangePinDialog

        dialog = ChangePinDialog(self.desk, self.runner, self)
        dialog.changed.connect(self._pin_changed)
        dialog.finished.connect(lambda _r: setattr(self, "change_pin_dialog", None))
        self.change_pin_dialog = dialog
        dialog.open()
        return dialog

    def _pin_changed(self) -> None:
        self.clear_notice("pin_due")
        self.statusBar().showMessage(translate("MainWindow", "The PIN was changed."), 10_000)

    def _lock_failed(self, exc: BaseException) -> None:
        self._locked()
        self.show_error(exc)

    def _query_failed(self, exc: BaseException) -> None:
        from ui import attestation_retry

        # Desk failures are shown inline on the page; anything else is a bug: dialog + log.
        if getattr(self.desk, "session_ended", False):
            self.session_ended(exc)
        elif attestation_retry.applies(exc):  # R-WS-6: run the self-check and send it now
            attestation_retry.retry_for(self).start()
        elif not isinstance(exc, DeskError):
            self.show_error(exc)

    def show_error(self, exc: BaseException) -> QMessageBox:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Critical, APP_NAME, error_text(exc), parent=self)
        box.setObjectName("errorBox")
        self.message_box = box
        box.open()
        return box

    def about(self) -> QMessageBox:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(
            QMessageBox.Icon.Information, translate("MainWindow", "About SIO Desk"), "", parent=self
        )
        box.setObjectName("aboutBox")
        text = translate(
            "MainWindow",
            "SIO Desk — client of the law-enforcement information exchange system.\n"
            "Every query is signed with your NCA EDS and sent with its basis (paragraph 3 of "
            "the Rules); "
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
        url = self.desk.config.gateway_url or "—"
        self.gateway_status.setText(translate("MainWindow", "Gateway: {url}").format(url=url))

    def retranslate(self) -> None:
        title = APP_NAME + (" — SANDBOX" if self.desk.sandbox else "")
        self.setWindowTitle(title)
        self.banner.setText(self._banner_text())
        self.file_menu.setTitle(translate("MainWindow", "&File"))
        self.query_menu.setTitle(translate("MainWindow", "&Query"))
        self.view_menu.setTitle(translate("MainWindow", "&View"))
        self.tools_menu.setTitle(translate("MainWindow", "&Tools"))
        self.help_menu.setTitle(translate("MainWindow", "&Help"))
        self.diagnostics_action.setText(translate("MainWindow", "&Workstation self-check…"))
        self.language_menu.setTitle(translate("MainWindow", "&Language"))
        self.lock_action.setText(translate("MainWindow", "&Lock and sign out"))
        self.change_pin_action.setText(translate("MainWindow", "Change &PIN…"))
        self._notice_text()
        self.quit_action.setText(translate("MainWindow", "&Quit"))
        self.send_action.setText(translate("MainWindow", "&Send signed query"))
        self.query_tab_action.setText(translate("MainWindow", "&Query"))
        self.case_tab_action.setText(translate("MainWindow", "&Case materials"))
        self._tab_titles()
        self.about_action.setText(translate("MainWindow", "&About SIO Desk"))
        self.language_actions[i18n.current()].setChecked(True)
        self._update_status()
        self._update_actions()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        # The window's own close button asks like File → Quit; a programmatic close does not.
        if event.spontaneous() and not self._quit_confirmed and self.user is not None \
                and self._pending_count:
            event.ignore()
            self.request_quit()
            return
        self._started = True  # a window closed before its first paint starts nothing after
        if self.settings is not None:
            save_window(self.settings, self)
            if self._work is not None:
                save_splitters(self.settings, self._work)
            self.settings.sync()
        # Self-check runs end within their timeouts; their threads must not outlive the window.
        self.retention_timer.stop()
        self.guard.disarm()
        if self.startup_check is not None:
            self.startup_check.shutdown()
        for dialog in (self.first_launch, self.diagnostics):
            if dialog is not None:
                dialog.page.shutdown()
                dialog.hide()
        # The token is closed on its own thread, after whatever is still queued there.
        self.runner.shutdown(self.desk.close if self._owns_desk else None)
        super().closeEvent(event)
