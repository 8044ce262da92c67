"""Beyond the rules, reported as advice only: disk encryption, swap, OS screen lock.

They protect results on the device (R-RES-1, R-RES-3) but the orders do not demand them, so
they never change the overall verdict.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from app.selfcheck.model import CheckResult, Mode, Status
from app.selfcheck.system import IS_WINDOWS, read_text, run


@dataclass(frozen=True)
class Finding:
    """An advisory's reading: encrypted/locked yes, no or unknown, with the facts."""

    ok: bool | None
    value: str
    evidence: tuple[str, ...] = ()


def _advice(check_id: str, finding: Finding, ok: str, bad: str) -> CheckResult:
    status = {True: Status.PASS, False: Status.FAIL, None: Status.UNDETERMINED}[finding.ok]
    reason = {True: ok, False: bad, None: "unknown"}[finding.ok]
    return CheckResult(
        check_id,
        "",
        status,
        finding.value,
        None,
        "",
        reason,
        {"value": finding.value},
        finding.evidence,
        advisory=True,
        mode=Mode.WARN,
    )


def check_disk_encryption(finding: Finding) -> CheckResult:
    return _advice("disk_encryption", finding, "encryption_on", "encryption_off")


def check_swap(finding: Finding) -> CheckResult:
    return _advice("swap", finding, "swap_ok", "swap_plain")


def check_screen_lock(finding: Finding) -> CheckResult:
    return _advice("screen_lock", finding, "lock_on", "lock_off")


# ----------------------------------------------------------------------------- disk encryption


def _dm_chain(dev: str, sys_root: Path, depth: int = 0) -> list[str]:
    """dm uuids of `dev` (sysfs block dir) and every device beneath it (LVM on LUKS, …)."""
    if depth > 6:
        return []
    base = sys_root / "class/block" / dev
    uuids = [u.strip()] if (u := read_text(base / "dm/uuid")) else []
    try:
        slaves = sorted(os.listdir(base / "slaves"))
    except OSError:
        slaves = []
    for s in slaves:
        uuids += _dm_chain(s, sys_root, depth + 1)
    return uuids


def read_disk_encryption(
    path: Path, timeout: float = 5.0, sys_root: Path = Path("/sys")
) -> Finding:
    """Is the volume holding `path` on dm-crypt (LUKS) / BitLocker?"""
    if IS_WINDOWS:
        return _bitlocker(path, timeout)
    probe = path
    while not probe.exists() and probe.parent != probe:
        probe = probe.parent
    st_dev = probe.stat().st_dev
    major, minor = os.major(st_dev), os.minor(st_dev)
    link = sys_root / "dev/block" / f"{major}:{minor}"
    if major == 0 or not link.exists():
        # btrfs subvolumes, overlay and tmpfs have anonymous devices; fall back to what exists.
        luks = [
            d.name
            for d in sorted((sys_root / "block").glob("dm-*"))
            if (read_text(d / "dm/uuid") or "").startswith("CRYPT-LUKS")
        ]
        if luks:
            return Finding(
                None,
                "LUKS present",
                (
                    f"{probe} is on an anonymous device {major}:{minor}",
                    f"LUKS devices: {', '.join(luks)}",
                ),
            )
        return Finding(
            None,
            "unknown",
            (
                f"{probe} is on device {major}:{minor} with no block "
                "device behind it (overlay/tmpfs/btrfs?)",
            ),
        )
    dev = link.resolve().name
    chain = _dm_chain(dev, sys_root)
    crypt = [u for u in chain if u.startswith("CRYPT-")]
    evidence = (
        f"{probe} is on /dev/{dev} ({major}:{minor})",
        f"device-mapper chain: {', '.join(chain) or 'none'}",
    )
    if crypt:
        return Finding(True, crypt[0].split("-")[1], evidence)
    return Finding(False, "not encrypted", evidence)


def _bitlocker(path: Path, timeout: float) -> Finding:
    drive = (path.drive or "C:").rstrip("\\")
    out = run(["manage-bde", "-status", drive], timeout)  # needs an elevated prompt
    if out:
        m = re.search(r"Protection Status:\s*(.+)", out)
        conv = re.search(r"Conversion Status:\s*(.+)", out)
        evidence = tuple(x.group(0).strip() for x in (m, conv) if x)
        if m:
            return Finding("on" in m.group(1).lower().split(), m.group(1).strip(), evidence)
    # Without elevation the shell's property still answers: 1 on, 3 encrypting, 2/0 off.
    out = run(
        [
            "powershell",
            "-NoProfile",
            "-NonInteractive",
            "-Command",
            f"(New-Object -ComObject Shell.Application).NameSpace('{drive}')"
            ".Self.ExtendedProperty('System.Volume.BitLockerProtection')",
        ],
        timeout,
    )
    value = (out or "").strip()
    if value.isdigit():
        code = int(value)
        return Finding(
            code in (1, 3, 5),
            {1: "on", 3: "encrypting"}.get(code, "off"),
            (f"System.Volume.BitLockerProtection of {drive}: {code}",),
        )
    return Finding(
        None, "unknown", (f"manage-bde and the shell property gave no answer for {drive}",)
    )


