"""R-WS-2 — CPU clock, RAM, free disk and the channel's network card: readers and checks.

Readers return plain readings (tests pass fakes); checks judge readings against thresholds.
"""

from __future__ import annotations

import ctypes
import glob
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_data_path

from app.selfcheck.model import CheckResult, Mode, Status
from app.selfcheck.system import IS_WINDOWS, as_list, powershell_json, read_text

GIB = 1024**3
GB = 1000**3
# MemTotal is what the kernel may use: firmware and the kernel image keep part of the installed
# memory, so a 4 GiB machine shows ~3.8 GiB. Only for that weaker reading do we allow the gap.
USABLE_RAM_ALLOWANCE = 0.06


@dataclass(frozen=True)
class CpuReading:
    max_mhz: float | None  # base/maximum clock — what the rule means; None: not found
    current_mhz: float | None = None  # the present (possibly throttled) clock: weaker evidence
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True)
class RamReading:
    total_bytes: int | None
    installed: bool = True  # False: only the usable total (MemTotal) is known
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True)
class DiskReading:
    path: Path
    free_bytes: int | None
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True)
class NicReading:
    interface: str | None  # the card that routes to the protected channel
    speed_mbps: float | None
    evidence: tuple[str, ...] = ()
    reason: str = ""  # why the interface or speed is unknown: "no_channel", "no_route", …


# ----------------------------------------------------------------------------- readers


def read_cpu(root: Path = Path("/"), timeout: float = 5.0) -> CpuReading:
    """Base clock from cpufreq (base_frequency, then cpuinfo_max_freq), then /proc/cpuinfo."""
    if IS_WINDOWS:
        return _windows_cpu(timeout)
    evidence: list[str] = []
    best: float | None = None
    pattern = str(root / "sys/devices/system/cpu/cpu[0-9]*/cpufreq")
    # intel_pstate's cpuinfo_max_freq is the turbo clock; base_frequency is the rated one.
    for name in ("base_frequency", "cpuinfo_max_freq"):
        khz = [_int(read_text(Path(d) / name)) for d in sorted(glob.glob(pattern))]
        known = [k for k in khz if k]
        if known:
            best = max(known) / 1000
            evidence.append(f"cpufreq {name}: {max(known)} kHz on {len(known)} CPUs")
            break
    current: float | None = None
    info = read_text(root / "proc/cpuinfo")
    if info:
        model = re.search(r"^model name\s*:\s*(.+)$", info, re.MULTILINE)
        if model:
            evidence.append(f"/proc/cpuinfo model name: {model.group(1).strip()}")
            rated = re.search(r"@\s*([\d.]+)\s*([GM])Hz", model.group(1))
            if rated and best is None:
                best = float(rated.group(1)) * (1000 if rated.group(2) == "G" else 1)
        mhz = [float(m) for m in re.findall(r"^cpu MHz\s*:\s*([\d.]+)", info, re.MULTILINE)]
        if mhz:
            current = max(mhz)
            evidence.append(f"/proc/cpuinfo cpu MHz (current, max of {len(mhz)}): {current:.0f}")
    return CpuReading(best or None, current or None, tuple(evidence))


def _windows_cpu(timeout: float) -> CpuReading:
    rows = as_list(
        powershell_json(
            "Get-CimInstance Win32_Processor | Select-Object Name,MaxClockSpeed,CurrentClockSpeed "
            "| ConvertTo-Json -Compress",
            timeout,
        )
    )
    speeds = [r.get("MaxClockSpeed") for r in rows if isinstance(r, dict)]
    known = [float(s) for s in speeds if isinstance(s, int | float) and s > 0]
    if known:
        names = "; ".join(str(r.get("Name", "")).strip() for r in rows)
        return CpuReading(
            max(known),
            None,
            (f"Win32_Processor.MaxClockSpeed: {max(known):.0f} MHz", f"processor: {names}"),
        )
    try:  # no PowerShell/CIM: the nominal clock the firmware reported
        import winreg

        with winreg.OpenKey(  # type: ignore[attr-defined,unused-ignore]
            winreg.HKEY_LOCAL_MACHINE,  # type: ignore[attr-defined,unused-ignore]
            r"HARDWARE\DESCRIPTION\System\CentralProcessor\0",
        ) as key:
            mhz = float(winreg.QueryValueEx(key, "~MHz")[0])  # type: ignore[attr-defined,unused-ignore]
        return CpuReading(mhz or None, None, (f"registry CentralProcessor\\0 ~MHz: {mhz:.0f}",))
    except (ImportError, OSError, ValueError):
        return CpuReading(None, None, ("Win32_Processor and registry unavailable",))


