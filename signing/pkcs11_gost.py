"""GOST keys on PKCS#11 tokens (issue 12): the configured mechanism, and a Signer.

PKCS#11 defines no mechanism for NCA's GOST algorithms (GOST 34.311-95 hashing, the 2015 curves
with Streebog); tokens that sign with them expose vendor-defined ids, so the administrator names
one per key kind (signing.gost_mechanisms reads them from the policy). The mechanism hashes the
data itself (a "with hash" mechanism), as NCA's keys require. SoftHSM2 as packaged has none.
"""

from __future__ import annotations

from collections.abc import Mapping

from cryptography import x509

from signing.errors import SigningError
from signing.gost.certs import gost_key
from signing.gost.nca import algorithms_for, hash_data, verify_digest
from signing.pkcs11 import Pkcs11Signer


def gost_key_kind(cert: x509.Certificate) -> str:
    """The certificate's GOST key kind as the policy names it."""
    key = gost_key(cert)
    return "gost2004" if key.algorithm == "gost2004" else f"gost2015_{key.bits}"


def mechanism_for(cert: x509.Certificate, configured: Mapping[str, int],
                  offered: set[int]) -> int:
    """The configured mechanism for the GOST key of `cert`, refused when the policy names none
    or the token does not offer it."""
    kind = gost_key_kind(cert)
    mechanism = configured.get(kind)
    if mechanism is None:
        raise SigningError(
            f"The token's key is GOST ({kind}) and the policy names no PKCS#11 mechanism for it "
            "(\"pkcs11_gost_mechanisms\").", code="gost_mechanism_unconfigured")
    if mechanism not in offered:
        raise SigningError(
            f"The token does not offer the mechanism {mechanism:#x} the policy names for "
            f"{kind} keys.", code="gost_mechanism_unsupported")
    return mechanism


def nca_signature(cert: x509.Certificate, data: bytes, raw: bytes) -> bytes:
    """A token's GOST signature over `data` in NCA's encoding (r‖s, each little-endian).

    PKCS#11 writes GOST signatures as s‖r big-endian, whose byte reversal is NCA's encoding;
    a token writing NCA's own is taken as it is. Either must verify under the certificate's
    key, so a token with another convention fails closed rather than sending a bad signature.
    """
    key = gost_key(cert)
    digest = hash_data(algorithms_for(key)[0], data)
    for candidate in (raw[::-1], raw):
        if len(candidate) == 2 * (key.bits // 8) and verify_digest(key, digest, candidate):
            return candidate
    raise SigningError("The token's GOST signature does not verify under its certificate "
                       "(unknown signature encoding or hash).", code="gost_signature_unusable")


class Pkcs11GostSigner(Pkcs11Signer):
    """Signs with a GOST token key through the configured mechanism (one C_Sign per call)."""

    def sign_raw(self, data: bytes) -> bytes:
        """NCA-encoded GOST signature over ``data``, made on the token."""
        return nca_signature(self.certificate, data, self._sign_on_token(data))


__all__ = ["Pkcs11GostSigner", "gost_key_kind", "mechanism_for", "nca_signature"]
