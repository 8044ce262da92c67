"""Notices the desktop's screen lock: screensaver signals on the D-Bus session bus."""

from __future__ import annotations

import logging

from PySide6.QtCore import SLOT, QObject, Signal, Slot

log = logging.getLogger(__name__)

# (path, interface) pairs whose ActiveChanged(bool) says the screen saver / lock came on.
SCREENSAVERS = (
    ("/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver"),
    ("/ScreenSaver", "org.freedesktop.ScreenSaver"),  # KDE
    ("/org/gnome/ScreenSaver", "org.gnome.ScreenSaver"),
)


class ScreenLockWatcher(QObject):
    """Emits `locked` when the OS locks the screen; `listening` says whether a bus was found."""

    locked = Signal()

    def __init__(self, parent: QObject | None = None, *, bus_address: str | None = None) -> None:
        super().__init__(parent)
        self.listening = False
        try:
            from PySide6.QtDBus import QDBusConnection
        except ImportError:  # no QtDBus on this platform (Windows, macOS builds)
            return
        bus = (
            QDBusConnection.connectToBus(bus_address, f"sio-screen-lock-{id(self)}")
            if bus_address
            else QDBusConnection.sessionBus()
        )
        if not bus.isConnected():
            log.info("no D-Bus session bus: the OS screen lock cannot be followed")
            return
        for path, interface in SCREENSAVERS:
            slot = SLOT("_active(bool)")
            # PySide's stubs say bytes, its runtime wants the str SLOT() returns.
            if bus.connect("", path, interface, "ActiveChanged", self, slot):  # type: ignore[call-overload]
                self.listening = True

    @Slot(bool)
    def _active(self, on: bool) -> None:
        if on:
            self.locked.emit()
