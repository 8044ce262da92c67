"""The printout of a result (R-RES-1), read back as a reader would: poppler's text extraction,
its font and image lists, and a QR decoder on the rendered pages.

Printouts are built by app.printout.build from made-up results; nothing here is mocked: the
PDFs are Qt's own, the checks are poppler's and zbar's.
"""

from __future__ import annotations

import base64
import os
import re
import shutil
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from app.printout import Printout, Requester, ResultFacts, build
from resources.catalogue import resource
from ui.printout_render import print_document, print_to_pdf_file, render_pdf

pytestmark = [pytest.mark.gui, pytest.mark.req("R-RES-1")]

ROOT = Path(__file__).resolve().parents[2]
KAZAKH_LETTERS = "әғқңөұүһі ӘҒҚҢӨҰҮҺІ"
GATEWAY = "gw.sio.kz"
PRINTED_AT = datetime(2026, 3, 2, 10, 20, 0)


def tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (poppler-utils, zbar-tools: ./run test installs)")
    return path


def run(*args: str) -> str:
    done = subprocess.run(args, capture_output=True, check=True, timeout=120)
    return done.stdout.decode("utf-8")


def pdf_text(path: Path, mode: str = "-layout") -> str:
    """pdftotext's text: "-layout" as the page looks, "-raw" in the order it was drawn."""
    return run(tool("pdftotext"), mode, str(path), "-")


def pdf_pages(path: Path) -> int:
    info = run(tool("pdfinfo"), str(path))
    match = re.search(r"^Pages:\s+(\d+)", info, re.M)
    assert match, info
    return int(match.group(1))


def squeeze(text: str) -> str:
    return "".join(text.split())


def person(i: int) -> dict[str, str]:
    return {
        "iin": f"{880101300000 + i:012d}",
        "surname": "Сейітқұлов",
        "first_name": "Ғалымжан",
        "patronymic": "Үмбетұлы",
        "birth_date": "1988-01-01",
        "sex": "ер",
        "citizenship": "Қазақстан Республикасы",
        "address": f"Қонаев қ., Һәкім Абай көшесі, {i}-үй, белгі UNQ-{i:05d}-ӨҢ",
    }


def facts(records: list[dict[str, str]], *, resource_id: int = 1,
          truncated: bool = False) -> ResultFacts:
    return ResultFacts(
        resource=resource(resource_id),
        case_number="2026-0142/ҚМ",
        legal_ground="ҚР Заңы № 191-IV, 16-бап; Закон РК № 191-IV, ст. 16",
        purpose=f"Контрагентті тексеру ({KAZAKH_LETTERS}); проверка контрагента",
        asked_at="2026-03-02T10:15:00+05:00",
        answered_at="2026-03-02T10:15:02+05:00",
        journal_seq=4242,
        request_sha256="0f" * 32,
        response_sha256="3f5a9c1e" * 8,
        operator_serial="4f00a1b2c3d4e5f60718293a4b5c6d7e8f901234",
        truncated=truncated,
        records=tuple(records),
    )


REQUESTER = Requester("Әбілқасымова Гүлнұр Өмірбекқызы", "880101400123",
                      "Қаржылық мониторинг агенттігі")


def printout(records: list[dict[str, str]], lang: str, *, sandbox: bool = True,
             resource_id: int = 1, truncated: bool = False) -> Printout:
    return build(facts(records, resource_id=resource_id, truncated=truncated), REQUESTER,
                 lang=lang, gateway=GATEWAY, printed_at=PRINTED_AT, sandbox=sandbox)


def png_photo(qapp: Any) -> bytes:
    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtGui import QColor, QImage, QPainter

    image = QImage(120, 160, QImage.Format.Format_ARGB32)
    image.fill(QColor(200, 220, 255))
    painter = QPainter(image)
    painter.setBrush(QColor(120, 90, 60))
    painter.drawEllipse(30, 30, 60, 80)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data().data())


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def page_texts(p: Printout, pages: int) -> list[str]:
    return [p.page_template.format(page=n, pages=pages) for n in range(1, pages + 1)]


