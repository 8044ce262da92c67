"""Issue 9, holes 1 and 6: a signed application PDF carries the very form it is filed with, is
fresh and is accepted once; who may block whom follows the rules (R-ACC-6, R-ACC-8, R-CTL-2);
the last operator is never blocked and the operator can unblock."""

from __future__ import annotations

import base64
import datetime as dt
from io import BytesIO
from typing import Any

import pytest
from sqlalchemy import func, insert, select, update

from gateway import journal
from gateway.models import applications, users
from gateway.registry import SANDBOX_OPERATOR
from signing.cms import verify_detached
from signing.iin import make_bin, make_iin
from signing.pades import sign_pdf
from signing.sandbox_pki import SANDBOX_USERS, SandboxUser
from signing.signer import Signer
from transport.clock import iso, now_astana, to_astana
from transport.protocol import (
    API_PREFIX,
    APPLICATION_FORM_FILE,
    Decision,
    OperatorBlock,
    OperatorUnblock,
    QueryRequest,
)

from .applicant import application_pdf, form, form_file, submission
from .helpers import Gw, bearer, fresh_signer, login, query_request, sign_payload, signed_query

APPLY, BLOCK = f"{API_PREFIX}/applications", f"{API_PREFIX}/operator/blocks"
UNBLOCK, QUERIES = f"{API_PREFIX}/operator/unblocks", f"{API_PREFIX}/queries"
# The four RSA analysts by position; the GOST analyst (issue 12) after them is not needed here.
ANALYST, VICTIM, CONTROLLER, COLLEAGUE = SANDBOX_USERS[:4]
# A controller of another agency, and a second operator.
STRANGER_BIN = make_bin(2005, 6, kind=4, unit=0, seq=31)
FOREIGN_CONTROLLER = SandboxUser("controller9", "БӨТЕНОВ", "САҚЖАН", "", make_iin(
    dt.date(1980, 1, 15), "M", 7301), "Басқа ведомство (SANDBOX)", STRANGER_BIN)
OPERATOR2 = SandboxUser("operator2", "ЕКІНШІЕВА", "ДИНА", "", make_iin(
    dt.date(1986, 8, 1), "F", 5022), SANDBOX_OPERATOR.organization, SANDBOX_OPERATOR.bin)


def _code(response: Any) -> str:
    assert response.headers["content-type"].startswith("application/problem+json"), response.text
    return str(response.json()["code"])


def _b64(pdf: bytes) -> str:
    return base64.b64encode(pdf).decode()


def _state(gw: Gw, iin: str) -> str:
    with gw.engine.connect() as conn:
        return str(conn.execute(select(users.c.state).where(users.c.iin == iin)).scalar_one())


def _count(gw: Gw) -> int:
    with gw.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(applications)).scalar_one())


def set_role(gw: Gw, iin: str, role: str) -> None:
    with gw.engine.begin() as conn:
        conn.execute(update(users).where(users.c.iin == iin).values(role=role))


def register(gw: Gw, person: SandboxUser, role: str) -> None:
    """Put `person` in the registry directly, agreement signed (as a deployment's seed would)."""
    stamp = iso(now_astana())
    with gw.engine.begin() as conn:
        conn.execute(insert(users).values(
            iin=person.iin, name=f"{person.surname} {person.first_name}", role=role,
            organization=person.organization, state="registered", agreement_signed_at=stamp,
            registered_at=stamp))


def signing_key(gw: Gw, person: SandboxUser) -> Signer:
    if person in SANDBOX_USERS or person == SANDBOX_OPERATOR:
        return gw.pki.software_signers(person)[1]
    return fresh_signer(gw.pki, person, "signing")


def blocking(gw: Gw, victim: SandboxUser, filer: SandboxUser, **kw: Any) -> dict[str, Any]:
    """A blocking application for `victim`, signed (with the form embedded) by `filer`."""
    return submission(gw, victim, "blocking", signer=signing_key(gw, filer), **kw)


def operator_command(gw: Gw, model: type[OperatorBlock] | type[OperatorUnblock], iin: str,
                     actor: SandboxUser = SANDBOX_OPERATOR, signer: Signer | None = None,
                     reason: str = "қате бұғатталған") -> Any:
    auth_key = (gw.pki.software_signers(actor)[0] if actor in SANDBOX_USERS
                or actor == SANDBOX_OPERATOR else fresh_signer(gw.pki, actor, "authentication"))
    token = login(gw.client, auth_key)
    cmd = model(iin=iin, reason=reason, nonce=QueryRequest.new_nonce(),
                issued_at=iso(now_astana()), operator_iin=actor.iin)
    return gw.client.post(BLOCK if model is OperatorBlock else UNBLOCK, headers=bearer(token),
                          json=sign_payload(cmd.canonical(), signer or signing_key(gw, actor)))


