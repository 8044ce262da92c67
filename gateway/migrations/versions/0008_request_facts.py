"""The controller's report reads small rows of its own, not the journal's details (issue 13).

One derived row per "query" and "refusal" entry (gateway.request_facts, written by
journal.append in the entry's transaction) with the few fields the report shows: back-filled
here from the journal a batch at a time, append-only like the other derived tables.

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import importlib

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

_BIGINT = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
# The append-only triggers of the derived tables, as revision 0006 wrote them (its PostgreSQL
# function sio_derived_append_only is reused).
_derived = importlib.import_module("gateway.migrations.versions.0006_downtime_state")
_BATCH = 2000


def upgrade() -> None:
    op.create_table(
        "request_facts",
        sa.Column("seq", _BIGINT, sa.ForeignKey("journal.seq"), primary_key=True,
                  autoincrement=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("at_utc", sa.String(40), nullable=False),
        sa.Column("at_astana", sa.String(40), nullable=False),
        sa.Column("actor_iin", sa.String(12), nullable=True),
        sa.Column("resource", sa.Integer(), nullable=True),
        sa.Column("code", sa.Text(), nullable=True),
        sa.Column("endpoint", sa.Text(), nullable=True),
        sa.Column("count", sa.BigInteger(), nullable=True),
        sa.Column("params", sa.Text(), nullable=True),
        sa.Column("case_number", sa.Text(), nullable=True),
        sa.Column("legal_ground", sa.Text(), nullable=True),
        sa.Column("purpose", sa.Text(), nullable=True))
    op.create_index("ix_request_facts_at", "request_facts", ["at_astana"])
    _backfill()
    postgres = op.get_bind().dialect.name == "postgresql"
    for ddl in (_derived._pg_triggers if postgres else _derived._sqlite_triggers)(
            "request_facts"):
        op.execute(ddl)


def _backfill() -> None:
    """The row of every request and refusal already journaled, as journal.append writes it;
    read and written a batch at a time (a journal of a million entries does not fit in memory
    whole)."""
    from gateway import request_facts  # the one reader of these entries: append's rules

    conn = op.get_bind()
    journal = sa.table("journal", *(sa.column(c) for c in (
        "seq", "kind", "at_utc", "at_astana", "actor_iin", "resource", "basis", "detail")))
    target = sa.table("request_facts", *(sa.column(c) for c in (
        "seq", "kind", "at_utc", "at_astana", "actor_iin", "resource", "code", "endpoint",
        "count", "params", "case_number", "legal_ground", "purpose")))
    after = 0
    while True:
        rows = conn.execute(sa.select(journal).where(
            journal.c.kind.in_(sorted(request_facts.KINDS)), journal.c.seq > after)
            .order_by(journal.c.seq).limit(_BATCH)).mappings().all()
        if not rows:
            return
        conn.execute(sa.insert(target), [request_facts.facts_of(dict(r)) for r in rows])
        after = int(rows[-1]["seq"])


def downgrade() -> None:
    # Nothing is lost: every row is derived from a permanent journal entry.
    op.drop_table("request_facts")  # its triggers and index go with it
