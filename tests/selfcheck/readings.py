"""Injected readings of a compliant workstation, shared by the self-check and GUI tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.selfcheck import Readers
from app.selfcheck.advisory import Finding
from app.selfcheck.carrier import CarrierReading, ModuleReading, TokenSeen
from app.selfcheck.hardware import GB, GIB, CpuReading, DiskReading, NicReading, RamReading
from app.selfcheck.network import PUBLIC_PROBES, Lookup, NetworkReading
from app.selfcheck.pdf import PdfReading


def compliant_readers(**over: Any) -> Readers:
    """Every check PASS (but the channel, which needs a gateway); replace one reading at a time."""
    base: dict[str, Any] = dict(
        cpu=lambda: CpuReading(3400.0),
        ram=lambda: RamReading(8 * GIB),
        disk=lambda: DiskReading(Path("/data"), 200 * GB),
        nic=lambda target: NicReading("eth0", 1000.0),
        network=lambda: NetworkReading(
            tuple(Lookup(t, False, error="ENETUNREACH") for t in PUBLIC_PROBES), (), "fake"
        ),
        carrier=lambda: CarrierReading((ModuleReading("/x/jc.so", (TokenSeen("t", "1"),)),)),
        pdf=lambda: PdfReading("evince.desktop"),
        disk_encryption=lambda: Finding(True, "LUKS"),
        swap=lambda: Finding(True, "none"),
        screen_lock=lambda: Finding(True, "after 300 s"),
    )
    base.update(over)
    return Readers(**base)
