"""Console entry points; the only modules allowed to import every layer (DESIGN.md)."""

from __future__ import annotations

import sys


def desk() -> None:
    argv = sys.argv[1:]
    if argv[:1] == ["demo"]:
        from sandbox.cli import main as demo

        sys.exit(demo(argv[1:]))
    from app.cli import main

    sys.exit(main(argv, _gui))


def gateway() -> None:
    from gateway.cli import main

    sys.exit(main(sys.argv[1:]))


def _gui(desk: object, lang: str) -> int:
    from ui.app import run_gui

    return run_gui(desk, lang=lang)  # type: ignore[arg-type]
