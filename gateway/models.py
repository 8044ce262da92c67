"""The gateway's tables (SQLAlchemy Core); the Alembic migrations create exactly these."""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()
# SQLite only auto-numbers INTEGER PRIMARY KEY; PostgreSQL gets 64 bits.
_BIGINT = BigInteger().with_variant(Integer, "sqlite")

# R-ACC-1: only registered users in a known role may enter.
users = Table(
    "users",
    metadata,
    Column("iin", String(12), primary_key=True),
    Column("name", String(300), nullable=False),
    Column("organization", String(300), nullable=False, server_default=""),
    Column("role", String(40), nullable=False, server_default="afm_analyst"),
    Column("state", String(20), nullable=False, server_default="registered"),
    Column("agreement_signed_at", String(40), nullable=True),  # R-AUTH-2, ISO Astana time
    Column("registered_at", String(40), nullable=False),
    # R-ACC-5, R-ACC-7: the unit and position a transfer application edits (revision 0003).
    Column("unit", String(300), nullable=False, server_default=""),
    Column("position", String(300), nullable=False, server_default=""),
)

# Login challenges are single use (consumed_at set once) and short-lived.
challenges = Table(
    "challenges",
    metadata,
    Column("challenge", String(64), primary_key=True),
    Column("issued_at", String(40), nullable=False),
    Column("expires_at", String(40), nullable=False),
    Column("consumed_at", String(40), nullable=True),
)

# The bearer token itself is never stored, only its SHA-256.
sessions = Table(
    "sessions",
    metadata,
    Column("token_sha256", String(64), primary_key=True),
    Column("iin", String(12), ForeignKey("users.iin"), nullable=False),
    Column("cert_serial", String(80), nullable=False),
    Column("issued_at", String(40), nullable=False),
    Column("expires_at", String(40), nullable=False),
)

# Replay protection: a nonce is accepted once per user.
nonces = Table(
    "nonces",
    metadata,
    Column("id", _BIGINT, primary_key=True, autoincrement=True),
    Column("iin", String(12), nullable=False),
    Column("nonce", String(64), nullable=False),
    Column("seen_at", String(40), nullable=False),
    UniqueConstraint("iin", "nonce", name="uq_nonces_iin_nonce"),
)

