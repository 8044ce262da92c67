"""Gateway test fixtures: databases (SQLite always, PostgreSQL when SIO_TEST_PG_URL is set)."""

from __future__ import annotations

import os
import secrets
import shutil
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


def _pg_database(prefix: str, template: str = "template1") -> tuple[str, str]:
    """A fresh database on the test server, a copy of `template`: (its URL, its name)."""
    assert PG_URL
    name = f"{prefix}_{secrets.token_hex(6)}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template}" STRATEGY FILE_COPY'))
    admin.dispose()
    return PG_URL.rsplit("/", 1)[0] + "/" + name, name


def _drop_pg_database(name: str) -> None:
    assert PG_URL
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def _migrate_url(url: str) -> None:
    eng = make_engine(url)
    try:
        migrate(eng)
    finally:
        eng.dispose()  # a PostgreSQL template may have no session open when it is copied


# Per backend, a database migrated once per session by the real `migrate` (made on first use):
# the SQLite file's path, the PostgreSQL database's name (dropped when pytest ends). Module state,
# not a fixture: tests/e2e imports db_url without this module's other fixtures.
_TEMPLATES: dict[str, str] = {}


def _template(backend: str, request: pytest.FixtureRequest,
              factory: pytest.TempPathFactory) -> str:
    if backend not in _TEMPLATES:
        if backend == "sqlite":
            path = factory.mktemp("gateway-template") / "gateway.sqlite"
            _migrate_url(f"sqlite:///{path}")
            _TEMPLATES[backend] = str(path)
        else:
            url, name = _pg_database("sio_gw_template")
            request.config.add_cleanup(lambda: _drop_pg_database(name))
            _TEMPLATES[backend] = name
            _migrate_url(url)
    return _TEMPLATES[backend]


# A test whose `engine` or `gw` fixture migrates its database anyway gets a copy of a database
# migrated once (~0.5 s less per test; the same revisions made it); every other test gets an
# empty one, as a first start would (tests of `migrate` itself use db_url alone).
MIGRATING_FIXTURES = ("engine", "gw")


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path,
           tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A database URL of each backend; PostgreSQL gets its own database, dropped after."""
    migrated = any(name in request.fixturenames for name in MIGRATING_FIXTURES)
    if request.param == "sqlite":
        path = tmp_path / "gateway.sqlite"
        if migrated:
            shutil.copyfile(_template("sqlite", request, tmp_path_factory), path)
        yield f"sqlite:///{path}"
        return
    template = "template1"
    if migrated:
        template = _template("postgresql", request, tmp_path_factory)
    url, name = _pg_database("sio_gw_test", template)
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
