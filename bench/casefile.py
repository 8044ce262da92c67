"""Case material (issue 8): destroying a 100 MB result file against `shred -u` of the same size,
and attaching + printing a 1,000-record result the way the desk does it."""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import tempfile
import time
from datetime import timedelta
from pathlib import Path

from app import printout as printouts
from app.casefile import Receipt
from app.materials import CaseMaterials
from resources.catalogue import resource
from transport.clock import now_astana, now_utc

SIZE = 100 * 1024 * 1024
RECORDS = 1000


def _kept(materials: CaseMaterials, blob: bytes, seq: int) -> Receipt:
    """A result kept the way Desk.query keeps one: receipt before the query, then the file."""
    expected = materials.expect(owner_iin="880412410213", request_sha256="a" * 64, resource=1,
                                case_number="BENCH-1", asked_at=now_utc())
    return materials.keep(expected.id, blob, journal_seq=seq, response_sha256="b" * 64,
                          received_at=now_utc())


def _timed(call: object) -> float:
    start = time.perf_counter()
    call()  # type: ignore[operator]
    return time.perf_counter() - start


def shred_100mb(work: Path, rounds: int = 3) -> tuple[float, float]:
    """Median seconds: the vault's destroy of a 100 MB result file; `shred -u` of 100 MB."""
    materials = CaseMaterials(work / "data", retention=timedelta(hours=8), use_keyring=False)
    blob = os.urandom(SIZE)
    ours, theirs = [], []
    try:
        for i in range(rounds):
            receipt = _kept(materials, blob, i + 1)
            # The file's destruction as the vault does it; the receipt's update is size-free.
            ours.append(_timed(lambda r=receipt: materials.vault.destroy(r.id)))
            materials.destroy_unattached(receipt.id)
            while list(materials.vault.directory.glob("*.shredded")):
                time.sleep(0.01)  # the background unlink ends before the baseline runs
            plain = work / f"plain-{i}.bin"
            plain.write_bytes(blob)
            with plain.open("rb+") as f:
                os.fsync(f.fileno())
            theirs.append(_timed(lambda p=plain: subprocess.run(["shred", "-u", str(p)],
                                                                check=True)))
    finally:
        materials.close()
    return statistics.median(ours), statistics.median(theirs)


def attach_and_print(work: Path) -> dict[str, float]:
    """Seconds for each step of attaching a 1,000-record №1 result: build, render, sign, attach,
    print to a PDF file — with the sandbox analyst's key on SoftHSM2 where installed."""
    from sandbox.harness import sandbox_token
    from signing.pades import sign_pdf
    from signing.sandbox_pki import ensure_sandbox_pki
    from signing.token import pick
    from ui.app import ensure_app
    from ui.printout_render import print_to_pdf_file, render_pdf

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    ensure_app()
    pki = ensure_sandbox_pki(work / "pki")
    token, _kind, pin = sandbox_token(work / "ws", pki)
    token.login(pin)
    signer = token.signer(pick(token.keypairs(), "signing"))
    res = resource(1)
    records = tuple({f.name: f"{f.name}-{i:04d} ҚАЗАҚСТАН РЕСПУБЛИКАСЫ, АСТАНА ҚАЛАСЫ"
                     for f in res.fields} for i in range(RECORDS))
    facts = printouts.ResultFacts(
        resource=res, case_number="BENCH-1", legal_ground="AML/CFT law", purpose="bench",
        asked_at="2026-12-01T10:00:00+05:00", answered_at="2026-12-01T10:00:01+05:00",
        journal_seq=1, request_sha256="a" * 64, response_sha256="b" * 64,
        operator_serial="01", truncated=False, records=records)
    materials = CaseMaterials(work / "data", retention=timedelta(hours=8), use_keyring=False)
    out: dict[str, float] = {}
    try:
        receipt = _kept(materials, repr(records).encode(), 1)
        start = time.perf_counter()
        doc = printouts.build(facts, printouts.Requester("BENCH", "880412410213", "AFM"),
                              lang="ru", gateway="bench", printed_at=now_astana(), sandbox=True)
        out["build"] = time.perf_counter() - start
        pdf: list[bytes] = []
        out["render"] = _timed(lambda: pdf.append(render_pdf(doc)))
        signed: list[bytes] = []
        out["sign"] = _timed(lambda: signed.append(sign_pdf(pdf[0], signer, reason="bench",
                                                            location="bench")))
        out["print"] = _timed(lambda: print_to_pdf_file(doc, work / "printed.pdf"))
        out["attach"] = _timed(lambda: materials.attach(receipt.id, printed=True,
                                                        signed_pdf=signed[0],
                                                        case_dir=work / "case"))
        out["pages"] = float(_pages(signed[0]))
    finally:
        materials.close()
        token.close()
    return out


def _pages(pdf: bytes) -> int:
    return pdf.count(b"/Type /Page\n") or pdf.count(b"/Type/Page") or pdf.count(b"/Type /Page")


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="sio-bench-case-") as tmp:
        work = Path(tmp)
        if shutil.which("shred"):
            ours, theirs = shred_100mb(work)
            print(f"shred_100mb: vault destroy {ours * 1000:.2f} ms, shred -u {theirs * 1000:.0f}"
                  f" ms, ratio {ours / theirs:.4f} (goal <= 0.01)")
        else:
            print("shred_100mb: shred(1) not installed — skipped")
        steps = attach_and_print(work)
        total = sum(v for k, v in steps.items() if k != "pages")
        print(f"attach_print_1000: {total:.2f} s for {RECORDS} records "
              f"({int(steps['pages'])} pages): build {steps['build']:.2f} s, render "
              f"{steps['render']:.2f} s, sign {steps['sign']:.2f} s, print to PDF "
              f"{steps['print']:.2f} s, attach (export + destroy) {steps['attach']:.3f} s")


if __name__ == "__main__":
    main()
