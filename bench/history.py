"""A synthetic but gateway-shaped history for big journals: the entries the gateway's own code
would write for a year of analysts' days, as Specs for bench.journal_builder.

Per day (Astana time, 09:00-19:00 with a few off-hours requests) analysts log in, send signed
queries to the gateway's real resolvers over its synthetic world, and report what became of each
result (printed, exported, both, destroyed unattached; a few stay pending); a few queries are
refused. Each entry carries what the gateway journals for that command — the signed request,
the operator-signed result, the disposition statement, the nonce and disposition rows — with the
same models and canonical JSON. What is not real: every request's `signature` field is one real
CMS by a sandbox analyst's key over another payload (so sizes are true but an outsider's
re-verification of those requests would fail), and the analysts beyond the sandbox's four are
registered directly (registry.seed), with made-up certificate serials.
"""

from __future__ import annotations

import base64
import datetime as dt
import itertools
import json
import math
import random
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import Any

from bench.journal_builder import Spec
from gateway.config import SeedUser
from gateway.models import dispositions, nonces
from gateway.population import Population
from gateway.resolvers import resolve
from gateway.timefmt import utc_text
from resources.catalogue import catalogue
from signing.cms import sign_detached
from signing.iin import make_iin
from signing.sandbox_pki import ORGANIZATION_BIN, SandboxUser
from transport.canonical import sha256_hex
from transport.clock import ASTANA, iso, to_astana
from transport.protocol import (
    Basis,
    DispositionStatement,
    QueryRequest,
    QueryResult,
    ResultRecord,
)

SUBJECTS = 400
ENTRIES_PER_DAY = 5000  # a national agency's analysts: 1 M entries in 200 days
ANALYSTS = 60  # under signing.cms's cache of 64 signers: each signs at token speed
ORGANIZATION = "Қаржылық мониторинг агенттігі (BENCH)"
GROUNDS = ("Закон РК «О противодействии легализации», ст. 16",
           "AML/CFT Law of RK, art. 16 p. 1", "ҚР Заңы, 16-бап")
PURPOSES = ("проверка финансовых операций", "анализ подозрительной операции",
            "запрос по материалу проверки", "checking a suspicious transaction report")
ACTIONS = (("printed", 30), ("exported", 20), ("printed_and_exported", 30),
           ("destroyed_unattached", 15), (None, 5))  # None: no disposition yet (pending)
REFUSALS = (("clock_skew", "issued_at is more than 300 s away"),
            ("nonce_replayed", "this nonce was already used"))


def _canonical(value: Any) -> bytes:
    """transport.canonical.canonical_json without its float scan (nothing here is a float):
    the same bytes, checked against the models as the history is made."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False,
                      allow_nan=False).encode("utf-8")


@dataclass(frozen=True)
class Analyst:
    index: int
    iin: str
    name: str
    auth_serial: str
    sign_serial: str
    peer: str


def analysts(count: int = ANALYSTS, seed: int = 7) -> list[Analyst]:
    """Deterministic analysts with valid IINs and workstation addresses."""
    rng = random.Random(seed)
    out = []
    for i in range(count):
        birth = dt.date(1965, 1, 1) + dt.timedelta(days=rng.randrange(0, 365 * 35))
        iin = make_iin(birth, "M" if i % 2 else "F", 5000 + i)
        out.append(Analyst(index=i, iin=iin, name=f"АНАЛИТИК {i:03d} BENCH",
                           auth_serial=f"{rng.getrandbits(160):040X}",
                           sign_serial=f"{rng.getrandbits(160):040X}",
                           peer=f"10.{20 + i // 250}.{i % 250}.{10 + i % 7}"))
    return out


def seed_users(people: list[Analyst]) -> tuple[SeedUser, ...]:
    return tuple(SeedUser(iin=a.iin, name=a.name, organization=ORGANIZATION) for a in people)


def with_serials(people: list[Analyst], keys: Keys) -> list[Analyst]:
    """The analysts with their signing certificates' serials (as the gateway journals them)."""
    from cryptography import x509

    from signing.profile import serial_hex

    return [replace(a, sign_serial=serial_hex(x509.load_pem_x509_certificate(
        keys.certificates[a.index]).serial_number)) for a in people]


