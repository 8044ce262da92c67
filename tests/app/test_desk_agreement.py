"""The desk's first entry: after login it shows the agreement and signs it (R-AUTH-2, R-AUTH-3)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any, TypeVar, cast

import pytest
from pydantic import BaseModel
from starlette.testclient import TestClient

from app.applications import agreement_blanks
from app.config import DeskConfig
from app.desk import Desk
from app.errors import DeskError
from app.messages import text
from gateway.app import create_app
from gateway.config import GatewayConfig
from gateway.registry import SANDBOX_NEWCOMER
from signing.filekey import FileKeyToken
from signing.profile import fingerprint
from signing.sandbox_pki import SandboxPKI
from transport.client import ChannelError, GatewayClient
from transport.protocol import (
    API_PREFIX,
    AgreementBlanks,
    AgreementReceipt,
    AgreementText,
    Basis,
    Challenge,
    LoginRequest,
    LoginResponse,
    Problem,
    Signed,
)

M = TypeVar("M", bound=BaseModel)


class InProcessClient:
    """GatewayClient's calls, answered by the gateway app in-process."""

    def __init__(self, client: TestClient) -> None:
        self.http = client

    def _call(self, method: str, path: str, model: type[M], body: Any = None,
              session: str | None = None) -> M:
        headers = {"Authorization": f"Bearer {session}"} if session else {}
        reply = self.http.request(method, API_PREFIX + path, json=body, headers=headers)
        if reply.status_code >= 300:
            problem = Problem.model_validate(reply.json())
            raise ChannelError(problem.code, problem.detail, problem)
        return model.model_validate(reply.json())

    def challenge(self) -> Challenge:
        return self._call("POST", "/auth/challenge", Challenge)

    def login(self, request: LoginRequest) -> LoginResponse:
        return self._call("POST", "/auth/login", LoginResponse, request.model_dump())

    def query(self, signed: Signed, session: str) -> Signed:
        return self._call("POST", "/queries", Signed, signed.model_dump(), session)

    def agreement(self) -> AgreementText:
        return self._call("GET", "/agreement", AgreementText)

    def sign_agreement(self, signed: Signed, session: str) -> AgreementReceipt:
        return self._call("POST", "/agreement/signature", AgreementReceipt,
                          signed.model_dump(), session)

    def close(self) -> None:
        pass


@pytest.fixture
def desk(sandbox_pki: SandboxPKI, tmp_path: Path) -> Iterator[Desk]:
    config = GatewayConfig.for_sandbox(sandbox_pki, db_url=f"sqlite:///{tmp_path / 'gw.sqlite'}")
    with TestClient(create_app(config), raise_server_exceptions=False) as http:
        token = FileKeyToken(sandbox_pki.issue_user_p12(SANDBOX_NEWCOMER, "secret"),
                             sandbox=True)
        desk_config = DeskConfig(
            gateway_url="https://127.0.0.1:9", ca_file=sandbox_pki.root_path,
            trust=sandbox_pki.trust_store(),
            operator_sha256=frozenset({fingerprint(sandbox_pki.operator_cert)}),
            sandbox=True, state_dir=tmp_path)
        yield Desk(desk_config, token, client=cast(GatewayClient, InProcessClient(http)))


@pytest.mark.req("R-AUTH-2", "R-AUTH-3")
def test_newcomer_reads_signs_then_queries(desk: Desk) -> None:
    with pytest.raises(DeskError) as early:
        desk.sign_agreement(cast(AgreementText, None), cast(AgreementBlanks, None))
    assert early.value.code == "not_logged_in"
    desk.login("secret")
    assert desk.user is not None
    shown = desk.agreement_document()
    blanks = AgreementBlanks.model_validate(agreement_blanks(desk.user.name, "бас маман"))
    assert desk.agreement_required
    assert "келісім" in desk.agreement_text("kk").lower()
    assert "Соглашение" in desk.agreement_text("ru")
    basis = Basis(case_number="2024-0001", legal_ground="Заң 16-бап",
                  purpose="Күдікті операцияны тексеру")
    with pytest.raises(DeskError) as refused:
        desk.query(1, {"iin": SANDBOX_NEWCOMER.iin}, basis)
    assert refused.value.values["code"] == "no_agreement"
    assert "соглашение" in refused.value.text("ru")  # its own text, not the generic one

    desk.sign_agreement(shown, blanks)
    assert not desk.agreement_required
    outcome = desk.query(1, {"iin": SANDBOX_NEWCOMER.iin}, basis)
    assert outcome.response_verified
    with pytest.raises(DeskError) as twice:
        desk.sign_agreement(shown, blanks)
    assert twice.value.values["code"] == "agreement_already_signed"


def test_new_codes_have_texts_in_three_languages() -> None:
    for code in ("no_agreement", "agreement_mismatch", "agreement_already_signed",
                 "agreement_text_mismatch", "user_blocked", "scan_missing"):
        texts = {text(code, lang) for lang in ("kk", "ru", "en")}
        assert len(texts) == 3 and all("{" not in t for t in texts)
