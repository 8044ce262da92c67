"""The soak: simulated analysts with SoftHSM2-backed signatures against `sio-gateway serve` on
loopback, bounded in time — zero errors, the journal holds exactly what was acknowledged, the
gateway's memory is flat.

    ./run soak [--minutes 10] [--clients 50] [--json]

Set-up: a fresh sandbox PKI; one SoftHSM2 token per sandbox analyst (four tokens, each with the
analyst's on-token AUTH and signing keys, provisioned like the sandbox's); the gateway is the
real CLI, `sio-gateway serve --sandbox --rate-limit off` (one loopback address sends all the
load), on SQLite in a temporary folder. The clients run in `--workers` separate processes (two:
the machine has two cores, and the gateway needs one of them); client i uses analyst i mod 4's
token through a PKCS#11 session of its own (50 sessions over the 4 shared tokens), its own
GatewayClient (the desk's pinned channel) and its own gateway session.

Each client, closed loop with no think time until the deadline: log in (the gateway's challenge
signed with the AUTH key on the token), then repeat: a №1 query signed on the token (fresh
nonce, Astana time), its answer verified (operator signature against the trust store, pinned
operator certificate, canonical form, bound to the request's hash), then the signed disposition
of that result (destroyed unattached) — and at the end a logout. Every 2xx is counted per kind.

Checks: no error of any kind on any client; the journal's entries, per kind, equal the
acknowledged logins, queries, dispositions and logouts (nothing more: no refusal, no fault);
the gateway's RSS sampled every --sample-s seconds has a least-squares slope over the second
half of the run under --max-slope MiB/min.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import traceback
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
PIN = "12345678"
CASE = "SOAK-2026-000001"


def say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


# -- the client side (a worker process) ---------------------------------------------------------

# SoftHSM2 is initialised by python-pkcs11 without locking arguments, so the module assumes one
# thread at a time (concurrent calls corrupt its heap): every PKCS#11 call of a worker process
# takes this lock, as signing.pkcs11 does per token.
P11_LOCK = threading.Lock()


class SessionSigner:
    """A Signer over a private key object of one PKCS#11 session: one C_Sign per signature."""

    def __init__(self, key: Any, certificate: Any, chain: list[Any]) -> None:
        self._key, self._certificate, self._chain = key, certificate, chain

    @property
    def certificate(self) -> Any:
        return self._certificate

    @property
    def chain(self) -> list[Any]:
        return list(self._chain)

    def sign_raw(self, data: bytes) -> bytes:
        from pkcs11 import Mechanism

        with P11_LOCK:
            return bytes(self._key.sign(data, mechanism=Mechanism.SHA256_RSA_PKCS))


def _token(lib: Any, label: str) -> Any:
    """The token labelled `label`. SoftHSM2 keeps a token in files that a login in the other
    worker process may be rewriting as this one reads them: the read then fails with
    CKR_GENERAL_ERROR (once in a CI run of the 1-minute soak) and is tried again."""
    from pkcs11.exceptions import GeneralError

    for _ in range(4):
        try:
            return lib.get_token(token_label=label)
        except GeneralError:
            time.sleep(0.2)
    return lib.get_token(token_label=label)  # the fifth try's error, if any, is the answer


def _session_signers(token: Any, logged_in: bool) -> tuple[Any, SessionSigner, SessionSigner]:
    """A new session on `token` and (session, AUTH signer, signing signer) from its objects."""
    from cryptography import x509
    from pkcs11 import Attribute, ObjectClass

    from signing.profile import profile_of

    session = token.open(rw=False, user_pin=None if logged_in else PIN)
    certs = []
    for obj in session.get_objects({Attribute.CLASS: ObjectClass.CERTIFICATE}):
        certs.append((bytes(obj[Attribute.ID]), x509.load_der_x509_certificate(
            bytes(obj[Attribute.VALUE]))))
    chain = [c for i, c in certs if not i]  # the intermediate CA (stored without an id)
    found: dict[str, SessionSigner] = {}
    for cka_id, cert in certs:
        if not cka_id:
            continue
        key = session.get_key(object_class=ObjectClass.PRIVATE_KEY, id=cka_id)
        found[profile_of(cert).purpose] = SessionSigner(key, cert, chain)
    return session, found["authentication"], found["signing"]


