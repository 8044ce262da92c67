"""Hardware tokens through PKCS#11 (python-pkcs11): pick by label, one session per token."""

from __future__ import annotations

import ctypes
import os
import sys
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pkcs11
from cryptography import x509
from pkcs11 import Attribute, Mechanism, ObjectClass, TokenFlag

from signing.errors import PinIncorrect, PinLocked, SigningError, TokenAbsent, TokenError
from signing.profile import profile_of
from signing.signer import CertifiedSigner, Signer
from signing.token import KeyPair, PinState, Token, TokenInfo

# NCA-EDS §3.2: generic vendor modules seen in public code; the paths are configuration.
KNOWN_MODULES: dict[str, list[str]] = {
    "linux": [
        "libsofthsm2.so",
        "libjcPKCS11-2.so",  # JaCarta
        "libeTPkcs11.so",  # SafeNet eToken
        "libeToken.so",
        "opensc-pkcs11.so",
    ],
    "win32": [
        "softhsm2-x64.dll",
        "softhsm2.dll",
        "jcPKCS11-2.dll",
        "eTPKCS11.dll",
        "opensc-pkcs11.dll",
    ],
    "darwin": [
        "libsofthsm2.so",
        "libjcPKCS11-2.dylib",
        "libeTPkcs11.dylib",
        "opensc-pkcs11.so",
    ],
}

LIB_DIRS: dict[str, list[str]] = {
    "linux": [
        "/usr/lib", "/usr/lib64", "/usr/local/lib", "/usr/lib/x86_64-linux-gnu",
        "/usr/lib/aarch64-linux-gnu", "/usr/lib/softhsm", "/usr/lib/x86_64-linux-gnu/softhsm",
        "/usr/local/lib/softhsm", "/usr/lib64/pkcs11", "/usr/lib/pkcs11",
        "/usr/lib/x86_64-linux-gnu/pkcs11", "/opt/aladdin/jcPKCS11-2/lib", "/usr/lib64/softhsm",
    ],
    "win32": [
        os.path.expandvars(r"%SystemRoot%\System32"),
        r"C:\SoftHSM2\lib",
        os.path.expandvars(r"%ProgramFiles%\OpenSC Project\OpenSC\pkcs11"),
    ],
    "darwin": ["/usr/local/lib", "/opt/homebrew/lib", "/Library/OpenSC/lib",
               "/usr/local/lib/softhsm", "/opt/homebrew/lib/softhsm"],
}

_ABSENT_ERRORS = (
    pkcs11.exceptions.TokenNotPresent,
    pkcs11.exceptions.DeviceRemoved,
    pkcs11.exceptions.SlotIDInvalid,
    pkcs11.exceptions.TokenNotRecognised,
    pkcs11.exceptions.SessionHandleInvalid,
    pkcs11.exceptions.SessionClosed,
)


def _platform() -> str:
    return "win32" if sys.platform.startswith("win") else (
        "darwin" if sys.platform == "darwin" else "linux")


def find_modules(configured: Sequence[str] = ()) -> list[Path]:
    """Configured module paths first (as given), then known vendor modules found on disk."""
    found: list[Path] = [Path(p) for p in configured]
    seen = {os.path.realpath(p) for p in found}
    plat = _platform()
    for directory in LIB_DIRS[plat]:
        for name in KNOWN_MODULES[plat]:
            candidate = Path(directory) / name
            real = os.path.realpath(candidate)
            if candidate.is_file() and real not in seen:
                seen.add(real)
                found.append(candidate)
    return found


# Module handles, one per real path. python-pkcs11 0.10 can hold several modules; older
# releases allowed one per process, so a failure to load a second one is reported clearly.
_LIBS: dict[str, Any] = {}  # pkcs11._pkcs11.lib objects
_RAW: dict[str, ctypes.CDLL] = {}
_LIB_LOCK = threading.RLock()


def module_key(module: Path | str) -> str:
    """The registry key of a module: its real path (symlinked copies are one module)."""
    return os.path.realpath(module)


def is_loaded(module: Path | str) -> bool:
    """True when this module is already initialised in this process."""
    return module_key(module) in _LIBS


def load_module(module: Path | str) -> Any:
    """Load and initialise a PKCS#11 module once per process."""
    key = module_key(module)
    with _LIB_LOCK:
        lib = _LIBS.get(key)
        if lib is not None:
            return lib
        if not os.path.isfile(key):
            raise TokenAbsent(f"PKCS#11 module {module} is not installed.")
        try:
            lib = pkcs11.lib(key)
        except pkcs11.PKCS11Error as exc:
            others = ", ".join(_LIBS) or "none"
            raise TokenError(
                f"Cannot load PKCS#11 module {key}: {exc} (already loaded in this process: "
                f"{others}; python-pkcs11 before 0.8 allows only one module per process)"
            ) from exc
        _LIBS[key] = lib
        return lib


