"""One enum of every wire error code (issue 9): statuses and titles in one table, the gateway's
contract built from it, every code the gateway writes known to it, the desk able to tell them."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import httpx
import pytest

from gateway.problems import CODES, SIGNATURE_CODES, Refusal, problem
from signing.errors import VERIFY_CODES
from transport.client import ChannelError, GatewayClient
from transport.commands import COMMANDS, SIGNED_KINDS
from transport.errors import BY_CODE, ErrorCode, error_code
from transport.protocol import Problem

GATEWAY = Path(__file__).resolve().parents[2] / "gateway"


def test_every_code_is_once_in_one_table() -> None:
    assert len(ErrorCode.__members__) == len(list(ErrorCode)) == len(BY_CODE)  # no aliases
    for code in ErrorCode:
        assert code.value == code.name.lower()
        assert 400 <= code.status < 600 and code.english.strip()
        Problem(title=code.english, status=code.status, code=code)  # snake_case, as the wire
    assert CODES == {c.value: (c.status, c.english) for c in ErrorCode}
    assert error_code("nonce_replayed") is ErrorCode.NONCE_REPLAYED
    assert error_code("channel_timeout") is None  # the desk's own, not the gateway's


def test_the_gateway_names_only_known_codes() -> None:
    assert set(SIGNATURE_CODES) == VERIFY_CODES
    assert set(SIGNATURE_CODES.values()) <= BY_CODE.keys()
    written: set[str] = set()
    for path in GATEWAY.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and (
                    node.func.id in ("Refusal", "problem")) and node.args and isinstance(
                    node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
                written.add(node.args[0].value)
    assert written and written <= BY_CODE.keys(), written - BY_CODE.keys()
    with pytest.raises(ValueError, match="unknown problem code"):
        Refusal("no_such_code")
    refusal = Refusal(ErrorCode.CLOCK_SKEW, "late")
    assert (refusal.code, refusal.status, type(refusal.code)) == ("clock_skew", 400, str)


def test_every_command_refuses_with_known_codes() -> None:
    assert {c.journal_kind for c in COMMANDS} == set(SIGNED_KINDS)
    for command in COMMANDS:
        assert command.malformed in ErrorCode and command.invalid in ErrorCode
        assert command.path.startswith("/") and command.purpose in ("signing",
                                                                   "authentication")


def test_the_desk_reads_a_refusal_as_its_wire_code() -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        reply = problem(ErrorCode.MAINTENANCE, "works until 18:00")
        return httpx.Response(reply.status_code, content=reply.body,
                              headers={"content-type": "application/problem+json"})

    client = GatewayClient("https://gateway.test", None, transport=httpx.MockTransport(answer))
    with pytest.raises(ChannelError) as refused:
        client.agreement()
    assert refused.value.wire is ErrorCode.MAINTENANCE and refused.value.code == "maintenance"
    assert refused.value.wire.status == 503
    assert json.loads(problem("maintenance").body)["title"] == ErrorCode.MAINTENANCE.english
    assert ChannelError("channel_timeout", "late").wire is None
