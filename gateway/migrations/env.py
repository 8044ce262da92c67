"""Alembic environment: runs on the connection handed over by gateway.db.migrate()."""

from __future__ import annotations

from alembic import context

from gateway.models import metadata

connection = context.config.attributes.get("connection")
if connection is None:  # the gateway always migrates programmatically (gateway.db.migrate)
    raise RuntimeError("run migrations through gateway.db.migrate(engine)")

context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
