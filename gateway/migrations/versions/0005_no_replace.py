"""No way round the append-only triggers: REPLACE, upserts and a re-pointed journal head.

SQLite's INSERT OR REPLACE (and REPLACE, and an upsert) deletes a conflicting row WITHOUT firing
DELETE triggers unless the connection turned recursive_triggers on, so a replaced journal_head
let any writer re-point the head and then replace an old journal entry (issue 9, hole 7).
These triggers live in the schema, so they hold on every connection, whatever its settings
(gateway.db also turns recursive_triggers on): a key that exists already is never inserted
again, the head is one row created once, it moves only onto the entry just appended (its seq
and hash), and every new entry chains to the head.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

_SQLITE_TRIGGERS = (
    """CREATE TRIGGER journal_no_replace BEFORE INSERT ON journal
       WHEN EXISTS (SELECT 1 FROM journal WHERE seq = NEW.seq)
       BEGIN SELECT RAISE(ABORT, 'journal is append-only'); END""",
    """CREATE TRIGGER journal_chained BEFORE INSERT ON journal
       WHEN NEW.prev_hash IS NOT (SELECT hash FROM journal_head WHERE id = 1)
       BEGIN SELECT RAISE(ABORT, 'a journal entry must chain to the head'); END""",
    """CREATE TRIGGER journal_head_one_row BEFORE INSERT ON journal_head
       BEGIN SELECT RAISE(ABORT, 'the journal head is one row, created once'); END""",
    """CREATE TRIGGER journal_head_onto_entry BEFORE UPDATE ON journal_head
       WHEN NOT EXISTS (SELECT 1 FROM journal WHERE seq = NEW.seq AND hash = NEW.hash)
       BEGIN SELECT RAISE(ABORT, 'the journal head moves only onto the entry appended'); END""",
    """CREATE TRIGGER journal_checkpoints_no_replace BEFORE INSERT ON journal_checkpoints
       WHEN EXISTS (SELECT 1 FROM journal_checkpoints WHERE segment = NEW.segment)
       BEGIN SELECT RAISE(ABORT, 'journal checkpoints are append-only'); END""",
)
_SQLITE_DROP = ("journal_no_replace", "journal_chained", "journal_head_one_row",
                "journal_head_onto_entry", "journal_checkpoints_no_replace")

# PostgreSQL has no REPLACE, and an upsert's UPDATE fires the UPDATE triggers of 0001/0002/0004;
# what it lacked is the head's and the chain's own checks.
_PG_TRIGGERS = (
    """CREATE FUNCTION sio_journal_chained() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF NEW.prev_hash IS DISTINCT FROM (SELECT hash FROM journal_head WHERE id = 1) THEN
           RAISE EXCEPTION 'a journal entry must chain to the head'
             USING ERRCODE = 'restrict_violation';
         END IF;
         RETURN NEW;
       END $$""",
    """CREATE TRIGGER journal_chained BEFORE INSERT ON journal
       FOR EACH ROW EXECUTE FUNCTION sio_journal_chained()""",
    """CREATE FUNCTION sio_journal_head_one_row() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         RAISE EXCEPTION 'the journal head is one row, created once'
           USING ERRCODE = 'restrict_violation';
       END $$""",
    """CREATE TRIGGER journal_head_one_row BEFORE INSERT ON journal_head
       FOR EACH ROW EXECUTE FUNCTION sio_journal_head_one_row()""",
    """CREATE FUNCTION sio_journal_head_onto_entry() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF NOT EXISTS (SELECT 1 FROM journal WHERE seq = NEW.seq AND hash = NEW.hash) THEN
           RAISE EXCEPTION 'the journal head moves only onto the entry appended'
             USING ERRCODE = 'restrict_violation';
         END IF;
         RETURN NEW;
       END $$""",
    """CREATE TRIGGER journal_head_onto_entry BEFORE UPDATE ON journal_head
       FOR EACH ROW EXECUTE FUNCTION sio_journal_head_onto_entry()""",
)
_PG_DROP = (
    "DROP TRIGGER journal_chained ON journal",
    "DROP FUNCTION sio_journal_chained()",
    "DROP TRIGGER journal_head_one_row ON journal_head",
    "DROP FUNCTION sio_journal_head_one_row()",
    "DROP TRIGGER journal_head_onto_entry ON journal_head",
    "DROP FUNCTION sio_journal_head_onto_entry()",
)


def upgrade() -> None:
    triggers = _PG_TRIGGERS if op.get_bind().dialect.name == "postgresql" else _SQLITE_TRIGGERS
    for ddl in triggers:
        op.execute(ddl)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for ddl in _PG_DROP:
            op.execute(ddl)
    else:
        for name in _SQLITE_DROP:
            op.execute(f"DROP TRIGGER {name}")
