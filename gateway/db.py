"""Engines, the durable SQLite settings, write transactions, migrations and database roles.

Migrations run under a lock that holds across processes (PostgreSQL: an advisory lock; SQLite:
the BEGIN IMMEDIATE write lock) and only when the schema is behind, so a gateway started as the
PostgreSQL *app role* (which may read and append but owns nothing, docs/operator/security.md)
starts on a current schema without trying DDL it may not run, and refuses a stale one with a
message naming the owner's step (`sio-gateway db init`).
"""

from __future__ import annotations

import logging
import os
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

from sqlalchemy import Connection, Engine, create_engine, event, inspect, make_url, text
from sqlalchemy.exc import DBAPIError

if TYPE_CHECKING:  # alembic costs ~0.4 s to import: only migrations pay for it
    from alembic.config import Config

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
_BEGIN_MODE = "sio_begin"
# pg_advisory_xact_lock key of "changing the gateway's schema or its grants" (an arbitrary
# constant that other applications sharing the database are unlikely to use).
MIGRATE_LOCK_KEY = 0x2B0A_94F1_6C3D_5E77
OWNER_STEP = "sio-gateway db init --owner-url URL --app-role NAME"
FILE_MODE = 0o600  # the database, its -wal and -shm: the journal and results are in them

log = logging.getLogger(__name__)


# Connections kept open between requests: about one per request in flight (16 at the bench's
# load). With SQLAlchemy's default of 5, every request beyond them opened a connection and
# closed it after (on SQLite: the file, four PRAGMAs and the schema parsed again; on
# PostgreSQL: a new backend), which cost more than the query's own statements (issue 10).
# Beyond 16, connections are still opened and closed per use: memory stays bounded.
_POOL: dict[str, Any] = {"pool_size": 16, "max_overflow": 32}
# SQLite's page cache per connection (KiB). The default 2 MiB times the kept connections made
# the gateway's RSS climb by tens of MiB as they warmed; what a request reads is a few pages
# (the head, index roots), and the OS keeps the file's pages cached for all of them anyway.
_SQLITE_CACHE_KIB = 512


class SchemaError(RuntimeError):
    """The schema is not what this gateway needs and this connection cannot make it so; the
    message says what to run."""


def make_engine(url: str) -> Engine:
    """An engine for SQLite (WAL, synchronous=FULL, foreign keys, recursive triggers, file
    0600) or PostgreSQL."""
    if url.startswith("sqlite"):
        private_sqlite_file(url)
        pool = _POOL if sqlite_path(url) is not None else {}  # in memory: one connection
        engine = create_engine(url, connect_args={"timeout": 30}, **pool)
        _configure_sqlite(engine)
        return engine
    return create_engine(url, pool_pre_ping=True, **_POOL)


def sqlite_path(url: str) -> Path | None:
    """The file behind a SQLite URL; None for in-memory and URI-style databases."""
    parsed = make_url(url)
    database = parsed.database
    if not database or database == ":memory:" or database.startswith("file:") \
            or parsed.query.get("uri"):
        return None
    return Path(database)


def private_sqlite_file(url: str) -> None:
    """Create the SQLite file owner-only (0600) before SQLite does (it would follow the umask,
    typically 0644), and tighten one an older version left readable. SQLite gives the -wal
    and -shm files the mode of the database file; existing ones are tightened too."""
    path = sqlite_path(url)
    if path is None or os.name != "posix" or not path.parent.is_dir():
        return  # SQLite reports a missing directory itself
    try:
        os.close(os.open(path, os.O_RDWR | os.O_CREAT, FILE_MODE))
    except OSError:
        return  # unreadable or read-only: SQLite says why when it opens it
    for file in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        try:
            if file.exists() and file.stat().st_mode & 0o777 != FILE_MODE:
                os.chmod(file, FILE_MODE)
        except OSError as exc:  # someone else's file: leave it, but say so
            log.warning("cannot make %s owner-only: %s", file, exc)


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Take transaction control from the sqlite3 module so BEGIN IMMEDIATE is ours to emit.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        # R-LOG-1: a commit is on disk before the HTTP answer leaves (fail closed).
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=30000")
        cur.execute(f"PRAGMA cache_size=-{_SQLITE_CACHE_KIB}")
        # R-LOG-2: the rows REPLACE deletes fire DELETE triggers (revision 0005 also refuses
        # the conflicting INSERT itself, for connections that are not ours).
        cur.execute("PRAGMA recursive_triggers=ON")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        mode = conn.get_execution_options().get(_BEGIN_MODE, "")
        conn.exec_driver_sql(f"BEGIN {mode}".strip())


