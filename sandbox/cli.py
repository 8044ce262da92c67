"""`sio-desk demo [--headless] [--json] [--workdir DIR] [--fresh-user] [--as ROLE] [--gost]`:
the sandbox, labelled as such."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from platformdirs import user_data_path


def default_workdir() -> Path:
    return user_data_path("sio-desk", appauthor=False) / "sandbox"


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="sio-desk demo", description="SIO Desk sandbox: test keys, synthetic data."
    )
    p.add_argument("--headless", action="store_true",
                   help="run the flow of --as's role without a window")
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
    p.add_argument("--case-dir", type=Path, default=None,
                   help="where attached printouts go (default: DIR-case-material beside the "
                        "workdir)")
    p.add_argument("--operator-dir", type=Path, default=None,
                   help="the sandbox operator's database and journal archive (default: "
                        "DIR-operator beside the workdir)")
    p.add_argument("--fresh-user", action="store_true",
                   help="sign in as a sandbox analyst who has not signed the agreement yet (a "
                        "fresh operator database every run): the whole first entry")
    p.add_argument("--as", dest="role", choices=("analyst", "controller", "operator"),
                   default="analyst",
                   help="whose token signs in: the sandbox controller gets Reports (the review, "
                        "Block now), the operator the operator's tabs (applications, users, "
                        "emergency journal); with --headless each does their day in a sandbox "
                        "of their own, new every run")
    p.add_argument("--gost", action="store_true",
                   help="as the sandbox's GOST 34.10-2015 analyst (a key file: SoftHSM2 has no "
                        "GOST mechanisms), against a gateway signing answers and checkpoints "
                        "with a GOST operator key")
    p.add_argument("--resources", default="all",
                   help="headless: which resources to query, e.g. 1,19,51 (default: all 52)")
    return p


def main(argv: list[str]) -> int:
    args = parser().parse_args(argv)
    workdir = (args.workdir or default_workdir()).expanduser()
    from app.logs import configure

    configure(workdir / "logs")  # the sandbox's log stays with the sandbox
    try:
        chosen = _resources(args.resources)
    except ValueError as exc:
        print(f"sio-desk demo: --resources: {exc}", file=sys.stderr)
        return 2
    conflict = _gost_conflict(args)
    if conflict:
        print(f"sio-desk demo: {conflict}", file=sys.stderr)
        return 2
    if args.headless:
        if args.role != "analyst":
            return _headless_role(workdir, args)
        return _headless(workdir, args, chosen)
    return _windowed(workdir, args)


def _gost_conflict(args: argparse.Namespace) -> str | None:
    """Why --gost cannot be combined with the other options given, if it cannot."""
    if not args.gost:
        return None
    if args.token in ("softhsm",):
        from sandbox.harness import SOFTHSM_LACKS_GOST

        return SOFTHSM_LACKS_GOST
    if args.fresh_user or args.role != "analyst":
        return "--gost runs as the GOST analyst: not with --fresh-user or --as another role"
    return None


def _resources(spec: str) -> tuple[int, ...]:
    if spec == "all":
        return tuple(range(1, 53))
    chosen = tuple(int(x) for x in spec.split(",") if x.strip())
    if not chosen or any(not 1 <= r <= 52 for r in chosen):
        raise ValueError("give numbers 1..52 separated by commas, or 'all'")
    return chosen


def _headless(workdir: Path, args: argparse.Namespace, resources: tuple[int, ...]) -> int:
    from app.errors import DeskError
    from sandbox.headless import run_headless

    try:
        summary = run_headless(workdir, token_kind=args.token, case_dir=args.case_dir,
                               operator_dir=args.operator_dir, resources=resources,
                               lang=args.lang, fresh_user=args.fresh_user, gost=args.gost)
    except DeskError as exc:
        print(f"sio-desk demo: {exc.text('en')}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(summary, ensure_ascii=False, indent=2))
    else:
        attached = sum(1 for q in summary["queries"] if q["disposition"] != "destroyed_unattached")
        print(
            f"SANDBOX: {summary['user']['name']} ({summary['user']['iin']}) queried "
            f"{len(summary['queries'])} resources, attached {attached} printouts to "
            f"{summary['case_dir']}; {summary['vault_left']} results left in the vault\n"
            f"  workdir: {summary['workdir']}\n  journal archive: {summary['journal_archive']}",
            file=sys.stderr,
        )
    ok = all(q["response_verified"] for q in summary["queries"]) and summary["vault_left"] == 0
    return 0 if ok else 1


def _headless_role(workdir: Path, args: argparse.Namespace) -> int:
    """The controller's or the operator's day without a window (issue 13)."""
    from app.errors import DeskError
    from sandbox.roles import run_role

    if args.fresh_user:
        print("sio-desk demo: --fresh-user is the analyst's first entry: not with --as "
              f"{args.role}", file=sys.stderr)
        return 2
    try:
        summary = run_role(args.role, workdir, token_kind=args.token, lang=args.lang)
    except DeskError as exc:
        print(f"sio-desk demo: {exc.text('en')}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(summary, ensure_ascii=False, indent=2))
    else:
        print(_role_line(summary) + f"\n  workdir: {summary['workdir']}\n  journal archive: "
              f"{summary['journal_archive']}", file=sys.stderr)
    return 0 if _role_ok(summary) else 1


def _role_line(summary: dict[str, Any]) -> str:
    name = summary["user"]["name"]
    if summary["role"] == "controller":
        return (f"SANDBOX: controller {name} opened the reports, recorded the review and blocked "
                f"{summary['block']['iin']}; the analyst's next query: "
                f"{summary['blocked_user_next_query']['code']}")
    return (f"SANDBOX: operator {name} decided {len(summary['applications'])} applications, "
            "announced works, opened and closed an emergency entry")


def _role_ok(summary: dict[str, Any]) -> bool:
    """The run did what it says: the block refused the next query; the refusal was read."""
    if summary["role"] == "controller":
        return bool(summary["blocked_user_next_query"]["code"] == "user_blocked")
    return bool(summary["applicant_read"]["verified"])


def _windowed(workdir: Path, args: argparse.Namespace) -> int:
    from gateway.registry import SANDBOX_CONTROLLER, SANDBOX_NEWCOMER, SANDBOX_OPERATOR
    from sandbox.harness import fresh_dirs, start_sandbox
    from ui.app import run_gui

    kind = args.token if args.token in ("softhsm", "file") else None
    lang = args.lang
    operator_dir, user = args.operator_dir, None
    if args.fresh_user:  # the first launch and the first entry, every time
        workdir, operator_dir = fresh_dirs(workdir)
        (workdir / "first-launch.json").unlink(missing_ok=True)
        user = SANDBOX_NEWCOMER
    elif args.role == "operator":  # issue 13: the operator's own token and tabs
        user = SANDBOX_OPERATOR
    elif args.role == "controller":  # issue 13: the controller's own token and Reports
        user = SANDBOX_CONTROLLER
    with start_sandbox(workdir, token_kind=kind, case_dir=args.case_dir,
                       operator_dir=operator_dir, user=user, gost=args.gost) as run:
        print(f"SANDBOX token PIN: {run.pin}  (test key; workdir {run.workdir})", file=sys.stderr)
        # The sandbox remembers its own first launch, apart from the production marker.
        return run_gui(run.desk, lang=lang, first_launch_marker=run.workdir / "first-launch.json")
