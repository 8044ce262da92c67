"""Issue 10: what signing.crl and signing.cms cache for the gateway's per-query check answers as
the uncached check: a CRL's signature per (CRL object, issuer), RSA and GOST, a wrong issuer
still refused; the signer's issuer matched by DER or, failing that, by RFC 5280 comparison."""

from __future__ import annotations

from typing import Any

import pytest
from asn1crypto import x509 as ax509
from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding

from signing import crl as crl_module
from signing.cms import _same_name
from signing.sandbox_gost import GostSandbox
from signing.sandbox_pki import SandboxPKI, create_sandbox_pki


@pytest.fixture(scope="module")
def cas(tmp_path_factory: pytest.TempPathFactory) -> tuple[GostSandbox, SandboxPKI]:
    root = tmp_path_factory.mktemp("crl-cache")
    return GostSandbox(root / "gost"), create_sandbox_pki(root / "foreign")


def _counting(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Record each real signature check signing.crl makes."""
    calls: list[Any] = []
    real = crl_module._check_signature

    def check(crl: x509.CertificateRevocationList, issuer: x509.Certificate) -> Any:
        calls.append(crl)
        return real(crl, issuer)

    monkeypatch.setattr(crl_module, "_check_signature", check)
    return calls


@pytest.mark.req("R-AUTH-1")
@pytest.mark.parametrize("kind", ["rsa", "gost"])
def test_crl_signature_checked_once_per_list(sandbox_pki: SandboxPKI, kind: str,
                                             cas: tuple[GostSandbox, SandboxPKI],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    gost, _ = cas
    crl, issuer = ((sandbox_pki.crl, sandbox_pki.intermediate) if kind == "rsa"
                   else (gost.crl, gost.ca))
    calls = _counting(monkeypatch)
    fresh = x509.load_der_x509_crl(crl.public_bytes(Encoding.DER))  # never seen before
    for _ in range(3):
        assert crl_module.signature_status(fresh, issuer) == "valid"
    assert calls == [fresh]
    # The same bytes as another object: checked again (the cache is per object), same answer.
    again = x509.load_der_x509_crl(crl.public_bytes(Encoding.DER))
    assert crl_module.signature_status(again, issuer) == "valid"
    assert calls == [fresh, again]


@pytest.mark.req("R-AUTH-1")
def test_crl_of_another_key_stays_refused(sandbox_pki: SandboxPKI,
                                          cas: tuple[GostSandbox, SandboxPKI],
                                          ) -> None:
    gost, foreign = cas
    # The foreign sandbox's intermediate has the same name as ours but another key.
    assert foreign.intermediate.subject == sandbox_pki.intermediate.subject
    for _ in range(2):  # refused when checked, and refused when answered from the cache
        assert crl_module.signature_status(foreign.crl, sandbox_pki.intermediate) is None
        assert crl_module.signature_status(sandbox_pki.crl, foreign.intermediate) is None
        assert crl_module.signature_status(gost.crl, sandbox_pki.intermediate) is None
    # A CRL of a foreign key says nothing about our certificates, cached or not.
    status = crl_module.revocation_check(sandbox_pki.intermediate, [foreign.crl],
                                         sandbox_pki.crl.last_update_utc, foreign.intermediate)
    assert status.status == "unknown"


def _name(cn: str, *, printable: bool = False) -> ax509.Name:
    return ax509.Name.build({"country_name": "KZ", "common_name": cn}, use_printable=printable)


def test_issuer_matched_by_der_or_by_rfc5280() -> None:
    plain = _name("ҰЛТТЫҚ КУӘЛАНДЫРУШЫ ОРТАЛЫҚ (RSA)")
    assert _same_name(plain, _name("ҰЛТТЫҚ КУӘЛАНДЫРУШЫ ОРТАЛЫҚ (RSA)"))
    # The same name in another case and spacing: the DER differs, RFC 5280 says equal.
    other = _name("ұлттық  куәландырушы орталық (rsa)")
    assert plain.dump() != other.dump() and _same_name(plain, other)
    latin = _name("NATIONAL CA", printable=True)
    assert _same_name(latin, _name("national  ca"))
    assert not _same_name(plain, _name("ҰЛТТЫҚ КУӘЛАНДЫРУШЫ ОРТАЛЫҚ (GOST)"))
    assert not _same_name(latin, _name("NATIONAL CA 2"))
