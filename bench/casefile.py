"""Case material (issue 8): destroying a 100 MB result file against `shred -u` of the same size,
and attaching + printing a 1,000-record result the way the desk does it."""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import time
from datetime import timedelta
from pathlib import Path

from app import printout as printouts
from app.casefile import Receipt
from app.materials import CaseMaterials
from bench.figures import Figure, Goal
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


def attach_and_print(work: Path, module: Path, label: str, pin: str) -> dict[str, float]:
    """Seconds for each step of attaching a 1,000-record №1 result: build, render, sign, attach,
    print to a PDF file — with the analyst's key on the SoftHSM2 token `label`."""
    from signing.pades import sign_pdf
    from signing.pkcs11 import Pkcs11Token
    from signing.token import pick
    from ui.app import ensure_app
    from ui.printout_render import print_to_pdf_file, render_pdf

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    ensure_app()
    token = Pkcs11Token.open(module, label)
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
        token.logout()
    out["bare_print"] = bare_print(records, work / "bare.pdf")
    return out


def bare_print(records: tuple[dict[str, str], ...], path: Path) -> float:
    """Seconds for Qt alone to lay out the same records as an HTML table and print them to a
    PDF file (QTextDocument.print_ on an A4 QPrinter): the baseline of attach_print_1000."""
    from html import escape

    from PySide6.QtGui import QPageSize, QTextDocument
    from PySide6.QtPrintSupport import QPrinter

    names = list(records[0])
    rows = "".join("<tr>" + "".join(f"<td>{escape(r[n])}</td>" for n in names) + "</tr>"
                   for r in records)
    html = ("<table border=1><tr>" + "".join(f"<th>{escape(n)}</th>" for n in names) + "</tr>"
            + rows + "</table>")
    start = time.perf_counter()
    doc = QTextDocument()
    doc.setHtml(html)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    doc.print_(printer)
    return time.perf_counter() - start


def _pages(pdf: bytes) -> int:
    return pdf.count(b"/Type /Page\n") or pdf.count(b"/Type/Page") or pdf.count(b"/Type /Page")


def figures(work: Path, module: Path, label: str, pin: str, quick: bool = False
            ) -> list[Figure]:
    out = []
    if shutil.which("shred"):
        ours, theirs = shred_100mb(work, rounds=1 if quick else 3)
        out.append(Figure(
            "shred_100mb", ours, "s", theirs, "s", (Goal("ratio", "<=", 0.01),),
            what=("the vault's destroy of a kept 100 MB result file (app.materials, as Desk "
                  "keeps it) / `shred -u` of a 100 MB file; median of "
                  f"{1 if quick else 3}")))
    else:
        out.append(Figure("shred_100mb", None, "s", None, "s", (Goal("ratio", "<=", 0.01),),
                          skipped="shred(1) is not installed"))
    steps = attach_and_print(work, module, label, pin)
    total = sum(v for k, v in steps.items() if k not in ("pages", "bare_print"))
    out.append(Figure(
        "attach_print_1000", total, "s", steps["bare_print"], "s",
        what=(f"a {RECORDS}-record №1 result: printout built, rendered to PDF, PAdES-signed on "
              "SoftHSM2, printed to a PDF file, attached (export + destroy), as Desk.attach and "
              "the window do / Qt alone printing the same records as an HTML table to PDF; "
              "issue 8 sets no goal"),
        extra={"pages": int(steps["pages"]), **{f"{k}_s": v for k, v in steps.items()
                                                if k not in ("pages", "bare_print")}}))
    return out
