"""PKCS#12 files as tokens: sandbox only (R-AUTH-4)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from signing.cms import sign_detached, verify_detached
from signing.errors import PinIncorrect, SigningError
from signing.filekey import FileKeyToken
from signing.sandbox_pki import SANDBOX_USERS, SandboxPKI
from signing.token import pick

DATA = b"sandbox request"


@pytest.mark.req("R-AUTH-4")
def test_file_keys_refused_outside_sandbox(tmp_path: Path) -> None:
    with pytest.raises(SigningError) as err:
        FileKeyToken(tmp_path / "any.p12", sandbox=False)
    assert err.value.code == "file_key_forbidden"
    assert "R-AUTH-4" in str(err.value) and "protected token" in str(err.value)


@pytest.mark.req("R-AUTH-4")
def test_sandbox_p12_token(sandbox_pki: SandboxPKI, openssl: str) -> None:
    path = sandbox_pki.issue_user_p12(SANDBOX_USERS[1], "Sandbox-1")
    # OpenSSL reads the file we wrote (two key bags, SHA-256 MAC).
    info = subprocess.run([openssl, "pkcs12", "-info", "-in", str(path), "-passin",
                           "pass:Sandbox-1", "-nokeys", "-noout"], capture_output=True, text=True)
    assert info.returncode == 0, info.stderr
    assert info.stderr.count("Shrouded Keybag") == 2
    token = FileKeyToken(path, sandbox=True)
    assert token.info().kind == "file" and token.is_present()
    with pytest.raises(PinIncorrect) as err:
        token.login("wrong")
    assert err.value.attempts_left is None
    token.login("Sandbox-1")
    pairs = token.keypairs()
    assert sorted(p.profile.purpose for p in pairs) == ["authentication", "signing"]
    signer = token.signer(pick(pairs, "signing"))
    result = verify_detached(sign_detached(DATA, signer), DATA, sandbox_pki.trust_store(),
                             purpose="signing")
    assert result.profile.iin == SANDBOX_USERS[1].iin
    token.logout()
    with pytest.raises(SigningError):
        token.keypairs()


def test_real_nca_rsa_p12(nca_test_dir: Path) -> None:
    token = FileKeyToken(
        nca_test_dir / "ncanode-kz/individual_sign_rsa2004_valid__pw_Qwerty12.p12", sandbox=True)
    with pytest.raises(PinIncorrect):
        token.login("Qwerty13")
    token.login("Qwerty12")
    [pair] = token.keypairs()
    assert pair.profile.iin == "123456789011" and pair.profile.purpose == "signing"
    assert len(token.signer(pair).sign_raw(b"x")) == 256


def test_real_nca_gost_p12_in_the_sandbox(nca_test_dir: Path) -> None:
    # Issue 12: NCA's GOST key files open as sandbox file keys (their encryption is known now).
    token = FileKeyToken(
        nca_test_dir / "ncanode-kz/individual_gost2015_valid__pw_Aa123456.p12", sandbox=True)
    with pytest.raises(PinIncorrect):
        token.login("Aa123457")
    token.login("Aa123456")
    [pair] = token.keypairs()
    assert (pair.profile.algorithm, pair.profile.purpose) == ("gost2015",
                                                              "signing_and_authentication")
    assert len(token.signer(pair).sign_raw(b"x")) == 128
    token.logout()
    with pytest.raises(SigningError):
        token.keypairs()
