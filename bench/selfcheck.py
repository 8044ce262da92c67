"""Self-check time with the channel up, beside a bare TLS handshake measured in the same run.

python -m bench.selfcheck  — a loopback TLS server with a throwaway CA plays the gateway.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import socket
import ssl
import statistics
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from bench.figures import Figure, Goal


@dataclass(frozen=True)
class Pki:
    ca_file: Path
    cert_file: Path
    key_file: Path


def make_pki(directory: Path, name: str = "gateway") -> Pki:
    """A throwaway CA and a server certificate for 127.0.0.1 / localhost (P-256, fast)."""
    now = dt.datetime.now(dt.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, f"Throwaway {name} CA")])
    ca = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(False, False, False, False, False, True, True, False, False),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), False)
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)]))
        .issuer_name(ca_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
            ),
            critical=False,
        )
        .add_extension(x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.SERVER_AUTH]), False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), False
        )
        .sign(ca_key, hashes.SHA256())
    )
    pki = Pki(directory / f"{name}-ca.pem", directory / f"{name}.pem", directory / f"{name}.key")
    pki.ca_file.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    pki.cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    pki.key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return pki


class TlsServer:
    """Accepts on 127.0.0.1, completes each TLS handshake, then closes: a gateway's front door."""

    def __init__(self, pki: Pki) -> None:
        self._ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        self._ctx.load_cert_chain(pki.cert_file, pki.key_file)
        self._sock = socket.create_server(("127.0.0.1", 0))
        self._sock.settimeout(0.05)  # accept() must notice the stop flag: close() won't wake it
        self.port = self._sock.getsockname()[1]
        self.url = f"https://127.0.0.1:{self.port}"
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, name="bench-tls", daemon=True)

    def __enter__(self) -> TlsServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._sock.close()
        self._thread.join(2)

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            threading.Thread(target=self._handshake, args=(conn,), daemon=True).start()

    def _handshake(self, conn: socket.socket) -> None:
        conn.settimeout(5)
        try:
            with self._ctx.wrap_socket(conn, server_side=True) as tls:
                tls.recv(1)  # wait for the client to close
        except (OSError, ssl.SSLError):
            conn.close()


def bare_handshake(url_port: int, ca_file: Path) -> float:
    """One TLS handshake with the pinned CA, the way the channel check makes it; seconds."""
    ctx = ssl.create_default_context(cafile=str(ca_file))
    started = time.perf_counter()
    with socket.create_connection(("127.0.0.1", url_port), timeout=5) as raw:
        with ctx.wrap_socket(raw, server_hostname="127.0.0.1"):
            pass
    return time.perf_counter() - started


def measure(rounds: int = 5) -> dict[str, float | str]:
    from app.selfcheck import SelfcheckConfig, run_checks

    with tempfile.TemporaryDirectory(prefix="bench-selfcheck-") as tmp:
        pki = make_pki(Path(tmp))
        with TlsServer(pki) as server:
            config = SelfcheckConfig(gateway_url=server.url, ca_file=pki.ca_file)
            started = time.perf_counter()
            run_checks(config)  # first run: PKCS#11 module load, page cache
            cold = time.perf_counter() - started
            base = statistics.median(bare_handshake(server.port, pki.ca_file) for _ in range(20))
            times, report = [], None
            for _ in range(rounds):
                started = time.perf_counter()
                report = run_checks(config)
                times.append(time.perf_counter() - started)
            full = statistics.median(times)
    assert report is not None
    channel = report.get("channel")
    slowest = sorted(report.checks, key=lambda c: c.duration_s, reverse=True)[:3]
    return {
        "selfcheck_s": full,
        "selfcheck_first_s": cold,
        "tls_handshake_s": base,
        "checks": float(len(report.checks)),
        "channel": channel.status if channel else "?",
        "slowest": ", ".join(f"{c.id} {c.duration_s * 1000:.1f} ms" for c in slowest),
    }


def figure(quick: bool = False) -> Figure:
    rounds = 3 if quick else 5
    got = measure(rounds)
    return Figure(
        "selfcheck", float(got["selfcheck_s"]), "s", float(got["tls_handshake_s"]), "s",
        (Goal("value", "<", 1.0, "s"),),
        what=(f"app.selfcheck.run_checks, every check, the channel check against a loopback TLS "
              f"server with a throwaway CA (median of {rounds}, after a first run) / one bare "
              "TLS handshake with the pinned CA (median of 20); the goal is the 1 s budget"),
        extra={"first_run_s": got["selfcheck_first_s"], "checks": int(got["checks"]),
               "channel": got["channel"], "slowest": got["slowest"]})


def main(rounds: int = 5) -> None:
    print(figure().line())


if __name__ == "__main__":
    main()
