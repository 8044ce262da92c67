"""Gateway configuration, and the sandbox configuration built from a sandbox PKI."""

from __future__ import annotations

import logging
import os
import stat
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gateway.population import DEFAULT_SEED, KnownPerson
from signing.signer import Signer
from signing.trust import RevocationPolicy, TrustStore, policy_named
from transport.protocol import MAX_BODY_BYTES

if TYPE_CHECKING:
    from signing.sandbox_pki import SandboxPKI

log = logging.getLogger(__name__)
_WARNED: set[str] = set()


@dataclass(frozen=True)
class SeedUser:
    """A user registered at startup (the sandbox's analysts), with the agreement recorded."""

    iin: str
    name: str
    organization: str
    surname: str = ""
    first_name: str = ""
    patronymic: str = ""
    role: str = "afm_analyst"  # a deployment bootstraps its first operators as "operator"


class DirectoryTrust:
    """A trust store read from a directory, re-read when its files change (new CRLs)."""

    def __init__(self, directory: Path) -> None:
        self.directory = Path(directory)
        self._stamp: tuple[tuple[str, int, int], ...] | None = None
        self._store: TrustStore | None = None

    def _current_stamp(self) -> tuple[tuple[str, int, int], ...]:
        # os.scandir, not Path.iterdir + Path.stat: this runs twice per signed command (the
        # session's revocation check and the signature's), and pathlib's objects cost more
        # than the system calls (issue 10).
        found = []
        with os.scandir(self.directory) as entries:
            for f in entries:
                try:
                    st = f.stat()
                except FileNotFoundError:  # replaced while listed (a CRL renewed): gone
                    continue
                if stat.S_ISREG(st.st_mode):
                    found.append((f.name, st.st_mtime_ns, st.st_size))
        return tuple(sorted(found))

    def __call__(self) -> TrustStore:
        stamp = self._current_stamp()
        if self._store is None or stamp != self._stamp:
            self._store, self._stamp = TrustStore.from_directory(self.directory), stamp
        return self._store


# How often the sandbox looks whether a CRL is due for renewal. A CRL is renewed a day before it
# goes stale (signing.sandbox_pki.CRL_RENEW_BEFORE), so looking once a second loses nothing; the
# directory itself (a revocation written by another process) is still looked at on every call.
SANDBOX_CRL_CHECK_S = 1.0


class SandboxTrust(DirectoryTrust):
    """The sandbox PKI's trust directory; its CRLs are renewed before they go stale."""

    def __init__(self, pki: SandboxPKI) -> None:
        super().__init__(pki.trust_dir)
        self.pki = pki
        self._next_check = 0.0

    def __call__(self) -> TrustStore:
        # Issue 10: at most once per SANDBOX_CRL_CHECK_S, not twice per signed command (a stat
        # and the CRLs' dates, ≈ 0.1 ms each time in the served gateway).
        now = time.monotonic()
        if now >= self._next_check:
            self.pki.refresh_crls()  # time comparisons unless a CRL is due (then re-signed)
            self._next_check = now + SANDBOX_CRL_CHECK_S
        return super().__call__()


@dataclass(frozen=True)
class OperatorContacts:
    """The operator's published contacts: R-Q-4 reports an outage over an hour by phone and
    e-mail (2017 §15); the desk shows them with its prefilled notice."""

    phones: tuple[str, ...] = ()
    email: str = ""

    def as_json(self) -> dict[str, Any]:
        return {"phones": list(self.phones), "email": self.email}


# Example values only: the sandbox's operator is not reachable by phone or mail.
SANDBOX_CONTACTS = OperatorContacts(phones=("+7 7172 00-00-00",), email="sio-support@example.kz")


ATTESTATION_MODES = ("off", "require")
MAX_ATTESTATION_AGE_DAYS = 366  # a self-check older than a year says nothing of the workstation


def check_attestation_policy(mode: object, days: object) -> None:
    """ValueError unless `mode` is an attestation mode and `days` a whole number of days
    between 1 and MAX_ATTESTATION_AGE_DAYS."""
    if mode not in ATTESTATION_MODES:
        raise ValueError(f"'attestation' must be one of {', '.join(ATTESTATION_MODES)}, "
                         f"not {mode!r}")
    if (not isinstance(days, int) or isinstance(days, bool)
            or not 1 <= days <= MAX_ATTESTATION_AGE_DAYS):
        raise ValueError(f"'attestation_max_age_days' must be a whole number of days from 1 "
                         f"to {MAX_ATTESTATION_AGE_DAYS}, not {days!r}")


def default_db_url() -> str:
    import platformdirs

    data = Path(platformdirs.user_data_dir("sio-gateway", appauthor=False))
    data.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{data / 'gateway.sqlite'}"


