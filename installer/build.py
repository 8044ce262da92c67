"""`./run installer`: frozen app → signed air-gapped bundle in dist/ (last line: its folder).

Deterministic: SOURCE_DATE_EPOCH (the commit's time), PYTHONHASHSEED=0, no dist-info RECORD
(it names the build venv's path), sorted tar with fixed times and owners, gzip without a name.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import tomllib
from functools import partial
from pathlib import Path

from installer.archive import sign_file, sign_manifest, write_manifest, write_tar_gz
from installer.deb import build_deb
from installer.release_key import ensure_sandbox_release_key
from installer.sourcetree import copy_source, export_commit
from installer.windows import make_windows_kit

HERE = Path(__file__).resolve().parent
ARCH = "linux-x86_64"


def pip(python: Path, *args: str, env: dict[str, str] | None = None) -> None:
    """pip, hash-checked, without the noise about find-links folders this machine lacks."""
    done = subprocess.run([str(python), "-m", "pip", *args, "-q", "--disable-pip-version-check"],
                          capture_output=True, text=True, env=env, check=False)
    noise = "is ignored: it is neither a file nor a directory"
    sys.stderr.write("".join(line for line in done.stderr.splitlines(keepends=True)
                             if noise not in line))
    if done.returncode:
        raise subprocess.CalledProcessError(done.returncode, ["pip", *args])


def say(text: str) -> None:
    print(f"installer: {text}", file=sys.stderr, flush=True)


def project_version(source: Path) -> str:
    return str(tomllib.loads((source / "pyproject.toml").read_text("utf-8"))["project"]["version"])


def source_date_epoch(source: Path) -> int:
    """The last commit's time, so every clone of one commit builds the same bytes."""
    if "SOURCE_DATE_EPOCH" in os.environ:
        return int(os.environ["SOURCE_DATE_EPOCH"])
    out = subprocess.run(["git", "-C", str(source), "log", "-1", "--format=%ct"],
                         capture_output=True, text=True, check=False)
    return int(out.stdout.strip()) if out.returncode == 0 and out.stdout.strip() else 1700000000


def build_env(epoch: int) -> dict[str, str]:
    env = dict(os.environ, SOURCE_DATE_EPOCH=str(epoch), PYTHONHASHSEED="0",
               PYTHONDONTWRITEBYTECODE="1")
    env.pop("PYTHONPATH", None)
    return env


def ensure_build_venv(source: Path, venv: Path) -> Path:
    """A venv of the Linux runtime lock and the build lock, hash-checked; rebuilt when stale."""
    locks = [source / "installer" / "runtime-linux.lock", source / "installer" / "build.lock"]
    want = hashlib.sha256(b"".join(p.read_bytes() for p in locks)).hexdigest()
    stamp = venv / ".lock-digest"
    python = venv / "bin" / "python"
    if python.exists() and stamp.exists() and stamp.read_text().strip() == want:
        return python
    say(f"building the build venv {venv} from the locks (hash-checked)…")
    shutil.rmtree(venv, ignore_errors=True)
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    pip(python, "install", "--require-hashes", *[a for lock in locks for a in ("-r", str(lock))])
    stamp.write_text(want + "\n")
    return python


def freeze(python: Path, source: Path, work: Path, env: dict[str, str]) -> Path:
    """PyInstaller one-folder build; returns the app folder with the gateway link, minus RECORDs."""
    dist = work / "dist"
    subprocess.run(
        [str(python), "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "ERROR",
         "--workpath", str(work / "pyi"), "--distpath", str(dist),
         str(source / "installer" / "sio-desk.spec")], check=True, env=env, cwd=source)
    app = dist / "sio-desk"
    for record in app.rglob("*.dist-info/RECORD"):
        record.unlink()
    (app / "sio-gateway").symlink_to("sio-desk")
    return app


def _pin(name: str, version: str) -> tuple[str, str]:
    return name.lower().replace("-", "_").replace(".", "_"), version


def download_wheels(python: Path, work: Path, env: dict[str, str], lock: Path,
                    platform: str | None, target: Path) -> None:
    """A lock's wheels, hash-checked (cached in work/), copied into `target` with the lock."""
    cache = work / f"wheels-{platform or 'linux'}"
    cache.mkdir(parents=True, exist_ok=True)
    extra = ["--only-binary=:all:"]
    if platform:
        extra += ["--platform", platform, "--python-version", "3.11", "--implementation", "cp"]
    pip(python, "download", "--no-deps", "--require-hashes", "-r", str(lock), "-d", str(cache),
        *extra, env=env)
    target.mkdir(parents=True, exist_ok=True)
    pinned = {_pin(*line.split(" ")[0].split("==")) for line in lock.read_text().splitlines()
              if "==" in line and line[:1].isalpha()}
    for wheel in sorted(cache.glob("*.whl")):  # the cache may hold other locks' wheels too
        if _pin(*wheel.name.split("-")[:2]) in pinned:
            shutil.copy2(wheel, target / wheel.name)
    shutil.copy2(lock, target / lock.name)


