"""Issue 14: the .deb of the same frozen app and the Windows kit with its signed MSI."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from installer.deb import DEPENDS
from tests.installer.conftest import Built


def _run(*argv: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(list(map(str, argv)), capture_output=True, text=True, timeout=600,
                          check=False)


def _cms_verify(signature: Path, content: Path, cert: Path) -> subprocess.CompletedProcess[str]:
    return _run("openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", signature,
                "-content", content, "-nointern", "-certfile", cert, "-CAfile", cert,
                "-purpose", "any", "-out", "/dev/null")


@pytest.mark.req("R-WS-5")
def test_deb_holds_the_same_frozen_app_and_is_signed(built: Built, tmp_path: Path) -> None:
    deb = built.bundle.parent / f"sio-desk_{built.version}_amd64.deb"
    info = _run("dpkg-deb", "--field", deb, "Package", "Version", "Depends")
    assert info.returncode == 0, info.stderr
    assert f"Version: {built.version}" in info.stdout and f"Depends: {DEPENDS}" in info.stdout
    _run("dpkg-deb", "-x", deb, tmp_path / "root").check_returncode()
    archive = next(built.bundle.glob("sio-desk-*.tar.gz"))
    _run("tar", "-xzf", archive, "-C", tmp_path).check_returncode()
    frozen = (tmp_path / "sio-desk" / "sio-desk").read_bytes()
    assert (tmp_path / "root" / "opt" / "sio-desk" / "sio-desk").read_bytes() == frozen
    assert (tmp_path / "root" / "usr" / "bin" / "sio-gateway").readlink() == \
        Path("/opt/sio-desk/sio-gateway")
    assert _cms_verify(deb.with_name(deb.name + ".sig"), deb, built.release_cert).returncode == 0


@pytest.mark.req("R-WS-5")
def test_windows_kit_is_complete_signed_and_its_msi_authenticode_signed(built: Built) -> None:
    out = built.bundle.parent
    kit = out / f"sio-desk-{built.version}-windows-kit"
    wheels = {p.name for p in (kit / "wheelhouse").glob("*.whl")}
    assert any(n.startswith("pyside6_essentials-") and n.endswith("win_amd64.whl") for n in wheels)
    assert any(n.startswith("pyinstaller-") and "win_amd64" in n for n in wheels)
    for name in ("build-windows.ps1", "source/installer/sio-desk.spec",
                 "source/installer/runtime-windows.lock", "source/installer/build-windows.lock"):
        assert (kit / name).is_file(), name
    hashes = subprocess.run(["sha256sum", "--check", "--strict", "--quiet", "MANIFEST.sha256"],
                            cwd=kit, capture_output=True, text=True, check=False)
    assert hashes.returncode == 0, hashes.stdout
    assert _cms_verify(kit / "MANIFEST.sha256.sig", kit / "MANIFEST.sha256",
                       built.release_cert).returncode == 0
    msi = out / f"sio-desk-{built.version}-windows-kit.msi"
    verified = _run("osslsigncode", "verify", "-CAfile", built.release_cert, "-in", msi)
    assert verified.returncode == 0, verified.stdout + verified.stderr
    upgrade = _run("msiinfo", "export", msi, "Upgrade").stdout
    assert "WIX_UPGRADE_DETECTED" in upgrade and "WIX_DOWNGRADE_DETECTED" in upgrade
    directories = _run("msiinfo", "export", msi, "Directory").stdout
    assert "POLICYDIR\tCommonAppDataFolder\tsio-desk" in directories
    assert "ALLUSERS\t1" in _run("msiinfo", "export", msi, "Property").stdout
