"""Initial schema: users, challenges, sessions, nonces, the journal and its head.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

_BIGINT = sa.BigInteger().with_variant(sa.Integer(), "sqlite")

# R-LOG-1/R-LOG-2: the database itself refuses to change or remove journal rows, and refuses
# rows whose seq is not head+1 (dense), whatever code talks to it.
_SQLITE_TRIGGERS = (
    """CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal
       BEGIN SELECT RAISE(ABORT, 'journal is append-only'); END""",
    """CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal
       BEGIN SELECT RAISE(ABORT, 'journal is append-only'); END""",
    """CREATE TRIGGER journal_dense BEFORE INSERT ON journal
       WHEN NEW.seq <> (SELECT seq FROM journal_head WHERE id = 1) + 1
       BEGIN SELECT RAISE(ABORT, 'journal seq must be head + 1'); END""",
    """CREATE TRIGGER journal_head_forward BEFORE UPDATE ON journal_head
       WHEN NEW.id <> OLD.id OR NEW.seq <> OLD.seq + 1
       BEGIN SELECT RAISE(ABORT, 'journal head only moves forward by one'); END""",
    """CREATE TRIGGER journal_head_no_delete BEFORE DELETE ON journal_head
       BEGIN SELECT RAISE(ABORT, 'journal head cannot be deleted'); END""",
)

_PG_TRIGGERS = (
    """CREATE FUNCTION sio_journal_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN RAISE EXCEPTION 'journal is append-only' USING ERRCODE = 'restrict_violation'; END
       $$""",
    """CREATE TRIGGER journal_no_update_delete BEFORE UPDATE OR DELETE ON journal
       FOR EACH ROW EXECUTE FUNCTION sio_journal_append_only()""",
    """CREATE TRIGGER journal_no_truncate BEFORE TRUNCATE ON journal
       FOR EACH STATEMENT EXECUTE FUNCTION sio_journal_append_only()""",
    """CREATE FUNCTION sio_journal_dense() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF NEW.seq <> (SELECT seq FROM journal_head WHERE id = 1) + 1 THEN
           RAISE EXCEPTION 'journal seq must be head + 1' USING ERRCODE = 'restrict_violation';
         END IF;
         RETURN NEW;
       END $$""",
    """CREATE TRIGGER journal_dense BEFORE INSERT ON journal
       FOR EACH ROW EXECUTE FUNCTION sio_journal_dense()""",
    """CREATE FUNCTION sio_journal_head_forward() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF TG_OP = 'DELETE' OR NEW.id <> OLD.id OR NEW.seq <> OLD.seq + 1 THEN
           RAISE EXCEPTION 'journal head only moves forward by one'
             USING ERRCODE = 'restrict_violation';
         END IF;
         RETURN NEW;
       END $$""",
    """CREATE TRIGGER journal_head_forward BEFORE UPDATE OR DELETE ON journal_head
       FOR EACH ROW EXECUTE FUNCTION sio_journal_head_forward()""",
    """CREATE TRIGGER journal_head_no_truncate BEFORE TRUNCATE ON journal_head
       FOR EACH STATEMENT EXECUTE FUNCTION sio_journal_append_only()""",
)


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("iin", sa.String(12), primary_key=True),
        sa.Column("name", sa.String(300), nullable=False),
        sa.Column("organization", sa.String(300), nullable=False, server_default=""),
        sa.Column("role", sa.String(40), nullable=False, server_default="afm_analyst"),
        sa.Column("state", sa.String(20), nullable=False, server_default="registered"),
        sa.Column("agreement_signed_at", sa.String(40), nullable=True),
        sa.Column("registered_at", sa.String(40), nullable=False),
    )
    op.create_table(
        "challenges",
        sa.Column("challenge", sa.String(64), primary_key=True),
        sa.Column("issued_at", sa.String(40), nullable=False),
        sa.Column("expires_at", sa.String(40), nullable=False),
        sa.Column("consumed_at", sa.String(40), nullable=True),
    )
    op.create_table(
        "sessions",
        sa.Column("token_sha256", sa.String(64), primary_key=True),
        sa.Column("iin", sa.String(12), sa.ForeignKey("users.iin"), nullable=False),
        sa.Column("cert_serial", sa.String(80), nullable=False),
        sa.Column("issued_at", sa.String(40), nullable=False),
        sa.Column("expires_at", sa.String(40), nullable=False),
    )
    op.create_table(
        "nonces",
        sa.Column("id", _BIGINT, primary_key=True, autoincrement=True),
        sa.Column("iin", sa.String(12), nullable=False),
        sa.Column("nonce", sa.String(64), nullable=False),
        sa.Column("seen_at", sa.String(40), nullable=False),
        sa.UniqueConstraint("iin", "nonce", name="uq_nonces_iin_nonce"),
    )
    op.create_table(
        "journal",
        sa.Column("seq", _BIGINT, primary_key=True, autoincrement=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("at_utc", sa.String(40), nullable=False),
        sa.Column("at_astana", sa.String(40), nullable=False),
        sa.Column("actor_iin", sa.String(12), nullable=True),
        sa.Column("cert_serial", sa.String(80), nullable=True),
        sa.Column("resource", sa.Integer(), nullable=True),
        sa.Column("basis", sa.Text(), nullable=True),
        sa.Column("request_sha256", sa.String(64), nullable=True),
        sa.Column("response_sha256", sa.String(64), nullable=True),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
    )
    head = op.create_table(
        "journal_head",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
    )
    op.bulk_insert(head, [{"id": 1, "seq": 0, "hash": "0" * 64}])
    op.create_index("ix_journal_actor_at", "journal", ["actor_iin", "at_utc"])
    triggers = _PG_TRIGGERS if op.get_bind().dialect.name == "postgresql" else _SQLITE_TRIGGERS
    for ddl in triggers:
        op.execute(ddl)


def downgrade() -> None:
    # The journal is kept permanently (R-LOG-2): there is no way back from this revision.
    raise RuntimeError("the initial revision cannot be downgraded: the journal is permanent")
