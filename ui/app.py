"""GUI entry: QApplication, shipped fonts, translations, and the main window."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

# First: PySide6's per-import source scan is replaced before the pages below are imported.
from ui import import_scan  # isort: skip

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from app.api import DeskApi
from ui import i18n, theme
from ui.fonts import register_fonts
from ui.main_window import MainWindow
from ui.window_state import user_settings

if TYPE_CHECKING:
    from app.desk import Desk
    from app.selfcheck import Readers, SelfcheckConfig

log = logging.getLogger(__name__)

MARKER_NAME = "first-launch.json"
_fonts_registered: list[str] = []
_follower: list[theme.SchemeFollower] = []  # one per process: the OS's light/dark followed


def ensure_app() -> QApplication:
    """The process's QApplication, created high-DPI friendly if there is none yet."""
    app = QApplication.instance()
    if app is None:
        import_scan.install()  # where Qt came before ui.app (done once per process)
        # Fractional scale factors (125 %, 150 %) stay as the OS sets them, not rounded to 1 or
        # 2: that is Qt 6's default rounding policy (PassThrough), so it is not set here — the
        # environment's QT_SCALE_FACTOR_ROUNDING_POLICY beats a call anyway, and naming the
        # policy builds all of PySide's `Qt` enums, ≈18 ms of the first paint (issue 10).
        app = theme.new_application(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("SIO Desk")
    app.setApplicationDisplayName("SIO Desk")
    if not _fonts_registered:
        _fonts_registered.extend(register_fonts(app) or ["(none)"])
    if not _follower:
        _follower.append(theme.follow_os(app))  # issue 11: light and dark as the OS is set
    return app


def default_marker_path() -> Path:
    """Where this workstation remembers that the first-launch step was completed (here, not in
    ui.first_launch: that dialog is imported only after the first paint, issue 10)."""
    from platformdirs import user_data_path

    return user_data_path("sio-desk", appauthor=False) / MARKER_NAME


def selfcheck_config_for(desk: DeskApi) -> SelfcheckConfig:
    """The workstation self-check's configuration for this desk.

    Production: the admin policy (thresholds, block/warn per check, allowed prefixes), or the
    strict defaults when the policy has no usable "selfcheck" section. Sandbox: defaults aimed at
    the embedded gateway, with its software token accepted — it is never enforced anyway.
    """
    from app.selfcheck import SelfcheckConfig  # read after the first paint (issue 10)
    from app.selfcheck.thresholds import PolicyError

    config = getattr(desk, "config", None)
    gateway = getattr(config, "gateway_url", None)
    ca_file = getattr(config, "ca_file", None)
    if desk.sandbox:
        module = getattr(getattr(desk, "token", None), "module", None)
        return SelfcheckConfig(
            gateway_url=gateway,
            ca_file=Path(ca_file) if ca_file else None,
            pkcs11_modules=(str(module),) if isinstance(module, str | Path) else (),
            allow_software_tokens=True,
        )
    from app.selfcheck.cli import load_config

    try:
        return load_config(None)[0]
    except PolicyError as exc:
        # Fail towards the rules: every check blocks with the 2022 minimums.
        log.error("the policy's self-check section is unusable (%s); strict defaults apply", exc)
        return SelfcheckConfig(gateway_url=gateway, ca_file=Path(ca_file) if ca_file else None)


def build_main_window(
    desk: Desk,
    lang: str = "ru",
    *,
    owns_desk: bool = False,
    selfcheck_config: SelfcheckConfig | Callable[[], SelfcheckConfig] | None = None,
    readers: Readers | None = None,
    first_launch_marker: Path | None = None,
    settings: QSettings | None = None,
) -> MainWindow:
    """The window, not shown; for tests and benches that run no event loop of their own.

    `selfcheck_config` None runs no workstation self-check (run_gui always passes one, as a
    callable: the policy's section is read after the first paint);
    `readers` replaces the system readings (tests); `first_launch_marker` None skips the
    first-launch step; `settings` None remembers no window size or splitter positions.
    """
    ensure_app()
    i18n.apply(lang)
    return MainWindow(
        desk,
        owns_desk=owns_desk,
        selfcheck_config=selfcheck_config,
        readers=readers,
        first_launch_marker=first_launch_marker,
        settings=settings,
    )


def run_gui(desk: Desk, *, lang: str = "ru", first_launch_marker: Path | None = None) -> int:
    """Show the desk and run until the analyst quits; the desk is closed on the way out.

    The self-check always runs here: configured by the policy, enforced outside the sandbox;
    the first-launch marker lives in the user's data dir unless the caller names another.
    """
    app = ensure_app()
    window = build_main_window(
        desk,
        lang,
        owns_desk=True,
        selfcheck_config=partial(selfcheck_config_for, desk),
        first_launch_marker=first_launch_marker or default_marker_path(),
        settings=user_settings(),  # the window's size and splitters, remembered
    )
    window.show()
    return app.exec()
