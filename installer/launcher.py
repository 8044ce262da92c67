"""The frozen bundle's one executable: `sio-gateway` by that name (a link), else `sio-desk`."""

from __future__ import annotations

import os
import sys

import entrypoints


def main() -> None:
    name = os.path.basename(sys.argv[0]).lower().removesuffix(".exe")
    if name.startswith("sio-gateway"):
        entrypoints.gateway()
    else:
        entrypoints.desk()


if __name__ == "__main__":
    main()
