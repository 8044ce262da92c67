"""Our chain + revocation decision against pyhanko-certvalidator on the same inputs (issue 9).

signing.trust keeps its own path and revocation code (GOST links, delta CRLs without a
FreshestCRL pointer, NCA's OCSP quirks, stable refusal codes). This test feeds the same
anchors, CRLs and OCSP replies to pyhanko-certvalidator and demands the same verdict:
valid, revoked, expired, stale, missing and "published later" cases over the real NCA test CRLs
and the sandbox PKI's CRLs.

Mapping of the policies (pyhanko_certvalidator.policy_decl, context.py):
- our hard_fail needs an answer for *every* certificate below the anchor, which is pyhanko's
  ``revocation_mode="require"``; its "hard-fail" only checks certificates that name a CRL or
  OCSP location. Every certificate here names one, so both modes are run and must agree.
- our ``later_crls`` (a CRL published after the moment checked decides it) is pyhanko's
  ``retroactive_revinfo``; both settings are compared.
Deliberate differences are pinned, not hidden: a CRL published after a certificate expired
need not list it (RFC 5280 §5), so we say "unknown" where retroactive pyhanko says good; and a
stale CRL that names a revocation made before the moment checked still proves it, so we say
"revoked" where pyhanko says "unknown" (both refuse; ours names the better reason). A fresh
base CRL whose FreshestCRL names a delta we do not hold decides alone for us (deltas are applied
when present, as before); pyhanko wants the delta.

For the NCA data the issuing CA itself is the anchor (the NCA test root is not at hand), and
pyhanko cannot place a CRL whose issuer is a trust anchor that is not self-signed
(``ValidationPath.truncate_to_issuer_and_append`` looks for the issuer of the anchor's own
certificate): the ``anchor_crl_issuer`` fixture teaches it that one case, the way it already
treats a self-signed anchor. signing.pades notes the same limitation.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from asn1crypto import crl as acrl
from asn1crypto import ocsp as aocsp
from asn1crypto import x509 as ax509
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import Encoding
from cryptography.x509 import ocsp

from signing.crl import load_crl_file
from signing.errors import SignatureInvalid
from signing.sandbox_pki import SANDBOX_USERS, SandboxPKI, create_sandbox_pki
from signing.trust import RevocationPolicy, TrustStore

pyhanko_certvalidator = pytest.importorskip("pyhanko_certvalidator")

NOW = dt.datetime.now(dt.UTC).replace(microsecond=0)
HOUR, DAY = dt.timedelta(hours=1), dt.timedelta(days=1)
VERDICTS = {"revoked": "revoked", "revocation_unknown": "unknown", "expired": "expired",
            "not_yet_valid": "not_yet_valid", "untrusted": "untrusted"}


@dataclass
class Case:
    """One input: a leaf, its anchors/intermediates, CRLs and OCSP replies, and a moment."""

    leaf: x509.Certificate
    anchors: list[x509.Certificate]
    at: dt.datetime
    intermediates: list[x509.Certificate] = field(default_factory=list)
    crls: list[x509.CertificateRevocationList] = field(default_factory=list)
    ocsps: list[bytes] = field(default_factory=list)


def ours(case: Case, *, later: bool) -> str:
    store = TrustStore(case.anchors, case.intermediates, case.crls, ocsp_responses=case.ocsps,
                       policy=RevocationPolicy("hard_fail", later_crls=later))
    try:
        store.validate(case.leaf, case.at)
    except SignatureInvalid as exc:
        return VERDICTS.get(exc.code, exc.code)
    return "good"


def theirs(case: Case, *, retroactive: bool, mode: str = "require") -> str:
    from pyhanko_certvalidator import CertificateValidator, ValidationContext
    from pyhanko_certvalidator.errors import (
        ExpiredError,
        InsufficientRevinfoError,
        NotYetValidError,
        PathBuildingError,
        RevokedError,
    )

    def a(cert: x509.Certificate) -> ax509.Certificate:
        return ax509.Certificate.load(cert.public_bytes(Encoding.DER))

    context = ValidationContext(
        trust_roots=[a(c) for c in case.anchors],
        other_certs=[a(c) for c in case.intermediates],
        crls=[acrl.CertificateList.load(c.public_bytes(Encoding.DER)) for c in case.crls],
        ocsps=[aocsp.OCSPResponse.load(o) for o in case.ocsps],
        moment=case.at, allow_fetching=False, revocation_mode=mode,
        retroactive_revinfo=retroactive,
    )
    validator = CertificateValidator(a(case.leaf), validation_context=context)
    try:
        asyncio.run(validator.async_validate_path())
    except RevokedError:
        return "revoked"
    except InsufficientRevinfoError:  # StaleRevinfoError included
        return "unknown"
    except ExpiredError:
        return "expired"
    except NotYetValidError:
        return "not_yet_valid"
    except PathBuildingError:
        return "untrusted"
    return "good"


def assert_agree(case: Case, expected: str, *, later: bool | None = None) -> None:
    """Ours and pyhanko's verdicts equal ``expected`` (for one or both ``later`` settings)."""
    for flag in ((False, True) if later is None else (later,)):
        got = {"ours": ours(case, later=flag),
               "pyhanko require": theirs(case, retroactive=flag),
               "pyhanko hard-fail": theirs(case, retroactive=flag, mode="hard-fail")}
        assert set(got.values()) == {expected}, (flag, got)


