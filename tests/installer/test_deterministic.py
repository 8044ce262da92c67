"""Issue 14: what makes two builds equal — the archive and manifest writers, and the locks."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from installer.archive import MANIFEST, write_manifest, write_tar_gz

ROOT = Path(__file__).resolve().parents[2]


def _tree(base: Path, mtime: int) -> Path:
    app = base / "sio-desk"
    (app / "_internal" / "lib").mkdir(parents=True)
    (app / "sio-desk").write_bytes(b"\x7fELF frozen")
    (app / "sio-desk").chmod(0o755)
    (app / "sio-gateway").symlink_to("sio-desk")
    (app / "_internal" / "lib" / "b.py").write_text("b = 2\n")
    (app / "_internal" / "a.txt").write_text("a\n")
    for p in app.rglob("*"):
        if not p.is_symlink():
            os.utime(p, (mtime, mtime))
    return app


def test_same_tree_in_two_folders_gives_the_same_archive(tmp_path: Path) -> None:
    one, two = _tree(tmp_path / "x", 1_000_000), _tree(tmp_path / "elsewhere" / "y", 2_000_000)
    write_tar_gz(one, tmp_path / "one.tar.gz", 1_700_000_000)
    write_tar_gz(two, tmp_path / "two.tar.gz", 1_700_000_000)
    assert (tmp_path / "one.tar.gz").read_bytes() == (tmp_path / "two.tar.gz").read_bytes()
    (two / "_internal" / "a.txt").write_text("A\n")
    write_tar_gz(two, tmp_path / "two.tar.gz", 1_700_000_000)
    assert (tmp_path / "one.tar.gz").read_bytes() != (tmp_path / "two.tar.gz").read_bytes()


def test_manifest_lists_every_file_and_refuses_links(tmp_path: Path) -> None:
    bundle = tmp_path / "bundle"
    (bundle / "docs").mkdir(parents=True)
    (bundle / "VERSION").write_text("1.0\n")
    (bundle / "docs" / "en.md").write_text("guide\n")
    lines = write_manifest(bundle).read_text().splitlines()
    assert [line.split("  ")[1] for line in lines] == ["VERSION", "docs/en.md"]
    (bundle / MANIFEST).unlink()
    (bundle / "link").symlink_to("VERSION")
    with pytest.raises(ValueError, match="only regular files"):
        write_manifest(bundle)


def _pins(path: Path) -> dict[str, str]:
    return {m[0].lower(): m[1] for m in re.findall(r"^([A-Za-z0-9_.-]+)==(\S+)", path.read_text(),
                                                   re.M)}


@pytest.mark.parametrize("lock", ["runtime-linux.lock", "runtime-windows.lock"])
def test_runtime_locks_pin_what_requirements_lock_pins(lock: str) -> None:
    """The frozen app and the wheelhouses carry the versions the tests ran against."""
    universal, platform = _pins(ROOT / "requirements.lock"), _pins(ROOT / "installer" / lock)
    assert platform and all(universal.get(name) == version for name, version in platform.items())
