"""Runs every bench: python -m bench [--n N]."""

from __future__ import annotations

import argparse

from bench import casefile, gateway, selfcheck, signing, startup, world


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("--n", type=int, default=5, help="fresh processes per variant (default 5)")
    args = parser.parse_args()
    startup.main(args.n)
    signing.main()
    selfcheck.main()
    world.main()
    casefile.main()
    gateway.main()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
