"""The database keeps the journal append-only whatever talks to it (issue 9, holes 7 and 10):
REPLACE and upserts cannot go round the triggers, the PostgreSQL app role owns nothing, SQLite
files are owner-only, migrations run one process at a time, and the models match them."""

from __future__ import annotations

import dataclasses
import json
import os
import re
import secrets
import sqlite3
import stat
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, create_engine, event, insert, make_url, select, text
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import DBAPIError
from starlette.testclient import TestClient

from gateway import archive, checkpoints, journal, registry
from gateway.app import create_app
from gateway.cli import main
from gateway.config import GatewayConfig
from gateway.db import (
    SchemaError,
    _declared_head,
    app_role_privileges,
    current_revision,
    grant_app_role,
    head_revision,
    make_engine,
    migrate,
    schema_is_current,
    write_tx,
)
from gateway.models import (
    applications,
    dispositions,
    journal_checkpoints,
    journal_head,
    metadata,
    users,
)
from gateway.models import journal as journal_table
from signing.profile import fingerprint
from signing.sandbox_pki import SANDBOX_USERS, SandboxPKI
from transport.protocol import API_PREFIX

from .helpers import bearer, login, query_request, signed_query

PG_URL = os.environ.get("SIO_TEST_PG_URL")
needs_pg = [pytest.mark.postgres,
            pytest.mark.skipif(not PG_URL, reason="SIO_TEST_PG_URL not set (./run test starts PG)")]


def _append(engine: Engine, n: int) -> list[journal.JournalEntry]:
    out = []
    for i in range(n):
        with write_tx(engine) as conn:
            out.append(journal.append(conn, "query", actor_iin="900101300015", resource=1,
                                      basis={"case_number": f"K-{i}"}, detail={"i": i}))
    return out


def _disposition(query_seq: int, journal_seq: int, case: str = "K-1") -> dict[str, Any]:
    return {"query_seq": query_seq, "journal_seq": journal_seq, "iin": "900101300015",
            "action": "printed", "case_number": case, "printout_sha256": "b" * 64,
            "destroyed_at": "2026-01-01T10:00:00+05:00", "at_utc": "2026-01-01T05:00:00+00:00"}


def _refused(engine: Engine, statement: Any) -> None:
    with pytest.raises(DBAPIError), engine.begin() as conn:
        conn.execute(text(statement) if isinstance(statement, str) else statement)


# Hole 7: REPLACE, upserts and a re-pointed head -----------------------------------------------

_COLUMNS = ("seq, kind, at_utc, at_astana, actor_iin, cert_serial, resource, basis, "
            "request_sha256, response_sha256, detail, prev_hash, hash")
_FORGE_2 = (f"INSERT OR REPLACE INTO journal ({_COLUMNS}) SELECT seq, 'forged', at_utc, "
            "at_astana, actor_iin, cert_serial, resource, basis, request_sha256, "
            "response_sha256, detail, prev_hash, hash FROM journal WHERE seq = 2")