def read_ram(root: Path = Path("/")) -> RamReading:
    """Installed memory (online memory blocks / GetPhysicallyInstalledSystemMemory), else usable."""
    if IS_WINDOWS:
        return _windows_ram()
    mem = root / "sys/devices/system/memory"
    block = read_text(mem / "block_size_bytes")
    if block:
        online = [
            d
            for d in glob.glob(str(mem / "memory[0-9]*"))
            if (read_text(Path(d) / "online") or "1").strip() == "1"
        ]
        if online:
            size = int(block.strip(), 16) * len(online)
            return RamReading(
                size,
                True,
                (f"{len(online)} online memory blocks of 0x{block.strip()} bytes ({mem})",),
            )
    info = read_text(root / "proc/meminfo") or ""
    m = re.search(r"^MemTotal:\s*(\d+)\s*kB", info, re.MULTILINE)
    if m:
        return RamReading(
            int(m.group(1)) * 1024, False, (f"/proc/meminfo MemTotal: {m.group(1)} kB",)
        )
    return RamReading(None, False, ("no memory information found",))


def _windows_ram() -> RamReading:
    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined,unused-ignore]
    kb = ctypes.c_ulonglong(0)
    if kernel32.GetPhysicallyInstalledSystemMemory(ctypes.byref(kb)) and kb.value:
        return RamReading(
            kb.value * 1024, True, (f"GetPhysicallyInstalledSystemMemory: {kb.value} KB",)
        )

    class MemoryStatusEx(ctypes.Structure):
        _fields_ = [
            ("dwLength", ctypes.c_ulong),
            ("dwMemoryLoad", ctypes.c_ulong),
            ("ullTotalPhys", ctypes.c_ulonglong),
            ("ullAvailPhys", ctypes.c_ulonglong),
            ("ullTotalPageFile", ctypes.c_ulonglong),
            ("ullAvailPageFile", ctypes.c_ulonglong),
            ("ullTotalVirtual", ctypes.c_ulonglong),
            ("ullAvailVirtual", ctypes.c_ulonglong),
            ("ullAvailExtendedVirtual", ctypes.c_ulonglong),
        ]

    status = MemoryStatusEx()
    status.dwLength = ctypes.sizeof(MemoryStatusEx)
    if kernel32.GlobalMemoryStatusEx(ctypes.byref(status)):
        return RamReading(
            status.ullTotalPhys,
            False,
            (f"GlobalMemoryStatusEx ullTotalPhys: {status.ullTotalPhys}",),
        )
    return RamReading(None, False, ("GlobalMemoryStatusEx failed",))


def data_dir() -> Path:
    return user_data_path("sio-desk", appauthor=False)


def read_disk(path: Path | None = None) -> DiskReading:
    """Free space for this user on the volume that holds (or will hold) the app's data."""
    target = path or data_dir()
    probe = target
    while not probe.exists() and probe.parent != probe:  # first launch: not created yet
        probe = probe.parent
    try:
        usage = shutil.disk_usage(probe)
    except OSError as exc:
        return DiskReading(target, None, (f"disk_usage({probe}): {exc}",))
    return DiskReading(
        target,
        usage.free,
        (
            f"data directory {target}" + ("" if probe == target else f" (measured at {probe})"),
            f"free {usage.free} of {usage.total} bytes",
        ),
    )


def read_nic_speed(interface: str, root: Path = Path("/"), timeout: float = 5.0) -> NicReading:
    """Link speed of `interface`; for bridges, VLANs and bonds, of the card underneath."""
    if IS_WINDOWS:
        return _windows_nic(interface, timeout)
    base = root / "sys/class/net"
    evidence: list[str] = []
    seen: set[str] = set()

    def speed(name: str, depth: int) -> float | None:
        if name in seen or depth > 4:
            return None
        seen.add(name)
        mbps = _int(read_text(base / name / "speed"))  # -1 or EINVAL: unknown (VMs, no link)
        evidence.append(f"{base / name / 'speed'}: {mbps if mbps else 'unknown'}")
        if mbps:
            return float(mbps)
        lower = [p.name.removeprefix("lower_") for p in (base / name).glob("lower_*")]
        lower += [p.name for p in (base / name / "brif").glob("*")]
        speeds = [s for s in (speed(n, depth + 1) for n in sorted(lower)) if s]
        return max(speeds) if speeds else None

    return NicReading(interface, speed(interface, 0), tuple(evidence))


