"""Group commit (issue 10, gateway.writer): many commands per transaction, each answer released
only after the transaction holding its entry committed (R-LOG-1); a refused command of a batch
changes nothing, not even its nonce, and does not take the others down."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import Connection, Engine, func, insert, select

from gateway import journal
from gateway.models import journal as journal_table
from gateway.models import nonces
from gateway.problems import Refusal
from gateway.writer import GroupWriter
from transport.clock import now_utc


def _count(engine: Engine, table: Any = journal_table) -> int:
    with engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(table)).scalar_one())


def _entry(nonce: str, *, refuse: bool = False) -> Callable[[Connection], int]:
    """A command's write: its nonce, its journal entry; refused after both if `refuse`."""

    def work(conn: Connection) -> int:
        conn.execute(insert(nonces).values(iin="900101300015", nonce=nonce,
                                           seen_at=now_utc().isoformat()))
        seq = journal.append(conn, "query", detail={"nonce": nonce}).seq
        if refuse:
            raise Refusal("param_invalid", "refused after writing")
        return seq

    return work


def _batched(writer: GroupWriter, works: list[Callable[[Connection], int]],
             finish: Callable[[], None] | None = None) -> list[Any]:
    """Run `works` from threads while a first write holds the writer, so they queue up and
    are taken into one batch; each one's result or error."""
    release, holding = threading.Event(), threading.Event()

    def hold(conn: Connection) -> int:
        holding.set()
        release.wait(10)
        return 0

    outcomes: list[Any] = [None] * len(works)

    def go(i: int) -> None:
        try:
            outcomes[i] = writer.run(works[i], finish)
        except BaseException as exc:  # the outcome under test
            outcomes[i] = exc

    first = threading.Thread(target=writer.run, args=(hold,))
    first.start()
    assert holding.wait(10)
    threads = [threading.Thread(target=go, args=(i,)) for i in range(len(works))]
    for i, t in enumerate(threads):  # queued behind the holder one by one, in order
        t.start()
        while len(writer._pending) < i + 1:
            threading.Event().wait(0.005)
    release.set()
    for t in (first, *threads):
        t.join(20)
    return outcomes


@pytest.mark.req("R-LOG-1")
def test_a_refused_write_in_a_batch_leaves_no_trace_and_spares_the_others(
        engine: Engine) -> None:
    writer = GroupWriter(engine)
    before = _count(engine)
    works = [_entry("a"), _entry("b", refuse=True), _entry("c"), _entry("a"), _entry("d")]
    outcomes = _batched(writer, works)

    assert writer.batches == 2 and writer.writes == 6  # the holder, then all five at once
    assert isinstance(outcomes[1], Refusal)
    assert isinstance(outcomes[3], Exception)  # the same nonce twice: the second is refused
    kept = [o for i, o in enumerate(outcomes) if i in (0, 2, 4)]
    assert kept == list(range(before + 1, before + 4))  # dense seqs, no gap from the refused
    assert _count(engine) == before + 3
    with engine.connect() as conn:
        assert sorted(conn.execute(select(nonces.c.nonce)).scalars()) == ["a", "c", "d"]
    assert journal.verify_chain(journal.entries(engine)) is None


@pytest.mark.req("R-LOG-1")
def test_answers_are_signed_before_the_commit_and_released_after_it(engine: Engine) -> None:
    writer = GroupWriter(engine)
    before = _count(engine)
    seen_in_finish: list[int] = []

    def finish() -> None:  # runs before the commit: another connection sees nothing yet
        seen_in_finish.append(_count(engine))

    outcomes = _batched(writer, [_entry("x"), _entry("y"), _entry("z")], finish)
    assert outcomes == [before + 1, before + 2, before + 3]
    assert seen_in_finish == [before] * 3
    assert _count(engine) == before + 3


@pytest.mark.req("R-LOG-1")
def test_a_failed_finish_rolls_back_the_whole_batch(engine: Engine) -> None:
    writer = GroupWriter(engine)
    before = _count(engine)
    calls = 0

    def finish() -> None:
        nonlocal calls
        calls += 1
        if calls == 2:
            raise RuntimeError("the operator key is unavailable")

    outcomes = _batched(writer, [_entry("p"), _entry("q"), _entry("r")], finish)
    assert all(isinstance(o, RuntimeError) for o in outcomes), outcomes
    assert _count(engine) == before and _count(engine, nonces) == 0  # nothing answered


@pytest.mark.req("R-LOG-1")
def test_a_write_alone_is_its_own_transaction(engine: Engine) -> None:
    writer = GroupWriter(engine)
    before = _count(engine)
    with pytest.raises(Refusal):
        writer.run(_entry("solo", refuse=True))
    assert _count(engine) == before and _count(engine, nonces) == 0
    assert writer.run(_entry("solo")) == before + 1
