"""PIN change on a real SoftHSM2 token, and the monthly reminder it drives (R-AUTH-7)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from app.config import DeskConfig
from app.desk import Desk
from app.errors import DeskError
from app.pin_reminder import last_pin_change, record_pin_change
from signing.pkcs11 import Pkcs11Token
from signing.sandbox_pki import SANDBOX_USERS, SandboxPKI
from signing.softhsm import provision_token


def desk_for(token: Pkcs11Token, pki: SandboxPKI, state: Path) -> Desk:
    config = DeskConfig(
        gateway_url="https://127.0.0.1:9",  # never contacted: no login to the gateway here
        ca_file=pki.root_path,
        trust=pki.trust_store(),
        operator_sha256=frozenset(),
        sandbox=True,
        state_dir=state,
    )
    return Desk(config, token)


@pytest.mark.req("R-AUTH-7")
def test_pin_change_on_token_records_the_date(
    softhsm_env: Path, sandbox_pki: SandboxPKI, tmp_path: Path
) -> None:
    made = provision_token(
        softhsm_env, sandbox_pki, SANDBOX_USERS[1], label="pin-change", user_pin="11112222"
    )
    token = Pkcs11Token.open(made.module, made.label)
    desk = desk_for(token, sandbox_pki, tmp_path)
    serial = token.info().serial
    assert desk.pin_change_due()  # never changed: due

    with pytest.raises(DeskError) as wrong:
        desk.change_pin("00000000", "33334444")
    assert wrong.value.code == "pin_incorrect"
    assert last_pin_change(tmp_path / "pin-changes.json", serial) is None

    with pytest.raises(DeskError) as same:
        desk.change_pin("11112222", "11112222")
    assert same.value.code == "pin_unchanged"

    desk.change_pin("11112222", "33334444")
    assert last_pin_change(tmp_path / "pin-changes.json", serial) is not None
    assert not desk.pin_change_due()
    token.login("33334444")  # the token itself took the new PIN
    token.close()


@pytest.mark.req("R-AUTH-7")
def test_reminder_due_after_a_calendar_month(
    softhsm_token: object, sandbox_pki: SandboxPKI, tmp_path: Path
) -> None:
    from signing.softhsm import ProvisionedToken

    assert isinstance(softhsm_token, ProvisionedToken)
    token = Pkcs11Token.open(softhsm_token.module, softhsm_token.label)
    desk = desk_for(token, sandbox_pki, tmp_path)
    serial = token.info().serial
    record_pin_change(tmp_path / "pin-changes.json", serial, dt.datetime.now(dt.UTC))
    assert not desk.pin_change_due()
    old = dt.datetime.now(dt.UTC) - dt.timedelta(days=32)
    record_pin_change(tmp_path / "pin-changes.json", serial, old)
    assert desk.pin_change_due()
