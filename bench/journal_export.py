"""The operator's "Seal and export the journal" (issue 13; R-LOG-1) over a 100 k-entry journal:
the desk's own path — `app.journal_export.export_journal` of a Desk signed in on a SoftHSM2
operator token, against `sio-gateway serve` (bench launcher, its own process, TLS) — against
what it replaces, `sio-gateway journal export` then `journal verify` run on the gateway host,
each on its own copy of the same database (each seals that copy's open segment)."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

from bench import journals
from bench.env import PIN, Env, say
from bench.figures import Figure, Goal
from bench.journal_figures import measured, sio_gateway
from bench.load import Server

ENTRIES = 100_000
LABEL = "BENCH OPERATOR"


def _desk_export(env: Env, db: Path, pki_dir: Path) -> tuple[float, float, float, int, bool]:
    """(total s, first byte s, last byte s, bytes, verified ok) of the desk's export."""
    from app.journal_export import export_journal
    from gateway.registry import SANDBOX_OPERATOR
    from sandbox.harness import open_desk
    from signing.pkcs11 import Pkcs11Token
    from signing.softhsm import provision_token

    env.softhsm_conf()
    made = provision_token(env.work / "softhsm", env.pki, SANDBOX_OPERATOR, label=LABEL,
                           user_pin=PIN)
    out = env.work / "desk-exports"
    out.mkdir()
    with Server(f"sqlite:///{db}", pki_dir) as server:
        desk = open_desk(env.work / "operator-desk", server.url, env.pki,
                         Pkcs11Token.open(made.module, made.label))
        try:
            desk.login(PIN)
            marks: list[float] = []
            started = time.perf_counter()
            done = export_journal(desk, out, lambda _n, _t: marks.append(time.perf_counter()))
            total = time.perf_counter() - started
        finally:
            desk.close()
    shutil.rmtree(out, ignore_errors=True)
    ok = done.verdict is not None and done.verdict.ok
    return total, marks[0] - started, marks[-1] - started, done.received, ok


def _cli_export(env: Env, db: Path, pki_dir: Path) -> tuple[float, float, bool]:
    """(export s, verify s, verified ok) of the gateway host's commands, fresh processes."""
    import json

    from signing.profile import fingerprint

    archive = env.work / "cli-archive"
    export_s, _, _ = measured([*sio_gateway(), "journal", "export", str(archive), "--db",
                               f"sqlite:///{db}", "--sandbox", "--pki-dir", str(pki_dir)])
    report = env.work / "cli-verify.json"
    verify_s, _, _ = measured([*sio_gateway(), "journal", "verify", str(archive), "--json",
                               "--operator-sha256", fingerprint(env.pki.operator_cert)],
                              stdout=report)
    shutil.rmtree(archive, ignore_errors=True)
    return export_s, verify_s, bool(json.loads(report.read_text("utf-8")).get("ok"))


def figure(env: Env) -> Figure:
    built = journals.ensure(ENTRIES, say)
    say(f"bench:   the desk's Seal and export ({built.entries:,} entries)…")
    total, first, last, size, ok = _desk_export(
        env, built.copy_to(env.work / "export-desk"), built.pki_dir)
    say("bench:   sio-gateway journal export + verify on the host…")
    export_s, verify_s, base_ok = _cli_export(
        env, built.copy_to(env.work / "export-cli"), built.pki_dir)
    shutil.rmtree(env.work / "export-desk", ignore_errors=True)
    shutil.rmtree(env.work / "export-cli", ignore_errors=True)
    return Figure(
        "journal_export_100k", total, "s", export_s + verify_s, "s", (Goal("ratio", "<=", 1.5),),
        what=(f"the desk's export_journal on a SoftHSM2 operator token against sio-gateway "
              f"serve over {built.entries:,} entries: signed, journaled, sealed, archive "
              "written, streamed as a tar over TLS, unpacked, bound, verified by `sio-gateway "
              "journal verify --operator-sha256` / `sio-gateway journal export` + `journal "
              "verify` on the host, fresh processes, a copy of the same database"),
        extra={"first_byte_s": first, "last_byte_s": last, "desk_verify_s": total - last,
               "archive_tar_bytes": size, "cli_export_s": export_s, "cli_verify_s": verify_s,
               "entries": built.entries},
        error=None if ok and base_ok else "an archive did not verify")
