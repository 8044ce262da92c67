"""The first page: which token is inserted and its PIN state, before any PIN is asked (R-AUTH-1)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.api import DeskApi
from ui import i18n
from ui.i18n import translate
from ui.messages import LEVEL_STYLE, error_text, pin_warnings, token_line
from ui.widgets import clear_layout, named, set_key
from ui.worker import DeskRunner

if TYPE_CHECKING:  # the self-check's verdicts come after the first paint, and so do these
    from app.selfcheck.model import Report

NOTICE_STYLE = {
    "block": "background: #fdecea; color: #5f1410; border: 1px solid #b3261e; padding: 8px;",
    "warn": "background: #fff4c2; color: #3d3000; border: 1px solid #d4a800; padding: 8px;",
    "ok": "color: #188038;",  # readable light and dark
    "busy": "color: palette(window-text);",
}


@dataclass(frozen=True)
class WorkstationState:
    """What the workstation self-check says about signing in (R-WS-1…5).

    `report` holds the latest result of every check run so far; `enforced` is False in the
    sandbox, where the check is shown but never blocks.
    """

    report: Report | None = None
    running: bool = False
    enforced: bool = True
    error: str = ""  # the run itself failed: shown as a warning, like an undetermined check

    @property
    def blocks(self) -> bool:
        if not self.enforced:
            return False
        return self.running or bool(self.report is not None and self.report.blocking())


def check_line(check: Any, lang: str) -> str:
    """One check in words: its title, verdict and what was found, in `lang`."""
    from app.selfcheck.texts import reason_text, status_text, title

    verdict = status_text(check.status, lang)
    return f"• {title(check.id, lang)} — {verdict}: {reason_text(check, lang)}"


class SignInPage(QWidget):
    """Reads the token on the worker thread and shows it; 'Sign in' asks for the PIN."""

    sign_in_requested = Signal(object)  # TokenInfo
    token_read = Signal(object)
    diagnostics_requested = Signal()

    def __init__(self, desk: DeskApi, runner: DeskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("signInPage")
        self._desk, self._runner = desk, runner
        self.info: Any = None
        self._failure: BaseException | None = None
        self.workstation: WorkstationState | None = None  # None: no self-check in this window

        self.heading = named(QLabel(wordWrap=True), "signInHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        self.intro = QLabel(wordWrap=True)
        self.token_label = named(QLabel(wordWrap=True), "tokenLine")
        self.flags = QVBoxLayout()
        self.sign_in_button = named(QPushButton(), "signInButton")
        self.sign_in_button.setDefault(True)
        self.sign_in_button.setEnabled(False)
        self.sign_in_button.clicked.connect(self._request)
        self.refresh_button = named(QPushButton(), "refreshButton")
        self.refresh_button.clicked.connect(self.refresh)
        # The workstation self-check: blocking reasons (red) or warnings (yellow, non-modal).
        self.selfcheck_notice = named(QLabel(wordWrap=True), "selfcheckNotice")
        set_key(self.selfcheck_notice, "textFormat", "PlainText")  # issue 10: see set_key
        self.selfcheck_notice.hide()
        self.diagnostics_button = named(QPushButton(), "diagnosticsButton")
        self.diagnostics_button.clicked.connect(self.diagnostics_requested)
        self.diagnostics_button.hide()
        notice_buttons = QHBoxLayout()
        notice_buttons.addWidget(self.diagnostics_button)
        notice_buttons.addStretch(1)

        buttons = QHBoxLayout()
        buttons.addWidget(self.sign_in_button)
        buttons.addWidget(self.refresh_button)
        buttons.addStretch(1)
        card = QWidget()
        card.setMaximumWidth(720)
        inner = QVBoxLayout(card)
        inner.addWidget(self.heading)
        inner.addWidget(self.intro)
        inner.addSpacing(12)
        inner.addWidget(self.token_label)
        inner.addLayout(self.flags)
        inner.addSpacing(12)
        inner.addLayout(buttons)
        inner.addSpacing(12)
        inner.addWidget(self.selfcheck_notice)
        inner.addLayout(notice_buttons)
        # Centred by stretches, not by an alignment flag: an aligned widget gets only its
        # size hint, and word-wrapped labels then wrap into a sliver and clip.
        card.setMinimumWidth(520)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card, 4)
        row.addStretch(1)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        self.retranslate()

    def reading(self) -> None:
        """Sign-in disabled, saying why: the token is being read (R-AUTH-1)."""
        self.sign_in_button.setEnabled(False)
        self.token_label.setStyleSheet("")
        self.token_label.setText(translate("SignInPage", "Reading the token…"))

    def refresh(self) -> None:
        self.reading()
        self._runner.call(self._desk.token_info, self.set_info, self._failed)

    def set_info(self, info: Any) -> None:
        self.info, self._failure = info, None
        self._render()
        self.token_read.emit(info)

    def _failed(self, exc: BaseException) -> None:
        self.info, self._failure = None, exc
        self._render()

    def set_workstation(self, state: WorkstationState | None) -> None:
        """Show the self-check's verdict; a blocking one disables sign-in (R-WS-1…5)."""
        self.workstation = state
        self._render()

    @property
    def blocked_by_workstation(self) -> bool:
        return self.workstation is not None and self.workstation.blocks

    def _render(self) -> None:
        clear_layout(self.flags)
        self._render_workstation()
        if self._failure is not None:
            self.token_label.setStyleSheet(LEVEL_STYLE["error"])
            self.token_label.setText(error_text(self._failure))
            self.sign_in_button.setEnabled(False)
            return
        if self.info is None:
            return
        self.token_label.setStyleSheet("")
        self.token_label.setText(token_line(self.info))
        pin = getattr(self.info, "pin", None)
        for level, text in pin_warnings(pin):
            label = QLabel(text, wordWrap=True)
            label.setObjectName(f"flag_{level}")
            label.setStyleSheet(LEVEL_STYLE[level])
            self.flags.addWidget(label)
        self.sign_in_button.setEnabled(
            not getattr(pin, "locked", False) and not self.blocked_by_workstation
        )

    def _render_workstation(self) -> None:
        state = self.workstation
        notice, button = self.selfcheck_notice, self.diagnostics_button
        if state is None:
            notice.hide()
            button.hide()
            return
        lang = i18n.current()
        sandbox = translate("SignInPage", "Sandbox: not enforced.")
        report = state.report
        blocking = report.blocking() if report is not None else []
        warnings = report.warnings() if report is not None else []
        lines: list[str] = []
        if state.running:
            level = "busy"
            lines.append(translate("SignInPage", "Checking the workstation…"))
            if not state.enforced:
                lines.append(sandbox)
        elif blocking and state.enforced:
            level = "block"
            lines.append(
                translate(
                    "SignInPage",
                    "This workstation does not meet the rules, so signing in is disabled and "
                    "SIO Desk may not be used for queries. Fix the following and run the check "
                    "again:",
                )
            )
            lines += [check_line(c, lang) for c in blocking]
        elif blocking or warnings or state.error:
            level = "warn"
            if not state.enforced:
                lines.append(sandbox)
            lines.append(
                translate(
                    "SignInPage",
                    "The workstation check found problems. You may sign in; tell your "
                    "administrator:",
                )
            )
            if state.error:
                lines.append(
                    "• "
                    + translate("SignInPage", "The check could not run: {detail}").format(
                        detail=state.error
                    )
                )
            lines += [check_line(c, lang) for c in blocking + warnings]
        else:
            level = "ok"
            lines.append(translate("SignInPage", "The workstation check passed."))
            if not state.enforced:
                lines.append(sandbox)
        notice.setProperty("level", level)
        notice.setStyleSheet(NOTICE_STYLE[level])
        notice.setText("\n".join(lines))
        notice.show()
        button.setVisible(not state.running)

    def _request(self) -> None:
        if self.info is not None:
            self.sign_in_requested.emit(self.info)

    def retranslate(self) -> None:
        self.heading.setText(translate("SignInPage", "Sign in with your NCA EDS"))
        self.intro.setText(
            translate(
                "SignInPage",
                "Insert your token. Its PIN state is shown below before you type the PIN; "
                "every query you send is signed with this token.",
            )
        )
        self.sign_in_button.setText(translate("SignInPage", "&Sign in…"))
        self.refresh_button.setText(translate("SignInPage", "&Read the token again"))
        self.diagnostics_button.setText(translate("SignInPage", "Open &diagnostics…"))
        self._render()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
