"""The one check that an answer was signed by the operator's pinned signing key (R-Q-2,
R-ACC-4): the applicant's decision, the operator console's decisions and sanction records."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.errors import DeskError

if TYPE_CHECKING:
    from app.config import DeskConfig


def require_operator_signed(config: DeskConfig, body: bytes, cms: bytes) -> None:
    """DeskError response_unverified unless `cms` is a valid signature over `body` by a signing
    certificate trusted now whose fingerprint is pinned as the operator's."""
    from signing.cms import verify_detached
    from signing.errors import SignatureInvalid, SigningError
    from signing.profile import fingerprint

    try:
        checked = verify_detached(cms, body, config.trust, purpose="signing")
    except (ValueError, SignatureInvalid, SigningError) as exc:
        raise DeskError("response_unverified", detail=str(exc)) from exc
    if fingerprint(checked.certificate) not in config.operator_sha256:
        raise DeskError("response_unverified",
                        detail="the answer is not signed by the operator's key")
