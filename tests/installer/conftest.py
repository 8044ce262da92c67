"""The bundle, built once per session by the real `installer.build` (issue 14)."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.installer.offline import skip_reason

ROOT = Path(__file__).resolve().parents[2]
NEWER = "99.0.0"  # the "rebuilt newer version" the upgrade goes to


# The session's build (PyInstaller, the .deb, the Windows kit) runs inside the first test that
# needs it; pytest-timeout's 300 s default covers a test's fixture set-up too.
BUILD_TIMEOUT_S = 1800


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if Path(str(item.fspath)).parent == Path(__file__).parent:
            item.add_marker(pytest.mark.timeout(BUILD_TIMEOUT_S))


@dataclass(frozen=True)
class Built:
    bundle: Path
    newer: Path
    release_cert: Path
    version: str


def _build(out: Path, *extra: str) -> Path:
    done = subprocess.run([sys.executable, "-m", "installer.build", "--out", str(out), *extra],
                          cwd=ROOT, capture_output=True, text=True, timeout=1500, check=False)
    assert done.returncode == 0, done.stderr[-4000:]
    return Path(done.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    reason = skip_reason()
    if reason:
        pytest.skip(reason)
    out = tmp_path_factory.mktemp("dist")
    bundle = _build(out)
    # The upgrade's bundle: the same frozen app re-packaged and re-signed as a newer version.
    newer = _build(tmp_path_factory.mktemp("dist-newer"), "--reuse-frozen", "--bundle-only",
                   "--version", NEWER)
    cert = ROOT / "build" / "installer" / "sandbox-release" / "release-cert.pem"
    return Built(bundle, newer, cert, (bundle / "VERSION").read_text().strip())
