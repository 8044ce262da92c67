"""Issue 14: the WiX source — per machine, MajorUpgrade, the policy folder, stable GUIDs."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from installer.wix import msi_version, wxs


def _payload(base: Path) -> Path:
    (base / "_internal" / "PySide6").mkdir(parents=True)
    (base / "sio-desk.exe").write_bytes(b"MZ frozen")
    (base / "sio-gateway.exe").write_bytes(b"MZ frozen")
    (base / "_internal" / "PySide6" / "Qt6Core.dll").write_bytes(b"MZ qt")
    return base


def test_same_folder_same_source_and_the_msi_rules(tmp_path: Path) -> None:
    one = wxs(_payload(tmp_path / "a"), "1.2.3", "app")
    assert one == wxs(_payload(tmp_path / "elsewhere" / "b"), "1.2.3", "app")
    assert 'InstallScope="perMachine"' in one and "<MajorUpgrade " in one
    assert '<Directory Id="CommonAppDataFolder">' in one and 'Name="sio-desk"' in one
    assert "policy.json" not in one  # the MSI never writes the policy
    assert one.count("<Component ") == 4 and 'Source="$(var.Payload)/_internal/PySide6/' in one


def test_msi_version_fits_msi() -> None:
    assert msi_version("0.1.0") == "0.1.0" and msi_version("2.3") == "2.3.0"
    with pytest.raises(ValueError, match="at most"):
        msi_version("256.0.0")


@pytest.mark.skipif(shutil.which("wixl") is None, reason="wixl (msitools) is not installed")
def test_wixl_builds_it(tmp_path: Path) -> None:
    _payload(tmp_path / "payload")
    (tmp_path / "app.wxs").write_text(wxs(tmp_path / "payload", "1.2.3", "app"))
    subprocess.run(["wixl", "-a", "x64", "-D", "Payload=payload", "-o", "app.msi", "app.wxs"],
                   cwd=tmp_path, check=True, capture_output=True)
    files = subprocess.run(["msiinfo", "export", str(tmp_path / "app.msi"), "File"],
                           capture_output=True, text=True, check=True).stdout
    assert "sio-desk.exe" in files and "sio-gateway.exe" in files and "Qt6Core.dll" in files
