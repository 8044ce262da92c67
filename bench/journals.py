"""Gateway databases with journals of 1 k, 100 k and 1 M entries, built once per code key
(bench.cache) from the gateway's own set-up (create_app: migrations, sealer, seeded users) and a
synthetic history (bench.history) written by bench.journal_builder; each run works on a copy.

The history reaches back up to 200 days, and `journal verify` checks every signature as of its
entry's time. So the bench's sandbox PKI is made BACKDATE days in the past (its CAs, the
operator's and the TLS certificate, the analysts' signing certificates: valid from then for the
sandbox's usual terms), by running signing.sandbox_pki with its clock set back, in this process
only; its CRLs are renewed as of now. The cache is thrown away once those certificates have
fewer than 30 days left.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from bench import history
from bench.cache import cache_dir
from bench.journal_builder import Caps, build
from signing import sandbox_pki
from signing.sandbox_pki import SandboxPKI, create_sandbox_pki, load_sandbox_pki

BACKDATE = dt.timedelta(days=210)


@dataclass(frozen=True)
class Built:
    """A cached gateway database and what it holds."""

    path: Path
    pki_dir: Path
    entries: int
    first_day: str  # Astana dates the history covers
    last_day: str
    bytes: int
    build_s: float

    def copy_to(self, directory: Path) -> Path:
        """A private copy to run against (the gateway appends; the cache must not change)."""
        directory.mkdir(parents=True, exist_ok=True)
        target = directory / self.path.name
        shutil.copyfile(self.path, target)
        return target


def pki_dir() -> Path:
    return cache_dir() / "pki"


@contextmanager
def backdated(delta: dt.timedelta = BACKDATE) -> Iterator[None]:
    """signing.sandbox_pki issues as if it were `delta` ago (this process, this block only)."""
    real = sandbox_pki._now
    sandbox_pki._now = lambda: real() - delta  # type: ignore[assignment]
    try:
        yield
    finally:
        sandbox_pki._now = real  # type: ignore[assignment]


def create_backdated_pki(directory: Path, delta: dt.timedelta = BACKDATE) -> SandboxPKI:
    with backdated(delta):
        create_sandbox_pki(directory)
    return load_sandbox_pki(directory)  # CRLs renewed as of now


def analyst_keys(pki: SandboxPKI, people: list[history.Analyst], directory: Path,
                 delta: dt.timedelta = BACKDATE) -> history.Keys:
    """The analysts' signing certificates (backdated like the PKI) over one shared key, kept in
    `directory` once made."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    key_file, certs_file = directory / "analysts.key", directory / "analysts.json"
    chain = pki.intermediate.public_bytes(serialization.Encoding.PEM)
    if key_file.is_file() and certs_file.is_file():
        certs = json.loads(certs_file.read_text("utf-8"))
        if len(certs) == len(people):
            return history.Keys(key_file.read_bytes(), tuple(c.encode() for c in certs), chain)
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    with backdated(delta):
        made = [pki.issue_user_certificate(history.sandbox_user(a), key.public_key(), "signing")
                for a in people]
    pems = [c.public_bytes(serialization.Encoding.PEM) for c in made]
    key_pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption())
    directory.mkdir(parents=True, exist_ok=True)
    key_file.write_bytes(key_pem)
    certs_file.write_text(json.dumps([p.decode() for p in pems]), "utf-8")
    return history.Keys(key_pem, tuple(pems), chain)


def bench_pki() -> SandboxPKI:
    """The backdated sandbox PKI every cached journal was signed with (CRLs renewed when
    stale); when its certificates end within 30 days the cache is emptied and it is made anew."""
    directory = pki_dir()
    if (directory / "trust" / "intermediate.crl").exists():
        pki = load_sandbox_pki(directory)
        left = pki.operator_cert.not_valid_after_utc - dt.datetime.now(dt.UTC)
        if left > dt.timedelta(days=30):
            return pki
        for old in cache_dir().iterdir():
            if old.is_dir():
                shutil.rmtree(old)
            else:
                old.unlink()
    return create_backdated_pki(directory)


def ensure(entries: int, say: Callable[[str], None] = lambda _t: None) -> Built:
    """The cached database with a journal of `entries` entries, built if missing."""
    cache = cache_dir()
    path = cache / f"gateway-{entries}.sqlite"
    meta = cache / f"gateway-{entries}.json"
    if path.is_file() and meta.is_file():
        data = json.loads(meta.read_text("utf-8"))
        return Built(path=path, pki_dir=pki_dir(), **data)
    pki = bench_pki()
    tmp = cache / f"building-{entries}.sqlite"
    for leftover in cache.glob(f"building-{entries}.sqlite*"):
        leftover.unlink()
    say(f"bench: building a journal of {entries:,} entries (cached under {cache})…")
    started = time.monotonic()
    first, last = _build(tmp, pki, entries, say)
    took = time.monotonic() - started
    tmp.replace(path)
    data = {"entries": entries, "first_day": first.isoformat(), "last_day": last.isoformat(),
            "bytes": path.stat().st_size, "build_s": round(took, 1)}
    meta.write_text(json.dumps(data), "utf-8")
    say(f"bench: journal of {entries:,} entries built in {took:.0f} s "
        f"({data['bytes'] / 1e6:.0f} MB)")
    return Built(path=path, pki_dir=pki_dir(), **data)  # type: ignore[arg-type]


def _build(path: Path, pki: SandboxPKI, entries: int,
           say: Callable[[str], None]) -> tuple[dt.date, dt.date]:
    from gateway import registry
    from gateway.app import create_app
    from gateway.config import GatewayConfig
    from gateway.db import make_engine
    from transport.clock import now_astana

    url = f"sqlite:///{path}"
    engine = make_engine(url)
    try:
        config = GatewayConfig.for_sandbox(pki, db_url=url)
        app = create_app(config, engine)  # the gateway's own schema, sealer and seeded users
        people = history.analysts()
        registry.seed(engine, history.seed_users(people))
        keys = analyst_keys(pki, people, cache_dir() / "analysts")
        made = history.History(app.state.population, history.with_serials(people, keys))
        last = now_astana().date() - dt.timedelta(days=1)
        first = last - dt.timedelta(days=made.days(entries) - 1)
        with engine.connect() as conn:
            from sqlalchemy import select

            from gateway.models import journal_head
            head = int(conn.execute(select(journal_head.c.seq)).scalar_one())
        # A checkpoint is signed by the operator: one due before the sandbox operator's
        # certificate existed is dated at its start, so the archive verifies.
        valid_from = pki.operator_cert.not_valid_before_utc + dt.timedelta(minutes=1)
        specs = history.signed(made.specs(head + 1, entries, last), keys)
        built = build(engine, specs, config.operator_signer,
                      Caps(config.segment_max_entries, config.segment_max_age_s),
                      seal_clock=lambda moment: max(moment, valid_from),
                      progress=lambda n: say(f"bench:   {n:,} / {entries:,} entries"))
        if built != entries:
            raise RuntimeError(f"built {built} entries, wanted {entries}")
    finally:
        engine.dispose()
    conn = sqlite3.connect(path)  # one self-contained file to copy
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    for side in (Path(f"{path}-wal"), Path(f"{path}-shm")):
        side.unlink(missing_ok=True)
    return first, last
