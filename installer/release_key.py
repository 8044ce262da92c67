"""The sandbox release key: a self-signed RSA certificate made once per build folder by openssl."""

from __future__ import annotations

import subprocess
from pathlib import Path

SUBJECT = "/O=SIO Desk sandbox/CN=SIO Desk SANDBOX release signing (not for production)"


def ensure_sandbox_release_key(directory: Path) -> tuple[Path, Path]:
    """(key, cert) in `directory`; made on first use and kept, so rebuilds pin the same cert."""
    key, cert = directory / "release-key.pem", directory / "release-cert.pem"
    if key.exists() and cert.exists():
        return key, cert
    directory.mkdir(parents=True, exist_ok=True)
    directory.chmod(0o700)
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:3072", "-nodes", "-sha256", "-days", "3650",
         "-subj", SUBJECT, "-keyout", str(key), "-out", str(cert),
         "-addext", "keyUsage=critical,digitalSignature",
         "-addext", "extendedKeyUsage=codeSigning",
         "-addext", "basicConstraints=critical,CA:FALSE"],
        check=True, capture_output=True)
    key.chmod(0o600)
    return key, cert
