"""`sio-desk verify`, `cert-info`, `tokens` through their functions and the console script."""

from __future__ import annotations

import base64
import datetime as dt
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from asn1crypto import cms as acms
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import Encoding

from app import certcli
from app.certcli import cert_info_main, tokens_main, verify_main
from signing.cms import sign_detached
from signing.pades import blank_pdf, sign_pdf
from signing.sandbox_pki import SANDBOX_USERS, SandboxPKI
from signing.signer import SoftwareSigner
from signing.softhsm import ProvisionedToken

pytestmark = pytest.mark.filterwarnings("ignore:Attribute's length must be:UserWarning")
ROOT = Path(__file__).resolve().parents[2]
NCA = ROOT.parent / "shared" / "data" / "nca-test"
DATA = '{"query":"ЖСН","nonce":"x1"}'.encode()


def _run(main: Any, argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, Any]:
    code = main([*argv, "--json"])
    out = capsys.readouterr().out
    return code, json.loads(out)  # exactly one JSON document on stdout


@pytest.fixture
def files(tmp_path: Path, sandbox_pki: SandboxPKI) -> dict[str, Path]:
    _, signer = sandbox_pki.software_signers(SANDBOX_USERS[0])
    cms_der = sign_detached(DATA, signer)
    (tmp_path / "data.json").write_bytes(DATA)
    (tmp_path / "sig.der").write_bytes(cms_der)
    b64 = base64.b64encode(cms_der)
    (tmp_path / "sig.b64").write_bytes(b64)
    pem = b"-----BEGIN CMS-----\n" + b"\n".join(b64[i:i + 64] for i in range(0, len(b64), 64))
    (tmp_path / "sig.pem").write_bytes(pem + b"\n-----END CMS-----\n")
    info = acms.ContentInfo.load(cms_der)
    info["content"]["encap_content_info"] = {"content_type": "data", "content": DATA}
    (tmp_path / "attached.p7s").write_bytes(info.dump(force=True))
    return {"data": tmp_path / "data.json", "der": tmp_path / "sig.der",
            "b64": tmp_path / "sig.b64", "pem": tmp_path / "sig.pem",
            "attached": tmp_path / "attached.p7s", "trust": sandbox_pki.trust_dir}


@pytest.mark.req("R-AUTH-5")
@pytest.mark.parametrize("form", ["der", "b64", "pem"])
def test_verify_detached_forms(files: dict[str, Path], form: str,
                               capsys: pytest.CaptureFixture[str]) -> None:
    code, doc = _run(verify_main, [str(files[form]), "--data", str(files["data"]),
                                   "--trust", str(files["trust"])], capsys)
    assert (code, doc["status"]) == (0, "valid")
    signer = doc["signers"][0]
    assert signer["iin"] == SANDBOX_USERS[0].iin and signer["algorithm"] == "rsa"
    assert set(signer) == {"iin", "bin", "common_name", "serial", "signing_time", "algorithm"}
    assert doc["revocation"]["crl"] == "good"


