"""Detached CMS: our signatures verify here and in OpenSSL; every failure has its code."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import pytest
from asn1crypto import cms as acms

from signing.cms import sign_detached, verify_detached, verify_encapsulated
from signing.errors import SignatureInvalid
from signing.sandbox_pki import SANDBOX_USERS, SandboxPKI, create_sandbox_pki
from signing.signer import SoftwareSigner

DATA = '{"query":"ЖСН 880412410213","nonce":"Ab3"}'.encode()


def _code(cms_der: bytes, data: bytes, pki: SandboxPKI, **kw: object) -> str:
    with pytest.raises(SignatureInvalid) as err:
        verify_detached(cms_der, data, pki.trust_store(), **kw)  # type: ignore[arg-type]
    return err.value.code


def openssl_verify(openssl: str, tmp: Path, cms_der: bytes, data: bytes,
                   root: Path) -> subprocess.CompletedProcess[str]:
    """openssl cms -verify -binary over a detached DER signature."""
    (tmp / "sig.der").write_bytes(cms_der)
    (tmp / "data.bin").write_bytes(data)
    return subprocess.run(
        [openssl, "cms", "-verify", "-binary", "-inform", "DER", "-in", str(tmp / "sig.der"),
         "-content", str(tmp / "data.bin"), "-CAfile", str(root), "-purpose", "any",
         "-out", str(tmp / "out.bin")],
        capture_output=True, text=True,
    )


@pytest.mark.req("R-AUTH-5")
def test_sign_and_verify(sandbox_pki: SandboxPKI) -> None:
    _, signer = sandbox_pki.software_signers(SANDBOX_USERS[0])
    when = dt.datetime(2026, 3, 1, 9, 30, 15, tzinfo=dt.UTC)
    cms_der = sign_detached(DATA, signer, signing_time=when)
    result = verify_detached(cms_der, DATA, sandbox_pki.trust_store(), purpose="signing")
    assert result.certificate == signer.certificate
    assert result.profile.iin == SANDBOX_USERS[0].iin
    assert result.signing_time == when
    assert result.chain == [signer.certificate, sandbox_pki.intermediate, sandbox_pki.root]


@pytest.mark.req("R-AUTH-5")
def test_structure_is_detached_cades_bes(sandbox_pki: SandboxPKI) -> None:
    import hashlib

    from cryptography.hazmat.primitives.serialization import Encoding

    _, signer = sandbox_pki.software_signers(SANDBOX_USERS[0])
    info = acms.ContentInfo.load(sign_detached(DATA, signer), strict=True)
    signed = info["content"]
    assert info["content_type"].native == "signed_data"
    assert signed["encap_content_info"]["content"].native is None
    assert [c.chosen.dump() for c in signed["certificates"]] == [
        signer.certificate.public_bytes(Encoding.DER),
        sandbox_pki.intermediate.public_bytes(Encoding.DER),
    ]
    si = signed["signer_infos"][0]
    attrs = {a["type"].native: a["values"][0] for a in si["signed_attrs"]}
    assert set(attrs) == {"content_type", "message_digest", "signing_time",
                          "signing_certificate_v2"}
    assert attrs["message_digest"].native == hashlib.sha256(DATA).digest()
    ess = attrs["signing_certificate_v2"]["certs"][0]
    assert ess["cert_hash"].native == hashlib.sha256(
        signer.certificate.public_bytes(Encoding.DER)).digest()
    assert si["signature_algorithm"]["algorithm"].native == "sha256_rsa"


def test_openssl_verifies_our_signature(sandbox_pki: SandboxPKI, openssl: str,
                                        tmp_path: Path) -> None:
    auth, _ = sandbox_pki.software_signers(SANDBOX_USERS[1])
    cms_der = sign_detached(DATA, auth)
    ok = openssl_verify(openssl, tmp_path, cms_der, DATA, sandbox_pki.root_path)
    assert ok.returncode == 0, ok.stderr
    assert "Verification successful" in ok.stderr
    bad = openssl_verify(openssl, tmp_path, cms_der, DATA + b" ", sandbox_pki.root_path)
    assert bad.returncode != 0


def test_one_changed_byte_is_digest_mismatch(sandbox_pki: SandboxPKI) -> None:
    _, signer = sandbox_pki.software_signers(SANDBOX_USERS[0])
    cms_der = sign_detached(DATA, signer)
    changed = bytearray(DATA)
    changed[5] ^= 0x01
    assert _code(cms_der, bytes(changed), sandbox_pki) == "digest_mismatch"


def test_tampered_signature_is_bad_signature(sandbox_pki: SandboxPKI) -> None:
    _, signer = sandbox_pki.software_signers(SANDBOX_USERS[0])
    cms_der = bytearray(sign_detached(DATA, signer))
    # The signature OCTET STRING (256 bytes for RSA-2048) closes the structure.
    assert len(signer.sign_raw(b"x")) == 256
    cms_der[-10] ^= 0xFF
    assert _code(bytes(cms_der), DATA, sandbox_pki) == "bad_signature"


def test_swapped_certificate_is_caught(sandbox_pki: SandboxPKI) -> None:
    # Sign with one key but ship another certificate for the same person.
    auth, signing = sandbox_pki.software_signers(SANDBOX_USERS[0])

    class Liar:
        certificate = auth.certificate
        chain = signing.chain

        def sign_raw(self, data: bytes) -> bytes:
            return signing.sign_raw(data)

    assert _code(sign_detached(DATA, Liar()), DATA, sandbox_pki) == "bad_signature"


@pytest.mark.req("R-AUTH-1")
def test_wrong_purpose(sandbox_pki: SandboxPKI) -> None:
    auth, signing = sandbox_pki.software_signers(SANDBOX_USERS[0])
    assert _code(sign_detached(DATA, auth), DATA, sandbox_pki,
                 purpose="signing") == "wrong_key_usage"
    assert _code(sign_detached(DATA, signing), DATA, sandbox_pki,
                 purpose="authentication") == "wrong_key_usage"
    verify_detached(sign_detached(DATA, auth), DATA, sandbox_pki.trust_store(),
                    purpose="authentication")


def test_untrusted_root(sandbox_pki: SandboxPKI, tmp_path: Path) -> None:
    foreign = create_sandbox_pki(tmp_path / "foreign")
    _, signer = foreign.software_signers(SANDBOX_USERS[0])
    assert _code(sign_detached(DATA, signer), DATA, sandbox_pki) == "untrusted"


def test_expired_and_revoked_signer(sandbox_pki: SandboxPKI) -> None:
    from cryptography.hazmat.primitives.asymmetric import rsa

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    cert = sandbox_pki.issue_user_certificate(SANDBOX_USERS[2], key.public_key(), "signing")
    signer = SoftwareSigner(key, cert, [sandbox_pki.intermediate])
    cms_der = sign_detached(DATA, signer)
    later = dt.datetime.now(dt.UTC) + dt.timedelta(days=800)
    assert _code(cms_der, DATA, sandbox_pki, at=later) == "expired"
    sandbox_pki.revoke(cert)
    assert _code(cms_der, DATA, sandbox_pki) == "revoked"


@pytest.mark.parametrize("blob", [b"", b"\x30\x03\x02\x01\x01", b"garbage" * 10])
def test_malformed(sandbox_pki: SandboxPKI, blob: bytes) -> None:
    assert _code(blob, DATA, sandbox_pki) == "malformed"


def test_attached_signature_is_malformed(sandbox_pki: SandboxPKI) -> None:
    _, signer = sandbox_pki.software_signers(SANDBOX_USERS[0])
    info = acms.ContentInfo.load(sign_detached(DATA, signer))
    signed = info["content"]
    signed["encap_content_info"] = {"content_type": "data", "content": DATA}
    attached = acms.ContentInfo({"content_type": "signed_data", "content": signed}).dump(
        force=True)
    with pytest.raises(SignatureInvalid) as err:
        verify_detached(attached, DATA, sandbox_pki.trust_store())
    assert err.value.code == "malformed"
    assert "not detached" in str(err.value)


def test_real_gost_cms_against_another_trust_store(sandbox_pki: SandboxPKI,
                                                   nca_test_dir: Path) -> None:
    # A real NCA GOST-2004 CMS (a TSP token): its signature checks out (issue 12), but the
    # sandbox anchors do not vouch for NCA's test CA; as a detached signature it is malformed.
    blob = (nca_test_dir / "ca-test/ocsp-tsp/tsp_token.bin").read_bytes()
    assert _code(blob, b"", sandbox_pki) == "malformed"
    with pytest.raises(SignatureInvalid) as err:
        verify_encapsulated(blob, sandbox_pki.trust_store(), content_type="tst_info")
    assert err.value.code == "untrusted"


def test_gost_digest_in_our_structure_is_unsupported(sandbox_pki: SandboxPKI) -> None:
    _, signer = sandbox_pki.software_signers(SANDBOX_USERS[0])
    info = acms.ContentInfo.load(sign_detached(DATA, signer))
    si = info["content"]["signer_infos"][0]
    si["digest_algorithm"] = {"algorithm": "1.2.398.3.10.1.3.1"}
    assert _code(info.dump(force=True), DATA, sandbox_pki) == "unsupported_algorithm"


def test_chain_and_cache_follow_the_signer(sandbox_pki: SandboxPKI) -> None:
    # Two signers with the same certificate object but different chains get their own chain.
    _, signing = sandbox_pki.software_signers(SANDBOX_USERS[0])
    bare = SoftwareSigner(signing.private_key, signing.certificate, [])  # type: ignore[attr-defined]
    full = sign_detached(DATA, signing)
    short = sign_detached(DATA, bare)
    assert len(acms.ContentInfo.load(short)["content"]["certificates"]) == 1
    assert len(acms.ContentInfo.load(full)["content"]["certificates"]) == 2
    # Without the intermediate in the CMS, the trust store supplies it.
    verify_detached(short, DATA, sandbox_pki.trust_store())
