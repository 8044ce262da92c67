"""Deterministic archives and the signed manifest: the same tree gives the same bytes."""

from __future__ import annotations

import gzip
import hashlib
import os
import stat
import subprocess
import tarfile
from collections.abc import Iterator
from pathlib import Path

MANIFEST = "MANIFEST.sha256"
SIGNATURE = "MANIFEST.sha256.sig"


def _entries(root: Path) -> Iterator[Path]:
    """Every path under root, parents before children, in byte order of their names."""
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        base = Path(dirpath)
        for name in sorted(dirnames + filenames):
            yield base / name


def _normalised(info: tarfile.TarInfo, mtime: int) -> tarfile.TarInfo:
    info.mtime = mtime
    info.uid = info.gid = 0
    info.uname = info.gname = "root"
    if info.isdir() or info.mode & stat.S_IXUSR:
        info.mode = 0o755
    elif not info.issym():
        info.mode = 0o644
    return info


def write_tar_gz(source: Path, target: Path, mtime: int) -> None:
    """Tar `source` as its own folder name: sorted, fixed times and owners, gzip without a name."""
    with target.open("wb") as raw, gzip.GzipFile(
            filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=6) as gz, \
            tarfile.open(fileobj=gz, mode="w", format=tarfile.PAX_FORMAT) as tar:
        top = tar.gettarinfo(str(source), arcname=source.name)
        tar.addfile(_normalised(top, mtime))
        for path in _entries(source):
            info = _normalised(tar.gettarinfo(str(path), arcname=str(
                Path(source.name) / path.relative_to(source))), mtime)
            if info.isfile():
                with path.open("rb") as handle:
                    tar.addfile(info, handle)
            else:
                tar.addfile(info)


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def write_manifest(bundle: Path) -> Path:
    """`sha256sum` lines for every file in the bundle but the manifest and its signature."""
    lines = []
    for path in _entries(bundle):
        rel = path.relative_to(bundle).as_posix()
        if rel in (MANIFEST, SIGNATURE) or path.is_dir():
            continue
        if path.is_symlink() or not path.is_file():
            raise ValueError(f"{rel}: only regular files may be in a bundle")
        lines.append(f"{sha256_file(path)}  {rel}\n")
    manifest = bundle / MANIFEST
    manifest.write_text("".join(lines), "utf-8")
    return manifest


def sign_manifest(manifest: Path, cert: Path, key: Path) -> Path:
    """Detached DER CMS signature of the manifest with the release key (openssl cms)."""
    return sign_file(manifest, cert, key, manifest.with_name(SIGNATURE))


def sign_file(path: Path, cert: Path, key: Path, signature: Path | None = None) -> Path:
    """Detached DER CMS signature (`FILE.sig` unless named) with the release key."""
    signature = signature or path.with_name(path.name + ".sig")
    subprocess.run(
        ["openssl", "cms", "-sign", "-binary", "-md", "sha256", "-in", str(path),
         "-signer", str(cert), "-inkey", str(key), "-outform", "DER", "-out", str(signature)],
        check=True, capture_output=True)
    return signature