def project_wheel(python: Path, source: Path, work: Path, target: Path,
                  env: dict[str, str]) -> None:
    """sio-desk's own wheel, built from a copy so the checkout gains no build/ or egg-info."""
    tree = work / "wheel-src"
    copy_source(source, tree)
    out = work / "wheel-out"
    shutil.rmtree(out, ignore_errors=True)
    pip(python, "wheel", "--no-deps", "--no-build-isolation", "-w", str(out), str(tree), env=env)
    for wheel in out.glob("sio_desk-*.whl"):
        shutil.copy2(wheel, target / wheel.name)


def copy_docs(source: Path, bundle: Path) -> None:
    docs = source / "docs" / "admin"
    if docs.is_dir():
        shutil.copytree(docs, bundle / "docs", dirs_exist_ok=True)


def make_bundle(source: Path, work: Path, out: Path, version: str, key: Path, cert: Path,
                reuse_frozen: bool = False, packages: bool = True) -> Path:
    """The signed bundle folder; with `packages`, also the .deb and the Windows kit beside it."""
    epoch = source_date_epoch(source)
    env = build_env(epoch)
    python = ensure_build_venv(source, work / "venv")
    app = work / "dist" / "sio-desk"
    if reuse_frozen and (app / "sio-gateway").is_symlink():
        say(f"re-packaging the frozen app already in {app} as {version}")
    else:
        say(f"freezing sio-desk {version} (SOURCE_DATE_EPOCH={epoch})…")
        app = freeze(python, source, work, env)
    bundle = out / f"sio-desk-{version}-{ARCH}"
    shutil.rmtree(bundle, ignore_errors=True)
    bundle.mkdir(parents=True)
    say("archiving the frozen app…")
    write_tar_gz(app, bundle / f"sio-desk-{version}-{ARCH}.tar.gz", epoch)
    for script in ("install.sh", "uninstall.sh"):
        shutil.copyfile(source / "installer" / script, bundle / script)
        (bundle / script).chmod(0o755)
    (bundle / "VERSION").write_text(version + "\n")
    shutil.copyfile(cert, bundle / "release-cert.pem")
    shutil.copyfile(source / "installer" / "policy.example.json", bundle / "policy.example.json")
    copy_docs(source, bundle)
    say("collecting the Linux wheelhouse…")
    download_wheels(python, work, env, source / "installer" / "runtime-linux.lock", None,
                    bundle / "wheelhouse")
    project_wheel(python, source, work, bundle / "wheelhouse", env)
    sign_manifest(write_manifest(bundle), cert, key)
    if packages:
        say("the .deb, the Windows kit and its MSI…")
        sign_file(build_deb(app, work, out, version, epoch, env), cert, key)
        make_windows_kit(partial(download_wheels, python, work, env), source, work, out,
                         version, epoch, key, cert)
    return bundle


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="./run installer", description=__doc__)
    p.add_argument("--source", type=Path, default=HERE.parent, help="the checkout to build")
    p.add_argument("--work", type=Path, default=None,
                   help="build folder (default SOURCE/build/installer)")
    p.add_argument("--out", type=Path, default=None, help="output folder (default SOURCE/dist)")
    p.add_argument("--version", default=None, help="bundle version (default: pyproject's)")
    p.add_argument("--release-key", type=Path, default=None,
                   help="release private key PEM (default: the sandbox release key)")
    p.add_argument("--release-cert", type=Path, default=None, help="release certificate PEM")
    p.add_argument("--reuse-frozen", action="store_true",
                   help="package the frozen app a previous build left in the build folder")
    p.add_argument("--working-tree", action="store_true",
                   help="build the checkout as it is, uncommitted changes too (default: HEAD)")
    p.add_argument("--bundle-only", action="store_true",
                   help="only the Linux bundle: no .deb, no Windows kit")
    return p


def main(argv: list[str]) -> int:
    args = parser().parse_args(argv)
    checkout = args.source.resolve()
    work = (args.work or checkout / "build" / "installer").resolve()
    out = (args.out or checkout / "dist").resolve()
    source = checkout
    # The medium is made from a commit, so it is what the commit's tests ran against.
    if not args.working_tree and export_commit(checkout, work / "src"):
        os.environ.setdefault("SOURCE_DATE_EPOCH", str(source_date_epoch(checkout)))
        source = work / "src"
        say(f"building the committed tree (HEAD) exported to {source}")
    if (args.release_key is None) != (args.release_cert is None):
        print("installer: give both --release-key and --release-cert, or neither", file=sys.stderr)
        return 2
    if args.release_key is None:
        key, cert = ensure_sandbox_release_key(work / "sandbox-release")
        say(f"signing with the SANDBOX release key {key} (not for production media)")
    else:
        key, cert = args.release_key.resolve(), args.release_cert.resolve()
    bundle = make_bundle(source, work, out, args.version or project_version(source), key, cert,
                         args.reuse_frozen, not args.bundle_only)
    print(bundle)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