# The sandbox PKI ------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> SandboxPKI:
    return create_sandbox_pki(tmp_path_factory.mktemp("differential-pki"))


def _crl(pki: SandboxPKI, *, issuer: str = "intermediate", published: dt.datetime,
         valid_for: dt.timedelta = DAY, revoked: dict[int, dt.datetime] | None = None,
         number: int = 1, key: rsa.RSAPrivateKey | None = None, delta_of: int | None = None,
         freshest: bool = False) -> x509.CertificateRevocationList:
    ca = pki.intermediate if issuer == "intermediate" else pki.root
    signing_key = key or (pki._intermediate_key if issuer == "intermediate" else pki._root_key)
    assert signing_key is not None
    builder = (
        x509.CertificateRevocationListBuilder()
        .issuer_name(ca.subject)
        .last_update(published)
        .next_update(published + valid_for)
        .add_extension(x509.CRLNumber(number), False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(
            signing_key.public_key()), False)  # type: ignore[arg-type]
    )
    if delta_of is not None:
        builder = builder.add_extension(x509.DeltaCRLIndicator(delta_of), True)
    if freshest:  # pyhanko looks for a delta only where the base points at one
        builder = builder.add_extension(x509.FreshestCRL([x509.DistributionPoint(
            [x509.UniformResourceIdentifier("http://pki.sandbox.invalid/crl/delta.crl")],
            None, None, None)]), False)
    for serial, when in (revoked or {}).items():
        builder = builder.add_revoked_certificate(
            x509.RevokedCertificateBuilder().serial_number(serial).revocation_date(when)
            .add_extension(x509.CRLReason(x509.ReasonFlags.key_compromise), False).build())
    return builder.sign(signing_key, hashes.SHA256())  # type: ignore[arg-type]


def _ocsp(pki: SandboxPKI, cert: x509.Certificate, *, produced: dt.datetime,
          revoked_at: dt.datetime | None = None) -> bytes:
    status = ocsp.OCSPCertStatus.REVOKED if revoked_at else ocsp.OCSPCertStatus.GOOD
    return (
        ocsp.OCSPResponseBuilder()
        .add_response(cert=cert, issuer=pki.intermediate, algorithm=hashes.SHA256(),
                      cert_status=status, this_update=produced,
                      next_update=produced + HOUR, revocation_time=revoked_at,
                      revocation_reason=(x509.ReasonFlags.key_compromise if revoked_at
                                         else None))
        .responder_id(ocsp.OCSPResponderEncoding.HASH, pki.intermediate)
        .sign(pki._intermediate_key, hashes.SHA256())
        .public_bytes(Encoding.DER)
    )


def _leaf(pki: SandboxPKI) -> x509.Certificate:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return pki.issue_user_certificate(SANDBOX_USERS[1], key.public_key(), "signing")


def _case(pki: SandboxPKI, leaf: x509.Certificate, at: dt.datetime = NOW,
          crls: list[x509.CertificateRevocationList] | None = None,
          ocsps: list[bytes] | None = None, *, root_crl: bool = True) -> Case:
    lists = list(crls or [])
    if root_crl:  # the intermediate's own status, from the root's list current at `at`
        lists.append(_crl(pki, issuer="root", published=at - HOUR, valid_for=2 * DAY))
    return Case(leaf, [pki.root], at, [pki.intermediate], lists, list(ocsps or []))


@pytest.mark.req("R-AUTH-1")
def test_sandbox_valid_revoked_expired(pki: SandboxPKI) -> None:
    leaf, other = _leaf(pki), _leaf(pki)
    fresh = _crl(pki, published=NOW - HOUR, revoked={other.serial_number: NOW - 2 * HOUR})
    assert_agree(_case(pki, leaf, crls=[fresh]), "good")
    assert_agree(_case(pki, other, crls=[fresh]), "revoked")
    later = NOW + dt.timedelta(days=400)  # past the leaf's notAfter, with lists fresh then
    assert_agree(_case(pki, leaf, later, crls=[_crl(pki, published=later - HOUR)]), "expired")


