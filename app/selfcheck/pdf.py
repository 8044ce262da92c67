"""R-WS-3 — software to read PDF: a registered viewer (a text extractor alone is not reading)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass

from app.selfcheck.model import CheckResult, Mode, Status
from app.selfcheck.system import IS_WINDOWS, run

VIEWERS = (
    "evince",
    "okular",
    "atril",
    "xpdf",
    "qpdfview",
    "mupdf",
    "zathura",
    "xreader",
    "papers",
    "firefox",
    "chromium",
    "chromium-browser",
)
EXTRACTORS = ("pdftotext", "pdfinfo")


@dataclass(frozen=True)
class PdfReading:
    default_app: str | None  # the desktop's association for application/pdf / .pdf
    viewers: tuple[str, ...] = ()  # viewer programs found on PATH
    extractors: tuple[str, ...] = ()
    evidence: tuple[str, ...] = ()


def read_pdf(timeout: float = 5.0, which: Callable[[str], str | None] = shutil.which) -> PdfReading:
    if IS_WINDOWS:
        return _windows_pdf(timeout)
    viewers = tuple(f"{v} ({p})" for v in VIEWERS if (p := which(v)))
    extractors = tuple(f"{e} ({p})" for e in EXTRACTORS if (p := which(e)))
    default = None
    evidence: list[str] = []
    if which("xdg-mime"):
        out = run(["xdg-mime", "query", "default", "application/pdf"], timeout)
        default = (out or "").strip() or None
        evidence.append(f"xdg-mime default for application/pdf: {default or 'none'}")
    else:
        evidence.append("xdg-mime not installed")
    return PdfReading(default, viewers, extractors, tuple(evidence))


def _windows_pdf(timeout: float) -> PdfReading:
    evidence: list[str] = []
    prog: str | None = None
    try:
        import winreg

        def value(root: object, path: str, name: str | None = None) -> str | None:
            try:
                with winreg.OpenKey(root, path) as key:  # type: ignore[attr-defined,arg-type,unused-ignore]
                    return str(winreg.QueryValueEx(key, name)[0]) or None  # type: ignore[attr-defined,unused-ignore]
            except OSError:
                return None

        hkcu = winreg.HKEY_CURRENT_USER  # type: ignore[attr-defined,unused-ignore]
        hkcr = winreg.HKEY_CLASSES_ROOT  # type: ignore[attr-defined,unused-ignore]
        choice = value(
            hkcu,
            r"Software\Microsoft\Windows\CurrentVersion\Explorer\FileExts"
            r"\.pdf\UserChoice",
            "ProgId",
        )
        prog = choice or value(hkcr, ".pdf")
        evidence.append(
            f".pdf association: {prog or 'none'}" + (" (user choice)" if choice else "")
        )
        command = value(hkcr, rf"{prog}\shell\open\command") if prog else None
        if prog and command:
            evidence.append(f"{prog} opens with: {command}")
        elif prog:
            evidence.append(f"{prog}: no open command registered")
            prog = None
    except ImportError:
        evidence.append("registry unavailable")
    return PdfReading(prog, (), (), tuple(evidence))


def check_pdf(reading: PdfReading, mode: Mode = Mode.BLOCK) -> CheckResult:
    evidence = list(reading.evidence)
    evidence += [f"viewer on PATH: {v}" for v in reading.viewers]
    evidence += [f"text extractor (not a reader): {e}" for e in reading.extractors]
    found = reading.default_app or (reading.viewers[0].split(" ")[0] if reading.viewers else None)
    if found:
        return CheckResult(
            "pdf",
            "R-WS-3",
            Status.PASS,
            found,
            None,
            "",
            "pdf_ok",
            {"app": found},
            tuple(evidence),
            mode=mode,
        )
    return CheckResult(
        "pdf", "R-WS-3", Status.FAIL, None, None, "", "pdf_none", {}, tuple(evidence), mode=mode
    )
