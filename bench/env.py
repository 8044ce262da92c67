"""What the figures of one bench run share: a work folder, the SoftHSM2 token of the analyst, the
sandbox PKI the cached journals were signed with, and a served gateway (1 k-entry journal)."""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench import journals
from bench.load import Server
from signing.sandbox_pki import SANDBOX_USERS, SandboxPKI

TOKEN_LABEL = "BENCH DESK"
PIN = "12345678"


def say(text: str) -> None:
    """Human text: stderr, so stdout stays one JSON document."""
    print(text, file=sys.stderr, flush=True)


@dataclass
class Env:
    quick: bool
    work: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="sio-bench-")))
    results: dict[str, Any] = field(default_factory=dict)  # figures other figures compare to
    _pki: SandboxPKI | None = None
    _server: Server | None = None
    _softhsm: Path | None = None
    _token_made: bool = False

    @property
    def pki(self) -> SandboxPKI:
        if self._pki is None:
            self._pki = journals.bench_pki()
        return self._pki

    @property
    def pki_dir(self) -> Path:
        return journals.pki_dir()

    # -- SoftHSM2: one token directory for this process and the children it starts ---------

    def softhsm_conf(self) -> Path:
        from signing.softhsm import softhsm_environment, softhsm_module

        if softhsm_module() is None:
            raise RuntimeError("SoftHSM2 is not installed (./run bench installs softhsm2)")
        if self._softhsm is None:
            self._softhsm = softhsm_environment(self.work / "softhsm")
        return self._softhsm

    def desk_token(self) -> tuple[Path, str, str]:
        """(module, label, PIN) of the analyst's SoftHSM2 token (first sandbox analyst)."""
        from signing.softhsm import provision_token

        self.softhsm_conf()
        if not self._token_made:
            provision_token(self.work / "softhsm", self.pki, SANDBOX_USERS[0], label=TOKEN_LABEL,
                            user_pin=PIN)
            self._token_made = True
        from signing.softhsm import softhsm_module

        module = softhsm_module()
        assert module is not None
        return module, TOKEN_LABEL, PIN

    # -- the served gateway -----------------------------------------------------------------

    def gateway(self) -> Server:
        """`sio-gateway serve` (bench launcher) on a copy of the 1 k-entry journal."""
        if self._server is None or self._server.proc.poll() is not None:
            built = journals.ensure(1000, say)
            db = built.copy_to(self.work / "gw-1k")
            self._server = Server(f"sqlite:///{db}", built.pki_dir)
            say(f"bench: gateway (1 k-entry journal) at {self._server.url}")
        return self._server

    def stop_gateway(self) -> None:
        if self._server is not None:
            self._server.stop()
            self._server = None

    def policy(self) -> Path:
        """A production policy file: the served gateway, its CA, trust store and operator
        certificate pinned, the SoftHSM2 module and the analyst's token."""
        module, label, _pin = self.desk_token()
        pki = self.pki
        operator = self.work / "operator.pem"
        from cryptography.hazmat.primitives.serialization import Encoding

        operator.write_bytes(pki.operator_cert.public_bytes(Encoding.PEM))
        policy = self.work / "policy" / "policy.json"
        policy.parent.mkdir(parents=True, exist_ok=True)
        policy.write_text(json.dumps({
            "gateway_url": self.gateway().url,
            "ca_file": str(pki.root_path),
            "trust_dir": str(pki.trust_dir),
            "operator_certificates": [str(operator)],
            "pkcs11_modules": [str(module)],
            "token_label": label,
            "case_dir": str(self.work / "case-material"),
            "lang": "ru",
        }), "utf-8")
        return policy

    def close(self) -> None:
        self.stop_gateway()
        shutil.rmtree(self.work, ignore_errors=True)
