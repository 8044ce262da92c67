"""One path for every signed command (issue 9, the redesign): the refusals that are not a
command's own business — the session, the key, the signer, the canonical form, the clock, the
registry and the role — come out alike for every command declared in transport.commands, each
journaled as a refusal naming the command's endpoint and changing nothing; on SQLite and
PostgreSQL."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import select

from gateway import journal, registry
from gateway.agreement import statement_for
from gateway.models import agreements, dispositions, nonces, users
from gateway.problems import CODES, PROBLEM_MEDIA_TYPE
from signing.sandbox_pki import SANDBOX_USERS, SandboxUser
from transport.canonical import canonical_json
from transport.clock import iso, now_astana
from transport.commands import (
    AGREEMENT,
    ATTESTATION,
    BLOCK,
    COMMANDS,
    DECISION,
    DISPOSITION,
    EMERGENCY,
    EMERGENCY_CLOSE,
    JOURNAL_EXPORT,
    NOTICE,
    QUERY,
    REVIEW,
    SANCTION,
    UNBLOCK,
    USER_EDIT,
    Command,
)
from transport.protocol import (
    API_PREFIX,
    AgreementText,
    AttestationStatement,
    DispositionStatement,
    JournalExportRequest,
    OperatorBlock,
    OperatorDecision,
    OperatorSanction,
    OperatorUnblock,
    OperatorUserEdit,
    QueryRequest,
    ReviewStatement,
)

from .helpers import Gw, bearer, login, query_request, sign_payload

ANALYST, OTHER = SANDBOX_USERS[0], SANDBOX_USERS[1]
OPERATOR, NEWCOMER = registry.SANDBOX_OPERATOR, registry.SANDBOX_NEWCOMER
CONTROLLER = SANDBOX_USERS[2]  # made a departmental controller for REVIEW (R-CTL-1)
PIPELINE = [c for c in COMMANDS if c.session and c.signature == "cms"]
STALE = dt.timedelta(minutes=10)  # beyond the sandbox's 300 s window


def _at(late: bool) -> str:
    return iso(now_astana() - (STALE if late else dt.timedelta(0)))


def _fields(gw: Gw, command: Command[Any], iin: str, late: bool) -> dict[str, Any]:
    """A payload of `command` by `iin` that is well-formed (its business may still refuse)."""
    nonce = QueryRequest.new_nonce()
    if command is QUERY:
        return json.loads(query_request(iin, issued_at=now_astana() - (
            STALE if late else dt.timedelta(0))).canonical())
    if command is AGREEMENT:
        text = AgreementText.model_validate(gw.client.get(f"{API_PREFIX}/agreement").json())
        with gw.engine.connect() as conn:
            user = registry.find(conn, iin)
        return statement_for(text, iin, _at(late), name=user.name if user else "ТЕСТ АТЫ"
                             ).model_dump(mode="json")
    if command is DISPOSITION:
        return DispositionStatement(journal_seq=1, request_sha256="0" * 64, case_number="K-1",
                                    action="destroyed_unattached", destroyed_at=_at(late),
                                    nonce=nonce, issued_at=_at(late),
                                    user_iin=iin).model_dump(mode="json")
    if command is DECISION:
        return OperatorDecision(application_id=1, decision="register", nonce=nonce,
                                issued_at=_at(late), operator_iin=iin).model_dump(mode="json")
    if command in (BLOCK, UNBLOCK):
        model = OperatorBlock if command is BLOCK else OperatorUnblock
        return model(iin=OTHER.iin, reason="тексеру", nonce=nonce, issued_at=_at(late),
                     operator_iin=iin).model_dump(mode="json")
    if command is ATTESTATION:
        return AttestationStatement(overall="PASS", profile="2022", partial=False, host="ws-1",
                                    system="Linux 6", checked_at=_at(late), not_passed=[],
                                    report_sha256="0" * 64, nonce=nonce, issued_at=_at(late),
                                    user_iin=iin).model_dump(mode="json")
    if command is SANCTION:
        return OperatorSanction(iin=OTHER.iin, sanction="closure", reason="тексеру",
                                nonce=nonce, issued_at=_at(late),
                                operator_iin=iin).model_dump(mode="json")
    if command is USER_EDIT:
        return OperatorUserEdit(iin=OTHER.iin, position="Сарапшы", organization="АФМ",
                                role="afm_analyst", reason="бұйрық", nonce=nonce,
                                issued_at=_at(late), operator_iin=iin).model_dump(mode="json")
    if command is JOURNAL_EXPORT:
        return JournalExportRequest(nonce=nonce, issued_at=_at(late),
                                    operator_iin=iin).model_dump(mode="json")
    if command is REVIEW:
        day = now_astana().date().isoformat()
        return ReviewStatement(period_from=day, period_to=day, report_sha256="0" * 64,
                               requests=0, anomalies=0, nonce=nonce, issued_at=_at(late),
                               controller_iin=iin).model_dump(mode="json")
    now = now_astana()
    if command is NOTICE:
        return {"title_kk": "Жұмыстар", "title_ru": "Работы", "nonce": nonce,
                "issued_at": _at(late), "starts_at": iso(now + dt.timedelta(days=1)),
                "ends_at": iso(now + dt.timedelta(days=1, hours=1))}
    if command is EMERGENCY:
        return {"section": "flooding", "actions": "Сорғы", "max_time_min": 10,
                "responsible": "Инженер", "started_at": iso(now), "nonce": nonce,
                "issued_at": _at(late)}
    assert command is EMERGENCY_CLOSE
    return {"entry_seq": 1, "ended_at": iso(now), "nonce": nonce, "issued_at": _at(late)}


def _sender(command: Command[Any]) -> SandboxUser:
    """Who may send it: the operator for the operator's commands, else an analyst (the
    newcomer for the agreement)."""
    if command is REVIEW:
        return CONTROLLER
    if command.roles is not None:
        return OPERATOR
    return NEWCOMER if command is AGREEMENT else ANALYST


Case = Callable[[Gw, Command[Any]], tuple[dict[str, Any], dict[str, str]]]


def _signed(gw: Gw, command: Command[Any], user: SandboxUser, *, key: int = 1,
            signer: SandboxUser | None = None, late: bool = False,
            pretty: bool = False) -> tuple[dict[str, Any], dict[str, str]]:
    if command is REVIEW and user is CONTROLLER:
        with gw.engine.begin() as conn:
            conn.execute(users.update().where(users.c.iin == user.iin).values(role="controller"))
    token = login(gw.client, gw.pki.software_signers(user)[0])
    fields = _fields(gw, command, user.iin, late)
    payload = (json.dumps(fields, indent=1, ensure_ascii=False).encode() if pretty
               else canonical_json(fields))
    body = sign_payload(payload, gw.pki.software_signers(signer or user)[key])
    return body, bearer(token)


def no_session(gw: Gw, command: Command[Any]) -> tuple[dict[str, Any], dict[str, str]]:
    body, _ = _signed(gw, command, _sender(command))
    return body, {}


def authentication_key(gw: Gw, command: Command[Any]) -> tuple[dict[str, Any], dict[str, str]]:
    return _signed(gw, command, _sender(command), key=0)


def someone_else(gw: Gw, command: Command[Any]) -> tuple[dict[str, Any], dict[str, str]]:
    return _signed(gw, command, _sender(command), signer=OTHER)


def not_canonical(gw: Gw, command: Command[Any]) -> tuple[dict[str, Any], dict[str, str]]:
    return _signed(gw, command, _sender(command), pretty=True)


def late(gw: Gw, command: Command[Any]) -> tuple[dict[str, Any], dict[str, str]]:
    return _signed(gw, command, _sender(command), late=True)


def blocked(gw: Gw, command: Command[Any]) -> tuple[dict[str, Any], dict[str, str]]:
    user = _sender(command)
    sent = _signed(gw, command, user)
    registry.set_state(gw.engine, user.iin, "blocked")  # the open session too (R-CTL-2)
    return sent


def wrong_role(gw: Gw, command: Command[Any]) -> tuple[dict[str, Any], dict[str, str]]:
    return _signed(gw, command, ANALYST)


def _expected(case: Case, command: Command[Any]) -> str | None:
    """The code the pipeline answers, from the command's declaration (None: not applicable)."""
    if case is blocked:
        return None if command.while_blocked else "user_blocked"
    if case is wrong_role:
        return None if command.roles is None else "operator_only"
    return {no_session: "session_invalid", authentication_key: "wrong_key_usage",
            someone_else: "iin_mismatch", not_canonical: command.malformed.value,
            late: "clock_skew"}[case]