# R-LOG-1, R-LOG-2: the Log journal; triggers (see the migration) forbid UPDATE and DELETE.
journal = Table(
    "journal",
    metadata,
    Column("seq", _BIGINT, primary_key=True, autoincrement=False),
    Column("kind", String(20), nullable=False),
    Column("at_utc", String(40), nullable=False),
    Column("at_astana", String(40), nullable=False),
    Column("actor_iin", String(12), nullable=True),
    Column("cert_serial", String(80), nullable=True),
    Column("resource", Integer, nullable=True),
    Column("basis", Text, nullable=True),
    Column("request_sha256", String(64), nullable=True),
    Column("response_sha256", String(64), nullable=True),
    Column("detail", Text, nullable=False),
    Column("prev_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False),
)
# Reports and per-user lookups by actor and time (revision 0001).
Index("ix_journal_actor_at", journal.c.actor_iin, journal.c.at_utc)
# Entries of one kind over a time range: the controller report (revision 0006, issue 10).
Index("ix_journal_kind_at", journal.c.kind, journal.c.at_utc)

# R-CTL-1, issue 13: what the controller's report reads of each "query" and "refusal" entry,
# one row per entry written by journal.append in its transaction (gateway.request_facts), so
# the report never parses the entries' 5 KB details. Derived and append-only like the journal
# (revision 0008 back-fills it and forbids UPDATE and DELETE).
request_facts = Table(
    "request_facts",
    metadata,
    Column("seq", _BIGINT, ForeignKey("journal.seq"), primary_key=True, autoincrement=False),
    Column("kind", String(20), nullable=False),
    Column("at_utc", String(40), nullable=False),
    Column("at_astana", String(40), nullable=False),
    Column("actor_iin", String(12), nullable=True),
    Column("resource", Integer, nullable=True),
    Column("code", Text, nullable=True),  # the detail's code, endpoint and count
    Column("endpoint", Text, nullable=True),
    Column("count", BigInteger, nullable=True),
    Column("params", Text, nullable=True),  # the signed request's params, JSON in signed order
    Column("case_number", Text, nullable=True),  # the basis (R-Q-2)
    Column("legal_ground", Text, nullable=True),
    Column("purpose", Text, nullable=True),
)
# The report's period: its first and last seq are found by Astana date (R-Q-5).
Index("ix_request_facts_at", request_facts.c.at_astana)

# One row: the last seq and hash; locking it serializes appends so seqs stay dense.
journal_head = Table(
    "journal_head",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("seq", BigInteger, nullable=False),
    Column("hash", String(64), nullable=False),
)

# R-LOG-1, R-CTL-3: one operator-signed checkpoint per sealed segment, chained to the previous
# one; `body` is the exact canonical JSON that was signed. Append-only like the journal.
journal_checkpoints = Table(
    "journal_checkpoints",
    metadata,
    Column("segment", BigInteger, primary_key=True, autoincrement=False),
    Column("first_seq", BigInteger, nullable=False),
    Column("last_seq", BigInteger, nullable=False),
    Column("count", BigInteger, nullable=False),
    Column("last_hash", String(64), nullable=False),
    Column("prev_checkpoint_hash", String(64), nullable=False),
    Column("sealed_at_utc", String(40), nullable=False),
    Column("sealed_at_astana", String(40), nullable=False),
    Column("reason", String(20), nullable=False),
    Column("body", Text, nullable=False),
    Column("hash", String(64), nullable=False),
    Column("signature", LargeBinary, nullable=False),
)

GENESIS_HASH = "0" * 64

# R-ACC-2..4: electronic applications for registration, transfer and blocking. `form` is the
# canonical JSON the applicant filed, `pdf` the PAdES-signed PDF with the scan embedded;
# `decision`/`decision_signature` are the operator-signed decision (canonical JSON, CMS).
applications = Table(
    "applications",
    metadata,
    Column("id", _BIGINT, primary_key=True, autoincrement=True),
    Column("iin", String(12), nullable=False, index=True),
    Column("action", String(20), nullable=False),
    Column("state", String(20), nullable=False),
    Column("form", Text, nullable=False),
    Column("pdf", LargeBinary, nullable=False),
    Column("pdf_sha256", String(64), nullable=False),
    Column("signer_iin", String(12), nullable=False),
    Column("signer_serial", String(80), nullable=False),
    Column("submitted_at", String(40), nullable=False),  # UTC text (gateway.timefmt)
    Column("due_at", String(40), nullable=False),  # R-ACC-4: submitted + one day
    Column("decided_at", String(40), nullable=True),
    Column("decided_by", String(12), nullable=True),
    Column("decision", Text, nullable=True),
    Column("decision_signature", LargeBinary, nullable=True),
)

# R-AUTH-2: every signed agreement with its date; `statement` is the exact signed JSON.
agreements = Table(
    "agreements",
    metadata,
    Column("id", _BIGINT, primary_key=True, autoincrement=True),
    Column("iin", String(12), ForeignKey("users.iin"), nullable=False),
    Column("version", Integer, nullable=False),
    Column("statement", Text, nullable=False),
    Column("signature", LargeBinary, nullable=False),
    Column("cert_serial", String(80), nullable=False),
    Column("signed_at", String(40), nullable=False),  # ISO Astana time
    UniqueConstraint("iin", "version", name="uq_agreements_iin_version"),
)

# R-RES-1: the user's signed disposition of a query's result, one per query (the primary key
# makes a second one impossible); `journal_seq` is the "disposition" journal entry that keeps
# the signed statement itself. `destroyed_at` is Astana time (R-Q-5), `at_utc` when it came in.
# Triggers (revision 0004) forbid UPDATE and DELETE: a disposition, once recorded, stands.
dispositions = Table(
    "dispositions",
    metadata,
    Column("query_seq", _BIGINT, ForeignKey("journal.seq"), primary_key=True,
           autoincrement=False),
    Column("journal_seq", _BIGINT, ForeignKey("journal.seq"), nullable=False),
    Column("iin", String(12), nullable=False),
    Column("action", String(24), nullable=False),
    Column("case_number", String(64), nullable=False),
    Column("printout_sha256", String(64), nullable=True),
    Column("destroyed_at", String(40), nullable=False),
    Column("at_utc", String(40), nullable=False),
    UniqueConstraint("journal_seq", name="uq_dispositions_journal_seq"),
)

# Issue 10: what a query needs of the operations events (R-Q-3, R-OPS-1), one row per journal
# entry that made it, written by journal.append in that entry's transaction (gateway.downtime):
# a query reads a few indexed rows however long the journal is. Derived and append-only like
# the journal itself (revision 0006 back-fills them and forbids UPDATE and DELETE).
downtime_notices = Table(
    "downtime_notices",
    metadata,
    Column("seq", _BIGINT, ForeignKey("journal.seq"), primary_key=True, autoincrement=False),
    Column("starts_at_utc", String(40), nullable=False),  # gateway.timefmt text
    Column("ends_at_utc", String(40), nullable=False),
    Column("resources", Text, nullable=True),  # canonical JSON list; NULL: every resource
)
Index("ix_downtime_notices_ends", downtime_notices.c.ends_at_utc)

downtime_emergencies = Table(
    "downtime_emergencies",
    metadata,
    Column("seq", _BIGINT, ForeignKey("journal.seq"), primary_key=True, autoincrement=False),
    Column("started_at_utc", String(40), nullable=False),
    Column("resources", Text, nullable=True),
)

# `seq` is the closing's own entry; `entry_seq` the emergency it closes (not a foreign key: a
# closing journaled by hand may name any number, and then closes nothing).
downtime_closings = Table(
    "downtime_closings",
    metadata,
    Column("seq", _BIGINT, ForeignKey("journal.seq"), primary_key=True, autoincrement=False),
    Column("entry_seq", BigInteger, nullable=False),
    Column("ended_at_utc", String(40), nullable=False),
)
Index("ix_downtime_closings_entry", downtime_closings.c.entry_seq)

# Issue 9, hole 2: a notice, emergency, closing or fault entry that cannot be read, and why.
unreadable_entries = Table(
    "unreadable_entries",
    metadata,
    Column("seq", _BIGINT, ForeignKey("journal.seq"), primary_key=True, autoincrement=False),
    Column("kind", String(20), nullable=False),
    Column("reason", String(200), nullable=False),
)

# The "fault" entries that journaled an unreadable row (each is journaled once).
fault_reports = Table(
    "fault_reports",
    metadata,
    Column("seq", _BIGINT, ForeignKey("journal.seq"), primary_key=True, autoincrement=False),
    Column("entry_seq", BigInteger, nullable=False),
)
Index("ix_fault_reports_entry", fault_reports.c.entry_seq)

# 2022 §4, App.3 (gateway.attestation): one row per "attestation" journal entry, written in the
# entry's transaction, so a query finds its user's newest self-check by (iin, seq) — O(log n)
# whatever the journal's length — instead of searching the journal. Derived and append-only
# (revision 0007 back-fills it and forbids UPDATE and DELETE).
attestations = Table(
    "attestations",
    metadata,
    Column("seq", _BIGINT, ForeignKey("journal.seq"), primary_key=True, autoincrement=False),
    Column("iin", String(12), nullable=False),
    Column("cert_serial", String(80), nullable=False),  # the signing certificate it was made with
    Column("overall", String(20), nullable=False),  # PASS, FAIL or UNDETERMINED
    Column("partial", Boolean, nullable=False),  # some rule checks were not run
    # False for a partial PASS: it claims nothing about the checks that did not run, so the
    # policy reads the newest decisive one (a failure decides, partial or not).
    Column("decisive", Boolean, nullable=False),
    Column("at_utc", String(40), nullable=False),  # the journal entry's time
)
Index("ix_attestations_iin_decisive_seq", attestations.c.iin, attestations.c.decisive,
      attestations.c.seq)
