"""Issue 14: a tampered medium is refused and leaves nothing behind — one changed byte in the
app archive or in a wheel, an added file, a rewritten manifest, a foreign release certificate."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from installer.archive import MANIFEST, sign_manifest, write_manifest
from tests.installer.conftest import Built


def _rewrite(path: Path, change: Callable[[bytes], bytes]) -> None:
    """A new file in place of a hard link, so the session's bundle stays as built."""
    data = change(path.read_bytes())
    path.unlink()
    path.write_bytes(data)


def _flip(data: bytes) -> bytes:
    middle = len(data) // 2
    return data[:middle] + bytes([data[middle] ^ 0x01]) + data[middle + 1:]


def _archive(bundle: Path) -> Path:
    return next(bundle.glob("sio-desk-*.tar.gz"))


def byte_in_archive(bundle: Path, _: Path) -> None:
    _rewrite(_archive(bundle), _flip)


def byte_in_wheel(bundle: Path, _: Path) -> None:
    _rewrite(min((bundle / "wheelhouse").glob("*.whl"), key=lambda p: p.stat().st_size), _flip)


def added_file(bundle: Path, _: Path) -> None:
    (bundle / "run-me-first.sh").write_text("#!/bin/sh\nid\n")


def rewritten_manifest(bundle: Path, _: Path) -> None:
    """The archive changed and the manifest recomputed to match; its signature is the old one."""
    _rewrite(_archive(bundle), _flip)
    (bundle / MANIFEST).unlink()
    write_manifest(bundle)


def foreign_release_cert(bundle: Path, work: Path) -> None:
    """Someone else's key signs a recomputed manifest and puts its own certificate on the medium."""
    key, cert = work / "foreign-key.pem", work / "foreign-cert.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "30",
                    "-subj", "/CN=SIO Desk release signing", "-keyout", str(key), "-out",
                    str(cert)], check=True, capture_output=True)
    _rewrite(_archive(bundle), _flip)
    _rewrite(bundle / "release-cert.pem", lambda _: cert.read_bytes())
    for name in (MANIFEST, MANIFEST + ".sig"):
        (bundle / name).unlink()
    sign_manifest(write_manifest(bundle), cert, key)


def _copy(bundle: Path, target: Path) -> Path:
    subprocess.run(["cp", "-al", str(bundle), str(target)], check=True)
    return target


def _tree(path: Path) -> list[tuple[str, bytes]]:
    return sorted((str(p.relative_to(path)), p.read_bytes() if p.is_file() else b"")
                  for p in path.rglob("*"))


@pytest.mark.req("R-WS-5")
@pytest.mark.parametrize("tamper", [byte_in_archive, byte_in_wheel, added_file,
                                    rewritten_manifest, foreign_release_cert],
                         ids=lambda f: f.__name__)
def test_tampered_medium_refused_with_nothing_left(built: Built, tmp_path: Path,
                                                   tamper: Callable[[Path, Path], None]) -> None:
    medium = _copy(built.bundle, tmp_path / "medium")
    tamper(medium, tmp_path)
    conf = tmp_path / "etc-xdg"
    (conf / "sio-desk").mkdir(parents=True)
    (conf / "sio-desk" / "release-cert.pem").write_bytes(built.release_cert.read_bytes())
    before = _tree(conf)
    prefix = tmp_path / "prefix"
    env = dict(os.environ, XDG_CONFIG_DIRS=str(conf))
    done = subprocess.run(["bash", str(medium / "install.sh"), "--prefix", str(prefix)],
                          capture_output=True, text=True, env=env, timeout=300, check=False)
    assert done.returncode == 3, done.stderr
    assert "REFUSED" in done.stderr and "nothing was installed" in done.stderr
    assert not prefix.exists()
    assert _tree(conf) == before


@pytest.mark.req("R-WS-5")
def test_first_install_needs_a_release_cert_from_outside(built: Built, tmp_path: Path) -> None:
    """The certificate on the medium vouches for nothing: without a pin or --release-cert, no."""
    conf, prefix = tmp_path / "etc-xdg", tmp_path / "prefix"
    env = dict(os.environ, XDG_CONFIG_DIRS=str(conf))
    done = subprocess.run(["bash", str(built.bundle / "install.sh"), "--prefix", str(prefix)],
                          capture_output=True, text=True, env=env, timeout=300, check=False)
    assert done.returncode == 3 and "--release-cert" in done.stderr
    assert not prefix.exists() and not conf.exists()


@pytest.mark.req("R-WS-5")
def test_disk_full_while_unpacking_rolls_back(built: Built, tmp_path: Path) -> None:
    """A real failure after the checks (the target is a 20 MB tmpfs): exit 5, nothing left."""
    small = tmp_path / "small"
    small.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=20m", "tmpfs", str(small)], check=True)
    try:
        conf, prefix = tmp_path / "etc-xdg", small / "sio-desk"
        env = dict(os.environ, XDG_CONFIG_DIRS=str(conf))
        done = subprocess.run(
            ["bash", str(built.bundle / "install.sh"), "--prefix", str(prefix),
             "--release-cert", str(built.release_cert)],
            capture_output=True, text=True, env=env, timeout=300, check=False)
        assert done.returncode == 5 and "undoing" in done.stderr, done.stderr
        assert not prefix.exists() and not conf.exists()
        assert list(small.iterdir()) == []
    finally:
        subprocess.run(["umount", str(small)], check=False)