def raw_module(module: Path | str) -> ctypes.CDLL:
    """ctypes view of the SAME loaded module, for calls python-pkcs11 lacks (C_InitToken)."""
    key = module_key(module)
    load_module(key)  # C_Initialize must have happened in this process
    with _LIB_LOCK:
        raw = _RAW.get(key)
        if raw is None:
            raw = ctypes.CDLL(key)  # dlopen of a loaded library returns the same instance
            _RAW[key] = raw
        return raw


def _close_all_sessions(module: str, slot_id: int) -> None:
    # python-pkcs11 leaves the session open when C_Login fails; close such strays so a
    # token with few session slots does not run out after wrong PINs. Called only while this
    # process holds no session of that token (the registry dropped it before the login).
    try:
        func = raw_module(module).C_CloseAllSessions
        func.argtypes = [ctypes.c_ulong]
        func.restype = ctypes.c_ulong
        func(slot_id)
    except (OSError, AttributeError):
        pass  # best effort: a stray session is a leak, not a failure


def certificate_objects(session: pkcs11.Session) -> list[tuple[bytes, str, x509.Certificate]]:
    """(CKA_ID, label, certificate) of every readable X.509 certificate object in the session."""
    found = []
    for obj in session.get_objects({Attribute.CLASS: ObjectClass.CERTIFICATE}):
        try:
            cert = x509.load_der_x509_certificate(obj[Attribute.VALUE])
        except (pkcs11.PKCS11Error, ValueError):
            continue  # an unreadable certificate object is not ours to judge
        found.append((_attribute(obj, Attribute.ID, bytes, b""),
                      _attribute(obj, Attribute.LABEL, str, ""), cert))
    return found


def _attribute(obj: Any, attr: Any, kind: Any, default: Any) -> Any:
    try:
        return kind(obj[attr])
    except pkcs11.PKCS11Error:
        return default


def pin_state(flags: int) -> PinState:
    """PinState from CKF_USER_PIN_COUNT_LOW / FINAL_TRY / LOCKED."""
    tf = TokenFlag(flags)
    locked = bool(tf & TokenFlag.USER_PIN_LOCKED)
    final = bool(tf & TokenFlag.USER_PIN_FINAL_TRY)
    # PKCS#11 gives no counter; FINAL_TRY means exactly one attempt remains.
    attempts = 0 if locked else (1 if final else None)
    return PinState(
        count_low=bool(tf & TokenFlag.USER_PIN_COUNT_LOW),
        final_try=final,
        locked=locked,
        attempts_left=attempts,
    )


def _serial(token: pkcs11.Token) -> str:
    return token.serial.decode("ascii", errors="replace").strip()


def _info(token: pkcs11.Token) -> TokenInfo:
    return TokenInfo(
        label=token.label.strip(),
        serial=_serial(token),
        manufacturer=token.manufacturer_id.strip(),
        model=token.model.strip(),
        kind="pkcs11",
        pin=pin_state(int(token.flags)),
    )


def _present_tokens(lib: Any) -> list[pkcs11.Token]:
    tokens = []
    for slot in lib.get_slots(token_present=True):
        try:
            token = slot.get_token()
        except _ABSENT_ERRORS:
            continue
        if token.flags & TokenFlag.TOKEN_INITIALIZED:
            tokens.append(token)
    return tokens


def list_tokens(module: Path | str) -> list[TokenInfo]:
    """Initialised tokens present in the module's slots."""
    try:
        return [_info(t) for t in _present_tokens(load_module(module))]
    except pkcs11.PKCS11Error as exc:
        raise TokenError(f"PKCS#11 module {module}: {exc}") from exc


@dataclass
class _Shared:
    """The process-wide state of one token: its one logged-in session and a lock."""

    module: str
    serial: str
    label: str
    lock: threading.RLock = field(default_factory=threading.RLock)
    session: pkcs11.Session | None = None
    generation: int = 0  # bumped at each login/logout so old signers stop working


# One session per token per process (DESIGN: keep one logged-in session per token).
_REGISTRY: dict[tuple[str, str], _Shared] = {}
_REGISTRY_LOCK = threading.Lock()


def close_all_tokens() -> None:
    """Log out and close every token session this process holds (tests, shutdown)."""
    with _REGISTRY_LOCK:
        shared = list(_REGISTRY.values())
        _REGISTRY.clear()
    for entry in shared:
        with entry.lock:
            _drop_session(entry)


def _drop_session(shared: _Shared) -> None:
    session, shared.session = shared.session, None
    shared.generation += 1
    if session is not None:
        try:
            session.close()  # C_Logout + C_CloseSession
        except pkcs11.PKCS11Error:
            pass  # the token may be gone; the session dies with it


