"""The .deb of the same frozen app: /opt/sio-desk, /usr/bin links, Depends on what it lacks."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

# The bundle carries its Qt, fontconfig and xcb-* libraries but not these (issue 14's finding);
# glibc is the build host's floor. Wayland only for the optional Wayland platform plug-in.
DEPENDS = "libc6 (>= 2.36), libstdc++6 (>= 12), libgl1, libegl1, libxcb1, libfontconfig1"
RECOMMENDS = "libwayland-client0, libwayland-cursor0, libwayland-egl1, softhsm2"


def control(version: str, installed_kib: int) -> str:
    return (
        "Package: sio-desk\n"
        f"Version: {version}\n"
        "Architecture: amd64\n"
        "Maintainer: SIO Desk release team <release@sio-desk.invalid>\n"
        f"Installed-Size: {installed_kib}\n"
        f"Depends: {DEPENDS}\n"
        f"Recommends: {RECOMMENDS}\n"
        "Section: misc\n"
        "Priority: optional\n"
        "Description: SIO Desk analyst client and reference gateway (frozen, offline)\n"
        " Signed queries to the law-enforcement information exchange system; the\n"
        " administrator's policy goes to /etc/xdg/sio-desk/policy.json.\n"
    )


def _clamp_times(root: Path, epoch: int) -> None:
    for dirpath, dirnames, filenames in os.walk(root):
        for name in dirnames + filenames:
            os.utime(Path(dirpath) / name, (epoch, epoch), follow_symlinks=False)
    os.utime(root, (epoch, epoch))


def build_deb(app: Path, work: Path, out: Path, version: str, epoch: int,
              env: dict[str, str]) -> Path:
    """dpkg-deb of the frozen app folder; same input and epoch, same bytes."""
    stage = work / "deb"
    shutil.rmtree(stage, ignore_errors=True)
    shutil.copytree(app, stage / "opt" / "sio-desk", symlinks=True)
    (stage / "usr" / "bin").mkdir(parents=True)
    for name in ("sio-desk", "sio-gateway"):
        (stage / "usr" / "bin" / name).symlink_to(f"/opt/sio-desk/{name}")
    size = sum(p.stat().st_size for p in stage.rglob("*") if p.is_file() and not p.is_symlink())
    (stage / "DEBIAN").mkdir()
    (stage / "DEBIAN" / "control").write_text(control(version, size // 1024 + 1))
    _clamp_times(stage, epoch)
    target = out / f"sio-desk_{version}_amd64.deb"
    # gzip -3: a fifth of level 9's time for ~5 % more bytes, and every dpkg reads it.
    subprocess.run(["dpkg-deb", "--root-owner-group", "-Zgzip", "-z3", "--build", str(stage),
                    str(target)],
                   check=True, capture_output=True, env=dict(env, SOURCE_DATE_EPOCH=str(epoch)))
    return target
