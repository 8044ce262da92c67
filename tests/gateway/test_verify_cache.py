"""Issue 10: the gateway's signature check reuses a chain's verdict within its span
(gateway.verify.cached_trust) and answers exactly as the uncached check — for good, revoked,
expired, untrusted and wrong-purpose signers, RSA and GOST — and a CRL that changes, on disk or
in the store, decides the very next query (R-AUTH-1, R-AUTH-6)."""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any, Literal

import pytest
from cryptography.hazmat.primitives.serialization import Encoding

from gateway.config import GatewayConfig, SandboxTrust
from gateway.context import RequestContext
from gateway.problems import SIGNATURE_CODES, Refusal
from gateway.trust_cache import SpanCachedTrust
from gateway.verify import cached_trust, fast_verifier, verify_signature
from signing.cms import sign_detached, verify_detached
from signing.errors import SigningError
from signing.gost.issue import GostKeyPair
from signing.gost.signer import GostSoftwareSigner
from signing.sandbox_gost import GostSandbox
from signing.sandbox_pki import SANDBOX_USERS, SandboxPKI, create_sandbox_pki
from signing.signer import Signer
from signing.trust import TrustStore

from .helpers import fresh_signer

Purpose = Literal["authentication", "signing"]
ANALYST = SANDBOX_USERS[0]
PAST = dt.datetime.now(dt.UTC) - dt.timedelta(hours=1)
DATA = '{"query": "№1", "iin": "880412401021"}'.encode()


@dataclass
class World:
    """A gateway configuration over a trust directory (as `sio-gateway serve --sandbox`) that
    trusts the sandbox's RSA CAs and a GOST CA; an RSA and a GOST CA it does not trust."""

    config: GatewayConfig
    pki: SandboxPKI
    gost: GostSandbox
    foreign_pki: SandboxPKI
    foreign_gost: GostSandbox

    def signer(self, kind: str, case: str) -> Signer:
        """A signer of `kind` (rsa/gost) for one case of the matrix."""
        rsa, user = kind == "rsa", ANALYST
        if case == "good":
            return self.pki.software_signers(user)[1] if rsa else self.gost.signer(user)
        if case == "untrusted":
            return (fresh_signer(self.foreign_pki, user, "signing") if rsa
                    else self.foreign_gost.signer(user))
        if case == "wrong_purpose":
            return self.fresh(kind, "authentication")
        if case == "expired":
            return self.fresh(kind, "signing", not_after=PAST)
        assert case == "revoked"
        signer = self.fresh(kind, "signing")
        self.revoke(kind, signer)
        return signer

    def fresh(self, kind: str, purpose: Purpose, *,
              not_after: dt.datetime | None = None) -> Signer:
        """A new certificate of the analyst (a GOST "authentication" one may not sign)."""
        if kind == "rsa":
            return fresh_signer(self.pki, ANALYST, purpose, not_after=not_after)
        key = GostKeyPair.generate()
        cert = self.gost.issue_user_certificate(
            ANALYST, key, purpose="both" if purpose == "signing" else "authentication",
            not_after=not_after)
        return GostSoftwareSigner(key, cert)

    def revoke(self, kind: str, signer: Signer) -> None:
        """List the signer on its CA's CRL and write that CRL into the trust directory."""
        if kind == "rsa":
            self.pki.revoke(signer.certificate)
        else:
            self.gost.revoke(signer.certificate)
            self.gost.install(self.pki.trust_dir)


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> World:
    root = tmp_path_factory.mktemp("verify-cache")
    config = GatewayConfig.sandbox_from_dir(root / "pki", db_url="sqlite://")
    assert isinstance(config.trust, SandboxTrust)
    gost = GostSandbox(root / "gost")
    gost.install(config.trust.pki.trust_dir)
    return World(config, config.trust.pki, gost, create_sandbox_pki(root / "foreign"),
                 GostSandbox(root / "foreign-gost"))


def _uncached(cms_der: bytes, store: TrustStore, purpose: Purpose,
              config: GatewayConfig) -> tuple[Any, ...]:
    """signing.cms's verdict over the plain store, in verify_signature's terms."""
    try:
        verified = verify_detached(cms_der, DATA, store, purpose=purpose,
                                   revocation=config.revocation_policy())
    except SigningError as exc:
        return ("refused", SIGNATURE_CODES.get(exc.code, "signature_invalid"), str(exc))
    return ("ok", verified.profile, _ders(verified.chain), verified.revocation)