@dataclass
class GatewayConfig:
    """Everything the gateway needs; `trust` is called per verification ("as of now")."""

    trust: Callable[[], TrustStore]
    operator_signer: Signer
    db_url: str = field(default_factory=default_db_url)
    sandbox: bool = False
    pki_dir: Path | None = None
    tls_cert: Path | None = None
    tls_key: Path | None = None
    nonce_window_s: int = 300  # R-AUTH-5: a signed query older or newer than this is refused
    session_ttl_s: int = 900
    challenge_ttl_s: int = 120
    max_body: int = MAX_BODY_BYTES
    # Slow and flooding clients (issue 9). A connection must finish its TLS handshake, request
    # line and headers within header_timeout_s and its whole body within body_timeout_s after
    # the headers, or it is closed; at most max_connections are open at once, of them at most
    # max_connections_per_peer from one address (an IPv6 /64 counts as one address).
    header_timeout_s: float = 10.0
    body_timeout_s: float = 60.0
    max_connections: int = 256
    max_connections_per_peer: int = 32
    # A token bucket per address: rate_limit_burst requests at once, then rate_limit_per_s; more
    # is answered 429 rate_limited with Retry-After. 0 turns the limit off.
    rate_limit_per_s: float = 10.0
    rate_limit_burst: int = 120
    # R-LOG-1 without a row per flooded request: refusals that name nobody (bad JSON, unknown
    # session, bad challenge, ...) are journaled one by one up to refusals_itemized per (address,
    # code) within refusal_window_s; the rest of that window become one row with their count,
    # written before any of them is answered.
    refusal_window_s: float = 60.0
    refusals_itemized: int = 10
    population_size: int = 10_000
    population_seed: int = DEFAULT_SEED
    seed_users: tuple[SeedUser, ...] = ()
    # R-LOG-1 "archived as it fills": a journal segment is sealed by an operator-signed
    # checkpoint once it holds this many entries, or at the first append after this age.
    segment_max_entries: int = 10_000
    segment_max_age_s: int = 86_400
    # R-CTL-1 reports: a result with no disposition (R-RES-1) this many hours after its answer
    # is overdue. The desk destroys an unattached result after its retention time, 8 hours by
    # default; a deployment that lets workstations keep results longer raises both together.
    retention_hours: int = 8
    # Office hours in Astana time (R-Q-5), [start, end) on these weekdays (Mon=0); the rest is
    # off-hours for the anomaly list.
    office_start_hour: int = 9
    office_end_hour: int = 19
    office_weekdays: tuple[int, ...] = (0, 1, 2, 3, 4)
    bulk_per_hour: int = 30  # more queries than this by one user within an hour is "bulk"
    many_users: int = 3  # the same subject queried by at least this many users is flagged
    # Issue 9: "hard_fail" refuses a certificate without a fresh CRL or a good OCSP answer
    # (certificate_revocation_unknown); "soft_fail" lets it through, logged and journaled. A
    # deployment gets soft_fail only by saying so in its file ("revocation_mode").
    revocation_mode: str = "hard_fail"
    operator_contacts: OperatorContacts = field(default_factory=OperatorContacts)  # R-Q-4
    # 2022 §4, App.3 (gateway.attestation): "require" refuses a user's queries unless their
    # newest signed self-check passed, was complete, is at most attestation_max_age_days old
    # and was signed with the certificate they sign with now; "off" only shows it.
    attestation: str = "off"
    attestation_max_age_days: int = 30

    def check_attestation_policy(self) -> None:
        """ValueError naming what is wrong with the attestation policy's settings."""
        check_attestation_policy(self.attestation, self.attestation_max_age_days)

    def revocation_policy(self) -> RevocationPolicy:
        """The revocation policy signatures are verified with (ValueError if misconfigured)."""
        policy = policy_named(self.revocation_mode)
        if policy.mode == "soft_fail" and self.revocation_mode not in _WARNED:
            _WARNED.add(self.revocation_mode)
            log.warning("revocation policy soft_fail%s: certificates whose revocation status "
                        "is unknown are accepted; each such acceptance is logged and journaled",
                        " (sandbox)" if self.sandbox else " (set by the deployment file)")
        return policy

    def known_people(self) -> tuple[KnownPerson, ...]:
        """People who must exist in the registry: the seeded users can look themselves up."""
        return tuple(
            KnownPerson(u.iin, u.surname, u.first_name, u.patronymic)
            for u in self.seed_users if u.surname
        )

    @classmethod
    def for_sandbox(cls, pki: SandboxPKI, *, db_url: str | None = None,
                    pki_dir: Path | None = None, **overrides: Any) -> GatewayConfig:
        """A sandbox configuration over an already loaded sandbox PKI."""
        from signing.sandbox_pki import SANDBOX_USERS

        seed = tuple(
            SeedUser(
                iin=u.iin,
                name=" ".join(p for p in (u.surname, u.first_name, u.patronymic) if p),
                organization=u.organization,
                surname=u.surname,
                first_name=u.first_name,
                patronymic=u.patronymic or "",
            )
            for u in SANDBOX_USERS
        )
        cfg = cls(
            trust=pki.trust_store,
            operator_signer=pki.operator_signer(),
            db_url=db_url or default_db_url(),
            sandbox=True,
            pki_dir=pki_dir,
            tls_cert=Path(pki.tls_cert_path),
            tls_key=Path(pki.tls_key_path),
            seed_users=seed,
            operator_contacts=SANDBOX_CONTACTS,
        )
        for name, value in overrides.items():
            if not hasattr(cfg, name):
                raise TypeError(f"unknown GatewayConfig field {name!r}")
            setattr(cfg, name, value)
        return cfg

    @classmethod
    def sandbox_config(cls, *, pki: SandboxPKI, db_url: str | None = None,
                       **overrides: Any) -> GatewayConfig:
        """Keyword spelling of for_sandbox (used by sandbox.harness)."""
        return cls.for_sandbox(pki, db_url=db_url, **overrides)

    @classmethod
    def sandbox_from_dir(cls, pki_dir: Path, *, db_url: str | None = None,
                         **overrides: Any) -> GatewayConfig:
        """Create (once) or load the sandbox PKI in `pki_dir` and configure over it."""
        from signing.sandbox_pki import ensure_sandbox_pki

        pki = ensure_sandbox_pki(pki_dir)  # renews CRLs that went stale while it was not used
        # Another process (the desk's sandbox tools) may revoke: follow the CRL on disk.
        overrides.setdefault("trust", SandboxTrust(pki))
        return cls.for_sandbox(pki, db_url=db_url, pki_dir=pki_dir, **overrides)
