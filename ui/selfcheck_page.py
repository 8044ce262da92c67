"""The workstation self-check page: runs app.selfcheck off the GUI thread, shows, prints to PDF."""

from __future__ import annotations

import html
import logging
from pathlib import Path

from PySide6.QtCore import QEvent, QMarginsF, QObject, QStandardPaths, QThread, Signal, Slot
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
from ui import i18n
from ui.i18n import translate
from ui.messages import LEVEL_STYLE
from ui.widgets import named

log = logging.getLogger(__name__)

COLOURS = {Status.PASS: "#1b7f3b", Status.FAIL: "#b3261e", Status.UNDETERMINED: "#8a6d00"}
SHUTDOWN_MS = 20_000  # every check is bounded by its own timeout; this is far above the slowest


class _Runner(QObject):
    """Lives in a worker thread; the checks wait on devices and the network (DESIGN: never the
    GUI thread)."""

    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str)

    def __init__(self, config: SelfcheckConfig, fast_only: bool, readers: Readers | None) -> None:
        super().__init__()
        self._config, self._fast, self._readers = config, fast_only, readers

    @Slot()
    def run(self) -> None:
        try:
            report = run_checks(
                self._config,
                fast_only=self._fast,
                readers=self._readers,
                progress=lambda done, total, _r: self.progress.emit(done, total),
            )
        except Exception as exc:  # run_checks catches per check; this is the run itself failing
            log.exception("the workstation self-check could not run")
            self.failed.emit(f"{type(exc).__name__}: {exc}")
        else:
            self.finished.emit(report)


