"""Gateway figures: a signed query's round trip through the real GatewayClient, and journaled
queries per second under 16 connections from wrk — at a 1 k and at a 1 M-entry journal.

Every baseline is served by the same process, over the same TLS, through the same middleware
(bench/serve.py mounts the baseline routes onto the app create_app made).
"""

from __future__ import annotations

import json
import sqlite3
import statistics
import time
from pathlib import Path
from typing import Any

from bench import journals, load
from bench.env import Env, say
from bench.figures import Figure, Goal
from bench.load import Server, WrkResult
from bench.serve import ECHO, HELLO, REPLY_HEADER

CONNECTIONS = 16
QUERY_PATH = "/v1/queries"


def _head(db: Path) -> int:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30)
    try:
        return int(conn.execute("SELECT seq FROM journal_head WHERE id = 1").fetchone()[0])
    finally:
        conn.close()


def _reply_bytes(reply: Any) -> int:
    return len(json.dumps(reply.model_dump(), separators=(",", ":")).encode("utf-8"))


# -- round trip ---------------------------------------------------------------------------------

def query_roundtrip(env: Env) -> list[Figure]:
    """Median seconds of GatewayClient.query (a pre-signed query: signing is not in it) against
    the same client's POST of the same body to the echo route answering as many bytes; on a
    kept-alive connection, then on a new connection each time (keep-alive expired: an analyst
    whose queries are more than httpx's 5 s apart)."""
    from signing.sandbox_pki import SANDBOX_USERS
    from transport.protocol import Signed

    server = env.gateway()
    user = SANDBOX_USERS[1]
    auth, signer = env.pki.software_signers(user)
    client = load.client_for(server.url, env.pki_dir)
    rounds = 20 if env.quick else 60
    try:
        token = load.login(client, auth)
        headers = {"Authorization": f"Bearer {token}"}

        def signed() -> Signed:
            return Signed(**load.signed_query(signer, user.iin, user.iin))

        first = signed()
        reply = client.query(first, token)  # warm-up: connection, caches on both sides
        size = _reply_bytes(reply)
        request_size = len(json.dumps(first.model_dump(), separators=(",", ":")))
        echo_headers = {**headers, REPLY_HEADER: str(size)}
        pool = client._http._transport._pool  # the pinned transport's connection pool

        def echo(body: Signed) -> float:
            start = time.perf_counter()
            status, _content = client._exchange("POST", ECHO.removeprefix("/v1"),
                                               body.model_dump(), echo_headers,
                                               client.max_query_reply)
            took = time.perf_counter() - start
            if status != 200:
                raise RuntimeError(f"echo answered {status}")
            return took

        def query(body: Signed) -> float:
            start = time.perf_counter()
            client.query(body, token)
            return time.perf_counter() - start

        echo(first)
        out = []
        for cold in (False, True):
            q_times, e_times = [], []
            for _ in range(rounds):  # interleaved, so drift hits both alike
                body = signed()
                if cold:
                    pool.close()
                q_times.append(query(body))
                if cold:
                    pool.close()
                e_times.append(echo(body))
            q, e = statistics.median(q_times), statistics.median(e_times)
            name = "query_roundtrip_cold" if cold else "query_roundtrip"
            how = "a new TLS connection each" if cold else "a kept-alive connection"
            out.append(Figure(
                name, q, "s", e, "s", (Goal("ratio", "<=", 3),),
                what=(f"GatewayClient.query of a pre-signed №1 query ({request_size} B, answer "
                      f"{size} B) to sio-gateway serve, {how} / the same client POSTing the same "
                      f"body to a route answering {size} B on the same server; median of "
                      f"{rounds}"),
                extra={"query_p90_s": _pct(q_times, 90), "baseline_p90_s": _pct(e_times, 90),
                       "request_bytes": request_size, "reply_bytes": size, "rounds": rounds}))
        env.results["reply_bytes"] = size
        return out
    finally:
        client.close()


def _pct(values: list[float], pct: int) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * pct / 100))]


# -- throughput ---------------------------------------------------------------------------------

