"""Lays out and paints an `app.printout.Printout` on any paged device (R-RES-1).

One renderer for the PDF export (QPdfWriter into memory), the Qt print dialog's QPrinter and
"print to a PDF file". Every text comes from the Printout; this module only places it:

* A4 portrait, 15 mm margins, the shipped DejaVu Sans (registered here when it is not yet: Qt
  would otherwise print Kazakh letters as black boxes without a word).
* Two passes: the layout measures and wraps every text and cuts the flow into pages, then the
  paint pass draws them, so every footer knows the page count.
* Nothing is cut or elided: values wrap at word boundaries, and anywhere inside long unbroken
  strings (hashes, base64); a row that does not fit the space left moves to the next page, a row
  taller than a page is split between its lines.
* Every page carries the footer: the confidentiality note, the QR of `qr_payload` with its
  caption (a torn-off page stays matchable to its journal entry) and "page x of y".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import segno
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QGuiApplication,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPainterPath,
    QPdfWriter,
    QPen,
    QTextLayout,
    QTextOption,
)
from PySide6.QtPrintSupport import QPrinter

from app.printout import Printout
from ui.fonts import FAMILY, register_fonts

MARGIN_MM = 15.0
QR_MIN_MM = 25.0  # with its quiet zone; ≥ 22 mm reads well from paper with a phone
QR_MAX_MM = 40.0
QR_MODULE_MM = 0.5  # the QR grows with a longer payload rather than shrink its modules
QR_BORDER = 4  # modules of quiet zone on each side (ISO/IEC 18004)
PHOTO_W_MM, PHOTO_H_MM = 30.0, 40.0  # a document photo's 3×4 box
PHOTO_DPI = 300  # photos are downscaled to this at their printed size before they are drawn

# style → (point size, bold)
_STYLES: dict[str, tuple[float, bool]] = {
    "title": (14.0, True),
    "sandbox": (11.0, True),
    "label": (8.5, False),
    "value": (9.0, False),
    "heading": (9.5, True),
    "note": (9.0, True),
    "footer": (7.5, False),
    "page": (8.0, True),
    "footer_mark": (7.5, True),
}

_BLACK = QColor(0, 0, 0)
_LABEL = QColor(0x4A, 0x4A, 0x4A)
_RULE = QColor(0xC8, 0xC8, 0xC8)
_BAND = QColor(0xE9, 0xEC, 0xEF)
_SANDBOX_FILL = QColor(0xFF, 0xE0, 0x82)
_SANDBOX_TEXT = QColor(0x8B, 0x00, 0x00)
_NOTE_FILL = QColor(0xF3, 0xF3, 0xF3)

_fonts_ready = False


def ensure_fonts() -> None:
    """Registers the shipped DejaVu Sans once per process (QApplication or QGuiApplication)."""
    global _fonts_ready
    if QGuiApplication.instance() is None:
        raise RuntimeError(
            "printing needs a QGuiApplication (or QApplication); create one first "
            "(QT_QPA_PLATFORM=offscreen where there is no display)"
        )
    if _fonts_ready and FAMILY in QFontDatabase.families():
        return
    register_fonts()
    _fonts_ready = True


# ---------------------------------------------------------------------------------------------
# Public API


def paint(printout: Printout, device: QPagedPaintDevice) -> int:
    """Lays out and paints `printout` on `device` (A4, 15 mm margins); returns its page count.

    When the device carries page ranges (chosen in QPrintDialog), only those pages are painted;
    their footers still count every page of the document.
    """
    ensure_fonts()
    if isinstance(device, QPrinter) and device.fullPage():
        device.setFullPage(False)  # the layout keeps to the margins
    _set_a4(device)
    layout = _Layout(printout, device)
    pages = layout.paginate()
    ranges = device.pageRanges()
    chosen = [n for n in range(1, len(pages) + 1) if ranges.isEmpty() or ranges.contains(n)]
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("the printing device could not be opened")
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        for i, number in enumerate(chosen):
            if i > 0 and not device.newPage():
                raise OSError(f"the printing device refused page {number}")
            layout.paint_page(painter, pages[number - 1], number, len(pages))
    finally:
        painter.end()
    return len(pages)


def render_pdf(printout: Printout, *, title: str = "", creator: str = "SIO Desk") -> bytes:
    """The printout as PDF/A-1b bytes, painted in memory (never through a temporary file)."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPdfVersion(QPagedPaintDevice.PdfVersion.PdfVersion_A1b)
    writer.setTitle(title or printout.title)
    writer.setCreator(creator)
    paint(printout, writer)  # the PDF is complete once the painter has ended
    data = bytes(buffer.data().data())
    buffer.close()
    buffer.setData(QByteArray())
    return data