def _map_error(exc: pkcs11.PKCS11Error, what: str) -> SigningError:
    if isinstance(exc, pkcs11.exceptions.PinIncorrect):
        return PinIncorrect(None)
    if isinstance(exc, pkcs11.exceptions.PinLocked):
        return PinLocked()
    if isinstance(exc, _ABSENT_ERRORS):
        return TokenAbsent(f"The token was removed ({what}).")
    if isinstance(exc, pkcs11.exceptions.UserNotLoggedIn):
        return SigningError("Log in to the token first.", code="not_logged_in")
    return TokenError(f"{what} failed: {type(exc).__name__} {exc}".strip())


class Pkcs11Token(Token):
    """A token in a PKCS#11 module, chosen by label or serial (never by slot id)."""

    def __init__(self, shared: _Shared, gost_mechanisms: Mapping[str, int] | None = None) -> None:
        self._shared = shared
        self._gost_mechanisms = dict(gost_mechanisms or {})

    @classmethod
    def open(cls, module: Path | str, label: str, *,
             gost_mechanisms: Mapping[str, int] | None = None) -> Pkcs11Token:
        """The token whose label (or serial) is ``label``; TokenAbsent when not connected.
        `gost_mechanisms`: the policy's mechanism ids for GOST keys (signing.pkcs11_gost)."""
        key = module_key(module)
        try:
            tokens = _present_tokens(load_module(key))
        except pkcs11.PKCS11Error as exc:
            raise _map_error(exc, "listing tokens") from exc
        matches = [t for t in tokens if t.label.strip() == label] or [
            t for t in tokens if _serial(t) == label
        ]
        if not matches:
            raise TokenAbsent(f"No token labelled {label!r} is connected.")
        if len(matches) > 1:
            raise TokenError(
                f"Several tokens are labelled {label!r}; choose one by serial: "
                + ", ".join(_serial(t) for t in matches)
            )
        token = matches[0]
        reg_key = (key, _serial(token))
        with _REGISTRY_LOCK:
            shared = _REGISTRY.get(reg_key)
            if shared is None:
                shared = _Shared(module=key, serial=reg_key[1], label=token.label.strip())
                _REGISTRY[reg_key] = shared
        return cls(shared, gost_mechanisms)

    @property
    def module(self) -> str:
        """Real path of the PKCS#11 module."""
        return self._shared.module

    @property
    def session(self) -> pkcs11.Session | None:
        """The token's one logged-in session in this process (None when logged out)."""
        return self._shared.session

    def _token(self) -> pkcs11.Token:
        """Fresh token info (flags change after each PIN attempt); TokenAbsent if removed."""
        try:
            for token in _present_tokens(load_module(self._shared.module)):
                if _serial(token) == self._shared.serial:
                    return token
        except pkcs11.PKCS11Error as exc:
            raise _map_error(exc, "reading token info") from exc
        raise TokenAbsent(f"The token {self._shared.label!r} is not connected.")

    def info(self) -> TokenInfo:
        """Label, serial, maker, model and PIN state (read fresh from the token)."""
        return _info(self._token())

    def is_present(self) -> bool:
        """True while the token is in its slot."""
        try:
            self._token()
        except SigningError:
            return False
        return True

    def login(self, pin: str) -> None:
        """Log in with the user PIN (R-AUTH-1); re-login verifies the PIN again."""
        shared = self._shared
        with shared.lock:
            token = self._token()
            if token.flags & TokenFlag.USER_PIN_LOCKED:
                raise PinLocked()
            _drop_session(shared)
            try:
                # R/W so that change_pin (C_SetPIN) works in the same session.
                shared.session = token.open(rw=True, user_pin=pin)
            except pkcs11.PKCS11Error as exc:
                _close_all_sessions(shared.module, token.slot.slot_id)
                error = _map_error(exc, "login")
                if isinstance(error, PinIncorrect):
                    state = pin_state(int(self._token().flags))
                    if state.locked:
                        raise PinLocked() from exc
                    raise PinIncorrect(state.attempts_left) from exc
                raise error from exc
            shared.generation += 1

    def logout(self) -> None:
        """Log out and close the session; signers made before stop working."""
        with self._shared.lock:
            _drop_session(self._shared)

    def close(self) -> None:
        """Log out and forget this token in the process registry."""
        with _REGISTRY_LOCK:
            _REGISTRY.pop((self._shared.module, self._shared.serial), None)
        self.logout()

    def _session(self) -> pkcs11.Session:
        session = self._shared.session
        if session is None:
            raise SigningError("Log in to the token first.", code="not_logged_in")
        return session

    def _certificates(self, session: pkcs11.Session) -> list[tuple[bytes, str, x509.Certificate]]:
        return certificate_objects(session)

    def keypairs(self) -> list[KeyPair]:
        """Private keys matched to certificates with the same CKA_ID."""
        with self._shared.lock:
            session = self._session()
            try:
                key_ids = set()
                for key in session.get_objects({Attribute.CLASS: ObjectClass.PRIVATE_KEY}):
                    key_ids.add(bytes(key[Attribute.ID]))
                certs = self._certificates(session)
            except pkcs11.PKCS11Error as exc:
                raise _map_error(exc, "reading keys") from exc
        pairs = [
            KeyPair(id=cka_id, label=label, certificate=cert, profile=profile_of(cert))
            for cka_id, label, cert in certs
            if cka_id and cka_id in key_ids
        ]
        return sorted(pairs, key=lambda p: (p.label, p.id))

    def signer(self, pair: KeyPair) -> Signer:
        """A Signer over the token key; one C_Sign (CKM_SHA256_RSA_PKCS, or for a GOST key the
        mechanism the policy names, when the token offers it) per call."""
        from signing.gost.certs import is_gost_key

        with self._shared.lock:
            session = self._session()
            try:
                key = session.get_key(object_class=ObjectClass.PRIVATE_KEY, id=pair.id)
                certs = [c for _, _, c in self._certificates(session)]
                offered = (self._offered_mechanisms() if is_gost_key(pair.certificate)
                           else set())
            except pkcs11.PKCS11Error as exc:
                raise _map_error(exc, "finding the key") from exc
            chain = _chain_for(pair.certificate, certs)
            if is_gost_key(pair.certificate):  # issue 12
                from signing.pkcs11_gost import Pkcs11GostSigner, mechanism_for

                mechanism = mechanism_for(pair.certificate, self._gost_mechanisms, offered)
                return Pkcs11GostSigner(self._shared, self._shared.generation, key,
                                        pair.certificate, chain, mechanism)
            return Pkcs11Signer(self._shared, self._shared.generation, key, pair.certificate,
                                chain)

    def _offered_mechanisms(self) -> set[int]:
        """The mechanism ids the token's slot lists (C_GetMechanismList)."""
        return {int(m) for m in self._token().slot.get_mechanisms()}

    def change_pin(self, old: str, new: str) -> None:
        """Change the user PIN with C_SetPIN (R-AUTH-7: at least monthly)."""
        shared = self._shared
        with shared.lock:
            token = self._token()
            session = shared.session
            temporary = session is None
            try:
                if session is None:
                    session = token.open(rw=True)
                session.set_pin(old, new)
            except (pkcs11.exceptions.PinLenRange, pkcs11.exceptions.PinInvalid) as exc:
                raise SigningError(
                    "The new PIN is not acceptable to the token (length or characters).",
                    code="pin_invalid",
                ) from exc
            except pkcs11.PKCS11Error as exc:
                error = _map_error(exc, "changing the PIN")
                if isinstance(error, PinIncorrect):
                    raise PinIncorrect(pin_state(int(self._token().flags)).attempts_left) from exc
                raise error from exc
            finally:
                if temporary and session is not None:
                    session.close()


