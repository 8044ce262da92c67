"""The analyst's use cases: sign in with the token, send a signed query, check the answer."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TypeVar

from pydantic import ValidationError

from app.config import DeskConfig
from app.errors import DeskError
from app.pin_reminder import pin_change_due, record_pin_change
from app.validation import basis_errors, params_errors
from resources.catalogue import Resource, catalogue, resource
from signing.cms import sign_detached, verify_detached
from signing.errors import PinIncorrect, SignatureInvalid, SigningError
from signing.profile import fingerprint
from signing.token import KeyPair, Token, TokenInfo, pick
from transport.canonical import sha256_hex
from transport.client import ChannelError, GatewayClient
from transport.clock import iso, now_astana, now_utc
from transport.protocol import (
    AgreementStatement,
    AgreementText,
    Basis,
    LoginRequest,
    LoginStatement,
    QueryRequest,
    QueryResult,
    Signed,
    UserInfo,
)

T = TypeVar("T")


@dataclass(frozen=True)
class QueryOutcome:
    """A verified answer, held in memory only until it is attached and shredded."""

    resource: Resource
    request: QueryRequest
    request_sha256: str
    result: QueryResult
    response_verified: bool
    operator_serial: str
    received_at: datetime


class Desk:
    """Blocking use cases; the UI calls them from its one worker thread, never the GUI thread."""

    def __init__(self, config: DeskConfig, token: Token, client: GatewayClient | None = None):
        self.config = config
        self.token = token
        self.client = client or GatewayClient(
            config.gateway_url, config.ca_file, timeout=config.timeout_s
        )
        self.user: UserInfo | None = None
        self._session: str | None = None
        self._sign_pair: KeyPair | None = None
        self._agreement_required = False
        self.results: list[QueryOutcome] = []

    @property
    def sandbox(self) -> bool:
        return self.config.sandbox

    def token_info(self) -> TokenInfo:
        """Token label and PIN state, read before the PIN is asked for (R-AUTH-1)."""
        try:
            return self.token.info()
        except SigningError as exc:
            raise _desk_error(exc) from exc

    def login(self, pin: str) -> UserInfo:
        """Token login, then the gateway's challenge signed with the authentication key."""
        try:
            self.token.login(pin)
            pairs = self.token.keypairs()
            auth = pick(pairs, "authentication")
            self._sign_pair = pick(pairs, "signing")
            challenge = self._channel(self.client.challenge)
            statement = LoginStatement(challenge=challenge.challenge).canonical()
            cms = sign_detached(statement, self.token.signer(auth))
        except SigningError as exc:
            raise _desk_error(exc) from exc
        request = LoginRequest(
            challenge=challenge.challenge, signature=Signed.wrap(b"", cms).signature
        )
        reply = self._channel(lambda: self.client.login(request))
        self._session, self.user = reply.session, reply.user
        self._agreement_required = reply.agreement_required  # R-AUTH-2: sign before querying
        return reply.user

    @property
    def agreement_required(self) -> bool:
        """True after a login whose user has not yet signed the agreement (R-AUTH-2, R-AUTH-3)."""
        return self._agreement_required

    def agreement_text(self, lang: str = "ru") -> str:
        """The agreement in force in Kazakh ("kk") or Russian ("ru"), checked against its hash."""
        text = self._agreement()
        return text.text_kk if lang == "kk" else text.text_ru

    def agreement_document(self) -> AgreementText:
        """Both texts of the agreement in force, with their version and checked hashes."""
        return self._agreement()

    def sign_agreement(self, shown: AgreementText | None = None) -> None:
        """Sign the agreement — exactly the `shown` version when given — with the signing key."""
        if self._session is None or self.user is None or self._sign_pair is None:
            raise DeskError("not_logged_in")
        text = shown or self._agreement()
        statement = AgreementStatement(
            version=text.version, sha256_kk=text.sha256_kk, sha256_ru=text.sha256_ru,
            iin=self.user.iin, signed_at=iso(now_astana()),
        ).canonical()
        try:
            cms = sign_detached(statement, self.token.signer(self._sign_pair))
        except SigningError as exc:
            raise _desk_error(exc) from exc
        session = self._session
        self._channel(lambda: self.client.sign_agreement(Signed.wrap(statement, cms), session))
        self._agreement_required = False

    def _agreement(self) -> AgreementText:
        text = self._channel(self.client.agreement)
        # What is shown is what is signed: the hashes must match the texts we display.
        if (sha256_hex(text.text_kk.encode("utf-8")) != text.sha256_kk
                or sha256_hex(text.text_ru.encode("utf-8")) != text.sha256_ru):
            raise DeskError("agreement_text_mismatch")
        return text

    def change_pin(self, old: str, new: str) -> None:
        """C_SetPIN on the token, then the date is recorded for the monthly reminder (R-AUTH-7)."""
        if new == old:
            raise DeskError("pin_unchanged")
        try:
            serial = self.token.info().serial
            self.token.change_pin(old, new)
        except SigningError as exc:
            raise _desk_error(exc) from exc
        if self._pin_log is not None:
            record_pin_change(self._pin_log, serial, now_utc())

    def pin_change_due(self) -> bool:
        """True when this token's PIN was not changed in the last calendar month (R-AUTH-7)."""
        if self._pin_log is None:
            return False
        try:
            serial = self.token.info().serial
        except SigningError as exc:
            raise _desk_error(exc) from exc
        return pin_change_due(self._pin_log, serial, now_utc())

    @property
    def _pin_log(self) -> Path | None:
        state = self.config.state_dir
        return state / "pin-changes.json" if state is not None else None

    def resources(self) -> list[Resource]:
        return [r for r in catalogue().values() if r.queryable]

    def check(
        self, resource_id: int, params: dict[str, str], basis: dict[str, str]
    ) -> dict[str, str]:
        """Field → English reason for every problem in the form; empty when it may be sent."""
        return {
            **params_errors(resource(resource_id), params),
            **basis_errors(
                basis.get("case_number", ""),
                basis.get("legal_ground", ""),
                basis.get("purpose", ""),
            ),
        }

    def query(self, resource_id: int, params: dict[str, str], basis: Basis) -> QueryOutcome:
        """Sign the query (R-AUTH-5), send it with its basis (R-Q-2), verify the signed answer."""
        if self._session is None or self.user is None or self._sign_pair is None:
            raise DeskError("not_logged_in")
        res = resource(resource_id)
        if not res.queryable:
            raise DeskError("resource_unavailable", resource=resource_id)
        bad = params_errors(res, params)
        if bad:
            field, detail = next(iter(bad.items()))
            raise DeskError("param_invalid", field=field, reason=detail)
        request = QueryRequest(
            resource=resource_id,
            params={k: v.strip() for k, v in params.items()},
            basis=basis,
            nonce=QueryRequest.new_nonce(),
            issued_at=iso(now_astana()),
            user_iin=self.user.iin,
        )
        payload = request.canonical()
        try:
            cms = sign_detached(payload, self.token.signer(self._sign_pair))
        except SigningError as exc:
            raise _desk_error(exc) from exc
        session = self._session
        reply = self._channel(lambda: self.client.query(Signed.wrap(payload, cms), session))
        result, serial = self._verified(reply, payload, resource_id)
        outcome = QueryOutcome(
            resource=res,
            request=request,
            request_sha256=sha256_hex(payload),
            result=result,
            response_verified=True,
            operator_serial=serial,
            received_at=now_astana(),
        )
        self.results.append(outcome)
        return outcome

    def token_present(self) -> bool:
        """True while the token is connected; the UI locks the session when it goes (R-AUTH-6)."""
        try:
            return self.token.is_present()
        except SigningError:
            return False

    def clear_results(self) -> None:
        self.results.clear()

    def logout(self) -> None:
        self._session = None
        self.user = None
        self._sign_pair = None
        self.results.clear()
        try:
            self.token.logout()
        except SigningError:
            pass  # a removed token is already logged out

    def close(self) -> None:
        self.logout()
        self.client.close()

    def _verified(self, reply: Signed, payload: bytes, resource_id: int) -> tuple[QueryResult, str]:
        """The operator's signature, its pinned certificate, and the binding to our request."""
        try:
            body = reply.payload_bytes()
            signed = verify_detached(
                reply.signature_der(), body, self.config.trust, purpose="signing"
            )
        except (ValueError, SignatureInvalid) as exc:
            raise DeskError("response_unverified", detail=str(exc)) from exc
        operator = fingerprint(signed.certificate)
        if operator not in self.config.operator_sha256:
            raise DeskError(
                "response_unverified", detail="signed by a certificate that is not the operator's"
            )
        try:
            result = QueryResult.model_validate_json(body)
        except ValidationError as exc:
            raise DeskError(
                "response_unverified", detail=f"malformed result: {exc.errors()[0]['msg']}"
            ) from exc
        if result.canonical() != body:
            raise DeskError("response_unverified", detail="result is not in canonical form")
        if result.request_sha256 != sha256_hex(payload) or result.resource != resource_id:
            raise DeskError("response_unbound")
        return result, signed.profile.serial

    def _channel(self, call: Callable[[], T]) -> T:
        try:
            return call()
        except ChannelError as exc:
            if exc.code.startswith("channel_"):
                raise DeskError("channel_unreachable", detail=str(exc)) from exc
            raise DeskError("refused", code=exc.code, detail=str(exc)) from exc


def _desk_error(exc: SigningError) -> DeskError:
    if isinstance(exc, PinIncorrect):
        return DeskError("pin_incorrect", attempts_left=exc.attempts_left)
    if exc.code in {
        "pin_locked",
        "token_absent",
        "no_key_for_purpose",
        "file_key_forbidden",
        "pin_change_unsupported",
        "pin_invalid",
    }:
        return DeskError(exc.code, detail=str(exc))
    return DeskError("token_error", detail=str(exc))
