"""The agreement dialog fills the form's blanks and signs exactly what it shows (R-AUTH-8)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from gateway.agreement import current
from tests.gui.conftest import WAIT_MS
from tests.gui.fakes import FakeDesk
from transport.protocol import AgreementStatement
from ui.agreement_dialog import AgreementDialog
from ui.worker import DeskRunner

NAME = "ТЕСТОВ ТЕСТ"


@pytest.fixture
def runner() -> Iterator[DeskRunner]:
    made = DeskRunner()
    yield made
    made.shutdown()


def _dialog(qtbot: Any, runner: DeskRunner, state_dir: Path | None = None) -> tuple[
        AgreementDialog, FakeDesk]:
    desk = FakeDesk(agreement_required=True)
    desk.user = SimpleNamespace(iin="870412300030", name=NAME)
    desk.config.state_dir = state_dir
    dialog = AgreementDialog(desk, runner, current())  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    return dialog, desk


@pytest.mark.req("R-AUTH-8", "R-AUTH-2")
def test_blanks_are_prefilled_checked_as_typed_and_signed_as_shown(
        qtbot: Any, runner: DeskRunner, tmp_path: Path) -> None:
    dialog, desk = _dialog(qtbot, runner, tmp_path)
    # The name and today's date are given and cannot be edited; the city is prefilled.
    assert dialog.fields["full_name"].text() == NAME and dialog.fields["full_name"].isReadOnly()
    assert dialog.fields["date"].isReadOnly() and not dialog.fields["city"].isReadOnly()
    assert dialog.fields["city"].text() == "Астана"
    # Nothing prefills the position here: signing waits for it, and says why.
    assert not dialog.sign_button.isEnabled()
    assert dialog.field_errors["position"].isVisibleTo(dialog)
    dialog.fields["position"].setText("бас  маман")
    assert not dialog.sign_button.isEnabled()  # doubled space
    dialog.fields["position"].setText("бас маман")
    dialog.fields["city"].setText("Қарағанды")
    assert dialog.sign_button.isEnabled()
    shown = dialog.signed_texts()
    assert "Қарағанды қаласы" in shown["kk"] and f"{NAME}, бас маман" in shown["kk"]
    assert "город Қарағанды" in shown["ru"] and "Перевод формы 2022 года" in shown["ru"]
    assert "[[" not in shown["kk"] + shown["ru"]
    dialog.sign_button.click()
    qtbot.waitUntil(lambda: desk.agreement_blanks is not None, timeout=WAIT_MS)
    statement = AgreementStatement.filled(desk.agreement_signed, desk.agreement_blanks,
                                          "870412300030", "2026-01-01T00:00:00+05:00")
    # What the desk signs is byte for byte what the tabs showed.
    assert {"kk": statement.text_kk, "ru": statement.text_ru} == shown
    # The city and the position prefill the next form.
    again, _ = _dialog(qtbot, runner, tmp_path)
    assert again.fields["position"].text() == "бас маман"
    assert again.fields["city"].text() == "Қарағанды"
    assert again.sign_button.isEnabled()


@pytest.mark.req("R-AUTH-8")
def test_a_line_break_cannot_be_smuggled_into_the_text(qtbot: Any, runner: DeskRunner) -> None:
    dialog, _ = _dialog(qtbot, runner)
    dialog.fields["position"].setText("маман")
    before = dialog.signed_texts()
    dialog.values["position"] = "маман\n18. Қосымша тармақ"  # as if pasted past the line edit
    dialog._refresh()
    assert not dialog.sign_button.isEnabled()
    shown = dialog.signed_texts()["kk"]
    assert "18. Қосымша" not in shown and "______________" in shown  # a line, as on paper
    assert before["kk"] != shown


@pytest.mark.req("R-AUTH-8")
def test_the_registered_position_prefills_the_blank(qtbot: Any, runner: DeskRunner,
                                                    tmp_path: Path) -> None:
    desk = FakeDesk(agreement_required=True)
    desk.user = SimpleNamespace(iin="870412300030", name=NAME, position="жетекші сарапшы")
    desk.config.state_dir = tmp_path
    dialog = AgreementDialog(desk, runner, current())  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    assert dialog.fields["position"].text() == "жетекші сарапшы"
    assert dialog.sign_button.isEnabled()
