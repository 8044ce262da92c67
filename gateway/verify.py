"""Signature verification against the configured trust store, mapped to refusal codes
(every signed command goes through gateway.pipeline, which calls verify_signature)."""

from __future__ import annotations

import logging
from typing import Literal

from asn1crypto import cms as acms
from cryptography import x509

from gateway.config import GatewayConfig
from gateway.context import RequestContext
from gateway.problems import SIGNATURE_CODES, Refusal
from gateway.trust_cache import SpanCachedTrust
from signing.errors import SigningError
from signing.fastverify import FastVerifier
from signing.profile import CertProfile, profile_of
from signing.trust import TrustStore

log = logging.getLogger(__name__)
# Failures that come after the signature itself checked out against the enclosed certificate
# and that certificate chained: its holder is the actor, even though the request is refused.
_HOLDER_KNOWN = frozenset({"revoked", "expired", "not_yet_valid", "wrong_key_usage"})
# Issue 10: the chain's verdict cached per span (gateway.trust_cache) for each store the
# configuration hands out. A new CRL on disk makes config.trust() return a new store, so the
# old verdicts go with the old store; the key also covers a store changed in place.
# Issue 10: beside it, one FastVerifier per store for every request thread — the desk's RSA CMS
# checked against a template of its signer's first one instead of asn1crypto taking it apart
# (≈ 1 ms a query); anything else, and any failure, takes signing.cms's full path.
_CachedKey = tuple[int, str, int, int, int, object]
_cached: dict[int, tuple[TrustStore, _CachedKey, SpanCachedTrust, FastVerifier]] = {}
_MAX_STORES = 8


def _store_key(store: TrustStore) -> _CachedKey:
    return (id(store), store.crl_digest, len(store.anchors), len(store.intermediates),
            len(store.ocsp_responses), store.ocsp_fetch)


def _entry(store: TrustStore) -> tuple[TrustStore, _CachedKey, SpanCachedTrust, FastVerifier]:
    key = _store_key(store)
    known = _cached.get(id(store))
    if known is not None and known[0] is store and known[1] == key:
        return known
    if len(_cached) >= _MAX_STORES:
        _cached.clear()
    wrapper = SpanCachedTrust(store)
    entry = (store, key, wrapper, FastVerifier(wrapper))
    _cached[id(store)] = entry
    return entry


def cached_trust(store: TrustStore) -> SpanCachedTrust:
    """``store`` with its chain verdicts reused within a span; rebuilt when the store changes."""
    return _entry(store)[2]


def fast_verifier(store: TrustStore) -> FastVerifier:
    """The FastVerifier over cached_trust(store), shared by the request threads; a new one when
    the store changes."""
    return _entry(store)[3]


def verify_signature(cms_der: bytes, data: bytes, config: GatewayConfig, *,
                     purpose: Literal["authentication", "signing"],
                     ctx: RequestContext, store: TrustStore | None = None) -> CertProfile:
    """The signer's profile if the CMS verifies for that key purpose now; Refusal otherwise.

    Revocation follows the configured policy (config.revocation_policy(): hard_fail refuses
    certificate_revocation_unknown). A link let through by soft_fail is logged and noted in
    ctx.extra["revocation_soft_fail"], which the request's journal entry carries. `store`: the
    store config.trust() gave earlier in the same request, if any (issue 10: read once).
    """
    try:
        verified = fast_verifier(store if store is not None else config.trust()).verify(
            cms_der, data, purpose=purpose, revocation=config.revocation_policy())
    except SigningError as exc:
        _note_claimed_signer(cms_der, ctx, holder_known=exc.code in _HOLDER_KNOWN)
        raise Refusal(SIGNATURE_CODES.get(exc.code, "signature_invalid"), str(exc)) from exc
    except (ValueError, TypeError) as exc:  # defensive: a parser slip must not become a 5xx
        raise Refusal("signature_invalid", f"unreadable signature: {exc}") from exc
    profile = verified.profile
    ctx.actor_iin = profile.iin
    ctx.cert_serial = profile.serial
    soft = verified.revocation_soft_failed
    if soft:
        note = "; ".join(f"{d.serial} ({d.subject}): {d.reason}" for d in soft)[:500]
        ctx.extra["revocation_soft_fail"] = note
        log.warning("%s: revocation status unknown, accepted by the soft_fail policy: %s",
                    ctx.endpoint, note)
    return profile


def _note_claimed_signer(cms_der: bytes, ctx: RequestContext, *, holder_known: bool) -> None:
    """Best effort, for the journal only: who the refused signature claims to be from."""
    try:
        signed = acms.ContentInfo.load(cms_der)["content"]
        sid = signed["signer_infos"][0]["sid"]
        for choice in signed["certificates"]:
            cert = choice.chosen
            if sid.name == "issuer_and_serial_number" and (
                cert.serial_number != sid.chosen["serial_number"].native
            ):
                continue
            profile = profile_of(x509.load_der_x509_certificate(cert.dump()))
            break
        else:
            return
    except Exception:  # whatever the bytes are, the refusal stands
        return
    ctx.extra["claimed_iin"] = profile.iin or ""
    ctx.extra["claimed_cert_serial"] = profile.serial
    if holder_known and ctx.actor_iin is None:
        ctx.actor_iin, ctx.cert_serial = profile.iin, profile.serial
