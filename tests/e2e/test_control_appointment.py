"""The appointment of a departmental controller (issue 13; R-CTL-4, 2022 §21): the registration
application names the role and the head's appointing order; the operator registers it and the
registry holds the role, which sign-in answers; an order is required, real, and only a
controller's registration names one. On SQLite and PostgreSQL (the gateway tests' fixture)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import select

from gateway.models import users
from signing.iin import make_iin
from signing.sandbox_pki import SandboxUser
from tests.gateway.applicant import submission
from tests.gateway.conftest import db_url, gw  # noqa: F401 - fixtures
from tests.gateway.helpers import Gw, login_body
from tests.gateway.test_registry import APPLY, NEWBIE, decide
from transport.clock import now_astana
from transport.protocol import API_PREFIX, LoginResponse

HEAD = SandboxUser("ctl", "БАҚЫЛАУОВ", "ДӘУЛЕТ", "", make_iin(dt.date(1982, 6, 1), "M", 7015),
                   NEWBIE.organization, NEWBIE.bin)
ORDER = {"role": "controller", "role_order_number": "47-ж",
         "role_order_date": (now_astana().date() - dt.timedelta(days=3)).isoformat()}


def _code(reply: Any) -> str:
    return str(reply.json().get("code"))


@pytest.mark.req("R-CTL-4", "R-ACC-2", "R-ACC-4")
def test_a_controller_is_registered_on_the_heads_order(gw: Gw) -> None:  # noqa: F811
    def filed(**change: Any) -> Any:
        return gw.client.post(APPLY, json=submission(gw, HEAD, **change))

    assert _code(filed(role="controller")) == "application_invalid"  # no order named
    future = (now_astana().date() + dt.timedelta(days=2)).isoformat()
    assert _code(filed(**{**ORDER, "role_order_date": future})) == "application_invalid"
    assert _code(filed(role_order_number="47-ж")) == "application_invalid"  # analyst + order
    reply = filed(**ORDER)
    assert reply.status_code == 200, reply.text
    assert decide(gw, reply.json()["id"], "register").status_code == 200
    with gw.engine.connect() as conn:
        role = conn.execute(select(users.c.role).where(users.c.iin == HEAD.iin)).scalar_one()
    assert role == "controller"
    analyst = gw.client.post(APPLY, json=submission(gw, NEWBIE))  # no role named: an analyst
    assert decide(gw, analyst.json()["id"], "register").status_code == 200
    with gw.engine.connect() as conn:
        role = conn.execute(select(users.c.role).where(users.c.iin == NEWBIE.iin)).scalar_one()
    assert role == "afm_analyst"


@pytest.mark.req("R-CTL-4")
def test_login_answers_the_registry_role(gw: Gw) -> None:  # noqa: F811
    reply = gw.client.post(APPLY, json=submission(gw, HEAD, **ORDER))
    decide(gw, reply.json()["id"], "register")
    answer = gw.client.post(f"{API_PREFIX}/auth/login",
                            json=login_body(gw.client, gw.pki.software_signers(HEAD)[0]))
    assert LoginResponse.model_validate(answer.json()).user.role == "controller"


@pytest.mark.req("R-CTL-4")
def test_the_desk_files_and_prints_the_order() -> None:
    from app import applications as apps
    from app.application_printout import application_printout
    from app.errors import DeskError
    from tests.app.test_applications import _fields

    day = now_astana().date() - dt.timedelta(days=3)
    form = apps.make_form(_fields(), "registration", controller_order=("47-ж", day))
    assert (form.role, form.role_order_number, form.role_order_date) == (
        "controller", "47-ж", day.isoformat())
    for lang in ("kk", "ru"):
        lines = [line.value for r in application_printout(form, lang, sandbox=True).records
                 for line in r.lines]
        assert f"№ 47-ж, {day.isoformat()}" in lines
    assert apps.make_form(_fields(), "registration").role == "afm_analyst"
    leaving = _fields(blocking_reason="демалыс")
    assert apps.make_form(leaving, "blocking").role == "afm_analyst"
    with pytest.raises(DeskError):  # only a registration names the role
        apps.make_form(leaving, "blocking", controller_order=("47-ж", day))
