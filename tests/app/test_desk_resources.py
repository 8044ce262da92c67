"""What a signed-in desk keeps across queries (issue 10), on SoftHSM2 against the embedded
gateway: one signer per login, and no memory that grows with the number of past answers."""

from __future__ import annotations

import gc
import tracemalloc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.validation import DEFAULT_LEGAL_GROUND, make_basis

CASE = "2026-0910"
PURPOSE = "Проверка сведений по материалу АФМ"
ROUNDS = 15


@pytest.fixture
def run(tmp_path: Path, sandbox_pki: Any, softhsm_token: Any) -> Iterator[Any]:
    from sandbox.harness import start_sandbox

    with start_sandbox(tmp_path / "ws", pki=sandbox_pki, provisioned=softhsm_token) as sandbox:
        yield sandbox


class SignerCount:
    """Wraps a token's signer() and counts the signers it makes."""

    def __init__(self, token: Any) -> None:
        self.made: list[Any] = []
        self._signer = token.signer

    def __call__(self, pair: Any) -> Any:
        signer = self._signer(pair)
        self.made.append(signer)
        return signer


def _ask(run: Any, times: int) -> None:
    basis = make_basis(CASE, DEFAULT_LEGAL_GROUND, PURPOSE)
    for _ in range(times):
        outcome = run.desk.query(1, {"iin": run.sample_iin}, basis)
        assert outcome.response_verified


@pytest.mark.req("R-AUTH-5")
def test_the_signing_key_signer_is_made_once_per_login_and_reused(run: Any) -> None:
    """Issue 10 point 4: a signer per query re-encodes the certificates and loses the CMS
    template cache; the desk makes one per login (and one for the challenge)."""
    token = run.desk.token
    count = SignerCount(token)
    token.signer = count
    run.desk.login(run.pin)
    assert len(count.made) == 2  # the authentication key (challenge) and the signing key
    signing = run.desk._signer
    assert any(signing is made for made in count.made)
    _ask(run, 3)
    assert len(count.made) == 2 and run.desk._signer is signing
    run.desk.logout()
    run.desk.login(run.pin)  # a new login: a new signer (the old session's is gone)
    assert len(count.made) == 4 and run.desk._signer is not signing
    assert any(run.desk._signer is made for made in count.made[2:])


@pytest.mark.req("R-RES-1")
def test_memory_held_per_past_query_is_bounded(run: Any) -> None:
    """Answers live encrypted in the vault, not in the desk: 15 more queries leave what the
    desk's calls allocated within 1 KiB per query (one answer of №1 is ≈8 KiB). The embedded
    gateway shares the process; only allocations made under Desk.query are counted."""
    run.desk.login(run.pin)
    _ask(run, 5)  # caches that fill once (models, TLS session, statements) are filled now
    gc.collect()
    tracemalloc.start(40)  # deep enough to reach Desk.query from pydantic, httpx or sqlite
    try:
        before = _desk_bytes(tracemalloc.take_snapshot())
        _ask(run, ROUNDS)
        gc.collect()
        grown = _desk_bytes(tracemalloc.take_snapshot()) - before
    finally:
        tracemalloc.stop()
    assert grown / ROUNDS < 1024, f"{grown / ROUNDS:.0f} bytes kept per past query"


def _desk_bytes(snapshot: tracemalloc.Snapshot) -> int:
    mine = snapshot.filter_traces([tracemalloc.Filter(True, "*/app/desk.py", all_frames=True)])
    return sum(stat.size for stat in mine.statistics("filename"))