class SelfcheckJob(QObject):
    """One self-check run at a time on its own QThread; the answer comes back as a signal."""

    progress = Signal(int, int)
    finished = Signal(object)  # Report
    failed = Signal(str)  # the run itself could not complete (a check's own failure is a result)

    def __init__(
        self,
        config: SelfcheckConfig,
        readers: Readers | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.config, self.readers = config, readers
        self._thread: QThread | None = None
        self._runner: _Runner | None = None
        self._closed = False

    @property
    def running(self) -> bool:
        return self._thread is not None

    def start(self, fast_only: bool = False) -> bool:
        """False when a run is already under way (or the job was shut down)."""
        if self._thread is not None or self._closed:
            return False
        self._thread = QThread(self)
        self._thread.setObjectName("selfcheck")
        self._runner = _Runner(self.config, fast_only, self.readers)
        self._runner.moveToThread(self._thread)
        self._thread.started.connect(self._runner.run)
        self._runner.progress.connect(self.progress)
        self._runner.finished.connect(self._on_finished)
        self._runner.failed.connect(self._on_failed)
        self._thread.start()
        return True

    def shutdown(self, timeout_ms: int = SHUTDOWN_MS) -> bool:
        """Wait for a run under way (its checks end within their timeouts); no signal follows."""
        self._closed = True
        return self._stop_thread(timeout_ms)

    def _stop_thread(self, timeout_ms: int = SHUTDOWN_MS) -> bool:
        if self._thread is None:
            return True
        self._thread.quit()  # handled once run() has returned
        if not self._thread.wait(timeout_ms):
            log.error("the self-check thread did not stop within %d ms", timeout_ms)
            return False
        self._thread, self._runner = None, None
        return True

    @Slot(object)
    def _on_finished(self, report: Report) -> None:
        self._stop_thread()
        if not self._closed:
            self.finished.emit(report)

    @Slot(str)
    def _on_failed(self, detail: str) -> None:
        self._stop_thread()
        if not self._closed:
            self.failed.emit(detail)


class SelfcheckPage(QWidget):
    """Shows a Report; run() makes a fresh one; report_ready tells the host (wizard, start-up).

    The report's texts come from app.selfcheck.texts in `lang`; the page follows a live switch of
    the UI language.
    """

    report_ready = Signal(object)
    run_failed = Signal(str)

    def __init__(
        self,
        config: SelfcheckConfig,
        lang: str = "ru",
        parent: QWidget | None = None,
        readers: Readers | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("selfcheckPage")
        self.config, self.lang, self.readers = config, lang, readers
        self.report: Report | None = None
        self.file_dialog: QFileDialog | None = None
        self.saved_path: Path | None = None
        self._failure = ""
        self.job = SelfcheckJob(config, readers, self)
        self.job.progress.connect(self._on_progress)
        self.job.finished.connect(self._on_finished)
        self.job.failed.connect(self._on_failed)

        self.heading = named(QLabel(), "selfcheckHeading")
        self.overall = named(QLabel(wordWrap=True), "selfcheckOverall")
        self.meta = named(QLabel(wordWrap=True), "selfcheckMeta")
        self.meta.setStyleSheet("color: palette(placeholder-text);")  # light and dark
        self.table = named(QTableWidget(0, 4), "selfcheckTable")
        header = self.table.horizontalHeader()
        for col in (0, 1, 2):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.bar = named(QProgressBar(), "selfcheckProgress")
        self.bar.setVisible(False)
        self.run_button = named(QPushButton(), "selfcheckRun")
        self.print_button = named(QPushButton(), "selfcheckPrint")
        self.print_button.setEnabled(False)
        self.saved_label = named(QLabel(wordWrap=True), "selfcheckSaved")
        self.saved_label.hide()
        self.run_button.clicked.connect(lambda: self.run())
        self.print_button.clicked.connect(self._ask_print)
        buttons = QHBoxLayout()
        buttons.addWidget(self.run_button)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.saved_label)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for w in (self.heading, self.overall, self.meta, self.bar):
            layout.addWidget(w)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.retranslate()

    @property
    def running(self) -> bool:
        return self.job.running

    def run(self, fast_only: bool = False) -> None:
        if not self.job.start(fast_only):
            return
        self._failure = ""
        self.run_button.setEnabled(False)
        self.print_button.setEnabled(False)
        self.bar.setVisible(True)
        self.bar.setRange(0, 0)
        self.overall.setStyleSheet("")
        self.overall.setText(label("running", self.lang))

    def shutdown(self) -> None:
        """Before the window goes: wait for a run under way (bounded by the checks' timeouts)."""
        self.job.shutdown()

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        self.bar.setRange(0, total)
        self.bar.setValue(done)

    @Slot(object)
    def _on_finished(self, report: Report) -> None:
        self.bar.setVisible(False)
        self.run_button.setEnabled(True)
        self.show_report(report)
        self.report_ready.emit(report)

    @Slot(str)
    def _on_failed(self, detail: str) -> None:
        self.bar.setVisible(False)
        self.run_button.setEnabled(True)
        self._failure = detail
        self._render()
        self.run_failed.emit(detail)

    def show_report(self, report: Report) -> None:
        self.report = report
        self._failure = ""
        self._render()

    def set_lang(self, lang: str) -> None:
        self.lang = lang
        self.retranslate()

    def retranslate(self) -> None:
        lang = self.lang
        self.heading.setText(f"<h2>{html.escape(label('heading', lang))}</h2>")
        self.table.setHorizontalHeaderLabels(
            [label(k, lang) for k in ("check", "status", "value", "details")]
        )
        self.print_button.setText(translate("SelfcheckPage", "&Print to PDF…"))
        self._render()

    def _render(self) -> None:
        lang, report = self.lang, self.report
        self.run_button.setText(
            translate("SelfcheckPage", "&Re-run")
            if report is not None or self._failure
            else translate("SelfcheckPage", "&Run the check")
        )
        if self.running:
            return
        if self._failure:
            self.overall.setStyleSheet(LEVEL_STYLE["error"])
            self.overall.setText(
                translate("SelfcheckPage", "The check could not run: {detail}").format(
                    detail=self._failure
                )
            )
            return
        if report is None:
            self.overall.setText("")
            self.meta.setText("")
            return
        self.print_button.setEnabled(True)
        colour = COLOURS[report.overall]
        self.overall.setStyleSheet("")
        self.overall.setText(
            f"<b>{html.escape(label('overall', lang))}: "
            f"<span style='color:{colour}'>"
            f"{html.escape(status_text(report.overall, lang))}</span></b>"
        )
        doc = report.to_json(lang)
        self.meta.setText(
            f"{label('host', lang)}: {report.host} ({report.system}) · "
            f"{label('checked_at', lang)}: {doc['checked_at']} · "
            f"{label('profile', lang)}: {report.profile}"
        )
        self.table.setRowCount(len(report.checks))
        for row, c in enumerate(report.checks):
            name = title(c.id, lang) + (f" ({label('advisory', lang)})" if c.advisory else "")
            value = "—" if c.value is None else f"{c.value} {c.unit}".strip()
            details = reason_text(c, lang)
            if c.requirement:  # the rules' own appendix, never our requirement ID
                details += f" ({label('rules', lang)})"
            cells = [name, status_text(c.status, lang), value, details]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col == 1:
                    item.setForeground(QColor(COLOURS[c.status]))
                item.setToolTip("\n".join(c.evidence))
                self.table.setItem(row, col, item)
        self.table.resizeRowsToContents()

    # -- PDF -------------------------------------------------------------------------------

    def _ask_print(self) -> QFileDialog | None:
        """A window-modal save dialog (no nested event loop); the file is written on accept."""
        if self.report is None:
            return None
        docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        stamp = self.report.to_json("en")["checked_at"][:10]
        suggested = str(Path(docs or ".") / f"selfcheck-{self.report.host}-{stamp}.pdf")
        dialog = QFileDialog(self, translate("SelfcheckPage", "Save the report as PDF"), suggested)
        dialog.setObjectName("selfcheckSaveDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.setNameFilter("PDF (*.pdf)")
        dialog.setDefaultSuffix("pdf")
        dialog.selectFile(suggested)
        dialog.fileSelected.connect(lambda path: self.print_to(Path(path)))
        dialog.finished.connect(lambda _r: setattr(self, "file_dialog", None))
        self.file_dialog = dialog
        dialog.open()
        return dialog

    def print_to(self, path: Path) -> bool:
        """Write the shown report to `path` as PDF, in the page's language; say where it went."""
        if self.report is None:
            return False
        try:
            before = path.stat().st_mtime_ns if path.exists() else None
            print_pdf(self.report, path, self.lang)  # QPdfWriter fails silently: check the file
            if not path.exists() or path.stat().st_mtime_ns == before:
                raise OSError("the file could not be written")
        except OSError as exc:
            self.saved_path = None
            self.saved_label.setStyleSheet(LEVEL_STYLE["error"])
            self.saved_label.setText(
                translate("SelfcheckPage", "Could not write {path}: {detail}").format(
                    path=str(path), detail=str(exc)
                )
            )
        else:
            self.saved_path = path
            self.saved_label.setStyleSheet(LEVEL_STYLE["info"])
            self.saved_label.setText(
                translate("SelfcheckPage", "Saved: {path}").format(path=str(path))
            )
        self.saved_label.show()
        return self.saved_path is not None

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.set_lang(i18n.current())
        super().changeEvent(event)


def report_html(report: Report, lang: str) -> str:
    """The printable report: verdicts, values, thresholds and every piece of evidence."""
    doc = report.to_json(lang)
    esc = html.escape
    rows = []
    for c in report.checks:
        colour = COLOURS[c.status]
        req = f"({label('rules' if c.requirement else 'advisory', lang)})"
        evidence = "<br/>".join(esc(e) for e in c.evidence)
        threshold = "—" if c.threshold is None else f"{c.threshold} {c.unit}".strip()
        value = "—" if c.value is None else f"{c.value} {c.unit}".strip()
        rows.append(
            # What the check rests on, on a line of its own under its title.
            f"<tr><td><b>{esc(title(c.id, lang))}</b><br/>{esc(req)}</td>"
            f"<td style='color:{colour}'><b>{esc(status_text(c.status, lang))}</b></td>"
            f"<td>{esc(value)}</td><td>{esc(threshold)}</td></tr>"
            f"<tr><td colspan='4'>{esc(reason_text(c, lang))}"
            f"<br/><small>{evidence}</small></td></tr>"
        )
    widths = {"check": 31, "status": 25, "value": 24, "threshold": 20}  # per cent of the page
    head = "".join(
        f"<th align='left' width='{w}%'>{esc(label(k, lang))}</th>" for k, w in widths.items()
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
