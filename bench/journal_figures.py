"""Journal figures: `sio-gateway journal export` + `journal verify` of a 1 M-entry journal against
`sha256sum` of the archive's bytes, and the controller's report over 100 k entries against one
SQL COUNT of the same entries. Each product command runs as the operator or controller runs it:
a fresh `sio-gateway` process, its wall time and peak RSS (wait4)."""

from __future__ import annotations

import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench import journals
from bench.env import Env, say
from bench.figures import Figure, Goal
from bench.journals import Built


def sio_gateway() -> list[str]:
    script = Path(sys.executable).with_name("sio-gateway")
    if script.is_file():
        return [str(script)]
    return [sys.executable, "-c", "import sys; from entrypoints import gateway; gateway()"]


# Runs the command as its own child and reports that child's wall time and peak RSS. A process
# started straight from the bench would inherit the bench's peak RSS (Linux keeps the high-water
# mark of the memory it replaced at exec, and the bench is large); this small one forks it.
_WRAPPER = """
import os, sys, time
started = time.perf_counter()
pid = os.fork()
if pid == 0:
    os.execvp(sys.argv[1], sys.argv[1:])
_, status, usage = os.wait4(pid, 0)
took = time.perf_counter() - started
sys.stderr.write(f"\\nBENCH-MEASURED {took} {usage.ru_maxrss} "
                 f"{usage.ru_utime + usage.ru_stime}\\n")
sys.exit(os.waitstatus_to_exitcode(status))
"""


def measured(cmd: list[str], stdout: Path | None = None, timeout: float = 1800
             ) -> tuple[float, float, str]:
    """(wall seconds, peak RSS MiB, stderr tail) of a command; RuntimeError if it fails."""
    err_path = Path(os.environ.get("TMPDIR", "/tmp")) / f"sio-bench-{os.getpid()}.err"
    out = stdout.open("wb") if stdout is not None else None
    try:
        with err_path.open("wb") as err:
            proc = subprocess.run([sys.executable, "-c", _WRAPPER, *cmd], check=False,
                                  stdin=subprocess.DEVNULL, stdout=out or subprocess.DEVNULL,
                                  stderr=err, timeout=timeout)
        text = err_path.read_text("utf-8", errors="replace")
    except subprocess.TimeoutExpired as exc:
        raise RuntimeError(f"{' '.join(cmd[:3])}… ran over {timeout:.0f} s") from exc
    finally:
        if out is not None:
            out.close()
        err_path.unlink(missing_ok=True)
    found = [x for x in text.splitlines() if x.startswith("BENCH-MEASURED ")]
    if proc.returncode != 0 or not found:
        raise RuntimeError(f"{' '.join(cmd[:4])}… exited {proc.returncode}: {text[-600:]}")
    took, rss_kb = found[-1].split()[1:3]
    return float(took), int(rss_kb) / 1024, text[-600:]


def cpu_of(tail: str) -> float:
    """The CPU seconds (user + system) of the command whose stderr tail measured() returned:
    steadier than its wall time on a loaded machine."""
    found = [x for x in tail.splitlines() if x.startswith("BENCH-MEASURED ")]
    return float(found[-1].split()[3])


def journal_verify(env: Env, db: Path, built: Built, name: str) -> Figure:
    """Export every segment of `db` to a fresh archive and verify it offline, as an operator and
    an auditor would; the baseline hashes the same archive files with sha256sum."""
    from cryptography.hazmat.primitives.serialization import Encoding

    archive = env.work / f"archive-{built.entries}"
    shutil.rmtree(archive, ignore_errors=True)
    operator = env.work / "operator-pin.pem"
    operator.write_bytes(env.pki.operator_cert.public_bytes(Encoding.PEM))
    say(f"bench:   sio-gateway journal export ({built.entries:,} entries)…")
    export_s, export_rss, _ = measured([*sio_gateway(), "journal", "export", str(archive),
                                        "--db", f"sqlite:///{db}", "--sandbox",
                                        "--pki-dir", str(built.pki_dir)])
    say("bench:   sio-gateway journal verify…")
    report = env.work / "verify.json"
    verify_s, verify_rss, _ = measured([*sio_gateway(), "journal", "verify", str(archive),
                                        "--operator-cert", str(operator), "--json"],
                                       stdout=report, timeout=4 * 3600)
    import json

    verdict = json.loads(report.read_text("utf-8"))
    files = sorted(str(p) for p in archive.rglob("*") if p.is_file())
    size = sum(Path(f).stat().st_size for f in files)
    base_s, _, _ = measured(["sha256sum", *files], stdout=env.work / "sha256sum.txt")
    shutil.rmtree(archive, ignore_errors=True)
    return Figure(
        name, export_s + verify_s, "s", base_s, "s", (Goal("ratio", "<=", 3),),
        what=("`sio-gateway journal export DIR --sandbox` (seals, writes every segment) then "
              "`sio-gateway journal verify DIR --operator-cert … --json`, fresh processes / "
              "`sha256sum` of every file of that archive; page cache warm for all three"),
        extra={"export_s": export_s, "verify_s": verify_s, "export_peak_rss_mb": export_rss,
               "verify_peak_rss_mb": verify_rss, "archive_bytes": size,
               "entries": verdict.get("entries"), "segments": verdict.get("segments"),
               # verify checks segments in one process per CPU; sha256sum uses one.
               "verify_processes": min(os.cpu_count() or 1, verdict.get("segments") or 1),
               "signed_entries": sum((verdict.get("signed_entries") or {}).values()),
               "verified_ok": verdict.get("ok")},
        error=None if verdict.get("ok") else f"verify said: {verdict.get('reason')}")


