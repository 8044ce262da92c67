"""`python -m app.selfcheck …` — the same command line as `sio-desk selfcheck …`."""

from __future__ import annotations

import sys

from app.selfcheck.cli import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