@pytest.mark.req("R-ACC-2", "R-ACC-3", "R-ACC-7", "R-CTL-2")
def test_a_pdf_signed_for_something_else_blocks_no_one(gw: Gw) -> None:
    """The exploit: a blocking form plus any PDF the victim (or the operator) ever signed."""
    for victim in (VICTIM, SANDBOX_OPERATOR):
        key = signing_key(gw, victim)
        unrelated = [application_pdf(key),  # the scan, no form
                     application_pdf(key, form_data=form(victim, "transfer")),  # another form
                     application_pdf(key, form_data=form(victim, "blocking",
                                                         blocking_reason="басқа себеп"))]
        for pdf in unrelated:
            body = {"form": form(victim, "blocking"), "pdf": _b64(pdf)}
            assert _code(gw.client.post(APPLY, json=body)) == "application_form_mismatch"
            assert journal.entries(gw.engine)[-1].detail_obj()["code"] == (
                "application_form_mismatch")
        assert _state(gw, victim.iin) == "registered"
    assert _count(gw) == 0


@pytest.mark.req("R-ACC-3", "R-ACC-6")
def test_the_form_must_be_under_the_last_signature(gw: Gw) -> None:
    """The victim's signed PDF with a blocking form added after the signature: the addition is
    not signed by the victim, and re-signing it makes the attacker the filer."""
    from pyhanko.pdf_utils import embed
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    victims_pdf = application_pdf(signing_key(gw, VICTIM),
                                  form_data=form(VICTIM, "transfer"))
    writer = IncrementalPdfFileWriter(BytesIO(victims_pdf), strict=False)
    data = embed.EmbeddedFileObject.from_file_data(
        writer, form_file(form(VICTIM, "blocking")), mime_type="application/json")
    embed.embed_file(writer, embed.FileSpec(file_spec_string=APPLICATION_FORM_FILE,
                                            embedded_data=data))
    out = BytesIO()
    writer.write(out)
    extended = out.getvalue()
    body = {"form": form(VICTIM, "blocking"), "pdf": _b64(extended)}
    assert _code(gw.client.post(APPLY, json=body)) == "application_pdf_invalid"
    resigned = sign_pdf(extended, signing_key(gw, COLLEAGUE), reason="x", location="y",
                        field_name="Signature2")
    body = {"form": form(VICTIM, "blocking"), "pdf": _b64(resigned)}
    # The victim's signature forbids the change, and the filer would be the colleague anyway.
    assert _code(gw.client.post(APPLY, json=body)) in (
        "application_pdf_invalid", "application_form_mismatch", "blocking_not_allowed")
    twice = application_pdf(signing_key(gw, VICTIM), form_data=form(VICTIM, "blocking"),
                            files=[(APPLICATION_FORM_FILE, form_file(form(VICTIM)))])
    body = {"form": form(VICTIM, "blocking"), "pdf": _b64(twice)}
    assert _code(gw.client.post(APPLY, json=body)) == "application_form_mismatch"
    assert _state(gw, VICTIM.iin) == "registered" and _count(gw) == 0


@pytest.mark.req("R-ACC-3", "R-ACC-4")
def test_the_signature_must_be_fresh(gw: Gw) -> None:
    now = dt.datetime.now(dt.UTC)
    for signed_at in (now - dt.timedelta(hours=25), now + dt.timedelta(hours=1)):
        body = blocking(gw, VICTIM, VICTIM, signed_at=signed_at)
        assert _code(gw.client.post(APPLY, json=body)) == "application_signature_stale"
    yesterday = (now_astana() - dt.timedelta(days=1))
    body = submission(gw, VICTIM, "blocking", date=now_astana().date().isoformat(),
                      signed_at=yesterday)
    assert _code(gw.client.post(APPLY, json=body)) == "application_signature_stale"
    assert _state(gw, VICTIM.iin) == "registered" and _count(gw) == 0
    earlier = now - dt.timedelta(hours=23)
    fresh = blocking(gw, VICTIM, VICTIM, signed_at=earlier,
                     date=to_astana(earlier).date().isoformat())
    assert gw.client.post(APPLY, json=fresh).status_code == 200
    assert _state(gw, VICTIM.iin) == "blocked"


