"""The OpenAPI document, completed as the contract (issue 9, hole 10).

FastAPI generates the document from the routes; most of them read their body themselves (a size
cap, a deadline, one signed-command pipeline), so FastAPI sees neither their bodies nor their
refusals. `install(app)` post-processes the generated document once, from the table below:

- every request body with its schema (`Signed` for signed commands, `LoginRequest`,
  `ApplicationSubmission`), every model in `components/schemas` — no `$defs` left inline, so
  every `$ref` resolves within the document;
- every status an operation can answer: its success, and each refusal as
  `application/problem+json` with the `Problem` schema (400, 401, 403, 404, 405, 408, 409, 413,
  422, 429 — every endpoint is rate limited per peer —, 500 and 503: the journal is unavailable);
- the bearer session (`security`), query parameters with their real schemas, stable
  operationIds, and links: the challenge goes into the login, the login's session is the bearer
  of the calls after it;
- for each signed command (transport.commands), what its base64 `payload` holds
  (`x-signed-payload`), the key that signs it (`x-key-purpose`) and who may send it (`x-roles`).

A route the table does not name makes `install` fail at the first request for the document (and
its test), so the contract cannot silently fall behind the routes.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from fastapi import FastAPI
from pydantic import BaseModel

from gateway.problems import PROBLEM_MEDIA_TYPE
from transport.commands import COMMANDS
from transport.protocol import (
    API_PREFIX,
    ApplicationSubmission,
    LoginRequest,
    Problem,
    Signed,
)


def signed_body() -> dict[str, Any]:
    """openapi_extra for a route that takes a Signed command (its body is read by hand)."""
    return {"requestBody": {"required": True, "content": {
        "application/json": {"schema": Signed.model_json_schema()}}}}

SCHEMAS = "#/components/schemas/"
SESSION_SCHEME = "session"

# What each refusal status means at this gateway (the `code` in the body says exactly which).
STATUS_TEXT: dict[int, str] = {
    400: "Malformed: the body is not JSON, the signed payload is not canonical, or its time is "
         "too far from the operator's clock",
    401: "Not authenticated: the session, the signature or the certificate is refused",
    403: ("Not allowed: not registered, blocked, no agreement, the wrong role, not the signer, "
          "or (a query) the workstation's self-check does not meet the access policy"),
    404: "Not found: the resource, application or query named does not exist",
    405: "Method not allowed on this path (the Allow header lists the allowed ones)",
    408: "The body did not arrive in time (the connection is closed)",
    409: "Conflict: already received, registered, decided, signed or closed",
    413: "The body is too large",
    422: "The body, a field of the signed payload or a query parameter is invalid",
    429: "Too many requests from this address; retry after Retry-After seconds",
    500: "Internal error; nothing of the work is answered (journaled)",
    503: "The journal cannot be written (nothing was answered), or the resource is down",
}

ALWAYS = frozenset({405, 429, 500, 503})  # any path: a method, the rate limit, faults, journal
READS_BODY = frozenset({408, 413, 422})  # read with a cap and a deadline; a bad Content-Length
JSON_BODY = READS_BODY | {400}  # parsed as JSON
SESSION = frozenset({401, 403})  # a bearer session of a registered, active user
SIGNED = JSON_BODY | SESSION | {409}  # a signed command: signature, signer, role, nonce, clock


@dataclass(frozen=True)
class Operation:
    """What the document says about one route that FastAPI cannot see."""

    operation_id: str
    statuses: frozenset[int]  # the refusals it can answer
    body: type[BaseModel] | None = None  # its JSON body (None: no body is read as JSON)
    session: bool = False  # needs `Authorization: Bearer <session>`
    parameters: tuple[dict[str, Any], ...] = ()  # its query parameters, replacing FastAPI's
    summary: str | None = None


def _date_param(name: str, what: str) -> dict[str, Any]:
    return {"name": name, "in": "query", "required": True, "description": what,
            "schema": {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}}


P = API_PREFIX
OPERATIONS: dict[tuple[str, str], Operation] = {
    ("get", P + "/health"): Operation("health", ALWAYS),
    ("post", P + "/auth/challenge"): Operation("challenge", ALWAYS | READS_BODY),
    ("post", P + "/auth/login"): Operation("login", ALWAYS | JSON_BODY | SESSION,
                                           body=LoginRequest),
    ("post", P + "/auth/logout"): Operation("logout", ALWAYS | READS_BODY | {401},
                                            session=True),
    ("post", P + "/queries"): Operation("query", ALWAYS | SIGNED | {404}, body=Signed,
                                        session=True),
    ("post", P + "/dispositions"): Operation("disposition", ALWAYS | SIGNED | {404},
                                             body=Signed, session=True),
    ("get", P + "/notices"): Operation("notices", ALWAYS | SESSION, session=True),
    ("post", P + "/notices"): Operation("publish_notice", ALWAYS | SIGNED, body=Signed,
                                        session=True),
    ("get", P + "/emergency"): Operation("emergency_journal", ALWAYS | SESSION, session=True),
    ("post", P + "/emergency"): Operation("open_emergency", ALWAYS | SIGNED, body=Signed,
                                          session=True),
    ("post", P + "/emergency/close"): Operation("close_emergency", ALWAYS | SIGNED,
                                                body=Signed, session=True),
    ("get", P + "/reports"): Operation(
        "report", ALWAYS | SESSION | {422}, session=True, parameters=(
            _date_param("from", "First day, Astana time (YYYY-MM-DD)"),
            _date_param("to", "Last day, inclusive, Astana time (YYYY-MM-DD)"))),
    ("post", P + "/control/reviews"): Operation("review_reports", ALWAYS | SIGNED, body=Signed,
                                                session=True),
    ("get", P + "/control/reviews/last"): Operation("last_review", ALWAYS | SESSION,
                                                    session=True),
    ("get", P + "/control/requests/{seq}"): Operation(
        "request_trail", ALWAYS | SESSION | {422}, session=True, parameters=(
            {"name": "seq", "in": "path", "required": True,
             "description": "The journal seq of a request (a query or a refusal)",
             "schema": {"type": "integer", "minimum": 1}},)),
    ("get", P + "/account/block"): Operation("block_notice", ALWAYS | SESSION | {409},
                                             session=True),
    ("get", P + "/agreement"): Operation("agreement", ALWAYS),
    ("post", P + "/agreement/signature"): Operation("sign_agreement", ALWAYS | SIGNED,
                                                    body=Signed, session=True),
    ("post", P + "/applications"): Operation(
        "submit_application", ALWAYS | JSON_BODY | {401, 403, 409}, body=ApplicationSubmission),
    ("post", P + "/applications/status"): Operation(
        "application_status", ALWAYS | JSON_BODY | {401, 403, 404}, body=Signed),
    ("post", P + "/operator/decisions"): Operation("decide_application",
                                                   ALWAYS | SIGNED | {404}, body=Signed,
                                                   session=True),
    ("post", P + "/operator/blocks"): Operation("block_user", ALWAYS | SIGNED, body=Signed,
                                                session=True),
    ("post", P + "/operator/unblocks"): Operation("unblock_user", ALWAYS | SIGNED, body=Signed,
                                                  session=True),
    ("get", P + "/operator/applications/{app_id}"): Operation(
        "open_application", ALWAYS | SESSION | {404, 422}, session=True, parameters=(
            {"name": "app_id", "in": "path", "required": True,
             "description": "The application's id", "schema": {"type": "integer",
                                                               "minimum": 1}},)),
    ("post", P + "/operator/sanctions"): Operation("sanction_user", ALWAYS | SIGNED,
                                                   body=Signed, session=True),
    ("get", P + "/operator/users"): Operation("list_users", ALWAYS | SESSION, session=True),
    ("post", P + "/operator/users/edits"): Operation("edit_user", ALWAYS | SIGNED,
                                                     body=Signed, session=True),
    ("post", P + "/operator/journal/export"): Operation("export_journal", ALWAYS | SIGNED,
                                                        body=Signed, session=True),
    ("post", P + "/attestations"): Operation("attest_workstation", ALWAYS | SIGNED,
                                             body=Signed, session=True),
    ("get", P + "/operator/applications"): Operation(
        "list_applications", ALWAYS | SESSION | {422}, session=True, parameters=(
            {"name": "state", "in": "query", "required": False,
             "description": "Which applications; `all` for every one",
             "schema": {"type": "string", "enum": ["submitted", "registered", "refused", "all"],
                        "default": "submitted"}},
            {"name": "overdue", "in": "query", "required": False,
             "description": "Only those past the one-day deadline (R-ACC-4)",
             "schema": {"type": "boolean", "default": False}})),
}

# The session a login answers is the bearer of these (links the fuzzer follows, too).
SESSION_LINKS = ("logout", "notices", "emergency_journal", "query", "disposition",
                 "sign_agreement")


def install(app: FastAPI) -> None:
    """Make `app.openapi()` (and /openapi.json) answer the completed document."""
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = complete(copy.deepcopy(generate()))
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def complete(doc: dict[str, Any]) -> dict[str, Any]:
    """`doc` (as FastAPI generated it) completed from OPERATIONS; ValueError if a route is not
    in the table or a schema name would clash."""
    components = doc.setdefault("components", {})
    schemas: dict[str, Any] = components.setdefault("schemas", {})
    _hoist_defs(doc, schemas)
    for model in (Problem, Signed, LoginRequest, ApplicationSubmission):
        _add_model(schemas, model)
    components["securitySchemes"] = {SESSION_SCHEME: {
        "type": "http", "scheme": "bearer",
        "description": f"The `session` answered by POST {P}/auth/login"}}
    components["responses"] = {f"Problem{status}": _problem_response(status)
                               for status in sorted(STATUS_TEXT)}

    seen: set[tuple[str, str]] = set()
    for path, method, op in _operations(doc):
        spec = OPERATIONS.get((method, path))
        if spec is None:
            raise ValueError(f"{method.upper()} {path} is not described in gateway.openapi")
        seen.add((method, path))
        _describe(op, spec)
    missing = set(OPERATIONS) - seen
    if missing:
        raise ValueError(f"gateway.openapi describes routes that do not exist: {sorted(missing)}")
    _signed_payloads(doc, schemas)
    _link(doc)
    for unused in ("HTTPValidationError", "ValidationError"):  # FastAPI's 422, never answered
        schemas.pop(unused, None)
    return doc


def _signed_payloads(doc: dict[str, Any], schemas: dict[str, Any]) -> None:
    """What the base64 `payload` of each signed command holds, and who signs it with which key
    (transport.commands): `x-signed-payload` (the model of its canonical JSON), `x-key-purpose`,
    `x-roles` (absent: any registered user)."""
    for command in COMMANDS:
        if not command.session or command.signature != "cms":
            continue  # login and applications: their bodies are their own models
        op = doc["paths"][P + command.path]["post"]
        if op.get("requestBody", {}).get("content", {}).get("application/json", {}).get(
                "schema") != {"$ref": SCHEMAS + "Signed"}:
            raise ValueError(f"the signed command {command.name} does not take Signed")
        _add_model(schemas, command.model)
        op["x-signed-payload"] = {"$ref": SCHEMAS + command.model.__name__}
        op["x-key-purpose"] = command.purpose
        if command.roles is not None:
            op["x-roles"] = sorted(command.roles)


def _operations(doc: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for path, item in doc.get("paths", {}).items():
        for method, op in item.items():
            if method in ("get", "put", "post", "delete", "patch", "head", "options", "trace"):
                yield path, method, op


def _describe(op: dict[str, Any], spec: Operation) -> None:
    op["operationId"] = spec.operation_id
    if spec.summary:
        op["summary"] = spec.summary
    if spec.body is not None:
        op["requestBody"] = {"required": True, "content": {"application/json": {
            "schema": {"$ref": SCHEMAS + spec.body.__name__}}}}
    else:
        op.pop("requestBody", None)
    if spec.parameters:
        op["parameters"] = [dict(p) for p in spec.parameters]
    if spec.session:
        op["security"] = [{SESSION_SCHEME: []}]
    responses: dict[str, Any] = {}
    for status, answer in op.get("responses", {}).items():
        if status.isdigit() and 200 <= int(status) < 300:
            content = answer.get("content", {}).get("application/json")
            if content is not None and content.get("schema") == {}:
                content["schema"] = {"type": "object"}  # a JSON object, whatever its fields
            responses[status] = answer
    for status in sorted(spec.statuses):
        responses[str(status)] = {"$ref": f"#/components/responses/Problem{status}"}
    op["responses"] = responses


def _problem_response(status: int) -> dict[str, Any]:
    answer: dict[str, Any] = {"description": STATUS_TEXT[status], "content": {
        PROBLEM_MEDIA_TYPE: {"schema": {"$ref": SCHEMAS + "Problem"}}}}
    if status == 429:
        answer["headers"] = {"Retry-After": {
            "required": True, "description": "Seconds until a request is taken again",
            "schema": {"type": "string", "pattern": r"^\d+$"}}}
    elif status == 405:
        answer["headers"] = {"Allow": {
            "required": True, "description": "The methods this path allows",
            "schema": {"type": "string"}}}
    return answer


def _link(doc: dict[str, Any]) -> None:
    by_id = {op["operationId"]: op for _, _, op in _operations(doc)}
    by_id["challenge"]["responses"]["200"]["links"] = {"login": {
        "operationId": "login", "description": "The challenge is signed and sent to log in",
        "requestBody": {"challenge": "$response.body#/challenge"}}}
    by_id["login"]["responses"]["200"]["links"] = {target: {
        "operationId": target, "description": "The session is the bearer of this call",
        "parameters": {"header.Authorization": "Bearer {$response.body#/session}"}}
        for target in SESSION_LINKS}


def _add_model(schemas: dict[str, Any], model: type[BaseModel]) -> None:
    schema = model.model_json_schema(ref_template=SCHEMAS + "{model}")
    _put(schemas, model.__name__, schema, schemas)


def _put(schemas: dict[str, Any], name: str, schema: dict[str, Any],
         into: dict[str, Any]) -> None:
    defs = schema.pop("$defs", {})
    for inner, inner_schema in defs.items():
        _put(schemas, inner, inner_schema, into)
    _retarget(schema)
    if name in into and into[name] != schema:
        raise ValueError(f"two different schemas are both named {name!r}")
    into[name] = schema


def _hoist_defs(node: Any, schemas: dict[str, Any]) -> None:
    """Move every inline `$defs` into components/schemas (a `#/$defs/...` reference inside an
    OpenAPI document points at the document's root, where there is nothing)."""
    if isinstance(node, dict):
        defs = node.pop("$defs", None)
        if isinstance(defs, dict):
            for name, schema in defs.items():
                _put(schemas, name, schema, schemas)
        for value in list(node.values()):
            _hoist_defs(value, schemas)
        _retarget(node, deep=False)
    elif isinstance(node, list):
        for value in node:
            _hoist_defs(value, schemas)


def _retarget(node: Any, deep: bool = True) -> None:
    """`#/$defs/X` references become `#/components/schemas/X`."""
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/$defs/"):
            node["$ref"] = SCHEMAS + ref.removeprefix("#/$defs/")
        if deep:
            for value in node.values():
                _retarget(value)
    elif isinstance(node, list) and deep:
        for value in node:
            _retarget(value)


def resolve(doc: dict[str, Any], ref: str) -> Any:
    """The node a local `$ref` points at; KeyError if it dangles (JSON Pointer, RFC 6901)."""
    if not ref.startswith("#"):
        raise KeyError(f"not a local reference: {ref}")
    node: Any = doc
    for part in filter(None, ref[1:].split("/")):
        key = part.replace("~1", "/").replace("~0", "~")
        if isinstance(node, list):
            node = node[int(key)]
        elif isinstance(node, dict) and key in node:
            node = node[key]
        else:
            raise KeyError(f"dangling reference: {ref}")
    return node