@pytest.mark.req("R-LOG-2")
@pytest.mark.parametrize("recursive", [True, False], ids=["gateway-connection", "bare-sqlite3"])
def test_sqlite_replace_cannot_go_round_the_triggers(tmp_path: Path, sandbox_pki: SandboxPKI,
                                                     recursive: bool) -> None:
    path = tmp_path / "g.sqlite"
    engine = make_engine(f"sqlite:///{path}")
    migrate(engine)
    entries = _append(engine, 3)
    checkpoints.seal_open(engine, sandbox_pki.operator_signer())
    _append(engine, 1)
    with engine.begin() as conn:
        conn.execute(insert(dispositions).values(**_disposition(1, 2)))
        assert conn.exec_driver_sql("PRAGMA recursive_triggers").scalar() == 1
    engine.dispose()
    # The gateway's own connections turn recursive_triggers on; a bare sqlite3 one (someone at
    # the file with the sqlite3 shell) does not: the schema's triggers must hold for both.
    db = sqlite3.connect(path, isolation_level=None)
    if recursive:
        db.execute("PRAGMA recursive_triggers=ON")
    attacks = [
        # The published bypass: re-point the head, then replace an old entry under it.
        "INSERT OR REPLACE INTO journal_head (id, seq, hash) VALUES (1, 1, "
        f"'{entries[0].hash}')",
        "REPLACE INTO journal_head (id, seq, hash) VALUES (1, 1, 'x')",
        "INSERT INTO journal_head (id, seq, hash) VALUES (1, 1, 'x') "
        "ON CONFLICT(id) DO UPDATE SET seq = 1",
        "INSERT INTO journal_head (id, seq, hash) VALUES (2, 0, 'x')",
        _FORGE_2,
        _FORGE_2.replace("INSERT OR REPLACE", "REPLACE"),
        f"INSERT INTO journal ({_COLUMNS}) SELECT * FROM journal WHERE seq = 4 "
        "ON CONFLICT(seq) DO UPDATE SET kind = 'forged'",
        "INSERT OR REPLACE INTO journal_checkpoints SELECT segment, first_seq, last_seq, count, "
        "last_hash, prev_checkpoint_hash, sealed_at_utc, sealed_at_astana, 'age', body, hash, "
        "signature FROM journal_checkpoints WHERE segment = 1",
        "INSERT INTO journal_checkpoints SELECT * FROM journal_checkpoints WHERE segment = 1 "
        "ON CONFLICT(segment) DO UPDATE SET reason = 'age'",
        "INSERT OR REPLACE INTO dispositions SELECT query_seq, journal_seq, iin, 'exported', "
        "'OTHER', printout_sha256, destroyed_at, at_utc FROM dispositions",
        "INSERT INTO dispositions SELECT * FROM dispositions WHERE query_seq = 1 "
        "ON CONFLICT(query_seq) DO UPDATE SET case_number = 'OTHER'",
        "UPDATE OR REPLACE journal SET kind = 'forged' WHERE seq = 4",
        # The head moves only onto the entry just appended, and entries chain to the head.
        "UPDATE journal_head SET seq = seq + 1, hash = 'f' WHERE id = 1",
    ]
    for sql in attacks:
        with pytest.raises(sqlite3.DatabaseError):
            db.execute(sql)
        assert not db.in_transaction
    db.close()
    engine = make_engine(f"sqlite:///{path}")
    after = journal.entries(engine)
    assert [e.kind for e in after] == ["query"] * 4 and journal.verify_chain(after) is None
    with engine.connect() as conn:
        assert conn.execute(select(journal_head.c.seq)).scalar() == 4
        assert conn.execute(select(dispositions.c.case_number)).scalars().all() == ["K-1"]
        assert conn.execute(select(journal_checkpoints.c.reason)).scalars().all() == ["export"]
    engine.dispose()


@pytest.mark.req("R-LOG-1", "R-LOG-2")
def test_upserts_and_a_forged_head_are_refused_on_each_backend(
        engine: Engine, sandbox_pki: SandboxPKI) -> None:
    entries = _append(engine, 3)
    checkpoints.seal_open(engine, sandbox_pki.operator_signer())
    with engine.begin() as conn:
        conn.execute(insert(dispositions).values(**_disposition(1, 2)))
    upsert = pg_insert if engine.dialect.name == "postgresql" else sqlite_insert
    row = dataclasses.asdict(journal.entries(engine)[1])
    with engine.connect() as conn:
        cp = dict(conn.execute(select(journal_checkpoints)).mappings().one())
    for statement in (
        upsert(journal_table).values(**row).on_conflict_do_update(
            index_elements=["seq"], set_={"kind": "forged"}),
        upsert(journal_checkpoints).values(**cp).on_conflict_do_update(
            index_elements=["segment"], set_={"reason": "age"}),
        upsert(dispositions).values(**_disposition(1, 2)).on_conflict_do_update(
            index_elements=["query_seq"], set_={"case_number": "OTHER"}),
        upsert(journal_head).values(id=1, seq=1, hash=entries[0].hash).on_conflict_do_update(
            index_elements=["id"], set_={"seq": 1, "hash": entries[0].hash}),
        insert(journal_head).values(id=2, seq=0, hash="0" * 64),
        journal_head.update().values(seq=journal_head.c.seq + 1, hash="f" * 64),
        # The right next seq, but not chained to the head.
        insert(journal_table).values(**(row | {"seq": 4, "prev_hash": "e" * 64})),
    ):
        _refused(engine, statement)
    after = journal.entries(engine)
    assert [e.kind for e in after] == ["query"] * 3 and journal.verify_chain(after) is None
    _append(engine, 1)  # the gateway's own appends still work


# Hole 10: file modes, the migration lock, drift -----------------------------------------------

