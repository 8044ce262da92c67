"""`sio-desk selfcheck [--json]`: exit 0 PASS, 1 FAIL, 2 UNDETERMINED (DESIGN.md contract)."""

from __future__ import annotations

import argparse
import json
import locale
import os
import shutil
import sys
import textwrap
from pathlib import Path
from typing import Any, TextIO

from app.selfcheck.model import Report, Status
from app.selfcheck.texts import label, reason_text, status_text, title
from app.selfcheck.thresholds import ALL_CHECKS, PROFILES, PolicyError, SelfcheckConfig

EXIT_USAGE = 3  # argparse itself exits 2, which would read as UNDETERMINED: we map it


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="sio-desk selfcheck",
        description="Check this workstation against R-WS-1…5 (2022 App.3) and show the evidence.",
        epilog="Exit status: 0 PASS, 1 FAIL, 2 UNDETERMINED, 3 usage or policy error.",
    )
    p.add_argument("--json", action="store_true", help="one JSON document on stdout")
    p.add_argument("--lang", choices=("kk", "ru", "en"), default=None)
    p.add_argument(
        "--policy",
        type=Path,
        default=None,
        help="admin policy JSON (default: the site policy, $SIO_DESK_POLICY)",
    )
    p.add_argument(
        "--profile",
        choices=sorted(PROFILES),
        default=None,
        help="requirements profile (default: the policy's, else 2022)",
    )
    p.add_argument(
        "--only",
        default=None,
        metavar="ID[,ID…]",
        help=f"run only these checks: {', '.join(ALL_CHECKS)}",
    )
    p.add_argument(
        "--fast", action="store_true", help="skip the slow checks (channel, token, advisories)"
    )
    return p


def load_config(path: Path | None) -> tuple[SelfcheckConfig, dict[str, Any]]:
    """The policy's self-check view; no policy file means defaults (the 2022 profile)."""
    if path is None:
        from app.policy import policy_path

        path = policy_path()
        if not path.exists():
            return SelfcheckConfig(), {}
    try:
        raw = json.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise PolicyError(f"{path}: {exc}") from exc
    if not isinstance(raw, dict):
        raise PolicyError(f"{path}: the top level must be an object")
    return SelfcheckConfig.from_policy(raw, base_dir=path.parent), raw


def default_lang(policy: dict[str, Any]) -> str:
    lang = policy.get("lang")
    if lang in ("kk", "ru", "en"):
        return str(lang)
    code = os.environ.get("LC_ALL") or os.environ.get("LANG") or locale.getlocale()[0] or ""
    code = code.lower()
    return "kk" if code.startswith("kk") else "en" if code.startswith("en") else "ru"


def main(argv: list[str]) -> int:
    try:
        args = parser().parse_args(argv)
    except SystemExit as exc:
        return 0 if exc.code == 0 else EXIT_USAGE
    try:
        config, policy = load_config(args.policy)
        if args.profile:
            config = config.with_profile(args.profile)
    except PolicyError as exc:
        print(f"sio-desk selfcheck: policy: {exc}", file=sys.stderr)
        return EXIT_USAGE
    only = None
    if args.only:
        only = {c.strip() for c in args.only.split(",") if c.strip()}
        unknown = only - set(ALL_CHECKS)
        if unknown:
            print(
                f"sio-desk selfcheck: unknown check(s): {', '.join(sorted(unknown))}",
                file=sys.stderr,
            )
            return EXIT_USAGE
    lang = args.lang or default_lang(policy)
    from app.selfcheck.runner import run_checks  # load_config alone serves the GUI's start

    report = run_checks(config, fast_only=args.fast, only=only)
    if args.json:
        json.dump(report.to_json(lang), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        print_table(report, lang, sys.stderr)
    return report.exit_code


_MARK = {Status.PASS: "✔", Status.FAIL: "✘", Status.UNDETERMINED: "?"}


def _cell(value: object, unit: str) -> str:
    if value is None:
        return "—"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value} {unit}".strip()


def print_table(report: Report, lang: str, out: TextIO) -> None:
    """A readable table for a person: one row per check, the finding in words under it."""
    width = max(60, min(120, shutil.get_terminal_size((100, 20)).columns))
    rows = [
        (
            label("check", lang),
            label("status", lang),
            label("value", lang),
            label("threshold", lang),
        )
    ]
    notes: list[str] = []
    for c in report.checks:
        name = title(c.id, lang) + (f" ({label('advisory', lang)})" if c.advisory else "")
        value = _cell(c.value, c.unit)
        threshold = _cell(c.threshold, c.unit) if not isinstance(c.threshold, str) else c.threshold
        rows.append(
            (name, f"{_MARK[c.status]} {status_text(c.status, lang)}", value[:40], threshold[:40])
        )
        notes.append(reason_text(c, lang))
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    out.write(
        f"{label('heading', lang)} — {report.host}, {report.system}, "
        f"{label('profile', lang)} {report.profile}\n\n"
    )
    for i, row in enumerate(rows):
        out.write("  ".join(cell.ljust(widths[j]) for j, cell in enumerate(row)).rstrip() + "\n")
        if i == 0:
            out.write("  ".join("─" * w for w in widths) + "\n")
        else:
            rests = report.checks[i - 1].requirement
            note = f"{notes[i - 1]}" + (f" ({label('rules', lang)})" if rests else "")
            for line in textwrap.wrap(note, width - 4):
                out.write(f"    {line}\n")
    out.write(
        f"\n{label('overall', lang)}: {status_text(report.overall, lang)}"
        f"  ({report.duration_s * 1000:.0f} ms)\n"
    )
