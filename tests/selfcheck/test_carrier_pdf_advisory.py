"""R-WS-1 carrier, R-WS-3 PDF reader, and the advisories (never part of the verdict)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from app.selfcheck.advisory import Finding, check_swap, read_disk_encryption, read_swap
from app.selfcheck.carrier import CarrierReading, ModuleReading, TokenSeen, check_token
from app.selfcheck.model import Status
from app.selfcheck.pdf import PdfReading, check_pdf, read_pdf

ROOT = Path(__file__).resolve().parents[2]
HW = TokenSeen("AFM-1", "0042", "Aladdin R.D.", "JaCarta GOST")
SOFT = TokenSeen("sandbox", "9", "SoftHSM project", "SoftHSM v2")


@pytest.mark.req("R-WS-1")
@pytest.mark.parametrize(
    ("reading", "reason"),
    [
        (CarrierReading((ModuleReading("/usr/lib/libjcPKCS11-2.so", (HW,)),)), "token_ok"),
        (CarrierReading((ModuleReading("/usr/lib/libjcPKCS11-2.so"),)), "token_absent"),
        (
            CarrierReading((ModuleReading("/x/bad.so", error="CKR_GENERAL_ERROR"),)),
            "token_module_error",
        ),
        (CarrierReading(()), "token_no_module"),
        (
            CarrierReading((ModuleReading("/usr/lib/softhsm/libsofthsm2.so", (SOFT,)),)),
            "token_software",
        ),
        (CarrierReading((), error="no python-pkcs11"), "token_no_support"),
    ],
)
def test_token_check(reading: CarrierReading, reason: str) -> None:
    result = check_token(reading)
    assert result.reason == reason
    assert result.status is (Status.PASS if reason == "token_ok" else Status.FAIL)


@pytest.mark.req("R-WS-1", "R-AUTH-4")
def test_software_token_passes_only_where_allowed() -> None:
    reading = CarrierReading((ModuleReading("/usr/lib/softhsm/libsofthsm2.so", (SOFT,)),))
    assert check_token(reading, allow_software=True).status is Status.PASS


SOFTHSM = next(
    (
        p
        for p in (
            "/usr/lib/softhsm/libsofthsm2.so",
            "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
        )
        if Path(p).exists()
    ),
    None,
)


@pytest.mark.req("R-WS-1")
@pytest.mark.softhsm
@pytest.mark.skipif(
    SOFTHSM is None or shutil.which("softhsm2-util") is None,
    reason="SoftHSM2 is not installed (./run test installs it)",
)
def test_real_pkcs11_module_and_token(tmp_path: Path) -> None:
    """Through signing.pkcs11 with a real module, in a child so SOFTHSM2_CONF is its own."""
    (tmp_path / "tokens").mkdir()
    conf = tmp_path / "softhsm2.conf"
    conf.write_text(f"directories.tokendir = {tmp_path / 'tokens'}\nobjectstore.backend = file\n")
    env = dict(os.environ, SOFTHSM2_CONF=str(conf))
    policy = tmp_path / "policy.json"
    policy.write_text(
        json.dumps({"pkcs11_modules": [SOFTHSM], "selfcheck": {"allow_software_tokens": True}})
    )

    def token_check() -> dict[str, object]:
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "app.selfcheck",
                "--json",
                "--only",
                "token",
                "--policy",
                str(policy),
            ],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        return json.loads(done.stdout)["checks"][0]

    assert token_check()["reason"] == "token_absent"  # module loads, no token yet
    subprocess.run(
        [
            "softhsm2-util",
            "--init-token",
            "--free",
            "--label",
            "selfcheck-t",
            "--pin",
            "1234",
            "--so-pin",
            "123456",
        ],
        env=env,
        check=True,
        capture_output=True,
        timeout=30,
    )
    check = token_check()
    assert (check["status"], check["value"]) == ("PASS", "selfcheck-t")


@pytest.mark.req("R-WS-3")
def test_pdf_check() -> None:
    assert check_pdf(PdfReading("org.gnome.Evince.desktop")).status is Status.PASS
    assert check_pdf(PdfReading(None, ("okular (/usr/bin/okular)",))).value == "okular"
    text_only = check_pdf(PdfReading(None, (), ("pdftotext (/usr/bin/pdftotext)",)))
    assert text_only.status is Status.FAIL  # extracting text is not reading a document


@pytest.mark.req("R-WS-3")
def test_pdf_reader_finds_viewers_on_path() -> None:
    found = {"okular": "/usr/bin/okular", "pdftotext": "/usr/bin/pdftotext"}
    reading = read_pdf(which=found.get)
    assert reading.viewers == ("okular (/usr/bin/okular)",)
    assert reading.extractors == ("pdftotext (/usr/bin/pdftotext)",)


def _sysblock(root: Path, name: str, uuid: str | None = None, slaves: tuple[str, ...] = ()) -> None:
    d = root / "class/block" / name
    (d / "slaves").mkdir(parents=True, exist_ok=True)
    if uuid:
        (d / "dm").mkdir(exist_ok=True)
        (d / "dm/uuid").write_text(uuid + "\n")
    for s in slaves:
        (d / "slaves" / s).mkdir(exist_ok=True)


def test_swap_advisory(tmp_path: Path) -> None:
    proc, sys_root = tmp_path / "proc", tmp_path / "sys"
    proc.mkdir()
    _sysblock(sys_root, "dm-1", "CRYPT-PLAIN-swap", ("sda3",))
    _sysblock(sys_root, "sda3")
    _sysblock(sys_root, "sda2")
    header = "Filename\tType\tSize\tUsed\tPriority\n"
    cases = [
        ("", True, "none"),
        ("/dev/zram0 partition 1 0 100\n", True, "zram"),
        ("/dev/dm-1 partition 1 0 -2\n", True, "encrypted"),
        ("/dev/sda2 partition 1 0 -2\n", False, "/dev/sda2"),
    ]
    for line, ok, value in cases:
        (proc / "swaps").write_text(header + line)
        found = read_swap(proc, sys_root)
        assert (found.ok, found.value) == (ok, value), line


def test_advisories_never_change_the_verdict() -> None:
    result = check_swap(Finding(False, "/dev/sda2"))
    assert result.advisory and result.status is Status.FAIL and result.requirement == ""


def test_disk_encryption_follows_lvm_down_to_luks(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    dev = data.stat().st_dev
    if os.major(dev) == 0:
        pytest.skip("the test directory is on an anonymous device (tmpfs/overlay)")
    sys_root = tmp_path / "sys"
    _sysblock(sys_root, "dm-2", "LVM-abc", ("dm-0",))
    _sysblock(sys_root, "dm-0", "CRYPT-LUKS2-1234-root", ("vda2",))
    _sysblock(sys_root, "vda2")
    (sys_root / "dev/block").mkdir(parents=True)
    link = sys_root / "dev/block" / f"{os.major(dev)}:{os.minor(dev)}"
    link.symlink_to(sys_root / "class/block/dm-2")
    found = read_disk_encryption(data, sys_root=sys_root)
    assert (found.ok, found.value) == (True, "LUKS2")
    link.unlink()
    link.symlink_to(sys_root / "class/block/vda2")
    assert read_disk_encryption(data, sys_root=sys_root).ok is False