def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_sqlite_files_are_owner_only(tmp_path: Path) -> None:
    old_umask = os.umask(0o022)  # the usual umask, under which SQLite makes 0644 files
    try:
        path = tmp_path / "gateway.db"
        engine = make_engine(f"sqlite:///{path}")
        migrate(engine)
        _append(engine, 1)
        with engine.connect() as conn:  # WAL mode keeps -wal and -shm while connected
            conn.execute(select(journal_head)).all()
            files = [path, Path(f"{path}-wal"), Path(f"{path}-shm")]
            assert all(f.exists() for f in files)
            assert {f.name: _mode(f) for f in files} == {f.name: 0o600 for f in files}
        engine.dispose()
        # A database an older version left readable (and its WAL) is tightened at start.
        legacy = tmp_path / "legacy.db"
        for f in (legacy, Path(f"{legacy}-wal")):
            f.touch()
            f.chmod(0o644)
        make_engine(f"sqlite:///{legacy}").dispose()
        assert _mode(legacy) == 0o600 and _mode(Path(f"{legacy}-wal")) == 0o600
    finally:
        os.umask(old_umask)
    make_engine("sqlite://").dispose()  # in memory: no file to make


@pytest.mark.req("R-LOG-1")
def test_concurrent_first_starts_migrate_once(db_url: str) -> None:
    # Several gateway processes starting on one empty database at the same moment.
    engines = [make_engine(db_url) for _ in range(4)]
    start, errors = threading.Barrier(len(engines)), []

    def run(engine: Engine) -> None:
        try:
            start.wait()
            migrate(engine)
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(e,)) for e in engines]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    try:
        assert errors == []
        with engines[0].connect() as conn:
            assert current_revision(conn) == head_revision()
            assert conn.execute(text("SELECT count(*) FROM alembic_version")).scalar() == 1
        _append(engines[1], 2)
        assert [e.seq for e in journal.entries(engines[2])] == [1, 2]
    finally:
        for e in engines:
            e.dispose()


def _same_default(_ctx: Any, _inspected_column: Any, _metadata_column: Any,
                  inspected: str | None, _metadata: Any, rendered: str | None) -> bool | None:
    # SQLite reflects DEFAULT '' as "('')", PostgreSQL as "''::character varying".
    def bare(value: str | None) -> str | None:
        if value is None:
            return None
        value = re.sub(r"::[a-z ]+$", "", value.strip())
        while value.startswith("(") and value.endswith(")"):
            value = value[1:-1]
        return value[1:-1] if len(value) >= 2 and value[0] == value[-1] == "'" else value

    return bare(inspected) != bare(rendered)


@pytest.mark.req("R-LOG-2")
def test_models_match_the_migrated_schema(engine: Engine) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={
            "compare_type": True, "compare_server_default": _same_default})
        drift = compare_metadata(context, metadata)
    assert drift == [], "gateway/models.py and gateway/migrations disagree; add a migration"


def test_a_database_newer_than_the_code_is_refused(engine: Engine) -> None:
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(SchemaError, match="newer than this gateway"):
        migrate(engine)
    with engine.begin() as conn:
        conn.execute(text(f"UPDATE alembic_version SET version_num = '{head_revision()}'"))


def test_the_head_is_read_from_the_migration_files_as_alembic_reads_it() -> None:
    # The start-up's one-read check (issue 10) compares with this head, read without Alembic.
    assert _declared_head() == head_revision()


def test_a_current_schema_is_told_by_one_read_and_a_stale_one_migrated(db_url: str) -> None:
    engine = make_engine(db_url)
    try:
        assert not schema_is_current(engine)  # empty: no alembic_version yet
        migrate(engine)
        assert schema_is_current(engine)
        statements: list[str] = []

        def seen(_conn: Any, _cursor: Any, sql: str, *_rest: Any) -> None:
            statements.append(sql)

        event.listen(engine, "before_cursor_execute", seen)
        migrate(engine)  # current: one SELECT, no lock, no DDL
        event.remove(engine, "before_cursor_execute", seen)
        # (SQLite's plain BEGIN is deferred: it takes no lock until something is written.)
        assert [s for s in statements if s != "BEGIN"] == [
            "SELECT version_num FROM alembic_version"], statements
        with engine.begin() as conn:  # as if the code had been upgraded past the database
            conn.execute(text("UPDATE alembic_version SET version_num = '0005'"))
        assert not schema_is_current(engine)
        with pytest.raises(DBAPIError):  # 0006 runs again: its tables exist, so it fails...
            migrate(engine)
        with engine.connect() as conn:  # ...whole, in its one transaction
            assert current_revision(conn) == "0005"
    finally:
        engine.dispose()


