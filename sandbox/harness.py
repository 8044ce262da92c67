"""Starts a complete sandbox in one process: PKI, token, TLS gateway on loopback, a Desk."""

from __future__ import annotations

import json
import secrets
import shutil
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import TracebackType
from typing import Literal

from app.config import DeskConfig
from app.desk import Desk
from gateway.config import GatewayConfig, SandboxTrust
from gateway.server import EmbeddedGateway
from signing.errors import TokenAbsent
from signing.filekey import FileKeyToken
from signing.pkcs11 import Pkcs11Token
from signing.profile import fingerprint
from signing.sandbox_pki import (
    SANDBOX_GOST_ANALYST,
    SANDBOX_USERS,
    SandboxPKI,
    SandboxUser,
    ensure_sandbox_pki,
)
from signing.signer import Signer
from signing.softhsm import ProvisionedToken, provision_token, softhsm_environment, softhsm_module
from signing.token import Token
from signing.trust import TrustStore

TOKEN_LABEL = "SIO SANDBOX"  # noqa: S105 — a label, not a secret
FILE_KEY_RECORD = "file-key.json"  # sandbox only: the test key's password is no secret
# Issue 12: SoftHSM2 as packaged (Debian 2.6) has no GOST mechanisms, so a GOST key cannot live
# on the sandbox token; the GOST analyst signs with a key file in NCA's layout instead.
SOFTHSM_LACKS_GOST = ("SoftHSM2 has no GOST mechanisms: the GOST analyst signs with a file key "
                 "(--token file)")

TokenKind = Literal["softhsm", "file"]


@dataclass
class SandboxRun:
    """Everything one sandbox session holds; close() stops the gateway and logs out."""

    workdir: Path
    operator_dir: Path
    pki: SandboxPKI
    user: SandboxUser
    token: Token
    token_kind: TokenKind
    pin: str
    gateway: EmbeddedGateway
    desk: Desk
    sample_iin: str
    operator_certificate: Path  # what `sio-gateway journal verify --operator-cert` is given
    closed: bool = field(default=False)

    @property
    def gateway_db(self) -> str:
        return self.gateway.config.db_url

    def close(self) -> None:
        if self.closed:
            return
        self.closed = True
        self.desk.close()
        self.gateway.stop()

    def __enter__(self) -> SandboxRun:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


def fresh_dirs(workdir: Path) -> tuple[Path, Path]:
    """The fresh user's workstation and operator folders beside `workdir`. The operator side
    starts empty on every run (it is the sandbox's own folder), so the newcomer has never signed
    the agreement there: `sio-desk demo --fresh-user` shows the whole first entry (R-AUTH-2)."""
    workdir = workdir.resolve()
    fresh = workdir.parent / f"{workdir.name}-fresh"
    operator = operator_dir_for(fresh)
    if operator.exists():
        shutil.rmtree(operator)
    return fresh, operator


def operator_dir_for(workdir: Path) -> Path:
    """The sandbox operator's side beside the workstation's folder, never inside it: the
    operator keeps every result for good (R-LOG-2), the workstation keeps none (R-RES-1)."""
    return workdir.parent / f"{workdir.name}-operator"


def case_dir_for(workdir: Path) -> Path:
    """Where the sandbox files attached printouts: the case material is not the workstation's."""
    return workdir.parent / f"{workdir.name}-case-material"


def start_sandbox(
    workdir: Path,
    *,
    pki: SandboxPKI | None = None,
    provisioned: ProvisionedToken | None = None,
    token_kind: TokenKind | None = None,
    operator_dir: Path | None = None,
    case_dir: Path | None = None,
    retention_s: float | None = None,
    user: SandboxUser | None = None,
    gost: bool = False,
) -> SandboxRun:
    """A sandbox under `workdir`; SoftHSM2 when installed, else a file key (sandbox only).
    The token holds `user`'s keys (default: the first sandbox analyst). `gost` (issue 12): the
    GOST analyst's key file, and the gateway signs answers and checkpoints with a GOST key."""
    workdir = workdir.resolve()
    workdir.mkdir(parents=True, exist_ok=True)
    operator = (operator_dir or operator_dir_for(workdir)).resolve()
    operator.mkdir(parents=True, exist_ok=True)
    pki = pki or ensure_sandbox_pki(workdir / "pki")
    if gost:
        if token_kind in ("softhsm",) or provisioned is not None:
            raise RuntimeError(SOFTHSM_LACKS_GOST)
        user = user or SANDBOX_GOST_ANALYST
        token, kind, pin = _file_token(workdir, pki, user, gost=True)
        signer: Signer = pki.install_gost().operator_signer()
        overrides = {"trust": SandboxTrust(pki), "operator_signer": signer}
        op_cert = pki.gost().operator_path
    else:
        user = user or SANDBOX_USERS[0]
        token, kind, pin = _sandbox_token(workdir, pki, user, provisioned, token_kind)
        signer, overrides, op_cert = pki.operator_signer(), {}, pki.directory / "operator.pem"
    config = GatewayConfig.sandbox_config(db_url=f"sqlite:///{operator / 'gateway.db'}", pki=pki,
                                          **overrides)
    gateway = EmbeddedGateway(config)
    gateway.start()
    try:
        desk = open_desk(workdir, gateway.url, pki, token, case_dir=case_dir,
                         retention_s=retention_s, operator=signer)
        sample = gateway.population.sample_iins(1)[0]
    except BaseException:
        gateway.stop()
        raise
    return SandboxRun(workdir, operator, pki, user, token, kind, pin, gateway, desk, sample,
                      op_cert)