class Client(threading.Thread):
    """One simulated analyst: login, then query → verify → disposition until the deadline."""

    def __init__(self, number: int, url: str, ca_file: Path, trust: Any, operator: str,
                 auth: SessionSigner, signer: SessionSigner, iin: str, subjects: list[str],
                 deadline: float, timeout: float) -> None:
        super().__init__(name=f"soak-client-{number}", daemon=True)
        from transport.client import GatewayClient

        self.number, self.trust, self.operator = number, trust, operator
        # Each simulated workstation has an address of its own on 127.0.0.0/8 (the gateway
        # admits at most 32 connections per address, as it would from one real workstation).
        self.address = f"127.0.{1 + number // 250}.{1 + number % 250}"
        self.auth, self.signer, self.iin, self.subjects = auth, signer, iin, subjects
        self.deadline = deadline
        self.client = GatewayClient(url, ca_file, timeout=timeout,
                                    transport=_bound_transport(ca_file, self.address))
        self.acked: Counter[str] = Counter()
        self.errors: list[str] = []
        self.latency: dict[str, list[float]] = {"query": [], "disposition": []}
        self.rng = random.Random(number)

    def run(self) -> None:
        session = None
        try:
            session = self._login()
            while time.monotonic() < self.deadline and len(self.errors) < 20:
                try:
                    self._round(session)
                except Exception as exc:  # counted, and the client goes on
                    self.errors.append(f"{type(exc).__name__}: {exc}"[:300])
        except Exception as exc:
            self.errors.append(f"{type(exc).__name__}: {exc}"[:300])
        finally:
            if session is not None:
                try:
                    self.client.logout(session)
                    self.acked["logout"] += 1
                except Exception as exc:
                    self.errors.append(f"logout: {type(exc).__name__}: {exc}"[:300])
            self.client.close()

    def _login(self) -> str:
        from signing.cms import sign_detached
        from transport.protocol import LoginRequest, LoginStatement, Signed

        challenge = self.client.challenge().challenge
        cms = sign_detached(LoginStatement(challenge=challenge).canonical(), self.auth)
        reply = self.client.login(LoginRequest(challenge=challenge,
                                               signature=Signed.wrap(b"", cms).signature))
        self.acked["login"] += 1
        return str(reply.session)

    def _round(self, session: str) -> None:
        from signing.cms import sign_detached, verify_detached
        from signing.profile import fingerprint
        from transport.canonical import sha256_hex
        from transport.clock import iso, now_astana
        from transport.protocol import (
            Basis,
            DispositionStatement,
            QueryRequest,
            QueryResult,
            Signed,
        )

        request = QueryRequest(
            resource=1, params={"iin": self.rng.choice(self.subjects)},
            basis=Basis(case_number=CASE, legal_ground="AML/CFT Law of RK, art. 16",
                        purpose="soak: a day of signed queries"),
            nonce=QueryRequest.new_nonce(), issued_at=iso(now_astana()), user_iin=self.iin)
        payload = request.canonical()
        signed = Signed.wrap(payload, sign_detached(payload, self.signer))
        started = time.monotonic()
        reply = self.client.query(signed, session)
        self.latency["query"].append(time.monotonic() - started)
        self.acked["query"] += 1
        body = reply.payload_bytes()
        verified = verify_detached(reply.signature_der(), body, self.trust, purpose="signing")
        if fingerprint(verified.certificate) != self.operator:
            raise RuntimeError("the answer is not signed by the pinned operator certificate")
        result = QueryResult.model_validate_json(body)
        if result.canonical() != body or result.request_sha256 != sha256_hex(payload):
            raise RuntimeError("the answer is not canonical or not bound to the request")
        statement = DispositionStatement(
            journal_seq=result.journal_seq, request_sha256=result.request_sha256,
            case_number=CASE, action="destroyed_unattached", destroyed_at=iso(now_astana()),
            nonce=QueryRequest.new_nonce(), issued_at=iso(now_astana()),
            user_iin=self.iin).canonical()
        started = time.monotonic()
        receipt = self.client.dispose(Signed.wrap(statement, sign_detached(statement,
                                                                           self.signer)),
                                      session)
        self.latency["disposition"].append(time.monotonic() - started)
        self.acked["disposition"] += 1
        if receipt.query_seq != result.journal_seq:
            raise RuntimeError("the disposition receipt names another query")


