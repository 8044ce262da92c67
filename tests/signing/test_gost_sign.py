"""Issue 12 (Sign): the sandbox's GOST 34.10-2015 branch — a CA shaped like NCA's 2022 one, GOST
analysts with one key, GOST-signed CMS — and the gateway accepting GOST-signed requests."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from asn1crypto import cms as acms

from gateway.config import GatewayConfig
from gateway.context import RequestContext
from gateway.problems import Refusal
from gateway.verify import verify_signature
from signing.cms import sign_detached, verify_detached
from signing.der import tlv
from signing.errors import SignatureInvalid, SigningError
from signing.gost.certs import certificate_signed_by, crl_signed_by
from signing.gost.nca import OID_HASH_STREEBOG512, OID_SIG_GOST2015_512
from signing.profile import EMAIL_PROTECTION, profile_of
from signing.sandbox_gost import GostSandbox, gost_sandbox
from signing.sandbox_pki import SANDBOX_USERS, SandboxPKI

DATA = b'{"resource":1,"params":{"iin":"900101300123"}}'


@pytest.fixture(scope="module")
def gost(tmp_path_factory: pytest.TempPathFactory) -> GostSandbox:
    return gost_sandbox(tmp_path_factory.mktemp("gost-pki"))


def test_gost_ca_and_analyst_look_like_nca_2022(gost: GostSandbox) -> None:
    assert certificate_signed_by(gost.ca, gost.ca)
    assert crl_signed_by(gost.crl, gost.ca)
    signer = gost.signer(SANDBOX_USERS[0])
    profile = profile_of(signer.certificate)
    assert (profile.algorithm, profile.key_bits) == ("gost2015", 512)
    assert profile.purpose == "signing_and_authentication"  # one key (NCA-EDS §2.4)
    assert EMAIL_PROTECTION in profile.ext_key_usage
    assert profile.iin == SANDBOX_USERS[0].iin
    checked = gost.trust_store().check(signer.certificate, dt.datetime.now(dt.UTC))
    assert [d.status for d in checked.revocation] == ["good"]
    again = gost_sandbox(gost.directory.parent)  # reloaded from its files
    assert again.ca == gost.ca and again.signer(SANDBOX_USERS[0]).certificate == \
        signer.certificate


@pytest.mark.req("R-AUTH-5")
@pytest.mark.usefixtures("gost_backend")
def test_gost_cms_sign_and_verify(gost: GostSandbox) -> None:
    signer = gost.signer(SANDBOX_USERS[0])
    der = sign_detached(DATA, signer)
    si = acms.ContentInfo.load(der)["content"]["signer_infos"][0]
    assert si["digest_algorithm"]["algorithm"].dotted == OID_HASH_STREEBOG512
    assert si["signature_algorithm"]["algorithm"].dotted == OID_SIG_GOST2015_512
    store = gost.trust_store()
    for purpose in ("authentication", "signing"):
        verified = verify_detached(der, DATA, store, purpose=purpose)  # type: ignore[arg-type]
        assert verified.profile.iin == SANDBOX_USERS[0].iin
    with pytest.raises(SignatureInvalid) as err:
        verify_detached(der, DATA + b" ", store)
    assert err.value.code == "digest_mismatch"
    changed = bytearray(der)
    at = der.rfind(si["signature"].native)
    changed[at + 10] ^= 1
    with pytest.raises(SignatureInvalid) as err:
        verify_detached(bytes(changed), DATA, store)
    assert err.value.code == "bad_signature"


@pytest.mark.req("R-AUTH-1")
def test_revoked_gost_analyst_is_refused(tmp_path: Path) -> None:
    gost = gost_sandbox(tmp_path)
    signer = gost.signer(SANDBOX_USERS[1])
    der = sign_detached(DATA, signer)
    verify_detached(der, DATA, gost.trust_store())
    gost.revoke(signer.certificate)
    with pytest.raises(SignatureInvalid) as err:
        verify_detached(der, DATA, gost.trust_store())
    assert err.value.code == "revoked"


@pytest.mark.req("R-AUTH-5")
def test_gateway_accepts_gost_signed_logins_and_queries(gost: GostSandbox,
                                                        sandbox_pki: SandboxPKI) -> None:
    config = GatewayConfig(trust=gost.trust_store, operator_signer=sandbox_pki.operator_signer())
    signer = gost.signer(SANDBOX_USERS[0])
    for purpose in ("authentication", "signing"):
        ctx = RequestContext(endpoint="/v1/test")
        profile = verify_signature(sign_detached(DATA, signer), DATA, config,
                                   purpose=purpose, ctx=ctx)  # type: ignore[arg-type]
        assert ctx.actor_iin == profile.iin == SANDBOX_USERS[0].iin
    # An RSA-only trust store does not know the GOST CA: refused, not crashed.
    rsa_only = GatewayConfig(trust=sandbox_pki.trust_store,
                             operator_signer=sandbox_pki.operator_signer())
    with pytest.raises(Refusal):
        verify_signature(sign_detached(DATA, signer), DATA, rsa_only, purpose="signing",
                         ctx=RequestContext(endpoint="/v1/test"))


@pytest.mark.usefixtures("gost_backend")
def test_gost_pades_sign_and_verify(gost: GostSandbox, sandbox_pki: SandboxPKI) -> None:
    from signing.pades import blank_pdf, sign_pdf, verify_pdf

    signer = gost.signer(SANDBOX_USERS[0])
    signed = sign_pdf(blank_pdf("GOST PAdES"), signer, reason="test", location="Astana")
    report = verify_pdf(signed, gost.trust_store())
    assert (report.status, report.signatures[0].algorithm) == ("valid", OID_SIG_GOST2015_512)
    assert report.signatures[0].profile is not None
    assert report.signatures[0].profile.iin == SANDBOX_USERS[0].iin
    # A second signature in an incremental update: both valid, the first no longer whole.
    twice = sign_pdf(signed, signer, reason="again", location="Astana", field_name="Second")
    report = verify_pdf(twice, gost.trust_store())
    assert report.status == "valid"
    assert [s.whole_document for s in report.signatures] == [False, True]
    # One changed byte of the signed document: invalid.
    changed = bytearray(signed)
    changed[signed.find(b"GOST PAdES")] ^= 1
    assert verify_pdf(bytes(changed), gost.trust_store()).status == "invalid"
    # Trusted by nobody here: untrusted, not valid.
    assert verify_pdf(signed, sandbox_pki.trust_store()).status == "untrusted"
    # An unreachable TSA: no B-T signature, and no quiet fall back to B-B.
    with pytest.raises(SigningError) as err:
        sign_pdf(blank_pdf(), signer, reason="t", location="l", timestamper="http://127.0.0.1:9")
    assert err.value.code == "timestamp_failed"


@pytest.mark.req("R-AUTH-1")
def test_sandbox_trusts_its_gost_ca_and_keeps_its_crl_fresh(tmp_path: Path) -> None:
    from cryptography import x509

    from gateway.config import SandboxTrust
    from signing.sandbox_pki import create_sandbox_pki

    pki = create_sandbox_pki(tmp_path)
    gost = pki.install_gost()
    trust = SandboxTrust(pki)  # what a sandbox gateway verifies against
    signer = gost.signer(SANDBOX_USERS[2])
    _, rsa_signer = pki.software_signers(SANDBOX_USERS[2])
    config = GatewayConfig(trust=trust, operator_signer=pki.operator_signer())
    for who in (signer, rsa_signer):
        profile = verify_signature(sign_detached(DATA, who), DATA, config, purpose="signing",
                                   ctx=RequestContext(endpoint="/v1/test"))
        assert profile.iin == SANDBOX_USERS[2].iin
    number = gost.crl.extensions.get_extension_for_class(x509.CRLNumber).value.crl_number
    assert pki.refresh_crls(force=True)
    on_disk = x509.load_der_x509_crl((pki.trust_dir / "gost_ca.crl").read_bytes())
    assert on_disk.extensions.get_extension_for_class(x509.CRLNumber).value.crl_number > number
    gost.revoke(signer.certificate)
    gost.install(pki.trust_dir)
    with pytest.raises(Refusal):
        verify_signature(sign_detached(DATA, signer), DATA, config, purpose="signing",
                         ctx=RequestContext(endpoint="/v1/test"))


@pytest.mark.usefixtures("gost_backend")
def test_gost_pades_b_t(gost: GostSandbox, sandbox_pki: SandboxPKI) -> None:
    # B-T: a loopback RFC 3161 TSA (RSA, issued by the sandbox intermediate) stamps the GOST
    # signature value; the stamp is checked, and a changed byte in it makes the PDF invalid.
    from cryptography.hazmat.primitives.asymmetric import rsa as crsa
    from cryptography.hazmat.primitives.serialization import load_pem_private_key

    from signing.pades import blank_pdf, sign_pdf, verify_pdf
    from signing.trust import TrustStore
    from tests.signing.tsa_server import TsaConfig, issue_tsa_certificate, tsa_server

    inter_key = load_pem_private_key(
        (sandbox_pki.directory / "ca" / "intermediate.key").read_bytes(), password=None)
    assert isinstance(inter_key, crsa.RSAPrivateKey)
    key = crsa.generate_private_key(public_exponent=65537, key_size=2048)
    tsa = TsaConfig(key=key, cert=issue_tsa_certificate(sandbox_pki.intermediate, inter_key, key),
                    chain=[sandbox_pki.intermediate])
    rsa_store = sandbox_pki.trust_store()
    store = TrustStore([*rsa_store.anchors, gost.ca], rsa_store.intermediates,
                       [*rsa_store.crls, gost.crl])
    with tsa_server(tsa) as url:
        signed = sign_pdf(blank_pdf("GOST B-T"), gost.signer(SANDBOX_USERS[0]), reason="t",
                          location="Astana", timestamper=url)
    report = verify_pdf(signed, store)
    assert report.status == "valid" and report.signatures[0].timestamped
    # /Contents is hex: change one digit inside the TSA certificate's signature in the token.
    at = signed.lower().find(tsa.cert.signature.hex().encode())
    assert at > 0
    changed = bytearray(signed)
    changed[at + 20] = ord("0") if changed[at + 20] != ord("0") else ord("1")
    report = verify_pdf(bytes(changed), store)
    assert report.status == "invalid" and "time-stamp" in report.reason


def test_gost_analyst_key_file_opens_like_ncas(gost: GostSandbox) -> None:
    # The sandbox writes a GOST key file in NCA's layout; the file-key token (and the reader
    # established on NCA's own files) opens it and its signatures verify.
    from signing.filekey import FileKeyToken, gost_p12_keys
    from signing.token import pick

    path = gost.issue_user_p12(SANDBOX_USERS[0], "Qwerty12")
    ((d, cert),) = gost_p12_keys(path.read_bytes(), "Qwerty12")
    assert cert == gost.signer(SANDBOX_USERS[0]).certificate and d > 0
    token = FileKeyToken(path, sandbox=True)
    token.login("Qwerty12")
    pair = pick(token.keypairs(), "authentication")  # the one GOST key serves sign-in too
    signer = token.signer(pair)
    assert signer.chain == [gost.ca]
    verify_detached(sign_detached(DATA, signer), DATA, gost.trust_store(), purpose="signing")


@pytest.mark.parametrize("where", ["public_key", "signature_length", "digest_oid"])
def test_broken_gost_cms_is_refused_cleanly(gost: GostSandbox, where: str) -> None:
    # Whatever part of a GOST CMS is broken, the answer is a verification code, never a crash.
    from asn1crypto import core

    from signing.gost.nca import OID_HASH_GOST94

    signer = gost.signer(SANDBOX_USERS[0])
    der = sign_detached(DATA, signer)
    if where == "public_key":  # the leaf's point moved off the curve
        at = der.find(signer.key.public.point_bytes())
        der = der[:at + 3] + bytes([der[at + 3] ^ 0x40]) + der[at + 4:]
    elif where == "signature_length":  # the signature one byte short
        der = _signer_info_field(der, 5, lambda field: tlv(0x04, children_value(field)[:-1]))
    else:  # a GOST 34.311-95 digest OID with a GOST 2015 signature
        old = core.ObjectIdentifier(OID_HASH_STREEBOG512).dump()
        der = der.replace(old, core.ObjectIdentifier(OID_HASH_GOST94).dump())
    with pytest.raises(SignatureInvalid) as err:
        verify_detached(der, DATA, gost.trust_store())
    assert err.value.code == {"public_key": "bad_signature", "signature_length": "bad_signature",
                              "digest_oid": "malformed"}[where], err.value


def children_value(element: bytes) -> bytes:
    """The contents of one DER element."""
    from signing.der import bounds

    start, end = bounds(element)
    return element[start:end]


def _signer_info_field(der: bytes, index: int, change: Callable[[bytes], bytes]) -> bytes:
    """The CMS with field ``index`` of its SignerInfo replaced (lengths re-encoded)."""
    from signing.der import children

    outer = children(der)
    signed = children(children(outer[1])[0])
    fields = children(children(signed[-1])[0])
    fields[index] = change(fields[index])
    signed[-1] = tlv(0x31, tlv(0x30, b"".join(fields)))
    return tlv(0x30, outer[0] + tlv(0xA0, tlv(0x30, b"".join(signed))))
