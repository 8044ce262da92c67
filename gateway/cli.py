"""`sio-gateway` command line: only `serve` for now (DESIGN.md "The command line")."""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from pathlib import Path
from types import FrameType

from gateway.config import GatewayConfig, default_db_url


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="sio-gateway",
                                     description="The operator's reference gateway.")
    sub = parser.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", help="serve the HTTPS API")
    serve.add_argument("--db", help="SQLAlchemy URL (default: SQLite in the user data dir)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8443)
    serve.add_argument("--sandbox", action="store_true",
                       help="sandbox: sandbox PKI, synthetic population, seeded users")
    serve.add_argument("--pki-dir", type=Path, help="sandbox PKI directory (created if empty)")
    return parser


def _default_pki_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir("sio-gateway", appauthor=False)) / "sandbox-pki"


def serve(args: argparse.Namespace) -> int:
    if not args.sandbox:
        # Production needs the operator's trust store and signing key; this build cannot load
        # them yet, and serving without them would only pretend to verify and sign.
        print("sio-gateway serve: production mode needs the operator's trust store and "
              "signing key, which are not configured; run with --sandbox for the sandbox.",
              file=sys.stderr)
        return 2
    from gateway.server import EmbeddedGateway

    config = GatewayConfig.sandbox_from_dir(args.pki_dir or _default_pki_dir(),
                                            db_url=args.db or default_db_url())
    stop = threading.Event()

    def _on_signal(_signum: int, _frame: FrameType | None) -> None:
        stop.set()

    signal.signal(signal.SIGINT, _on_signal)
    signal.signal(signal.SIGTERM, _on_signal)
    with EmbeddedGateway(config, host=args.host, port=args.port) as gateway:
        print(f"sio-gateway: SANDBOX serving {gateway.url} (database {config.db_url})",
              file=sys.stderr)
        while not stop.wait(0.5):  # short waits keep the signal handlers responsive
            pass
    return 0


def main(argv: list[str]) -> int:
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:  # argparse exits on --help and on usage errors
        return exc.code if isinstance(exc.code, int) else 2
    if args.command == "serve":
        return serve(args)
    return 2