def _bound_transport(ca_file: Path, address: str) -> Any:
    """The desk's pinned transport (deadline-keeping sockets), its connections made from
    `address`."""
    import httpcore
    import httpx

    from transport.client import PinnedTransport, _DeadlineBackend, pinned_context

    tls = pinned_context(ca_file)
    transport = PinnedTransport(tls)
    limits = httpx.Limits()
    transport._pool = httpcore.ConnectionPool(
        ssl_context=tls, max_connections=limits.max_connections,
        max_keepalive_connections=limits.max_keepalive_connections,
        keepalive_expiry=limits.keepalive_expiry, local_address=address,
        network_backend=_DeadlineBackend())
    return transport


def worker(args: argparse.Namespace) -> int:
    """A client process: its clients' PKCS#11 sessions, then their threads; JSON to --out."""
    import pkcs11

    from signing.profile import fingerprint
    from signing.sandbox_pki import SANDBOX_USERS, load_sandbox_pki
    from signing.softhsm import softhsm_module

    pki = load_sandbox_pki(Path(args.pki_dir))
    trust = pki.trust_store()
    operator = fingerprint(pki.operator_cert)
    module = softhsm_module()
    assert module is not None
    lib = pkcs11.lib(str(module))
    subjects = [u.iin for u in SANDBOX_USERS]
    logged: set[str] = set()
    clients, sessions = [], []
    deadline = time.monotonic() + args.seconds
    for number in range(args.first, args.first + args.count):
        user = SANDBOX_USERS[number % len(SANDBOX_USERS)]
        token = _token(lib, f"SOAK {user.key}")
        session, auth, signer = _session_signers(token, user.key in logged)
        logged.add(user.key)  # PKCS#11: the first session's login holds for the process
        sessions.append(session)
        clients.append(Client(number, args.url, Path(args.ca_file), trust, operator, auth,
                              signer, user.iin, subjects, deadline, args.timeout))
    for client in clients:
        client.start()
    for client in clients:
        client.join(timeout=max(1.0, deadline - time.monotonic()) + args.timeout + 30)
    out = {
        "clients": len(clients),
        "alive": sum(c.is_alive() for c in clients),
        "acked": dict(sum((c.acked for c in clients), Counter())),
        "errors": [e for c in clients for e in c.errors][:50],
        "error_count": sum(len(c.errors) for c in clients),
        "latency": {kind: [x for c in clients for x in c.latency[kind]]
                    for kind in ("query", "disposition")},
    }
    Path(args.out).write_text(json.dumps(out), "utf-8")
    for session in sessions:
        try:
            session.close()
        except pkcs11.PKCS11Error:
            pass
    return 0


# -- the parent -----------------------------------------------------------------------------

def _slope_mb_per_min(samples: list[tuple[float, float]]) -> float:
    """Least-squares slope of (seconds, MiB) samples, MiB per minute."""
    if len(samples) < 2:
        return 0.0
    xs, ys = [s[0] for s in samples], [s[1] for s in samples]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    den = sum((x - mx) ** 2 for x in xs)
    return 0.0 if den == 0 else sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) \
        / den * 60