def _chain_for(leaf: x509.Certificate, pool: list[x509.Certificate]) -> list[x509.Certificate]:
    chain: list[x509.Certificate] = []
    current = leaf
    while current.issuer != current.subject and len(chain) < 8:
        issuer = next((c for c in pool if c.subject == current.issuer and c not in chain), None)
        if issuer is None:
            break
        chain.append(issuer)
        current = issuer
    # Ship intermediates only; the verifier holds the anchor.
    return [c for c in chain if c.issuer != c.subject]


class Pkcs11Signer(CertifiedSigner):
    """Signs with a token key in the token's one session (serialised by its lock)."""

    def __init__(self, shared: _Shared, generation: int, key: Any,
                 certificate: x509.Certificate, chain: list[x509.Certificate],
                 mechanism: int = Mechanism.SHA256_RSA_PKCS) -> None:
        super().__init__(certificate, chain)
        self._shared = shared
        self._generation = generation
        self._key = key
        self._mechanism = mechanism

    def sign_raw(self, data: bytes) -> bytes:
        """sha256WithRSAEncryption over ``data``: one C_SignInit/C_Sign on the token."""
        return self._sign_on_token(data)

    def _sign_on_token(self, data: bytes) -> bytes:
        """One C_Sign with the key's mechanism, refused once the session it came from ended."""
        with self._shared.lock:
            if self._shared.generation != self._generation or self._shared.session is None:
                raise SigningError("The token session ended; log in again.",
                                   code="not_logged_in")
            try:
                return bytes(self._key.sign(data, mechanism=self._mechanism))
            except pkcs11.PKCS11Error as exc:
                raise _map_error(exc, "signing") from exc
