"""Issue 11: a session that lasts as long as the work — the real window, a SoftHSM2 token and the
sandbox gateway over TLS; the gateway's clock is moved forward instead of waiting."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QLineEdit
from sqlalchemy import select, update

from gateway import auth
from gateway.models import sessions, users
from tests.gui.conftest import open_pin
from transport.clock import now_utc
from ui import i18n
from ui.app import build_main_window

pytestmark = [pytest.mark.gui, pytest.mark.softhsm]

NET_MS = 30_000
CASE = "2025-0142"
PURPOSE = "Проверка контрагента по материалу АФМ"


class GatewayClock:
    """The gateway's session clock, `offset` ahead of the real one (monkeypatched in)."""

    def __init__(self) -> None:
        self.offset = timedelta()

    def __call__(self) -> datetime:
        return now_utc() + self.offset


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> GatewayClock:
    moved = GatewayClock()
    monkeypatch.setattr(auth, "now_utc", moved)
    return moved


@pytest.fixture
def sandbox_run(tmp_path: Path, sandbox_pki: Any, softhsm_token: Any) -> Iterator[Any]:
    from sandbox.harness import start_sandbox

    with start_sandbox(tmp_path / "sandbox", pki=sandbox_pki, provisioned=softhsm_token) as run:
        yield run


@pytest.fixture
def win(qtbot: Any, sandbox_run: Any) -> Iterator[Any]:
    window = build_main_window(sandbox_run.desk, "en")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.signin_page.info is not None, timeout=NET_MS)
    yield window
    window.close()  # stops the worker before the sandbox closes the desk
    i18n.apply("en")


def _sign_in(qtbot: Any, win: Any, pin: str) -> None:
    dialog = open_pin(qtbot, win)
    qtbot.keyClicks(dialog.pin_edit, pin)
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: win.pages.currentWidget() is win.work, timeout=NET_MS)
    qtbot.waitUntil(lambda: win.query_page.current_resource() is not None, timeout=NET_MS)


def _fill(qtbot: Any, win: Any, iin: str) -> None:
    page = win.query_page
    qtbot.keyClicks(page.findChild(QLineEdit, "param_iin"), iin)
    qtbot.keyClicks(page.basis["case_number"].editor, CASE)
    page.basis["purpose"].editor.insertPlainText(PURPOSE)  # keyClicks types Latin-1 only
    qtbot.waitUntil(page.send_button.isEnabled, timeout=NET_MS)


def _send(qtbot: Any, win: Any) -> int:
    """Send the form; the journal number of the verified answer."""
    page = win.query_page
    before = page.result_view.outcome
    page.send_button.click()
    qtbot.waitUntil(lambda: page.result_view.outcome is not before
                    and page.result_view.outcome is not None, timeout=NET_MS)
    return int(page.result_view.outcome.result.journal_seq)


def _kinds(run: Any, kind: str) -> int:
    return sum(1 for e in run.gateway.journal_entries() if e.kind == kind)


def _set_state(run: Any, state: str) -> None:
    with run.gateway.engine.begin() as conn:
        conn.execute(update(users).where(users.c.iin == run.user.iin).values(state=state))


def _expiry(run: Any) -> datetime:
    with run.gateway.engine.connect() as conn:
        rows = conn.execute(select(sessions.c.expires_at)).scalars().all()
    assert len(rows) == 1
    return datetime.fromisoformat(rows[0])


@pytest.mark.req("R-AUTH-1")
def test_thirty_minutes_of_work_keep_one_session(
        qtbot: Any, win: Any, sandbox_run: Any, clock: GatewayClock) -> None:
    _sign_in(qtbot, win, sandbox_run.pin)
    first_expiry = _expiry(sandbox_run)
    _fill(qtbot, win, sandbox_run.sample_iin)
    seqs = []
    for minute in (5, 10, 15, 20, 25, 30):  # a query every five minutes of the gateway's time
        clock.offset = timedelta(minutes=minute)
        seqs.append(_send(qtbot, win))
        assert win.pin_dialog is None and win.user is not None
    assert len(set(seqs)) == 6 and _kinds(sandbox_run, "query") == 6
    # One login: the gateway slid the session's end as it was used (15 minutes each time).
    assert _kinds(sandbox_run, "login") == 1
    assert _expiry(sandbox_run) >= first_expiry + timedelta(minutes=25)


@pytest.mark.req("R-AUTH-1")
def test_an_expired_session_is_renewed_with_the_token_without_the_pin(
        qtbot: Any, win: Any, sandbox_run: Any, clock: GatewayClock) -> None:
    _sign_in(qtbot, win, sandbox_run.pin)
    _fill(qtbot, win, sandbox_run.sample_iin)
    clock.offset = timedelta(minutes=40)  # a long phone call: the session expired meanwhile
    _send(qtbot, win)
    assert win.pin_dialog is None and win.pages.currentWidget() is win.work
    assert _kinds(sandbox_run, "login") == 2 and _kinds(sandbox_run, "query") == 1
    logins = [e for e in sandbox_run.gateway.journal_entries() if e.kind == "login"]
    assert {e.actor_iin for e in logins} == {sandbox_run.user.iin}


def test_a_session_past_its_longest_span_is_renewed_too(
        qtbot: Any, win: Any, sandbox_run: Any, clock: GatewayClock) -> None:
    _sign_in(qtbot, win, sandbox_run.pin)
    _fill(qtbot, win, sandbox_run.sample_iin)
    for minute in range(10, auth.SESSION_MAX_S // 60, 10):  # slides up to the cap
        clock.offset = timedelta(minutes=minute)
        auth.session_of(sandbox_run.gateway.engine, f"Bearer {sandbox_run.desk._session}")
    assert _kinds(sandbox_run, "login") == 1
    with sandbox_run.gateway.engine.connect() as conn:
        issued = datetime.fromisoformat(conn.execute(select(sessions.c.issued_at)).scalar_one())
    assert _expiry(sandbox_run) == issued + timedelta(seconds=auth.SESSION_MAX_S)
    clock.offset = timedelta(seconds=auth.SESSION_MAX_S + 20 * 60)
    _send(qtbot, win)
    assert _kinds(sandbox_run, "login") == 2 and win.pin_dialog is None


def test_a_session_that_really_ends_says_so_and_keeps_the_form(
        qtbot: Any, win: Any, sandbox_run: Any, clock: GatewayClock) -> None:
    _sign_in(qtbot, win, sandbox_run.pin)
    _fill(qtbot, win, sandbox_run.sample_iin)
    i18n.apply("ru")
    # Expired, and the renewal is refused: the registry no longer has this user registered.
    _set_state(sandbox_run, "deleted")
    clock.offset = timedelta(minutes=40)
    win.query_page.send_button.click()
    qtbot.waitUntil(lambda: win.pages.currentWidget() is win.signin_page, timeout=NET_MS)
    assert win.user is None and win.notice.isVisible()
    assert "Сеанс на шлюзе завершён" in win.notice.text()
    page = win.query_page
    assert page.findChild(QLineEdit, "param_iin").text() == sandbox_run.sample_iin
    assert page.basis["case_number"].editor.text() == CASE
    assert page.result_view.outcome is None
    # Signing in again (the PIN asked now, at the analyst's word) sends the same form.
    _set_state(sandbox_run, "registered")
    i18n.apply("en")
    _sign_in(qtbot, win, sandbox_run.pin)
    assert page.findChild(QLineEdit, "param_iin").text() == sandbox_run.sample_iin
    qtbot.waitUntil(page.send_button.isEnabled, timeout=NET_MS)
    _send(qtbot, win)
    assert _kinds(sandbox_run, "query") == 1