def open_desk(workdir: Path, gateway_url: str, pki: SandboxPKI, token: Token, *,
              case_dir: Path | None = None, retention_s: float | None = None,
              operator: Signer | None = None) -> Desk:
    """The sandbox workstation's Desk on `workdir` against a gateway at `gateway_url`, pinning
    `operator`'s certificate (default: the sandbox's RSA operator)."""
    config = _desk_config(gateway_url, pki, workdir / "client",
                          (case_dir or case_dir_for(workdir)).resolve(),
                          operator or pki.operator_signer())
    if retention_s is not None:
        config = replace(config, retention_s=retention_s)
    return Desk(config, token)


def sandbox_token(workdir: Path, pki: SandboxPKI, kind: TokenKind | None = None
                  ) -> tuple[Token, TokenKind, str]:
    """The sandbox analyst's token under `workdir` (made on first use) and its PIN."""
    return _sandbox_token(workdir, pki, SANDBOX_USERS[0], None, kind)


def _desk_config(url: str, pki: SandboxPKI, state_dir: Path, case_dir: Path,
                 operator: Signer) -> DeskConfig:
    return DeskConfig(
        gateway_url=url,
        ca_file=pki.root_path,
        trust=_desk_trust(pki),
        operator_sha256=frozenset({fingerprint(operator.certificate)}),
        sandbox=True,
        state_dir=state_dir,
        case_dir=case_dir,
    )


def _desk_trust(pki: SandboxPKI) -> TrustStore:
    """The sandbox CAs the desk checks answers against: the GOST CA too once it is trusted."""
    store = pki.trust_store()
    if not (pki.trust_dir / "gost_ca.pem").exists():
        return store
    gost = pki.gost()
    return TrustStore([*store.anchors, gost.ca], store.intermediates, [*store.crls, gost.crl])


def _sandbox_token(
    workdir: Path,
    pki: SandboxPKI,
    user: SandboxUser,
    provisioned: ProvisionedToken | None,
    kind: TokenKind | None,
) -> tuple[Token, TokenKind, str]:
    if provisioned is not None:
        return (
            Pkcs11Token.open(provisioned.module, provisioned.label),
            "softhsm",
            provisioned.user_pin,
        )
    module = softhsm_module()
    if kind != "file" and module is not None:
        softhsm_environment(workdir / "softhsm")
        pin = "12345678"
        label = token_label(user)
        try:
            return Pkcs11Token.open(module, label), "softhsm", pin
        except TokenAbsent:
            made = provision_token(workdir / "softhsm", pki, user, label=label, user_pin=pin)
            return Pkcs11Token.open(made.module, made.label), "softhsm", made.user_pin
    if kind == "softhsm":
        raise RuntimeError("SoftHSM2 is not installed (package softhsm2); use the file key instead")
    return _file_token(workdir, pki, user)


def token_label(user: SandboxUser) -> str:
    """The first analyst's token keeps the historical label; anyone else's names the login."""
    return TOKEN_LABEL if user == SANDBOX_USERS[0] else f"{TOKEN_LABEL} {user.key}"[:32]


def _file_token(workdir: Path, pki: SandboxPKI, user: SandboxUser, *, gost: bool = False
                ) -> tuple[Token, TokenKind, str]:
    # R-AUTH-4: accepted only because this is the sandbox; FileKeyToken refuses otherwise.
    record = workdir / (FILE_KEY_RECORD if user == SANDBOX_USERS[0] and not gost
                        else f"file-key-{user.key}{'-gost' if gost else ''}.json")
    if record.exists():
        saved = json.loads(record.read_text("utf-8"))
        p12, password = Path(saved["p12"]), str(saved["password"])
    if not record.exists() or not p12.exists():
        password = secrets.token_urlsafe(12)
        p12 = (pki.gost().issue_user_p12(user, password) if gost
               else pki.issue_user_p12(user, password))
        record.write_text(json.dumps({"p12": str(p12), "password": password}), "utf-8")
        record.chmod(0o600)
    return FileKeyToken(p12, sandbox=True), "file", password
