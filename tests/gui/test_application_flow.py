"""The analyst's applications driven through the window's widgets against the sandbox gateway
over TLS, with a SoftHSM2 token (issue 11): registration filed → refused with a signed reason →
filed again → registered by the operator → the new user signs in and signs the filled agreement;
going on leave filed → the session ends → the next sign-in is refused with its own sentence."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import QColor, QFont, QImage, QPainter
from sqlalchemy import select

from app.applications import MAX_SCAN_BYTES
from app.desk import Desk
from app.errors import DeskError
from gateway.config import GatewayConfig
from gateway.models import agreements, applications, users
from gateway.registry import SANDBOX_OPERATOR
from gateway.server import EmbeddedGateway
from sandbox.harness import open_desk
from signing.errors import SigningError
from signing.iin import make_iin
from signing.pades import verify_pdf
from signing.pkcs11 import Pkcs11Token
from signing.sandbox_pki import (
    ORGANIZATION,
    ORGANIZATION_BIN,
    SANDBOX_USERS,
    SandboxPKI,
    SandboxUser,
)
from signing.softhsm import provision_token, softhsm_module
from tests.gateway.helpers import bearer, login, sign_payload
from tests.gui.conftest import WAIT_MS
from transport.clock import iso, now_astana
from transport.protocol import API_PREFIX, OperatorDecision, QueryRequest
from ui import i18n
from ui.account_page import AccountDialog, AccountPage
from ui.agreement_dialog import AgreementDialog
from ui.application_form import ApplicationForm
from ui.worker import DeskRunner

pytestmark = pytest.mark.skipif(softhsm_module() is None, reason="SoftHSM2 is not installed")
PIN = "24681357"
SLOW_MS = 30_000  # signing, TLS and revocation checks on a shared machine
NEWBIE = SandboxUser("analyst8", "ЖАҢАБАЕВА", "ДАНА", "ЕРЛАНҚЫЗЫ",
                     make_iin(dt.date(1994, 3, 8), "F", 6182), ORGANIZATION, ORGANIZATION_BIN)
TYPED = {"organization_code": "1901", "unit": "Талдау басқармасы", "position": "бас сарапшы",
         "work_phone": "+7 7172 00 11 22", "mobile_phone": "+7 701 111 22 33",
         "email": "d.zhanabayeva@afm.example.kz", "work_address": "Астана, Мәңгілік Ел, 8",
         "head_position": "басқарма басшысы", "head_name": "БАСШЫЕВ Б.Б."}
REASON = ("Өтінімдегі құрылымдық бөлімше бұйрыққа сәйкес келмейді; бұйрықтың көшірмесін "
          "қоса беріп, өтінімді қайта беріңіз. " * 3).strip()


@pytest.fixture
def world(softhsm_env: Path, sandbox_pki: SandboxPKI, tmp_path: Path) -> Iterator[dict[str, Any]]:
    """The sandbox gateway on loopback TLS, the newcomer's SoftHSM2 token and their desk."""
    config = GatewayConfig.sandbox_config(db_url=f"sqlite:///{tmp_path / 'gw.sqlite'}",
                                          pki=sandbox_pki)
    gateway = EmbeddedGateway(config)
    gateway.start()
    made = provision_token(softhsm_env, sandbox_pki, NEWBIE,
                           label=f"newbie-{tmp_path.name}"[:32], user_pin=PIN)
    token = Pkcs11Token.open(made.module, made.label)
    desk = open_desk(tmp_path / "ws", gateway.url, sandbox_pki, token)
    runner = DeskRunner()
    http = httpx.Client(base_url=gateway.url, verify=str(sandbox_pki.root_path), timeout=30)
    try:
        yield {"gateway": gateway, "desk": desk, "runner": runner, "http": http,
               "pki": sandbox_pki, "dir": tmp_path}
    finally:
        http.close()
        runner.shutdown()
        desk.close()
        gateway.stop()