def test_app_role_is_for_postgresql_only(tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path / 'g.sqlite'}"
    assert main(["db", "init", "--owner-url", url, "--json"]) == 0
    done = json.loads(capsys.readouterr().out)
    assert done["revision"] == head_revision() and done["revision_before"] is None
    assert _mode(tmp_path / "g.sqlite") == 0o600
    assert main(["db", "init", "--owner-url", url, "--app-role", "sio_app"]) == 2
    assert "PostgreSQL only" in capsys.readouterr().err


# Hole 7 on PostgreSQL: the owner role and the app role -----------------------------------------

@dataclass
class Roles:
    owner: str
    app: str
    database: str
    owner_url: str
    app_url: str


def _url(user: str, database: str) -> str:
    assert PG_URL
    return make_url(PG_URL).set(username=user, password=None, database=database) \
        .render_as_string(hide_password=False)


@pytest.fixture
def roles() -> Iterator[Roles]:
    """A database owned by its own owner role, and an app role; dropped after."""
    assert PG_URL
    tag = secrets.token_hex(4)
    owner, app, database = f"sio_owner_{tag}", f"sio_app_{tag}", f"sio_roles_{tag}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"CREATE ROLE {owner} LOGIN"))
        conn.execute(text(f"CREATE ROLE {app} LOGIN"))
        conn.execute(text(f"CREATE DATABASE {database} OWNER {owner}"))
    fresh = create_engine(_url("postgres", database), isolation_level="AUTOCOMMIT")
    with fresh.connect() as conn:  # what PostgreSQL 15 does by default; older ones need it
        conn.execute(text("REVOKE CREATE ON SCHEMA public FROM PUBLIC"))
    fresh.dispose()
    try:
        yield Roles(owner, app, database, _url(owner, database), _url(app, database))
    finally:
        with admin.connect() as conn:
            conn.execute(text(f"DROP DATABASE IF EXISTS {database} WITH (FORCE)"))
            conn.execute(text(f"DROP ROLE IF EXISTS {app}"))
            conn.execute(text(f"DROP ROLE IF EXISTS {owner}"))
        admin.dispose()


@pytest.mark.req("R-LOG-2")
@pytest.mark.parametrize("backend", [pytest.param("postgresql", marks=needs_pg)])
def test_the_app_role_cannot_disable_triggers_and_the_gateway_serves_as_it(
        backend: str, roles: Roles, sandbox_pki: SandboxPKI, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    app_engine = make_engine(roles.app_url)
    # Before the owner's step the app role cannot create the schema, and says what to run.
    with pytest.raises(SchemaError, match="sio-gateway db init --owner-url"):
        migrate(app_engine)
    assert main(["db", "init", "--owner-url", roles.owner_url, "--app-role", roles.app,
                 "--json"]) == 0
    done = json.loads(capsys.readouterr().out)
    assert done["revision"] == head_revision() and done["app_role"] == roles.app
    assert done["grants"]["journal"] == ["SELECT", "INSERT"]
    assert done["grants"]["journal_head"] == ["SELECT", "INSERT", "UPDATE"]
    assert done["grants"]["alembic_version"] == ["SELECT"]
    assert set(done["grants"]) == set(metadata.tables) | {"alembic_version"}

    # The gateway starts and serves as the app role: migrate is a no-op on a current schema.
    config = GatewayConfig.for_sandbox(sandbox_pki, db_url=roles.app_url)
    analyst = SANDBOX_USERS[0]
    auth_key, sign_key = sandbox_pki.software_signers(analyst)
    with TestClient(create_app(config, app_engine)) as client:
        token = login(client, auth_key)
        reply = client.post(f"{API_PREFIX}/queries", headers=bearer(token),
                            json=signed_query(query_request(analyst.iin), sign_key))
        assert reply.status_code == 200, reply.text
    registry.set_state(app_engine, SANDBOX_USERS[3].iin, "blocked")  # UPDATE users
    with write_tx(app_engine) as conn:  # an application and the operator's decision on it
        app_id = conn.execute(insert(applications).values(
            iin=analyst.iin, action="transfer", state="submitted", form="{}", pdf=b"%PDF",
            pdf_sha256="0" * 64, signer_iin=analyst.iin, signer_serial="01",
            submitted_at="2026-01-01T00:00:00+00:00", due_at="2026-01-02T00:00:00+00:00",
        ).returning(applications.c.id)).scalar_one()
        conn.execute(applications.update().where(applications.c.id == app_id)
                     .values(state="refused"))
    out = tmp_path / "archive"  # sealing inserts a checkpoint
    result = archive.export(app_engine, out, sandbox_pki.trust_store(),
                            sandbox_pki.operator_signer())
    assert result.entries >= 2
    policy = archive.TrustPolicy(pins=(archive.SignerPin(
        fingerprint(sandbox_pki.operator_cert), "test"),))
    assert archive.verify(out, policy).ok

    # What the gateway's own role could do before, to switch the journal's protection off.
    for statement in (
        "ALTER TABLE journal DISABLE TRIGGER ALL",
        "ALTER TABLE journal DISABLE TRIGGER journal_no_update_delete",
        "ALTER TABLE journal_checkpoints DISABLE TRIGGER USER",
        "DROP TRIGGER journal_no_update_delete ON journal",
        "CREATE TRIGGER sneak BEFORE INSERT ON journal FOR EACH ROW "
        "EXECUTE FUNCTION sio_journal_dense()",
        "CREATE OR REPLACE FUNCTION sio_journal_append_only() RETURNS trigger "
        "LANGUAGE plpgsql AS $$ BEGIN RETURN OLD; END $$",
        "ALTER TABLE journal OWNER TO CURRENT_USER",
        "DROP TABLE journal CASCADE",
        "TRUNCATE journal",
        "SET session_replication_role = replica",
        "UPDATE journal SET kind = 'forged' WHERE seq = 1",
        "DELETE FROM journal WHERE seq = 1",
        "UPDATE journal_checkpoints SET reason = 'age'",
        "DELETE FROM journal_checkpoints",
        "DELETE FROM journal_head",
        "DELETE FROM users",
        "UPDATE alembic_version SET version_num = '0001'",
    ):
        _refused(app_engine, statement)
    with app_engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM pg_trigger WHERE tgrelid = "
                                 "'journal'::regclass AND tgenabled = 'D'")).scalar() == 0
    assert journal.verify_chain(journal.entries(app_engine)) is None
    app_engine.dispose()


