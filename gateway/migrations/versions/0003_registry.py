"""Registry and access: applications, signed agreements, the user's unit and position.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_BIGINT = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    # R-ACC-5, R-ACC-7: a transfer edits the account's unit and position.
    # Plain ADD COLUMN (no table rebuild): sessions and agreements reference users.
    op.add_column("users", sa.Column("unit", sa.String(300), nullable=False, server_default=""))
    op.add_column("users", sa.Column("position", sa.String(300), nullable=False,
                                     server_default=""))
    op.create_table(
        "applications",
        sa.Column("id", _BIGINT, primary_key=True, autoincrement=True),
        sa.Column("iin", sa.String(12), nullable=False),
        sa.Column("action", sa.String(20), nullable=False),
        sa.Column("state", sa.String(20), nullable=False),
        sa.Column("form", sa.Text(), nullable=False),
        sa.Column("pdf", sa.LargeBinary(), nullable=False),
        sa.Column("pdf_sha256", sa.String(64), nullable=False),
        sa.Column("signer_iin", sa.String(12), nullable=False),
        sa.Column("signer_serial", sa.String(80), nullable=False),
        sa.Column("submitted_at", sa.String(40), nullable=False),
        sa.Column("due_at", sa.String(40), nullable=False),
        sa.Column("decided_at", sa.String(40), nullable=True),
        sa.Column("decided_by", sa.String(12), nullable=True),
        sa.Column("decision", sa.Text(), nullable=True),
        sa.Column("decision_signature", sa.LargeBinary(), nullable=True),
    )
    op.create_index("ix_applications_iin", "applications", ["iin"])
    op.create_table(
        "agreements",
        sa.Column("id", _BIGINT, primary_key=True, autoincrement=True),
        sa.Column("iin", sa.String(12), sa.ForeignKey("users.iin"), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("statement", sa.Text(), nullable=False),
        sa.Column("signature", sa.LargeBinary(), nullable=False),
        sa.Column("cert_serial", sa.String(80), nullable=False),
        sa.Column("signed_at", sa.String(40), nullable=False),
        sa.UniqueConstraint("iin", "version", name="uq_agreements_iin_version"),
    )


def downgrade() -> None:
    op.drop_table("agreements")
    op.drop_index("ix_applications_iin", table_name="applications")
    op.drop_table("applications")
    with op.batch_alter_table("users") as batch:
        batch.drop_column("position")
        batch.drop_column("unit")
