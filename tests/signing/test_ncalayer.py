"""The NCALayer bridge against a fake NCALayer started here (TLS WebSocket on loopback)."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest

from signing.cms import verify_detached
from signing.ncalayer import (
    INSTALL_HINT,
    Cancelled,
    NcaLayerClient,
    NcaLayerError,
    NcaLayerUnavailable,
    sign_cms_detached,
)
from signing.sandbox_pki import SANDBOX_USERS, SandboxPKI
from tests.signing.ncalayer_server import STORAGE, FakeNcaLayer, fake_ncalayer

DATA = b'{"query":"R-AUTH-5"}'


@pytest.fixture
def layer(sandbox_pki: SandboxPKI) -> Iterator[tuple[FakeNcaLayer, str]]:
    _, signer = sandbox_pki.software_signers(SANDBOX_USERS[0])
    fake = FakeNcaLayer(signer)
    with fake_ncalayer(fake, sandbox_pki.tls_cert_path, sandbox_pki.tls_key_path) as url:
        yield fake, url


@pytest.mark.req("R-AUTH-5")
def test_common_utils_flow(layer: tuple[FakeNcaLayer, str], sandbox_pki: SandboxPKI) -> None:
    fake, url = layer
    client = NcaLayerClient(url, timeout=5)
    try:
        assert client.get_active_tokens() == [STORAGE]
        assert client.version == "1.4"  # read from the unprompted first frame
        assert client.get_key_info(STORAGE)["alias"] == "ab12"
        cms = sign_cms_detached(DATA, client=client, storage=STORAGE)
    finally:
        client.close()
    # The CMS really verifies: NCALayer's answer is used as is.
    verified = verify_detached(cms, DATA, sandbox_pki.trust_store())
    assert verified.profile.iin == SANDBOX_USERS[0].iin
    sent = fake.requests[-1]
    assert sent["module"] == "kz.gov.pki.knca.commonUtils"
    assert sent["args"][0:2] == [STORAGE, "SIGNATURE"] and sent["args"][3] is False


@pytest.mark.req("R-AUTH-5")
def test_basics_sign_with_configured_ca(layer: tuple[FakeNcaLayer, str],
                                        sandbox_pki: SandboxPKI) -> None:
    fake, url = layer
    client = NcaLayerClient(url, ca_file=str(sandbox_pki.root_path), timeout=5)
    cms = sign_cms_detached(DATA, client=client)
    client.close()
    verify_detached(cms, DATA, sandbox_pki.trust_store())
    args = fake.requests[-1]["args"]
    assert args["format"] == "cms"
    assert args["signingParams"] == {"decode": True, "encapsulate": False, "digested": False}
    assert args["signerParams"]["extKeyUsageOids"] == ["1.3.6.1.5.5.7.3.4"]


def test_wrong_ca_file_is_refused(layer: tuple[FakeNcaLayer, str], tmp_path: object) -> None:
    import pathlib

    from signing.sandbox_pki import create_sandbox_pki

    _, url = layer
    other = create_sandbox_pki(pathlib.Path(str(tmp_path)) / "other")
    with pytest.raises(NcaLayerUnavailable):
        NcaLayerClient(url, ca_file=str(other.root_path), timeout=5).get_active_tokens()


@pytest.mark.parametrize("method", ["createCAdESFromBase64", "sign"])
def test_cancel_is_distinct(layer: tuple[FakeNcaLayer, str], method: str) -> None:
    fake, url = layer
    fake.mode[method] = "cancel"
    client = NcaLayerClient(url, timeout=5)
    with pytest.raises(Cancelled):
        sign_cms_detached(DATA, client=client,
                          storage=STORAGE if method != "sign" else None)
    # The connection stays usable after a cancel.
    assert client.get_active_tokens() == [STORAGE]
    client.close()


@pytest.mark.parametrize(("method", "text"), [
    ("getKeyInfo", "argument type mismatch"), ("sign", "INVOCATION_ERROR")])
def test_errors_carry_code_and_message(layer: tuple[FakeNcaLayer, str], method: str,
                                       text: str) -> None:
    fake, url = layer
    fake.mode[method] = "error"
    client = NcaLayerClient(url, timeout=5)
    with pytest.raises(NcaLayerError) as err:
        if method == "sign":
            client.basics_sign(DATA)
        else:
            client.get_key_info(STORAGE)
    client.close()
    assert text in str(err.value) and not isinstance(err.value, Cancelled)


def test_late_reply_never_answers_the_next_request(layer: tuple[FakeNcaLayer, str],
                                                  sandbox_pki: SandboxPKI) -> None:
    fake, url = layer
    fake.mode["getKeyInfo"] = "slow"
    fake.slow_seconds = 1.0
    client = NcaLayerClient(url, timeout=0.3)
    with pytest.raises(NcaLayerError) as err:
        client.get_key_info(STORAGE)
    assert err.value.code == "ncalayer_timeout"
    # The next call reconnects: it gets its own answer, not the late getKeyInfo one.
    client.timeout = 5
    assert client.get_active_tokens() == [STORAGE]
    client.close()


def test_not_running() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed again: nothing listens there
    with pytest.raises(NcaLayerUnavailable) as err:
        NcaLayerClient(f"wss://127.0.0.1:{port}", open_timeout=2).get_active_tokens()
    assert INSTALL_HINT in str(err.value)


def test_unverified_tls_only_on_loopback() -> None:
    with pytest.raises(NcaLayerError) as err:
        NcaLayerClient("wss://ncalayer.example:13579").get_active_tokens()
    assert "refusing unverified TLS" in str(err.value)
