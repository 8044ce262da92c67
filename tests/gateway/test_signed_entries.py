"""Every signed kind of journal entry is re-verified by `journal verify` from the archive alone
(issue 9: the journal keeps the signed bytes and the signature of every signed command; R-CTL-3).

One gateway journal holds every signed kind (transport.commands.SIGNED_KINDS), made through the
real endpoints: a login, a query, a disposition, the agreement, an application (PAdES) and the
operator's decision on it, a blocking application (the gateway's own decision and block, which
carry no one's signature), an operator block and unblock, a notice, an emergency and its
closing, a sanction, a user edit, an attestation, a controller's review and a journal export.
Its archive verifies; so does an exact re-chained copy. A copy re-chained after one byte of
one stored signed payload was changed — hashes and checkpoints made afresh with the
operator's key, so the chain and the checkpoints hold — fails at that entry, on its signature.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from gateway import archive, checkpoints, journal, registry
from gateway.agreement import statement_for
from gateway.app import create_app
from gateway.config import GatewayConfig
from gateway.db import make_engine, migrate, write_tx
from gateway.journal import JournalEntry
from signing.iin import make_iin
from signing.profile import fingerprint, serial_hex
from signing.sandbox_pki import SANDBOX_USERS, SandboxPKI, SandboxUser
from transport.canonical import canonical_json
from transport.clock import iso, now_astana
from transport.commands import SIGNED_KINDS
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
    QueryResult,
    ReviewStatement,
    Signed,
)

from .applicant import submission
from .helpers import Gw, bearer, fresh_signer, login, query_request, sign_payload, signed_query

ANALYST, VICTIM, SELF_BLOCKER = SANDBOX_USERS[0], SANDBOX_USERS[1], SANDBOX_USERS[2]
OPERATOR, NEWCOMER = registry.SANDBOX_OPERATOR, registry.SANDBOX_NEWCOMER
APPLICANT = SandboxUser("applicant", "ӨТІНІШБЕКОВ", "ДӘУРЕН", "", make_iin(dt.date(1991, 4, 2),
                                                                          "M", 6123),
                        ANALYST.organization, ANALYST.bin)


def _ok(response: Any) -> Any:
    assert response.status_code == 200, response.text
    return response.json()


def _nonce_time() -> dict[str, Any]:
    return {"nonce": QueryRequest.new_nonce(), "issued_at": iso(now_astana())}


@pytest.fixture(scope="module")
def made(sandbox_pki: SandboxPKI, tmp_path_factory: pytest.TempPathFactory
         ) -> Iterator[tuple[list[JournalEntry], Path, str]]:
    """(every journal entry, the exported archive, the query's cert serial) of a gateway that
    received every signed command once; the analyst's signing key is revoked after its use."""
    base = tmp_path_factory.mktemp("signed-entries")
    url = f"sqlite:///{base / 'gateway.sqlite'}"
    config = GatewayConfig.for_sandbox(sandbox_pki, db_url=url)
    engine = make_engine(url)
    with TestClient(create_app(config, engine), raise_server_exceptions=False) as client:
        gw = Gw(client=client, engine=engine, config=config, pki=sandbox_pki, db_url=url)
        pki = sandbox_pki
        # The analyst: a login, a query and its disposition, by a key revoked afterwards.
        analyst_key = fresh_signer(pki, ANALYST, "signing")
        token = login(client, pki.software_signers(ANALYST)[0])
        reply = _ok(client.post(f"{API_PREFIX}/queries", headers=bearer(token),
                                json=signed_query(query_request(ANALYST.iin), analyst_key)))
        result = QueryResult.model_validate_json(Signed.model_validate(reply).payload_bytes())
        statement = DispositionStatement(
            journal_seq=result.journal_seq, request_sha256=result.request_sha256,
            case_number="2024-0001-ФМ", action="destroyed_unattached",
            destroyed_at=iso(now_astana()), user_iin=ANALYST.iin, **_nonce_time())
        _ok(client.post(f"{API_PREFIX}/dispositions", headers=bearer(token),
                        json=sign_payload(statement.canonical(), analyst_key)))
        # The newcomer signs the agreement.
        auth_key, sign_key = pki.software_signers(NEWCOMER)
        newcomer = login(client, auth_key)
        text = _ok(client.get(f"{API_PREFIX}/agreement"))
        agreement = statement_for(AgreementText.model_validate(text), NEWCOMER.iin,
                                  iso(now_astana()), name=" ".join(
                                      (NEWCOMER.surname, NEWCOMER.first_name,
                                       NEWCOMER.patronymic)))
        _ok(client.post(f"{API_PREFIX}/agreement/signature", headers=bearer(newcomer),
                        json=sign_payload(agreement.canonical(), sign_key)))
        # An application, and a blocking one that takes effect at once.
        filed = _ok(client.post(f"{API_PREFIX}/applications", json=submission(gw, APPLICANT)))
        _ok(client.post(f"{API_PREFIX}/applications",
                        json=submission(gw, SELF_BLOCKER, "blocking")))
        # The operator: a decision, a block, an unblock, a notice, an emergency and its end.
        op_auth, op_sign = pki.software_signers(OPERATOR)
        operator = login(client, op_auth)

        def command(path: str, payload: bytes) -> Any:
            return _ok(client.post(f"{API_PREFIX}{path}", headers=bearer(operator),
                                   json=sign_payload(payload, op_sign)))

        command("/operator/decisions", OperatorDecision(
            application_id=filed["id"], decision="register", operator_iin=OPERATOR.iin,
            **_nonce_time()).canonical())
        command("/operator/blocks", OperatorBlock(
            iin=VICTIM.iin, reason="тексеру", operator_iin=OPERATOR.iin,
            **_nonce_time()).canonical())
        command("/operator/unblocks", OperatorUnblock(
            iin=SELF_BLOCKER.iin, reason="қайта оралды", operator_iin=OPERATOR.iin,
            **_nonce_time()).canonical())
        now = now_astana()
        command("/notices", canonical_json({
            "title_kk": "Жоспарлы жұмыстар", "title_ru": "Плановые работы",
            "starts_at": iso(now + dt.timedelta(days=1)),
            "ends_at": iso(now + dt.timedelta(days=1, hours=1)), "resources": [7],
            **_nonce_time()}))
        opened = command("/emergency", canonical_json({
            "section": "power_failure", "actions": "ИБП қосылды", "max_time_min": 30,
            "responsible": "Кезекші инженер", "started_at": iso(now - dt.timedelta(hours=2)),
            "resources": [7], **_nonce_time()}))
        command("/emergency/close", canonical_json({
            "entry_seq": opened["seq"], "ended_at": iso(now), **_nonce_time()}))
        command("/operator/sanctions", OperatorSanction(
            iin=VICTIM.iin, sanction="closure", until="", reason="тексеру",
            operator_iin=OPERATOR.iin, **_nonce_time()).canonical())
        command("/operator/users/edits", OperatorUserEdit(
            iin=NEWCOMER.iin, position="Бас сарапшы", organization=NEWCOMER.organization,
            role="afm_analyst", reason="бұйрық", operator_iin=OPERATOR.iin,
            **_nonce_time()).canonical())
        # The analyst's workstation self-check and the controller's review.
        _ok(client.post(f"{API_PREFIX}/attestations", headers=bearer(token), json=sign_payload(
            AttestationStatement(
                overall="PASS", profile="standard", partial=False, host="ws-1",
                system="Linux", checked_at=iso(now), not_passed=[], report_sha256="cd" * 32,
                user_iin=ANALYST.iin, **_nonce_time()).canonical(), analyst_key)))
        ctl_auth, ctl_sign = pki.software_signers(registry.SANDBOX_CONTROLLER)
        controller = login(client, ctl_auth)
        _ok(client.post(f"{API_PREFIX}/control/reviews", headers=bearer(controller),
                        json=sign_payload(ReviewStatement(
                            period_from=(now - dt.timedelta(days=30)).date().isoformat(),
                            period_to=now.date().isoformat(), report_sha256="ab" * 32,
                            requests=1, anomalies=0, controller_iin=registry.SANDBOX_CONTROLLER
                            .iin, **_nonce_time()).canonical(), ctl_sign)))
        # The operator seals the journal and takes its archive (a tar, not JSON).
        taken = client.post(f"{API_PREFIX}/operator/journal/export", headers=bearer(operator),
                            json=sign_payload(JournalExportRequest(
                                operator_iin=OPERATOR.iin, **_nonce_time()).canonical(),
                                op_sign))
        assert taken.status_code == 200, taken.text
        time.sleep(2.5)  # the sandbox CRL dates a revocation 1-2 s back (whole seconds)
        pki.revoke(analyst_key.certificate)  # after its use: the archive must still verify it
        out = base / "archive"
        archive.export(engine, out, pki.trust_store(), pki.operator_signer())
        entries = journal.entries(engine)
    engine.dispose()
    yield entries, out, serial_hex(analyst_key.certificate.serial_number)


def _policy(pki: SandboxPKI) -> archive.TrustPolicy:
    return archive.TrustPolicy(pins=(archive.SignerPin(fingerprint(pki.operator_cert), "test"),))


def _signed(entry: JournalEntry) -> bool:
    detail = entry.detail_obj()
    return ("request" in detail and "signature" in detail) or "pdf" in detail


def _rechained(entries: list[JournalEntry], pki: SandboxPKI, directory: Path,
               change: Callable[[JournalEntry, dict[str, Any]], dict[str, Any]] | None = None,
               ) -> Path:
    """The journal appended afresh (hashes, segments and operator-signed checkpoints made
    anew) with `change` applied to each entry's fields, and exported: whoever holds the
    operator's key could make it, so only the entries' own signatures can tell."""
    directory.mkdir()
    engine = make_engine(f"sqlite:///{directory / 'g.sqlite'}")
    migrate(engine)
    journal.set_sealer(engine, checkpoints.SegmentSealer(pki.operator_signer(), 16, 10**8))
    for entry in entries:
        fields: dict[str, Any] = {
            "actor_iin": entry.actor_iin, "cert_serial": entry.cert_serial,
            "resource": entry.resource, "basis": entry.basis_obj(),
            "request_sha256": entry.request_sha256, "response_sha256": entry.response_sha256,
            "detail": entry.detail_obj(), "at": dt.datetime.fromisoformat(entry.at_utc)}
        if change is not None:
            fields = change(entry, fields)
        with write_tx(engine) as conn:
            journal.append(conn, entry.kind, **fields)
    archive.export(engine, directory / "archive", pki.trust_store(), pki.operator_signer())
    engine.dispose()
    return directory / "archive"


def _one_byte(entry: JournalEntry, fields: dict[str, Any]) -> dict[str, Any]:
    """One byte of the stored signed payload changed: a digit of the CMS-signed request, or
    the PDF's version digit (inside the signed byte range; its hash is made to match)."""
    detail = dict(fields["detail"])
    if "pdf" in detail:
        pdf = bytearray(base64.b64decode(detail["pdf"]))
        at = pdf.index(b"%PDF-1.") + 7
        pdf[at] = ord("4") if pdf[at] != ord("4") else ord("5")
        detail["pdf"] = base64.b64encode(bytes(pdf)).decode()
        detail["pdf_sha256"] = hashlib.sha256(pdf).hexdigest()
    else:
        request = detail["request"]
        at = next(i for i, c in enumerate(request) if c.isdigit())
        detail["request"] = request[:at] + str((int(request[at]) + 1) % 10) + request[at + 1:]
    return {**fields, "detail": detail}


def test_every_signed_kind_is_journaled_with_what_was_signed(
        made: tuple[list[JournalEntry], Path, str]) -> None:
    entries, _, _ = made
    signed = Counter(e.kind for e in entries if _signed(e))
    assert set(signed) == set(SIGNED_KINDS)  # every declared kind is exercised here
    # The gateway's own decision and block on the blocking application carry no signature.
    unsigned = [e for e in entries if e.kind in ("decision", "block") and not _signed(e)]
    assert sorted(e.kind for e in unsigned) == ["block", "decision"]
    assert all(e.actor_iin is None for e in unsigned)
    for entry in entries:
        if _signed(entry) and entry.kind != "application":
            assert entry.detail_obj()["endpoint"] and entry.detail_obj()["signature"]
            assert entry.actor_iin and entry.cert_serial


@pytest.mark.req("R-CTL-3", "R-LOG-1")
def test_journal_verify_re_verifies_every_signed_entry_from_the_archive(
        made: tuple[list[JournalEntry], Path, str], sandbox_pki: SandboxPKI,
        tmp_path: Path) -> None:
    entries, out, serial = made
    report = archive.verify(out, _policy(sandbox_pki))
    assert report.ok, report.reason
    assert report.signed_entries == dict(Counter(e.kind for e in entries if _signed(e)))
    assert report.warnings == []
    # The query's signing key was revoked after the fact, and the archive's CRL says so: the
    # entry is checked as of its own time.
    query = next(e for e in entries if e.kind == "query")
    assert query.cert_serial == serial
    crl = next(c for c in sandbox_pki.trust_store().crls
               if c.get_revoked_certificate_by_serial_number(int(serial, 16)) is not None)
    # An exact re-chained copy verifies too (the tampered copies below differ only by a byte).
    copy = archive.verify(_rechained(entries, sandbox_pki, tmp_path / "same"),
                          _policy(sandbox_pki))
    assert copy.ok and copy.signed_entries == report.signed_entries, copy.reason
    # A journal older than every CRL the archive holds (as an archive checked years later
    # is): a list published after an entry still vouches for it, up to its own date.
    earlier = archive.verify(_rechained(
        entries, sandbox_pki, tmp_path / "earlier",
        lambda e, f: {**f, "at": f["at"] - dt.timedelta(minutes=30)}), _policy(sandbox_pki))
    assert earlier.ok and earlier.signed_entries == report.signed_entries, earlier.reason
    assert crl.last_update_utc > dt.datetime.fromisoformat(query.at_utc) - dt.timedelta(
        minutes=30)


@pytest.mark.req("R-CTL-3")
@pytest.mark.parametrize("kind", sorted(SIGNED_KINDS))
def test_one_changed_byte_of_a_signed_payload_fails_its_entry(
        made: tuple[list[JournalEntry], Path, str], sandbox_pki: SandboxPKI, tmp_path: Path,
        kind: str) -> None:
    entries, _, _ = made
    target = next(e for e in entries if e.kind == kind and _signed(e))
    out = _rechained(entries, sandbox_pki, tmp_path / "forged",
                     lambda e, f: _one_byte(e, f) if e.seq == target.seq else f)
    report = archive.verify(out, _policy(sandbox_pki))
    assert not report.ok and report.first_bad_seq == target.seq, report.reason
    assert "does not verify" in report.reason and f"({kind})" in report.reason
    assert report.entries == target.seq - 1


@pytest.mark.req("R-CTL-3")
def test_a_signed_entry_must_name_its_signer_as_actor(
        made: tuple[list[JournalEntry], Path, str], sandbox_pki: SandboxPKI,
        tmp_path: Path) -> None:
    entries, _, _ = made
    target = next(e for e in entries if e.kind == "query")
    out = _rechained(entries, sandbox_pki, tmp_path / "foisted",
                     lambda e, f: {**f, "actor_iin": VICTIM.iin} if e.seq == target.seq else f)
    report = archive.verify(out, _policy(sandbox_pki))
    assert not report.ok and report.first_bad_seq == target.seq
    assert f"names {VICTIM.iin} as its actor" in report.reason


@pytest.mark.req("R-CTL-3", "R-AUTH-6")
def test_a_signature_dated_after_its_revocation_fails(
        made: tuple[list[JournalEntry], Path, str], sandbox_pki: SandboxPKI,
        tmp_path: Path) -> None:
    entries, _, _ = made
    # The revoked key's query, moved after the revocation (and everything after it with it):
    # as of that time its certificate was revoked.
    target = next(e for e in entries if e.kind == "query")
    later = dt.datetime.now(dt.UTC) + dt.timedelta(seconds=2)
    out = _rechained(entries, sandbox_pki, tmp_path / "late",
                     lambda e, f: {**f, "at": later} if e.seq == target.seq else f)
    report = archive.verify(out, _policy(sandbox_pki))
    assert not report.ok and report.first_bad_seq == target.seq
    assert "revoked" in report.reason


def test_the_stored_request_is_the_signed_payload_for_every_cms_kind(
        made: tuple[list[JournalEntry], Path, str]) -> None:
    entries, _, _ = made
    for entry in entries:
        detail = entry.detail_obj()
        if "request" in detail and entry.kind != "login":
            # The bytes signed are canonical JSON, kept byte for byte.
            request = detail["request"].encode()
            assert canonical_json(json.loads(request)) == request
            if entry.kind not in ("disposition",):  # its column names the query it disposes
                assert entry.request_sha256 == hashlib.sha256(request).hexdigest()
