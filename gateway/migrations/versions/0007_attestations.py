"""Each user's newest workstation self-check found by an index, not by reading the journal.

2022 §4 makes access depend on App.3: with the "require" policy every query reads its user's
newest attestation (gateway.attestation). One derived row per "attestation" entry, written in
the entry's transaction and back-filled here from the journal, keeps that read O(log n);
append-only like the journal and the other derived tables (revision 0006).

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import importlib

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

_BIGINT = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
# The append-only triggers of the derived tables, as revision 0006 wrote them (its PostgreSQL
# function sio_derived_append_only is reused).
_derived = importlib.import_module("gateway.migrations.versions.0006_downtime_state")


def upgrade() -> None:
    op.create_table(
        "attestations",
        sa.Column("seq", _BIGINT, sa.ForeignKey("journal.seq"), primary_key=True,
                  autoincrement=False),
        sa.Column("iin", sa.String(12), nullable=False),
        sa.Column("cert_serial", sa.String(80), nullable=False),
        sa.Column("overall", sa.String(20), nullable=False),
        sa.Column("partial", sa.Boolean(), nullable=False),
        sa.Column("decisive", sa.Boolean(), nullable=False),
        sa.Column("at_utc", sa.String(40), nullable=False))
    op.create_index("ix_attestations_iin_decisive_seq", "attestations",
                    ["iin", "decisive", "seq"])
    _backfill()
    postgres = op.get_bind().dialect.name == "postgresql"
    for ddl in (_derived._pg_triggers if postgres else _derived._sqlite_triggers)("attestations"):
        op.execute(ddl)


def _backfill() -> None:
    """The row of every attestation already journaled, as gateway.attestation writes it."""
    from gateway import attestation  # the one reader of these entries

    conn = op.get_bind()
    journal = sa.table("journal", sa.column("seq"), sa.column("kind"), sa.column("actor_iin"),
                       sa.column("cert_serial"), sa.column("at_utc"), sa.column("detail"))
    rows = conn.execute(sa.select(journal.c.seq, journal.c.actor_iin, journal.c.cert_serial,
                                  journal.c.at_utc, journal.c.detail)
                        .where(journal.c.kind == attestation.KIND).order_by(journal.c.seq))
    for seq, iin, serial, at_utc, detail in rows.all():
        attestation.index(conn, int(seq), iin, serial, str(at_utc), str(detail))


def downgrade() -> None:
    # Nothing is lost: every row is derived from a permanent journal entry.
    op.drop_table("attestations")  # its triggers and index go with it
