"""Shared signing fixtures: sandbox PKI, SoftHSM environment and a provisioned token.

Loaded as a plugin (``pytest_plugins = ["tests.fixtures_signing"]``). The objects live in
module state as well as in session fixtures: SoftHSM2 reads its config once per process,
so even if these fixtures were instantiated twice they must hand out the same directory.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from signing.pkcs11 import close_all_tokens
from signing.sandbox_pki import SANDBOX_USERS, SandboxPKI, SandboxUser, create_sandbox_pki
from signing.signer import Signer
from signing.softhsm import ProvisionedToken, provision_token, softhsm_environment, softhsm_module

SOFTHSM_MISSING = (
    "SoftHSM2 is not installed (Debian/Ubuntu: apt-get install softhsm2; ./run test does it)"
)

_STATE: dict[str, object] = {}


def user_signers(pki: SandboxPKI, user: SandboxUser) -> tuple[Signer, Signer]:
    """(authentication, signing) software signers for a sandbox user."""
    return pki.software_signers(user)


@pytest.fixture(scope="session")
def sandbox_pki(tmp_path_factory: pytest.TempPathFactory) -> SandboxPKI:
    """One NCA-shaped sandbox PKI for the whole test session."""
    pki = _STATE.get("pki")
    if not isinstance(pki, SandboxPKI):
        pki = create_sandbox_pki(tmp_path_factory.mktemp("sandbox-pki"))
        _STATE["pki"] = pki
    return pki


@pytest.fixture(scope="session")
def software_signers(sandbox_pki: SandboxPKI) -> Callable[[SandboxUser], tuple[Signer, Signer]]:
    """A function user -> (auth, signing) software signers from the session PKI."""
    return sandbox_pki.software_signers


@pytest.fixture(scope="session")
def softhsm_env(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A SoftHSM2 token directory for this process (SOFTHSM2_CONF set once)."""
    if softhsm_module() is None:
        pytest.skip(SOFTHSM_MISSING)
    directory = _STATE.get("softhsm_dir")
    if not isinstance(directory, Path):
        directory = tmp_path_factory.mktemp("softhsm")
        softhsm_environment(directory)
        _STATE["softhsm_dir"] = directory
    yield directory


@pytest.fixture(scope="session")
def softhsm_token(softhsm_env: Path, sandbox_pki: SandboxPKI) -> Iterator[ProvisionedToken]:
    """A SoftHSM token for SANDBOX_USERS[0] with on-token AUTH and signing keys."""
    token = _STATE.get("softhsm_token")
    if not isinstance(token, ProvisionedToken):
        token = provision_token(softhsm_env, sandbox_pki, SANDBOX_USERS[0],
                                label="sandbox-analyst1")
        _STATE["softhsm_token"] = token
    yield token
    close_all_tokens()