def _windows_nic(interface: str, timeout: float) -> NicReading:
    rows = as_list(
        powershell_json(
            "Get-NetAdapter | Select-Object Name,InterfaceDescription,ReceiveLinkSpeed,Status "
            "| ConvertTo-Json -Compress",
            timeout,
        )
    )
    for row in rows:
        if isinstance(row, dict) and row.get("Name") == interface:
            bps = row.get("ReceiveLinkSpeed")
            mbps = bps / 1e6 if isinstance(bps, int | float) and bps > 0 else None
            return NicReading(
                interface,
                mbps,
                (
                    f"Get-NetAdapter {interface} ({row.get('InterfaceDescription')}): "
                    f"ReceiveLinkSpeed {bps} bit/s, {row.get('Status')}",
                ),
            )
    return NicReading(interface, None, (f"Get-NetAdapter: no adapter named {interface}",))


def _int(text: str | None) -> int | None:
    try:
        value = int((text or "").strip())
    except ValueError:
        return None
    return value if value > 0 else None


# ----------------------------------------------------------------------------- checks


def _verdict(value: float | None, minimum: float) -> Status:
    if value is None or value <= 0:  # 0/unknown (typical in VMs) proves nothing
        return Status.UNDETERMINED
    # Readings are rounded by firmware and units (3.1 GHz may read 3099.998 MHz): half a unit
    # of the last shown digit is tolerance, not a pass for a slower machine.
    return Status.PASS if value >= minimum * 0.9995 else Status.FAIL


def check_cpu(reading: CpuReading, minimum_ghz: float, mode: Mode = Mode.BLOCK) -> CheckResult:
    """R-WS-2: the base clock ≥ minimum. The current clock alone never passes (turbo, throttle)."""
    if reading.max_mhz:
        ghz = reading.max_mhz / 1000
        status = _verdict(ghz, minimum_ghz)
        reason = "cpu_ok" if status is Status.PASS else "cpu_low"
        return CheckResult(
            "cpu",
            "R-WS-2",
            status,
            round(ghz, 3),
            minimum_ghz,
            "GHz",
            reason,
            {"value": round(ghz, 2), "threshold": minimum_ghz},
            reading.evidence,
            mode=mode,
        )
    current = round(reading.current_mhz / 1000, 3) if reading.current_mhz else None
    return CheckResult(
        "cpu",
        "R-WS-2",
        Status.UNDETERMINED,
        current,
        minimum_ghz,
        "GHz",
        "cpu_current_only" if current else "unknown",
        {"value": current, "threshold": minimum_ghz},
        reading.evidence,
        mode=mode,
    )


def check_ram(reading: RamReading, minimum_gib: float, mode: Mode = Mode.BLOCK) -> CheckResult:
    """R-WS-2: RAM ≥ minimum GiB."""
    value = round(reading.total_bytes / GIB, 2) if reading.total_bytes else None
    floor = minimum_gib * (1 if reading.installed else 1 - USABLE_RAM_ALLOWANCE)
    status = _verdict(value, floor)
    evidence = reading.evidence
    if (
        not reading.installed
        and status is Status.PASS
        and value is not None
        and value < minimum_gib
    ):
        evidence += (
            f"usable memory within {USABLE_RAM_ALLOWANCE:.0%} of {minimum_gib} GiB "
            "(firmware and kernel reserve)",
        )
    reason = {Status.PASS: "ram_ok", Status.FAIL: "ram_low"}.get(status, "unknown")
    return CheckResult(
        "ram",
        "R-WS-2",
        status,
        value,
        minimum_gib,
        "GiB",
        reason,
        {"value": value, "threshold": minimum_gib},
        evidence,
        mode=mode,
    )


def check_disk(reading: DiskReading, minimum_gb: float, mode: Mode = Mode.BLOCK) -> CheckResult:
    """R-WS-2: free space ≥ minimum GB on the data volume."""
    value = round(reading.free_bytes / GB, 1) if reading.free_bytes else None
    status = _verdict(value, minimum_gb)
    reason = {Status.PASS: "disk_ok", Status.FAIL: "disk_low"}.get(status, "unknown")
    return CheckResult(
        "disk",
        "R-WS-2",
        status,
        value,
        minimum_gb,
        "GB",
        reason,
        {"value": value, "threshold": minimum_gb, "path": str(reading.path)},
        reading.evidence,
        mode=mode,
    )


def check_nic(reading: NicReading, minimum_mbps: float, mode: Mode = Mode.BLOCK) -> CheckResult:
    """R-WS-2: link speed of the card that carries the protected channel ≥ minimum."""
    status = _verdict(reading.speed_mbps, minimum_mbps)
    reason = {Status.PASS: "nic_ok", Status.FAIL: "nic_low"}.get(
        status, reading.reason or "unknown"
    )
    return CheckResult(
        "nic",
        "R-WS-2",
        status,
        reading.speed_mbps,
        minimum_mbps,
        "Mbit/s",
        reason,
        {
            "value": reading.speed_mbps,
            "threshold": minimum_mbps,
            "interface": reading.interface or "?",
        },
        reading.evidence,
        mode=mode,
    )
