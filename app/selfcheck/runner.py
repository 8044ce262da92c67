"""Runs the checks concurrently within their timeouts and assembles the report."""

from __future__ import annotations

import time
from collections.abc import Callable, Collection
from concurrent.futures import Future, ThreadPoolExecutor, as_completed
from dataclasses import dataclass, replace

from app.selfcheck import advisory, carrier, channel, hardware, network, pdf
from app.selfcheck.model import CheckResult, Report, Status, ordered
from app.selfcheck.thresholds import ADVISORY_CHECKS, ALL_CHECKS, SelfcheckConfig

Progress = Callable[[int, int, CheckResult], None]

# Checks that wait on a device, a helper program or the network: left out of fast_only runs.
SLOW_CHECKS = frozenset({"channel", "token", *ADVISORY_CHECKS})


@dataclass(frozen=True)
class Readers:
    """Where the readings come from. Tests replace single readers with fakes."""

    cpu: Callable[[], hardware.CpuReading]
    ram: Callable[[], hardware.RamReading]
    disk: Callable[[], hardware.DiskReading]
    nic: Callable[[channel.Target | None], hardware.NicReading]
    network: Callable[[], network.NetworkReading]
    carrier: Callable[[], carrier.CarrierReading]
    pdf: Callable[[], pdf.PdfReading]
    disk_encryption: Callable[[], advisory.Finding]
    swap: Callable[[], advisory.Finding]
    screen_lock: Callable[[], advisory.Finding]

    @classmethod
    def system(cls, config: SelfcheckConfig) -> Readers:
        t = config.command_timeout_s
        data = config.data_dir or hardware.data_dir()
        return cls(
            cpu=lambda: hardware.read_cpu(timeout=t),
            ram=hardware.read_ram,
            disk=lambda: hardware.read_disk(data),
            nic=lambda target: read_channel_nic(target, t),
            network=lambda: network.read_network(t),
            carrier=lambda: carrier.read_carrier(config.pkcs11_modules),
            pdf=lambda: pdf.read_pdf(t),
            disk_encryption=lambda: advisory.read_disk_encryption(data, t),
            swap=lambda: advisory.read_swap(timeout=t),
            screen_lock=lambda: advisory.read_screen_lock(t),
        )


def read_channel_nic(target: channel.Target | None, timeout: float) -> hardware.NicReading:
    """The card that routes to the gateway (not just any card), and its link speed."""
    if target is None:
        return hardware.NicReading(None, None, ("no gateway configured",), "nic_no_channel")
    if not target.addresses:
        return hardware.NicReading(
            None, None, (f"gateway {target.host}: {target.detail}",), "nic_no_route"
        )
    routes, _ = network.read_routes(timeout)
    found = network.lookup_with_route(target.addresses[0], routes, timeout)
    if not found.reachable or found.route is None:
        return hardware.NicReading(
            None,
            None,
            (f"route to {target.addresses[0]}: {found.error or 'not identified'}",),
            "nic_no_route",
        )
    reading = hardware.read_nic_speed(found.route.interface, timeout=timeout)
    evidence = (
        f"route to gateway {target.addresses[0]}: {found.route.describe()}",
        *reading.evidence,
    )
    return replace(reading, evidence=evidence, reason=reading.reason or "nic_unknown_speed")


def run_checks(
    config: SelfcheckConfig,
    *,
    fast_only: bool = False,
    progress: Progress | None = None,
    only: Collection[str] | None = None,
    readers: Readers | None = None,
) -> Report:
    """Run every check (or `only` some; `fast_only` skips the slow ones) and return the report.

    `progress(done, total, result)` is called in the caller's thread as each check finishes.
    """
    started = time.monotonic()
    readers = readers or Readers.system(config)
    wanted = [
        c
        for c in ALL_CHECKS
        if (only is None or c in only) and not (fast_only and c in SLOW_CHECKS)
    ]
    th = config.thresholds
    jobs: dict[str, Callable[[], CheckResult]] = {
        "cpu": lambda: hardware.check_cpu(readers.cpu(), th.cpu_ghz, config.mode("cpu")),
        "ram": lambda: hardware.check_ram(readers.ram(), th.ram_gb, config.mode("ram")),
        "disk": lambda: hardware.check_disk(readers.disk(), th.disk_free_gb, config.mode("disk")),
        "nic": lambda: hardware.check_nic(readers.nic(gateway()), th.nic_mbps, config.mode("nic")),
        "internet": lambda: network.check_internet(
            readers.network(), config.allowed_prefixes, config.mode("internet")
        ),
        "channel": lambda: channel.check_channel(
            config.gateway_url,
            config.ca_file,
            config.channel_timeout_s,
            config.mode("channel"),
            target=gateway(),
        ),
        "token": lambda: carrier.check_token(
            readers.carrier(), config.mode("token"), allow_software=config.allow_software_tokens
        ),
        "pdf": lambda: pdf.check_pdf(readers.pdf(), config.mode("pdf")),
        "disk_encryption": lambda: advisory.check_disk_encryption(readers.disk_encryption()),
        "swap": lambda: advisory.check_swap(readers.swap()),
        "screen_lock": lambda: advisory.check_screen_lock(readers.screen_lock()),
    }
    results: list[CheckResult] = []
    # One thread per check: each is bounded by its own timeout, so the run takes the slowest.
    with ThreadPoolExecutor(max_workers=len(wanted) + 1, thread_name_prefix="selfcheck") as pool:
        target_future: Future[channel.Target] | None = None
        if config.gateway_url and {"nic", "channel"} & set(wanted):
            # Resolve the gateway once: the channel and the NIC check both need its address.
            target_future = pool.submit(
                channel.resolve, config.gateway_url, config.channel_timeout_s
            )

        def gateway() -> channel.Target | None:
            return target_future.result() if target_future else None

        futures = {pool.submit(_timed, cid, jobs[cid]): cid for cid in wanted}
        for future in as_completed(futures):
            result = future.result()
            results.append(result)
            if progress is not None:
                progress(len(results), len(wanted), result)
    return Report(
        ordered(results, ALL_CHECKS),
        profile=config.profile,
        duration_s=time.monotonic() - started,
        partial=fast_only or only is not None,
    )


def _timed(check_id: str, job: Callable[[], CheckResult]) -> CheckResult:
    started = time.monotonic()
    try:
        result = job()
    except Exception as exc:  # a broken reader must show up as unknown, never as a pass
        result = CheckResult(
            check_id,
            "" if check_id in ADVISORY_CHECKS else _REQ.get(check_id, ""),
            Status.UNDETERMINED,
            reason="check_crashed",
            args={"detail": f"{type(exc).__name__}: {exc}"},
            evidence=(f"{type(exc).__name__}: {exc}",),
            advisory=check_id in ADVISORY_CHECKS,
        )
    return replace(result, duration_s=time.monotonic() - started)


_REQ = {
    "cpu": "R-WS-2",
    "ram": "R-WS-2",
    "disk": "R-WS-2",
    "nic": "R-WS-2",
    "internet": "R-WS-5",
    "channel": "R-WS-4",
    "token": "R-WS-1",
    "pdf": "R-WS-3",
}