def body_only(text: str, p: Printout, pages: int) -> str:
    """The extracted text without whitespace, footers and repeated record headings."""
    flat = squeeze(text)
    chrome = [p.footer, p.qr_caption, *page_texts(p, pages)]
    chrome += [p.sandbox_mark] if p.sandbox_mark else []
    chrome += [r.heading for r in p.records]
    for piece in sorted((squeeze(c) for c in chrome), key=len, reverse=True):
        flat = flat.replace(piece, "")
    return flat


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_labels_values_footers_and_embedded_fonts(qapp: Any, tmp_path: Path, lang: str) -> None:
    records = [person(1), person(2), {"iin": "900202400456", "surname": "Иванова",
                                      "first_name": "Ольга", "address": KAZAKH_LETTERS}]
    p = printout(records, lang, truncated=True)
    data = render_pdf(p)
    assert data.startswith(b"%PDF-")
    assert b'pdfaid:part="1"' in data  # PDF/A-1b for the case material
    path = write(tmp_path, f"{lang}.pdf", data)
    text = pdf_text(path)
    # A label or value that wraps is read whole in drawing order, lines joined by one space.
    words = " ".join(pdf_text(path, "-raw").split())
    pages = pdf_pages(path)

    assert "…" not in text and "…" not in words
    assert p.title in text
    assert p.sandbox_mark and p.sandbox_mark in text
    for line in p.header:
        assert line.label in words, line.label
        assert line.value in words, line.value
    assert p.notes and p.notes[0] in words
    for record in p.records:
        assert record.heading in text
        for line in record.lines:
            assert line.label in text
            assert line.value in words, line.value
    assert KAZAKH_LETTERS in text
    assert all(letter in text for letter in "әғқңөұүһі")
    labels = {"kk": ("Әкесінің аты", "Тіркелген мекенжайы", "Сұрау хэші (SHA-256)"),
              "ru": ("Отчество", "Адрес регистрации", "Хэш запроса (SHA-256)")}[lang]
    assert all(label in text for label in labels)
    printed = {"kk": "Басып шығарылған уақыты (Астана)", "ru": "Время печати (Астана)"}[lang]
    assert printed in words
    assert p.footer in words
    assert p.qr_caption in words
    for n, page_text in enumerate(page_texts(p, pages), start=1):
        assert page_text in text, page_text
        assert page_text in pdf_text_page(path, n)
    assert ("1-бет, барлығы" if lang == "kk" else "Страница 1 из") in text

    fonts = run(tool("pdffonts"), str(path)).splitlines()[2:]
    assert fonts, "no fonts in the PDF"
    assert all("DejaVu" in row for row in fonts), fonts
    assert all(row.split()[-5] == "yes" for row in fonts), fonts  # emb column
    assert all(row.split()[-3] == "yes" for row in fonts), fonts  # ToUnicode (uni) column


def pdf_text_page(path: Path, page: int) -> str:
    return run(tool("pdftotext"), "-layout", "-f", str(page), "-l", str(page), str(path), "-")


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_qr_on_every_page_decodes_to_the_payload(qapp: Any, tmp_path: Path, lang: str) -> None:
    zbarimg, pdftoppm = tool("zbarimg"), tool("pdftoppm")
    p = printout([person(i) for i in range(1, 31)], lang)
    path = write(tmp_path, "qr.pdf", render_pdf(p))
    pages = pdf_pages(path)
    assert pages >= 2
    run(pdftoppm, "-r", "150", "-png", str(path), str(tmp_path / "page"))
    images = sorted(tmp_path.glob("page-*.png"))
    assert len(images) == pages
    for image in images:
        decoded = subprocess.run([zbarimg, "--raw", "-q", str(image)], capture_output=True,
                                 timeout=60)
        assert decoded.returncode == 0, (image.name, decoded.stderr)
        assert decoded.stdout.decode("utf-8").strip() == p.qr_payload


def test_thousand_records_print_completely(qapp: Any, tmp_path: Path) -> None:
    p = printout([person(i) for i in range(1, 1001)], "ru")
    assert all(len(r.lines) == 8 for r in p.records)
    data = render_pdf(p)  # its time is the bench's attach_print_1000, not a test's
    path = write(tmp_path, "big.pdf", data)
    text = pdf_text(path)
    pages = pdf_pages(path)
    headings = {int(n) for n in re.findall(r"Запись (\d+) из 1000", text)}
    assert headings == set(range(1, 1001))
    assert "UNQ-01000-ӨҢ" in text and "UNQ-00001-ӨҢ" in text
    assert text.count("UNQ-") == 1000
    assert p.page_template.format(page=pages, pages=pages) in text
    assert p.page_template.format(page=pages + 1, pages=pages + 1) not in text
    assert "…" not in text