# SQLite has one writer at a time; writers of one process take turns on this lock instead of
# meeting in SQLite's busy handler, which sleeps (up to 100 ms a try) and gave 1–2 s tails
# under load (issue 10). Other processes on the same file still meet there.
_WRITE_LOCKS: WeakKeyDictionary[Engine, threading.RLock] = WeakKeyDictionary()
_LOCKS_LOCK = threading.Lock()


def _write_lock(engine: Engine) -> threading.RLock:
    with _LOCKS_LOCK:
        lock = _WRITE_LOCKS.get(engine)
        if lock is None:
            lock = _WRITE_LOCKS[engine] = threading.RLock()
        return lock


@contextmanager
def write_tx(engine: Engine) -> Iterator[Connection]:
    """A transaction that writes: SQLite takes the write lock at BEGIN (IMMEDIATE) so two
    writers never deadlock on lock upgrade, after the process's own turn (_write_lock);
    PostgreSQL relies on row locks (FOR UPDATE)."""
    if engine.dialect.name != "sqlite":
        with engine.connect() as conn, conn.begin():
            yield conn
        return
    with _write_lock(engine), engine.connect() as conn:
        conn = conn.execution_options(**{_BEGIN_MODE: "IMMEDIATE"})
        with conn.begin():
            yield conn


def _alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str:
    """The newest revision this code knows."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    assert head is not None
    return head


_REVISION_LINE = re.compile(r"^(down_revision|revision)\s*(?::[^=]*)?=\s*(.+?)\s*$", re.M)


def _declared_head() -> str | None:
    """The head revision read from the migration files' `revision = "…"` / `down_revision = "…"`
    lines without importing Alembic (~0.4 s); None when the chain is not one plain line."""
    revisions, parents = set(), set()
    for path in (MIGRATIONS / "versions").glob("*.py"):
        found = {m[1]: m[2] for m in _REVISION_LINE.finditer(path.read_text("utf-8"))}
        if "revision" not in found:
            continue
        revision, parent = found["revision"], found.get("down_revision", "None")
        if not re.fullmatch(r"[\"'][\w-]+[\"']", revision) \
                or not re.fullmatch(r"None|[\"'][\w-]+[\"']", parent):
            return None  # a merge, a tuple, a computed value: Alembic decides
        revisions.add(revision[1:-1])
        if parent != "None":
            parents.add(parent[1:-1])
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 and parents <= revisions else None


def schema_is_current(engine: Engine) -> bool:
    """Whether the database is at this code's head revision, by one read of alembic_version
    (which the PostgreSQL app role may SELECT); False when that cannot be told so cheaply."""
    head = _declared_head()
    if head is None:
        return False
    try:
        with engine.connect() as conn:
            found = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    except DBAPIError:  # no table yet (an empty database): migrate() creates it
        return False
    return found == [head]


def current_revision(conn: Connection) -> str | None:
    """The revision the database is at (None: no schema yet)."""
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(conn).get_current_revision()


def _insufficient_privilege(exc: DBAPIError) -> bool:
    # SQLSTATE 42501: "must be owner of table", "permission denied for schema public"...
    return getattr(exc.orig, "sqlstate", None) == "42501"


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest Alembic revision, if it is not there yet.

    Runs at every startup: one process at a time per database (the lock is taken before the
    revision is read, so the second process finds the work done), in one transaction. Raises
    SchemaError when the database is newer than this code, or when this role may not change
    the schema (the PostgreSQL app role: run OWNER_STEP as the owner)."""
    # A current schema (every start but the first after an upgrade) is told by one read, with
    # no lock and no Alembic import: the report's CLI process paid ~0.4 s for it (issue 10).
    if schema_is_current(engine):
        return
    from alembic import command
    from alembic.script import ScriptDirectory

    cfg = _alembic_config()
    script = ScriptDirectory.from_config(cfg)
    head = script.get_current_head()
    with write_tx(engine) as conn:  # SQLite: BEGIN IMMEDIATE is the cross-process lock
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATE_LOCK_KEY})
        current = current_revision(conn)
        if current == head:
            return
        if current is not None and current not in {s.revision for s in script.walk_revisions()}:
            raise SchemaError(f"the database schema is at revision {current}, newer than this "
                              f"gateway's {head}: upgrade the gateway")
        cfg.attributes["connection"] = conn
        try:
            command.upgrade(cfg, "head")
        except DBAPIError as exc:
            if not _insufficient_privilege(exc):
                raise
            reason = (str(exc.orig).strip().splitlines() or ["permission denied"])[0]
            raise SchemaError(
                f"the database schema is at revision {current or 'none (empty database)'} but "
                f"this gateway needs {head}, and this database role may not change the schema "
                f"({reason}): run `{OWNER_STEP}` as the schema's owner, then start the "
                f"gateway again") from exc


