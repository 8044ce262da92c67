"""The administrator's policy (issue 10): read and checked for structure at start; the
certificates it names are parsed at the first token read, and until they parse nothing signs in."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import _production_token
from app.errors import DeskError
from app.policy import load_policy
from signing.profile import fingerprint, load_certificate
from signing.sandbox_pki import SandboxPKI, create_sandbox_pki

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> SandboxPKI:
    return create_sandbox_pki(tmp_path_factory.mktemp("policy-pki"))


def _policy(tmp_path: Path, pki: SandboxPKI, operator: bytes) -> Path:
    (tmp_path / "operator.pem").write_bytes(operator)
    path = tmp_path / "policy.json"
    path.write_text(json.dumps({
        "gateway_url": "https://127.0.0.1:9", "ca_file": str(pki.root_path),
        "trust_dir": str(pki.trust_dir), "operator_certificates": ["operator.pem"],
        "pkcs11_modules": [],
    }), "utf-8")
    return path


def test_certificates_are_parsed_at_first_use_and_pinned(tmp_path: Path, pki: SandboxPKI) -> None:
    policy = load_policy(_policy(tmp_path, pki, pki.root_path.read_bytes()))
    want = fingerprint(load_certificate(pki.root_path.read_bytes()))
    policy.desk.check_certificates()
    assert policy.desk.operator_sha256 == frozenset({want})
    assert policy.desk.trust.is_anchor(load_certificate(pki.root_path.read_bytes()))


def test_reading_the_policy_imports_no_certificate_stack(tmp_path: Path, pki: SandboxPKI) -> None:
    path = _policy(tmp_path, pki, pki.root_path.read_bytes())
    code = ("import sys; from app.policy import load_policy; p = load_policy(); "
            "print(sorted(m for m in ('signing.trust', 'cryptography.x509', 'signing.gost') "
            "if m in sys.modules)); p.desk.check_certificates(); "
            "print('signing.trust' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         env={"SIO_DESK_POLICY": str(path), "PATH": "/usr/bin:/bin",
                              "PYTHONPATH": str(ROOT)}, check=True, timeout=120)
    assert out.stdout.split() == ["[]", "True"], out.stderr


def test_a_bad_operator_certificate_refuses_the_token_read(tmp_path: Path,
                                                          pki: SandboxPKI) -> None:
    policy = load_policy(_policy(tmp_path, pki, b"-----BEGIN CERTIFICATE-----\nnot one\n"))
    for _ in range(2):  # every read refuses again: fail closed, never a token without the pins
        with pytest.raises(DeskError) as refused:
            _production_token(policy.desk, ("/nonexistent/libsofthsm2.so",), None)
        assert refused.value.code == "policy_invalid"
        assert "operator.pem" in refused.value.text("en")
    with pytest.raises(DeskError):
        _ = policy.desk.operator_sha256


def test_a_trust_dir_that_is_no_folder_is_named(tmp_path: Path, pki: SandboxPKI) -> None:
    path = _policy(tmp_path, pki, pki.root_path.read_bytes())
    raw = json.loads(path.read_text("utf-8"))
    raw["trust_dir"] = str(pki.root_path)  # a file, not the folder
    path.write_text(json.dumps(raw), "utf-8")
    policy = load_policy(path)
    with pytest.raises(DeskError) as refused:
        policy.desk.check_certificates()
    assert refused.value.code == "policy_invalid" and "root.pem" in refused.value.text("en")


def test_a_missing_operator_certificate_is_refused_at_start(tmp_path: Path,
                                                           pki: SandboxPKI) -> None:
    path = _policy(tmp_path, pki, b"")
    (tmp_path / "operator.pem").unlink()
    with pytest.raises(DeskError) as refused:
        load_policy(path)
    assert refused.value.code == "policy_invalid" and "operator.pem" in refused.value.text("en")
