"""Minimums (2022 in force, 2017 as a named profile) and the admin policy's self-check section."""

from __future__ import annotations

import ipaddress
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from app.selfcheck.model import Mode

IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network


@dataclass(frozen=True)
class Thresholds:
    """R-WS-2 minimums. RAM in GiB (memory is sold in binary units), disk in GB (10^9 bytes)."""

    cpu_ghz: float
    ram_gb: float
    disk_free_gb: float
    nic_mbps: float


# R-WS-2: 2022 App.3 (in force) and 2017 App.4 (repealed, kept as a named profile).
PROFILES: dict[str, Thresholds] = {
    "2022": Thresholds(cpu_ghz=3.1, ram_gb=4, disk_free_gb=80, nic_mbps=100),
    "2017": Thresholds(cpu_ghz=1.5, ram_gb=1, disk_free_gb=20, nic_mbps=100),
}
DEFAULT_PROFILE = "2022"

RULE_CHECKS = ("cpu", "ram", "disk", "nic", "internet", "channel", "token", "pdf")
ADVISORY_CHECKS = ("disk_encryption", "swap", "screen_lock")
ALL_CHECKS = RULE_CHECKS + ADVISORY_CHECKS


class PolicyError(ValueError):
    """The policy's "selfcheck" object is malformed; the message names the key."""


@dataclass(frozen=True)
class SelfcheckConfig:
    """Everything a self-check run needs; built from the admin policy by from_policy()."""

    profile: str = DEFAULT_PROFILE
    thresholds: Thresholds = PROFILES[DEFAULT_PROFILE]
    # The rules say "only from a workstation that meets" them, so every rule check blocks unless
    # the administrator relaxes it to "warn".
    modes: Mapping[str, Mode] = field(default_factory=dict)
    allowed_prefixes: tuple[IPNetwork, ...] = ()  # the protected channel's address space (R-WS-5)
    gateway_url: str | None = None
    ca_file: Path | None = None
    pkcs11_modules: tuple[str, ...] = ()
    channel_timeout_s: float = 3.0
    command_timeout_s: float = 5.0  # any one helper program (ip, gsettings, PowerShell, …)
    data_dir: Path | None = None  # None: platformdirs user_data_path("sio-desk")
    # SoftHSM and the like are files behind a PKCS#11 face (R-AUTH-4): only tests and the
    # sandbox accept them as a carrier.
    allow_software_tokens: bool = False

    def mode(self, check_id: str) -> Mode:
        return self.modes.get(check_id, Mode.BLOCK)

    @classmethod
    def from_policy(
        cls, policy: Mapping[str, Any], base_dir: Path | None = None
    ) -> SelfcheckConfig:
        """Read the top-level gateway keys and the optional "selfcheck" object of the policy JSON.

        {"gateway_url", "ca_file", "pkcs11_modules", "selfcheck": {"profile": "2022"|"2017",
        "thresholds": {"cpu_ghz", "ram_gb", "disk_free_gb", "nic_mbps"},
        "modes": {id: "block"|"warn"}, "allowed_prefixes": ["10.0.0.0/8", …],
        "channel_timeout_s", "command_timeout_s", "allow_software_tokens"}}
        """
        sc = policy.get("selfcheck", {})
        if not isinstance(sc, Mapping):
            raise PolicyError("'selfcheck' must be an object")
        profile = str(sc.get("profile", DEFAULT_PROFILE))
        if profile not in PROFILES:
            raise PolicyError(
                f"'selfcheck.profile' must be one of {sorted(PROFILES)}, got {profile!r}"
            )
        thresholds = _thresholds(PROFILES[profile], sc.get("thresholds", {}))
        modes = _modes(sc.get("modes", {}))
        prefixes = tuple(_prefix(p) for p in _list(sc, "allowed_prefixes"))
        ca = policy.get("ca_file")
        ca_file = None
        if isinstance(ca, str) and ca:
            ca_file = Path(ca) if base_dir is None else (base_dir / ca)
        gateway = policy.get("gateway_url")
        return cls(
            profile=profile,
            thresholds=thresholds,
            modes=modes,
            allowed_prefixes=prefixes,
            gateway_url=gateway if isinstance(gateway, str) and gateway else None,
            ca_file=ca_file,
            pkcs11_modules=tuple(str(m) for m in _list(policy, "pkcs11_modules")),
            channel_timeout_s=_positive(sc, "channel_timeout_s", 3.0),
            command_timeout_s=_positive(sc, "command_timeout_s", 5.0),
            allow_software_tokens=sc.get("allow_software_tokens", False) is True,
        )

    def with_profile(self, profile: str) -> SelfcheckConfig:
        if profile not in PROFILES:
            raise PolicyError(f"unknown profile {profile!r}")
        return replace(self, profile=profile, thresholds=PROFILES[profile])


def _list(obj: Mapping[str, Any], key: str) -> list[Any]:
    value = obj.get(key, [])
    if not isinstance(value, list):
        raise PolicyError(f"'{key}' must be a list")
    return value


def _positive(obj: Mapping[str, Any], key: str, default: float) -> float:
    value = obj.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
        raise PolicyError(f"'selfcheck.{key}' must be a positive number")
    return float(value)


def _thresholds(base: Thresholds, raw: Any) -> Thresholds:
    if not isinstance(raw, Mapping):
        raise PolicyError("'selfcheck.thresholds' must be an object")
    unknown = set(raw) - {"cpu_ghz", "ram_gb", "disk_free_gb", "nic_mbps"}
    if unknown:
        raise PolicyError(f"'selfcheck.thresholds': unknown keys {sorted(unknown)}")
    values = {k: _positive(raw, k, 1.0) for k in raw}
    return replace(base, **values)


def _modes(raw: Any) -> dict[str, Mode]:
    if not isinstance(raw, Mapping):
        raise PolicyError("'selfcheck.modes' must be an object")
    modes: dict[str, Mode] = {}
    for key, value in raw.items():
        if key not in RULE_CHECKS:
            raise PolicyError(f"'selfcheck.modes': unknown check {key!r} (advisories never block)")
        try:
            modes[key] = Mode(value)
        except ValueError:
            raise PolicyError(f"'selfcheck.modes.{key}' must be 'block' or 'warn'") from None
    return modes


def _prefix(raw: Any) -> IPNetwork:
    try:
        return ipaddress.ip_network(str(raw), strict=False)
    except ValueError as exc:
        raise PolicyError(f"'selfcheck.allowed_prefixes': {exc}") from None