@pytest.mark.req("R-ACC-2", "R-LOG-1")
def test_a_signed_application_is_accepted_once(gw: Gw) -> None:
    """Hole 6: the same signed body posted 15 times makes one application, not 15."""
    newbie = SandboxUser("newbie", "ЖАҢАБАЕВ", "ЕРБОЛ", "", make_iin(
        dt.date(1993, 3, 8), "M", 6017), ANALYST.organization, ANALYST.bin)
    body = submission(gw, newbie)
    first = gw.client.post(APPLY, json=body)
    assert first.status_code == 200, first.text
    for _ in range(14):
        assert _code(gw.client.post(APPLY, json=body)) == "application_replayed"
    assert _count(gw) == 1
    refusals = [e for e in journal.entries(gw.engine) if e.kind == "refusal"]
    assert len(refusals) == 14
    assert {e.detail_obj()["code"] for e in refusals} == {"application_replayed"}
    entry = journal.entries(gw.engine)[first.json()["journal_seq"] - 1]
    detail = entry.detail_obj()
    assert detail["form_sha256"] and detail["signature_sha256"] and detail["filed_by"] == "self"
    # A blocking application replayed after the user was unblocked blocks nobody again.
    block = blocking(gw, VICTIM, VICTIM)
    assert gw.client.post(APPLY, json=block).status_code == 200
    assert operator_command(gw, OperatorUnblock, VICTIM.iin).status_code == 200
    assert _code(gw.client.post(APPLY, json=block)) == "application_replayed"
    assert _state(gw, VICTIM.iin) == "registered"


@pytest.mark.req("R-ACC-6", "R-ACC-8", "R-CTL-2")
def test_who_may_file_a_blocking_application(gw: Gw) -> None:
    set_role(gw, CONTROLLER.iin, "controller")
    register(gw, FOREIGN_CONTROLLER, "controller")
    # A colleague (an analyst of the same agency) and a controller of another agency may not.
    for filer in (COLLEAGUE, FOREIGN_CONTROLLER):
        body = blocking(gw, VICTIM, filer)
        assert _code(gw.client.post(APPLY, json=body)) == "blocking_not_allowed"
        last = journal.entries(gw.engine)[-1]
        assert last.actor_iin == filer.iin and last.detail_obj()["code"] == (
            "blocking_not_allowed")
    assert _state(gw, VICTIM.iin) == "registered"
    # Nor may a controller of the agency who is blocked.
    with gw.engine.begin() as conn:
        conn.execute(update(users).where(users.c.iin == CONTROLLER.iin).values(state="blocked"))
    assert _code(gw.client.post(APPLY, json=blocking(gw, VICTIM, CONTROLLER))) == (
        "blocking_not_allowed")
    with gw.engine.begin() as conn:
        conn.execute(update(users).where(users.c.iin == CONTROLLER.iin).values(
            state="registered"))
    # The controller of the agency may (R-ACC-6), the operator may, the user may (R-ACC-8).
    for victim, filer, filed_by in ((VICTIM, CONTROLLER, "controller"),
                                    (ANALYST, SANDBOX_OPERATOR, "operator"),
                                    (COLLEAGUE, COLLEAGUE, "self")):
        reply = gw.client.post(APPLY, json=blocking(gw, victim, filer))
        assert reply.status_code == 200, reply.text
        entry = journal.entries(gw.engine)[reply.json()["journal_seq"] - 1]
        assert entry.detail_obj()["filed_by"] == filed_by and entry.actor_iin == filer.iin
        assert _state(gw, victim.iin) == "blocked"
    # Someone else's registration or transfer is never filed by another signer.
    body = submission(gw, CONTROLLER, "transfer", signer=signing_key(gw, SANDBOX_OPERATOR))
    assert _code(gw.client.post(APPLY, json=body)) == "applicant_mismatch"


