""" "Reports" (the rules' name; 2022 §21, R-CTL-1/2/5): all requests of the agency's users for a
period, filtered, anomalies highlighted, each request's journal trail with its signatures, what
became of each result; export as CSV and a PDF signed with the controller's EDS; the monthly
review reminder and the signed review; "Block now". Offered only to a user whose registry role
is controller (the gateway said so at sign-in; the gateway checks again on every call)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QEvent, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app import control
from app.control import Control, Filter, Report
from app.messages import param_label
from app.printout import Line, Printout, PrintRecord
from resources.catalogue import catalogue
from ui import i18n
from ui.i18n import translate
from ui.messages import LEVEL_STYLE, error_text
from ui.widgets import named
from ui.worker import DeskRunner

ANOMALY_BRUSH = QBrush(QColor("#fde2e1"))
NONE_BRUSH = QBrush(QColor("#fff4d6"))  # §21: nothing done with the result yet
COLUMNS = 8


def anomaly_name(kind: str) -> str:
    names = {
        "no_disposition": translate("Reports", "no disposition past the retention time"),
        "attached_elsewhere": translate("Reports", "attached to other material"),
        "off_hours": translate("Reports", "outside working hours"),
        "bulk": translate("Reports", "bulk requests"),
        "one_subject": translate("Reports", "one subject asked by many users"),
        "own_iin": translate("Reports", "own IIN looked up"),
    }
    return names.get(kind, kind)


def disposition_name(state: str) -> str:
    names = {
        "printed": translate("Reports", "attached (printed)"),
        "exported": translate("Reports", "attached (exported)"),
        "printed_and_exported": translate("Reports", "attached (printed and exported)"),
        "destroyed_unattached": translate("Reports", "destroyed unattached"),
        "pending": translate("Reports", "nothing done yet"),
        "overdue": translate("Reports", "nothing done, retention passed"),
        "refused": translate("Reports", "refused"),
        "none": translate("Reports", "nothing done (pending or overdue)"),
    }
    return names.get(state, state)


def kind_name(kind: str) -> str:
    return {
        "query": translate("Reports", "query, answered"),
        "refusal": translate("Reports", "query, refused"),
        "disposition": translate("Reports", "what became of the result, signed by the user"),
    }.get(kind, kind)


def signature_name(status: str) -> str:
    return {
        "valid": translate("Reports", "signature valid"),
        "invalid": translate("Reports", "SIGNATURE INVALID"),
        "none": translate("Reports", "no signature of the user (journal chain only)"),
    }.get(status, status)


def _resource_name(rid: Any) -> str:
    res = catalogue().get(rid) if isinstance(rid, int) else None
    if res is None:
        return "" if rid is None else str(rid)
    return f"№{rid} {res.name.get(i18n.current()) or res.name['ru']}"


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(edit: QDateEdit) -> date:
    q = edit.date()
    return date(q.year(), q.month(), q.day())


class ReportsPage(QWidget):
    """The controller's main screen (see the module's text)."""

    def __init__(
        self, control_: Control, runner: DeskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reportsPage")
        self.control, self.runner = control_, runner
        self.report: Report | None = None
        self.shown: list[dict[str, Any]] = []
        first, last = control.last_month(control.astana_today())
        self.title = named(QLabel(), "reportsTitle")
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.title.setFont(font)
        self.reminder = named(QLabel(wordWrap=True), "reviewReminder")
        self.reminder.setStyleSheet(LEVEL_STYLE["warning"])
        self.reminder.hide()
        self.error = named(QLabel(wordWrap=True), "reportsError")
        self.error.setStyleSheet(LEVEL_STYLE["error"])
        self.error.hide()
        self.from_label, self.to_label = QLabel(), QLabel()
        self.start, self.end = named(QDateEdit(), "reportsFrom"), named(QDateEdit(), "reportsTo")
        for edit, day in ((self.start, first), (self.end, last)):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDate(_qdate(day))
        self.load_button = named(QPushButton(), "reportsLoad")
        self.load_button.clicked.connect(self.load)
        self.user_box = named(QComboBox(), "filterUser")
        self.resource_box = named(QComboBox(), "filterResource")
        self.disposition_box = named(QComboBox(), "filterDisposition")
        self.basis_edit = named(QLineEdit(), "filterBasis")
        self.anomalous = named(QCheckBox(), "filterAnomalous")
        for box in (self.user_box, self.resource_box, self.disposition_box):
            box.currentIndexChanged.connect(lambda _i: self.apply_filter())
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.basis_edit.textChanged.connect(lambda _t: self.apply_filter())
        self.anomalous.toggled.connect(lambda _c: self.apply_filter())
        self.totals = named(QLabel(wordWrap=True), "reportsTotals")
        self.table = named(QTableWidget(0, COLUMNS), "reportsTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.currentCellChanged.connect(lambda *_: self.show_selected())
        self.detail = named(QTextBrowser(), "reportsDetail")
        self.csv_button = named(QPushButton(), "reportsCsv")
        self.csv_button.clicked.connect(self.export_csv)
        self.pdf_button = named(QPushButton(), "reportsPdf")
        self.pdf_button.clicked.connect(self.export_pdf)
        self.review_button = named(QPushButton(), "reportsReview")
        self.review_button.clicked.connect(self.record_review)
        self.block_button = named(QPushButton(), "reportsBlock")
        self.block_button.clicked.connect(self.block_selected)

        period = QHBoxLayout()
        for w in (self.from_label, self.start, self.to_label, self.end, self.load_button):
            period.addWidget(w)
        period.addStretch(1)
        filters = QHBoxLayout()
        for f in (
            self.user_box,
            self.resource_box,
            self.basis_edit,
            self.disposition_box,
            self.anomalous,
        ):
            filters.addWidget(f, 1 if f is self.basis_edit else 0)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setSizes([330, 330])
        buttons = QHBoxLayout()
        for w in (self.block_button, self.review_button):
            buttons.addWidget(w)
        buttons.addStretch(1)
        for w in (self.csv_button, self.pdf_button):
            buttons.addWidget(w)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.reminder)
        layout.addLayout(period)
        layout.addLayout(filters)
        layout.addWidget(self.totals)
        layout.addWidget(self.error)
        layout.addWidget(split, 1)
        layout.addLayout(buttons)
        self.retranslate()
        self._update_buttons()

    # -- loading ----------------------------------------------------------------------------

    def open(self) -> None:
        """The reminder first, then the report of the period shown (last month at first)."""
        self.runner.call(self.control.review_state, self._review_state, self._failed)
        self.load()

    def load(self) -> None:
        first, last = _day(self.start), _day(self.end)
        if first > last:
            self._failed_text(translate("Reports", "The period's first day is after its last."))
            return
        self.error.hide()
        self.load_button.setEnabled(False)
        self.runner.call(lambda: self.control.report(first, last), self._loaded, self._failed)

    def _loaded(self, report: Report) -> None:
        self.report = report
        self.load_button.setEnabled(True)
        self._fill_filters()
        self.apply_filter()

    def _failed(self, exc: BaseException) -> None:
        self._failed_text(error_text(exc))

    def _failed_text(self, text: str) -> None:
        self.load_button.setEnabled(True)
        self.error.setText(text)
        self.error.show()

    def _review_state(self, state: Any) -> None:
        self.review_state = state
        if state.due:
            when = state.last_reviewed_at
            self.reminder.setText(
                translate(
                    "Reports",
                    "More than 30 days have passed since the last review of "
                    "the reports ({when}). Departmental control reviews them at least "
                    "monthly (paragraph 21 of the Rules): review the period and record "
                    "the review.",
                ).format(when=when[:10])
                if when
                else translate(
                    "Reports",
                    "The reports have never been reviewed. Departmental "
                    "control reviews them at least monthly (paragraph 21 of the "
                    "Rules): review the period and record the review.",
                )
            )
            self.reminder.show()
        else:
            self.reminder.hide()

    # -- filters and the table --------------------------------------------------------------

    def _fill_filters(self) -> None:
        report = self.report
        assert report is not None
        for box in (self.user_box, self.resource_box, self.disposition_box):
            box.blockSignals(True)
            box.clear()
        self.user_box.addItem(translate("Reports", "All users"), None)
        for iin, name in report.users():
            self.user_box.addItem(f"{name} ({iin})", iin)
        self.resource_box.addItem(translate("Reports", "All resources"), None)
        for rid in sorted(
            {r["resource"] for r in report.rows if isinstance(r.get("resource"), int)}
        ):
            self.resource_box.addItem(_resource_name(rid), rid)
        self.disposition_box.addItem(translate("Reports", "Any disposition"), None)
        for state in ("none", *control_states(), "refused"):
            self.disposition_box.addItem(disposition_name(state), state)
        for box in (self.user_box, self.resource_box, self.disposition_box):
            box.blockSignals(False)

    def current_filter(self) -> Filter:
        return Filter(
            user_iin=self.user_box.currentData(),
            resource=self.resource_box.currentData(),
            basis=self.basis_edit.text().strip() or None,
            disposition=self.disposition_box.currentData(),
            anomalous_only=self.anomalous.isChecked(),
        )

    def apply_filter(self) -> None:
        if self.report is None:
            return
        self.shown = control.select(self.report, self.current_filter())
        self.table.setRowCount(len(self.shown))
        for i, row in enumerate(self.shown):
            flags = self.report.flags.get(row["seq"], set())
            state = control.disposition_of(row)
            cells = (
                str(row["seq"]),
                str(row.get("at") or "")[:19].replace("T", " "),
                f"{row.get('user_name') or ''} ({row['user_iin']})",
                _resource_name(row.get("resource")),
                str(row.get("case_number") or ""),
                disposition_name(state) if state == "refused" else translate("Reports", "answered"),
                "" if state == "refused" else disposition_name(state),
                "; ".join(anomaly_name(k) for k in sorted(flags)),
            )
            brush = (
                ANOMALY_BRUSH
                if flags
                else (NONE_BRUSH if state in control.NO_DISPOSITION else None)
            )
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, row["seq"])
                if brush is not None:
                    item.setBackground(brush)
                self.table.setItem(i, col, item)
        self.table.resizeColumnsToContents()
        totals = self.report.doc.get("totals", {})
        none = sum(
            1 for r in self.report.rows if control.disposition_of(r) in control.NO_DISPOSITION
        )
        self.totals.setText(
            translate(
                "Reports",
                "{first} – {last}: {requests} requests ({answered} answered, {refused} "
                "refused); shown {shown}; anomalies {anomalies}; results with nothing done {none}",
            ).format(
                first=self.report.period[0],
                last=self.report.period[1],
                requests=totals.get("requests", len(self.report.rows)),
                answered=totals.get("answered", 0),
                refused=totals.get("refused", 0),
                shown=len(self.shown),
                anomalies=len(self.report.anomalies),
                none=none,
            )
        )
        self.detail.clear()
        self._update_buttons()

    def selected(self) -> dict[str, Any] | None:
        row = self.table.currentRow()
        return self.shown[row] if 0 <= row < len(self.shown) else None

    def _update_buttons(self) -> None:
        has = self.report is not None
        for b in (self.csv_button, self.pdf_button, self.review_button):
            b.setEnabled(has)
        self.block_button.setEnabled(self.selected() is not None)

    # -- drill-down -------------------------------------------------------------------------

    def show_selected(self) -> None:
        self._update_buttons()
        row = self.selected()
        if row is None:
            return
        self.detail.setHtml(self._request_html(row, None))
        seq = row["seq"]
        self.runner.call(
            lambda: self.control.trail(seq),
            lambda trail: self._trail(row, trail),
            self._trail_failed,
        )

    def _trail(self, row: dict[str, Any], trail: Any) -> None:
        current = self.selected()
        if current is not None and current["seq"] == row["seq"]:
            self.detail.setHtml(self._request_html(row, trail))

    def _trail_failed(self, exc: BaseException) -> None:
        self.detail.append(f"<p style='color:#9b1c1c'>{_esc(error_text(exc))}</p>")

    def _request_html(self, row: dict[str, Any], trail: Any) -> str:
        flags = self.report.flags.get(row["seq"], set()) if self.report else set()
        lines = [
            (translate("Reports", "Journal entry"), f"№ {row['seq']}"),
            (translate("Reports", "Time (Astana)"), row.get("at")),
            (translate("Reports", "User"), f"{row.get('user_name') or ''} ({row['user_iin']})"),
            (translate("Reports", "Resource"), _resource_name(row.get("resource"))),
            (translate("Reports", "Case number"), row.get("case_number")),
            (translate("Reports", "Legal ground"), row.get("legal_ground")),
            (translate("Reports", "Purpose"), row.get("purpose")),
            (
                translate("Reports", "Parameters"),
                ", ".join(
                    f"{param_label(k, i18n.current())}: {v}"
                    for k, v in (row.get("params") or {}).items()
                ),
            ),
            (
                translate("Reports", "What became of the result"),
                disposition_name(control.disposition_of(row))
                + (f" → {row['attached_to']}" if row.get("attached_to") else ""),
            ),
            (translate("Reports", "Anomalies"), "; ".join(anomaly_name(k) for k in sorted(flags))),
        ]
        html = (
            "<table>"
            + "".join(
                f"<tr><td><b>{_esc(k)}</b></td><td>{_esc(v)}</td></tr>" for k, v in lines if v
            )
            + "</table>"
        )
        if trail is None:
            reading = translate("Reports", "Reading the journal entries…")
            return html + f"<p>{_esc(reading)}</p>"
        heading = translate("Reports", "Journal entries")
        answer = translate("Reports", "Answer hash")
        html += f"<h4>{_esc(heading)}</h4><ul>"
        for e in trail.entries:
            colour = "#9b1c1c" if e.signature == "invalid" or not e.chain_ok else "#1b5e20"
            chain = (
                translate("Reports", "chain intact")
                if e.chain_ok
                else translate("Reports", "CHAIN BROKEN")
            )
            html += (
                f"<li>№ {e.seq} · {_esc(kind_name(e.kind))} · {_esc(e.at)} · "
                f"<span style='color:{colour}'>{_esc(signature_name(e.signature))}, "
                f"{_esc(chain)}</span><br/><small>{_esc(answer)}: "
                f"{_esc(e.response_sha256 or '—')}</small></li>"
            )
        return html + "</ul>"

    # -- actions ----------------------------------------------------------------------------

    def export_csv(self) -> None:
        if self.report is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self,
            translate("Reports", "Export CSV"),
            f"reports-{self.report.period[0]}-{self.report.period[1]}.csv",
            "CSV (*.csv)",
        )
        if path:
            self.save(Path(path), control.to_csv(self.report, self.shown))

    def save(self, path: Path, data: bytes) -> None:
        try:
            tmp = path.with_name(path.name + ".part")
            tmp.write_bytes(data)
            tmp.replace(path)  # never a half-written export under the chosen name
        except OSError as exc:
            self._failed_text(
                translate("Reports", "The file could not be written: {detail}").format(detail=exc)
            )

    def export_pdf(self) -> None:
        if self.report is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self,
            translate("Reports", "Export signed PDF"),
            f"reports-{self.report.period[0]}-{self.report.period[1]}.pdf",
            "PDF (*.pdf)",
        )
        if not path:
            return
        from ui.printout_render import render_pdf

        pdf = render_pdf(self.printout())
        self.runner.call(
            lambda: self.control.signed_pdf(pdf),
            lambda signed: self.save(Path(path), signed),
            self._failed,
        )

    def printout(self) -> Printout:
        """The shown rows as a printout (A4, the QR carries the report's SHA-256)."""
        assert self.report is not None
        records = tuple(
            PrintRecord(
                heading=f"№ {r['seq']} · {str(r.get('at') or '')[:19].replace('T', ' ')} · "
                f"{r.get('user_name') or ''} ({r['user_iin']})",
                lines=tuple(
                    Line(k, str(v))
                    for k, v in (
                        (translate("Reports", "Resource"), _resource_name(r.get("resource"))),
                        (translate("Reports", "Case number"), r.get("case_number") or ""),
                        (translate("Reports", "Legal ground"), r.get("legal_ground") or ""),
                        (translate("Reports", "Purpose"), r.get("purpose") or ""),
                        (
                            translate("Reports", "What became of the result"),
                            disposition_name(control.disposition_of(r)),
                        ),
                        (
                            translate("Reports", "Anomalies"),
                            "; ".join(
                                anomaly_name(k)
                                for k in sorted(self.report.flags.get(r["seq"], set()))
                            ),
                        ),
                    )
                    if v
                ),
            )
            for r in self.shown
        )
        return Printout(
            lang=i18n.current(),
            title=translate("Reports", "Reports: requests of the agency's users"),
            sandbox_mark=None,
            header=(
                Line(translate("Reports", "Period"), " – ".join(self.report.period)),
                Line(translate("Reports", "Report SHA-256"), self.report.sha256),
                Line(translate("Reports", "Requests shown"), str(len(self.shown))),
            ),
            notes=(self.totals.text(),),
            records=records,
            empty_text=translate("Reports", "No requests."),
            page_template=translate("Reports", "Page {page} of {pages}"),
            qr_payload=self.report.sha256,
            qr_caption=translate("Reports", "SHA-256 of the report reviewed"),
            footer=translate("Reports", "Departmental control (paragraph 21 of the Rules)."),
        )

    def record_review(self) -> None:
        if self.report is None:
            return
        note, ok = QInputDialog.getMultiLineText(
            self,
            translate("Reports", "Record the review"),
            translate(
                "Reports",
                "Your review of {first} – {last}, signed with your EDS and "
                "kept in the journal. Findings (optional):",
            ).format(first=self.report.period[0], last=self.report.period[1]),
        )
        if not ok:
            return
        report = self.report
        self.runner.call(
            lambda: self.control.review(report, note.strip()), self._reviewed, self._failed
        )

    def _reviewed(self, _receipt: Any) -> None:
        self.runner.call(self.control.review_state, self._review_state, self._failed)

    def block_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        who = f"{row.get('user_name') or ''} ({row['user_iin']})"
        reason, ok = QInputDialog.getMultiLineText(
            self,
            translate("Reports", "Block now"),
            translate(
                "Reports",
                "Block {who} at once (paragraph 17 of the Rules). The user's "
                "session ends and they are told this reason. Reason:",
            ).format(who=who),
        )
        if not ok or not reason.strip():
            return
        iin = row["user_iin"]
        self.runner.call(
            lambda: self.control.block(iin, reason.strip()),
            lambda _d: self._blocked(who),
            self._failed,
        )

    def _blocked(self, who: str) -> None:
        QMessageBox.information(
            self,
            translate("Reports", "Block now"),
            translate(
                "Reports",
                "{who} is blocked. Every further request of theirs is refused with the reason.",
            ).format(who=who),
        )

    # -- language ---------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.title.setText(translate("Reports", "Reports: requests of the agency's users"))
        self.from_label.setText(translate("Reports", "From"))
        self.to_label.setText(translate("Reports", "to"))
        self.load_button.setText(translate("Reports", "Show"))
        self.basis_edit.setPlaceholderText(
            translate("Reports", "Case number, legal ground or purpose contains…")
        )
        self.anomalous.setText(translate("Reports", "Anomalies only"))
        self.table.setHorizontalHeaderLabels(
            [
                translate("Reports", "№"),
                translate("Reports", "Time (Astana)"),
                translate("Reports", "User"),
                translate("Reports", "Resource"),
                translate("Reports", "Case number"),
                translate("Reports", "Outcome"),
                translate("Reports", "What became of the result"),
                translate("Reports", "Anomalies"),
            ]
        )
        self.csv_button.setText(translate("Reports", "Export CSV…"))
        self.pdf_button.setText(translate("Reports", "Export signed PDF…"))
        self.review_button.setText(translate("Reports", "Record the review…"))
        self.block_button.setText(translate("Reports", "Block now…"))
        if self.report is not None:
            self._fill_filters()
            self.apply_filter()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def control_states() -> tuple[str, ...]:
    return (
        "printed",
        "exported",
        "printed_and_exported",
        "destroyed_unattached",
        "pending",
        "overdue",
    )


def _esc(value: Any) -> str:
    from html import escape

    return escape("" if value is None else str(value))


class ReportsDialog(QDialog):
    """The Reports window (non-modal, beside the main window)."""

    def __init__(
        self, control_: Control, runner: DeskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reportsDialog")
        self.page = ReportsPage(control_, runner, self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.page)
        self.resize(1180, 760)
        self.setWindowTitle(translate("Reports", "Reports"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.setWindowTitle(translate("Reports", "Reports"))
        super().changeEvent(event)