def _count(db: Path, first: str, last: str) -> float:
    """Seconds of the baseline: one SQL COUNT of the entries the report lists (median of 3)."""
    import datetime as dt

    after = (dt.date.fromisoformat(last) + dt.timedelta(days=1)).isoformat()
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        times = []
        for _ in range(3):
            started = time.perf_counter()
            conn.execute("SELECT COUNT(*) FROM journal WHERE kind IN ('query', 'refusal') "
                         "AND at_astana >= ? AND at_astana < ?", (first, after)).fetchone()
            times.append(time.perf_counter() - started)
        return statistics.median(times)
    finally:
        conn.close()


def _rows(db: Path, first: str, last: str) -> int:
    import datetime as dt

    after = (dt.date.fromisoformat(last) + dt.timedelta(days=1)).isoformat()
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return int(conn.execute("SELECT COUNT(*) FROM journal WHERE kind IN ('query', "
                                "'refusal') AND at_astana >= ? AND at_astana < ?",
                                (first, after)).fetchone()[0])
    finally:
        conn.close()


def _in_gateway(db: Path, first: str, last: str) -> tuple[float, float]:
    """(wall, CPU seconds) of the report as GET /v1/reports makes it once the caller is checked
    (gateway.report_routes): reports.write into a temporary file, in a running process that
    has its engine and imports already (the desk's "Reports" screen asks for this)."""
    import datetime as dt
    from tempfile import TemporaryFile

    from gateway import reports
    from gateway.db import make_engine

    engine = make_engine(f"sqlite:///{db}")
    try:
        with TemporaryFile() as file:  # the route's first request pays the connection
            reports.write(engine, reports.Settings(), dt.date.fromisoformat(first),
                          dt.date.fromisoformat(first), file)
        with TemporaryFile() as file:
            started, cpu = time.perf_counter(), time.process_time()
            reports.write(engine, reports.Settings(), dt.date.fromisoformat(first),
                          dt.date.fromisoformat(last), file)
            return time.perf_counter() - started, time.process_time() - cpu
    finally:
        engine.dispose()


def _report(env: Env, built: Built) -> tuple[float, float, int, int, float, float,
                                               tuple[float, float]]:
    db = built.copy_to(env.work / f"report-{built.entries}")
    out = env.work / f"report-{built.entries}.json"
    took, rss, tail = measured([*sio_gateway(), "report", "--from", built.first_day, "--to",
                             built.last_day, "--db", f"sqlite:///{db}", "--json"], stdout=out)
    size = out.stat().st_size
    out.unlink()
    base = _count(db, built.first_day, built.last_day)
    rows = _rows(db, built.first_day, built.last_day)
    served = _in_gateway(db, built.first_day, built.last_day)  # after the CLI migrated the copy
    shutil.rmtree(db.parent, ignore_errors=True)
    return took, rss, size, rows, base, cpu_of(tail), served


def report_100k(env: Env) -> list[Figure]:
    small = journals.ensure(1000, say)
    big = journals.ensure(100_000, say)
    say("bench:   sio-gateway report over 100 k entries…")
    load = os.getloadavg()[0]
    took, rss, size, rows, base, cpu, served = _report(env, big)
    took_1k, rss_1k, _, rows_1k, _, _, _ = _report(env, small)
    what = (f"`sio-gateway report --from {big.first_day} --to {big.last_day} --json` over a "
            f"journal of {big.entries:,} entries ({rows:,} requests in the period), a fresh "
            "process, stdout to a file")
    return [
        Figure("report_100k", took, "s", base, "s", (Goal("value", "<", 2, "s"),),
               what=what + " / one SQL COUNT of the same entries (sqlite3, warm, median of 3)",
               extra={"peak_rss_mb": rss, "rows": rows, "output_bytes": size,
                      "report_1k_s": took_1k, "cpu_s": cpu, "load_average_1m": load,
                      # The same report made by a running gateway (GET /v1/reports), not a CLI.
                      "in_gateway_s": served[0], "in_gateway_cpu_s": served[1]}),
        Figure("report_100k_memory", rss, "MiB", rss_1k, "MiB", (Goal("ratio", "<=", 1.5),),
               what=what.split(" (")[0] + " peak RSS / the same report over the 1 k-entry "
               f"journal ({rows_1k} requests); memory flat in journal size",
               extra={"rows": rows, "rows_1k": rows_1k}),
    ]
