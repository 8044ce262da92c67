"""Dispositions: the user's signed word on what became of a query's result (R-RES-1).

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_BIGINT = sa.BigInteger().with_variant(sa.Integer(), "sqlite")

# One disposition per query, never changed or removed afterwards: the journal entry it points
# at is permanent (R-LOG-2), and this table is how reports find it without reading the journal.
_SQLITE_TRIGGERS = (
    """CREATE TRIGGER dispositions_no_update BEFORE UPDATE ON dispositions
       BEGIN SELECT RAISE(ABORT, 'dispositions are append-only'); END""",
    """CREATE TRIGGER dispositions_no_delete BEFORE DELETE ON dispositions
       BEGIN SELECT RAISE(ABORT, 'dispositions are append-only'); END""",
    # INSERT OR REPLACE would delete the first disposition without firing the delete trigger.
    """CREATE TRIGGER dispositions_no_replace BEFORE INSERT ON dispositions
       WHEN EXISTS (SELECT 1 FROM dispositions WHERE query_seq = NEW.query_seq
                                                 OR journal_seq = NEW.journal_seq)
       BEGIN SELECT RAISE(ABORT, 'a query has one disposition'); END""",
)

_PG_TRIGGERS = (
    """CREATE FUNCTION sio_dispositions_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         RAISE EXCEPTION 'dispositions are append-only' USING ERRCODE = 'restrict_violation';
       END $$""",
    """CREATE TRIGGER dispositions_no_update_delete BEFORE UPDATE OR DELETE ON dispositions
       FOR EACH ROW EXECUTE FUNCTION sio_dispositions_append_only()""",
    """CREATE TRIGGER dispositions_no_truncate BEFORE TRUNCATE ON dispositions
       FOR EACH STATEMENT EXECUTE FUNCTION sio_dispositions_append_only()""",
)


def upgrade() -> None:
    op.create_table(
        "dispositions",
        sa.Column("query_seq", _BIGINT, sa.ForeignKey("journal.seq"), primary_key=True,
                  autoincrement=False),
        sa.Column("journal_seq", _BIGINT, sa.ForeignKey("journal.seq"), nullable=False),
        sa.Column("iin", sa.String(12), nullable=False),
        sa.Column("action", sa.String(24), nullable=False),
        sa.Column("case_number", sa.String(64), nullable=False),
        sa.Column("printout_sha256", sa.String(64), nullable=True),
        sa.Column("destroyed_at", sa.String(40), nullable=False),
        sa.Column("at_utc", sa.String(40), nullable=False),
        sa.UniqueConstraint("journal_seq", name="uq_dispositions_journal_seq"),
    )
    triggers = _PG_TRIGGERS if op.get_bind().dialect.name == "postgresql" else _SQLITE_TRIGGERS
    for ddl in triggers:
        op.execute(ddl)


def downgrade() -> None:
    # Nothing is lost: every disposition is also a permanent "disposition" journal entry.
    op.drop_table("dispositions")  # its triggers go with it
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION sio_dispositions_append_only()")