def _journal_counts(db: Path, after_seq: int) -> Counter[str]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=60)
    try:
        return Counter(dict(conn.execute(
            "SELECT kind, COUNT(*) FROM journal WHERE seq > ? GROUP BY kind", (after_seq,)
        ).fetchall()))
    finally:
        conn.close()


def _head(db: Path) -> int:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=60)
    try:
        return int(conn.execute("SELECT seq FROM journal_head WHERE id = 1").fetchone()[0])
    finally:
        conn.close()


def _pct(values: list[float], pct: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * pct / 100))]


def run(minutes: float = 10.0, clients: int = 50, workers: int = 2, sample_s: float = 10.0,
        max_slope: float = 1.0, timeout: float = 30.0, work: Path | None = None
        ) -> dict[str, Any]:
    """The soak; returns its summary (see the module's text), "ok" True when every check held."""
    from bench.journal_figures import sio_gateway
    from bench.load import Server
    from signing.sandbox_pki import create_sandbox_pki
    from signing.softhsm import softhsm_module

    if softhsm_module() is None:
        raise RuntimeError("SoftHSM2 is not installed (./run soak installs softhsm2)")
    seconds = minutes * 60
    own = work is None
    work = Path(tempfile.mkdtemp(prefix="sio-soak-")) if work is None else work
    try:
        pki = create_sandbox_pki(work / "pki")
        conf = _provision(work, pki)
        db = work / "gateway.sqlite"
        say(f"soak: {clients} clients in {workers} processes for {minutes:g} min against "
            "sio-gateway serve (SQLite, rate limit off)…")
        with Server(f"sqlite:///{db}", work / "pki",
                    launcher=(*sio_gateway(), "serve")) as server:
            start_seq = _head(db)
            env = {**os.environ, "SOFTHSM2_CONF": str(conf), "PYTHONPATH": str(ROOT)}
            per = [clients // workers + (1 if i < clients % workers else 0)
                   for i in range(workers)]
            procs, outs, first = [], [], 0
            for i, count in enumerate(per):
                out = work / f"worker-{i}.json"
                outs.append(out)
                procs.append(subprocess.Popen(
                    [sys.executable, "-m", "bench.soak", "--worker", "--url", server.url,
                     "--ca-file", str(pki.root_path), "--pki-dir", str(work / "pki"),
                     "--first", str(first), "--count", str(count), "--seconds", str(seconds),
                     "--timeout", str(timeout), "--out", str(out)],
                    cwd=ROOT, env=env, stdin=subprocess.DEVNULL))
                first += count
            samples: list[tuple[float, float]] = []
            started = time.monotonic()
            hard_stop = started + seconds + timeout + 120
            while any(p.poll() is None for p in procs) and time.monotonic() < hard_stop:
                elapsed = time.monotonic() - started
                if elapsed <= seconds + 1 and (not samples or elapsed - samples[-1][0]
                                               >= sample_s - 0.01):
                    samples.append((elapsed, server.rss_mb()))
                    say(f"soak:   {elapsed:5.0f} s  gateway RSS {samples[-1][1]:.1f} MiB")
                time.sleep(0.2)
            for proc in procs:
                if proc.poll() is None:
                    proc.kill()
                proc.wait(timeout=30)
            took = time.monotonic() - started
            rss_end = server.rss_mb()
        results = [json.loads(o.read_text("utf-8")) if o.is_file() else None for o in outs]
        journal = _journal_counts(db, start_seq)
    finally:
        if own:
            import shutil

            shutil.rmtree(work, ignore_errors=True)
    acked: Counter[str] = Counter()
    errors: list[str] = []
    error_count, latency = 0, {"query": [], "disposition": []}
    for i, res in enumerate(results):
        if res is None:
            errors.append(f"worker {i} wrote no result")
            error_count += 1
            continue
        acked += Counter(res["acked"])
        errors += res["errors"]
        error_count += res["error_count"] + res["alive"]
        for kind in latency:
            latency[kind] += res["latency"][kind]
    second_half = [s for s in samples if s[0] >= seconds / 2]
    slope = _slope_mb_per_min(second_half)
    kinds = sorted(set(acked) | set(journal))
    matches = all(acked.get(k, 0) == journal.get(k, 0) for k in kinds)
    summary = {
        "ok": error_count == 0 and matches and slope < max_slope and acked["query"] > 0,
        "minutes": minutes, "clients": clients, "workers": workers, "seconds": round(took, 1),
        "tokens": "one SoftHSM2 token per sandbox analyst (4), one PKCS#11 session per client",
        "errors": error_count, "first_errors": errors[:10],
        "acknowledged": dict(acked), "journal": dict(journal), "journal_matches": matches,
        "queries_per_s": acked["query"] / seconds if seconds else 0.0,
        "query_p50_s": _pct(latency["query"], 50), "query_p95_s": _pct(latency["query"], 95),
        "query_p99_s": _pct(latency["query"], 99), "query_max_s": _pct(latency["query"], 100),
        "rss_mb": [round(r, 1) for _, r in samples], "rss_end_mb": round(rss_end, 1),
        "sample_s": sample_s, "rss_slope_second_half_mb_per_min": round(slope, 3),
        "max_slope_mb_per_min": max_slope,
    }
    return summary