@pytest.mark.req("R-AUTH-1")
def test_sandbox_stale_and_missing(pki: SandboxPKI) -> None:
    leaf = _leaf(pki)
    stale = _crl(pki, published=NOW - 3 * DAY)  # nextUpdate two days ago
    assert_agree(_case(pki, leaf, crls=[stale]), "unknown")
    assert_agree(_case(pki, leaf), "unknown")  # no list of the intermediate at all
    fresh = _crl(pki, published=NOW - HOUR)
    assert_agree(_case(pki, leaf, crls=[fresh], root_crl=False), "unknown")  # intermediate
    forged = _crl(pki, published=NOW - HOUR,
                  key=rsa.generate_private_key(public_exponent=65537, key_size=2048))
    assert_agree(_case(pki, leaf, crls=[forged]), "unknown")
    # A stale list still proves a revocation it names (pyhanko: unknown; both refuse).
    revoked = _crl(pki, published=NOW - 3 * DAY, revoked={leaf.serial_number: NOW - 4 * DAY})
    for flag in (False, True):
        assert ours(_case(pki, leaf, crls=[revoked]), later=flag) == "revoked"
        assert theirs(_case(pki, leaf, crls=[revoked]), retroactive=flag) == "unknown"


@pytest.mark.req("R-AUTH-1")
def test_sandbox_lists_published_after_the_moment(pki: SandboxPKI) -> None:
    leaf, other = _leaf(pki), _leaf(pki)
    at = NOW - 6 * HOUR
    after = _crl(pki, published=NOW - HOUR, revoked={other.serial_number: NOW - 12 * HOUR})
    root_after = _crl(pki, issuer="root", published=NOW - HOUR, valid_for=2 * DAY)
    case = Case(leaf, [pki.root], at, [pki.intermediate], [after, root_after])
    assert_agree(case, "unknown", later=False)
    assert_agree(case, "good", later=True)
    revoked = Case(other, [pki.root], at, [pki.intermediate], [after, root_after])
    assert_agree(revoked, "revoked", later=True)
    # Revoked only after the moment checked: good as of then.
    earlier = Case(other, [pki.root], NOW - 18 * HOUR, [pki.intermediate], [after, root_after])
    assert_agree(earlier, "good", later=True)


@pytest.mark.req("R-AUTH-1")
def test_sandbox_delta_crl(pki: SandboxPKI) -> None:
    leaf, other = _leaf(pki), _leaf(pki)
    base = _crl(pki, published=NOW - 5 * HOUR, number=10, freshest=True, valid_for=2 * DAY)
    delta = _crl(pki, published=NOW - HOUR, number=11, delta_of=10,
                 revoked={leaf.serial_number: NOW - 2 * HOUR})
    assert_agree(_case(pki, leaf, crls=[base, delta]), "revoked")
    assert_agree(_case(pki, other, crls=[base, delta]), "good")
    # The base alone, fresh, predates the revocation: good for us ("delta CRLs honoured as
    # today": a delta is applied when present, not required); pyhanko wants the delta the
    # base's FreshestCRL points at. Both refuse nothing else here.
    assert ours(_case(pki, leaf, crls=[base]), later=False) == "good"
    assert theirs(_case(pki, leaf, crls=[base]), retroactive=False) == "unknown"
    plain = _crl(pki, published=NOW - 5 * HOUR, number=10, valid_for=2 * DAY)
    assert_agree(_case(pki, leaf, crls=[plain]), "good")


@pytest.mark.req("R-AUTH-1")
def test_sandbox_ocsp_instead_of_a_crl(pki: SandboxPKI) -> None:
    leaf = _leaf(pki)
    good = _ocsp(pki, leaf, produced=NOW - dt.timedelta(minutes=5))
    assert_agree(_case(pki, leaf, ocsps=[good]), "good")
    revoked = _ocsp(pki, leaf, produced=NOW - dt.timedelta(minutes=5),
                    revoked_at=NOW - HOUR)
    assert_agree(_case(pki, leaf, ocsps=[revoked]), "revoked")
    old = _ocsp(pki, leaf, produced=NOW - 3 * HOUR)  # nextUpdate two hours ago
    assert_agree(_case(pki, leaf, ocsps=[old]), "unknown")


# The real NCA test data (RSA; GOST signatures cannot be checked by either) --------------------

@pytest.fixture
def anchor_crl_issuer(monkeypatch: pytest.MonkeyPatch) -> None:
    """pyhanko: a CRL signed by the (not self-signed) anchor's key has the anchor as its path."""
    from pyhanko_certvalidator.authority import AuthorityWithCert
    from pyhanko_certvalidator.path import ValidationPath

    original = ValidationPath.truncate_to_issuer_and_append

    def truncate(self: ValidationPath, cert: ax509.Certificate) -> ValidationPath:
        authority = self.trust_anchor.authority
        if isinstance(authority, AuthorityWithCert) and authority.certificate.dump() == \
                cert.dump():
            return ValidationPath(self.trust_anchor, interm=[], leaf=None)
        return original(self, cert)

    monkeypatch.setattr(ValidationPath, "truncate_to_issuer_and_append", truncate)