CASES: list[Case] = [no_session, authentication_key, someone_else, not_canonical, late, blocked,
                     wrong_role]
MATRIX = [(case, command) for case in CASES for command in PIPELINE
          if _expected(case, command) is not None]


def _state(gw: Gw) -> dict[str, list[str]]:
    with gw.engine.connect() as conn:
        return {t.name: sorted(map(repr, conn.execute(select(t)).all()))
                for t in (users, nonces, agreements, dispositions)}


def test_every_command_of_the_pipeline_has_its_route(gw: Gw) -> None:
    paths = {getattr(route, "path", None) for route in gw.client.app.routes}  # type: ignore[attr-defined]
    assert {API_PREFIX + c.path for c in COMMANDS} <= paths
    assert {c.name for c in PIPELINE} == {"query", "agreement", "disposition", "decision",
                                          "block", "unblock", "sanction", "attestation",
                                          "notice", "emergency", "emergency_close", "review",
                                          "user_edit", "journal_export"}


@pytest.mark.req("R-AUTH-5", "R-LOG-1", "R-CTL-2", "R-AUTH-3")
@pytest.mark.parametrize(("case", "command"), MATRIX,
                         ids=[f"{c.__name__}-{m.name}" for c, m in MATRIX])
def test_one_path_refuses_every_command_alike(gw: Gw, case: Case, command: Command[Any]) -> None:
    body, headers = case(gw, command)
    code = _expected(case, command)
    assert code is not None
    before, entries = _state(gw), journal.entries(gw.engine)
    response = gw.client.post(f"{API_PREFIX}{command.path}", json=body, headers=headers)
    assert response.headers["content-type"].startswith(PROBLEM_MEDIA_TYPE), response.text
    assert (response.json()["code"], response.status_code) == (code, CODES[code][0])
    after = journal.entries(gw.engine)
    assert len(after) == len(entries) + 1 and after[-1].kind == "refusal"
    assert after[-1].detail_obj()["code"] == code
    assert after[-1].detail_obj()["endpoint"] == command.name
    assert _state(gw) == before  # nothing else changed, not even a nonce