def _provision(work: Path, pki: Any) -> Path:
    """The four analysts' tokens, made in a child process (SoftHSM2 reads its configuration
    once per process, and the bench's own process may hold another)."""
    conf = work / "softhsm" / "softhsm2.conf"
    code = ("import sys; from pathlib import Path; "
            "from signing.softhsm import softhsm_environment, provision_token; "
            "from signing.sandbox_pki import SANDBOX_USERS, load_sandbox_pki; "
            "d = Path(sys.argv[1]); softhsm_environment(d / 'softhsm'); "
            "pki = load_sandbox_pki(d / 'pki'); "
            "[provision_token(d / 'softhsm', pki, u, label=f'SOAK {u.key}', user_pin=sys.argv[2])"
            " for u in SANDBOX_USERS]")
    subprocess.run([sys.executable, "-c", code, str(work), PIN], cwd=ROOT, check=True,
                   env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=120)
    return conf


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="./run soak", description=__doc__.split("\n")[0])
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--workers", type=int, default=2, help="client processes")
    parser.add_argument("--sample-s", type=float, default=10.0, help="RSS sampling period")
    parser.add_argument("--max-slope", type=float, default=1.0,
                        help="MiB/min the gateway's RSS may grow over the second half")
    parser.add_argument("--timeout", type=float, default=30.0, help="per exchange, seconds")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    for name in ("--url", "--ca-file", "--pki-dir", "--out"):
        parser.add_argument(name, help=argparse.SUPPRESS)
    parser.add_argument("--first", type=int, default=0, help=argparse.SUPPRESS)
    parser.add_argument("--count", type=int, default=0, help=argparse.SUPPRESS)
    parser.add_argument("--seconds", type=float, default=0.0, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        try:
            return worker(args)
        except Exception:
            traceback.print_exc()
            return 1
    if not 0 < args.minutes <= 120 or not 0 < args.clients <= 500:
        parser.error("--minutes must be in (0, 120] and --clients in (0, 500]")
    summary = run(args.minutes, args.clients, args.workers, args.sample_s, args.max_slope,
                  args.timeout)
    for key in ("ok", "errors", "acknowledged", "journal", "journal_matches", "queries_per_s",
                "query_p95_s", "rss_mb", "rss_slope_second_half_mb_per_min"):
        say(f"soak: {key}: {summary[key]}")
    if args.json:
        print(json.dumps(summary, ensure_ascii=False, indent=1))
    return 0 if summary["ok"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