@pytest.mark.parametrize("size", [3_000, 12_000])  # 12,000 is taller than a page
def test_long_unbroken_value_prints_whole(qapp: Any, tmp_path: Path, size: int) -> None:
    value = base64.b64encode(os.urandom(size))[:size].decode("ascii")
    assert len(value) == size and " " not in value
    p = printout([person(1), {"iin": "900202400456", "document": value}, person(3)], "kk")
    path = write(tmp_path, "long.pdf", render_pdf(p))
    pages = pdf_pages(path)
    text = pdf_text(path)
    assert "…" not in text
    assert value in body_only(text, p, pages)
    raw = pdf_text(path, "-raw")
    assert value in body_only(raw, p, pages)
    assert "UNQ-00003-ӨҢ" in text  # and what follows it still prints


def test_photo_record_draws_the_image(qapp: Any, tmp_path: Path) -> None:
    photo = base64.b64encode(png_photo(qapp)).decode("ascii")
    record = {"iin": "880101300123", "full_name": "Сейітқұлов Ғалымжан Үмбетұлы",
              "photo_ref": "udp://photo/880101300123.jpg", "document": "045678912",
              "issued_on": "2019-05-12", "photo_png": photo}
    p = printout([record, dict(record, full_name="Өтегенова Әсел")], "kk", resource_id=19)
    assert all(r.image_png for r in p.records)
    path = write(tmp_path, "photo.pdf", render_pdf(p))
    pages = pdf_pages(path)
    assert pages == 1
    text = pdf_text(path)
    assert "Сейітқұлов Ғалымжан Үмбетұлы" in text and "Өтегенова Әсел" in text
    assert photo[:40] not in squeeze(text)  # a picture, never base64 text
    listing = run(tool("pdfimages"), "-list", str(path)).splitlines()[2:]
    assert len(listing) >= 2, listing


def test_no_records_prints_the_empty_text(qapp: Any, tmp_path: Path) -> None:
    p = printout([], "ru", sandbox=False)
    path = write(tmp_path, "empty.pdf", render_pdf(p))
    text = pdf_text(path)
    assert p.empty_text in text
    assert pdf_pages(path) == 1
    assert p.page_template.format(page=1, pages=1) in text


def test_print_to_pdf_file(qapp: Any, tmp_path: Path) -> None:
    p = printout([person(i) for i in range(1, 21)], "kk")
    path = tmp_path / "printed.pdf"
    pages = print_to_pdf_file(p, path)
    assert pages == pdf_pages(path) >= 2
    text = pdf_text(path)
    assert p.title in text and "UNQ-00020-ӨҢ" in text
    assert p.page_template.format(page=pages, pages=pages) in text


def test_print_document_respects_the_dialogs_page_range(qapp: Any, tmp_path: Path) -> None:
    from PySide6.QtGui import QPageRanges
    from PySide6.QtPrintSupport import QPrinter

    p = printout([person(i) for i in range(1, 31)], "ru")
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "range.pdf"))
    printer.setFullPage(True)  # the renderer still keeps to its margins
    ranges = QPageRanges()
    ranges.addPage(2)
    printer.setPageRanges(ranges)
    total = print_document(p, printer)
    assert total >= 3
    assert pdf_pages(tmp_path / "range.pdf") == 1
    text = pdf_text(tmp_path / "range.pdf")
    assert p.page_template.format(page=2, pages=total) in text
    assert p.title not in text  # page 1 was not printed


def test_renders_under_a_bare_qguiapplication(tmp_path: Path) -> None:
    """The headless demo has no QApplication: fonts must register under QGuiApplication too."""
    script = (
        "import sys\n"
        "from PySide6.QtGui import QGuiApplication\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QGuiApplication([])\n"
        "assert not isinstance(app, QApplication)\n"
        "from tests.gui.test_printout_render import person, printout\n"
        "from ui.printout_render import render_pdf\n"
        "sys.stdout.buffer.write(render_pdf(printout([person(7)], 'kk')))\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, cwd=ROOT,
                          env=env, timeout=120)
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    path = write(tmp_path, "gui-app.pdf", done.stdout)
    text = pdf_text(path)
    assert "UNQ-00007-ӨҢ" in text and "Әкесінің аты" in text
