"""`sio-desk demo [--headless] [--json] [--workdir DIR]`: the sandbox, labelled as such."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from platformdirs import user_data_path


def default_workdir() -> Path:
    return user_data_path("sio-desk", appauthor=False) / "sandbox"


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="sio-desk demo", description="SIO Desk sandbox: test keys, synthetic data."
    )
    p.add_argument("--headless", action="store_true", help="run the analyst flow without a window")
    p.add_argument("--json", action="store_true", help="print one JSON summary on stdout")
    p.add_argument(
        "--workdir", type=Path, default=None, help="where the sandbox keeps everything it writes"
    )
    p.add_argument(
        "--token",
        choices=("softhsm", "file"),
        default=None,
        help="sandbox token kind (default: SoftHSM2 when installed, else a file key)",
    )
    p.add_argument("--lang", choices=("kk", "ru", "en"), default="ru")
    return p


def main(argv: list[str]) -> int:
    args = parser().parse_args(argv)
    workdir = (args.workdir or default_workdir()).expanduser()
    if args.headless:
        return _headless(workdir, args.token, args.json)
    return _windowed(workdir, args.token, args.lang)


def _headless(workdir: Path, token: str | None, as_json: bool) -> int:
    from app.errors import DeskError
    from sandbox.headless import run_headless

    try:
        summary = run_headless(workdir, token_kind=token)
    except DeskError as exc:
        print(f"sio-desk demo: {exc.text('en')}", file=sys.stderr)
        return 1
    if as_json:
        print(json.dumps(summary, ensure_ascii=False, indent=2))
    else:
        q = summary["queries"][0]
        print(
            f"SANDBOX: {summary['user']['name']} ({summary['user']['iin']}) queried resource "
            f"№{q['resource']}; journal № {q['journal_seq']}; response verified: "
            f"{q['response_verified']}\n  workdir: {summary['workdir']}",
            file=sys.stderr,
        )
    return 0 if all(q["response_verified"] for q in summary["queries"]) else 1


def _windowed(workdir: Path, token: str | None, lang: str) -> int:
    from sandbox.harness import start_sandbox
    from ui.app import run_gui

    kind = token if token in ("softhsm", "file") else None
    with start_sandbox(workdir, token_kind=kind) as run:  # type: ignore[arg-type]
        print(f"SANDBOX token PIN: {run.pin}  (test key; workdir {run.workdir})", file=sys.stderr)
        # The sandbox remembers its own first launch, apart from the production marker.
        return run_gui(run.desk, lang=lang, first_launch_marker=run.workdir / "first-launch.json")
