"""The Log journal: append-only, dense, hash-chained, durable (R-LOG-1, R-LOG-2, R-CTL-3)."""

from __future__ import annotations

import dataclasses
import itertools
import threading

import pytest
from sqlalchemy import Engine, delete, text, update
from sqlalchemy.exc import DBAPIError

from gateway import journal
from gateway.db import make_engine, migrate, write_tx
from gateway.models import GENESIS_HASH, journal_head
from gateway.models import journal as journal_table
from transport.canonical import canonical_json, sha256_hex
from transport.clock import parse_iso


def _append(engine: Engine, n: int, kind: str = "query") -> list[journal.JournalEntry]:
    out = []
    for i in range(n):
        with write_tx(engine) as conn:
            out.append(journal.append(
                conn, kind, actor_iin="900101300015", cert_serial=f"{i:04X}", resource=1,
                basis={"case_number": f"K-{i}", "legal_ground": "ст. 12", "purpose": "проверка"},
                request_sha256="a" * 64, response_sha256="b" * 64, detail={"i": i}))
    return out


@pytest.mark.req("R-LOG-1", "R-CTL-3")
def test_append_is_dense_chained_and_readable_from_fresh_connection(engine: Engine) -> None:
    written = _append(engine, 5)
    got = journal.entries(engine)
    assert got == written
    assert [e.seq for e in got] == [1, 2, 3, 4, 5]
    assert got[0].prev_hash == GENESIS_HASH
    assert all(b.prev_hash == a.hash for a, b in itertools.pairwise(got))
    assert journal.verify_chain(got) is None
    assert journal.entries(engine, since_seq=3) == got[3:]
    # The documented formula, recomputed here independently of JournalEntry.expected_hash.
    first = got[0]
    fields = {k: getattr(first, k) for k in (
        "seq", "kind", "at_utc", "at_astana", "actor_iin", "cert_serial", "resource", "basis",
        "request_sha256", "response_sha256", "detail")}
    assert first.hash == sha256_hex(GENESIS_HASH.encode() + canonical_json(fields))


@pytest.mark.req("R-Q-5")
def test_entry_times_are_astana_and_utc_of_the_same_instant(engine: Engine) -> None:
    (entry,) = _append(engine, 1)
    utc, astana = parse_iso(entry.at_utc), parse_iso(entry.at_astana)
    assert utc == astana
    assert astana.utcoffset() is not None and astana.utcoffset().total_seconds() == 5 * 3600
    assert utc.utcoffset() is not None and utc.utcoffset().total_seconds() == 0


@pytest.mark.req("R-CTL-3")
def test_verify_chain_names_the_first_bad_entry(engine: Engine) -> None:
    got = _append(engine, 6)
    tampered = list(got)
    tampered[3] = dataclasses.replace(got[3], basis='{"case_number":"OTHER"}')
    assert journal.verify_chain(tampered) == 4
    missing = got[:2] + got[3:]
    assert journal.verify_chain(missing) == 3
    relinked = list(got)
    relinked[4] = dataclasses.replace(got[4], prev_hash="f" * 64)
    assert journal.verify_chain(relinked) == 5
    assert journal.verify_chain(got[2:], prev_hash=got[1].hash, first_seq=3) is None


@pytest.mark.req("R-LOG-2")
def test_database_refuses_update_and_delete_of_journal_rows(engine: Engine) -> None:
    _append(engine, 2)
    for statement in (
        update(journal_table).where(journal_table.c.seq == 1).values(kind="login"),
        delete(journal_table).where(journal_table.c.seq == 2),
        delete(journal_table),
        update(journal_head).values(seq=0),
        delete(journal_head),
    ):
        with pytest.raises(DBAPIError), engine.begin() as conn:
            conn.execute(statement)
    if engine.dialect.name == "postgresql":
        with pytest.raises(DBAPIError), engine.begin() as conn:
            conn.execute(text("TRUNCATE journal"))
    got = journal.entries(engine)
    assert [e.seq for e in got] == [1, 2] and journal.verify_chain(got) is None


@pytest.mark.req("R-LOG-1")
def test_database_refuses_rows_that_skip_a_seq(engine: Engine) -> None:
    (entry,) = _append(engine, 1)
    forged = dataclasses.asdict(entry) | {"seq": 5}
    with pytest.raises(DBAPIError), engine.begin() as conn:
        conn.execute(journal_table.insert().values(**forged))


@pytest.mark.req("R-LOG-1")
def test_rolled_back_transaction_leaves_no_entry_and_no_gap(engine: Engine) -> None:
    _append(engine, 1)
    with pytest.raises(RuntimeError), write_tx(engine) as conn:
        journal.append(conn, "query", detail={"doomed": True})
        raise RuntimeError("the answer could not be built")
    _append(engine, 1)
    assert [e.seq for e in journal.entries(engine)] == [1, 2]


@pytest.mark.req("R-LOG-1")
def test_concurrent_appends_stay_dense_and_chained(db_url: str) -> None:
    # Each thread has its own engine, like separate gateway processes on one database.
    first = make_engine(db_url)
    migrate(first)
    engines = [first] + [make_engine(db_url) for _ in range(3)]
    errors: list[BaseException] = []

    def work(eng: Engine) -> None:
        try:
            _append(eng, 15)
        except BaseException as exc:  # reported below, not swallowed
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(e,)) for e in engines]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    got = journal.entries(first)
    for e in engines:
        e.dispose()
    assert errors == []
    assert [e.seq for e in got] == list(range(1, 61))
    assert journal.verify_chain(got) is None
    # Chronological order follows seq (R-LOG-1).
    assert [e.at_utc for e in got] == sorted(e.at_utc for e in got)


def test_unknown_kind_is_refused(engine: Engine) -> None:
    with pytest.raises(ValueError), write_tx(engine) as conn:
        journal.append(conn, "gossip")


@pytest.mark.req("R-LOG-1")
def test_sqlite_is_durable_wal_full_with_foreign_keys(tmp_path) -> None:  # type: ignore[no-untyped-def]
    eng = make_engine(f"sqlite:///{tmp_path / 'g.sqlite'}")
    with eng.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    eng.dispose()


def test_migration_is_idempotent(engine: Engine) -> None:
    _append(engine, 1)
    migrate(engine)
    assert len(journal.entries(engine)) == 1