# ----------------------------------------------------------------------------- swap


def read_swap(
    proc_root: Path = Path("/proc"), sys_root: Path = Path("/sys"), timeout: float = 5.0
) -> Finding:
    """Swap that reaches a disk must be encrypted; no swap or zram (memory) is fine."""
    if IS_WINDOWS:
        return _windows_pagefile(timeout)
    text = read_text(proc_root / "swaps")
    if text is None:
        return Finding(None, "unknown", ("/proc/swaps unreadable",))
    areas = [line.split()[0] for line in text.splitlines()[1:] if line.strip()]
    if not areas:
        return Finding(True, "none", ("/proc/swaps: no swap areas",))
    evidence: list[str] = []
    plain: list[str] = []
    for area in areas:
        name = Path(os.path.realpath(area)).name
        if name.startswith("zram"):
            evidence.append(f"{area}: compressed RAM, never on disk")
            continue
        if (sys_root / "class/block" / name).exists():
            chain = _dm_chain(name, sys_root)
        else:  # a swap file: judge the volume that holds it
            found = read_disk_encryption(Path(area), timeout, sys_root)
            chain = ["CRYPT-file-volume"] if found.ok else []
        crypt = any(u.startswith("CRYPT-") for u in chain)
        evidence.append(f"{area}: {'dm-crypt' if crypt else 'not encrypted'}")
        if not crypt:
            plain.append(area)
    if plain:
        return Finding(False, ", ".join(plain), tuple(evidence))
    return Finding(
        True, "encrypted" if any("dm-crypt" in e for e in evidence) else "zram", tuple(evidence)
    )


def _windows_pagefile(timeout: float) -> Finding:
    out = run(["fsutil", "behavior", "query", "EncryptPagingFile"], timeout)
    m = re.search(r"EncryptPagingFile\s*=\s*(\d)", out or "")
    if m:
        return Finding(m.group(1) == "1", f"EncryptPagingFile={m.group(1)}", (m.group(0),))
    return Finding(None, "unknown", ("fsutil behavior query EncryptPagingFile gave no answer",))


# ----------------------------------------------------------------------------- screen lock


def read_screen_lock(timeout: float = 5.0) -> Finding:
    """Does the OS lock the screen when idle? GNOME settings / the Windows screen-saver policy."""
    if IS_WINDOWS:
        return _windows_screen_lock()
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        # Without a desktop session gsettings answers the schema's defaults, which prove nothing.
        return Finding(None, "unknown", ("no graphical session (DISPLAY, WAYLAND_DISPLAY unset)",))
    lock = run(["gsettings", "get", "org.gnome.desktop.screensaver", "lock-enabled"], timeout)
    if lock is None:
        return Finding(None, "unknown", ("GNOME settings unavailable; other desktops not read",))
    idle = run(["gsettings", "get", "org.gnome.desktop.session", "idle-delay"], timeout) or ""
    seconds = re.search(r"(\d+)\s*$", idle.strip())
    delay = int(seconds.group(1)) if seconds else None
    evidence = (
        f"org.gnome.desktop.screensaver lock-enabled: {lock.strip()}",
        f"org.gnome.desktop.session idle-delay: {idle.strip() or 'unknown'}",
    )
    if lock.strip() != "true":
        return Finding(False, "lock disabled", evidence)
    if delay == 0:  # 0 means never idle, so never locked
        return Finding(False, "never idle", evidence)
    return Finding(True, f"after {delay} s" if delay else "enabled", evidence)


def _windows_screen_lock() -> Finding:
    try:
        import winreg
    except ImportError:
        return Finding(None, "unknown", ("registry unavailable",))
    evidence: list[str] = []
    values: dict[str, str] = {}
    hkcu = winreg.HKEY_CURRENT_USER  # type: ignore[attr-defined,unused-ignore]
    # Group policy first: it overrides what the user set.
    for path in (
        r"Software\Policies\Microsoft\Windows\Control Panel\Desktop",
        r"Control Panel\Desktop",
    ):
        try:
            with winreg.OpenKey(hkcu, path) as key:  # type: ignore[attr-defined,unused-ignore]
                for name in ("ScreenSaverIsSecure", "ScreenSaveActive", "ScreenSaveTimeOut"):
                    try:
                        v = str(winreg.QueryValueEx(key, name)[0])  # type: ignore[attr-defined,unused-ignore]
                    except OSError:
                        continue
                    values.setdefault(name, v)
                    evidence.append(f"HKCU\\{path} {name} = {v}")
        except OSError:
            continue
    if not values:
        return Finding(None, "unknown", ("no screen-saver settings in the registry",))
    secure = values.get("ScreenSaverIsSecure") == "1" and values.get("ScreenSaveActive", "1") == "1"
    timeout_s = values.get("ScreenSaveTimeOut", "?")
    return Finding(secure, f"after {timeout_s} s" if secure else "not secure", tuple(evidence))
