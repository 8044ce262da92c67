"""Gateway test fixtures: databases (SQLite always, PostgreSQL when SIO_TEST_PG_URL is set)."""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text
from starlette.testclient import TestClient

from gateway.app import create_app
from gateway.config import GatewayConfig
from gateway.db import make_engine, migrate
from signing.sandbox_pki import SandboxPKI
from tests.gateway.helpers import Gw

PG_URL = os.environ.get("SIO_TEST_PG_URL")
BACKENDS = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param("postgresql", id="postgresql", marks=[
        pytest.mark.postgres,
        pytest.mark.skipif(not PG_URL, reason="SIO_TEST_PG_URL not set (./run test starts PG)"),
    ]),
]


def _pg_database(prefix: str) -> tuple[str, str]:
    """A fresh database on the test server: (its URL, its name)."""
    assert PG_URL
    name = f"{prefix}_{secrets.token_hex(6)}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return PG_URL.rsplit("/", 1)[0] + "/" + name, name


def _drop_pg_database(name: str) -> None:
    assert PG_URL
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A database URL of each backend; PostgreSQL gets its own database, dropped after."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'gateway.sqlite'}"
        return
    url, name = _pg_database("sio_gw_test")
    try:
        yield url
    finally:
        _drop_pg_database(name)


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    """A migrated engine on each backend."""
    eng = make_engine(db_url)
    migrate(eng)
    try:
        yield eng
    finally:
        eng.dispose()


@pytest.fixture
def gw(sandbox_pki: SandboxPKI, db_url: str) -> Iterator[Gw]:
    """The sandbox gateway app on each backend, driven in-process (TestClient)."""
    config = GatewayConfig.for_sandbox(sandbox_pki, db_url=db_url)
    eng = make_engine(db_url)
    app = create_app(config, eng)
    with TestClient(app, raise_server_exceptions=False) as client:
        yield Gw(client=client, engine=eng, config=config, pki=sandbox_pki, db_url=db_url)
    eng.dispose()