def print_document(printout: Printout, printer: QPrinter) -> int:
    """Prints on a QPrinter the caller has set up (QPrintDialog); returns the page count."""
    return paint(printout, printer)


def print_to_pdf_file(printout: Printout, path: str | Path) -> int:
    """Prints to the PDF file `path` through QPrinter's own PDF output; returns the page count."""
    ensure_fonts()
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setDocName(printout.title)
    printer.setCreator("SIO Desk")
    pages = paint(printout, printer)
    if not Path(path).is_file():  # QPrinter fails silently: check the file
        raise OSError(f"the PDF was not written: {path}")
    return pages


# ---------------------------------------------------------------------------------------------
# Layout


def _set_a4(device: QPagedPaintDevice) -> None:
    layout = QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        QPageLayout.Orientation.Portrait,
        QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
        QPageLayout.Unit.Millimeter,
    )
    if not device.setPageLayout(layout):
        # A printer whose minimum margins are wider: keep A4, take its margins; the layout
        # below measures the device's paint area, whatever it turned out to be.
        device.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        device.setPageOrientation(QPageLayout.Orientation.Portrait)


@dataclass
class _Col:
    x: float
    style: str
    lines: tuple[str, ...]
    color: QColor


@dataclass
class _Block:
    """A horizontal band of the flow: columns of wrapped lines sharing one baseline grid."""

    cols: list[_Col] = field(default_factory=list)
    line_h: float = 0.0
    ascent: float = 0.0
    pad: float = 0.0
    fill: QColor | None = None
    frame: QColor | None = None
    rule: bool = False  # a thin line under the band
    rule_w: float | None = None  # its length when not the full width (beside a photo)
    keep_next: bool = False  # never the last thing on a page (headings)
    gap: float = 0.0  # a spacer of this height; dropped at the top of a page
    photo: QImage | None = None  # drawn at the right, under this block (a record's heading)
    photo_size: tuple[float, float] = (0.0, 0.0)
    clear_photo: bool = False  # end of a record: the flow continues below its photo
    is_heading: bool = False  # a record's heading

    @property
    def n(self) -> int:
        return max((len(c.lines) for c in self.cols), default=0)

    def height(self, a: int = 0, b: int | None = None) -> float:
        if self.gap:
            return self.gap
        b = self.n if b is None else b
        return 2 * self.pad + (b - a) * self.line_h

    def min_height(self, page_h: float) -> float:
        """What must fit where this block starts: all of it, or one line if it outgrows a page."""
        full = self.height()
        return full if full <= page_h else self.height(0, 1)


@dataclass
class _Placed:
    block: _Block
    y: float
    a: int
    b: int


