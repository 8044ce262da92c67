"""`./run installer --check-reproducible`: two builds of HEAD in two folders, one manifest.

Each build has its own copy of the checkout, build venv and output folder; both sign with the
same release key (the manifest lists the release certificate). Exit 0 when the bundles' manifests
match (the .deb and the Windows kit are not built here; the kit's MSI has fresh product codes).
"""

from __future__ import annotations

import argparse
import difflib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from installer.archive import MANIFEST
from installer.build import HERE, make_bundle, project_version, say, source_date_epoch
from installer.release_key import ensure_sandbox_release_key
from installer.sourcetree import copy_source, export_commit


def main(argv: list[str]) -> int:
    p = argparse.ArgumentParser(prog="./run installer --check-reproducible", description=__doc__)
    p.add_argument("--keep", action="store_true", help="keep the two build folders")
    args = p.parse_args(argv)
    source = HERE.parent
    os.environ.setdefault("SOURCE_DATE_EPOCH", str(source_date_epoch(source)))
    key, cert = ensure_sandbox_release_key(source / "build" / "installer" / "sandbox-release")
    base = Path(tempfile.mkdtemp(prefix="sio-desk-repro-"))
    rev = subprocess.run(["git", "-C", str(source), "rev-parse", "HEAD"], capture_output=True,
                         text=True, check=False).stdout.strip() or "HEAD"  # one commit for both
    manifests = []
    for name in ("first", "second-build-folder"):
        tree = base / name / "src"
        if not export_commit(source, tree, rev):  # the committed tree, as ./run installer builds
            copy_source(source, tree)
        say(f"reproducibility: building in {tree}")
        bundle = make_bundle(tree, base / name / "work", base / name / "dist",
                             project_version(source), key, cert, packages=False)
        manifests.append((bundle / MANIFEST).read_text("utf-8"))
    if manifests[0] == manifests[1]:
        print(f"reproducible: identical manifests ({manifests[0].count(chr(10))} files)")
        code = 0
    else:
        sys.stdout.writelines(difflib.unified_diff(
            manifests[0].splitlines(True), manifests[1].splitlines(True), "first", "second"))
        print("NOT reproducible: the manifests differ (above)")
        code = 1
    if not args.keep:
        shutil.rmtree(base, ignore_errors=True)
    else:
        print(base)
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