@pytest.mark.req("R-LOG-2")
@pytest.mark.parametrize("backend", [pytest.param("postgresql", marks=needs_pg)])
def test_a_stale_schema_stops_the_app_role_with_the_owners_step(
        backend: str, roles: Roles, sandbox_pki: SandboxPKI,
        capsys: pytest.CaptureFixture[str]) -> None:
    from alembic import command

    from gateway.db import _alembic_config

    owner = make_engine(roles.owner_url)
    migrate(owner)
    grant_app_role(owner, roles.app)
    with owner.begin() as conn:  # as if the gateway were upgraded but not the schema
        cfg = _alembic_config()
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0004")
    app_engine = make_engine(roles.app_url)
    config = GatewayConfig.for_sandbox(sandbox_pki, db_url=roles.app_url)
    with pytest.raises(SchemaError) as caught:
        create_app(config, app_engine)
    message = str(caught.value)
    assert "revision 0004" in message and head_revision() in message
    assert "sio-gateway db init --owner-url URL --app-role NAME" in message
    # The command line says it in one line and exits 2.
    assert main(["report", "--from", "2026-01-01", "--to", "2026-01-02",
                 "--db", roles.app_url]) == 2
    assert "db init" in capsys.readouterr().err
    # The owner's step brings it up to date; the app role then starts.
    assert main(["db", "init", "--owner-url", roles.owner_url, "--app-role", roles.app]) == 0
    assert "migrated from 0004" in capsys.readouterr().out
    migrate(app_engine)
    with app_engine.connect() as conn:
        assert current_revision(conn) == head_revision()
    app_engine.dispose()
    # Grants the role must never have: owner, superuser, missing.
    with pytest.raises(SchemaError, match="another role"):
        grant_app_role(owner, roles.owner)
    with pytest.raises(SchemaError, match="superuser"):
        grant_app_role(owner, "postgres")
    with pytest.raises(SchemaError, match="does not exist"):
        grant_app_role(owner, "sio_nobody_here")
    owner.dispose()


def test_app_role_privileges_follow_the_table_list() -> None:
    assert app_role_privileges("journal") == ("SELECT", "INSERT")
    assert app_role_privileges("dispositions") == ("SELECT", "INSERT")
    assert app_role_privileges("sessions") == ("SELECT", "INSERT", "UPDATE", "DELETE")
    assert app_role_privileges("alembic_version") == ("SELECT",)
    assert users.name in metadata.tables
