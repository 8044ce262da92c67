"""The operator's published contacts (R-Q-4): a deployment option, served with the emergency
journal so that the desk can say whom to tell of an outage over an hour."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from gateway.app import create_app
from gateway.config import SANDBOX_CONTACTS
from gateway.db import make_engine
from gateway.deployment import DeploymentError, load_deployment
from signing.sandbox_pki import SANDBOX_USERS, SandboxPKI
from transport.downtime import EmergencyView
from transport.protocol import API_PREFIX

from .helpers import Gw, bearer, login
from .test_deployment import OPERATOR, write_config

pytestmark = pytest.mark.req("R-Q-4")

CONTACTS = {"phones": ["+7 7172 11-22-33", " 8 800 000 00 00 "], "email": "support@sio.example"}


def test_the_sandbox_serves_its_example_contacts_with_the_emergency_journal(gw: Gw) -> None:
    token = login(gw.client, gw.pki.software_signers(SANDBOX_USERS[0])[0])
    answer = gw.client.get(f"{API_PREFIX}/emergency", headers=bearer(token))
    assert answer.status_code == 200, answer.text
    view = EmergencyView.model_validate(answer.json())
    assert view.contacts is not None
    assert view.contacts.phones == list(SANDBOX_CONTACTS.phones)
    assert view.contacts.email == SANDBOX_CONTACTS.email != ""


def test_a_deployment_publishes_the_contacts_its_file_names(
    tmp_path: Path, sandbox_pki: SandboxPKI, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SIO_TEST_OPERATOR_PW", "op-secret")
    config = load_deployment(write_config(tmp_path, sandbox_pki, operator_contacts=CONTACTS))
    assert config.operator_contacts.phones == ("+7 7172 11-22-33", "8 800 000 00 00")
    engine = make_engine(config.db_url)
    with TestClient(create_app(config, engine), raise_server_exceptions=False) as client:
        session = login(client, sandbox_pki.software_signers(OPERATOR)[0])
        view = client.get(API_PREFIX + "/emergency", headers=bearer(session)).json()
    engine.dispose()
    assert view["contacts"] == {"phones": ["+7 7172 11-22-33", "8 800 000 00 00"],
                                "email": "support@sio.example"}


def test_a_deployment_without_contacts_publishes_none(
    tmp_path: Path, sandbox_pki: SandboxPKI, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SIO_TEST_OPERATOR_PW", "op-secret")
    config = load_deployment(write_config(tmp_path, sandbox_pki))
    assert config.operator_contacts.phones == () and config.operator_contacts.email == ""


@pytest.mark.parametrize(("contacts", "message"), [
    ("call us", "'operator_contacts' takes 'phones' (a list) and 'email'"),
    ({"phones": [], "fax": "1"}, "'operator_contacts' takes 'phones' (a list) and 'email'"),
    ({"phones": "+7 7172 11-22-33"}, "'operator_contacts.phones' must be a list of numbers"),
    ({"phones": ["  "]}, "'operator_contacts.phones' must be a list of numbers"),
    ({"email": "support"}, "'operator_contacts.email' must be an e-mail address"),
])
def test_bad_contacts_are_named(tmp_path: Path, sandbox_pki: SandboxPKI,
                                monkeypatch: pytest.MonkeyPatch, contacts: Any,
                                message: str) -> None:
    monkeypatch.setenv("SIO_TEST_OPERATOR_PW", "op-secret")
    with pytest.raises(DeploymentError, match=re.escape(message)):
        load_deployment(write_config(tmp_path, sandbox_pki, operator_contacts=contacts))
