"""A Signer over an in-memory GOST 34.10-2015 key: the sandbox's GOST analyst and tests."""

from __future__ import annotations

from collections.abc import Sequence

from cryptography import x509

from signing.gost.issue import GostKeyPair
from signing.signer import CertifiedSigner


class GostSoftwareSigner(CertifiedSigner):
    """signing.signer.Signer for a GOST key: sign_raw hashes as the key's algorithm says."""

    def __init__(self, key: GostKeyPair, certificate: x509.Certificate,
                 chain: Sequence[x509.Certificate] = ()) -> None:
        super().__init__(certificate, chain)
        self._key = key

    @property
    def key(self) -> GostKeyPair:
        """The key itself (sandbox keys only)."""
        return self._key

    def sign_raw(self, data: bytes) -> bytes:
        """NCA-encoded GOST signature over ``data`` (Streebog or GOST 34.311-95)."""
        return self._key.sign(data)


__all__ = ["GostSoftwareSigner"]
