"""The one check that an answer was signed by the operator's pinned signing key (R-Q-2,
R-ACC-4): the applicant's decision, the operator console's decisions and sanction records."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from app.errors import DeskError

if TYPE_CHECKING:
    from pydantic import BaseModel

    from app.config import DeskConfig
    from signing.cms import VerifiedSignature
    from transport.protocol import Signed

M = TypeVar("M", bound="BaseModel")


def require_operator_signed(config: DeskConfig, body: bytes, cms: bytes) -> VerifiedSignature:
    """The checked signature if `cms` is a valid signature over `body` by a signing certificate
    trusted now whose fingerprint is pinned as the operator's; DeskError response_unverified
    otherwise."""
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
    return checked


def operator_signed_answer(config: DeskConfig, signed: Signed, model: type[M]) -> M:
    """`signed`'s payload as `model` once the operator's pinned key is found to have signed it;
    DeskError response_unverified for bad base64, a bad signature or a malformed body."""
    try:
        body, cms = signed.payload_bytes(), signed.signature_der()
    except ValueError as exc:
        raise DeskError("response_unverified", detail=str(exc)) from exc
    require_operator_signed(config, body, cms)
    try:
        return model.model_validate_json(body)
    except ValueError as exc:
        raise DeskError("response_unverified", detail=str(exc)) from exc
