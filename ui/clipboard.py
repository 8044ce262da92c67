"""The one way result values reach the clipboard: marked secret, and taken back after a while.

Result values are confidential (R-RES-3). A copy goes out as QMimeData that carries, beside the
text, the hints clipboard managers honour to keep it out of their history:

* KDE Klipper (and managers that follow it): ``x-kde-passwordManagerHint`` = ``secret``;
* Windows: the registered formats ``ExcludeClipboardContentFromMonitorProcessing`` (any data),
  ``CanIncludeInClipboardHistory`` = DWORD 0 and ``CanUploadToCloudClipboard`` = DWORD 0. Qt's
  Windows backend registers a clipboard format of any name given to QMimeData as
  ``application/x-qt-windows-mime;value="<name>"`` and puts the bytes there unchanged.

After ``clear_after_s`` seconds the clipboard is emptied — but only if it still holds this copy
(a marker format with a fresh random token tells ours from anything copied since).
"""

from __future__ import annotations

import secrets

from PySide6.QtCore import QCoreApplication, QMimeData, QObject, QTimer
from PySide6.QtGui import QClipboard, QGuiApplication

DEFAULT_CLEAR_S = 10.0
DWORD_ZERO = b"\x00\x00\x00\x00"
WINDOWS_MIME = 'application/x-qt-windows-mime;value="{name}"'
KDE_PASSWORD_HINT = "x-kde-passwordManagerHint"  # noqa: S105 - a format name, no secret
WIN_EXCLUDE = WINDOWS_MIME.format(name="ExcludeClipboardContentFromMonitorProcessing")
WIN_HISTORY = WINDOWS_MIME.format(name="CanIncludeInClipboardHistory")
WIN_CLOUD = WINDOWS_MIME.format(name="CanUploadToCloudClipboard")
HINT_FORMATS: dict[str, bytes] = {
    KDE_PASSWORD_HINT: b"secret",
    WIN_EXCLUDE: DWORD_ZERO,
    WIN_HISTORY: DWORD_ZERO,
    WIN_CLOUD: DWORD_ZERO,
}
MARK_FORMAT = "application/x-sio-desk-copy"  # which copy this is: a random token, nothing else


def secret_mime_data(text: str, mark: bytes = b"") -> QMimeData:
    """`text` as plain text plus every hint that keeps clipboard managers from keeping it."""
    mime = QMimeData()
    mime.setText(text)
    for fmt, value in HINT_FORMATS.items():
        mime.setData(fmt, value)
    if mark:
        mime.setData(MARK_FORMAT, mark)
    return mime


class _Guard(QObject):
    """Remembers the token of our last copy and empties the clipboard when its time is up."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.mark = b""
        self.timer = QTimer(self, singleShot=True)
        self.timer.timeout.connect(self.expire)

    def copy(self, text: str, clear_after_s: float) -> None:
        self.mark = secrets.token_hex(16).encode("ascii")
        QGuiApplication.clipboard().setMimeData(
            secret_mime_data(text, self.mark), QClipboard.Mode.Clipboard
        )
        if clear_after_s > 0:
            self.timer.start(max(1, round(clear_after_s * 1000)))
        else:
            self.timer.stop()

    def holds_ours(self) -> bool:
        if not self.mark:
            return False
        mime = QGuiApplication.clipboard().mimeData(QClipboard.Mode.Clipboard)
        return mime is not None and bytes(mime.data(MARK_FORMAT).data()) == self.mark

    def expire(self) -> bool:
        """Empty the clipboard if it still holds our copy; True when it did."""
        self.timer.stop()
        ours = self.holds_ours()
        if ours:
            QGuiApplication.clipboard().clear(QClipboard.Mode.Clipboard)
        self.mark = b""
        return ours


_state: dict[str, _Guard] = {}


def _guard() -> _Guard:
    guard = _state.get("guard")
    if guard is None:
        app = QCoreApplication.instance()
        if app is None:
            raise RuntimeError("create the QApplication before copying")
        guard = _Guard(app)
        app.aboutToQuit.connect(guard.expire)  # a copy does not outlive the application
        _state["guard"] = guard
    return guard


def copy_secret(text: str, clear_after_s: float = DEFAULT_CLEAR_S) -> None:
    """Put `text` on the clipboard marked secret; take it back after `clear_after_s` seconds
    (0 or less: not taken back by time, only by clear_if_ours())."""
    _guard().copy(text, clear_after_s)


def holds_our_copy() -> bool:
    """True while the clipboard still holds the last copy made through copy_secret()."""
    return "guard" in _state and _state["guard"].holds_ours()


def clear_if_ours() -> bool:
    """Empty the clipboard now if it still holds our copy (sign-out, lock); True when it did."""
    return "guard" in _state and _state["guard"].expire()


def pending_clear_ms() -> int:
    """Milliseconds until our copy is taken back; -1 when none is pending."""
    guard = _state.get("guard")
    return guard.timer.remainingTime() if guard is not None and guard.timer.isActive() else -1
