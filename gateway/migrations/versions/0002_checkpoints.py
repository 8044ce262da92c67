"""Journal checkpoints: one operator-signed, chained checkpoint per sealed segment.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# R-LOG-1/R-LOG-2: checkpoints are never changed or removed, segments are numbered densely and
# each one starts right after the previous one and ends at or before the journal head.
_SQLITE_TRIGGERS = (
    """CREATE TRIGGER journal_checkpoints_no_update BEFORE UPDATE ON journal_checkpoints
       BEGIN SELECT RAISE(ABORT, 'journal checkpoints are append-only'); END""",
    """CREATE TRIGGER journal_checkpoints_no_delete BEFORE DELETE ON journal_checkpoints
       BEGIN SELECT RAISE(ABORT, 'journal checkpoints are append-only'); END""",
    """CREATE TRIGGER journal_checkpoints_dense BEFORE INSERT ON journal_checkpoints
       WHEN NEW.segment <> COALESCE((SELECT MAX(segment) FROM journal_checkpoints), 0) + 1
         OR NEW.first_seq <> COALESCE((SELECT last_seq FROM journal_checkpoints
                                       ORDER BY segment DESC LIMIT 1), 0) + 1
         OR NEW.last_seq < NEW.first_seq
         OR NEW.last_seq > (SELECT seq FROM journal_head WHERE id = 1)
       BEGIN SELECT RAISE(ABORT, 'a checkpoint must seal the next segment of the journal'); END""",
)

_PG_TRIGGERS = (
    """CREATE FUNCTION sio_checkpoints_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         RAISE EXCEPTION 'journal checkpoints are append-only'
           USING ERRCODE = 'restrict_violation';
       END $$""",
    """CREATE TRIGGER journal_checkpoints_no_update_delete
       BEFORE UPDATE OR DELETE ON journal_checkpoints
       FOR EACH ROW EXECUTE FUNCTION sio_checkpoints_append_only()""",
    """CREATE TRIGGER journal_checkpoints_no_truncate BEFORE TRUNCATE ON journal_checkpoints
       FOR EACH STATEMENT EXECUTE FUNCTION sio_checkpoints_append_only()""",
    """CREATE FUNCTION sio_checkpoints_dense() RETURNS trigger LANGUAGE plpgsql AS $$
       DECLARE last_segment bigint; last_sealed bigint;
       BEGIN
         SELECT segment, last_seq INTO last_segment, last_sealed FROM journal_checkpoints
           ORDER BY segment DESC LIMIT 1;
         IF NEW.segment <> COALESCE(last_segment, 0) + 1
            OR NEW.first_seq <> COALESCE(last_sealed, 0) + 1
            OR NEW.last_seq < NEW.first_seq
            OR NEW.last_seq > (SELECT seq FROM journal_head WHERE id = 1) THEN
           RAISE EXCEPTION 'a checkpoint must seal the next segment of the journal'
             USING ERRCODE = 'restrict_violation';
         END IF;
         RETURN NEW;
       END $$""",
    """CREATE TRIGGER journal_checkpoints_dense BEFORE INSERT ON journal_checkpoints
       FOR EACH ROW EXECUTE FUNCTION sio_checkpoints_dense()""",
)


def upgrade() -> None:
    op.create_table(
        "journal_checkpoints",
        sa.Column("segment", sa.BigInteger(), primary_key=True, autoincrement=False),
        sa.Column("first_seq", sa.BigInteger(), nullable=False),
        sa.Column("last_seq", sa.BigInteger(), nullable=False),
        sa.Column("count", sa.BigInteger(), nullable=False),
        sa.Column("last_hash", sa.String(64), nullable=False),
        sa.Column("prev_checkpoint_hash", sa.String(64), nullable=False),
        sa.Column("sealed_at_utc", sa.String(40), nullable=False),
        sa.Column("sealed_at_astana", sa.String(40), nullable=False),
        sa.Column("reason", sa.String(20), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
        sa.Column("signature", sa.LargeBinary(), nullable=False),
    )
    triggers = _PG_TRIGGERS if op.get_bind().dialect.name == "postgresql" else _SQLITE_TRIGGERS
    for ddl in triggers:
        op.execute(ddl)


def downgrade() -> None:
    # Checkpoints vouch for the permanent journal (R-LOG-2): they are never dropped.
    raise RuntimeError("journal checkpoints are permanent: revision 0002 cannot be downgraded")