def sandbox_user(analyst: Analyst) -> SandboxUser:
    """The analyst as the sandbox PKI issues certificates to (IIN in SERIALNUMBER)."""
    return SandboxUser(key=f"bench{analyst.index:03d}", surname="АНАЛИТИК",
                       first_name=f"БЕНЧ{analyst.index:03d}", patronymic="ТЕСТОВИЧ",
                       iin=analyst.iin, organization=ORGANIZATION, bin=ORGANIZATION_BIN)


@dataclass(frozen=True)
class Keys:
    """PEM of the analysts' shared signing key, of each analyst's certificate (by index) and of
    the intermediate CA: what a signing worker needs."""

    key: bytes
    certificates: tuple[bytes, ...]
    chain: bytes


_WORKER: list[Any] = []


def _worker_init(keys: Keys) -> None:
    from cryptography import x509
    from cryptography.hazmat.primitives.serialization import load_pem_private_key

    from signing.signer import SoftwareSigner

    key = load_pem_private_key(keys.key, None)
    chain = [x509.load_pem_x509_certificate(keys.chain)]
    _WORKER[:] = [SoftwareSigner(key, x509.load_pem_x509_certificate(c), chain)  # type: ignore[arg-type]
                  for c in keys.certificates]


def _sign(jobs: list[tuple[int, bytes, dt.datetime]]) -> list[str]:
    return [base64.b64encode(sign_detached(payload, _WORKER[who], signing_time=when)).decode()
            for who, payload, when in jobs]


def signed(items: Iterable[tuple[Spec, int | None]], keys: Keys, *, workers: int = 2,
           batch: int = 2000) -> Iterator[Spec]:
    """The specs with detail["signature"] filled: a detached CMS over detail["request"] by the
    analyst named with each, made by `workers` processes (0: in this one) while the caller
    goes on with the specs signed before."""
    from concurrent.futures import ProcessPoolExecutor

    pool = ProcessPoolExecutor(workers, initializer=_worker_init, initargs=(keys,)) \
        if workers else None
    if pool is None:
        _worker_init(keys)

    def submit(chunk: list[tuple[Spec, int | None]]) -> Callable[[], list[str]]:
        jobs = [(who, str((spec.detail or {})["request"]).encode("utf-8"),
                 spec.at - dt.timedelta(seconds=1))  # signed just before it came in
                for spec, who in chunk if who is not None]
        if pool is None:
            done = _sign(jobs)
            return lambda: done
        step = max(1, len(jobs) // (workers * 2) + 1)
        futures = [pool.submit(_sign, jobs[i:i + step]) for i in range(0, len(jobs), step)]
        return lambda: [sig for f in futures for sig in f.result()]

    try:
        source = iter(items)
        chunk = list(itertools.islice(source, batch))
        pending = submit(chunk)
        while chunk:
            following = list(itertools.islice(source, batch))
            ahead = submit(following)  # signed by the workers while these are written
            sigs = iter(pending())
            for spec, who in chunk:
                yield spec if who is None else replace(
                    spec, detail={**(spec.detail or {}), "signature": next(sigs)})
            chunk, pending = following, ahead
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)


def _resources() -> list[tuple[int, str]]:
    """(resource, its one subject parameter) for every resource asked by a single IIN."""
    out = []
    for r in catalogue().values():
        if r.queryable and len(r.params) == 1 and r.params[0].type in ("iin", "iin_or_bin"):
            out.append((r.id, r.params[0].name))
    return out


@dataclass
class _Event:
    at: dt.datetime  # UTC
    kind: str
    analyst: Analyst
    order: int
    query: _Event | None = None  # what a disposition disposes of
    info: dict[str, Any] = field(default_factory=dict)