def _cached(cms_der: bytes, store: TrustStore, purpose: Purpose,
            config: GatewayConfig) -> tuple[Any, ...]:
    """The same through the gateway's cached store (the one verify_signature uses)."""
    try:
        verified = verify_detached(cms_der, DATA, cached_trust(store), purpose=purpose,
                                   revocation=config.revocation_policy())
    except SigningError as exc:
        return ("refused", SIGNATURE_CODES.get(exc.code, "signature_invalid"), str(exc))
    return ("ok", verified.profile, _ders(verified.chain), verified.revocation)


def _ders(chain: list[Any]) -> list[bytes]:
    return [c.public_bytes(Encoding.DER) for c in chain]


def _gateway(cms_der: bytes, config: GatewayConfig,
             purpose: Purpose = "signing") -> tuple[str, str]:
    """verify_signature's answer: ("ok", IIN) or ("refused", code)."""
    try:
        profile = verify_signature(cms_der, DATA, config, purpose=purpose,
                                   ctx=RequestContext("test"))
    except Refusal as refusal:
        return ("refused", refusal.code)
    return ("ok", profile.iin or "")


EXPECTED = {"good": "ok", "revoked": "certificate_revoked", "expired": "certificate_expired",
            "untrusted": "certificate_untrusted", "wrong_purpose": "wrong_key_usage"}


@pytest.mark.req("R-AUTH-1", "R-AUTH-6")
@pytest.mark.parametrize("kind", ["rsa", "gost"])
@pytest.mark.parametrize("case", list(EXPECTED))
def test_cached_verdict_equals_uncached(world: World, kind: str, case: str) -> None:
    cms_der = sign_detached(DATA, world.signer(kind, case))
    store = world.config.trust()
    wrapper = cached_trust(store)
    assert isinstance(wrapper, SpanCachedTrust) and cached_trust(store) is wrapper
    first = _gateway(cms_der, world.config)
    hits = wrapper.hits
    again = _gateway(cms_der, world.config)
    assert wrapper.hits == hits + 1, "the second check of the same signer is a cache hit"
    assert first == again
    assert (first[1] if first[0] == "refused" else "ok") == EXPECTED[case]
    plain = _uncached(cms_der, store, "signing", world.config)
    assert _cached(cms_der, store, "signing", world.config) == plain
    assert plain[0] == first[0] and (plain[1] == first[1] or first[0] == "ok")


@pytest.mark.req("R-AUTH-6")
@pytest.mark.parametrize("kind", ["rsa", "gost"])
def test_revoked_on_disk_refused_from_the_next_query(world: World, kind: str) -> None:
    signer = world.fresh(kind, "signing")
    cms_der = sign_detached(DATA, signer)
    assert _gateway(cms_der, world.config) == ("ok", ANALYST.iin)
    assert _gateway(cms_der, world.config) == ("ok", ANALYST.iin)  # now from the cache
    before = world.config.trust()
    world.revoke(kind, signer)
    assert world.config.trust() is not before, "the new CRL file gives a new store"
    assert _gateway(cms_der, world.config) == ("refused", "certificate_revoked")


@pytest.mark.req("R-AUTH-6")
@pytest.mark.parametrize("kind", ["rsa", "gost"])
def test_crl_added_to_the_same_store_takes_effect(world: World, kind: str) -> None:
    base = world.config.trust()
    store = TrustStore(base.anchors, base.intermediates, base.crls)
    config = GatewayConfig.for_sandbox(world.pki, db_url="sqlite://", trust=lambda: store)
    signer = world.fresh(kind, "signing")
    cms_der = sign_detached(DATA, signer)
    assert _gateway(cms_der, config) == ("ok", ANALYST.iin)
    assert _gateway(cms_der, config) == ("ok", ANALYST.iin)
    world.revoke(kind, signer)
    store.add_crl(world.pki.crl if kind == "rsa" else world.gost.crl)  # same store object
    assert _gateway(cms_der, config) == ("refused", "certificate_revoked")


