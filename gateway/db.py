"""Engines, the durable SQLite settings, write transactions and migrations at startup."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine, create_engine, event

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
_BEGIN_MODE = "sio_begin"


def make_engine(url: str) -> Engine:
    """An engine for SQLite (WAL, synchronous=FULL, foreign keys) or PostgreSQL."""
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 30})
        _configure_sqlite(engine)
        return engine
    return create_engine(url, pool_pre_ping=True)


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
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        mode = conn.get_execution_options().get(_BEGIN_MODE, "")
        conn.exec_driver_sql(f"BEGIN {mode}".strip())


@contextmanager
def write_tx(engine: Engine) -> Iterator[Connection]:
    """A transaction that writes: SQLite takes the write lock at BEGIN (IMMEDIATE) so two
    writers never deadlock on lock upgrade; PostgreSQL relies on row locks (FOR UPDATE)."""
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            conn = conn.execution_options(**{_BEGIN_MODE: "IMMEDIATE"})
        with conn.begin():
            yield conn


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest Alembic revision (run at every startup)."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with write_tx(engine) as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"