def _load(server: Server, db: Path, env: Env) -> dict[str, Any]:
    """wrk at 16 connections: the echo baseline, hello-world, then the signed queries."""
    bodies, seconds = (1500, 8.0) if env.quick else (6000, 20.0)
    base_seconds = 5.0 if env.quick else 10.0
    live = load.sessions(server.url, env.pki_dir, per_user=4)  # 16 sessions, 4 analysts
    reply = int(env.results.get("reply_bytes") or 2600)
    say(f"bench:   signing {bodies} queries before the timed window…")
    lines = load.presign(env.pki_dir, live, bodies)
    before = _head(db)
    rss_before = server.rss_mb()
    echo = load.wrk(server.url, ECHO, lines, mode="cycle", seconds=base_seconds,
                    reply_bytes=reply, connections=CONNECTIONS)
    hello = load.wrk(server.url, HELLO, load.hello_lines(live), mode="get",
                     seconds=base_seconds, connections=CONNECTIONS)
    started = _head(db)
    queries = load.wrk(server.url, QUERY_PATH, lines, mode="once", seconds=seconds,
                       connections=CONNECTIONS)
    time.sleep(0.5)
    return {"echo": echo, "hello": hello, "queries": queries, "journal_before": before,
            "journal_added": _head(db) - started, "bodies": bodies, "cap_s": seconds,
            "request_bytes": len(lines[0].split("\t", 1)[1]), "reply_bytes": reply,
            "rss_before_mb": rss_before, "rss_after_mb": server.rss_mb()}


def _extra(run: dict[str, Any]) -> dict[str, Any]:
    q: WrkResult = run["queries"]
    echo: WrkResult = run["echo"]
    hello: WrkResult = run["hello"]
    return {
        "p50_ms": q.p50_ms, "p95_ms": q.p95_ms, "p99_ms": q.p99_ms, "max_ms": q.max_ms,
        "errors": q.non200 + q.errors, "answered": q.requests, "sent": q.sent,
        "seconds": q.duration_s, "presigned": run["bodies"], "time_cap_s": run["cap_s"],
        "journal_entries_before": run["journal_before"],
        "journal_entries_added": run["journal_added"],
        "first_error": q.first_bad or None,
        "baseline_p95_ms": echo.p95_ms, "baseline_errors": echo.non200 + echo.errors,
        "hello_per_s": hello.per_s, "hello_p95_ms": hello.p95_ms,
        "request_bytes": run["request_bytes"], "reply_bytes": run["reply_bytes"],
        "connections": CONNECTIONS, "gateway_rss_before_mb": run["rss_before_mb"],
        "gateway_rss_after_mb": run["rss_after_mb"],
    }


WHAT = ("wrk (1 thread, 16 connections, keep-alive) POSTs pre-signed №1 queries, each once, to "
        "POST /v1/queries of `sio-gateway serve --sandbox --rate-limit off` on SQLite: verified, "
        "journaled (committed), answered operator-signed / the same bodies POSTed to a route of "
        "the same server answering as many bytes without any gateway work")


def gateway_throughput(env: Env) -> Figure:
    server = env.gateway()
    run = _load(server, Path(server.db_url.removeprefix("sqlite:///")), env)
    q, echo = run["queries"], run["echo"]
    env.results["throughput_1k"] = q.per_s
    return Figure("gateway_throughput", q.per_s, "q/s", echo.per_s, "req/s",
                  (Goal("ratio", ">=", 0.3), Goal("value", ">=", 500, "q/s"),
                   Goal("p95_ms", "<", 50, "ms"), Goal("errors", "<=", 0)),
                  what=WHAT + f"; journal of {run['journal_before']} entries",
                  extra=_extra(run))


def journal_and_throughput_1m(env: Env) -> list[Figure]:
    """On a copy of the 1 M-entry database: export + verify, then the throughput run."""
    from bench.journal_figures import journal_verify

    built = journals.ensure(1_000_000, say)
    env.stop_gateway()  # one gateway at a time on two cores
    work = env.work / "gw-1m"
    say("bench:   copying the 1 M-entry database…")
    db = built.copy_to(work)
    out = [journal_verify(env, db, built, "journal_verify_1m")]
    with Server(f"sqlite:///{db}", built.pki_dir) as server:
        run = _load(server, db, env)
    db.unlink(missing_ok=True)
    q = run["queries"]
    base = env.results.get("throughput_1k")
    extra = _extra(run)
    extra["echo_per_s"] = run["echo"].per_s
    out.append(Figure("gateway_throughput_1m", q.per_s, "q/s", base, "q/s at 1 k entries",
                      (Goal("ratio", ">=", 0.9), Goal("errors", "<=", 0)),
                      what=WHAT.split(" / ")[0] + f"; journal of {run['journal_before']} "
                      "entries / gateway_throughput's rate (1 k entries) in this run",
                      extra=extra,
                      error=None if base else "gateway_throughput did not run"))
    return out
