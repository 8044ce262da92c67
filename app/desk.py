"""The analyst's use cases: sign in with the token, send a signed query, check the answer."""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from app.config import DeskConfig
from app.errors import DeskError
from signing.errors import PinIncorrect, SigningError
from transport.clock import iso, now_astana, now_utc, parse_iso, to_astana

# Start-up imports only what the first paint needs (issue 10): the HTTP client, the wire
# models (pydantic), the vault, the catalogue, the printout and the hashes (hashlib loads
# OpenSSL's libcrypto) are imported where first used.
if TYPE_CHECKING:
    from app import printout as printouts
    from app.casefile import Material, Receipt
    from app.downtime import Downtime
    from app.materials import CaseMaterials, Recovery
    from resources.catalogue import Resource
    from signing.signer import Signer
    from signing.token import KeyPair, Token, TokenInfo
    from transport.client import GatewayClient
    from transport.protocol import (
        AgreementBlanks,
        AgreementText,
        Basis,
        LoginResponse,
        QueryRequest,
        QueryResult,
        Signed,
        UserInfo,
    )

T = TypeVar("T")
log = logging.getLogger(__name__)

# Refusals after which re-sending a disposition cannot help (R-RES-1): kept visible instead.
_FINAL_DISPOSITION_CODES = frozenset({"disposition_unknown", "disposition_foreign",
                                      "disposition_malformed", "disposition_time_invalid",
                                      "printout_missing", "request_invalid", "iin_mismatch"})


@dataclass(frozen=True)
class QueryOutcome:
    """A verified answer: shown from memory, kept only encrypted in the vault as `item`."""

    resource: Resource
    request: QueryRequest
    request_sha256: str
    result: QueryResult
    response_verified: bool
    operator_serial: str
    received_at: datetime
    response_sha256: str = ""
    item: str = ""  # the vault id; "" when nothing was kept
    expires_at: datetime | None = None