class History:
    """Specs of a gateway-shaped history, day by day up to `last_day` (Astana), in time order."""

    def __init__(self, population: Population, people: list[Analyst], *,
                 per_day: int = ENTRIES_PER_DAY, seed: int = 11) -> None:
        self.population = population
        self.people = people
        self.per_day = per_day
        self.rng = random.Random(seed)
        # 400 popular subjects (10 for №19, whose synthetic portrait takes 0.1 s to draw), so
        # the gateway's resolvers run once per (resource, subject) and their answer is reused.
        self.subjects = population.sample_iins(SUBJECTS, seed=3)
        self.resources = _resources()
        self._records: dict[tuple[int, str], tuple[int, list[Any]]] = {}
        self._seq_of: dict[int, int] = {}
        self._checked: set[int] = set()
        self._requests = 0

    def days(self, count: int) -> int:
        return max(1, math.ceil(count / self.per_day))

    def specs(self, start_seq: int, count: int, last_day: dt.date
              ) -> Iterator[tuple[Spec, int | None]]:
        """`count` specs from seq `start_seq`, the last of them on `last_day` (Astana), each
        with the index of the analyst who must sign its detail["request"] (None: unsigned);
        `signed` fills the signatures in."""
        day = last_day - dt.timedelta(days=self.days(count) - 1)
        seq, made, order = start_seq, 0, 0
        while made < count:
            if day > last_day:
                raise RuntimeError("the history ran past its last day")
            events = self._day(day, order)
            order += len(events)
            events.sort(key=lambda e: (e.at, e.order))
            for event in events[:min(self.per_day, count - made)]:
                spec = self._spec(event, seq)
                if spec is None:
                    continue
                yield spec, (event.analyst.index if spec.kind in ("query", "disposition")
                             else None)
                seq += 1
                made += 1
            day += dt.timedelta(days=1)

    # -- one day ---------------------------------------------------------------------------

    def _moment(self, day: dt.date, seconds: float) -> dt.datetime:
        start = dt.datetime(day.year, day.month, day.day, tzinfo=ASTANA)
        return (start + dt.timedelta(seconds=min(seconds, 86_399.0))).astimezone(dt.UTC)

    def _day(self, day: dt.date, order: int) -> list[_Event]:
        rng = self.rng
        events: list[_Event] = []
        while len(events) < self.per_day:  # sessions (an analyst may come back later)
            who = rng.choice(self.people)
            off_hours = rng.random() < 0.03
            start = rng.uniform(0, 86_000) if off_hours else rng.uniform(9 * 3600, 17 * 3600)
            events.append(_Event(self._moment(day, start), "login", who, order))
            order += 1
            case = f"{day.year}-{rng.randrange(1, 20):02d}-{rng.randrange(1, 999_999):06d}"
            t = start
            for _ in range(rng.randint(3, 12)):
                t += rng.uniform(30, 1800)
                if rng.random() < 0.3:
                    case = f"{day.year}-{rng.randrange(1, 20):02d}-{rng.randrange(1, 999_999):06d}"
                kind = "refusal" if rng.random() < 0.02 else "query"
                query = _Event(self._moment(day, t), kind, who, order, info={"case": case})
                order += 1
                events.append(query)
                action = rng.choices([a for a, _ in ACTIONS], [w for _, w in ACTIONS])[0]
                if kind == "query" and action is not None:
                    events.append(_Event(self._moment(day, t + rng.uniform(60, 900)),
                                         "disposition", who, order, query=query,
                                         info={"action": action}))
                    order += 1
            if rng.random() < 0.5:
                events.append(_Event(self._moment(day, t + rng.uniform(60, 1800)), "logout",
                                     who, order))
                order += 1
        return events

    # -- entries ---------------------------------------------------------------------------

    def _records_of(self, resource: int, param: str, subject: str) -> tuple[int, list[Any]]:
        """(how many, the records as the result's JSON carries them)."""
        key = (resource, subject)
        found = self._records.get(key)
        if found is None:
            records = resolve(self.population, resource, {param: subject})
            found = self._records[key] = (len(records),
                                          [r.model_dump(mode="json") for r in records])
        return found

    def _result(self, request_sha256: str, seq: int, resource: int, issued_at: str,
                records: list[Any]) -> bytes:
        """QueryResult(...).canonical() without re-validating cached records (checked against
        the model once per resource)."""
        doc = {"version": 1, "request_sha256": request_sha256, "journal_seq": seq,
               "resource": resource, "issued_at": issued_at, "records": records,
               "truncated": catalogue()[resource].truncated}
        body = _canonical(doc)
        if resource not in self._checked:
            model = QueryResult(request_sha256=request_sha256, journal_seq=seq,
                                resource=resource, issued_at=issued_at,
                                records=[ResultRecord(**r) for r in records],
                                truncated=catalogue()[resource].truncated)
            if model.canonical() != body:
                raise RuntimeError(f"the result of №{resource} differs from QueryResult's")
            self._checked.add(resource)
        return body

    def _spec(self, event: _Event, seq: int) -> Spec | None:
        rng, who, at = self.rng, event.analyst, event.at
        if event.kind == "login":
            return Spec("login", at, actor_iin=who.iin, cert_serial=who.auth_serial, seq=seq,
                        detail={"endpoint": "login", "peer": who.peer,
                                "session_expires_at": iso(to_astana(at + dt.timedelta(
                                    seconds=900)))})
        if event.kind == "logout":
            return Spec("logout", at, actor_iin=who.iin, cert_serial=who.auth_serial, seq=seq,
                        detail={"reason": "user", "endpoint": "logout", "peer": who.peer})
        if event.kind in ("query", "refusal"):
            return self._query(event, seq)
        query = event.query
        assert query is not None
        query_seq = self._seq_of.pop(query.order, None)
        if query_seq is None:  # its query fell outside the history
            return None
        action = event.info["action"]
        destroyed = iso(to_astana(at - dt.timedelta(seconds=rng.uniform(1, 30))))
        nonce = f"{rng.getrandbits(128):032x}"
        printout = None if action in ("printed", "destroyed_unattached") \
            else f"{rng.getrandbits(256):064x}"
        statement = DispositionStatement(
            journal_seq=query_seq, request_sha256=query.info["request_sha256"],
            case_number=query.info["case"], action=action, printout_sha256=printout,
            destroyed_at=destroyed, nonce=nonce,
            issued_at=iso(to_astana(at - dt.timedelta(seconds=1))), user_iin=who.iin)
        payload = statement.canonical().decode("utf-8")
        return Spec(
            "disposition", at, actor_iin=who.iin, cert_serial=who.sign_serial,
            resource=query.info["resource"], request_sha256=query.info["request_sha256"],
            seq=seq,
            detail={"endpoint": "disposition", "query_seq": query_seq, "action": action,
                    "case_number": query.info["case"], "printout_sha256": printout,
                    "destroyed_at": destroyed, "nonce": nonce, "request": payload,
                    "signature": "", "peer": who.peer},
            rows=((nonces, {"iin": who.iin, "nonce": nonce, "seen_at": utc_text(at)}),
                  (dispositions, {"query_seq": query_seq, "journal_seq": seq, "iin": who.iin,
                                  "action": action, "case_number": query.info["case"],
                                  "printout_sha256": printout, "destroyed_at": destroyed,
                                  "at_utc": utc_text(at)})))

    def _query(self, event: _Event, seq: int) -> Spec:
        rng, who, at = self.rng, event.analyst, event.at
        resource, param = (1, "iin") if rng.random() < 0.3 else rng.choice(self.resources)
        subject = rng.choice(self.subjects[:10] if resource == 19 else self.subjects)
        nonce = f"{rng.getrandbits(128):032x}"
        basis = {"case_number": event.info["case"], "legal_ground": rng.choice(GROUNDS),
                 "purpose": rng.choice(PURPOSES)}
        doc = {"version": 1, "resource": resource, "params": {param: subject}, "basis": basis,
               "nonce": nonce,
               "issued_at": iso(to_astana(at - dt.timedelta(seconds=rng.uniform(0, 2)))),
               "user_iin": who.iin}
        payload = _canonical(doc)
        self._requests += 1
        if self._requests <= 50 or self._requests % 1000 == 0:  # the model says the same
            if QueryRequest(**{**doc, "basis": Basis(**basis)}).canonical() != payload:
                raise RuntimeError("a request differs from QueryRequest's canonical form")
        request_sha256 = sha256_hex(payload)
        event.info.update(request_sha256=request_sha256, resource=resource)
        if event.kind == "refusal":
            code, message = rng.choice(REFUSALS)
            return Spec("refusal", at, actor_iin=who.iin, cert_serial=who.sign_serial,
                        resource=resource, basis=basis, request_sha256=request_sha256, seq=seq,
                        detail={"code": code, "endpoint": "query", "message": message,
                                "peer": who.peer})
        found, records = self._records_of(resource, param, subject)
        body = self._result(request_sha256, seq, resource, iso(to_astana(at)), records)
        self._seq_of[event.order] = seq
        return Spec(
            "query", at, actor_iin=who.iin, cert_serial=who.sign_serial, resource=resource,
            basis=basis, request_sha256=request_sha256, response_sha256=sha256_hex(body),
            seq=seq,
            detail={"endpoint": "query", "records": found, "nonce": nonce,
                    "request": payload.decode("utf-8"), "signature": "",
                    "result": body.decode("utf-8"), "peer": who.peer},
            rows=((nonces, {"iin": who.iin, "nonce": nonce, "seen_at": utc_text(at)}),))