@pytest.mark.req("R-ACC-7", "R-AUTH-5")
def test_a_payload_signed_for_one_command_is_not_another(gw: Gw) -> None:
    # A block and an unblock have the same fields but their purpose: a signed block posted as
    # an unblock (say, after it was refused, so its nonce is unused) is not an unblock.
    token = login(gw.client, gw.pki.software_signers(OPERATOR)[0])
    key = gw.pki.software_signers(OPERATOR)[1]
    registry.set_state(gw.engine, OTHER.iin, "blocked")
    block = OperatorBlock(iin=OTHER.iin, reason="тексеру", nonce=QueryRequest.new_nonce(),
                          issued_at=iso(now_astana()), operator_iin=OPERATOR.iin)
    reply = gw.client.post(f"{API_PREFIX}{UNBLOCK.path}", headers=bearer(token),
                           json=sign_payload(block.canonical(), key))
    assert reply.json()["code"] == "malformed_request"
    # Nor may the purpose be left out to make it fit either.
    data = json.loads(block.canonical())
    del data["purpose"]
    reply = gw.client.post(f"{API_PREFIX}{UNBLOCK.path}", headers=bearer(token),
                           json=sign_payload(canonical_json(data), key))
    assert reply.json()["code"] == "malformed_request"
    with gw.engine.connect() as conn:
        state = conn.execute(select(users.c.state).where(users.c.iin == OTHER.iin)).scalar()
    assert state == "blocked"


@pytest.mark.req("R-Q-3", "R-OPS-1")
def test_operator_writes_are_canonical_and_journaled_re_verifiably(gw: Gw) -> None:
    token = login(gw.client, gw.pki.software_signers(OPERATOR)[0])
    key = gw.pki.software_signers(OPERATOR)[1]
    fields = _fields(gw, NOTICE, OPERATOR.iin, late=False)
    spaced = json.dumps(fields, ensure_ascii=False).encode()  # JSON, but not canonical
    refused = gw.client.post(f"{API_PREFIX}/notices", headers=bearer(token),
                             json=sign_payload(spaced, key))
    assert refused.json()["code"] == "malformed_request"
    payload = canonical_json(fields)
    signed = sign_payload(payload, key)
    reply = gw.client.post(f"{API_PREFIX}/notices", headers=bearer(token), json=signed)
    assert reply.status_code == 200, reply.text
    entry = journal.entries(gw.engine)[-1]
    detail = entry.detail_obj()
    assert entry.kind == "notice" and entry.actor_iin == OPERATOR.iin
    # What was signed, byte for byte, and the signature; the fields the state is read from.
    assert detail["request"].encode() == payload and detail["signature"] == signed["signature"]
    assert detail["nonce"] == fields["nonce"] and detail["endpoint"] == "notice"
    assert detail["title_ru"] == "Работы" and detail["resources"] is None
    assert reply.json() == {"seq": entry.seq, "kind": "notice", "title_kk": "Жұмыстар",
                            "title_ru": "Работы", "starts_at": fields["starts_at"],
                            "ends_at": fields["ends_at"], "resources": None}