class Desk:
    """Blocking use cases; the UI calls them from its one worker thread, never the GUI thread."""

    def __init__(self, config: DeskConfig, token: Token | Callable[[], Token],
                 client: GatewayClient | None = None):
        """`token` is the token, or how to find it: then it is looked for when first needed
        (the token read after the window's first paint) and again until it is found."""
        self.config = config
        self._token = None if callable(token) else token
        self._find_token = token if callable(token) else None
        # Both are made on first use (issue 10: nothing the first paint does not need); the
        # window calls open() on its worker thread right after that paint.
        self._client = client
        self._materials_opened = False
        self._materials_value: CaseMaterials | None = None
        self._opening = threading.Lock()
        self.user: UserInfo | None = None
        self._session: str | None = None
        self._sign_pair: KeyPair | None = None
        self._auth_pair: KeyPair | None = None  # kept for the background re-login (issue 11)
        self._session_ended = False
        self._signer: Signer | None = None  # made once per login: its CMS template is reused
        self._agreement_required = False

    def open(self) -> None:
        """What start-up does after the first paint: the vault opened, what an earlier run left
        destroyed (R-RES-1), the channel's client made."""
        _ = self.materials, self.client

    @property
    def token(self) -> Token:
        """The analyst's token; DeskError "token_absent" while none is found (R-AUTH-4)."""
        with self._opening:
            if self._token is None:
                assert self._find_token is not None
                self._token = self._find_token()
            return self._token

    @property
    def client(self) -> GatewayClient:
        with self._opening:
            if self._client is None:
                from transport.client import GatewayClient

                self._client = GatewayClient(
                    self.config.gateway_url, self.config.ca_file, timeout=self.config.timeout_s)
            return self._client

    @property
    def materials(self) -> CaseMaterials | None:
        """The encrypted vault of results (R-RES-1); None without a state dir."""
        with self._opening:
            if not self._materials_opened and self.config.state_dir is not None:
                from app.materials import CaseMaterials

                # R-RES-1: what an earlier run left is destroyed as the vault opens.
                self._materials_value = CaseMaterials(
                    self.config.state_dir, retention=timedelta(seconds=self.config.retention_s))
            self._materials_opened = True
            return self._materials_value

    @materials.setter
    def materials(self, value: CaseMaterials | None) -> None:
        with self._opening:
            self._materials_opened, self._materials_value = True, value

    @property
    def recovery(self) -> Recovery | None:
        """What this start found of an earlier run and destroyed (shown once by the UI)."""
        return self.materials.recovery if self.materials else None

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
        from signing.token import pick

        try:
            self.token.login(pin)
            pairs = self.token.keypairs()
            self._auth_pair = pick(pairs, "authentication")
            self._sign_pair = pick(pairs, "signing")
            self._signer = self.token.signer(self._sign_pair)
        except SigningError as exc:
            raise _desk_error(exc) from exc
        reply = self._challenge_login()
        self._session, self.user = reply.session, reply.user
        self._session_ended = False
        self._agreement_required = reply.agreement_required  # R-AUTH-2: sign before querying
        self.flush_dispositions()  # what an earlier run queued reaches the journal now
        return reply.user

    def _challenge_login(self) -> LoginResponse:
        """The gateway's challenge signed with the authentication key of the open token
        session (R-AUTH-1): the login, and every background re-login after it."""
        from signing.cms import sign_detached
        from transport.protocol import LoginRequest, LoginStatement, Signed

        if self._auth_pair is None:
            raise DeskError("not_logged_in")
        try:
            challenge = self._channel(self.client.challenge)
            statement = LoginStatement(challenge=challenge.challenge).canonical()
            cms = sign_detached(statement, self.token.signer(self._auth_pair))
        except SigningError as exc:
            raise _desk_error(exc) from exc
        request = LoginRequest(
            challenge=challenge.challenge, signature=Signed.wrap(b"", cms).signature
        )
        return self._channel(lambda: self.client.login(request))

    def _relogin(self) -> str:
        """A new gateway session for the same user without asking the PIN again: the token
        session stays open after the PIN, so the authentication key signs a fresh challenge
        (issue 11: never a PIN prompt in the middle of the work). Refused → the session ended."""
        user = self.user
        reply = self._challenge_login()
        if user is None or reply.user.iin != user.iin:  # signed out meanwhile, or another key
            raise DeskError("refused", code="session_invalid", detail="signed in as another user")
        log.info("the gateway session expired; signed in again with the token in the background")
        self._session, self.user = reply.session, reply.user
        return reply.session

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

    def sign_agreement(self, shown: AgreementText, blanks: AgreementBlanks) -> None:
        """Sign exactly the `shown` version with its blanks filled as `blanks` (R-AUTH-8) —
        both filled texts — with the signing key."""
        if self._session is None or self.user is None or self._sign_pair is None:
            raise DeskError("not_logged_in")
        from transport.protocol import AgreementStatement

        statement = AgreementStatement.filled(
            shown, blanks, self.user.iin, iso(now_astana())).canonical()
        self._send(self.client.sign_agreement, self._signed(statement))
        self._agreement_required = False

    def _agreement(self) -> AgreementText:
        from transport.canonical import sha256_hex

        text = self._channel(self.client.agreement)
        # What is shown is what is signed: the hashes must match the texts we display.
        if (sha256_hex(text.text_kk.encode("utf-8")) != text.sha256_kk
                or sha256_hex(text.text_ru.encode("utf-8")) != text.sha256_ru):
            raise DeskError("agreement_text_mismatch")
        return text

    def change_pin(self, old: str, new: str) -> None:
        """C_SetPIN on the token, then the date is recorded for the monthly reminder (R-AUTH-7)."""
        from app.pin_reminder import record_pin_change

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
        from app.pin_reminder import pin_change_due

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
        from resources.catalogue import catalogue

        return [r for r in catalogue().values() if r.queryable]

    def downtime(self, resource_id: int) -> list[Downtime]:
        """Works and emergencies that stop `resource_id` now or within a day (R-Q-3)."""
        from app.downtime import affecting

        notices, emergency = self._in_session(self.client.downtime)
        return affecting(resource_id, notices, emergency, now_astana())

    def check(
        self, resource_id: int, params: dict[str, str], basis: dict[str, str]
    ) -> dict[str, str]:
        """Field → English reason for every problem in the form; empty when it may be sent."""
        from app.validation import basis_errors, params_errors
        from resources.catalogue import resource

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
        from app.validation import params_errors
        from resources.catalogue import resource
        from transport.canonical import sha256_hex
        from transport.protocol import QueryRequest

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
        materials = self._materials()
        signed = self._signed(payload)  # R-AUTH-5
        # R-RES-1: the receipt exists before the answer can: a crash in between is reported.
        expected = materials.expect(owner_iin=self.user.iin, request_sha256=sha256_hex(payload),
                                    resource=resource_id,
                                    case_number=request.basis.case_number,
                                    asked_at=parse_iso(request.issued_at))
        try:
            reply = self._send(self.client.query, signed)
            result, serial = self._verified(reply, payload, resource_id)
        except DeskError as exc:
            materials.unanswered(expected.id, refused=exc.code == "refused")
            raise
        received = now_astana()
        response_sha256 = sha256_hex(reply.payload_bytes())
        blob = json.dumps({"request": payload.decode("utf-8"),
                           "result": reply.payload_bytes().decode("utf-8"),
                           "operator_serial": serial, "received_at": iso(received)},
                          ensure_ascii=False).encode("utf-8")
        receipt = materials.keep(  # R-RES-1: encrypted at once, never plaintext on disk
            expected.id, blob, journal_seq=result.journal_seq, response_sha256=response_sha256,
            received_at=received)
        return QueryOutcome(
            resource=res, request=request, request_sha256=sha256_hex(payload), result=result,
            response_verified=True, operator_serial=serial, received_at=received,
            response_sha256=response_sha256, item=receipt.id, expires_at=receipt.expires_at,
        )

    # -- case material (R-RES-1) -----------------------------------------------------------

    def case_materials(self) -> list[Material]:
        """Open materials with the results still waiting to be attached."""
        return self._materials().casefile.materials()

    def case_overview(self, recent: int = 20) -> tuple[list[Material], list[Receipt]]:
        """Open materials with waiting results, and the latest results that left the vault."""
        casefile = self._materials().casefile
        return casefile.materials(), casefile.recent(recent)

    def expiring(self) -> list[Receipt]:
        """Waiting results the retention clock destroys within the warning time (15 min)."""
        within = timedelta(seconds=self.config.retention_warn_s)
        return self._materials().casefile.expiring(within)

    def receipt(self, item: str) -> Receipt:
        return self._materials().casefile.get(item)

    def outcome(self, item: str) -> QueryOutcome:
        """A pending result read back from the vault (decrypted in memory only)."""
        from pydantic import ValidationError

        from resources.catalogue import resource
        from transport.protocol import QueryRequest, QueryResult

        materials = self._materials()
        receipt = materials.casefile.get(item)
        try:
            kept = json.loads(materials.read(item))
            request = QueryRequest.model_validate_json(kept["request"])
            result = QueryResult.model_validate_json(kept["result"])
            received = parse_iso(kept["received_at"])
        except (ValueError, KeyError, TypeError, ValidationError) as exc:
            raise DeskError("vault_damaged", detail=str(exc)) from exc
        return QueryOutcome(
            resource=resource(receipt.resource), request=request,
            request_sha256=receipt.request_sha256, result=result, response_verified=True,
            operator_serial=str(kept.get("operator_serial", "")), received_at=received,
            response_sha256=receipt.response_sha256, item=item, expires_at=receipt.expires_at)

    def printout(self, item: str, lang: str) -> printouts.Printout:
        """The printout of a pending result in the analyst's language (kk or ru; en too)."""
        from app import printout as printouts

        found = self.outcome(item)
        basis = found.request.basis
        facts = printouts.ResultFacts(
            resource=found.resource, case_number=basis.case_number,
            legal_ground=basis.legal_ground, purpose=basis.purpose,
            asked_at=found.request.issued_at, answered_at=found.result.issued_at,
            journal_seq=found.result.journal_seq, request_sha256=found.request_sha256,
            response_sha256=found.response_sha256, operator_serial=found.operator_serial or None,
            truncated=found.result.truncated,
            records=tuple(dict(r.fields) for r in found.result.records))
        return printouts.build(facts, self.requester(), lang=lang, gateway=self.gateway_name,
                               printed_at=now_astana(), sandbox=self.sandbox)

    @property
    def gateway_name(self) -> str:
        from urllib.parse import urlsplit

        return urlsplit(self.config.gateway_url).netloc

    def requester(self) -> printouts.Requester:
        from app import printout as printouts

        if self.user is None or self._sign_pair is None:
            raise DeskError("not_logged_in")
        profile = self._sign_pair.profile
        return printouts.Requester(self.user.name, self.user.iin, profile.organization or "")

    def attach(self, item: str, *, printed: bool, pdf: bytes | None) -> Receipt:
        """Attach to the case material: `pdf` (the rendered printout) is signed PAdES with the
        analyst's key and exported; then the local copy is destroyed and the journal told."""
        materials = self._materials()
        signed_pdf = self._sign_printout(pdf) if pdf is not None else None
        receipt = materials.attach(item, printed=printed, signed_pdf=signed_pdf,
                                   case_dir=self.config.case_dir)
        self.flush_dispositions()
        return self._materials().casefile.get(receipt.id)

    def destroy_unattached(self, item: str) -> Receipt:
        """Destroy a result that will not be attached; the journal is told all the same."""
        receipt = self._materials().destroy_unattached(item)
        self.flush_dispositions()
        return self._materials().casefile.get(receipt.id)

    def expire(self, now: datetime | None = None) -> list[Receipt]:
        """Destroy what outlived the retention time (default 8 hours), then report it."""
        gone = self._materials().expire(now)
        if gone:
            self.flush_dispositions()
        return gone

    def flush_dispositions(self) -> int:
        """Sign and send every queued disposition of this user; the rest wait for the channel."""
        if self.materials is None or self._session is None or self.user is None:
            return 0
        sent = 0
        for receipt in self.materials.casefile.queued(self.user.iin):
            try:
                seq = self._send_disposition(receipt)
            except DeskError as exc:
                self.materials.casefile.note_delivery_error(receipt.id, exc.code)
                if (exc.code == "channel_unreachable" or exc.code.startswith("token")
                        or exc.values.get("code") == "rate_limited"):
                    break  # queued; re-sent on the next flush
                if exc.values.get("code") == "disposition_exists":
                    self.materials.casefile.delivered(receipt.id, 0)
                elif exc.values.get("code") == "disposition_unknown" and not receipt.journal_seq:
                    self.materials.casefile.void(receipt.id)  # never answered: nothing to tell
                elif exc.values.get("code") in _FINAL_DISPOSITION_CODES:
                    self.materials.casefile.rejected(receipt.id, str(exc.values.get("code")))
                continue
            self.materials.casefile.delivered(receipt.id, seq)
            sent += 1
        return sent

    def _send_disposition(self, receipt: Receipt) -> int:
        from transport.protocol import DispositionStatement, QueryRequest

        assert self.user is not None and receipt.destroyed_at is not None and receipt.action
        statement = DispositionStatement(
            journal_seq=receipt.journal_seq or None, request_sha256=receipt.request_sha256,
            asked_at=None if receipt.journal_seq else iso(to_astana(receipt.asked_at)),
            case_number=receipt.case_number, action=receipt.action,  # type: ignore[arg-type]
            printout_sha256=receipt.printout_sha256 if receipt.action != "printed" else None,
            destroyed_at=iso(to_astana(receipt.destroyed_at)),
            nonce=QueryRequest.new_nonce(), issued_at=iso(now_astana()),
            user_iin=self.user.iin).canonical()
        return self._send(self.client.dispose, self._signed(statement)).journal_seq

    def _sign_printout(self, pdf: bytes) -> bytes:
        return self.sign_pdf(pdf, reason="SIO result attached to case material")

    def sign_pdf(self, pdf: bytes, reason: str) -> bytes:
        """`pdf` PAdES-signed with the signing key (a printout, the controller's report)."""
        from signing.pades import sign_pdf  # pyHanko costs ~0.3 s to import: only when exporting

        if self._signer is None:
            raise DeskError("not_logged_in")
        try:
            return sign_pdf(pdf, self._signer, reason=reason, location=self.gateway_name)
        except SigningError as exc:
            raise _desk_error(exc) from exc

    def _signed(self, payload: bytes) -> Signed:
        """`payload` with a detached CMS by the signing key — every signed command's form."""
        from signing.cms import sign_detached
        from transport.protocol import Signed

        if self._signer is None:
            raise DeskError("not_logged_in")
        try:
            return Signed.wrap(payload, sign_detached(payload, self._signer))
        except SigningError as exc:
            raise _desk_error(exc) from exc

    def send_signed(self, endpoint: Callable[[Signed, str], T], payload: bytes) -> T:
        """`payload` signed with the signing key and sent to `endpoint` with this session (the
        control commands of app.control: review, block)."""
        return self._send(endpoint, self._signed(payload))

    def with_session(self, call: Callable[[GatewayClient, str], T]) -> T:
        """`call(client, session)` through the channel's error mapping (the control reads)."""
        return self._in_session(lambda session: call(self.client, session))

    def _send(self, endpoint: Callable[[Signed, str], T], signed: Signed) -> T:
        """The one way a signed command leaves: with this session, through the channel's error
        mapping (refusals keep the gateway's code)."""
        return self._in_session(lambda session: endpoint(signed, session))

    def _in_session(self, call: Callable[[str], T]) -> T:
        """`call(session)` through the channel's error mapping; a session the gateway no longer
        knows (expired: the analyst was away from the gateway longer than its sliding expiry,
        or past its longest session) is renewed once by a background re-login and the call
        made again — a signed command refused for its session was not consumed, so it may be
        sent again. A refused re-login leaves the refusal for the UI: the session has ended."""
        session = self._session
        if session is None:
            raise DeskError("not_logged_in")
        try:
            return self._channel(lambda: call(session))
        except DeskError as exc:
            if exc.code == "refused" and exc.values.get("code") in ("session_revoked",
                                                                    "user_blocked"):
                self._session_ended = True  # a block (2022 §17) ends the session at once
            if exc.code != "refused" or exc.values.get("code") != "session_invalid":
                raise
        try:
            renewed = self._relogin()
        except DeskError:
            self._session_ended = True  # the gateway will not have this user back now
            raise
        return self._channel(lambda: call(renewed))

    @property
    def session_ended(self) -> bool:
        """True once the gateway session ended for good (revoked, or its renewal refused): the
        UI says so and offers to sign in again; the PIN is asked then, never mid-work."""
        return self._session_ended

    def _materials(self) -> CaseMaterials:
        if self.materials is None:
            raise DeskError("no_state_dir")
        return self.materials

    def token_present(self) -> bool:
        """True while the token is connected; the UI locks the session when it goes (R-AUTH-6)."""
        try:
            return self.token.is_present()
        except (SigningError, DeskError):
            return False

    def logout(self, *, destroy_pending: bool = False) -> None:
        """Sign out; `destroy_pending` destroys waiting results first (the analyst was asked)."""
        if self._session is not None and self.materials is not None:
            if destroy_pending:
                for receipt in self.materials.casefile.pending():
                    self.materials.destroy_unattached(receipt.id)
            try:
                self.flush_dispositions()
            except DeskError as exc:  # queued: the next sign-in sends them
                log.warning("dispositions left queued at sign-out: %s", exc.code)
        if self._session is not None:  # end it at the gateway too; never blocks signing out
            from transport.client import ChannelError

            try:
                self.client.logout(self._session)
            except ChannelError as exc:
                log.warning("server-side logout failed (%s); the session expires", exc.code)
        self._session = None
        self.user = None
        self._sign_pair = None
        self._auth_pair = None
        self._signer = None
        try:
            if self._token is not None:  # a token never found was never logged in
                self._token.logout()
        except SigningError:
            pass  # a removed token is already logged out

    def close(self) -> None:
        self.logout()
        if self._client is not None:
            self._client.close()
        if self._materials_value is not None:
            self._materials_value.close()

    def _verified(self, reply: Signed, payload: bytes, resource_id: int) -> tuple[QueryResult, str]:
        """The operator's signature, its pinned certificate, and the binding to our request."""
        from pydantic import ValidationError

        from app.operator_key import require_operator_signed
        from transport.canonical import sha256_hex
        from transport.protocol import QueryResult

        try:
            body, cms = reply.payload_bytes(), reply.signature_der()
        except ValueError as exc:
            raise DeskError("response_unverified", detail=str(exc)) from exc
        signed = require_operator_signed(self.config, body, cms)
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
        from transport.client import ChannelError

        try:
            return call()
        except ChannelError as exc:
            if exc.code.startswith("channel_"):
                raise DeskError("channel_unreachable", detail=str(exc)) from exc
            if exc.code == "reply_too_large":  # not the gateway's word: our cap on its answer
                raise DeskError("reply_too_large", detail=str(exc)) from exc
            detail = str(exc)
            if exc.code == "user_blocked" and "; reason: " not in detail:
                detail += self._block_reason()  # 2022 §17: blocked while signed in, told why
            raise DeskError("refused", code=exc.code, detail=detail) from exc

    def _block_reason(self) -> str:
        """'; reason: …' of this session's user's block, as the gateway tells it; "" when it
        cannot be read (the refusal is shown without it)."""
        from transport.client import ChannelError

        session = self._session
        if session is None or self._client is None:
            return ""
        try:
            reason = self._client.block_notice(session).reason
        except ChannelError:
            return ""
        return f"; reason: {reason}" if reason else ""


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
