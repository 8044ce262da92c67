"""GOST signatures on X.509 objects: certificates, CRLs, OCSP replies, by a certificate's key."""

from __future__ import annotations

import threading
from collections import OrderedDict

from asn1crypto import x509 as ax509
from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding

from signing.gost.nca import GostError, GostPublicKey, is_gost_oid, public_key_from_spki, verify

_CACHE_MAX = 256
_cache: OrderedDict[bytes, GostPublicKey] = OrderedDict()
_signed_pairs: OrderedDict[tuple[bytes, bytes], None] = OrderedDict()
_lock = threading.Lock()


def is_gost_key(cert: x509.Certificate) -> bool:
    """True when the certificate holds a GOST public key."""
    return is_gost_oid(cert.public_key_algorithm_oid.dotted_string)


def is_gost_signed(oid: x509.ObjectIdentifier | str) -> bool:
    """True when a signature algorithm OID is a GOST one."""
    return is_gost_oid(oid if isinstance(oid, str) else oid.dotted_string)


def gost_key(cert: x509.Certificate) -> GostPublicKey:
    """The certificate's GOST public key (parsed once per certificate); GostError if none."""
    der = cert.public_bytes(Encoding.DER)
    with _lock:
        hit = _cache.get(der)
        if hit is not None:
            _cache.move_to_end(der)
            return hit
    spki = ax509.Certificate.load(der)["tbs_certificate"]["subject_public_key_info"].dump()
    key = public_key_from_spki(spki)
    with _lock:
        _cache[der] = key
        while len(_cache) > _CACHE_MAX:
            _cache.popitem(last=False)
    return key


def verify_by(signer: x509.Certificate, signature_oid: x509.ObjectIdentifier | str,
              data: bytes, signature: bytes) -> bool:
    """True when ``signer``'s GOST key signed ``data``; GostError if it cannot be checked."""
    oid = signature_oid if isinstance(signature_oid, str) else signature_oid.dotted_string
    if not is_gost_key(signer):
        raise GostError(f"a GOST signature ({oid}) by a non-GOST key")
    return verify(gost_key(signer), oid, data, signature)


def _remembered(signed_der: bytes, issuer: x509.Certificate, oid: x509.ObjectIdentifier,
                tbs: bytes, signature: bytes) -> bool:
    # Positive answers are remembered per (object, issuer): every request's path check asks
    # again about the same few certificates and CRLs, and Streebog in Python costs ms per KB.
    pair = (signed_der, issuer.public_bytes(Encoding.DER))
    with _lock:
        if pair in _signed_pairs:
            _signed_pairs.move_to_end(pair)
            return True
    ok = verify_by(issuer, oid, tbs, signature)
    if ok:
        with _lock:
            _signed_pairs[pair] = None
            while len(_signed_pairs) > _CACHE_MAX:
                _signed_pairs.popitem(last=False)
    return ok


def certificate_signed_by(cert: x509.Certificate, issuer: x509.Certificate) -> bool:
    """True when ``issuer``'s GOST key signed ``cert`` (names are the caller's business)."""
    return _remembered(cert.public_bytes(Encoding.DER), issuer, cert.signature_algorithm_oid,
                       cert.tbs_certificate_bytes, cert.signature)


def crl_signed_by(crl: x509.CertificateRevocationList, issuer: x509.Certificate) -> bool:
    """True when ``issuer``'s GOST key signed the CRL."""
    return _remembered(crl.public_bytes(Encoding.DER), issuer, crl.signature_algorithm_oid,
                       crl.tbs_certlist_bytes, crl.signature)


__all__ = [
    "certificate_signed_by", "crl_signed_by", "gost_key", "is_gost_key", "is_gost_signed",
    "verify_by",
]
