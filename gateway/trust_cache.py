"""A trust store whose chain verdicts are reused per span of time in which they cannot change
(issue 10): `journal verify` re-verifying an archive, and the gateway's live signature checks
(gateway.verify, one per store the configuration hands out).

An archive holds many signatures by few certificates, each checked as of its entry's time
(R-LOG-1, R-CTL-3). TrustStore.check's answer for one certificate (and the certificates beside
it) depends on that time only through comparisons with fixed instants: the validity of every
certificate it may put in the path, each CRL's thisUpdate and nextUpdate and the revocation
date of every entry on every CRL. Between two consecutive such instants every comparison comes
out the same, and so does the answer, refusal included; at an instant itself, or with OCSP
answers (whose own times are not listed here), the store checks afresh.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Sequence

from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding

from signing.errors import SignatureInvalid
from signing.trust import RevocationPolicy, TrustStore, ValidatedPath

_Key = tuple[bytes, tuple[bytes, ...], RevocationPolicy | None]
_Answer = ValidatedPath | tuple[str, str]  # the path, or a refusal's code and message
_MAX_ANSWERS = 4096


def _der(cert: x509.Certificate) -> bytes:
    return cert.public_bytes(Encoding.DER)


def _validity(certs: Sequence[x509.Certificate]) -> set[dt.datetime]:
    return {t for c in certs for t in (c.not_valid_before_utc, c.not_valid_after_utc)}


def _crl_instants(crls: Sequence[x509.CertificateRevocationList]) -> set[dt.datetime]:
    found: set[dt.datetime] = set()
    for crl in crls:
        found.add(crl.last_update_utc)
        if crl.next_update_utc is not None:
            found.add(crl.next_update_utc)
        found |= {entry.revocation_date_utc for entry in crl}
    return found


class SpanCachedTrust(TrustStore):
    """A TrustStore (same anchors, intermediates, CRLs, policy) whose check() answers are
    reused within a span between the instants its answer can turn on (see the module)."""

    def __init__(self, store: TrustStore) -> None:
        super().__init__(store.anchors, store.intermediates, store.crls, policy=store.policy,
                         ocsp_responses=store.ocsp_responses)
        self.ocsp_fetch = store.ocsp_fetch
        self._store_instants = (_validity(self.anchors + self.intermediates)
                                | _crl_instants(self.crls))
        self._instants: dict[tuple[bytes, tuple[bytes, ...]], list[dt.datetime]] = {}
        self._answers: dict[tuple[_Key, int], _Answer] = {}
        self.hits = self.misses = 0
        self._ders: dict[int, tuple[x509.Certificate, bytes]] = {}

    def _der(self, cert: x509.Certificate) -> bytes:
        """The certificate's DER, kept per object: the same few objects come back each time."""
        known = self._ders.get(id(cert))
        if known is not None and known[0] is cert:  # the entry holds the object: id not reused
            return known[1]
        if len(self._ders) > 4096:
            self._ders.clear()
        der = _der(cert)
        self._ders[id(cert)] = (cert, der)
        return der

    def check(self, cert: x509.Certificate, at: dt.datetime,
              extra: Sequence[x509.Certificate] = (), *,
              policy: RevocationPolicy | None = None) -> ValidatedPath:
        if self.ocsp_responses or self.ocsp_fetch is not None or at.tzinfo is None:
            return super().check(cert, at, extra, policy=policy)
        certs = (self._der(cert), tuple(self._der(e) for e in extra))
        instants = self._instants.get(certs)
        if instants is None:
            instants = sorted(self._store_instants | _validity([cert, *extra]))
            self._instants[certs] = instants
        span = bisect.bisect_left(instants, at)
        if span < len(instants) and instants[span] == at:
            return super().check(cert, at, extra, policy=policy)  # on an instant: afresh
        key = ((*certs, policy), span)
        answer = self._answers.get(key)
        if answer is None:
            self.misses += 1
            if len(self._answers) >= _MAX_ANSWERS:  # a long-lived gateway: old spans go
                self._answers.clear()
                self._instants.clear()
            try:
                answer = super().check(cert, at, extra, policy=policy)
            except SignatureInvalid as exc:
                answer = (exc.code, exc.message)
            self._answers[key] = answer
        else:
            self.hits += 1
        if isinstance(answer, tuple):
            raise SignatureInvalid(*answer)
        return answer
