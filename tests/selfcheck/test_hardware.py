"""R-WS-2 hardware checks: injected readings at, below and above each threshold, and 0/unknown;
the readers against fake sysfs/procfs trees."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.selfcheck.hardware import (
    GB,
    GIB,
    CpuReading,
    DiskReading,
    NicReading,
    RamReading,
    check_cpu,
    check_disk,
    check_nic,
    check_ram,
    read_cpu,
    read_disk,
    read_nic_speed,
    read_ram,
)
from app.selfcheck.model import Status
from app.selfcheck.thresholds import PROFILES

T22, T17 = PROFILES["2022"], PROFILES["2017"]
P, F, U = Status.PASS, Status.FAIL, Status.UNDETERMINED


@pytest.mark.req("R-WS-2")
@pytest.mark.parametrize(
    ("mhz", "current", "status"),
    [
        (3100.0, None, P),  # at
        (3099.998, None, P),  # at, as firmware rounds it
        (3000.0, None, F),  # below
        (3400.0, 800.0, P),  # above; a throttled current clock does not matter
        (None, 3500.0, U),  # only the current clock: weaker evidence, never a pass
        (None, 1200.0, U),
        (0.0, None, U),  # VMs report 0
        (None, None, U),
    ],
)
def test_cpu_check(mhz: float | None, current: float | None, status: Status) -> None:
    result = check_cpu(CpuReading(mhz, current), T22.cpu_ghz)
    assert result.status is status
    assert result.requirement == "R-WS-2" and result.threshold == 3.1


@pytest.mark.req("R-WS-2")
def test_cpu_2017_profile_accepts_what_2022_refuses() -> None:
    reading = CpuReading(2400.0)
    assert check_cpu(reading, T17.cpu_ghz).status is P
    assert check_cpu(reading, T22.cpu_ghz).status is F


@pytest.mark.req("R-WS-2")
@pytest.mark.parametrize(
    ("total", "installed", "status"),
    [
        (4 * GIB, True, P),
        (4 * GIB - 256 * 1024**2, True, F),
        (8 * GIB, True, P),
        (int(3.8 * GIB), False, P),  # usable MemTotal of a 4 GiB machine
        (int(3.5 * GIB), False, F),
        (0, True, U),
        (None, False, U),
    ],
)
def test_ram_check(total: int | None, installed: bool, status: Status) -> None:
    assert check_ram(RamReading(total, installed), T22.ram_gb).status is status


@pytest.mark.req("R-WS-2")
@pytest.mark.parametrize(
    ("free", "status"),
    [(80 * GB, P), (80 * GB - 10**8, F), (500 * GB, P), (0, U), (None, U)],
)
def test_disk_check(free: int | None, status: Status) -> None:
    result = check_disk(DiskReading(Path("/data"), free), T22.disk_free_gb)
    assert result.status is status
    assert check_disk(DiskReading(Path("/d"), 25 * GB), T17.disk_free_gb).status is P


@pytest.mark.req("R-WS-2")
@pytest.mark.parametrize(
    ("speed", "status"), [(100.0, P), (10.0, F), (1000.0, P), (0.0, U), (None, U)]
)
def test_nic_check(speed: float | None, status: Status) -> None:
    result = check_nic(NicReading("eth0", speed), T22.nic_mbps)
    assert result.status is status
    assert result.args["interface"] == "eth0"


def _write(root: Path, rel: str, text: str) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)


@pytest.mark.req("R-WS-2")
def test_cpu_reader_prefers_base_frequency_over_turbo_and_model_name(tmp_path: Path) -> None:
    for n in (0, 1):
        _write(tmp_path, f"sys/devices/system/cpu/cpu{n}/cpufreq/cpuinfo_max_freq", "4700000\n")
        _write(tmp_path, f"sys/devices/system/cpu/cpu{n}/cpufreq/base_frequency", "2500000\n")
    _write(
        tmp_path,
        "proc/cpuinfo",
        "model name\t: Intel(R) Core(TM) i5 CPU @ 3.40GHz\ncpu MHz\t\t: 800.000\n",
    )
    reading = read_cpu(tmp_path)
    assert reading.max_mhz == 2500 and reading.current_mhz == 800
    assert check_cpu(reading, 3.1).status is F


@pytest.mark.req("R-WS-2")
def test_cpu_reader_falls_back_to_rated_clock_in_model_name(tmp_path: Path) -> None:
    _write(
        tmp_path,
        "proc/cpuinfo",
        "model name\t: Intel(R) Xeon(R) CPU E5-2667 v2 @ 3.30GHz\ncpu MHz\t\t: 1200.0\n"
        "model name\t: Intel(R) Xeon(R) CPU E5-2667 v2 @ 3.30GHz\ncpu MHz\t\t: 3300.0\n",
    )
    reading = read_cpu(tmp_path)
    assert reading.max_mhz == 3300 and reading.current_mhz == 3300
    _write(tmp_path, "proc/cpuinfo", "model name\t: Intel(R) Xeon(R) Processor\ncpu MHz : 2299.9\n")
    reading = read_cpu(tmp_path)
    assert reading.max_mhz is None and reading.current_mhz == pytest.approx(2299.9)


@pytest.mark.req("R-WS-2")
def test_ram_reader_counts_online_blocks_else_memtotal(tmp_path: Path) -> None:
    _write(tmp_path, "proc/meminfo", "MemTotal:        3987456 kB\n")
    assert read_ram(tmp_path) == RamReading(3987456 * 1024, False, read_ram(tmp_path).evidence)
    _write(tmp_path, "sys/devices/system/memory/block_size_bytes", "8000000\n")
    for n in range(33):
        _write(tmp_path, f"sys/devices/system/memory/memory{n}/online", "0\n" if n == 32 else "1\n")
    reading = read_ram(tmp_path)
    assert reading.installed and reading.total_bytes == 32 * 0x8000000 == 4 * GIB


@pytest.mark.req("R-WS-2")
def test_disk_reader_walks_up_to_an_existing_parent(tmp_path: Path) -> None:
    reading = read_disk(tmp_path / "not" / "yet" / "created")
    assert reading.free_bytes and reading.free_bytes > 0
    assert f"measured at {tmp_path}" in " ".join(reading.evidence)


@pytest.mark.req("R-WS-2")
def test_nic_reader_looks_under_bridges_and_vlans(tmp_path: Path) -> None:
    net = tmp_path / "sys/class/net"
    _write(tmp_path, "sys/class/net/eth0/speed", "1000\n")
    _write(tmp_path, "sys/class/net/eth1/speed", "-1\n")
    (net / "br0/brif").mkdir(parents=True)
    (net / "br0/brif/eth0").mkdir()
    (net / "vlan10").mkdir()
    (net / "vlan10/lower_eth1").mkdir()
    assert read_nic_speed("eth0", tmp_path).speed_mbps == 1000
    assert read_nic_speed("br0", tmp_path).speed_mbps == 1000  # bridge: speed of its member
    assert read_nic_speed("vlan10", tmp_path).speed_mbps is None  # -1: unknown, not 0 Mbit/s
    assert read_nic_speed("missing", tmp_path).speed_mbps is None