@pytest.mark.req("R-AUTH-5")
def test_verify_attached_and_changed_data(files: dict[str, Path], tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    code, doc = _run(verify_main, [str(files["attached"]), "--trust", str(files["trust"])],
                     capsys)
    assert (code, doc["status"]) == (0, "valid")
    changed = tmp_path / "changed.json"
    changed.write_bytes(DATA.replace(b"x1", b"x2"))
    code, doc = _run(verify_main, [str(files["der"]), "--data", str(changed),
                                   "--trust", str(files["trust"])], capsys)
    assert (code, doc["status"]) == (1, "invalid")
    assert doc["signers"][0]["iin"] == SANDBOX_USERS[0].iin  # who claimed it, still shown
    # A detached signature without --data is a usage error.
    code, doc = _run(verify_main, [str(files["der"]), "--trust", str(files["trust"])], capsys)
    assert code == 2


def test_verify_untrusted_expired_revoked(files: dict[str, Path], sandbox_pki: SandboxPKI,
                                          tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    other = tmp_path / "other-trust"
    other.mkdir()
    code, doc = _run(verify_main, [str(files["der"]), "--data", str(files["data"]),
                                   "--trust", str(other)], capsys)
    assert (code, doc["status"]) == (1, "untrusted")
    future = (dt.datetime.now(dt.UTC) + dt.timedelta(days=900)).isoformat()
    code, doc = _run(verify_main, [str(files["der"]), "--data", str(files["data"]),
                                   "--trust", str(files["trust"]), "--at", future], capsys)
    assert (code, doc["status"]) == (1, "expired")
    # The intermediate alone is an anchor; a revoking CRL passed with --crl is applied.
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    cert = sandbox_pki.issue_user_certificate(SANDBOX_USERS[1], key.public_key(), "signing")
    sig = tmp_path / "revoked.der"
    sig.write_bytes(sign_detached(DATA, SoftwareSigner(key, cert, [sandbox_pki.intermediate])))
    inter_only = tmp_path / "inter-only"
    inter_only.mkdir()
    (inter_only / "nca.pem").write_bytes(sandbox_pki.intermediate.public_bytes(Encoding.PEM))
    argv = [str(sig), "--data", str(files["data"]), "--trust", str(inter_only)]
    # Issue 9: without a CRL of the issuer the status is unknown, and that is a refusal.
    code, doc = _run(verify_main, argv, capsys)
    assert (code, doc["status"]) == (1, "revocation_unknown")
    assert "no CRL of this issuer" in doc["reason"]
    code, doc = _run(verify_main, [*argv, "--crl", str(sandbox_pki.crl_path)], capsys)
    assert (code, doc["status"]) == (0, "valid")
    assert doc["revocation"]["policy"] == "hard_fail"
    assert doc["revocation"]["path"][0]["source"] == "crl"
    sandbox_pki.revoke(cert)
    code, doc = _run(verify_main, [*argv, "--crl", str(sandbox_pki.crl_path)], capsys)
    assert (code, doc["status"]) == (1, "revoked")


@pytest.mark.req("R-AUTH-1")
@pytest.mark.parametrize(("lang", "word"), [("en", "REVOCATION STATUS UNKNOWN"),
                                            ("ru", "СТАТУС ОТЗЫВА НЕИЗВЕСТЕН"),
                                            ("kk", "КЕРІ ҚАЙТАРЫЛУ КҮЙІ БЕЛГІСІЗ")])
def test_verify_prints_revocation_unknown(files: dict[str, Path], sandbox_pki: SandboxPKI,
                                          tmp_path: Path, lang: str, word: str,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    stale = tmp_path / "stale-trust"
    stale.mkdir()
    (stale / "nca.pem").write_bytes(sandbox_pki.intermediate.public_bytes(Encoding.PEM))
    (stale / "nca.crl").write_bytes(sandbox_pki.crl.public_bytes(Encoding.DER))
    assert sandbox_pki.crl.next_update_utc is not None
    later = (sandbox_pki.crl.next_update_utc + dt.timedelta(hours=1)).isoformat()
    code = verify_main([str(files["der"]), "--data", str(files["data"]), "--trust", str(stale),
                        "--at", later, "--lang", lang])
    err = capsys.readouterr().err
    assert code == 1
    assert err.startswith(f"{word}: ") and "stale" in err


@pytest.mark.req("R-AUTH-1")
def test_verify_with_ocsp(files: dict[str, Path], sandbox_pki: SandboxPKI,
                          capsys: pytest.CaptureFixture[str]) -> None:
    from tests.signing.ocsp_responder import ResponderConfig, ocsp_responder

    _, signer = sandbox_pki.software_signers(SANDBOX_USERS[0])
    cfg = ResponderConfig(sandbox_pki.intermediate, sandbox_pki._intermediate_key,
                          sandbox_pki.intermediate)
    argv = [str(files["der"]), "--data", str(files["data"]), "--trust", str(files["trust"]),
            "--ocsp"]
    with ocsp_responder(cfg) as url:
        code, doc = _run(verify_main, [*argv, "--ocsp-url", url], capsys)
        assert (code, doc["status"], doc["revocation"]["ocsp"]) == (0, "valid", "good")
        cfg.revoked[signer.certificate.serial_number] = dt.datetime.now(dt.UTC) - \
            dt.timedelta(minutes=1)
        code, doc = _run(verify_main, [*argv, "--ocsp-url", url], capsys)
        assert (code, doc["status"]) == (1, "revoked")
    # No CRL at all: a good OCSP answer stands in for it (hard_fail needs one or the other).
    inter_only = files["der"].parent / "ocsp-only"
    inter_only.mkdir()
    (inter_only / "nca.pem").write_bytes(sandbox_pki.intermediate.public_bytes(Encoding.PEM))
    bare = [str(files["der"]), "--data", str(files["data"]), "--trust", str(inter_only)]
    cfg.revoked.clear()
    with ocsp_responder(cfg) as url:
        code, doc = _run(verify_main, [*bare, "--ocsp", "--ocsp-url", url], capsys)
        assert (code, doc["status"], doc["revocation"]["ocsp"]) == (0, "valid", "good")
        assert doc["revocation"]["path"][0]["source"] == "ocsp"
        assert doc["revocation"]["crl"] == "unknown"
    code, doc = _run(verify_main, bare, capsys)
    assert (code, doc["status"]) == (1, "revocation_unknown")
    # The responder is gone: asked-for OCSP without an answer is never "valid".
    code, doc = _run(verify_main, [*argv, "--ocsp-url", url, "--timeout", "2"], capsys)
    assert (code, doc["status"]) == (1, "invalid") and "OCSP" in doc["reason"]


def test_verify_gost_timestamp(capsys: pytest.CaptureFixture[str]) -> None:
    # Issue 12: a GOST time-stamp token verifies (more GOST kinds: tests/signing/test_gost_cli).
    if not NCA.is_dir():
        pytest.skip("NCA test data absent")
    code, doc = _run(verify_main, [str(NCA / "ca-test/ocsp-tsp/tsp_token.bin"),
                                   "--trust", str(NCA / "ca-test")], capsys)
    assert (code, doc["status"], doc["kind"]) == (0, "valid", "timestamp")
    assert doc["signers"][0]["algorithm"] == "gost2004"


def test_verify_pdf_and_human_summary(sandbox_pki: SandboxPKI, tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    _, signer = sandbox_pki.software_signers(SANDBOX_USERS[0])
    pdf = tmp_path / "doc.pdf"
    pdf.write_bytes(sign_pdf(blank_pdf("cli"), signer, reason="r", location="Astana"))
    code, doc = _run(verify_main, [str(pdf), "--trust", str(sandbox_pki.trust_dir)], capsys)
    assert (code, doc["status"]) == (0, "valid")
    assert doc["signers"][0]["whole_document"] is True
    code = verify_main([str(pdf), "--trust", str(sandbox_pki.trust_dir), "--lang", "kk"])
    captured = capsys.readouterr()
    assert code == 0 and captured.out == "" and "ЖАРАМДЫ" in captured.err


def test_verify_console_script(files: dict[str, Path]) -> None:
    script = Path(sys.executable).parent / "sio-desk"
    cmd = ([str(script)] if script.exists()
           else [sys.executable, "-c", "import sys; from app.certcli import verify_main; "
                 "sys.exit(verify_main(sys.argv[1:]))"])
    if script.exists():
        cmd.append("verify")
    done = subprocess.run([*cmd, str(files["pem"]), "--data", str(files["data"]),
                           "--trust", str(files["trust"]), "--json"],
                          capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["status"] == "valid"


# cert-info -----------------------------------------------------------------------------------

@pytest.mark.req("R-AUTH-1")
def test_cert_info_files(capsys: pytest.CaptureFixture[str],
                         monkeypatch: pytest.MonkeyPatch, sandbox_pki: SandboxPKI,
                         tmp_path: Path) -> None:
    auth, signing = sandbox_pki.software_signers(SANDBOX_USERS[0])
    both = tmp_path / "both.pem"
    both.write_bytes(auth.certificate.public_bytes(Encoding.PEM)
                     + signing.certificate.public_bytes(Encoding.PEM))
    code, docs = _run(cert_info_main, [str(both)], capsys)
    assert code == 0 and [d["purpose"] for d in docs] == ["authentication", "signing"]
    assert docs[0]["iin_valid"] is True and docs[0]["test_identity"] is False
    assert "warning" not in docs[0]
    p12 = sandbox_pki.issue_user_p12(SANDBOX_USERS[1], "secret-pw")
    monkeypatch.setenv("P12_PW", "secret-pw")
    code, docs = _run(cert_info_main, [str(p12), "--password-env", "P12_PW"], capsys)
    assert code == 0 and {d["subject"]["iin"] for d in docs} == {SANDBOX_USERS[1].iin}
    code, doc = _run(cert_info_main, [str(p12)], capsys)
    assert code == 2 and "--password-env" in doc["message"]


def test_cert_info_nca_test_identity(capsys: pytest.CaptureFixture[str],
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    if not NCA.is_dir():
        pytest.skip("NCA test data absent")
    gost = str(NCA / "ncanode-kz/KEY_CEO_REVOKED_2015.cert.pem")
    code, doc = _run(cert_info_main, [gost], capsys)
    assert code == 0 and doc["algorithm"] == "gost2015"
    assert (doc["iin_valid"], doc["test_identity"]) == (False, True) and "warning" in doc
    code, doc = _run(cert_info_main, [gost, "--test-trust"], capsys)
    assert doc["test_identity"] is True and "warning" not in doc
    monkeypatch.setenv("NCA_PW", "Qwerty12")
    code, doc = _run(cert_info_main, [
        str(NCA / "ncanode-kz/individual_sign_rsa2004_valid__pw_Qwerty12.p12"),
        "--password-env", "NCA_PW", "--test-trust"], capsys)
    assert code == 0 and doc["subject"]["iin"] == "123456789011"
    # A GOST key file: its certificate is read (RC2-40 bag) although the key is unusable here.
    monkeypatch.setenv("NCA_PW", "Aa123456")
    code, doc = _run(cert_info_main, [
        str(NCA / "ncanode-kz/individual_gost2015_valid__pw_Aa123456.p12"),
        "--password-env", "NCA_PW", "--test-trust"], capsys)
    assert code == 0 and doc["algorithm"] == "gost2015" and doc["subject"]["iin"] == "123456789012"
    monkeypatch.setenv("NCA_PW", "wrong")
    code, doc = _run(cert_info_main, [
        str(NCA / "ncanode-kz/individual_gost2015_valid__pw_Aa123456.p12"),
        "--password-env", "NCA_PW"], capsys)
    assert code != 0 and doc.get("message")


def test_cert_info_token(softhsm_token: ProvisionedToken, capsys: pytest.CaptureFixture[str],
                         monkeypatch: pytest.MonkeyPatch) -> None:
    base = ["--token", "--module", str(softhsm_token.module), "--label", softhsm_token.label]
    code, docs = _run(cert_info_main, base, capsys)
    # Without a PIN: the public certificates (two user keys and the CA).
    assert code == 0 and {d["purpose"] for d in docs} >= {"authentication", "signing"}
    monkeypatch.setenv("TOKEN_PIN", softhsm_token.user_pin)
    code, docs = _run(cert_info_main, [*base, "--pin-env", "TOKEN_PIN"], capsys)
    # With the PIN: exactly the key pairs.
    assert code == 0 and sorted(d["purpose"] for d in docs) == ["authentication", "signing"]


# tokens --------------------------------------------------------------------------------------

def test_tokens(softhsm_token: ProvisionedToken, capsys: pytest.CaptureFixture[str],
                tmp_path: Path) -> None:
    missing = tmp_path / "libnothere.so"
    code, doc = _run(tokens_main, ["--module", str(softhsm_token.module),
                                   "--module", str(missing)], capsys)
    assert code == 0
    by_path = {m["path"]: m for m in doc["modules"]}
    assert by_path[str(missing)]["loaded"] is False and by_path[str(missing)]["error"]
    soft = by_path[str(softhsm_token.module)]
    slot = next(s for s in soft["slots"] if s["label"] == softhsm_token.label)
    assert slot["pin"] == {"count_low": False, "final_try": False, "locked": False}
    assert slot["login_required"] is True
    labels = {c["label"] for c in slot["certificates"]}
    assert any(label.startswith("RSA256_") for label in labels)
    assert all(c["has_public_key"] for c in slot["certificates"] if c["purpose"] != "ca")


def test_tokens_without_any_module(monkeypatch: pytest.MonkeyPatch,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    import signing.pkcs11

    monkeypatch.setattr(signing.pkcs11, "find_modules", lambda configured=(): [])
    monkeypatch.setattr(certcli, "_policy_modules", lambda: [])
    code, doc = _run(tokens_main, [], capsys)
    assert code == 2 and doc["modules"] == []

