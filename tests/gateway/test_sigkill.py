"""Every answered query survives a SIGKILL of the gateway mid-load (R-LOG-1, issue 5)."""

from __future__ import annotations

import queue
import signal
import ssl
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest

from gateway import journal
from gateway.cli import main
from gateway.db import make_engine
from signing.sandbox_pki import SANDBOX_USERS, SandboxPKI, create_sandbox_pki
from transport.canonical import sha256_hex
from transport.protocol import API_PREFIX, QueryResult, Signed

from .helpers import bearer, login, query_request, signed_query

ROOT = Path(__file__).resolve().parents[2]
THREADS = 4
PER_THREAD = 150  # bounds the load even if the kill never comes
KILL_AFTER = 40  # answered queries before the SIGKILL
USER = SANDBOX_USERS[2]


class Server:
    """`sio-gateway serve --sandbox` as a subprocess; the URL comes from its first stderr line."""

    def __init__(self, db_url: str, pki_dir: Path) -> None:
        cmd = [sys.executable, "-c", "import sys; from gateway.cli import main; "
               "sys.exit(main(sys.argv[1:]))", "serve", "--sandbox", "--port", "0",
               "--pki-dir", str(pki_dir), "--db", db_url]
        self.proc = subprocess.Popen(cmd, cwd=ROOT, stderr=subprocess.PIPE, text=True)
        lines: queue.Queue[str] = queue.Queue()
        assert self.proc.stderr is not None
        stream = self.proc.stderr

        def pump() -> None:  # keeps reading so the server never blocks on a full pipe
            for text in stream:
                lines.put(text)

        threading.Thread(target=pump, daemon=True).start()
        try:
            line = lines.get(timeout=60)
        except queue.Empty:
            self.stop()
            raise AssertionError("the gateway did not start within 60 s") from None
        assert "SANDBOX serving https://127.0.0.1:" in line, line
        self.url = line.split("serving ", 1)[1].split()[0]

    def stop(self) -> int:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        return self.proc.wait(timeout=15)


def _client(pki: SandboxPKI, url: str) -> httpx.Client:
    context = ssl.create_default_context(cafile=str(pki.root_path))  # pinned to the sandbox root
    return httpx.Client(base_url=url, verify=context, trust_env=False, timeout=10)


def _load(pki: SandboxPKI, url: str, answered: list[tuple[int, str]],
          lock: threading.Lock, errors: list[BaseException], killed: threading.Event) -> None:
    auth_signer, sign_signer = pki.software_signers(USER)
    try:
        with _client(pki, url) as client:
            token = login(client, auth_signer)
            for _ in range(PER_THREAD):
                if killed.is_set():
                    return
                req = query_request(USER.iin)
                try:
                    response = client.post(f"{API_PREFIX}/queries",
                                           json=signed_query(req, sign_signer),
                                           headers=bearer(token))
                except httpx.HTTPError:
                    if killed.is_set():
                        return  # the server was killed under us: expected
                    continue  # a slow answer on a loaded machine is not the kill
                if response.status_code != 200:
                    continue  # only answered queries carry a promise to check
                signed = Signed.model_validate(response.json())
                result = QueryResult.model_validate_json(signed.payload_bytes())
                assert result.request_sha256 == sha256_hex(req.canonical())
                with lock:
                    answered.append((result.journal_seq, result.request_sha256))
    except httpx.HTTPError:
        return  # killed while logging in
    except BaseException as exc:  # reported by the test, not swallowed
        errors.append(exc)


@pytest.mark.req("R-LOG-1", "R-LOG-2", "R-CTL-3")
def test_answered_queries_survive_sigkill_and_the_archive_verifies(
        db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pki_dir = tmp_path / "pki"
    pki = create_sandbox_pki(pki_dir)  # shared with the server, so the test signs as a user
    answered: list[tuple[int, str]] = []
    errors: list[BaseException] = []
    lock = threading.Lock()
    server = Server(db_url, pki_dir)
    try:
        killed = threading.Event()
        threads = [threading.Thread(target=_load,
                                    args=(pki, server.url, answered, lock, errors, killed))
                   for _ in range(THREADS)]
        for t in threads:
            t.start()
        deadline = time.monotonic() + 30
        while len(answered) < KILL_AFTER and time.monotonic() < deadline \
                and any(t.is_alive() for t in threads):
            time.sleep(0.01)
        mid_load = any(t.is_alive() for t in threads)
        server.proc.send_signal(signal.SIGKILL)  # mid-load: requests are in flight
        killed.set()  # from now on a failed request is the kill, not a slow answer
        for t in threads:
            t.join(timeout=20)
        assert server.proc.wait(timeout=10) == -signal.SIGKILL
    finally:
        server.stop()
    assert errors == [] and not any(t.is_alive() for t in threads)
    assert mid_load, "the load finished before the kill: raise PER_THREAD"
    assert len(answered) >= KILL_AFTER

    # Restarted on the same database, it serves again and continues the journal.
    again = Server(db_url, pki_dir)
    try:
        more: list[tuple[int, str]] = []
        with _client(pki, again.url) as client:
            token = login(client, pki.software_signers(USER)[0])
            req = query_request(USER.iin)
            response = client.post(f"{API_PREFIX}/queries",
                                   json=signed_query(req, pki.software_signers(USER)[1]),
                                   headers=bearer(token))
            assert response.status_code == 200, response.text
            result = QueryResult.model_validate_json(
                Signed.model_validate(response.json()).payload_bytes())
            more.append((result.journal_seq, result.request_sha256))
    finally:
        assert again.stop() == 0

    engine = make_engine(db_url)
    try:
        entries = journal.entries(engine)
    finally:
        engine.dispose()
    assert journal.verify_chain(entries) is None
    by_seq = {e.seq: e for e in entries}
    for seq, request_sha256 in answered + more:  # every promise made by a 200 was kept
        assert by_seq[seq].kind == "query" and by_seq[seq].request_sha256 == request_sha256

    out = tmp_path / "archive"
    assert main(["journal", "export", str(out), "--db", db_url, "--sandbox",
                 "--pki-dir", str(pki_dir)]) == 0
    capsys.readouterr()
    assert main(["journal", "verify", str(out), "--json", "--trust", str(pki.trust_dir),
                 "--operator-cert", str(pki.directory / "operator.pem")]) == 0
    assert f'"entries": {len(entries)}' in capsys.readouterr().out