@pytest.mark.req("R-ACC-6", "R-CTL-2")
def test_a_controller_blocks_only_their_own_organisation(gw: Gw) -> None:
    """By BIN where the user's BIN is on file: a same-named organisation does not pass."""
    register(gw, FOREIGN_CONTROLLER, "controller")
    set_role(gw, CONTROLLER.iin, "controller")
    assert _code(operator_command(gw, OperatorBlock, VICTIM.iin,
                                  actor=FOREIGN_CONTROLLER)) == "blocking_not_allowed"
    assert _state(gw, VICTIM.iin) == "registered"
    assert operator_command(gw, OperatorBlock, VICTIM.iin,
                            actor=CONTROLLER).status_code == 200
    assert _state(gw, VICTIM.iin) == "blocked"
    # The victim's organisation as the operator registered it: BIN on file, name alike.
    newbie = SandboxUser("newbie", "ЖАҢАБАЕВ", "ЕРБОЛ", "", make_iin(
        dt.date(1993, 3, 8), "M", 6017), ANALYST.organization, ANALYST.bin)
    filed = gw.client.post(APPLY, json=submission(gw, newbie)).json()["id"]
    with gw.engine.begin() as conn:
        conn.execute(update(applications).where(applications.c.id == filed).values(
            state="registered"))
        conn.execute(insert(users).values(
            iin=newbie.iin, name="ЖАҢАБАЕВ ЕРБОЛ", organization=ANALYST.organization,
            state="registered", agreement_signed_at=iso(now_astana()),
            registered_at=iso(now_astana())))
        conn.execute(update(users).where(users.c.iin == FOREIGN_CONTROLLER.iin).values(
            organization=ANALYST.organization))
    assert _code(operator_command(gw, OperatorBlock, newbie.iin,
                                  actor=FOREIGN_CONTROLLER)) == "blocking_not_allowed"
    assert operator_command(gw, OperatorBlock, newbie.iin,
                            actor=CONTROLLER).status_code == 200


@pytest.mark.req("R-ACC-7", "R-CTL-2")
def test_the_last_operator_is_never_blocked(gw: Gw) -> None:
    op = SANDBOX_OPERATOR
    assert _code(gw.client.post(APPLY, json=blocking(gw, op, op))) == "last_operator"
    assert _code(operator_command(gw, OperatorBlock, op.iin)) == "last_operator"
    assert _state(gw, op.iin) == "registered"
    register(gw, OPERATOR2, "operator")
    # With two, one may go; then the other is the last.
    assert gw.client.post(APPLY, json=blocking(gw, op, op)).status_code == 200
    assert _state(gw, op.iin) == "blocked"
    assert _code(operator_command(gw, OperatorBlock, OPERATOR2.iin,
                                  actor=OPERATOR2)) == "last_operator"
    assert _code(gw.client.post(APPLY, json=blocking(gw, OPERATOR2, OPERATOR2))) == (
        "last_operator")
    assert _state(gw, OPERATOR2.iin) == "registered"
    # ... who can unblock the first.
    assert operator_command(gw, OperatorUnblock, op.iin, actor=OPERATOR2).status_code == 200
    assert _state(gw, op.iin) == "registered"


@pytest.mark.req("R-ACC-7", "R-CTL-2", "R-LOG-1")
def test_the_operator_unblocks_a_wrongful_block(gw: Gw) -> None:
    set_role(gw, CONTROLLER.iin, "controller")
    auth_key, sign_key = gw.pki.software_signers(VICTIM)
    token = login(gw.client, auth_key)  # an open session of the user

    def ask() -> Any:
        return gw.client.post(QUERIES, headers=bearer(token),
                              json=signed_query(query_request(VICTIM.iin), sign_key))

    assert gw.client.post(APPLY, json=blocking(gw, VICTIM, CONTROLLER)).status_code == 200
    assert _code(ask()) == "user_blocked"
    # Only the operator unblocks: not the controller, not the user.
    for actor in (CONTROLLER, ANALYST):
        assert _code(operator_command(gw, OperatorUnblock, VICTIM.iin, actor=actor)) == (
            "operator_only")
    reply = operator_command(gw, OperatorUnblock, VICTIM.iin)
    assert reply.status_code == 200, reply.text
    payload = base64.b64decode(reply.json()["payload"])
    verify_detached(base64.b64decode(reply.json()["signature"]), payload,
                    gw.pki.trust_store(), purpose="signing")
    decision = Decision.model_validate_json(payload)
    assert (decision.decision, decision.action, decision.iin) == (
        "unblock", "unblocking", VICTIM.iin)
    entry = journal.entries(gw.engine)[-1]
    assert entry.kind == "unblock" and entry.actor_iin == SANDBOX_OPERATOR.iin
    # The journal keeps the signed command itself: anyone can re-verify it.
    detail = entry.detail_obj()
    verify_detached(base64.b64decode(detail["signature"]), detail["request"].encode(),
                    gw.pki.trust_store(), purpose="signing")
    assert OperatorUnblock.model_validate_json(detail["request"]).iin == VICTIM.iin
    assert ask().status_code == 200  # the agreement and role are as before the block
    assert _code(operator_command(gw, OperatorUnblock, VICTIM.iin)) == "not_blocked"
    stranger = make_iin(dt.date(1970, 1, 2), "M", 7)
    assert _code(operator_command(gw, OperatorUnblock, stranger)) == "not_registered"
    assert journal.verify_chain(journal.entries(gw.engine)) is None
