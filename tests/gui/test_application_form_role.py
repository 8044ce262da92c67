"""The App.4 window's role (issue 13, R-CTL-4): a registration applies as an analyst or as a
departmental controller, and a controller names the head's order (number, date), checked as
typed; filed through the window against the sandbox gateway with a SoftHSM2 token, printed with
the order, and registered by the operator in the controller's role."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from typing import Any

import pytest
from PySide6.QtCore import QDate
from sqlalchemy import select

from app.desk import Desk
from gateway.models import applications, users
from tests.gui.conftest import WAIT_MS
from tests.gui.test_application_flow import (  # noqa: F401 — `world` is a fixture
    NEWBIE,
    PIN,
    _decide,
    _fill_and_file,
    world,
)
from ui import i18n
from ui.application_form import ApplicationForm, role_order_problems
from ui.worker import DeskRunner

ORDER = "17-қ"


def _set_date(form: ApplicationForm, day: dt.date) -> None:
    form.role_order_date.setDate(QDate(day.year, day.month, day.day))


@pytest.mark.req("R-CTL-4")
def test_role_order_is_required_dated_and_short() -> None:
    today = dt.date(2026, 12, 1)
    assert role_order_problems(False, "", today + dt.timedelta(days=3), today) == {}
    assert role_order_problems(True, "  ", today, today) == {"role_order_number": "required"}
    assert role_order_problems(True, "x" * 41, today, today) == {
        "role_order_number": "too_long"}
    assert role_order_problems(True, ORDER, today + dt.timedelta(days=1), today) == {
        "role_order_date": "future"}
    assert role_order_problems(True, ORDER, today, today) == {}


@pytest.mark.req("R-CTL-4", "R-ACC-2")
def test_controller_registration_names_the_heads_order_and_is_registered_so(
        qtbot: Any, world: dict[str, Any]) -> None:  # noqa: F811 — the imported fixture
    i18n.apply("ru")
    desk: Desk = world["desk"]
    runner: DeskRunner = world["runner"]
    form = ApplicationForm(desk, runner, "registration")
    qtbot.addWidget(form)
    form.show()
    form.pin_edit.setText(PIN)
    form.unlock_button.click()
    qtbot.waitUntil(lambda: form.fields_box.isEnabled(), timeout=WAIT_MS)
    assert form.role_box.isVisibleTo(form) and form.role_box.isEnabled()
    assert form.role_combo.currentData() == "afm_analyst"
    assert not form.role_order_number.isVisibleTo(form)  # an analyst names no order
    assert form.role_combo.itemText(1).startswith("Ведомственный контролёр")

    form.role_combo.setCurrentIndex(1)
    assert form.role_order_number.isVisibleTo(form) and form.role_order_date.isVisibleTo(form)
    assert form.problems()["role_order_number"] == "required"
    assert form.errors["role_order_number"].isVisibleTo(form)
    assert form.errors["role_order_number"].text() == "Заполните."
    assert not form.print_button.isEnabled()
    form.role_order_number.setText(ORDER)
    assert "role_order_number" not in form.problems()
    assert not form.errors["role_order_number"].isVisibleTo(form)
    today = dt.datetime.now(dt.timezone(dt.timedelta(hours=5))).date()
    _set_date(form, today + dt.timedelta(days=1))
    assert form.problems()["role_order_date"] == "future"
    assert form.errors["role_order_date"].text() == (
        "Приказ не может быть датирован позже сегодняшнего дня.")
    ordered = today - dt.timedelta(days=2)
    _set_date(form, ordered)
    assert "role_order_date" not in form.problems()

    filed = _fill_and_file(qtbot, form, world, "controller")
    text = subprocess.run(["pdftotext", str(world["dir"] / "controller.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout
    assert ORDER in text and ordered.isoformat() in text  # the printed copy names the order
    with world["gateway"].engine.connect() as conn:
        stored = json.loads(conn.execute(select(applications.c.form).where(
            applications.c.id == filed.id)).scalar_one())
    assert (stored["role"], stored["role_order_number"], stored["role_order_date"]) == (
        "controller", ORDER, ordered.isoformat())
    _decide(world, filed.id, "register")
    with world["gateway"].engine.connect() as conn:
        role = conn.execute(select(users.c.role).where(users.c.iin == NEWBIE.iin)).scalar_one()
    assert role == "controller"


@pytest.mark.req("R-CTL-4")
def test_only_a_registration_offers_the_role(qtbot: Any, world: dict[str, Any]) -> None:  # noqa: F811
    form = ApplicationForm(world["desk"], world["runner"], "transfer")
    qtbot.addWidget(form)
    form.role_combo.setCurrentIndex(1)  # even if the hidden box were changed
    assert not form.role_box.isVisibleTo(form)
    assert not form.controller and form.controller_order() is None
