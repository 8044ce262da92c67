"""The one thing every key holder (token, file, software) offers: sign bytes with its key."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, runtime_checkable

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa


@runtime_checkable
class Signer(Protocol):
    """A private key with its certificate; RSA with SHA-256 (PKCS#1 v1.5) only for now."""

    @property
    def certificate(self) -> x509.Certificate:
        """The signer's own certificate."""
        ...

    @property
    def chain(self) -> list[x509.Certificate]:
        """Intermediate CA certificates to ship beside it (may be empty)."""
        ...

    def sign_raw(self, data: bytes) -> bytes:
        """sha256WithRSAEncryption signature over ``data``; the key holder hashes."""
        ...


class CertifiedSigner:
    """The certificate and chain every concrete Signer carries; subclasses add sign_raw."""

    def __init__(self, certificate: x509.Certificate,
                 chain: Sequence[x509.Certificate] = ()) -> None:
        self._certificate = certificate
        self._chain = list(chain)

    @property
    def certificate(self) -> x509.Certificate:
        """The signer's own certificate."""
        return self._certificate

    @property
    def chain(self) -> list[x509.Certificate]:
        """Intermediate CA certificates (a copy)."""
        return list(self._chain)


class SoftwareSigner(CertifiedSigner):
    """A Signer over an in-memory RSA key: sandbox users, the operator, file keys."""

    def __init__(
        self,
        key: rsa.RSAPrivateKey,
        certificate: x509.Certificate,
        chain: Sequence[x509.Certificate] = (),
    ) -> None:
        super().__init__(certificate, chain)
        self._key = key

    @property
    def private_key(self) -> rsa.RSAPrivateKey:
        """The key itself (software keys only; tokens never expose theirs)."""
        return self._key

    def sign_raw(self, data: bytes) -> bytes:
        """sha256WithRSAEncryption over ``data``."""
        return self._key.sign(data, padding.PKCS1v15(), hashes.SHA256())
