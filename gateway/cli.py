"""`sio-gateway` command line: `serve`, `journal export|verify`, `report`, `db init` (DESIGN.md
"The command line")."""

from __future__ import annotations

import argparse
import json
import shutil
import signal
import sys
import threading
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gateway import archive as archive_types
    from gateway.config import GatewayConfig

CONFIG_HELP = "deployment configuration (JSON): trust store, TLS, operator key; see docs/operator"


def _configured(args: argparse.Namespace) -> GatewayConfig | None:
    """The deployment's configuration (--config), the sandbox's (--sandbox), or None."""
    # Imported only when asked for: the configuration brings the signing and trust code and
    # pydantic (~0.3 s), which a report over --db never uses (issue 10).
    if args.config is not None:
        from gateway.deployment import load_deployment

        return load_deployment(args.config, db_url=args.db)
    if args.sandbox:
        from gateway.config import GatewayConfig

        return GatewayConfig.sandbox_from_dir(args.pki_dir or _default_pki_dir(),
                                              db_url=args.db or default_db_url())
    return None


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
    serve.add_argument("--config", type=Path, help=CONFIG_HELP)
    serve.add_argument("--rate-limit", type=_rate_limit, metavar="PER_S[/BURST]|off",
                       help="requests per second per address after a burst (default: the "
                            "configuration's); 'off' only for load tests on loopback")
    _journal_parser(sub)
    _report_parser(sub)
    _db_parser(sub)
    return parser


def _db_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    group = sub.add_parser("db", help="the database schema and its roles (docs/operator/"
                                      "security.md)")
    dsub = group.add_subparsers(dest="db_command", required=True)
    init = dsub.add_parser("init", help="as the schema's owner: migrate, then grant the app "
                                        "role only what the gateway needs")
    init.add_argument("--owner-url", required=True, metavar="URL",
                      help="SQLAlchemy URL connecting as the role that owns the schema "
                           "(PostgreSQL), or the SQLite file")
    init.add_argument("--app-role", metavar="NAME",
                      help="PostgreSQL role the gateway serves as (created beforehand): "
                           "SELECT/INSERT, UPDATE/DELETE only where needed, owns nothing")
    init.add_argument("--json", action="store_true", help="print what was done as JSON")


def _report_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    report = sub.add_parser("report", help="departmental-control report of requests (R-CTL-1)")
    report.add_argument("--from", dest="start", required=True, help="first day, Astana time")
    report.add_argument("--to", dest="end", required=True, help="last day (inclusive)")
    report.add_argument("--db", help="SQLAlchemy URL (default: SQLite in the user data dir)")
    report.add_argument("--json", action="store_true", help="print the report as JSON")
    report.add_argument("--out", type=Path,
                        help="write the JSON report here and FILE.p7s signed by the operator")
    report.add_argument("--sandbox", action="store_true", help="sign with the sandbox operator")
    report.add_argument("--pki-dir", type=Path, help="sandbox PKI directory")
    report.add_argument("--config", type=Path, help=CONFIG_HELP)


def _journal_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    group = sub.add_parser("journal", help="archive and verify the Log journal (R-LOG-1, R-CTL-3)")
    jsub = group.add_subparsers(dest="journal_command", required=True)
    export = jsub.add_parser("export", help="seal the open segment, write every sealed segment")
    export.add_argument("dir", type=Path, help="archive directory (created if missing)")
    export.add_argument("--db", help="SQLAlchemy URL (default: SQLite in the user data dir)")
    export.add_argument("--sandbox", action="store_true",
                        help="seal with the sandbox operator key and ship the sandbox CAs")
    export.add_argument("--pki-dir", type=Path, help="sandbox PKI directory")
    export.add_argument("--config", type=Path, help=CONFIG_HELP)
    export.add_argument("--trust", type=Path,
                        help="directory of CA certificates and CRLs to ship with the archive")
    export.add_argument("--workers", type=int, metavar="N",
                        help="processes writing segments (default: one per CPU for a large "
                             "journal); the archive is the same")
    verify = jsub.add_parser("verify", help="verify an archive offline; names the first bad seq")
    verify.add_argument("dir", type=Path, help="archive directory")
    verify.add_argument("--json", action="store_true", help="print the verdict as JSON")
    verify.add_argument("--checkpoint", type=Path,
                        help="a checkpoint saved earlier (.p7s beside it) the archive must hold")
    verify.add_argument("--trust", type=Path,
                        help="your CA certificates and CRLs, used instead of the archive's own "
                             "trust/ directory")
    verify.add_argument("--operator-cert", type=Path, action="append", default=[],
                        metavar="FILE",
                        help="the operator's signing certificate (PEM or DER) obtained from the "
                             "operator; only checkpoints it signed count (repeatable)")
    verify.add_argument("--operator-sha256", action="append", default=[], metavar="HEX",
                        help="SHA-256 of an operator certificate's DER that may sign checkpoints "
                             "(repeatable)")
    verify.add_argument("--workers", type=int, metavar="N",
                        help="processes checking entries (default: one per CPU for a large "
                             "archive); the verdict is the same")
    verify.add_argument("--trust-bundled", action="store_true",
                        help="WEAK: with no signer named, believe the archive's own operator.pem "
                             "(a forged or re-signed archive then passes)")


