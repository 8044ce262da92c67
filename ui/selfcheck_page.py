"""The workstation self-check page: runs app.selfcheck off the GUI thread, shows, prints to PDF."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QMarginsF, QObject, QThread, Signal, Slot
from PySide6.QtGui import QColor, QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.selfcheck import Readers, Report, SelfcheckConfig, Status, run_checks
from app.selfcheck.texts import label, reason_text, status_text, title

COLOURS = {Status.PASS: "#1b7f3b", Status.FAIL: "#b3261e", Status.UNDETERMINED: "#8a6d00"}


class _Runner(QObject):
    """Lives in a worker thread; the checks wait on devices and the network (DESIGN: never the
    GUI thread)."""

    progress = Signal(int, int)
    finished = Signal(object)

    def __init__(self, config: SelfcheckConfig, fast_only: bool, readers: Readers | None) -> None:
        super().__init__()
        self._config, self._fast, self._readers = config, fast_only, readers

    @Slot()
    def run(self) -> None:
        report = run_checks(
            self._config,
            fast_only=self._fast,
            readers=self._readers,
            progress=lambda done, total, _r: self.progress.emit(done, total),
        )
        self.finished.emit(report)


class SelfcheckPage(QWidget):
    """Shows a Report; run() makes a fresh one; report_ready tells the host (wizard, start-up)."""

    report_ready = Signal(object)

    def __init__(
        self,
        config: SelfcheckConfig,
        lang: str = "ru",
        parent: QWidget | None = None,
        readers: Readers | None = None,
    ) -> None:
        super().__init__(parent)
        self.config, self.lang, self.readers = config, lang, readers
        self.report: Report | None = None
        self._thread: QThread | None = None
        self._runner: _Runner | None = None
        self.heading = QLabel(f"<h2>{html.escape(label('heading', lang))}</h2>")
        self.overall = QLabel()
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [label(k, lang) for k in ("check", "status", "value", "details")]
        )
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setVisible(False)
        self.run_button = QPushButton(label("run", lang))
        self.print_button = QPushButton(label("print", lang))
        self.print_button.setEnabled(False)
        self.run_button.clicked.connect(lambda: self.run())
        self.print_button.clicked.connect(self._ask_print)
        buttons = QHBoxLayout()
        buttons.addWidget(self.run_button)
        buttons.addWidget(self.print_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        for w in (self.heading, self.overall, self.bar, self.table):
            layout.addWidget(w)
        layout.addLayout(buttons)

    def run(self, fast_only: bool = False) -> None:
        if self._thread is not None:
            return
        self.run_button.setEnabled(False)
        self.bar.setVisible(True)
        self.bar.setRange(0, 0)
        self.overall.setText(label("running", self.lang))
        self._thread = QThread(self)
        self._runner = _Runner(self.config, fast_only, self.readers)
        self._runner.moveToThread(self._thread)
        self._thread.started.connect(self._runner.run)
        self._runner.progress.connect(self._on_progress)
        self._runner.finished.connect(self._on_finished)
        self._thread.start()

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        self.bar.setRange(0, total)
        self.bar.setValue(done)

    @Slot(object)
    def _on_finished(self, report: Report) -> None:
        assert self._thread is not None
        self._thread.quit()
        self._thread.wait()
        self._thread, self._runner = None, None
        self.bar.setVisible(False)
        self.run_button.setEnabled(True)
        self.show_report(report)
        self.report_ready.emit(report)

    def show_report(self, report: Report) -> None:
        self.report = report
        self.print_button.setEnabled(True)
        colour = COLOURS[report.overall]
        self.overall.setText(
            f"<b>{html.escape(label('overall', self.lang))}: "
            f"<span style='color:{colour}'>"
            f"{html.escape(status_text(report.overall, self.lang))}</span></b>"
        )
        self.table.setRowCount(len(report.checks))
        for row, c in enumerate(report.checks):
            name = title(c.id, self.lang) + (
                f" ({label('advisory', self.lang)})" if c.advisory else ""
            )
            value = "—" if c.value is None else f"{c.value} {c.unit}".strip()
            cells = [name, status_text(c.status, self.lang), value, reason_text(c, self.lang)]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col == 1:
                    item.setForeground(QColor(COLOURS[c.status]))
                item.setToolTip("\n".join(c.evidence))
                self.table.setItem(row, col, item)
        self.table.resizeRowsToContents()

    def _ask_print(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, label("print", self.lang), "selfcheck.pdf", "PDF (*.pdf)"
        )
        if path and self.report is not None:
            print_pdf(self.report, Path(path), self.lang)


def report_html(report: Report, lang: str) -> str:
    """The printable report: verdicts, values, thresholds and every piece of evidence."""
    doc = report.to_json(lang)
    esc = html.escape
    rows = []
    for c in report.checks:
        colour = COLOURS[c.status]
        req = f" [{c.requirement}]" if c.requirement else f" ({label('advisory', lang)})"
        evidence = "<br/>".join(esc(e) for e in c.evidence)
        threshold = "—" if c.threshold is None else f"{c.threshold} {c.unit}".strip()
        value = "—" if c.value is None else f"{c.value} {c.unit}".strip()
        rows.append(
            f"<tr><td><b>{esc(title(c.id, lang))}</b>{esc(req)}</td>"
            f"<td style='color:{colour}'><b>{esc(status_text(c.status, lang))}</b></td>"
            f"<td>{esc(value)}</td><td>{esc(threshold)}</td></tr>"
            f"<tr><td colspan='4'>{esc(reason_text(c, lang))}"
            f"<br/><small>{evidence}</small></td></tr>"
        )
    head = "".join(
        f"<th align='left'>{esc(label(k, lang))}</th>"
        for k in ("check", "status", "value", "threshold")
    )
    return (
        f"<html><body style='font-family:\"DejaVu Sans\"; font-size:9pt'>"
        f"<h2>{esc(label('heading', lang))}</h2>"
        f"<p>{esc(label('host', lang))}: {esc(report.host)} ({esc(report.system)})<br/>"
        f"{esc(label('checked_at', lang))}: {esc(doc['checked_at'])}<br/>"
        f"{esc(label('profile', lang))}: {esc(report.profile)}</p>"
        f"<h3>{esc(label('overall', lang))}: "
        f"<span style='color:{COLOURS[report.overall]}'>"
        f"{esc(status_text(report.overall, lang))}</span></h3>"
        f"<table border='1' cellspacing='0' cellpadding='3' width='100%'>"
        f"<tr>{head}</tr>{''.join(rows)}</table></body></html>"
    )


def print_pdf(report: Report, path: Path, lang: str) -> None:
    """A4 PDF with the shipped DejaVu fonts (without them Qt prints Kazakh as black boxes)."""
    from ui.fonts import register_fonts

    register_fonts()
    writer = QPdfWriter(str(path))
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(15, 15, 15, 15),
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setTitle(label("heading", lang))
    document = QTextDocument()
    document.setHtml(report_html(report, lang))
    document.print_(writer)
