"""Console entry points; the only module allowed to import every layer (DESIGN.md)."""

from __future__ import annotations

import sys


def desk() -> None:
    from app.cli import main

    sys.exit(main(sys.argv[1:]))


def gateway() -> None:
    from gateway.cli import main

    sys.exit(main(sys.argv[1:]))