def _rate_limit(text: str) -> tuple[float, int | None]:
    """--rate-limit: "off", "PER_S" or "PER_S/BURST"."""
    if text == "off":
        return 0.0, None
    rate, _, burst = text.partition("/")
    try:
        per_s, most = float(rate), int(burst) if burst else None
    except ValueError:
        raise argparse.ArgumentTypeError("give PER_S, PER_S/BURST or off") from None
    if not 0 < per_s < 1e9 or (most is not None and most < 1):
        raise argparse.ArgumentTypeError("the rate and the burst must be positive")
    return per_s, most


def default_db_url() -> str:
    """The default database (SQLite in the user data dir), its module imported on demand."""
    from gateway.config import default_db_url as default

    return default()


def _default_pki_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir("sio-gateway", appauthor=False)) / "sandbox-pki"


def serve(args: argparse.Namespace) -> int:
    from gateway.server import EmbeddedGateway

    config = _configured(args)
    if config is None:
        # Without a trust store and the operator's key it could only pretend to verify and sign.
        print("sio-gateway serve: give --config FILE (a deployment) or --sandbox", file=sys.stderr)
        return 2
    if args.rate_limit is not None:
        config.rate_limit_per_s, burst = args.rate_limit
        config.rate_limit_burst = burst or config.rate_limit_burst
    stop = threading.Event()

    def _on_signal(_signum: int, _frame: FrameType | None) -> None:
        stop.set()

    signal.signal(signal.SIGINT, _on_signal)
    signal.signal(signal.SIGTERM, _on_signal)
    gateway = EmbeddedGateway(config, host=args.host, port=args.port)
    with gateway:
        mode = "SANDBOX serving" if config.sandbox else "serving"
        print(f"sio-gateway: {mode} {gateway.url} (database {config.db_url})", file=sys.stderr)
        while not stop.wait(0.5):  # short waits keep the signal handlers responsive
            pass
    return 0


def journal_export(args: argparse.Namespace) -> int:
    from gateway import archive, checkpoints
    from gateway.db import make_engine, migrate
    from signing.signer import Signer
    from signing.trust import TrustStore

    signer: Signer | None = None
    trust: TrustStore | None = None
    try:
        if args.workers is not None and args.workers < 1:
            raise archive.ArchiveError("--workers must be at least 1")
        if args.trust is not None:
            trust = archive.load_trust(args.trust)
        config = _configured(args)
        if config is not None:
            signer, trust = config.operator_signer, trust or config.trust()
        if trust is None:
            print("sio-gateway journal export: give --config FILE, --sandbox, or --trust DIR "
                  "(the CAs to ship)", file=sys.stderr)
            return 2
        engine = make_engine(config.db_url if config else args.db or default_db_url())
        try:
            migrate(engine)
            result = archive.export(engine, args.dir, trust, signer, workers=args.workers)
            sealed = checkpoints.stored(engine)
        finally:
            engine.dispose()
    except archive.ArchiveError as exc:
        print(f"sio-gateway journal export: {exc}", file=sys.stderr)
        return 2
    sealed_note = f", sealed segment {result.sealed_now}" if result.sealed_now else ""
    last = f", last checkpoint {sealed[-1].checkpoint.hash}" if sealed else ""
    print(f"exported {result.entries} entries in {result.segments} segments to {args.dir}"
          f"{sealed_note}{last} ({len(result.written)} files written)")
    return 0


def _verify_policy(args: argparse.Namespace) -> archive_types.TrustPolicy:
    from gateway import archive

    pins: list[archive.SignerPin] = []
    for path in args.operator_cert:
        pins += archive.pins_from_certificate_file(path)
    pins += [archive.pin_from_fingerprint(text) for text in args.operator_sha256]
    store = archive.load_trust(args.trust) if args.trust is not None else None
    return archive.TrustPolicy(pins=tuple(pins), store=store,
                               store_source=str(args.trust) if args.trust else "",
                               bundled=args.trust_bundled)


def _trust_lines(report: archive_types.Report) -> list[str]:
    lines = [f"anchors (from {report.anchor_source}):"]
    lines += [f"  {a['subject']}  sha256 {a['sha256']}" for a in report.anchors]
    lines.append("checkpoint signers accepted (pins):")
    lines += [f"  {p['subject'] or '(certificate not given)'}  sha256 {p['sha256']}"
              f"  [{p['source']}]" for p in report.pins]
    if report.signers:
        lines.append("checkpoints signed by:")
        lines += [f"  {s['subject']}  sha256 {s['sha256']}" for s in report.signers]
    return lines


