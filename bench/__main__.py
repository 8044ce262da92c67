"""./run bench [--json] [--check] [--quick] [--only NAME,…]: every figure against a baseline
measured in the same run (docs/benchmarks.md says what each one runs).

--json prints one JSON document {"figures": [...]} on stdout (human text goes to stderr);
--check exits 1 when a figure misses its goal (or could not be measured); --quick skips the
1 M-entry figures and takes fewer rounds (under two minutes once the journals are cached).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import sys
import time
import traceback
from collections.abc import Callable

from bench.env import Env, say
from bench.figures import Figure, document

Step = tuple[tuple[str, ...], Callable[[Env], list[Figure]], bool]  # names, run, full-only


def _steps() -> list[Step]:
    from bench import (
        casefile,
        gateway,
        gost,
        journal_export,
        journal_figures,
        selfcheck,
        signing,
        startup,
        world,
    )

    def case(env: Env) -> list[Figure]:
        module, label, pin = env.desk_token()
        return casefile.figures(env.work / "case", module, label, pin, env.quick)

    return [
        (("startup",), lambda env: [startup.startup(env)], False),
        (("idle_rss",), lambda env: [startup.idle_rss(env)], False),
        (("request_signing",), lambda env: [signing.request_signing(env)], False),
        (("gost_verify_512", "gost_verify_512_python"), gost.figures, False),
        (("gost_verify_cms_512",), lambda env: [gost.cms_figure(env)], False),
        (("selfcheck",), lambda env: [selfcheck.figure(env.quick)], False),
        (("query_roundtrip", "query_roundtrip_cold"), gateway.query_roundtrip, False),
        (("gateway_throughput",), lambda env: [gateway.gateway_throughput(env)], False),
        (("report_100k", "report_100k_memory"), journal_figures.report_100k, False),
        # Minutes even when cached (two exports of 545 MB, two verifies): not in --quick.
        (("journal_export_100k",), lambda env: [journal_export.figure(env)], True),
        (("shred_100mb", "attach_print_1000"), case, False),
        (("world_lookup",), lambda env: [world.main(lookups=300 if env.quick else 2000)],
         False),
        (("journal_verify_1m", "gateway_throughput_1m"), gateway.journal_and_throughput_1m,
         True),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="./run bench", description=__doc__.split("\n")[0])
    parser.add_argument("--json", action="store_true", help="one JSON document on stdout")
    parser.add_argument("--check", action="store_true",
                        help="exit 1 when a figure misses its goal")
    parser.add_argument("--quick", action="store_true",
                        help="no 1 M-entry figures, fewer rounds")
    parser.add_argument("--only", default="", metavar="NAME,…",
                        help="run only the steps that make these figures")
    args = parser.parse_args(argv)
    only = {n.strip() for n in args.only.split(",") if n.strip()}
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    started = time.monotonic()
    load_before = os.getloadavg()
    if load_before[0] > 1.0:
        say(f"bench: WARNING: load average {load_before[0]:.1f} on {os.cpu_count()} cores "
            "before the start: other work will be in these figures")
    figures: list[Figure] = []
    env = Env(quick=args.quick)
    try:
        with contextlib.redirect_stdout(sys.stderr):  # stdout is for the JSON document only
            for names, run, full_only in _steps():
                if only and not only & set(names):
                    continue
                if full_only and args.quick:
                    figures += [Figure(n, None, "", None, "", skipped="--quick")
                                for n in names]
                    continue
                say(f"bench: {', '.join(names)}…")
                step_started = time.monotonic()
                try:
                    made = run(env)
                except Exception as exc:  # one figure failing must not hide the others
                    say(traceback.format_exc())
                    made = [Figure(n, None, "", None, "", error=f"{type(exc).__name__}: {exc}")
                            for n in names]
                for figure in made:
                    figure.extra.setdefault("step_s", round(time.monotonic() - step_started, 1))
                    say("  " + figure.line())
                figures += made
    finally:
        env.close()
    doc = document(figures, quick=args.quick, seconds=round(time.monotonic() - started, 1),
                   machine={"cpus": os.cpu_count(), "python": platform.python_version(),
                            "platform": platform.platform(),
                            "loadavg_before": [round(x, 2) for x in load_before],
                            "loadavg_after": [round(x, 2) for x in os.getloadavg()]})
    if args.json:
        print(json.dumps(doc, ensure_ascii=False, indent=1))
    else:
        print("\n".join(f.line() for f in figures))
    missed = [f.name for f in figures if f.met is False]
    if missed:
        say(f"bench: goals missed: {', '.join(missed)}")
    return 1 if args.check and missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
