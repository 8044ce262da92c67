"""Finding a resource and asking it as it takes parameters (issue 11, R-Q-1): the filter box by
number and kk/ru/en name, the keyboard (Ctrl+F, arrows, Enter), the parameter sets, and a query
by name and birth date signed on SoftHSM2 and answered by the sandbox gateway."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QRadioButton

from tests.gui.conftest import WAIT_MS, open_pin, sign_in
from transport.canonical import sha256_hex
from ui import i18n
from ui.app import build_main_window
from ui.main_window import MainWindow

pytestmark = [pytest.mark.gui, pytest.mark.req("R-Q-1")]

NET_MS = 30_000
CASE = "2025-0142"
PURPOSE = "Проверка контрагента по материалу АФМ"


def _type(qtbot: Any, widget: QLineEdit, text: str) -> None:
    """Cyrillic goes in as an input method would put it (QTest types Latin-1 only)."""
    widget.setFocus()
    if text.isascii():
        qtbot.keyClicks(widget, text)
    else:
        widget.insert(text)


@pytest.mark.parametrize(("typed", "first"), [
    ("19", 19), ("№19", 19), ("фото", 19), ("сурет", 19), ("photo", 19),
    ("ТРАНСПОРТНЫЕ", 5), ("көлік құралдары", 5), ("24", 24), ("иностранными гражданами", 24),
])
def test_the_filter_finds_by_number_and_by_any_language_name(
        qtbot: Any, window: MainWindow, typed: str, first: int) -> None:
    sign_in(qtbot, window)
    finder = window.query_page.finder
    _type(qtbot, finder.filter, typed)
    assert finder.shown_ids()[0] == first, (typed, finder.shown_ids())
    finder.filter.clear()
    assert len(finder.shown_ids()) == 52
    _type(qtbot, finder.filter, "nothing like this")
    assert finder.shown_ids() == [] and finder.none_label.isVisibleTo(window)


def test_keyboard_ctrl_f_arrows_and_enter_pick_a_resource(qtbot: Any,
                                                          window: MainWindow) -> None:
    sign_in(qtbot, window)
    page = window.query_page
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=WAIT_MS)
    page.basis["case_number"].editor.setFocus()
    qtbot.keyClick(page.basis["case_number"].editor, Qt.Key.Key_F,
                   Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.finder.filter, timeout=WAIT_MS)
    qtbot.keyClicks(page.finder.filter, "2")  # №2, 12, 20–29, 32, 42, 52; №2 first
    assert page.finder.shown_ids()[:2] == [2, 12]
    qtbot.keyClick(page.finder.filter, Qt.Key.Key_Down)
    qtbot.keyClick(page.finder.filter, Qt.Key.Key_Return)
    assert page.current_resource() is not None and page.current_resource().id == 12
    assert QApplication.focusWidget() is page.findChild(QLineEdit, "param_iin")
    assert page.finder.filter.accessibleName() and page.finder.list.accessibleName()
    assert page.findChild(QLineEdit, "param_iin").accessibleName() == "IIN"


def test_parameter_sets_switch_rows_keep_values_and_say_what_is_missing(
        qtbot: Any, window: MainWindow, fake_desk: Any) -> None:
    sign_in(qtbot, window)
    page = window.query_page
    assert page.select_resource(24)
    buttons = {b.objectName(): b for b in page.findChildren(QRadioButton)}
    assert {"set_iin", "set_person_name", "set_foreign_document"} <= set(buttons)
    assert buttons["set_iin"].isChecked() and set(page.params()) == {"iin", "from_date"}
    buttons["set_person_name"].click()
    assert list(page.params()) == ["surname", "first_name", "patronymic", "birth_date",
                                   "from_date"]
    _type(qtbot, page.findChild(QLineEdit, "param_surname"), "ЛИ")
    page._edited(page._params[0])
    qtbot.keyClicks(page.basis["case_number"].editor, CASE)
    page.basis["purpose"].editor.insertPlainText(PURPOSE)
    qtbot.waitUntil(lambda: "Given name" in page.reason_label.text(), timeout=WAIT_MS)
    assert "Date of birth" in page.reason_label.text()
    assert "Surname" not in page.reason_label.text()
    buttons["set_foreign_document"].click()  # the surname typed stays with the analyst
    assert page.findChild(QLineEdit, "param_surname").text() == "ЛИ"
    qtbot.keyClicks(page.findChild(QLineEdit, "param_document_number"), "N12345678")
    qtbot.keyClicks(page.findChild(QLineEdit, "param_first_name"), "NA")
    qtbot.waitUntil(page.send_button.isEnabled, timeout=WAIT_MS)
    page.send()
    qtbot.waitUntil(lambda: bool(fake_desk.queries), timeout=WAIT_MS)
    rid, sent, _basis = fake_desk.queries[-1]
    # Exactly what was typed: no empty date filter, nothing of the set left behind.
    assert (rid, sent) == (24, {"document_number": "N12345678", "surname": "ЛИ",
                                "first_name": "NA"})


def test_the_reasons_are_in_the_analysts_language(qtbot: Any, window: MainWindow) -> None:
    sign_in(qtbot, window)
    i18n.apply("ru")
    page = window.query_page
    page.select_resource(1, "person_name")
    row = next(r for r in page._params if r.name == "birth_date")
    _type(qtbot, row.editor, "31.01.1980")
    page._edited(row)
    qtbot.waitUntil(lambda: row.error.isVisible(), timeout=WAIT_MS)
    assert row.error.text() == "дата в виде ГГГГ-ММ-ДД"
    assert "Дата рождения" in page.reason_label.text()
    assert page.findChild(QRadioButton, "set_person_name").text() == "По ФИО и дате рождения"


@pytest.fixture
def sandbox_run(tmp_path: Path, sandbox_pki: Any, softhsm_token: Any) -> Iterator[Any]:
    from sandbox.harness import start_sandbox

    with start_sandbox(tmp_path / "sandbox", pki=sandbox_pki, provisioned=softhsm_token) as run:
        yield run


@pytest.mark.softhsm
def test_a_query_by_name_and_birth_date_signed_on_softhsm(qtbot: Any, sandbox_run: Any) -> None:
    win = build_main_window(sandbox_run.desk, "ru")
    qtbot.addWidget(win)
    win.show()
    try:
        qtbot.waitUntil(lambda: win.signin_page.info is not None, timeout=NET_MS)
        assert sandbox_run.token_kind == "softhsm"
        dialog = open_pin(qtbot, win)
        qtbot.keyClicks(dialog.pin_edit, sandbox_run.pin)
        qtbot.keyClick(dialog.pin_edit, Qt.Key.Key_Return)
        page = win.query_page
        qtbot.waitUntil(lambda: page.current_resource() is not None, timeout=NET_MS)
        _type(qtbot, page.finder.filter, "фото")
        qtbot.keyClick(page.finder.filter, Qt.Key.Key_Return)
        assert page.current_resource().id == 19
        page.findChild(QRadioButton, "set_person_name").click()
        person = sandbox_run.gateway.population.person_by_iin(sandbox_run.sample_iin)
        typed = {"surname": person.surname.lower(), "first_name": person.first_name,
                 "birth_date": person.birth_date.isoformat()}
        for name, value in typed.items():
            _type(qtbot, page.findChild(QLineEdit, f"param_{name}"), value)
        for row in page._params:
            page._edited(row)
        qtbot.keyClicks(page.basis["case_number"].editor, CASE)
        page.basis["purpose"].editor.insertPlainText(PURPOSE)
        qtbot.waitUntil(page.send_button.isEnabled, timeout=NET_MS)
        page.send_button.click()
        qtbot.waitUntil(lambda: page.result_view.outcome is not None, timeout=NET_MS)
        outcome = page.result_view.outcome
        assert [r.fields["iin"] for r in outcome.result.records] == [sandbox_run.sample_iin]
        assert dict(outcome.request.params) == typed  # exactly what the analyst gave
        last = [e for e in sandbox_run.gateway.journal_entries() if e.kind == "query"][-1]
        assert last.seq == outcome.result.journal_seq
        assert last.request_sha256 == sha256_hex(outcome.request.canonical())

        # Two ways mixed never leave the desk; the gateway's own refusal is told in Russian.
        page.select_resource(1)
        _type(qtbot, page.findChild(QLineEdit, "param_iin"), sandbox_run.sample_iin)
        from app.errors import DeskError

        with pytest.raises(DeskError) as caught:
            sandbox_run.desk.query(1, {"iin": sandbox_run.sample_iin, "surname": "X"},
                                   outcome.request.basis)
        assert "Фамилия" in caught.value.text("ru")
    finally:
        win.close()
        i18n.apply("en")
