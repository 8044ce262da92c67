"""What the desk client needs to know about its gateway and trust."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from signing.trust import TrustStore


@dataclass(frozen=True)
class DeskConfig:
    gateway_url: str
    ca_file: Path  # the operator's CA: the only TLS anchor of the protected channel (R-WS-4)
    trust: TrustStore  # validates the operator's response signatures
    operator_sha256: frozenset[str]  # pinned operator signing certificates (hex SHA-256 of DER)
    sandbox: bool = False
    lang: str = "ru"
    timeout_s: float = 15.0
    idle_lock_s: float = 900.0  # an unattended signed-in window locks itself (DESIGN "UI")
    state_dir: Path | None = None  # the client's own records (PIN-change dates); None: not kept
    # R-RES-1: where attached printouts go, and how long an unattached result may wait.
    case_dir: Path | None = None
    retention_s: float = 8 * 3600.0
    retention_warn_s: float = 15 * 60.0
    # R-RES-3: copying result values may be forbidden; copies are cleared after a while.
    allow_copy: bool = True
    clipboard_clear_s: float = 10.0
    allowed_file_keys: bool = field(init=False)

    def __post_init__(self) -> None:
        # R-AUTH-4: a key on the file system is acceptable only in the sandbox.
        object.__setattr__(self, "allowed_file_keys", self.sandbox)