class _Layout:
    def __init__(self, printout: Printout, device: QPagedPaintDevice) -> None:
        self.p = printout
        self.device = device
        self.dpi = float(device.logicalDpiY())
        self.width = float(device.width())
        self.height = float(device.height())
        self.fonts: dict[str, QFont] = {}
        self.metrics: dict[str, QFontMetricsF] = {}
        for style, (size, bold) in _STYLES.items():
            font = QFont(FAMILY)
            font.setPointSizeF(size)
            font.setBold(bold)
            font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
            font.setStyleStrategy(QFont.StyleStrategy.PreferOutline)
            for tag in ("liga", "clig"):  # "ﬁ" would copy out of the PDF as U+FB01, not "fi"
                font.setFeature(QFont.Tag(tag), 0)
            self.fonts[style] = font
            self.metrics[style] = QFontMetricsF(font, device)
        self.words = QTextOption()
        self.words.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.anywhere = QTextOption()  # one long token (hash, base64): fill every line
        self.anywhere.setWrapMode(QTextOption.WrapMode.WrapAnywhere)
        self._wrapped: dict[tuple[str, str, float], tuple[str, ...]] = {}
        self._qr_cache: tuple[QPainterPath, float] | None = None
        self._footer_cache: float | None = None

    # -- measures

    def mm(self, value: float) -> float:
        return value * self.dpi / 25.4

    def wrap(self, text: str, style: str, width: float) -> tuple[str, ...]:
        """`text` broken into lines no wider than `width`; every character kept."""
        key = (text, style, width)
        hit = self._wrapped.get(key)
        if hit is not None:
            return hit
        metrics = self.metrics[style]
        out: list[str] = []
        for paragraph in text.replace("\t", "    ").splitlines() or [""]:
            if metrics.horizontalAdvance(paragraph) <= width:
                out.append(paragraph)
                continue
            out.extend(self._break(paragraph, style, width))
        lines = tuple(out)
        self._wrapped[key] = lines
        return lines

    def _break(self, paragraph: str, style: str, width: float) -> list[str]:
        layout = QTextLayout(paragraph, self.fonts[style], self.device)
        single_token = not any(ch.isspace() for ch in paragraph)
        layout.setTextOption(self.anywhere if single_token else self.words)
        layout.beginLayout()
        spans: list[tuple[int, int]] = []
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            spans.append((line.textStart(), line.textLength()))
        layout.endLayout()
        if all(ord(ch) < 0x10000 for ch in paragraph):
            pieces = [paragraph[s : s + n] for s, n in spans]
        else:  # Qt counts UTF-16 code units
            units = paragraph.encode("utf-16-le")
            pieces = [units[2 * s : 2 * (s + n)].decode("utf-16-le") for s, n in spans]
        lines = [piece.rstrip(" ") for piece in pieces]
        assert "".join(pieces) == paragraph, "the layout lost characters"
        return lines or [""]

    def line_metrics(self, *styles: str) -> tuple[float, float]:
        height = max(self.metrics[s].lineSpacing() for s in styles)
        ascent = max(self.metrics[s].ascent() for s in styles)
        return height, ascent

    # -- blocks

    def text_block(self, text: str, style: str, color: QColor = _BLACK, *, x: float = 0.0,
                   width: float | None = None, pad_mm: float = 0.6) -> _Block:
        width = self.width - x if width is None else width
        line_h, ascent = self.line_metrics(style)
        return _Block(cols=[_Col(x, style, self.wrap(text, style, width), color)],
                      line_h=line_h, ascent=ascent, pad=self.mm(pad_mm))

    def row_block(self, label: str, value: str, label_w: float, value_x: float,
                  value_w: float) -> _Block:
        line_h, ascent = self.line_metrics("label", "value")
        rule_w = value_x + value_w
        return _Block(
            cols=[_Col(0.0, "label", self.wrap(label, "label", label_w), _LABEL),
                  _Col(value_x, "value", self.wrap(value, "value", value_w), _BLACK)],
            line_h=line_h, ascent=ascent, pad=self.mm(0.9), rule=True,
            rule_w=None if rule_w >= self.width else rule_w)

    def label_width(self) -> float:
        """Wide enough for the labels, narrow enough that a header hash stays on one line."""
        labels = {line.label for line in self.p.header}
        labels.update(line.label for rec in self.p.records for line in rec.lines)
        label_m, value_m = self.metrics["label"], self.metrics["value"]
        natural = max((label_m.horizontalAdvance(t) for t in labels), default=0.0)
        width = min(max(natural + self.mm(1), self.width * 0.22), self.width * 0.36)
        tokens = [t for line in self.p.header for t in line.value.split() if len(t) <= 72]
        widest = max((value_m.horizontalAdvance(t) for t in tokens), default=0.0)
        room = self.width - self.mm(3) - widest - self.mm(1)  # what the values leave over
        return max(min(width, room), self.width * 0.22)

    def photo(self, png: bytes | None) -> tuple[QImage, float, float] | None:
        """The photo on white (no transparency in PDF/A-1b), at most 300 dpi at its size."""
        if not png:
            return None
        image = QImage.fromData(png)
        if image.isNull() or image.width() == 0 or image.height() == 0:
            return None
        box_w, box_h = self.mm(PHOTO_W_MM), self.mm(PHOTO_H_MM)
        scale = min(box_w / image.width(), box_h / image.height())
        w, h = image.width() * scale, image.height() * scale
        px_w = max(1, min(image.width(), round(w / self.dpi * PHOTO_DPI)))
        px_h = max(1, min(image.height(), round(h / self.dpi * PHOTO_DPI)))
        flat = QImage(px_w, px_h, QImage.Format.Format_RGB32)
        flat.fill(QColor(255, 255, 255))
        p = QPainter(flat)
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        p.drawImage(QRectF(0, 0, px_w, px_h), image)
        p.end()
        return flat, w, h

    def blocks(self) -> list[_Block]:
        p = self.p
        gap = self.mm(1.5)
        label_w = self.label_width()
        value_x = label_w + self.mm(3)
        out: list[_Block] = [self.text_block(p.title, "title", pad_mm=0.0),
                             _Block(gap=self.mm(2))]
        if p.sandbox_mark:
            mark = self.text_block(p.sandbox_mark, "sandbox", _SANDBOX_TEXT, x=self.mm(3),
                                   width=self.width - self.mm(6), pad_mm=1.8)
            mark.fill, mark.frame = _SANDBOX_FILL, _SANDBOX_TEXT
            out += [mark, _Block(gap=self.mm(2))]
        for line in p.header:
            out.append(self.row_block(line.label, line.value, label_w, value_x,
                                      self.width - value_x))
        for note in p.notes:
            block = self.text_block(note, "note", x=self.mm(2), width=self.width - self.mm(4),
                                    pad_mm=1.4)
            block.fill = _NOTE_FILL
            out += [_Block(gap=gap), block]
        out.append(_Block(gap=self.mm(4)))
        if not p.records:
            out.append(self.text_block(p.empty_text, "note"))
        for record in p.records:
            heading = self.text_block(record.heading, "heading", x=self.mm(1.5),
                                      width=self.width - self.mm(3), pad_mm=1.0)
            heading.fill, heading.keep_next = _BAND, bool(record.lines)
            heading.is_heading = True
            photo = self.photo(record.image_png)
            value_w = self.width - value_x
            if photo is not None:
                heading.photo, w, h = photo
                heading.photo_size = (w, h)
                heading.keep_next = True
                value_w -= w + self.mm(4)
            out.append(heading)
            for line in record.lines:
                out.append(self.row_block(line.label, line.value, label_w, value_x, value_w))
            out += [_Block(clear_photo=True, gap=gap)]
        return out

    # -- footer

    def qr(self) -> tuple[QPainterPath, float]:
        """The QR's dark modules as one path (no seams between modules) and its side."""
        if self._qr_cache is None:
            code = segno.make(self.p.qr_payload, error="m", micro=False)
            rows = [list(row) for row in code.matrix_iter(border=QR_BORDER)]
            count = len(rows)
            side_mm = min(max(count * QR_MODULE_MM, QR_MIN_MM), QR_MAX_MM)
            side = self.mm(side_mm)
            module = side / count
            path = QPainterPath()
            path.setFillRule(Qt.FillRule.WindingFill)
            for r, row in enumerate(rows):
                c = 0
                while c < count:
                    if row[c]:
                        start = c
                        while c < count and row[c]:
                            c += 1
                        path.addRect(QRectF(start * module, r * module,
                                            (c - start) * module, module))
                    else:
                        c += 1
            self._qr_cache = (path, side)
        return self._qr_cache

    def footer_texts(self, page_text: str) -> list[_Block]:
        _, side = self.qr()
        width = self.width - side - self.mm(4)
        out = []
        if self.p.sandbox_mark:
            out.append(self.text_block(self.p.sandbox_mark, "footer_mark", _SANDBOX_TEXT,
                                       width=width, pad_mm=0.2))
        out.append(self.text_block(self.p.footer, "footer", width=width, pad_mm=0.2))
        out.append(self.text_block(self.p.qr_caption, "footer", _LABEL, width=width,
                                   pad_mm=0.2))
        out.append(self.text_block(page_text, "page", width=width, pad_mm=0.2))
        return out

    def footer_height(self) -> float:
        """Room the footer takes at the bottom of every page, with the rule above it."""
        if self._footer_cache is None:
            widest = self.p.page_template.format(page=88888, pages=88888)
            texts = sum(b.height() for b in self.footer_texts(widest))
            self._footer_cache = max(texts, self.qr()[1]) + self.mm(3)
        return self._footer_cache

    # -- pages

    def paginate(self) -> list[list[_Placed]]:
        body = self.height - self.footer_height() - self.mm(3)
        pages: list[list[_Placed]] = [[]]
        y = 0.0
        photo_bottom: float | None = None  # of the record being placed, on the current page
        heading: _Block | None = None  # of the record being placed, repeated on a new page
        blocks = self.blocks()

        def new_page() -> None:
            nonlocal y, photo_bottom
            pages.append([])
            y, photo_bottom = 0.0, None
            if heading is not None:  # a record continues: say which one at the top
                again = replace(heading, photo=None, keep_next=False)
                pages[-1].append(_Placed(again, 0.0, 0, again.n))
                y = again.height()

        for i, block in enumerate(blocks):
            if block.clear_photo:
                if photo_bottom is not None:
                    y = max(y, photo_bottom)
                photo_bottom, heading = None, None
            if block.gap:
                if y > 0:
                    y = min(y + block.gap, body)
                continue
            need = block.min_height(body)
            if block.keep_next and i + 1 < len(blocks):
                need += blocks[i + 1].min_height(body)
            if block.photo is not None:
                need = max(need, block.height() + block.photo_size[1] + self.mm(1))
            if y > 0 and y + need > body:
                new_page()
            if block.is_heading:
                heading = block
            if block.photo is not None:
                photo_bottom = y + block.height() + block.photo_size[1] + self.mm(1)
            full = block.height()
            if y + full <= body or block.n <= 1:
                pages[-1].append(_Placed(block, y, 0, block.n))
                y += full
                continue
            a = 0  # a block taller than a page: split between its lines
            while a < block.n:
                room = body - y - 2 * block.pad
                k = max(1, min(block.n - a, int(room // block.line_h)))
                pages[-1].append(_Placed(block, y, a, a + k))
                y += block.height(a, a + k)
                a += k
                if a < block.n:
                    new_page()
        return pages

    def paint_page(self, painter: QPainter, page: Sequence[_Placed], number: int,
                   total: int) -> None:
        for placed in page:
            self.paint_block(painter, placed)
        self.paint_footer(painter, self.p.page_template.format(page=number, pages=total))

    def paint_block(self, painter: QPainter, placed: _Placed) -> None:
        block, y = placed.block, placed.y
        h = block.height(placed.a, placed.b)
        if block.fill is not None or block.frame is not None:
            painter.save()
            if block.frame is not None:
                painter.setPen(QPen(block.frame, self.mm(0.4)))
            else:
                painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(block.fill if block.fill is not None else Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(0, y, self.width, h))
            painter.restore()
        for col in block.cols:
            painter.setFont(self.fonts[col.style])
            painter.setPen(col.color)
            baseline = y + block.pad + block.ascent
            for text in col.lines[placed.a : placed.b]:
                if text:
                    painter.drawText(QPointF(col.x, baseline), text)
                baseline += block.line_h
        if block.rule:
            painter.setPen(QPen(_RULE, self.mm(0.2)))
            right = self.width if block.rule_w is None else block.rule_w
            painter.drawLine(QPointF(0, y + h), QPointF(right, y + h))
        if block.photo is not None and placed.a == 0:
            w, hp = block.photo_size
            target = QRectF(self.width - w, y + h + self.mm(1), w, hp)
            painter.drawImage(target, block.photo)
            painter.setPen(QPen(_RULE, self.mm(0.2)))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(target)

    def paint_footer(self, painter: QPainter, page_text: str) -> None:
        path, side = self.qr()
        footer_h = self.footer_height()
        top = self.height - footer_h
        painter.setPen(QPen(_RULE, self.mm(0.3)))
        painter.drawLine(QPointF(0, top), QPointF(self.width, top))
        y = top + self.mm(2)
        for block in self.footer_texts(page_text):
            self.paint_block(painter, _Placed(block, y, 0, block.n))
            y += block.height()
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.translate(self.width - side, self.height - side)
        painter.fillRect(QRectF(0, 0, side, side), QColor(255, 255, 255))
        painter.fillPath(path, _BLACK)
        painter.restore()


__all__ = ["ensure_fonts", "paint", "print_document", "print_to_pdf_file", "render_pdf"]
