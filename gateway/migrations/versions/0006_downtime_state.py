"""What a query needs in its own tables, and the journal indexed by kind and time (issue 10).

Notices, emergencies, closings, unreadable entries and the faults that reported them get one
derived row per journal entry (gateway.downtime, written by journal.append in the entry's
transaction), back-filled here from the journal; like the journal they are append-only.
`journal (kind, at_utc)` serves the controller report and the back-fill itself.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

_BIGINT = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
_TABLES = ("downtime_notices", "downtime_emergencies", "downtime_closings",
           "unreadable_entries", "fault_reports")


def _seq() -> sa.Column[int]:
    return sa.Column("seq", _BIGINT, sa.ForeignKey("journal.seq"), primary_key=True,
                     autoincrement=False)


def _sqlite_triggers(table: str) -> tuple[str, ...]:
    # INSERT OR REPLACE would delete the first row without firing the delete trigger.
    return (
        f"""CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table}
            BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END""",
        f"""CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table}
            BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END""",
        f"""CREATE TRIGGER {table}_no_replace BEFORE INSERT ON {table}
            WHEN EXISTS (SELECT 1 FROM {table} WHERE seq = NEW.seq)
            BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END""",  # noqa: S608 (table names are ours)
    )


def _pg_triggers(table: str) -> tuple[str, ...]:
    return (
        f"""CREATE TRIGGER {table}_no_update_delete BEFORE UPDATE OR DELETE ON {table}
            FOR EACH ROW EXECUTE FUNCTION sio_derived_append_only()""",
        f"""CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table}
            FOR EACH STATEMENT EXECUTE FUNCTION sio_derived_append_only()""",
    )


_PG_FUNCTION = """CREATE FUNCTION sio_derived_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
    END $$"""


def upgrade() -> None:
    op.create_index("ix_journal_kind_at", "journal", ["kind", "at_utc"])
    op.create_table(
        "downtime_notices", _seq(),
        sa.Column("starts_at_utc", sa.String(40), nullable=False),
        sa.Column("ends_at_utc", sa.String(40), nullable=False),
        sa.Column("resources", sa.Text(), nullable=True))
    op.create_index("ix_downtime_notices_ends", "downtime_notices", ["ends_at_utc"])
    op.create_table(
        "downtime_emergencies", _seq(),
        sa.Column("started_at_utc", sa.String(40), nullable=False),
        sa.Column("resources", sa.Text(), nullable=True))
    op.create_table(
        "downtime_closings", _seq(),
        sa.Column("entry_seq", sa.BigInteger(), nullable=False),
        sa.Column("ended_at_utc", sa.String(40), nullable=False))
    op.create_index("ix_downtime_closings_entry", "downtime_closings", ["entry_seq"])
    op.create_table(
        "unreadable_entries", _seq(),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("reason", sa.String(200), nullable=False))
    op.create_table(
        "fault_reports", _seq(),
        sa.Column("entry_seq", sa.BigInteger(), nullable=False))
    op.create_index("ix_fault_reports_entry", "fault_reports", ["entry_seq"])
    _backfill()
    if op.get_bind().dialect.name == "postgresql":
        op.execute(_PG_FUNCTION)
        triggers = [ddl for table in _TABLES for ddl in _pg_triggers(table)]
    else:
        triggers = [ddl for table in _TABLES for ddl in _sqlite_triggers(table)]
    for ddl in triggers:
        op.execute(ddl)


def _backfill() -> None:
    """The derived row of every entry already journaled, exactly as journal.append writes it."""
    from gateway import downtime  # the one reader of these entries: the same rules as append's

    conn = op.get_bind()
    journal = sa.table("journal", sa.column("seq"), sa.column("kind"), sa.column("detail"))
    rows = conn.execute(sa.select(journal.c.seq, journal.c.kind, journal.c.detail)
                        .where(journal.c.kind.in_(sorted(downtime.KINDS)))
                        .order_by(journal.c.seq)).all()
    for seq, kind, detail in rows:
        downtime.index(conn, int(seq), str(kind), str(detail))


def downgrade() -> None:
    # Nothing is lost: every row is derived from a permanent journal entry.
    for table in reversed(_TABLES):
        op.drop_table(table)  # its triggers go with it
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION sio_derived_append_only()")
    op.drop_index("ix_journal_kind_at", "journal")
