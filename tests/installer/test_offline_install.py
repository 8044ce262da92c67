"""Issue 14, Done when: the bundle installs, runs, upgrades and goes away on a machine with no
network (a namespace with only `lo`); strace sees no connect() beyond loopback."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.installer.conftest import NEWER, Built
from tests.installer.offline import Offline, offline_machine, outside_connects

POLICY = {"gateway_url": "https://gw.example.internal:8443", "ca_file": "ca.pem",
          "trust_dir": "trust", "operator_certificates": ["op.pem"]}


def _tree(path: Path) -> list[str]:
    return sorted(str(p.relative_to(path)) for p in path.rglob("*")) if path.exists() else []


def _install(m: Offline, bundle: Path, prefix: Path, *extra: str | Path,
             log: Path | None = None) -> subprocess.CompletedProcess[str]:
    return m.run("bash", bundle / "install.sh", "--prefix", prefix, *extra, strace_log=log)


def _demo(m: Offline, prefix: Path, log: Path, *extra: str) -> dict[str, object]:
    done = m.run(prefix / "bin" / "sio-desk", "demo", "--headless", "--json", *extra,
                 strace_log=log)
    assert done.returncode == 0, done.stderr[-3000:]
    assert outside_connects(log) == [], "the demo tried to reach beyond loopback"
    assert 'inet_addr("127.' in log.read_text(), "strace saw none of the demo's own connects"
    return json.loads(done.stdout)


@pytest.mark.req("R-WS-5")
def test_offline_install_run_upgrade_and_purge(built: Built, tmp_path: Path) -> None:
    prefix = Path("/opt/sio-desk-test") / tmp_path.name  # not under /root: that is replaced
    data = tmp_path / "root" / ".local" / "share" / "sio-desk"
    policy = tmp_path / "policy.json"
    policy.write_text(json.dumps(POLICY))
    try:
        with offline_machine(tmp_path) as m:
            assert m.interfaces() == ["lo"]
            conf = m.conf / "sio-desk"

            # First install: the release certificate comes from outside the medium.
            log = tmp_path / "install.strace"
            done = _install(m, built.bundle, prefix, "--release-cert", built.release_cert,
                            "--policy", policy, log=log)
            assert done.returncode == 0, done.stderr
            assert outside_connects(log) == []
            assert (conf / "release-cert.pem").read_bytes() == built.release_cert.read_bytes()
            assert json.loads((conf / "policy.json").read_text()) == POLICY
            assert (prefix / "bin" / "sio-desk").resolve().is_relative_to(
                prefix / "versions" / built.version)

            check = m.run(prefix / "bin" / "sio-desk", "selfcheck", "--json")
            assert check.returncode <= 2, check.stderr[-3000:]
            assert json.loads(check.stdout)["checks"]
            gateway = m.run(prefix / "bin" / "sio-gateway", "--help")
            assert gateway.returncode == 0 and "sio-gateway" in gateway.stdout
            first = _demo(m, prefix, tmp_path / "demo1.strace")
            assert first["queries"] and data.is_dir()
            kept = _tree(data)

            # A second policy is not written over the first unless told; nothing changes.
            other = tmp_path / "other.json"
            other.write_text(json.dumps(dict(POLICY, lang="kk")))
            before = _tree(prefix)
            done = _install(m, built.newer, prefix, "--policy", other)
            assert done.returncode == 4 and "replace-policy" in done.stderr
            assert _tree(prefix) == before
            assert json.loads((conf / "policy.json").read_text()) == POLICY

            # Upgrade (the pinned certificate now suffices): side by side, links switched,
            # user data kept.
            done = _install(m, built.newer, prefix)
            assert done.returncode == 0, done.stderr
            assert {p.name for p in (prefix / "versions").iterdir()} == {built.version, NEWER}
            assert (prefix / "bin" / "sio-gateway").resolve().is_relative_to(
                prefix / "versions" / NEWER)
            assert set(kept) <= set(_tree(data))
            # The upgraded copy on the same sandbox data (two resources: the first run did all).
            second = _demo(m, prefix, tmp_path / "demo2.strace", "--resources", "1,19")
            assert second["queries"]

            # Back to the older version only when forced.
            done = _install(m, built.bundle, prefix)
            assert done.returncode == 4 and "allow-downgrade" in done.stderr
            assert (prefix / "current").resolve().name == NEWER

            # Removal with purge: the program, every user's data, the policy and the pin.
            (tmp_path / "home" / "analyst" / ".local" / "share" / "sio-desk").mkdir(parents=True)
            done = m.run("bash", prefix / "uninstall.sh", "--purge-user-data")
            assert done.returncode == 0, done.stderr
            assert not prefix.exists()
            assert not data.exists()
            assert not (tmp_path / "home" / "analyst" / ".local" / "share" / "sio-desk").exists()
            assert not conf.exists()
    finally:
        shutil.rmtree(prefix, ignore_errors=True)
        if prefix.parent.exists() and not any(prefix.parent.iterdir()):
            prefix.parent.rmdir()
