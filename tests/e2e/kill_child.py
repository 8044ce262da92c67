"""A workstation process for the SIGKILL test: queries, prints, exports and destroys in a loop
until it is killed; `--recover` only starts (recovering what a kill left), signs in and reports.

python -m tests.e2e.kill_child WORKDIR GATEWAY_DIR GATEWAY_URL CASE_DIR PLAN_JSON [--recover]
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from typing import Any


def say(*words: object) -> None:
    print(*words, flush=True)


def _query(desk: Any, rid: int, params: Any, basis: Any) -> Any:
    """desk.query, waiting out the gateway's per-address rate limit: on an idle machine the
    loop (twenty children one after the other) outruns its 10 requests a second."""
    from app.errors import DeskError

    while True:
        try:
            return desk.query(rid, params, basis)
        except DeskError as exc:
            if exc.code != "refused" or exc.values.get("code") != "rate_limited":
                raise
            time.sleep(1.0)


def main(argv: list[str]) -> int:
    workdir, gateway_dir, url, case_dir = (Path(argv[0]), Path(argv[1]), argv[2], Path(argv[3]))
    plan = [(int(rid), params) for rid, params in json.loads(argv[4])]
    recover_only = "--recover" in argv
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from app.validation import DEFAULT_LEGAL_GROUND, make_basis
    from sandbox.harness import open_desk, sandbox_token
    from signing.sandbox_pki import ensure_sandbox_pki
    from ui.app import ensure_app
    from ui.printout_render import print_to_pdf_file, render_pdf

    ensure_app()
    pki = ensure_sandbox_pki(gateway_dir / "pki")
    token, _kind, pin = sandbox_token(workdir, pki)
    desk = open_desk(workdir, url, pki, token, case_dir=case_dir)
    assert desk.materials is not None
    destroyed = len(desk.recovery.destroyed) if desk.recovery else 0
    desk.login(pin)  # sends what the recovery queued
    if recover_only:
        say(json.dumps({"destroyed": destroyed, "vault": len(desk.materials.vault),
                        "queued": len(desk.materials.casefile.queued()),
                        "counts": desk.materials.casefile.counts()}))
        desk.close()
        return 0
    say("ready", destroyed)
    basis = make_basis("KILL-2026-7", DEFAULT_LEGAL_GROUND, "Проверка устойчивости к SIGKILL")
    for i in range(10_000):
        rid, params = plan[i % len(plan)]
        say("phase receive")
        outcome = _query(desk, rid, params, basis)
        mode = i % 3
        if mode == 0:
            say("phase render")
            pdf = render_pdf(desk.printout(outcome.item, "ru"))
            say("phase attach")
            desk.attach(outcome.item, printed=False, pdf=pdf)
        elif mode == 1:
            say("phase print")
            target = case_dir / f"printed-{outcome.result.journal_seq}.pdf"
            target.parent.mkdir(parents=True, exist_ok=True)
            print_to_pdf_file(desk.printout(outcome.item, "kk"), target)
            say("phase attach")
            desk.attach(outcome.item, printed=True, pdf=None)
        else:
            say("phase destroy")
            desk.destroy_unattached(outcome.item)
        say("phase idle")
    desk.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
