"""Choosing the key for a purpose; the layering rule of signing/."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from signing.errors import SigningError
from signing.profile import load_certificate, profile_of
from signing.sandbox_pki import SANDBOX_USERS, SandboxPKI
from signing.token import KeyPair, pick

SIGNING_DIR = Path(__file__).resolve().parents[2] / "signing"


def _pairs(pki: SandboxPKI) -> list[KeyPair]:
    auth, signing = pki.software_signers(SANDBOX_USERS[0])
    return [KeyPair(b"\x01", "AUTH", auth.certificate, profile_of(auth.certificate)),
            KeyPair(b"\x02", "SIGN", signing.certificate, profile_of(signing.certificate))]


@pytest.mark.req("R-AUTH-1")
def test_pick_by_purpose(sandbox_pki: SandboxPKI) -> None:
    pairs = _pairs(sandbox_pki)
    assert pick(pairs, "authentication").label == "AUTH"
    assert pick(pairs, "signing").label == "SIGN"


def test_pick_without_a_match(sandbox_pki: SandboxPKI) -> None:
    pairs = _pairs(sandbox_pki)[:1]
    with pytest.raises(SigningError) as err:
        pick(pairs, "signing")
    assert err.value.code == "no_key_for_purpose"
    assert "AUTH" in str(err.value)


def test_pick_dual_use_gost_key(nca_test_dir: Path) -> None:
    cert = load_certificate((nca_test_dir / "gokalkan/gost1.cer").read_bytes())
    pair = KeyPair(b"\x03", "GOST512", cert, profile_of(cert))
    assert pick([pair], "authentication") is pair
    assert pick([pair], "signing") is pair


def test_signing_imports_nothing_of_ours_but_signing() -> None:
    ours = {"app", "gateway", "transport", "ui", "resources", "entrypoints", "tests"}
    for path in SIGNING_DIR.glob("*.py"):
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            for name in names:
                top = name.split(".")[0]
                assert top not in ours, f"{path.name} imports {name}"
                assert not top.startswith("PySide"), f"{path.name} imports {name}"
