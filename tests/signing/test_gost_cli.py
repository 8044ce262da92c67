"""Issue 12: `sio-desk verify FILE` detects CMS, time-stamp, certificate, CRL and OCSP reply and
checks each GOST sample; one changed byte turns it invalid (exit 1)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from asn1crypto import cms as acms
from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding
from cryptography.x509 import ocsp as cocsp

from app.certcli import verify_main
from signing.documents import detect
from signing.errors import SignatureInvalid
from signing.profile import load_certificate

pytestmark = pytest.mark.req("R-AUTH-1")
AT = "2022-09-02T12:00:00Z"
SAMPLES = [  # file, trust (CA + CRL), kind
    ("ncanode-kz/repo_ceo_valid_sign_2004_gost.cer", "2004", "certificate"),
    ("ncanode-kz/KEY_INDIVIDUAL_VALID_2015.cert.pem", "2015", "certificate"),
    ("ca-test/nca_gost_test.crl", "2004", "crl"),
    ("ca-test/nca_gost2022_test.crl", "2015", "crl"),
    ("ca-test/ocsp-tsp/ocsp_response_ceo_sign_2004_revoked.bin", "2004", "ocsp"),
    ("ca-test/ocsp-tsp/ocsp_response_ceo_2015_revoked.bin", "2015", "ocsp"),
    ("ca-test/ocsp-tsp/ocsp_response_individual_2015.bin", "2015", "ocsp"),
    ("ca-test/ocsp-tsp/tsp_token.bin", "2004", "timestamp"),
    ("ca-test/ocsp-tsp/tsp_response.bin", "2004", "timestamp"),
]
TRUST = {
    "2004": ("ca-test/nca_gost_test__UKO3.0_GOST_TEST.pem", "ca-test/nca_gost_test.crl"),
    "2015": ("ca-test/nca_gost2022_test__ULTTYQ_GOST_TEST_2022.der.cer",
             "ca-test/nca_gost2022_test.crl"),
}


def _trust(nca: Path, tmp_path: Path, generation: str) -> Path:
    folder = tmp_path / f"trust{generation}"
    folder.mkdir()
    for name in TRUST[generation]:
        shutil.copy(nca / name, folder / Path(name).name)
    return folder


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, dict]:
    code = verify_main([*argv, "--json"])
    return code, json.loads(capsys.readouterr().out)


def _signature_of(kind: str, der: bytes) -> bytes:
    if kind == "certificate":
        return x509.load_der_x509_certificate(der).signature
    if kind == "crl":
        return x509.load_der_x509_crl(der).signature
    if kind == "ocsp":
        return cocsp.load_der_ocsp_response(der).signature
    return bytes(acms.ContentInfo.load(detect(der).der)["content"]["signer_infos"][0]
                 ["signature"].native)


@pytest.mark.usefixtures("gost_backend")
@pytest.mark.parametrize(("name", "generation", "kind"), SAMPLES)
def test_verify_cli_gost_file(nca_test_dir: Path, tmp_path: Path,
                              capsys: pytest.CaptureFixture[str], name: str, generation: str,
                              kind: str) -> None:
    trust = _trust(nca_test_dir, tmp_path, generation)
    raw = (nca_test_dir / name).read_bytes()
    if raw[:1] != b"\x30":  # PEM: change a byte of its DER
        raw = load_certificate(raw).public_bytes(Encoding.DER)
    argv = ["--trust", str(trust), "--at", AT]
    code, doc = _run([str(nca_test_dir / name), *argv], capsys)
    assert (code, doc["status"], doc["kind"]) == (0, "valid", kind), doc
    assert doc["signers"] or doc.get("signed_by")
    # One changed byte in the signature: invalid (exit 1).
    signature = _signature_of(kind, raw)
    at = raw.rfind(signature)
    changed = bytearray(raw)
    changed[at + len(signature) // 2] ^= 1
    bad = tmp_path / "changed.bin"
    bad.write_bytes(bytes(changed))
    code, doc = _run([str(bad), *argv], capsys)
    assert code == 1 and doc["status"] in ("invalid", "untrusted"), doc


def test_verify_cli_detects_kinds_and_refuses_junk(nca_test_dir: Path, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    junk = tmp_path / "junk.bin"
    junk.write_bytes(b"\x30\x03\x02\x01\x05")
    code, doc = _run([str(junk), "--trust", str(tmp_path)], capsys)
    assert (code, doc["status"], doc["code"]) == (1, "invalid", "malformed")
    with pytest.raises(SignatureInvalid):
        detect(b"hello")
    # A PEM file with a chain after the certificate: the first block is the certificate.
    leaf = (nca_test_dir / "ncanode-kz/KEY_INDIVIDUAL_VALID_2015.cert.pem").read_bytes()
    ca = x509.load_der_x509_certificate(
        (nca_test_dir / TRUST["2015"][0]).read_bytes()).public_bytes(Encoding.PEM)
    found = detect(leaf + ca)
    assert found.kind == "certificate"
    assert found.der == load_certificate(leaf).public_bytes(Encoding.DER)
    # An OCSP reply checked with a trust store lacking its CA: untrusted, not valid.
    reply = nca_test_dir / "ca-test/ocsp-tsp/ocsp_response_ceo_2015_revoked.bin"
    code, doc = _run([str(reply), "--trust", str(_trust(nca_test_dir, tmp_path, "2004")),
                      "--at", AT], capsys)
    assert code == 1 and doc["status"] == "untrusted"
