"""PKCS#11 against a real SoftHSM2 token: provisioning, PINs, sessions, signing."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pkcs11 as p11
import pytest
from pkcs11 import Attribute, ObjectClass

from signing.cms import sign_detached, verify_detached
from signing.errors import PinIncorrect, PinLocked, SigningError, TokenAbsent
from signing.pkcs11 import Pkcs11Token, find_modules, list_tokens, module_key
from signing.sandbox_pki import SANDBOX_USERS, SandboxPKI
from signing.softhsm import (
    ProvisionedToken,
    provision_token,
    softhsm_environment,
    softhsm_module,
)
from tests.signing.test_cms import openssl_verify

pytestmark = [pytest.mark.softhsm]
DATA = b'{"resource":"R-07","basis":"case 2026-001"}'


@pytest.mark.req("R-WS-1")
def test_find_modules_lists_softhsm(softhsm_env: Path) -> None:
    module = softhsm_module()
    assert module is not None
    found = [module_key(p) for p in find_modules()]
    assert module_key(module) in found
    configured = find_modules(["/opt/vendor/libjcPKCS11-2.so"])
    assert configured[0] == Path("/opt/vendor/libjcPKCS11-2.so")
    assert len({module_key(p) for p in configured}) == len(configured)


@pytest.mark.req("R-AUTH-1")
def test_token_found_by_label_and_serial(softhsm_token: ProvisionedToken) -> None:
    token = Pkcs11Token.open(softhsm_token.module, softhsm_token.label)
    info = token.info()
    assert info.label == softhsm_token.label and info.kind == "pkcs11"
    assert info.manufacturer == "SoftHSM project"
    assert info.serial
    by_serial = Pkcs11Token.open(softhsm_token.module, info.serial)
    assert by_serial.info().label == softhsm_token.label
    assert softhsm_token.label in [t.label for t in list_tokens(softhsm_token.module)]
    assert token.is_present()


def test_absent_token_and_module(softhsm_token: ProvisionedToken, tmp_path: Path) -> None:
    with pytest.raises(TokenAbsent):
        Pkcs11Token.open(softhsm_token.module, "no-such-token")
    with pytest.raises(TokenAbsent):
        Pkcs11Token.open(tmp_path / "libmissing.so", "x")


@pytest.mark.req("R-AUTH-1")
@pytest.mark.req("R-AUTH-5")
def test_login_keypairs_sign(softhsm_token: ProvisionedToken, sandbox_pki: SandboxPKI,
                             openssl: str, tmp_path: Path) -> None:
    token = Pkcs11Token.open(softhsm_token.module, softhsm_token.label)
    with pytest.raises(SigningError) as err:
        token.keypairs()
    assert err.value.code == "not_logged_in"
    token.login(softhsm_token.user_pin)
    try:
        pairs = token.keypairs()
        assert sorted(p.profile.purpose for p in pairs) == ["authentication", "signing"]
        for pair in pairs:
            assert pair.profile.iin == softhsm_token.users_iin == SANDBOX_USERS[0].iin
            assert pair.label.startswith(("AUTH_RSA256_", "RSA256_"))
        from signing.token import pick

        signer = token.signer(pick(pairs, "signing"))
        assert signer.chain == [sandbox_pki.intermediate]
        cms_der = sign_detached(DATA, signer)
        result = verify_detached(cms_der, DATA, sandbox_pki.trust_store(), purpose="signing")
        assert result.profile.iin == SANDBOX_USERS[0].iin
        ok = openssl_verify(openssl, tmp_path, cms_der, DATA, sandbox_pki.root_path)
        assert ok.returncode == 0, ok.stderr
        auth = token.signer(pick(pairs, "authentication"))
        verify_detached(sign_detached(DATA, auth), DATA, sandbox_pki.trust_store(),
                        purpose="authentication")
    finally:
        token.logout()
    with pytest.raises(SigningError) as err:
        signer.sign_raw(b"after logout")
    assert err.value.code == "not_logged_in"


@pytest.mark.req("R-AUTH-4")
def test_private_keys_never_leave_the_token(softhsm_token: ProvisionedToken) -> None:
    token = Pkcs11Token.open(softhsm_token.module, softhsm_token.label)
    token.login(softhsm_token.user_pin)
    try:
        assert token.session is not None
        keys = list(token.session.get_objects({Attribute.CLASS: ObjectClass.PRIVATE_KEY}))
        assert len(keys) == 2
        for key in keys:
            assert key[Attribute.SENSITIVE] is True
            assert key[Attribute.EXTRACTABLE] is False
            assert key[Attribute.TOKEN] is True
            with pytest.raises(p11.exceptions.AttributeSensitive):
                key[Attribute.PRIVATE_EXPONENT]
    finally:
        token.logout()


def test_one_session_per_token_per_process(softhsm_token: ProvisionedToken) -> None:
    first = Pkcs11Token.open(softhsm_token.module, softhsm_token.label)
    second = Pkcs11Token.open(softhsm_token.module, softhsm_token.label)
    first.login(softhsm_token.user_pin)
    try:
        assert first.session is not None
        assert second.session is first.session
        # Logging in again through the other handle replaces, not adds, the session.
        second.login(softhsm_token.user_pin)
        assert first.session is second.session
        pair = second.keypairs()[0]
        assert first.signer(pair).sign_raw(b"x")
    finally:
        second.logout()
    assert first.session is None


@pytest.mark.req("R-AUTH-1")
def test_wrong_pin_and_pin_flags(fresh_token: Callable[[], ProvisionedToken]) -> None:
    provisioned = fresh_token()
    token = Pkcs11Token.open(provisioned.module, provisioned.label)
    assert token.info().pin.count_low is False
    with pytest.raises(PinIncorrect) as err:
        token.login("00000000")
    assert err.value.code == "pin_incorrect"
    assert token.session is None
    state = token.info().pin
    assert state.count_low is True and state.locked is False
    token.login(provisioned.user_pin)
    assert token.info().pin.count_low is False  # cleared by a good login
    token.logout()


def test_pin_locking(fresh_token: Callable[[], ProvisionedToken]) -> None:
    provisioned = fresh_token()
    token = Pkcs11Token.open(provisioned.module, provisioned.label)
    for _ in range(15):
        try:
            token.login("00000000")
        except PinLocked:
            break
        except PinIncorrect:
            continue
    else:
        assert not token.info().pin.locked
        pytest.skip("SoftHSM2 2.6 counts wrong PINs (COUNT_LOW) but never locks the user PIN")
    assert token.info().pin.locked
    with pytest.raises(PinLocked):
        token.login(provisioned.user_pin)


@pytest.mark.req("R-AUTH-7")
def test_change_pin(fresh_token: Callable[[], ProvisionedToken]) -> None:
    provisioned = fresh_token()
    token = Pkcs11Token.open(provisioned.module, provisioned.label)
    with pytest.raises(PinIncorrect):
        token.change_pin("99999999", "11223344")
    token.change_pin(provisioned.user_pin, "11223344")  # logged out: a temporary session
    with pytest.raises(PinIncorrect):
        token.login(provisioned.user_pin)
    token.login("11223344")
    token.change_pin("11223344", "55667788")  # logged in: the session itself
    token.logout()
    token.login("55667788")
    token.close()


def test_provisioning_duplicate_label(softhsm_token: ProvisionedToken, softhsm_env: Path,
                                      sandbox_pki: SandboxPKI) -> None:
    with pytest.raises(SigningError) as err:
        provision_token(softhsm_env, sandbox_pki, SANDBOX_USERS[0], label=softhsm_token.label)
    assert err.value.code == "token_exists"


def test_second_config_in_same_process_is_refused(softhsm_token: ProvisionedToken,
                                                  tmp_path: Path) -> None:
    with pytest.raises(SigningError) as err:
        softhsm_environment(tmp_path)
    assert err.value.code == "softhsm_config_fixed"


PROVISION_IN_FRESH_PROCESS = """
import sys
from pathlib import Path
from signing.softhsm import softhsm_environment, provision_token
from signing.sandbox_pki import SANDBOX_USERS, load_sandbox_pki
from signing.pkcs11 import Pkcs11Token
directory = Path(sys.argv[1])
softhsm_environment(directory)
pki = load_sandbox_pki(Path(sys.argv[2]))
t = provision_token(directory, pki, SANDBOX_USERS[2], label="fresh-process")
token = Pkcs11Token.open(t.module, "fresh-process")
token.login(t.user_pin)
print(sorted(p.profile.purpose for p in token.keypairs()))
"""


def test_provision_in_a_fresh_process(softhsm_env: Path, sandbox_pki: SandboxPKI,
                                      tmp_path: Path) -> None:
    root = Path(__file__).resolve().parents[2]
    env = {k: v for k, v in os.environ.items() if k != "SOFTHSM2_CONF"}
    out = subprocess.run(
        [sys.executable, "-c", PROVISION_IN_FRESH_PROCESS, str(tmp_path),
         str(sandbox_pki.directory)],
        capture_output=True, text=True, cwd=root, env={**env, "PYTHONPATH": str(root)},
        timeout=60,
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "['authentication', 'signing']"
    assert (tmp_path / "softhsm2.conf").is_file()
