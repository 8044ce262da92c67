"""The one check of the operator's pinned signing key (app.operator_key; R-Q-2, R-ACC-4): the
applicant's decisions and the operator console's answers both go through it."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.config import DeskConfig
from app.errors import DeskError
from app.operator_key import require_operator_signed
from signing.cms import sign_detached
from signing.profile import fingerprint
from signing.sandbox_pki import SANDBOX_USERS, SandboxPKI


def _config(pki: SandboxPKI, tmp_path: Path) -> DeskConfig:
    return DeskConfig(gateway_url="https://gw.test", ca_file=pki.root_path,
                      trust=pki.trust_store(),
                      operator_sha256=frozenset({fingerprint(pki.operator_cert)}),
                      sandbox=True, state_dir=tmp_path)


@pytest.mark.req("R-Q-2", "R-ACC-4")
def test_only_the_pinned_operator_key_over_these_bytes_passes(sandbox_pki: SandboxPKI,
                                                              tmp_path: Path) -> None:
    config = _config(sandbox_pki, tmp_path)
    body = b'{"decision":"refuse"}'
    require_operator_signed(config, body, sign_detached(body, sandbox_pki.operator_signer()))
    someone = sandbox_pki.software_signers(SANDBOX_USERS[0])[1]  # a valid, trusted signing key
    cases = {"another key": (body, sign_detached(body, someone)),
             "other bytes": (b'{"decision":"register"}',
                             sign_detached(body, sandbox_pki.operator_signer())),
             "not a signature": (body, b"\x30\x03\x02\x01\x00")}
    for name, (signed, cms) in cases.items():
        with pytest.raises(DeskError) as refused:
            require_operator_signed(config, signed, cms)
        assert refused.value.code == "response_unverified", name