# Database roles (PostgreSQL) ------------------------------------------------------------------

# What the gateway changes after inserting, table by table; every other table of the schema is
# SELECT + INSERT for the app role (append-only: the journal, checkpoints, nonces, agreements,
# dispositions), and alembic_version is SELECT only. A table whose rows the gateway updates or
# deletes must be listed here, or the app role is refused at that statement.
APP_ROLE_WRITES: dict[str, tuple[str, ...]] = {
    "users": ("UPDATE",),  # agreement signed, transfer, block
    "challenges": ("UPDATE", "DELETE"),  # consumed once; expired ones pruned
    "sessions": ("UPDATE", "DELETE"),  # expired ones pruned; logout
    "applications": ("UPDATE",),  # the operator's decision
    "journal_head": ("UPDATE",),  # moves forward by one (its triggers check how)
}
_ROLE_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,62}")


@dataclass(frozen=True)
class Grants:
    """What `grant_app_role` gave: privileges by table, and the schema they live in."""

    role: str
    schema: str
    tables: dict[str, tuple[str, ...]]


def app_role_privileges(table: str) -> tuple[str, ...]:
    if table == "alembic_version":
        return ("SELECT",)
    return ("SELECT", "INSERT", *APP_ROLE_WRITES.get(table, ()))


def grant_app_role(engine: Engine, role: str) -> Grants:
    """Give the PostgreSQL `role` exactly what the gateway needs on the schema `engine`'s user
    owns: no ownership (so no ALTER TABLE … DISABLE TRIGGER, DROP, TRUNCATE), no TRIGGER, no
    REFERENCES; SELECT + INSERT everywhere, UPDATE/DELETE only per APP_ROLE_WRITES. Idempotent:
    earlier grants on these tables are revoked first."""
    if engine.dialect.name != "postgresql":
        raise SchemaError("an app role applies to PostgreSQL only (SQLite has no roles: keep "
                          "the database file 0600, owned by the gateway's user)")
    if not _ROLE_NAME.fullmatch(role):
        raise SchemaError(f"{role!r} is not a plain role name (letters, digits, _)")
    quoted = engine.dialect.identifier_preparer.quote(role)
    with write_tx(engine) as conn:
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATE_LOCK_KEY})
        me, schema = conn.execute(text("SELECT current_user, current_schema()")).one()
        found = conn.execute(text(
            "SELECT rolsuper, rolbypassrls, pg_has_role(:role, current_user, 'MEMBER') "
            "FROM pg_roles WHERE rolname = :role"), {"role": role}).first()
        if found is None:
            raise SchemaError(f"role {role} does not exist: create it first, e.g. "
                              f"CREATE ROLE {quoted} LOGIN PASSWORD '…'")
        if role == me:
            raise SchemaError(f"{role} is the owner running this step: the app role must be "
                              "another role")
        if found[0] or found[1]:
            raise SchemaError(f"{role} is a superuser or bypasses row security: no grant "
                              "could hold it back")
        if found[2]:
            raise SchemaError(f"{role} is a member of {me}, the schema's owner: it would own "
                              "the tables too")
        q_schema = engine.dialect.identifier_preparer.quote(schema)
        tables = sorted(inspect(conn).get_table_names(schema=schema))
        conn.execute(text(f"GRANT USAGE ON SCHEMA {q_schema} TO {quoted}"))
        conn.execute(text(f"REVOKE ALL ON ALL TABLES IN SCHEMA {q_schema} FROM {quoted}"))
        conn.execute(text(f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA {q_schema} FROM {quoted}"))
        granted: dict[str, tuple[str, ...]] = {}
        for table in tables:
            privileges = app_role_privileges(table)
            q_table = engine.dialect.identifier_preparer.quote(table)
            conn.execute(text(f"GRANT {', '.join(privileges)} ON {q_schema}.{q_table} "
                              f"TO {quoted}"))
            granted[table] = privileges
        # nextval() of the serial ids (applications, nonces, agreements).
        conn.execute(text(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {q_schema} "
                          f"TO {quoted}"))
    return Grants(role, schema, granted)


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"