def journal_verify(args: argparse.Namespace) -> int:
    from gateway import archive

    try:
        policy = _verify_policy(args)
        held = archive.read_held_checkpoint(args.checkpoint) if args.checkpoint else None
        if args.workers is not None and args.workers < 1:
            raise archive.ArchiveError("--workers must be at least 1")
        report = archive.verify(args.dir, policy, held, workers=args.workers)
    except archive.ArchiveError as exc:
        if args.json:
            print(json.dumps({"ok": False, "entries": 0, "first_bad_seq": None,
                              "reason": str(exc)}, ensure_ascii=False))
        else:
            print(f"sio-gateway journal verify: {exc}", file=sys.stderr)
        return 2
    for warning in report.warnings:  # loud whatever the output format
        print(f"sio-gateway journal verify: WARNING: {warning}", file=sys.stderr)
    for note in report.notes:
        print(f"sio-gateway journal verify: note: {note}", file=sys.stderr)
    if args.json:
        print(json.dumps(report.as_json(), ensure_ascii=False))
    else:
        if report.ok:
            print(f"OK: {report.reason}; last seq {report.last_seq}, "
                  f"last checkpoint {report.last_checkpoint_sha256}")
        else:
            print(f"FAILED at seq {report.first_bad_seq}: {report.reason} "
                  f"({report.entries} entries before it check out)")
        print("\n".join(_trust_lines(report)))
        if report.trust_bundled:
            print("WEAK TRUST: the signers were taken from the archive itself (--trust-bundled)")
    return 0 if report.ok else 1


def db_init(args: argparse.Namespace) -> int:
    from gateway.db import current_revision, grant_app_role, make_engine, migrate

    engine = make_engine(args.owner_url)
    try:
        with engine.connect() as conn:
            before = current_revision(conn)
        migrate(engine)
        with engine.connect() as conn:
            after = current_revision(conn)
        grants = grant_app_role(engine, args.app_role) if args.app_role else None
    finally:
        engine.dispose()
    if args.json:
        print(json.dumps({"revision_before": before, "revision": after,
                          "app_role": grants.role if grants else None,
                          "schema": grants.schema if grants else None,
                          "grants": {t: list(p) for t, p in grants.tables.items()}
                          if grants else {}}, ensure_ascii=False))
        return 0
    print(f"schema at revision {after}"
          + (f" (migrated from {before or 'an empty database'})" if before != after else
             " (already current)"))
    if grants is not None:
        print(f"app role {grants.role} on schema {grants.schema}: owns nothing; may")
        for table, privileges in grants.tables.items():
            print(f"  {table}: {', '.join(privileges)}")
        print("run this step again after every upgrade of the gateway (it migrates and "
              "grants on new tables)")
    return 0


def report(args: argparse.Namespace) -> int:
    from gateway import reports
    from gateway.db import make_engine, migrate

    try:
        start, end = reports.period(args.start, args.end)
    except ValueError as exc:
        print(f"sio-gateway report: --from and --to: {exc}", file=sys.stderr)
        return 2
    config = _configured(args)
    db_url = config.db_url if config else args.db or default_db_url()
    if args.out is not None and config is None:
        # The export is signed by the operator: its key comes with --config or --sandbox.
        print("sio-gateway report: --out needs the operator key: give --config FILE or --sandbox",
              file=sys.stderr)
        return 2
    settings = reports.Settings.of(config) if config else reports.Settings()
    engine = make_engine(db_url)
    try:
        migrate(engine)
        if args.out is not None and config is not None:
            args.out.parent.mkdir(parents=True, exist_ok=True)
            with args.out.open("wb") as file:
                reports.write(engine, settings, start, end, file)
        elif args.json:
            # Streamed straight out (issue 10): a large period never sits in memory whole.
            sys.stdout.flush()
            reports.write(engine, settings, start, end, sys.stdout.buffer)
        else:
            doc = reports.build(engine, settings, start, end)
    finally:
        engine.dispose()
    if args.out is not None and config is not None:
        signature = reports.sign(args.out, config.operator_signer)
        print(f"wrote {args.out} and {signature}", file=sys.stderr)
        if args.json:
            sys.stdout.flush()
            with args.out.open("rb") as file:
                shutil.copyfileobj(file, sys.stdout.buffer)
        else:
            doc = json.loads(args.out.read_bytes())
    if not args.json:
        print(reports.table(doc))
    sys.stdout.flush()
    return 0


def main(argv: list[str]) -> int:
    # journal verify's worker processes start by running the program again; in a frozen build
    # this turns such a start into the worker. Elsewhere it does nothing, and importing
    # multiprocessing cost every `sio-gateway report` ~5 ms of its start-up.
    if getattr(sys, "frozen", False):
        import multiprocessing

        multiprocessing.freeze_support()
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:  # argparse exits on --help and on usage errors
        return exc.code if isinstance(exc.code, int) else 2
    try:
        if args.command == "db":
            return db_init(args)
        if args.command == "serve":
            return serve(args)
        if args.command == "report":
            return report(args)
        if args.command == "journal":
            if args.journal_command == "export":
                return journal_export(args)
            return journal_verify(args)
    except Exception as exc:
        # Their modules are imported only now: a report over --db needs neither's imports.
        from gateway.db import SchemaError
        from gateway.deployment import DeploymentError

        if not isinstance(exc, (DeploymentError, SchemaError)):
            raise
        print(f"sio-gateway: {exc}", file=sys.stderr)
    return 2
