"""PKCS#12 files as a token, for the sandbox only (R-AUTH-4 forbids file keys for sign-in)."""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from asn1crypto import cms as acms
from asn1crypto import keys as akeys
from asn1crypto import pkcs12 as ap12
from asn1crypto import x509 as ax509
from cryptography import x509
from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12

from signing.errors import PinIncorrect, SigningError, TokenAbsent, TokenError
from signing.profile import profile_of
from signing.signer import Signer, SoftwareSigner
from signing.token import KeyPair, PinState, Token, TokenInfo

MAC_ITERATIONS = 2048
FILE_KEY_FORBIDDEN = (
    "R-AUTH-4: a key stored on the file system may not be used to sign in; "
    "use a protected token"
)


@dataclass(frozen=True)
class P12Entry:
    """One private key with its certificate, named by a friendly name."""

    name: str
    key: rsa.RSAPrivateKey
    certificate: x509.Certificate


def _p12_kdf(
    password: bytes, salt: bytes, iterations: int, length: int, algo: str, purpose: int = 3
) -> bytes:
    """RFC 7292 Appendix B key derivation: purpose 1 key, 2 IV, 3 MAC key."""
    h = getattr(hashlib, algo)
    v = h().block_size
    d = bytes([purpose]) * v

    def stretch(data: bytes) -> bytes:
        if not data:
            return b""
        n = -(-len(data) // v) * v
        return (data * (n // len(data) + 1))[:n]

    block = stretch(salt) + stretch(password)
    out = b""
    while len(out) < length:
        a = h(d + block).digest()
        for _ in range(iterations - 1):
            a = h(a).digest()
        out += a
        b = int.from_bytes(stretch(a)[:v] if len(a) < v else a[:v], "big")
        chunks = [block[i:i + v] for i in range(0, len(block), v)]
        block = b"".join(
            ((int.from_bytes(c, "big") + b + 1) % (1 << (8 * v))).to_bytes(v, "big")
            for c in chunks
        )
    return out[:length]


def _bmp(password: str) -> bytes:
    return password.encode("utf-16-be") + b"\x00\x00"


def _mac(password: str, salt: bytes, iterations: int, algo: str, content: bytes) -> bytes:
    size = getattr(hashlib, algo)().digest_size
    key = _p12_kdf(_bmp(password), salt, iterations, size, algo)
    return hmac.new(key, content, algo).digest()


def _acert(cert: x509.Certificate) -> ax509.Certificate:
    return ax509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))


def write_p12(path: Path, entries: Sequence[P12Entry], password: str,
              cas: Sequence[x509.Certificate] = ()) -> Path:
    """Write several keys and certificates to one PKCS#12 file (PBES2/AES keys, SHA-256 MAC)."""
    # cryptography writes one key per PKCS#12; a sandbox "token" holds AUTH and SIGN keys.
    bags = []
    enc = serialization.BestAvailableEncryption(password.encode())
    for index, entry in enumerate(entries):
        attrs = ap12.Attributes([
            {"type": "friendly_name", "values": [entry.name]},
            {"type": "local_key_id", "values": [bytes([index + 1]) * 4]},
        ])
        key_der = entry.key.private_bytes(
            serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, enc
        )
        bags.append(ap12.SafeBag({
            "bag_id": "pkcs8_shrouded_key_bag",
            "bag_value": akeys.EncryptedPrivateKeyInfo.load(key_der),
            "bag_attributes": attrs,
        }))
        bags.append(ap12.SafeBag({
            "bag_id": "cert_bag",
            "bag_value": ap12.CertBag({
                "cert_id": "x509",
                "cert_value": _acert(entry.certificate),
            }),
            "bag_attributes": attrs,
        }))
    for ca in cas:
        bags.append(ap12.SafeBag({
            "bag_id": "cert_bag",
            "bag_value": ap12.CertBag({
                "cert_id": "x509", "cert_value": _acert(ca),
            }),
        }))
    safe = ap12.SafeContents(bags).dump()
    auth_safe = ap12.AuthenticatedSafe(
        [acms.ContentInfo({"content_type": "data", "content": safe})]
    )
    content = auth_safe.dump()
    salt = secrets.token_bytes(16)
    pfx = ap12.Pfx({
        "version": "v3",
        "auth_safe": {"content_type": "data", "content": content},
        "mac_data": {
            "mac": {
                "digest_algorithm": {"algorithm": "sha256"},
                "digest": _mac(password, salt, MAC_ITERATIONS, "sha256", content),
            },
            "mac_salt": salt,
            "iterations": MAC_ITERATIONS,
        },
    })
    path.write_bytes(pfx.dump())
    os.chmod(path, 0o600)
    return path


def read_p12(data: bytes, password: str) -> tuple[list[P12Entry], list[x509.Certificate]]:
    """Keys (with their certificates) and extra CA certificates from a PKCS#12 file."""
    try:
        pfx = ap12.Pfx.load(data, strict=True)
        mac_data = pfx["mac_data"]
        auth_content = pfx["auth_safe"]["content"].native
        if not isinstance(auth_content, bytes):
            raise ValueError("not password-integrity PKCS#12")
        algo = mac_data["mac"]["digest_algorithm"]["algorithm"].native
        salt = mac_data["mac_salt"].native
        iterations = mac_data["iterations"].native
        expected = mac_data["mac"]["digest"].native
    except (ValueError, KeyError, TypeError) as exc:
        raise SigningError(f"not a PKCS#12 file: {exc}", code="file_key_invalid") from exc
    if algo not in ("sha1", "sha256", "sha384", "sha512"):
        raise SigningError(f"unsupported PKCS#12 MAC {algo}", code="file_key_invalid")
    if not hmac.compare_digest(_mac(password, salt, iterations, algo, auth_content), expected):
        raise PinIncorrect(None)
    keys: dict[bytes, tuple[str, rsa.RSAPrivateKey]] = {}
    certs: dict[bytes, x509.Certificate] = {}
    loose: list[x509.Certificate] = []
    for info in ap12.AuthenticatedSafe.load(auth_content):
        if info["content_type"].native != "data":
            # Encrypted bags (NCA files: RC2-40 certificates): let OpenSSL read them.
            return _read_p12_single(data, password)
        for bag in ap12.SafeContents.load(info["content"].native):
            attrs = {a["type"].native: a["values"][0].native for a in bag["bag_attributes"]}
            local_id = attrs.get("local_key_id", b"")
            if bag["bag_id"].native == "pkcs8_shrouded_key_bag":
                key = _load_key(bag["bag_value"].untag().dump(), password)
                if isinstance(key, rsa.RSAPrivateKey):
                    keys[local_id] = (str(attrs.get("friendly_name") or local_id.hex()), key)
            elif bag["bag_id"].native == "cert_bag":
                if bag["bag_value"]["cert_id"].native != "x509":
                    continue
                cert = x509.load_der_x509_certificate(bag["bag_value"]["cert_value"].parsed.dump())
                if local_id:
                    certs[local_id] = cert
                else:
                    loose.append(cert)
    entries = [P12Entry(name, key, certs[kid]) for kid, (name, key) in keys.items() if kid in certs]
    return entries, loose


MAC_DIGESTS = ("sha1", "sha256", "sha384", "sha512")


def p12_certificates(data: bytes, password: str) -> list[x509.Certificate]:
    """Every certificate in a PKCS#12 file whatever its key type — GOST files included."""
    try:
        pfx = ap12.Pfx.load(data, strict=True)
        auth_content = pfx["auth_safe"]["content"].native
        mac_data = pfx["mac_data"]
        mac = mac_data["mac"]
        algo = mac["digest_algorithm"]["algorithm"].native
        expected = mac["digest"].native
        salt, iterations = mac_data["mac_salt"].native, mac_data["iterations"].native
        if not isinstance(auth_content, bytes) or algo not in MAC_DIGESTS:
            raise ValueError("not a password-integrity PKCS#12")
    except (ValueError, KeyError, TypeError) as exc:
        raise SigningError(f"not a PKCS#12 file: {exc}", code="file_key_invalid") from exc
    if not hmac.compare_digest(_mac(password, salt, iterations, algo, auth_content), expected):
        raise PinIncorrect(None)
    certs: list[x509.Certificate] = []
    for info in ap12.AuthenticatedSafe.load(auth_content):
        kind = info["content_type"].native
        if kind == "data":
            raw = info["content"].native
        elif kind == "encrypted_data":
            raw = _decrypt_safe(info["content"]["encrypted_content_info"], password)
        else:
            continue
        for bag in ap12.SafeContents.load(raw):
            if bag["bag_id"].native == "cert_bag" and bag["bag_value"]["cert_id"].native == "x509":
                der = bag["bag_value"]["cert_value"].parsed.dump()
                certs.append(x509.load_der_x509_certificate(der))
    return certs


def _decrypt_safe(info: acms.EncryptedContentInfo, password: str) -> bytes:
    """The PKCS#12 PBE schemes NCA and OpenSSL use for certificate bags."""
    return _pbe_decrypt(info["content_encryption_algorithm"], info["encrypted_content"].native,
                        password, "the certificates")


def _pbe_decrypt(alg: Any, data: bytes, password: str, what: str) -> bytes:
    """PKCS#12 PBE (SHA-1 + 3DES or RC2-40) or PBES2 (PBKDF2 + AES) decryption of ``data``."""
    from cryptography.hazmat.decrepit.ciphers.algorithms import TripleDES
    from cryptography.hazmat.primitives import padding as sympad
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

    from signing import rc2

    try:
        if alg.kdf == "pkcs12_kdf":
            pw, salt, rounds = _bmp(password), alg.kdf_salt, alg.kdf_iterations
            key = _p12_kdf(pw, salt, rounds, alg.key_length, "sha1", purpose=1)
            iv = _p12_kdf(pw, salt, rounds, alg.encryption_block_size, "sha1", purpose=2)
            if alg.encryption_cipher == "rc2":
                return rc2.cbc_decrypt(key, iv, data)
            cipher = Cipher(TripleDES(key), modes.CBC(iv))
        elif alg.kdf == "pbkdf2" and alg.encryption_cipher == "aes":
            from cryptography.hazmat.primitives.hashes import SHA256
            from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC

            kdf = PBKDF2HMAC(SHA256(), alg.key_length, alg.kdf_salt, alg.kdf_iterations)
            key = kdf.derive(password.encode())
            cipher = Cipher(algorithms.AES(key), modes.CBC(alg.encryption_iv))
        else:
            raise ValueError(f"unsupported bag encryption {alg['algorithm'].native}")
        decryptor = cipher.decryptor()
        block_bits = 64 if alg.kdf == "pkcs12_kdf" else 128  # 3DES / AES
        unpadder = sympad.PKCS7(block_bits).unpadder()
        return unpadder.update(decryptor.update(data) + decryptor.finalize()) + unpadder.finalize()
    except ValueError as exc:
        raise SigningError(f"cannot decrypt {what}: {exc}", code="file_key_invalid") from exc


def gost_p12_keys(data: bytes, password: str) -> list[tuple[int, x509.Certificate]]:
    """(private scalar, certificate) of each GOST key in an NCA PKCS#12 file (issue 12).

    Established on NCA's test files: a pkcs8ShroudedKeyBag (PBE SHA-1 + 3DES, like the RSA
    files) holding a PKCS#8 PrivateKeyInfo whose privateKey is, for GOST 2004 keys, a DER
    INTEGER, and for GOST 2015 keys an OCTET STRING of the scalar, little-endian. A key
    matches its certificate by d·G; keys without one are left out. Sandbox and tests only.
    """
    from signing.gost import ec
    from signing.gost.certs import gost_key, is_gost_key
    from signing.gost.nca import GostError

    certs = [c for c in p12_certificates(data, password) if is_gost_key(c)]
    pfx = ap12.Pfx.load(data, strict=True)
    found: list[tuple[int, x509.Certificate]] = []
    for info in ap12.AuthenticatedSafe.load(pfx["auth_safe"]["content"].native):
        if info["content_type"].native != "data":
            continue
        for bag in ap12.SafeContents.load(info["content"].native):
            if bag["bag_id"].native != "pkcs8_shrouded_key_bag":
                continue
            epki = bag["bag_value"]
            plain = _pbe_decrypt(epki["encryption_algorithm"], epki["encrypted_data"].native,
                                 password, "the key")
            d = _gost_scalar(plain)
            for cert in certs:
                try:
                    key = gost_key(cert)
                except GostError:
                    continue
                if 0 < d < key.curve.q and ec.public_key(key.curve, d) == key.point:
                    found.append((d, cert))
    return found


def p12_signer(data: bytes, password: str) -> Signer:
    """The signing key of a PKCS#12 file as a Signer: RSA, or a GOST key in NCA's layout.

    For an operator key file (a deployment's answers and checkpoints): the first key whose
    certificate may sign; SigningError("no_key_for_purpose") when none may.
    """
    try:
        entries, cas = read_p12(data, password)
    except SigningError as exc:
        if exc.code not in ("unsupported_algorithm", "file_key_invalid"):
            raise
        gost = gost_p12_keys(data, password)
        if not gost:
            raise
        from signing.gost.certs import gost_key
        from signing.gost.issue import GostKeyPair
        from signing.gost.signer import GostSoftwareSigner

        loose = [c for c in p12_certificates(data, password) if all(c != g for _, g in gost)]
        for d, cert in gost:
            if profile_of(cert).purpose in _SIGNING_PURPOSES:
                chain = [c for c in loose if c.subject == cert.issuer]
                return GostSoftwareSigner(GostKeyPair(d, gost_key(cert)), cert, chain)
        raise SigningError("the key file holds no signing key", code="no_key_for_purpose") from exc
    for entry in entries:
        if profile_of(entry.certificate).purpose in _SIGNING_PURPOSES:
            return SoftwareSigner(entry.key, entry.certificate, cas)
    raise SigningError("the key file holds no signing key", code="no_key_for_purpose")


_SIGNING_PURPOSES = ("signing", "signing_and_authentication")


def write_gost_p12(path: Path, private: int, certificate: x509.Certificate, password: str,
                   cas: Sequence[x509.Certificate] = ()) -> Path:
    """A GOST key file laid out as NCA's (sandbox): PBE SHA-1 + 3DES key bag, SHA-1 MAC."""
    from cryptography.hazmat.decrepit.ciphers.algorithms import TripleDES
    from cryptography.hazmat.primitives import padding as sympad
    from cryptography.hazmat.primitives.ciphers import Cipher, modes

    from signing.der import tlv
    from signing.gost.certs import gost_key

    key = gost_key(certificate)
    algorithm = _spki_algorithm(certificate)  # the key's AlgorithmIdentifier, as issued
    if key.algorithm == "gost2004":  # a positive DER INTEGER (a leading zero when needed)
        secret = tlv(0x02, private.to_bytes((private.bit_length() + 8) // 8, "big"))
    else:
        secret = tlv(0x04, private.to_bytes(key.curve.size, "little"))
    pkcs8 = tlv(0x30, b"\x02\x01\x00" + algorithm + tlv(0x04, secret))
    salt, rounds = secrets.token_bytes(20), 1024
    pw = _bmp(password)
    enc_key = _p12_kdf(pw, salt, rounds, 24, "sha1", purpose=1)
    iv = _p12_kdf(pw, salt, rounds, 8, "sha1", purpose=2)
    padder = sympad.PKCS7(64).padder()
    padded = padder.update(pkcs8) + padder.finalize()
    encryptor = Cipher(TripleDES(enc_key), modes.CBC(iv)).encryptor()
    encrypted = encryptor.update(padded) + encryptor.finalize()
    attrs = ap12.Attributes([
        {"type": "friendly_name", "values": [format(certificate.serial_number, "x")]},
        {"type": "local_key_id", "values": [b"\x01" * 4]},
    ])
    bags = [
        ap12.SafeBag({
            "bag_id": "pkcs8_shrouded_key_bag",
            "bag_value": akeys.EncryptedPrivateKeyInfo({
                "encryption_algorithm": {
                    "algorithm": "pkcs12_sha1_tripledes_3key",
                    "parameters": {"salt": salt, "iterations": rounds},
                },
                "encrypted_data": encrypted,
            }),
            "bag_attributes": attrs,
        }),
        ap12.SafeBag({
            "bag_id": "cert_bag",
            "bag_value": ap12.CertBag({"cert_id": "x509", "cert_value": _acert(certificate)}),
            "bag_attributes": attrs,
        }),
        *(ap12.SafeBag({"bag_id": "cert_bag", "bag_value": ap12.CertBag(
            {"cert_id": "x509", "cert_value": _acert(ca)})}) for ca in cas),
    ]
    content = ap12.AuthenticatedSafe(
        [acms.ContentInfo({"content_type": "data", "content": ap12.SafeContents(bags).dump()})]
    ).dump()
    mac_salt = secrets.token_bytes(20)
    pfx = ap12.Pfx({
        "version": "v3",
        "auth_safe": {"content_type": "data", "content": content},
        "mac_data": {
            "mac": {"digest_algorithm": {"algorithm": "sha1"},
                    "digest": _mac(password, mac_salt, rounds, "sha1", content)},
            "mac_salt": mac_salt,
            "iterations": rounds,
        },
    })
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pfx.dump())
    os.chmod(path, 0o600)
    return path


def _spki_algorithm(certificate: x509.Certificate) -> bytes:
    """The certificate's SubjectPublicKeyInfo AlgorithmIdentifier, byte for byte."""
    from signing.der import children

    tbs = children(children(certificate.public_bytes(serialization.Encoding.DER))[0])
    return children(tbs[6])[0]


def _gost_scalar(private_key_info: bytes) -> int:
    # NCA's privateKey: a DER INTEGER (2004 keys) or an OCTET STRING, little-endian (2015).
    from asn1crypto import core

    try:
        outer = core.Sequence.load(private_key_info)
        inner = core.Asn1Value.load(core.OctetString.load(outer[2].dump()).native)
    except (ValueError, TypeError, IndexError) as exc:
        raise SigningError(f"not a PKCS#8 GOST key: {exc}", code="file_key_invalid") from exc
    if inner.tag == 2:  # INTEGER
        return int.from_bytes(inner.contents, "big")
    return int.from_bytes(inner.contents, "little")


def _load_key(der: bytes, password: str) -> object:
    try:
        return serialization.load_der_private_key(der, password.encode())
    except UnsupportedAlgorithm as exc:
        # DESIGN: in production GOST keys sign through NCALayer; a GOST key file opens only
        # as a sandbox file key (FileKeyToken, gost_p12_keys).
        raise SigningError(
            "This key file holds a GOST key; GOST keys sign through NCALayer (key files only "
            "in the sandbox).",
            code="unsupported_algorithm",
        ) from exc
    except ValueError as exc:
        raise SigningError(f"cannot decrypt the key in this file: {exc}",
                           code="file_key_invalid") from exc


def _read_p12_single(data: bytes, password: str) -> tuple[list[P12Entry], list[x509.Certificate]]:
    try:
        loaded = pkcs12.load_pkcs12(data, password.encode())
    except ValueError as exc:
        raise SigningError(
            f"cannot read this PKCS#12 (GOST keys are not supported): {exc}",
            code="file_key_invalid",
        ) from exc
    if loaded.key is None or loaded.cert is None or not isinstance(loaded.key, rsa.RSAPrivateKey):
        raise SigningError("the PKCS#12 holds no RSA key with a certificate",
                           code="file_key_invalid")
    name = (loaded.cert.friendly_name or b"key").decode(errors="replace")
    entries = [P12Entry(name, loaded.key, loaded.cert.certificate)]
    return entries, [c.certificate for c in loaded.additional_certs]


class FileKeyToken(Token):
    """A PKCS#12 file behaving like a token; refused outside the sandbox (R-AUTH-4)."""

    def __init__(self, path: Path, *, sandbox: bool) -> None:
        if not sandbox:
            # R-AUTH-4: only certified protected carriers may be used to sign in.
            raise SigningError(FILE_KEY_FORBIDDEN, code="file_key_forbidden")
        self.path = Path(path)
        self._entries: list[P12Entry] | None = None
        self._cas: list[x509.Certificate] = []
        self._gost: list[tuple[int, x509.Certificate]] = []  # NCA GOST key files (issue 12)

    def info(self) -> TokenInfo:
        """The file as a token: label is the file name; files have no PIN counter."""
        return TokenInfo(
            label=self.path.name,
            serial=hashlib.sha256(str(self.path.resolve()).encode()).hexdigest()[:16],
            manufacturer="file (SANDBOX)",
            model="PKCS#12",
            kind="file",
            pin=PinState(count_low=False, final_try=False, locked=False, attempts_left=None),
        )

    def login(self, pin: str) -> None:
        """Open the file with its password; a wrong one gives PinIncorrect(None)."""
        try:
            data = self.path.read_bytes()
        except FileNotFoundError as exc:
            raise TokenAbsent(f"Key file {self.path} is missing.") from exc
        except OSError as exc:
            raise TokenError(f"Cannot read key file {self.path}: {exc}") from exc
        try:
            self._entries, self._cas = read_p12(data, pin)
            self._gost = []
        except SigningError as exc:
            if exc.code not in ("unsupported_algorithm", "file_key_invalid"):
                raise
            gost = gost_p12_keys(data, pin)  # a wrong password raises PinIncorrect here too
            if not gost:
                raise
            self._entries, self._gost = [], gost
            self._cas = [c for c in p12_certificates(data, pin)
                         if all(c != cert for _, cert in gost)]

    def logout(self) -> None:
        """Forget the decrypted keys."""
        self._entries = None
        self._cas = []
        self._gost = []

    def keypairs(self) -> list[KeyPair]:
        """The keys in the file with their certificates."""
        entries = self._require()
        certs = [e.certificate for e in entries] + [cert for _, cert in self._gost]
        return [
            KeyPair(id=bytes([i + 1]) * 4, label=self._label(i), certificate=cert,
                    profile=profile_of(cert))
            for i, cert in enumerate(certs)
        ]

    def _label(self, index: int) -> str:
        entries = self._require()
        if index < len(entries):
            return entries[index].name
        return f"GOST_{self._gost[index - len(entries)][1].serial_number:X}"

    def signer(self, pair: KeyPair) -> Signer:
        """A software signer for that key; the file's CA certificates form the chain."""
        for entry in self._require():
            if entry.certificate == pair.certificate:
                chain = [c for c in self._cas if c.subject == entry.certificate.issuer]
                return SoftwareSigner(entry.key, entry.certificate, chain)
        for d, cert in self._gost:
            if cert == pair.certificate:
                from signing.gost.certs import gost_key
                from signing.gost.issue import GostKeyPair
                from signing.gost.signer import GostSoftwareSigner

                chain = [c for c in self._cas if c.subject == cert.issuer]
                return GostSoftwareSigner(GostKeyPair(d, gost_key(cert)), cert, chain)
        raise SigningError("that key is not in this file", code="no_such_key")

    def close(self) -> None:
        """Same as logout."""
        self.logout()

    def is_present(self) -> bool:
        """True while the file exists."""
        return self.path.is_file()

    def change_pin(self, old: str, new: str) -> None:
        """A sandbox key file keeps its password: there is no carrier whose PIN could change."""
        raise SigningError(
            "A key file's password cannot be changed here; only a token's PIN can.",
            code="pin_change_unsupported",
        )

    def _require(self) -> list[P12Entry]:
        if self._entries is None:
            raise SigningError("Log in to the key file first.", code="not_logged_in")
        return self._entries
