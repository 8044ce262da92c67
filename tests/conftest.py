"""Test-wide set-up: Qt offscreen before any Qt import; shared signing fixtures."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("SIO_DESK_NO_KEYRING", "1")

pytest_plugins = ["tests.fixtures_signing"]


def pytest_configure(config):  # type: ignore[no-untyped-def]
    """SoftHSM2 reads its config once per process: fix it before any test can load the module."""
    import tempfile
    from pathlib import Path

    from signing.softhsm import softhsm_environment, softhsm_module
    from tests import fixtures_signing

    if softhsm_module() is not None and "softhsm_dir" not in fixtures_signing._STATE:
        directory = Path(tempfile.mkdtemp(prefix="sio-softhsm-"))
        softhsm_environment(directory)
        fixtures_signing._STATE["softhsm_dir"] = directory


def pytest_terminal_summary(terminalreporter, exitstatus, config):  # type: ignore[no-untyped-def]
    """Counts which requirement IDs the collected tests cite (markers `req`)."""
    import re
    from pathlib import Path

    cited: set[str] = set()
    for item in (
        (getattr(terminalreporter, "_session", None) and terminalreporter._session.items) or []
    ):
        for mark in item.iter_markers("req"):
            cited.update(str(a) for a in mark.args)
    known_file = Path(__file__).resolve().parents[2] / "shared" / "REQUIREMENTS.md"
    known = (
        sorted(set(re.findall(r"\*\*(R-[A-Z]+-\d+)\*\*", known_file.read_text("utf-8"))))
        if known_file.exists()
        else []
    )
    if cited:
        line = f"requirements cited by tests: {len(cited & set(known)) if known else len(cited)}"
        line += f" of {len(known)}" if known else ""
        terminalreporter.write_line(line + ": " + ", ".join(sorted(cited)))
        missing = sorted(set(known) - cited)
        if missing:
            terminalreporter.write_line("not yet cited: " + ", ".join(missing))


def pytest_unconfigure(config):  # type: ignore[no-untyped-def]
    import shutil

    from tests import fixtures_signing

    directory = fixtures_signing._STATE.get("softhsm_dir")
    if directory is not None and str(directory).startswith(__import__("tempfile").gettempdir()):
        shutil.rmtree(str(directory), ignore_errors=True)
