"""The bundle, built once per session by the real `installer.build` (issue 14), in the
background from the end of collection on."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.installer.background import NEWER, BackgroundBuild, new_base
from tests.installer.offline import skip_reason

__all__ = ["NEWER", "Built"]
ROOT = Path(__file__).resolve().parents[2]

# The builds (PyInstaller, the .deb, the Windows kit) start when collection ends and run beside
# the other tests; the first test that needs them may still wait, and pytest-timeout's 300 s
# default covers a test's fixture set-up too.
BUILD_TIMEOUT_S = 1800
_BUILD: dict[str, BackgroundBuild] = {}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if Path(str(item.fspath)).parent == Path(__file__).parent:
            item.add_marker(pytest.mark.timeout(BUILD_TIMEOUT_S))


def pytest_collection_finish(session: pytest.Session) -> None:
    """Starts the builds now if a selected test needs them and this machine can run them."""
    wanted = any("built" in getattr(item, "fixturenames", ()) for item in session.items)
    if wanted and not session.config.option.collectonly and skip_reason() is None:
        _BUILD["build"] = BackgroundBuild(new_base())
        _BUILD["build"].start()


def pytest_sessionfinish(session: pytest.Session) -> None:
    build = _BUILD.pop("build", None)
    if build is not None:
        build.stop()
        shutil.rmtree(build.base, ignore_errors=True)


@dataclass(frozen=True)
class Built:
    bundle: Path
    newer: Path
    release_cert: Path
    version: str


@pytest.fixture(scope="session")
def built() -> Built:
    reason = skip_reason()
    if reason:
        pytest.skip(reason)
    if "build" not in _BUILD:  # not started at collection (a test selected another way)
        _BUILD["build"] = BackgroundBuild(new_base())
        _BUILD["build"].start()
    outcome = _BUILD["build"].wait(BUILD_TIMEOUT_S - 60)
    assert outcome.bundle is not None and outcome.newer is not None, outcome.error
    cert = ROOT / "build" / "installer" / "sandbox-release" / "release-cert.pem"
    return Built(outcome.bundle, outcome.newer, cert,
                 (outcome.bundle / "VERSION").read_text().strip())
