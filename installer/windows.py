"""The Windows kit: what a Windows build host needs to freeze and package SIO Desk offline, and
the kit's own MSI (wixl) signed with osslsigncode — it installs the kit, not a frozen app."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

from installer.archive import sign_manifest, write_manifest
from installer.sourcetree import copy_source
from installer.wix import wxs

PLATFORM = "win_amd64"


Download = Callable[[Path, str, Path], None]  # (lock, platform, target folder)


def make_windows_kit(download: Download, source: Path, work: Path, out: Path, version: str,
                     epoch: int, key: Path, cert: Path) -> tuple[Path, Path]:
    """(kit folder, signed kit MSI); `download(lock, platform, target)` fills a wheelhouse."""
    kit = out / f"sio-desk-{version}-windows-kit"
    shutil.rmtree(kit, ignore_errors=True)
    copy_source(source, kit / "source")
    wheels = kit / "wheelhouse"
    for lock in ("runtime-windows.lock", "build-windows.lock"):
        download(source / "installer" / lock, PLATFORM, wheels)
    shutil.copyfile(source / "installer" / "build-windows.ps1", kit / "build-windows.ps1")
    (kit / "VERSION").write_text(version + "\n")
    (kit / "SOURCE_DATE_EPOCH").write_text(f"{epoch}\n")
    shutil.copyfile(cert, kit / "release-cert.pem")
    sign_manifest(write_manifest(kit), cert, key)
    return kit, kit_msi(kit, work, out, version, key, cert)


def kit_msi(kit: Path, work: Path, out: Path, version: str, key: Path, cert: Path) -> Path:
    """wixl MSI of the kit folder (per-machine, MajorUpgrade), Authenticode-signed here."""
    stage = work / "msi"
    shutil.rmtree(stage, ignore_errors=True)
    stage.mkdir(parents=True)
    (stage / "payload").symlink_to(kit)
    (stage / "kit.wxs").write_text(wxs(kit, version, "kit"), "utf-8")
    unsigned = stage / "kit.msi"
    subprocess.run(["wixl", "-a", "x64", "-D", "Payload=payload", "-o", unsigned.name, "kit.wxs"],
                   check=True, capture_output=True, cwd=stage)
    signed = out / f"sio-desk-{version}-windows-kit.msi"
    signed.unlink(missing_ok=True)
    subprocess.run(["osslsigncode", "sign", "-certs", str(cert), "-key", str(key), "-h", "sha256",
                    "-n", f"SIO Desk Windows build kit {version}", "-in", str(unsigned),
                    "-out", str(signed)], check=True, capture_output=True)
    return signed
