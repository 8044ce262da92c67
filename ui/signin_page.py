"""The first page: which token is inserted and its PIN state, before any PIN is asked (R-AUTH-1)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.i18n import translate
from ui.messages import LEVEL_STYLE, error_text, pin_warnings, token_line
from ui.widgets import clear_layout, named
from ui.worker import DeskRunner


class SignInPage(QWidget):
    """Reads the token on the worker thread and shows it; 'Sign in' asks for the PIN."""

    sign_in_requested = Signal(object)  # TokenInfo
    token_read = Signal(object)

    def __init__(self, desk: Any, runner: DeskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("signInPage")
        self._desk, self._runner = desk, runner
        self.info: Any = None
        self._failure: BaseException | None = None

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

    def refresh(self) -> None:
        self.sign_in_button.setEnabled(False)
        self.token_label.setStyleSheet("")
        self.token_label.setText(translate("SignInPage", "Reading the token…"))
        self._runner.call(self._desk.token_info, self.set_info, self._failed)

    def set_info(self, info: Any) -> None:
        self.info, self._failure = info, None
        self._render()
        self.token_read.emit(info)

    def _failed(self, exc: BaseException) -> None:
        self.info, self._failure = None, exc
        self._render()

    def _render(self) -> None:
        clear_layout(self.flags)
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
        self.sign_in_button.setEnabled(not getattr(pin, "locked", False))

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
        self._render()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
