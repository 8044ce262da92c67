"""The OpenAPI document is the whole contract (issue 9, hole 10): every $ref resolves, every body
and every status the gateway can answer is documented, and it is valid OpenAPI 3.1."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from starlette.testclient import TestClient

from gateway.app import create_app
from gateway.config import GatewayConfig
from gateway.openapi import OPERATIONS, resolve
from gateway.problems import CODES, PROBLEM_MEDIA_TYPE
from signing.sandbox_pki import SandboxPKI
from transport.commands import COMMANDS
from transport.protocol import API_PREFIX

METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")
# Every refusal status the gateway has (gateway.problems.CODES) ...
ALL_REFUSALS = {400, 401, 403, 404, 405, 408, 409, 413, 422, 429, 500, 503}
# ... and what every operation answers whatever it is: a method not allowed, the per-peer rate
# limit, an internal error, a journal that cannot be written.
EVERY_OPERATION = {405, 429, 500, 503}
BODY_READ = {408, 413, 422}  # every POST reads its body with a cap and a deadline
JSON_BODIES = {
    "/auth/login": "LoginRequest", "/queries": "Signed", "/dispositions": "Signed",
    "/notices": "Signed", "/emergency": "Signed", "/emergency/close": "Signed",
    "/agreement/signature": "Signed", "/applications": "ApplicationSubmission",
    "/applications/status": "Signed",
    "/operator/decisions": "Signed", "/operator/blocks": "Signed",
    "/operator/unblocks": "Signed", "/control/reviews": "Signed",
    "/operator/sanctions": "Signed", "/attestations": "Signed",
    "/operator/users/edits": "Signed", "/operator/journal/export": "Signed",
}
NO_BODY = {"/auth/challenge", "/auth/logout"}  # a body is read (capped) and ignored
ANONYMOUS = {"/health", "/auth/challenge", "/auth/login", "/agreement", "/applications",
             "/applications/status"}


@pytest.fixture(scope="module")
def doc(sandbox_pki: SandboxPKI, tmp_path_factory: pytest.TempPathFactory) -> Iterator[
        dict[str, Any]]:
    db = tmp_path_factory.mktemp("openapi") / "gateway.sqlite"
    app = create_app(GatewayConfig.for_sandbox(sandbox_pki, db_url=f"sqlite:///{db}"))
    with TestClient(app) as client:
        response = client.get("/openapi.json")
        assert response.status_code == 200
        yield response.json()
    app.state.engine.dispose()


def _operations(doc: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for path, item in doc["paths"].items():
        for method, op in item.items():
            if method in METHODS:
                yield path, method, op


def _refs(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str):
                yield value
            else:
                yield from _refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from _refs(value)


def _response(doc: dict[str, Any], op: dict[str, Any], status: int) -> dict[str, Any]:
    answer = op["responses"][str(status)]
    return resolve(doc, answer["$ref"]) if "$ref" in answer else answer


def test_every_ref_resolves(doc: dict[str, Any]) -> None:
    refs = set(_refs(doc))
    assert refs, "the document has no references at all"
    dangling = []
    for ref in sorted(refs):
        try:
            resolve(doc, ref)
        except (KeyError, IndexError, ValueError):
            dangling.append(ref)
    assert dangling == []
    assert not any("$defs" in ref for ref in refs)  # inline $defs point at the document's root


def test_every_body_is_documented_with_its_schema(doc: dict[str, Any]) -> None:
    for path, method, op in _operations(doc):
        short = path.removeprefix(API_PREFIX)
        if method != "post":
            assert "requestBody" not in op, path
            continue
        if short in NO_BODY:
            assert "requestBody" not in op, path
            continue
        body = op["requestBody"]
        assert body["required"] is True, path
        schema = body["content"]["application/json"]["schema"]
        assert schema == {"$ref": f"#/components/schemas/{JSON_BODIES[short]}"}, path
        assert resolve(doc, schema["$ref"])["type"] == "object"
    assert {p.removeprefix(API_PREFIX) for p, m, _ in _operations(doc) if m == "post"} == (
        set(JSON_BODIES) | NO_BODY)


def test_every_status_is_documented_as_problem_json(doc: dict[str, Any]) -> None:
    answered: set[int] = set()
    for path, method, op in _operations(doc):
        statuses = {int(s) for s in op["responses"]}
        assert not any(not s.isdigit() for s in op["responses"]), f"{path}: a wildcard status"
        assert EVERY_OPERATION <= statuses, f"{method} {path}"
        if method == "post":
            assert BODY_READ <= statuses, f"{method} {path}"
        if method == "post" and path.removeprefix(API_PREFIX) in JSON_BODIES:
            assert 400 in statuses, f"{method} {path}"  # malformed_json
        if path.removeprefix(API_PREFIX) not in ANONYMOUS:
            assert 401 in statuses, f"{method} {path}"
            assert op["security"] == [{"session": []}], f"{method} {path}"
        else:
            assert "security" not in op, f"{method} {path}"
        for status in statuses - {200, 204}:
            answer = _response(doc, op, status)
            assert answer["description"]
            assert answer["content"] == {PROBLEM_MEDIA_TYPE: {
                "schema": {"$ref": "#/components/schemas/Problem"}}}, f"{path} {status}"
        answered |= statuses
    # Every status a refusal code can have is answered by some operation.
    assert {status for status, _ in CODES.values()} <= answered
    assert ALL_REFUSALS <= answered
    problem = doc["components"]["schemas"]["Problem"]
    assert set(problem["required"]) == {"title", "status", "code"}
    retry_after = _response(doc, doc["paths"]["/v1/health"]["get"], 429)["headers"]
    assert retry_after["Retry-After"]["required"] is True


def test_successes(doc: dict[str, Any]) -> None:
    logout = doc["paths"][f"{API_PREFIX}/auth/logout"]["post"]["responses"]
    assert "204" in logout and "content" not in logout["204"] and "200" not in logout
    for path, method, op in _operations(doc):
        if path.endswith("/logout"):
            continue
        ok = op["responses"]["200"]["content"]["application/json"]["schema"]
        assert ok != {}, f"{method} {path}: an empty success schema"


def test_query_parameters(doc: dict[str, Any]) -> None:
    reports = {p["name"]: p for p in doc["paths"][f"{API_PREFIX}/reports"]["get"]["parameters"]}
    assert set(reports) == {"from", "to"}
    for p in reports.values():
        assert p["in"] == "query" and p["required"] is True
        assert p["schema"]["type"] == "string" and p["schema"]["format"] == "date"
    listing = {p["name"]: p for p in
               doc["paths"][f"{API_PREFIX}/operator/applications"]["get"]["parameters"]}
    assert listing["state"]["schema"]["enum"] == ["submitted", "registered", "refused", "all"]
    assert listing["overdue"]["schema"]["type"] == "boolean"
    for path, method, op in _operations(doc):
        if path.removeprefix(API_PREFIX) not in ("/reports", "/operator/applications",
                                                   "/control/requests/{seq}",
                                                   "/operator/applications/{app_id}"):
            assert not op.get("parameters"), f"{method} {path}"


def test_links_name_real_operations(doc: dict[str, Any]) -> None:
    ids = {op["operationId"] for _, _, op in _operations(doc)}
    assert len(ids) == len(list(_operations(doc)))  # unique
    challenge = doc["paths"][f"{API_PREFIX}/auth/challenge"]["post"]["responses"]["200"]
    assert challenge["links"]["login"]["operationId"] == "login"
    login = doc["paths"][f"{API_PREFIX}/auth/login"]["post"]["responses"]["200"]
    assert {link["operationId"] for link in login["links"].values()} <= ids
    assert "logout" in login["links"]


def test_the_table_and_the_routes_agree(doc: dict[str, Any]) -> None:
    assert {(m, p) for p, m, _ in _operations(doc)} == set(OPERATIONS)


def test_every_signed_command_says_what_it_signs(doc: dict[str, Any]) -> None:
    for command in COMMANDS:
        op = doc["paths"][API_PREFIX + command.path]["post"]
        if not command.session:
            assert "x-signed-payload" not in op
            continue
        assert op["x-signed-payload"] == {"$ref": f"#/components/schemas/{command.model.__name__}"}
        assert resolve(doc, op["x-signed-payload"]["$ref"])["type"] == "object"
        assert op["x-key-purpose"] == command.purpose
        assert op.get("x-roles") == (sorted(command.roles) if command.roles else None)
        assert {400, 401, 403, 409, 422} <= {int(s) for s in op["responses"]}, command.name


def test_valid_openapi_31(doc: dict[str, Any]) -> None:
    """Against the OpenAPI 3.1 meta-schema schemathesis bundles (there is no other validator
    in the lock), then the structure the meta-schema cannot see."""
    assert doc["openapi"].startswith("3.1.")
    schemathesis.openapi.from_dict(doc).validate()  # raises on the first violation
    assert doc["info"]["title"] and doc["info"]["version"]
    for path, method, op in _operations(doc):
        assert path.startswith("/"), path
        assert op["responses"], f"{method} {path}"
        for status, answer in op["responses"].items():
            assert status.isdigit() and 100 <= int(status) <= 599
            assert "$ref" in answer or "description" in answer
        for link in op["responses"].get("200", {}).get("links", {}).values():
            assert ("operationId" in link) != ("operationRef" in link)


def test_the_document_is_served_unchanged(doc: dict[str, Any], sandbox_pki: SandboxPKI,
                                          tmp_path: Path) -> None:
    """Built once per app: a second app gives the same document (no state leaks between)."""
    app = create_app(GatewayConfig.for_sandbox(sandbox_pki,
                                               db_url=f"sqlite:///{tmp_path / 'g.sqlite'}"))
    try:
        assert app.openapi() == doc
        assert app.openapi() is app.openapi()
    finally:
        app.state.engine.dispose()