@pytest.mark.req("R-AUTH-6")
def test_stores_with_ocsp_are_checked_afresh(world: World) -> None:
    base = world.config.trust()
    store = TrustStore(base.anchors, base.intermediates, base.crls)
    config = GatewayConfig.for_sandbox(world.pki, db_url="sqlite://", trust=lambda: store)
    assert cached_trust(store) is not cached_trust(base)
    cms_der = sign_detached(DATA, world.signer("rsa", "good"))
    assert _gateway(cms_der, config) == ("ok", ANALYST.iin)
    plain = cached_trust(store)
    store.add_ocsp_response(b"\x30\x00")  # an OCSP reply in the store: answers not cached
    wrapper = cached_trust(store)
    assert wrapper is not plain and wrapper.ocsp_responses == store.ocsp_responses
    assert _gateway(cms_der, config) == ("ok", ANALYST.iin)
    assert _gateway(cms_der, config) == ("ok", ANALYST.iin)
    assert (wrapper.hits, wrapper.misses) == (0, 0)


@pytest.mark.req("R-AUTH-1")
def test_a_known_rsa_signer_takes_the_fast_path_with_the_same_verdicts(world: World) -> None:
    """Issue 10: after one full check, the signer's next CMS is checked against its template
    (gateway.verify.fast_verifier) — and what fails there gets the full path's refusal."""
    signer = world.fresh("rsa", "signing")
    first = sign_detached(DATA, signer)
    verifier = fast_verifier(world.config.trust())
    full = verifier.full
    assert _gateway(first, world.config) == ("ok", ANALYST.iin)
    assert verifier.full == full + 1, "a signer is learnt by a full verification"
    fast = verifier.fast
    data = '{"query": "№1", "iin": "990101300123"}'.encode()
    second = sign_detached(data, signer)
    assert second != first
    profile = verify_signature(second, data, world.config, purpose="signing",
                               ctx=RequestContext("test"))
    assert profile.iin == ANALYST.iin
    assert verifier.fast == fast + 1, "the next CMS of that signer is matched, not parsed"
    store = world.config.trust()
    other = b'{"query": "tampered"}'
    with pytest.raises(SigningError) as failed:
        verify_detached(second, other, store, purpose="signing")
    with pytest.raises(Refusal) as refused:
        verify_signature(second, other, world.config, purpose="signing",
                         ctx=RequestContext("test"))
    assert failed.value.code == "digest_mismatch"
    assert refused.value.code == SIGNATURE_CODES["digest_mismatch"]
    # Learnt for one purpose, refused for the other exactly as the full path refuses it.
    plain = _uncached(first, store, "authentication", world.config)
    assert plain[0] == "refused"
    assert _gateway(first, world.config, purpose="authentication") == ("refused", plain[1])


def test_a_fast_verifier_is_shared_by_threads_and_made_per_store(world: World) -> None:
    """One FastVerifier serves every request thread (each signer learned once, not once per
    thread), and a changed store (a CRL added in place) gets a new one."""
    base = world.config.trust()
    store = TrustStore(base.anchors, base.intermediates, base.crls)
    mine = fast_verifier(store)
    assert fast_verifier(store) is mine
    theirs: list[object] = []
    thread = threading.Thread(target=lambda: theirs.append(fast_verifier(store)))
    thread.start()
    thread.join()
    assert theirs and theirs[0] is mine
    store.add_crl(world.pki.crl)
    assert fast_verifier(store) is not mine


def test_sandbox_trust_looks_for_due_crls_once_a_second(tmp_path: Any,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 10: the sandbox's CRL renewal check runs at most once per SANDBOX_CRL_CHECK_S,
    while the trust directory is still read afresh on every call."""
    import gateway.config as gateway_config

    config = GatewayConfig.sandbox_from_dir(tmp_path / "pki", db_url="sqlite://")
    trust = config.trust
    assert isinstance(trust, SandboxTrust)
    checks: list[int] = []

    def refresh_crls() -> bool:
        checks.append(1)
        return False

    monkeypatch.setattr(trust.pki, "refresh_crls", refresh_crls)
    clock = [1000.0]
    monkeypatch.setattr(gateway_config, "time", SimpleNamespace(monotonic=lambda: clock[0]))
    before = trust()
    trust()
    assert len(checks) == 1
    clock[0] += gateway_config.SANDBOX_CRL_CHECK_S
    trust()
    assert len(checks) == 2
    trust.pki.revoke(fresh_signer(trust.pki, ANALYST, "signing").certificate)  # a new CRL file
    assert trust() is not before, "the directory is still read on every call"
    assert len(checks) == 2