def _scan_of(pdf: Path, out: Path) -> bytes:
    """A greyscale "scan" of the printed application's first page (PNG, like a scanner's)."""
    subprocess.run(["pdftoppm", "-r", "40", "-gray", "-png", "-f", "1", "-l", "1",
                    "-singlefile", str(pdf), str(out)], check=True)
    return out.with_suffix(".png").read_bytes()


def _fill_and_file(qtbot: Any, form: ApplicationForm, world: dict[str, Any], name: str,
                   who: SandboxUser = NEWBIE, scan: bytes | None = None) -> Any:
    for field, value in TYPED.items():
        if not form.edits[field].text():
            form.edits[field].setText(value)
    for box in form.confirm_boxes.values():
        box.setChecked(True)
    assert form.problems() == {}
    printed = world["dir"] / f"{name}.pdf"
    form.save_pdf(printed)
    text = subprocess.run(["pdftotext", str(printed), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert f"{who.surname} {who.first_name}" in text and who.iin in text
    assert not form.submit_button.isEnabled()  # no scan yet
    form.set_scan(scan or _scan_of(printed, world["dir"] / f"{name}-scan"), f"{name}-scan.png")
    assert form.submit_button.isEnabled()
    filed: list[Any] = []
    form.filed.connect(filed.append)
    form.submit_button.click()
    qtbot.waitUntil(lambda: bool(filed) or form.error_label.isVisible(), timeout=30_000)
    assert filed, form.error_label.text()
    return filed[0]


def _decide(world: dict[str, Any], app_id: int, decision: str, reason: str = "") -> None:
    """The sandbox operator decides through the gateway's API, signing with their keys."""
    auth_key, sign_key = world["pki"].software_signers(SANDBOX_OPERATOR)
    http = world["http"]
    token = login(http, auth_key)
    command = OperatorDecision(application_id=app_id, decision=decision, reason=reason,
                               nonce=QueryRequest.new_nonce(), issued_at=iso(now_astana()),
                               operator_iin=SANDBOX_OPERATOR.iin)
    reply = http.post(f"{API_PREFIX}/operator/decisions", headers=bearer(token),
                      json=sign_payload(command.canonical(), sign_key))
    assert reply.status_code == 200, reply.text


@pytest.mark.req("R-ACC-2", "R-ACC-3", "R-ACC-4", "R-ACC-9", "R-AUTH-2", "R-AUTH-8")
def test_registration_refused_then_registered_then_the_filled_agreement(
        qtbot: Any, world: dict[str, Any]) -> None:
    i18n.apply("ru")
    desk: Desk = world["desk"]
    runner: DeskRunner = world["runner"]
    form = ApplicationForm(desk, runner, "registration")
    qtbot.addWidget(form)
    # The form waits for the token: the certificate prefills who applies.
    assert not form.fields_box.isEnabled()
    form.pin_edit.setText(PIN)
    form.unlock_button.click()
    qtbot.waitUntil(lambda: form.fields_box.isEnabled(), timeout=WAIT_MS)
    assert form.edits["surname"].text() == NEWBIE.surname
    assert form.edits["iin"].text() == NEWBIE.iin and form.edits["iin"].isReadOnly()
    assert form.edits["bin"].text() == ORGANIZATION_BIN
    # Checked as typed: a bad e-mail is named at once.
    form.edits["email"].setText("not-an-address")
    assert form.problems()["email"] == "invalid"
    assert form.errors["email"].isVisibleTo(form)
    form.edits["email"].setText("")
    first = _fill_and_file(qtbot, form, world, "first")
    assert first.state == "submitted" and first.action == "registration"
    with world["gateway"].engine.connect() as conn:
        pdf = conn.execute(select(applications.c.pdf).where(
            applications.c.id == first.id)).scalar_one()
    report = verify_pdf(pdf, world["pki"].trust_store())
    assert report.status == "valid" and report.signatures[-1].profile.iin == NEWBIE.iin
    filed_pdf = world["dir"] / "filed.pdf"
    filed_pdf.write_bytes(pdf)
    verified = subprocess.run(["pdfsig", "-nocert", str(filed_pdf)], capture_output=True,
                              check=False)  # an independent reader sees the one signature
    assert b"Signature #1" in verified.stdout and b"Signature #2" not in verified.stdout, \
        verified.stderr

    # The operator refuses with a long reason: the account page shows it whole, signed.
    _decide(world, first.id, "refuse", REASON)
    page = AccountPage(desk, runner)
    qtbot.addWidget(page)
    assert page.table.rowCount() == 1
    page.applicant = form.applicant  # the token is open in this form already
    page.refresh_button.click()
    qtbot.waitUntil(lambda: page.message.text() != "", timeout=SLOW_MS)
    assert page.rows()[0].state == "refused", page.message.text()
    refused = page.rows()[0]
    assert refused.state == "refused" and refused.reason == REASON and refused.verified
    assert REASON in page.reason.toPlainText()

    # Filed again (a new signature), registered this time.
    again = ApplicationForm(desk, runner, "registration", applicant=form.applicant)
    qtbot.addWidget(again)
    # The PIN was given in the first form: the certificate is read again without it.
    qtbot.waitUntil(lambda: again.fields_box.isEnabled(), timeout=WAIT_MS)
    assert again.edits["position"].text() == TYPED["position"]  # remembered from the first
    second = _fill_and_file(qtbot, again, world, "second")
    _decide(world, second.id, "register")
    page.load()
    page.message.clear()
    # Not asked by hand this time: the page asks by itself while a decision is awaited.
    page.poll.setInterval(200)
    page.show()
    qtbot.waitUntil(lambda: page.message.text() != "", timeout=SLOW_MS)
    assert page.rows()[0].state == "registered", page.message.text()
    assert page.table.item(0, 2).text() == "Зарегистрирован"  # in the UI's language (ru)
    assert page.table.item(1, 2).text() == "Отклонена оператором"
    assert page.rows()[0].verified

    # Closing the Account window before signing in logs the token out again.
    account = AccountDialog(desk, runner)
    qtbot.addWidget(account)
    account.page.applicant = form.applicant
    assert form.applicant.unlocked
    account.show()
    account.close()
    qtbot.waitUntil(lambda: not form.applicant.unlocked and not runner.busy, timeout=WAIT_MS)
    with pytest.raises(SigningError):  # the token's own "not logged in"
        desk.token.keypairs()

    # The new user signs in and signs the agreement filled in.
    user = desk.login(PIN)
    assert desk.agreement_required and user.iin == NEWBIE.iin
    dialog = AgreementDialog(desk, runner, desk.agreement_document())
    qtbot.addWidget(dialog)
    assert dialog.fields["position"].text() == TYPED["position"]  # from the application
    assert dialog.sign_button.isEnabled()
    shown = dialog.signed_texts()
    dialog.sign_button.click()
    qtbot.waitUntil(lambda: not desk.agreement_required, timeout=WAIT_MS)
    with world["gateway"].engine.connect() as conn:
        statement = conn.execute(select(agreements.c.statement).where(
            agreements.c.iin == NEWBIE.iin)).scalar_one()
    signed = json.loads(statement)
    assert {"kk": signed["text_kk"], "ru": signed["text_ru"]} == shown
    assert signed["blanks"]["full_name"] == user.name
    i18n.apply("en")


@pytest.mark.req("R-ACC-8", "R-ACC-7")
def test_going_on_leave_blocks_at_once_and_the_next_sign_in_says_why(
        qtbot: Any, world: dict[str, Any]) -> None:
    i18n.apply("ru")
    desk: Desk = world["desk"]
    runner: DeskRunner = world["runner"]
    # Registered and signed already (as the first test leaves them).
    with world["gateway"].engine.begin() as conn:
        conn.execute(users.insert().values(
            iin=NEWBIE.iin, name="ЖАҢАБАЕВА ДАНА ЕРЛАНҚЫЗЫ", organization=ORGANIZATION,
            role="afm_analyst", state="registered", agreement_signed_at=iso(now_astana()),
            registered_at=iso(now_astana())))
    desk.login(PIN)
    page = AccountPage(desk, runner)
    qtbot.addWidget(page)
    ended: list[bool] = []
    page.session_ended.connect(lambda: ended.append(True))
    assert page.leave_button.isEnabled()
    leave = page.going_on_leave()
    leave.first_edit.setDate(leave.first_edit.date().addDays(3))
    leave.last_edit.setDate(leave.first_edit.date().addDays(20))
    ok = leave.buttons.buttons()[0]
    assert not ok.isEnabled() and leave.hint.text()  # two months or less: no block needed
    leave.last_edit.setDate(leave.first_edit.date().addMonths(3))
    assert ok.isEnabled()
    leave.accept()
    assert page.dialog is not None
    form = page.dialog.form
    qtbot.waitUntil(lambda: form.fields_box.isEnabled(), timeout=WAIT_MS)  # no PIN asked again
    assert "более двух месяцев" in form.edits["blocking_reason"].text()
    _fill_and_file(qtbot, form, world, "leave")
    qtbot.waitUntil(lambda: bool(ended), timeout=WAIT_MS)
    assert page.rows()[0].state == "registered"  # decided at once by the gateway
    assert "по собственной" in page.table.item(0, 2).text() or "own request" in \
        page.table.item(0, 2).text() or "собствен" in page.message.text()
    desk.logout()
    with pytest.raises(DeskError) as refused:
        desk.login(PIN)
    assert refused.value.values.get("code") == "blocked_own_request"
    sentence = refused.value.text("ru")
    assert "по вашей заявке" in sentence and "новую электронную заявку на регистрацию" in sentence
    assert "заявке" in refused.value.text("ru") and "өтінім" in refused.value.text("kk")
    # Back from leave: a new registration application, prefilled (certificate + last filed).
    back = ApplicationForm(desk, runner, "registration", applicant=form.applicant)
    qtbot.addWidget(back)
    qtbot.waitUntil(lambda: back.fields_box.isEnabled(), timeout=WAIT_MS)
    assert back.edits["iin"].text() == NEWBIE.iin
    assert back.edits["unit"].text() == TYPED["unit"] and back.edits["blocking_reason"].text() == ""
    returned = _fill_and_file(qtbot, back, world, "back")
    assert returned.action == "registration" and returned.state == "submitted"
    i18n.apply("en")


@pytest.mark.req("R-ACC-5", "R-ACC-10")
def test_transfer_asks_the_order_time_shows_the_deadline_and_files_it(
        qtbot: Any, world: dict[str, Any]) -> None:
    i18n.apply("en")
    desk: Desk = world["desk"]
    with world["gateway"].engine.begin() as conn:
        conn.execute(users.insert().values(
            iin=NEWBIE.iin, name="ЖАҢАБАЕВА ДАНА ЕРЛАНҚЫЗЫ", organization=ORGANIZATION,
            role="afm_analyst", state="registered", agreement_signed_at=iso(now_astana()),
            registered_at=iso(now_astana())))
    desk.login(PIN)
    page = AccountPage(desk, world["runner"])
    qtbot.addWidget(page)
    page.transfer_button.click()
    assert page.dialog is not None
    form = page.dialog.form
    qtbot.waitUntil(lambda: form.fields_box.isEnabled(), timeout=WAIT_MS)
    assert form.order_box.isVisibleTo(form)
    order = now_astana().replace(second=0, microsecond=0) - dt.timedelta(hours=5)
    form.set_order_time(order)
    assert "19 h left" in form.deadline_label.text() or "18 h left" in form.deadline_label.text()
    form.set_order_time(order - dt.timedelta(days=2))
    assert "ended" in form.deadline_label.text()
    form.set_order_time(order)
    # The largest scan the desk accepts (incompressible) still fits the gateway's body limit.
    too_big = b"\x89PNG\r\n\x1a\n" + os.urandom(MAX_SCAN_BYTES)
    form.set_scan(too_big, "too-big.png")
    assert form.scan is None and "KB" in form.error_label.text()
    # A 300 dpi image scan is reduced to fit (150 dpi, greyscale or black and white).
    photo = QImage(2480, 3508, QImage.Format.Format_RGB32)  # A4 at 300 dpi
    photo.fill(QColor("white"))
    painter = QPainter(photo)
    painter.setFont(QFont("DejaVu Sans", 40))
    for row in range(60):
        painter.drawText(100, 100 + row * 55, f"{row:02d} ЗАЯВКА ӨТІНІМ " * 3)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    photo.save(buffer, "PNG")  # type: ignore[call-overload]
    big = bytes(buffer.data().data())
    assert len(big) > MAX_SCAN_BYTES
    form.set_scan(big, "scan.png")
    assert form.scan is not None and len(form.scan[0]) <= MAX_SCAN_BYTES
    assert (form.scan[1], form.scan[0][:4]) in (("scan.jpg", b"\xff\xd8\xff\xe0"),
                                               ("scan.png", b"\x89PNG"))
    assert QImage.fromData(form.scan[0]).width() == 1240
    form.scan = None  # the helper below attaches its own
    largest = b"\x89PNG\r\n\x1a\n" + os.urandom(MAX_SCAN_BYTES - 8)
    filed = _fill_and_file(qtbot, form, world, "transfer", scan=largest)
    assert filed.action == "transfer" and filed.state == "submitted"
    with world["gateway"].engine.connect() as conn:
        stored = json.loads(conn.execute(select(applications.c.form).where(
            applications.c.id == filed.id)).scalar_one())
    assert stored["appointment_order_at"] == iso(order)


@pytest.mark.req("R-ACC-6", "R-ACC-7")
def test_a_controller_files_the_block_of_a_colleague_who_lost_the_token(
        qtbot: Any, world: dict[str, Any]) -> None:
    i18n.apply("en")
    desk: Desk = world["desk"]
    victim = SANDBOX_USERS[1]
    with world["gateway"].engine.begin() as conn:
        conn.execute(users.insert().values(
            iin=NEWBIE.iin, name="ЖАҢАБАЕВА ДАНА ЕРЛАНҚЫЗЫ", organization=ORGANIZATION,
            role="controller", state="registered", agreement_signed_at=iso(now_astana()),
            registered_at=iso(now_astana())))
        assert conn.execute(select(users.c.state).where(
            users.c.iin == victim.iin)).scalar_one() == "registered"
    desk.login(PIN)
    page = AccountPage(desk, world["runner"])
    qtbot.addWidget(page)
    ended: list[bool] = []
    page.session_ended.connect(lambda: ended.append(True))
    page.lost_button.click()
    page.block_other_button.click()
    assert page.dialog is not None
    form = page.dialog.form
    qtbot.waitUntil(lambda: form.fields_box.isEnabled(), timeout=WAIT_MS)
    # The person is typed, never the filer's own; the organisation is the filer's.
    assert form.edits["iin"].text() == "" and not form.edits["iin"].isReadOnly()
    assert form.edits["bin"].text() == ORGANIZATION_BIN and form.edits["bin"].isReadOnly()
    for name, value in (("surname", victim.surname), ("name", victim.first_name),
                        ("patronymic", victim.patronymic), ("iin", victim.iin),
                        ("blocking_reason", "токен жоғалды")):
        form.edits[name].setText(value)
    filed = _fill_and_file(qtbot, form, world, "lost", victim)
    assert filed.iin == victim.iin and filed.state == "registered"
    with world["gateway"].engine.connect() as conn:
        assert conn.execute(select(users.c.state).where(
            users.c.iin == victim.iin)).scalar_one() == "blocked"
    assert not ended  # the controller's own session goes on