NCA_RSA_CA = "ca-test/nca_rsa_test__UKO3.0_RSA_TEST.pem"
NCA_SAMPLES = {  # leaf → (its status on nca_rsa_test.crl, validity)
    "KEY_INDIVIDUAL_AUTH_REVOKED_2004.cert.pem": "revoked",
    "KEY_INDIVIDUAL_SIGN_REVOKED_2004.cert.pem": "revoked",
    "repo_individual_valid_sign_2004_rsa.cer": "good",
    "repo_individual_valid_sign_2004_rsa_auth.cer": "good",
    "CERT_INDIVIDUAL_rsa2004_sign.cert.pem": "good",
}


def _load(path: Path) -> x509.Certificate:
    data = path.read_bytes()
    return (x509.load_pem_x509_certificate(data) if data.startswith(b"-----")
            else x509.load_der_x509_certificate(data))


@pytest.fixture(scope="module")
def nca(nca_test_dir: Path) -> tuple[x509.Certificate, x509.CertificateRevocationList, Path]:
    crl = load_crl_file(nca_test_dir / "ca-test/nca_rsa_test.crl")
    return _load(nca_test_dir / NCA_RSA_CA), crl, nca_test_dir / "ncanode-kz"


@pytest.fixture(scope="module")
def nca_test_dir() -> Path:  # module scope (the shared fixture is function-scoped)
    path = Path(__file__).resolve().parents[3] / "shared" / "data" / "nca-test"
    if not path.is_dir():
        pytest.skip("NCA test data absent")
    return path


@pytest.mark.req("R-AUTH-1")
@pytest.mark.usefixtures("anchor_crl_issuer")
@pytest.mark.parametrize(("leaf", "status"), sorted(NCA_SAMPLES.items()))
def test_nca_samples(nca: tuple[x509.Certificate, x509.CertificateRevocationList, Path],
                     leaf: str, status: str) -> None:
    ca, crl, leaves = nca
    cert = _load(leaves / leaf)
    assert crl.next_update_utc is not None
    inside = crl.last_update_utc + (crl.next_update_utc - crl.last_update_utc) / 2
    assert_agree(Case(cert, [ca], inside, crls=[crl]), status)
    # Missing: the same moment without the list.
    assert_agree(Case(cert, [ca], inside), "unknown")
    # Stale: after nextUpdate, while the certificate is still valid (until 2023-01-18).
    stale = crl.next_update_utc + 30 * DAY
    assert stale < cert.not_valid_after_utc
    if status == "good":
        assert_agree(Case(cert, [ca], stale, crls=[crl]), "unknown")
    else:  # the stale list still proves the revocation it names; pyhanko: unknown
        assert ours(Case(cert, [ca], stale, crls=[crl]), later=False) == "revoked"
        assert theirs(Case(cert, [ca], stale, crls=[crl]), retroactive=False) == "unknown"
    # Expired.
    assert_agree(Case(cert, [ca], cert.not_valid_after_utc + DAY, crls=[crl]), "expired")
    # Before the list was published (certificates issued 2022-01-18, the list 2022-03-29).
    before = crl.last_update_utc - 20 * DAY
    assert before > cert.not_valid_before_utc
    assert_agree(Case(cert, [ca], before, crls=[crl]), "unknown", later=False)
    entry = crl.get_revoked_certificate_by_serial_number(cert.serial_number)
    then = "revoked" if entry is not None and entry.revocation_date_utc < before else "good"
    assert_agree(Case(cert, [ca], before, crls=[crl]), then, later=True)


@pytest.mark.req("R-AUTH-1")
@pytest.mark.usefixtures("anchor_crl_issuer")
def test_nca_list_published_after_expiry_is_not_evidence(
        nca: tuple[x509.Certificate, x509.CertificateRevocationList, Path]) -> None:
    # The deliberate difference: KEY_INDIVIDUAL_VALID_SIGN_2004 expired 2022-01-18, the list is
    # of 2022-03-29 and need not name it any more (RFC 5280 §5: "unexpired certificates").
    ca, crl, leaves = nca
    cert = _load(leaves / "KEY_INDIVIDUAL_VALID_SIGN_2004.cert.pem")
    case = Case(cert, [ca], dt.datetime(2021, 6, 1, tzinfo=dt.UTC), crls=[crl])
    assert crl.last_update_utc > cert.not_valid_after_utc
    assert ours(case, later=True) == "unknown"
    assert theirs(case, retroactive=True) == "good"
    assert_agree(case, "unknown", later=False)
