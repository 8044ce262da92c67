"""The operator's emergency journal tab (issue 13; R-OPS-1, R-Q-3): App.6's sections with their
rows, Close only for an open row, each form's values passed on as typed, none left empty."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest

from transport.clock import ASTANA
from transport.downtime import EmergencyView, NoticesView, WriteReceipt
from ui.operator_emergency import EmergencyPage, WriteDialog
from ui.worker import DeskRunner

WAIT_MS = 5_000
VIEW = EmergencyView.model_validate({"sections": [
    {"section": "power_failure", "title_kk": "Электр қуатының өшуі",
     "title_ru": "Отключение электропитания", "rows": [
         {"seq": 41, "no": 1, "actions": "ИБП", "max_time_min": 90, "responsible": "Инженер",
          "started_at": "2026-03-02T10:00:00+05:00", "ended_at": None}]},
    {"section": "flooding", "title_kk": "Су басу", "title_ru": "Затопление", "rows": [
        {"seq": 12, "no": 1, "actions": "Сорғы", "max_time_min": 30, "responsible": "Б.",
         "started_at": "2026-02-01T10:00:00+05:00", "ended_at": "2026-02-01T10:20:00+05:00"}]},
]})
NOTICES = NoticesView.model_validate({"current": [], "upcoming": [
    {"seq": 50, "title_kk": "Жұмыстар", "title_ru": "Работы",
     "starts_at": "2026-03-03T01:00:00+05:00", "ends_at": "2026-03-03T03:00:00+05:00"}]})


class StandIn:
    def __init__(self) -> None:
        self.sent: list[tuple[Any, ...]] = []

    def journal(self) -> tuple[NoticesView, EmergencyView]:
        return NOTICES, VIEW

    def open_emergency(self, *args: Any) -> WriteReceipt:
        self.sent.append(("open", *args))
        return WriteReceipt(seq=60, kind="emergency")

    def close_emergency(self, *args: Any) -> WriteReceipt:
        self.sent.append(("close", *args))
        return WriteReceipt(seq=61, kind="emergency_closed")

    def publish_notice(self, *args: Any) -> WriteReceipt:
        self.sent.append(("notice", *args))
        return WriteReceipt(seq=62, kind="notice")


@pytest.fixture
def runner(qtbot: Any) -> Iterator[DeskRunner]:
    worker = DeskRunner()
    yield worker
    worker.shutdown()


@pytest.mark.req("R-OPS-1", "R-Q-3")
def test_sections_rows_and_the_signed_writes(qtbot: Any, runner: DeskRunner) -> None:
    console = StandIn()
    when = dt.datetime(2026, 3, 2, 12, 30, tzinfo=ASTANA)

    def ask(kind: str, dialog: WriteDialog) -> dict[str, Any]:
        values = dialog.values()
        return {**values, **{k: when for k, v in values.items() if isinstance(v, dt.datetime)},
                **{k: "текст" for k, v in values.items() if v == ""}}

    page = EmergencyPage(console, runner, ask=ask)  # type: ignore[arg-type]
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.tree.topLevelItemCount() == 2, timeout=WAIT_MS)
    power, flood = page.tree.topLevelItem(0), page.tree.topLevelItem(1)
    assert power is not None and flood is not None
    assert power.text(0) == "Отключение электропитания"
    open_row, closed_row = power.child(0), flood.child(0)
    assert [open_row.text(i) for i in range(6)] == [
        "1", "ИБП", "90 min", "Инженер", "2026-03-02 10:00", "open"]
    page.tree.setCurrentItem(closed_row)
    assert not page.close_button.isEnabled()
    page.tree.setCurrentItem(open_row)
    assert page.close_button.isEnabled()
    page.close_button.click()
    qtbot.waitUntil(lambda: console.sent != [], timeout=WAIT_MS)
    assert console.sent[-1] == ("close", 41, when, "текст")
    page.open_button.click()
    qtbot.waitUntil(lambda: len(console.sent) == 2, timeout=WAIT_MS)
    assert console.sent[-1] == ("open", "power_failure", "текст", 60, "текст", when)
    page.notice_button.click()
    qtbot.waitUntil(lambda: len(console.sent) == 3, timeout=WAIT_MS)
    assert console.sent[-1] == ("notice", "текст", "текст", when, when)
    assert "Работы" in page.notices.item(0).text()


def test_a_form_with_an_empty_field_is_not_accepted(qtbot: Any) -> None:
    from PySide6.QtWidgets import QLineEdit

    field = QLineEdit()
    dialog = WriteDialog("t", [("responsible", "Responsible", field)])
    qtbot.addWidget(dialog)
    dialog._accept()
    assert not dialog.problem.isHidden() and dialog.result() == 0
    field.setText(" Б. ")
    dialog._accept()
    assert dialog.result() == 1 and dialog.values() == {"responsible": "Б."}
