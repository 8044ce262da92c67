"""Fixtures used only by the signing tests (shared ones live in tests/fixtures_signing.py)."""

from __future__ import annotations

import itertools
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from signing.pkcs11 import close_all_tokens
from signing.profile import LONG_NAME_WARNING
from signing.sandbox_pki import SANDBOX_USERS, SandboxPKI
from signing.softhsm import ProvisionedToken, provision_token

NCA_TEST = Path(__file__).resolve().parents[3] / "shared" / "data" / "nca-test"
_LABELS = itertools.count(1)


def pytest_configure(config: pytest.Config) -> None:
    """Keep signing.profile's filter for NCA's over-long CA names under pytest's capture."""
    config.addinivalue_line("filterwarnings", f"ignore:{LONG_NAME_WARNING}:UserWarning")


@pytest.fixture(scope="session")
def nca_test_dir() -> Path:
    """The real (expired) NCA test data; skip when the shared folder is absent."""
    if not NCA_TEST.is_dir():
        pytest.skip(f"NCA test data not found at {NCA_TEST}")
    return NCA_TEST


@pytest.fixture
def fresh_token(
    softhsm_env: Path, sandbox_pki: SandboxPKI
) -> Iterator[Callable[[], ProvisionedToken]]:
    """Factory of extra SoftHSM tokens (for tests that lock PINs or change them)."""

    def make() -> ProvisionedToken:
        return provision_token(softhsm_env, sandbox_pki, SANDBOX_USERS[1],
                               label=f"scratch-{next(_LABELS)}")

    yield make
    close_all_tokens()


@pytest.fixture(scope="session")
def openssl() -> str:
    """Path of the openssl command line tool."""
    path = shutil.which("openssl")
    if path is None:
        pytest.skip("openssl command not installed")
    return path


@pytest.fixture(params=("python", "openssl"))
def gost_backend(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Force one GOST arithmetic backend; OpenSSL is skipped where libcrypto 3 does not load."""
    from signing.gost import backend

    name: str = request.param
    monkeypatch.setenv("SIO_GOST_BACKEND", name)
    if name == "openssl":
        try:
            backend.active()
        except OSError as exc:
            pytest.skip(f"OpenSSL EC path unavailable: {exc}")
    assert backend.active() == name
    return name
