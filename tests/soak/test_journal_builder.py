"""The bench's bulk journal builder (bench/journal_builder.py) writes exactly what
gateway.journal.append writes for the same inputs — entries, head, and the segments the
gateway's sealer closes by size and by age — and its rows verify; the synthetic history it is
fed is gateway-shaped (its side rows match its entries). The soak and the benchmark's 1 M-entry
figures stand on this."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select

from bench.history import History, analysts, seed_users, signed, with_serials
from bench.journal_builder import Caps, Spec, build
from bench.journals import analyst_keys, create_backdated_pki
from gateway import archive, checkpoints, journal, registry
from gateway.app import create_app
from gateway.config import GatewayConfig
from gateway.db import make_engine, migrate, write_tx
from gateway.models import (
    dispositions,
    downtime_closings,
    downtime_emergencies,
    downtime_notices,
    fault_reports,
    journal_head,
    nonces,
    request_facts,
    unreadable_entries,
)
from signing.cms import verify_detached
from signing.sandbox_pki import SandboxPKI

# When append's sealer signs ("now"); the session PKI's operator certificate is valid then.
SEALED_AT = dt.datetime.now(dt.UTC).replace(microsecond=0)
T0 = dt.datetime(2026, 3, 1, 4, 0, tzinfo=dt.UTC)
CAPS = Caps(max_entries=4, max_age_s=3600)


def _engine(path: Path) -> Engine:
    engine = make_engine(f"sqlite:///{path}")
    migrate(engine)
    return engine


def _specs() -> list[Spec]:
    """Every kind of argument append takes; a gap past the age cap; one entry stamped before
    the one it follows (append keeps time order: it is stamped with its predecessor's time)."""
    out = []
    offsets = [0, 1, 2, 3.5, 3.2, 10, 11, 4000, 4001, 4002, 4003, 4004, 4005, 9000, 9000.0001,
               9001, 9002, 9003, 9004, 9005, 20000, 20001, 20002]
    for i, offset in enumerate(offsets):
        kind = ("login", "query", "disposition", "refusal", "logout")[i % 5]
        out.append(Spec(
            kind, T0 + dt.timedelta(seconds=offset),
            actor_iin="900101300015" if i % 7 else None,
            cert_serial=f"{i:04X}" if i % 3 else None,
            resource=(i % 52) + 1 if kind in ("query", "refusal", "disposition") else None,
            basis={"case_number": f"К-{i}", "legal_ground": "ст. 16",
                   "purpose": "проверка «операции»"} if kind == "query" else None,
            request_sha256=f"{i:064x}" if kind != "login" else None,
            response_sha256=f"{i + 1:064x}" if kind == "query" else None,
            detail={"endpoint": kind, "i": i, "text": "Қазақстан \u2028 \"quoted\"",
                    "nested": {"b": [1, 2, {"z": None}], "a": True}} if i % 4 else None))
    return out


def test_builder_writes_what_append_writes(tmp_path: Path, sandbox_pki: SandboxPKI,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    signer = sandbox_pki.operator_signer()
    monkeypatch.setattr(checkpoints, "now_utc", lambda: SEALED_AT)  # append seals "now"
    by_append = _engine(tmp_path / "append.sqlite")
    journal.set_sealer(by_append, checkpoints.SegmentSealer(signer, CAPS.max_entries,
                                                            CAPS.max_age_s))
    for spec in _specs():
        with write_tx(by_append) as conn:
            journal.append(conn, spec.kind, actor_iin=spec.actor_iin,
                           cert_serial=spec.cert_serial, resource=spec.resource,
                           basis=spec.basis, request_sha256=spec.request_sha256,
                           response_sha256=spec.response_sha256, detail=spec.detail,
                           at=spec.at)
    by_builder = _engine(tmp_path / "builder.sqlite")
    written = build(by_builder, _specs(), signer, CAPS, chunk=5,  # chunks end mid-segment
                    seal_clock=lambda _moment: SEALED_AT)

    assert written == len(_specs())
    expected, got = journal.entries(by_append), journal.entries(by_builder)
    assert got == expected  # every column of every row
    assert journal.verify_chain(got) is None
    with by_append.connect() as a, by_builder.connect() as b:
        assert a.execute(select(journal_head)).all() == b.execute(select(journal_head)).all()
    sealed_a, sealed_b = checkpoints.stored(by_append), checkpoints.stored(by_builder)
    assert [s.body for s in sealed_b] == [s.body for s in sealed_a]
    assert {s.checkpoint.reason for s in sealed_b} == {"size", "age"}
    for stored in sealed_b:  # signed by the operator, each over its own body
        verify_detached(stored.signature, stored.body, sandbox_pki.trust_store(),
                        at=stored.checkpoint.sealed_at(), purpose="signing")


def _operations_specs() -> list[Spec]:
    """Notices, emergencies, closings and faults — readable or not — as append takes them."""
    at = T0.isoformat()
    later = (T0 + dt.timedelta(hours=3)).isoformat()
    details: list[tuple[str, dict[str, object]]] = [
        ("notice", {"title_kk": "Ж", "title_ru": "Р", "starts_at": at, "ends_at": later,
                    "resources": [7, 3]}),
        ("emergency", {"section": "flooding", "actions": "A", "max_time_min": 5,
                       "responsible": "R", "started_at": at, "resources": None}),
        ("emergency_closed", {"entry_seq": 2, "ended_at": later}),
        ("notice", {"title_kk": "Ж", "title_ru": "Р", "starts_at": "yesterday"}),
        ("emergency_closed", {"entry_seq": 10**30, "ended_at": later}),
        ("fault", {"code": "stored_row_unreadable", "entry_seq": 4}),
        # Issue 13: what the controller's report reads of requests and refusals.
        ("query", {"endpoint": "query", "request": '{"params": {"iin": "900101300015"}}'}),
        ("refusal", {"code": "rate_limited", "aggregate": True, "count": 3}),
    ]
    return [Spec(kind, T0 + dt.timedelta(seconds=i), detail=d)
            for i, (kind, d) in enumerate(details)]


@pytest.mark.req("R-Q-3", "R-OPS-1")
def test_builder_writes_the_derived_rows_append_writes(tmp_path: Path,
                                                       sandbox_pki: SandboxPKI) -> None:
    """Issue 10: what a query reads of notices and emergencies is written alike by both."""
    by_append, by_builder = _engine(tmp_path / "a.sqlite"), _engine(tmp_path / "b.sqlite")
    for spec in _operations_specs():
        with write_tx(by_append) as conn:
            journal.append(conn, spec.kind, detail=spec.detail, at=spec.at)
    build(by_builder, _operations_specs(), sandbox_pki.operator_signer(), CAPS)
    tables = (downtime_notices, downtime_emergencies, downtime_closings, unreadable_entries,
              fault_reports, request_facts)
    with by_append.connect() as a, by_builder.connect() as b:
        for table in tables:
            rows = a.execute(select(table)).all()
            assert rows, table.name  # every derived table has a row here
            assert b.execute(select(table)).all() == rows, table.name


def test_builder_continues_a_journal_append_started(tmp_path: Path,
                                                   sandbox_pki: SandboxPKI) -> None:
    engine = _engine(tmp_path / "mixed.sqlite")
    signer = sandbox_pki.operator_signer()
    specs = _specs()
    with write_tx(engine) as conn:
        journal.append(conn, specs[0].kind, detail=specs[0].detail, at=specs[0].at)
    build(engine, specs[1:], signer, CAPS)
    got = journal.entries(engine)
    assert [e.seq for e in got] == list(range(1, len(specs) + 1))
    assert journal.verify_chain(got) is None


def test_history_is_gateway_shaped_and_verifies(tmp_path: Path) -> None:
    """A day of synthetic history, signed by the analysts' backdated certificates, exported and
    verified offline the way `sio-gateway journal export` / `journal verify` do it."""
    pki = create_backdated_pki(tmp_path / "pki", dt.timedelta(days=5))
    url = f"sqlite:///{tmp_path / 'history.sqlite'}"
    engine = make_engine(url)
    config = GatewayConfig.for_sandbox(pki, db_url=url, segment_max_entries=300)
    app = create_app(config, engine)
    people = analysts(12)
    registry.seed(engine, seed_users(people))
    keys = analyst_keys(pki, people, tmp_path / "keys", dt.timedelta(days=5))
    made = History(app.state.population, with_serials(people, keys), per_day=400)
    last = dt.date.today() - dt.timedelta(days=1)
    count = 600
    specs = signed(made.specs(1, count, last), keys, workers=0, batch=97)
    assert build(engine, specs, config.operator_signer,
                 Caps(config.segment_max_entries, config.segment_max_age_s)) == count
    got = journal.entries(engine)
    assert journal.verify_chain(got) is None
    assert got[-1].at_astana[:10] <= last.isoformat()
    assert got[0].at_astana[:10] == (last - dt.timedelta(days=made.days(count) - 1)).isoformat()
    kinds = {e.kind for e in got}
    assert {"login", "query", "disposition"} <= kinds
    with engine.connect() as conn:
        n_nonces = conn.execute(select(func.count()).select_from(nonces)).scalar_one()
        rows = conn.execute(select(dispositions.c.query_seq, dispositions.c.journal_seq)).all()
    assert n_nonces == sum(e.kind in ("query", "disposition") for e in got)
    by_seq = {e.seq: e for e in got}
    assert len(rows) == sum(e.kind == "disposition" for e in got)
    for query_seq, seq in rows:  # each disposition names an earlier answered query
        assert by_seq[query_seq].kind == "query" and query_seq < seq
        assert by_seq[seq].request_sha256 == by_seq[query_seq].request_sha256

    out = tmp_path / "archive"
    archive.export(engine, out, pki.trust_store(), config.operator_signer)
    engine.dispose()
    pins = tuple(archive.pins_from_certificate_file(_pem(tmp_path, pki)))
    report = archive.verify(out, archive.TrustPolicy(pins=pins))
    assert report.ok, report.reason
    assert report.entries == count
    signed_kinds = getattr(report, "signed_entries", None)  # what journal verify re-verified
    if signed_kinds is not None:
        assert signed_kinds.get("query", 0) == sum(e.kind == "query" for e in got)


def _pem(directory: Path, pki: SandboxPKI) -> Path:
    from cryptography.hazmat.primitives.serialization import Encoding

    path = directory / "operator.pem"
    path.write_bytes(pki.operator_cert.public_bytes(Encoding.PEM))
    return path
