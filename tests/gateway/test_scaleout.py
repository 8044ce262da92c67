"""Two gateway processes on one PostgreSQL database keep one dense, chained journal (issue 5)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from gateway import journal
from gateway.db import make_engine
from signing.sandbox_pki import SANDBOX_USERS, SandboxPKI, create_sandbox_pki
from transport.canonical import sha256_hex
from transport.protocol import API_PREFIX, QueryResult, Signed

from .conftest import PG_URL, _drop_pg_database, _pg_database
from .helpers import bearer, login, query_request, signed_query
from .test_sigkill import Server, _client

THREADS = 4
PER_THREAD = 40  # bounded load: 160 signed queries split across both processes

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(not PG_URL, reason="SIO_TEST_PG_URL not set: scale-out needs PostgreSQL "
                       "(two processes cannot share one SQLite file over a network)"),
]


@pytest.fixture
def pg_url() -> Iterator[str]:
    url, name = _pg_database("sio_gw_scale")
    try:
        yield url
    finally:
        _drop_pg_database(name)


def _load(pki: SandboxPKI, url: str, index: int, answered: list[tuple[int, str]],
          lock: threading.Lock, errors: list[BaseException]) -> None:
    user = SANDBOX_USERS[index % len(SANDBOX_USERS)]
    auth_signer, sign_signer = pki.software_signers(user)
    try:
        with _client(pki, url) as client:
            token = login(client, auth_signer)
            for _ in range(PER_THREAD):
                req = query_request(user.iin)
                response = client.post(f"{API_PREFIX}/queries",
                                       json=signed_query(req, sign_signer), headers=bearer(token))
                assert response.status_code == 200, response.text
                result = QueryResult.model_validate_json(
                    Signed.model_validate(response.json()).payload_bytes())
                assert result.request_sha256 == sha256_hex(req.canonical())
                with lock:
                    answered.append((result.journal_seq, result.request_sha256))
    except BaseException as exc:  # reported by the test, not swallowed
        errors.append(exc)


@pytest.mark.req("R-LOG-1", "R-LOG-2", "R-CTL-3")
def test_two_processes_one_database_one_dense_chain(pg_url: str, tmp_path: Path) -> None:
    pki_dir = tmp_path / "pki"
    pki = create_sandbox_pki(pki_dir)
    # Started one after the other so the two migrations at startup do not race.
    servers = [Server(pg_url, pki_dir)]
    try:
        servers.append(Server(pg_url, pki_dir))
        assert servers[0].url != servers[1].url
        answered: list[tuple[int, str]] = []
        errors: list[BaseException] = []
        lock = threading.Lock()
        threads = [threading.Thread(target=_load, args=(
            pki, servers[i % 2].url, i, answered, lock, errors)) for i in range(THREADS)]
        started = time.monotonic()
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=120)
        assert not any(t.is_alive() for t in threads), "the load did not finish in 120 s"
        elapsed = time.monotonic() - started
    finally:
        for server in servers:
            assert server.stop() == 0
    assert errors == [], errors[:1]
    assert len(answered) == THREADS * PER_THREAD, elapsed

    engine = make_engine(pg_url)
    try:
        entries = journal.entries(engine)
    finally:
        engine.dispose()
    seqs = [e.seq for e in entries]
    assert seqs == list(range(1, len(entries) + 1))  # dense: no gaps, no duplicates
    assert journal.verify_chain(entries) is None  # one chain across both writers
    assert [e.at_utc for e in entries] == sorted(e.at_utc for e in entries)  # R-LOG-1
    by_seq = {e.seq: e for e in entries}
    assert len({seq for seq, _ in answered}) == len(answered)
    for seq, request_sha256 in answered:  # every 200 points at its own journal entry
        assert by_seq[seq].kind == "query" and by_seq[seq].request_sha256 == request_sha256
    assert sum(e.kind == "login" for e in entries) == THREADS
    assert sum(e.kind == "query" for e in entries) == THREADS * PER_THREAD
