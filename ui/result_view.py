"""The verified result: records in a table with a filter and a detail pane, the photo of №19,
the links graph of №50/51, the verification line, and Attach.

Results live in memory only (R-RES-1) and leave the screen by being attached to case material
(then destroyed) or by the retention timer; the view never writes a value or a picture to disk.
Copying goes through ui.clipboard only, and only where the policy allows it (R-RES-3).
"""

from __future__ import annotations

import base64
import binascii
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QImage, QKeyEvent, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.api import DeskApi
from ui import clipboard, i18n
from ui.i18n import translate
from ui.link_graph import LinkGraphView
from ui.messages import LEVEL_STYLE
from ui.result_model import ResultFilterProxy, ResultTableModel
from ui.widgets import named
from ui.worker import DeskRunner

VERIFIED_STYLE = "color: #188038; font-weight: bold;"  # readable light and dark
NOTE_STYLE = "color: palette(placeholder-text);"
LINK_RESOURCES = frozenset({50, 51})
PHOTO_FIELD = "photo_png"
PHOTO_MAX_PX = 220  # the photo's longer side in the detail pane
COLUMN_MAX_PX = 320  # a column sized to its contents stops here; the rest is elided
MAX_PHOTO_BYTES = 4 * 1024 * 1024
FEW_RECORDS = 4  # up to this many, the table is only as tall as its rows
QWIDGETSIZE_MAX = 16777215


def astana_time(stamp: str) -> str:
    """The gateway's ISO time as people read it; it is already Astana time (R-Q-5)."""
    try:
        return datetime.fromisoformat(stamp).strftime("%Y-%m-%d %H:%M:%S")
    except ValueError:
        return stamp  # shown as received rather than guessed at


def decode_photo(value: str) -> QImage | None:
    """A base64 PNG as an image, in memory only; None when it is not one."""
    try:
        raw = base64.b64decode(value.strip(), validate=True)
    except (binascii.Error, ValueError):
        return None
    if not raw or len(raw) > MAX_PHOTO_BYTES:
        return None
    image = QImage()
    return image if image.loadFromData(raw, "PNG") else None


class _CopyKeys(QObject):
    """Routes Ctrl+C of a view to the view's own copy function (never Qt's plain copy)."""

    def __init__(self, view: QAbstractItemView, copy: Any) -> None:
        super().__init__(view)
        self._copy = copy
        view.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            if isinstance(event, QKeyEvent) and event.matches(QKeySequence.StandardKey.Copy):
                if event.type() == QEvent.Type.KeyPress:
                    self._copy()
                event.accept()
                return True
        return False


class ResultView(QWidget):
    """Shows one QueryOutcome.

    Signals: `attach_requested(outcome)` — the analyst wants it attached to case material;
    `query_subject_requested(resource_id, params)` — a node of the links graph was picked;
    `cleared()` — the view was emptied (clear_view). Copies are marked secret and taken back
    from the clipboard after `config.clipboard_clear_s`; with `config.allow_copy` off there are
    none, and the view says why.
    """

    cleared = Signal()
    attach_requested = Signal(object)  # QueryOutcome
    query_subject_requested = Signal(int, dict)  # resource id, parameters

    def __init__(self, desk: DeskApi, runner: DeskRunner | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("resultView")
        self._desk, self._runner = desk, runner
        self._outcome: Any = None
        self._detail_row = -1
        self.context_menu: QMenu | None = None

        self.title_label = named(QLabel(wordWrap=True), "resultTitle")
        font = self.title_label.font()
        font.setBold(True)
        self.title_label.setFont(font)
        self.verify_label = named(QLabel(wordWrap=True), "verifyLine")
        self.verify_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.empty_label = named(QLabel(wordWrap=True), "emptyLabel")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        # -- the records tab: filter, table, detail --
        self.model = ResultTableModel(self)
        self.proxy = ResultFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.filter_label = QLabel()
        self.filter_edit = named(QLineEdit(), "resultFilter")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_label.setBuddy(self.filter_edit)
        self.filter_edit.textChanged.connect(self._filter_changed)
        self.count_label = named(QLabel(), "resultCount")
        self.table = named(QTableView(), "resultTable")
        self.table.setModel(self.proxy)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setAlternatingRowColors(True)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._table_menu)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setResizeContentsPrecision(200)
        header.setStretchLastSection(True)
        header.setSortIndicatorClearable(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # the gateway's order first
        self.table.setSortingEnabled(True)
        vheader = self.table.verticalHeader()
        vheader.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vheader.setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.proxy.modelReset.connect(self._update_count)
        self.proxy.rowsInserted.connect(self._update_count)
        self.proxy.rowsRemoved.connect(self._update_count)
        self.proxy.layoutChanged.connect(self._update_count)
        _CopyKeys(self.table, self.copy_current)

        self.detail_title = named(QLabel(), "detailTitle")
        self.photo_label = named(QLabel(), "resultPhoto")
        self.photo_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        self.photo_label.hide()
        self.detail = named(QTableWidget(0, 2), "resultDetail")
        self.detail.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.detail.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.detail.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.detail.setWordWrap(True)
        self.detail.setShowGrid(False)
        self.detail.setAlternatingRowColors(True)
        self.detail.horizontalHeader().hide()
        self.detail.verticalHeader().hide()
        self.detail.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents
        )
        self.detail.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.detail.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.detail.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.detail.customContextMenuRequested.connect(self._detail_menu)
        _CopyKeys(self.detail, self.copy_detail_value)

        detail_box = named(QWidget(), "detailPane")
        detail_lay = QVBoxLayout(detail_box)
        detail_lay.setContentsMargins(0, 4, 0, 0)
        detail_lay.addWidget(self.detail_title)
        detail_row = QHBoxLayout()
        detail_row.addWidget(self.photo_label, 0, Qt.AlignmentFlag.AlignTop)
        detail_row.addWidget(self.detail, 1)
        detail_lay.addLayout(detail_row, 1)

        self.splitter = named(QSplitter(Qt.Orientation.Vertical), "resultSplitter")
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(detail_box)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)

        records_tab = QWidget()
        records_lay = QVBoxLayout(records_tab)
        records_lay.setContentsMargins(4, 6, 4, 4)
        filter_row = QHBoxLayout()
        filter_row.addWidget(self.filter_label)
        filter_row.addWidget(self.filter_edit, 1)
        filter_row.addWidget(self.count_label)
        records_lay.addLayout(filter_row)
        records_lay.addWidget(self.splitter, 1)

        # -- the links tab --
        self.link_graph = LinkGraphView()
        self.link_graph.query_subject.connect(self.query_subject_requested)
        self.links_hint = named(QLabel(wordWrap=True), "linksHint")
        self.links_hint.setStyleSheet(NOTE_STYLE)
        links_tab = QWidget()
        links_lay = QVBoxLayout(links_tab)
        links_lay.setContentsMargins(4, 6, 4, 4)
        links_lay.addWidget(self.links_hint)
        links_lay.addWidget(self.link_graph, 1)

        self.tabs = named(QTabWidget(), "resultTabs")
        self.records_tab, self.links_tab = records_tab, links_tab
        self.tabs.addTab(records_tab, "")
        self.tabs.addTab(links_tab, "")

        # -- bottom row: what happened to a copy, and Attach --
        self.copy_status = named(QLabel(wordWrap=True), "copyStatus")
        self.copy_status.setStyleSheet(NOTE_STYLE)
        self._status_timer = QTimer(self, singleShot=True)
        self._status_timer.timeout.connect(self._copy_status_expired)
        self.attach_button = named(QPushButton(), "attachButton")
        self.attach_button.clicked.connect(self.request_attach)
        self.attach_shortcut = QShortcut(QKeySequence("Ctrl+Shift+A"), self)
        self.attach_shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        self.attach_shortcut.activated.connect(self._attach_shortcut)
        self.find_shortcut = QShortcut(QKeySequence.StandardKey.Find, self)
        # Within the result pane: Ctrl+F in the query form finds a resource (ui/query_page).
        self.find_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.find_shortcut.activated.connect(self.focus_filter)

        bottom = QHBoxLayout()
        bottom.addWidget(self.copy_status, 1)
        bottom.addWidget(self.attach_button)
        lay = QVBoxLayout(self)
        lay.addWidget(self.title_label)
        lay.addWidget(self.verify_label)
        lay.addWidget(self.tabs, 1)
        lay.addWidget(self.empty_label, 1)
        lay.addLayout(bottom)
        self.retranslate()

    # -- policy ----------------------------------------------------------------------------

    @property
    def copy_allowed(self) -> bool:
        return bool(self._desk.config.allow_copy)

    @property
    def clipboard_clear_s(self) -> float:
        return float(self._desk.config.clipboard_clear_s)

    # -- content ---------------------------------------------------------------------------

    @property
    def outcome(self) -> Any:
        return self._outcome

    def show_outcome(self, outcome: Any) -> None:
        self._outcome = outcome
        self.filter_edit.blockSignals(True)
        self.filter_edit.clear()
        self.filter_edit.blockSignals(False)
        self.proxy.set_filter_text("")
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self._render()

    def clear_view(self) -> None:
        """Empty the view (sign-out, lock, after Attach); the desk's copy is not touched."""
        had = self._outcome is not None
        self._outcome = None
        clipboard.clear_if_ours()  # a copied value leaves with the result it came from
        self._set_copy_status("")
        self._render()
        if had:
            self.cleared.emit()

    def request_attach(self) -> None:
        if self._outcome is not None:
            self.attach_requested.emit(self._outcome)

    def _attach_shortcut(self) -> None:
        if self.attach_button.isEnabled() and self.isVisible():
            self.attach_button.animateClick()

    def focus_filter(self) -> None:
        if self._outcome is None or self.tabs.isHidden():
            return
        self.tabs.setCurrentWidget(self.records_tab)
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.selectAll()

    def _records(self) -> list[Any]:
        return list(self._outcome.result.records) if self._outcome is not None else []

    def _subject(self) -> str:
        request = getattr(self._outcome, "request", None)
        params = getattr(request, "params", None) or {}
        return str(params.get("subject") or params.get("iin") or params.get("bin") or "")

    def _render(self) -> None:
        lang = i18n.current()
        outcome = self._outcome
        self.attach_button.setEnabled(outcome is not None)
        self.find_shortcut.setEnabled(outcome is not None)
        records = self._records()
        if outcome is None:
            self.model.clear()
            self.link_graph.clear_graph()
            self._show_detail(-1)
            self.title_label.setText(translate("ResultView", "Result"))
            self.verify_label.hide()
            self.tabs.hide()
            self.empty_label.setText(
                translate("ResultView", "No query sent yet. Results are kept in memory only.")
            )
            self.empty_label.show()
            return
        res = outcome.resource
        self.title_label.setText(res.title(lang))
        self._render_verification(outcome)
        self.model.set_result(res, records)
        self._size_columns()
        if not records:
            self.link_graph.clear_graph()
            self._show_detail(-1)
            self.tabs.hide()
            self.empty_label.setText(translate("ResultView", "No records found"))
            self.empty_label.show()
            return
        self.empty_label.hide()
        self.tabs.show()
        links = getattr(res, "id", None) in LINK_RESOURCES
        self.tabs.setTabVisible(self.tabs.indexOf(self.links_tab), links)
        if links:
            self.link_graph.set_links(res, [r.fields for r in records], self._subject())
        else:
            self.link_graph.clear_graph()
        self.tabs.setCurrentWidget(self.links_tab if links else self.records_tab)
        self._update_count()
        first = self.proxy.index(0, 0)
        self.table.selectionModel().setCurrentIndex(
            first,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self._show_detail(self.proxy.mapToSource(first).row() if first.isValid() else -1)

    def _size_columns(self) -> None:
        header = self.table.horizontalHeader()
        self.table.resizeColumnsToContents()
        for col in range(self.model.columnCount()):
            if header.sectionSize(col) > COLUMN_MAX_PX:
                header.resizeSection(col, COLUMN_MAX_PX)
        # A few records need a few rows of table; the detail pane gets the rest.
        rows = self.model.rowCount()
        if 0 < rows <= FEW_RECORDS:
            self.table.setMaximumHeight(
                header.sizeHint().height()
                + rows * self.table.verticalHeader().defaultSectionSize()
                + self.table.horizontalScrollBar().sizeHint().height()
                + 2 * self.table.frameWidth()
                + 2
            )
        else:
            self.table.setMaximumHeight(QWIDGETSIZE_MAX)

    def _render_verification(self, outcome: Any) -> None:
        result = outcome.result
        if outcome.response_verified:
            line = translate(
                "ResultView",
                "Operator's signature verified · bound to your request · "
                "journal № {seq} · {issued_at}",
            ).format(seq=result.journal_seq, issued_at=astana_time(result.issued_at))
            line += " " + translate("ResultView", "(Astana time)")
            self.verify_label.setStyleSheet(VERIFIED_STYLE)
        else:  # never claim a check that did not happen
            line = translate("ResultView", "The operator's signature was NOT verified")
            self.verify_label.setStyleSheet(LEVEL_STYLE["error"])
        if getattr(result, "truncated", False):
            line += "\n" + translate(
                "ResultView", "This service answers in part: amounts are not returned."
            )
        self.verify_label.setText(line)
        self.verify_label.show()

    # -- filter and selection --------------------------------------------------------------

    def _filter_changed(self, text: str) -> None:
        self.proxy.set_filter_text(text)
        current = self.table.currentIndex()
        if not current.isValid() and self.proxy.rowCount() > 0:
            self.table.selectRow(0)
        elif not current.isValid():
            self._show_detail(-1)

    def _update_count(self) -> None:
        total, shown = self.model.rowCount(), self.proxy.rowCount()
        if shown == total:
            text = translate("ResultView", "Records: {n}").format(n=total)
        else:
            text = translate("ResultView", "Shown: {shown} of {n}").format(shown=shown, n=total)
        self.count_label.setText(text)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = self.proxy.mapToSource(current).row() if current.isValid() else -1
        self._show_detail(row)

    def _show_detail(self, row: int) -> None:
        """The record of source row `row` as label → value (and its photo), or nothing."""
        self._detail_row = row
        self.detail.setRowCount(0)
        self.photo_label.clear()
        self.photo_label.hide()
        if row < 0 or row >= self.model.rowCount():
            self.detail_title.setText(
                translate("ResultView", "Select a record to see all of its fields.")
                if self.model.rowCount() else ""
            )
            return
        record = self.model.record(row)
        self.detail_title.setText(
            translate("ResultView", "Record {n} of {total}").format(
                n=row + 1, total=self.model.rowCount()
            )
        )
        names = self.model.names
        self.detail.setRowCount(len(names))
        for i, name in enumerate(names):
            label = QTableWidgetItem(self.model.label(name))
            font = label.font()
            font.setBold(True)
            label.setFont(font)
            label.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            value = QTableWidgetItem(record.get(name, ""))
            value.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            self.detail.setItem(i, 0, label)
            self.detail.setItem(i, 1, value)
        self.detail.resizeRowsToContents()
        photo = record.get(PHOTO_FIELD)
        if photo is not None:
            image = decode_photo(photo)
            if image is None:
                self.photo_label.setText(translate("ResultView", "The photo could not be shown."))
                self.photo_label.setWordWrap(True)
                self.photo_label.setMaximumWidth(PHOTO_MAX_PX)
            else:
                pixmap = QPixmap.fromImage(image)
                if max(pixmap.width(), pixmap.height()) > PHOTO_MAX_PX:
                    pixmap = pixmap.scaled(
                        PHOTO_MAX_PX, PHOTO_MAX_PX, Qt.AspectRatioMode.KeepAspectRatio,
                        Qt.TransformationMode.SmoothTransformation,
                    )
                self.photo_label.setMaximumWidth(QWIDGETSIZE_MAX)
                self.photo_label.setPixmap(pixmap)
                self.photo_label.setAccessibleName(
                    translate("ResultView", "Photo: {name}").format(
                        name=record.get("full_name", "")
                    )
                )
            self.photo_label.show()

    def detail_pairs(self) -> list[tuple[str, str]]:
        """What the detail pane shows now: (label, value) per field."""
        out = []
        for i in range(self.detail.rowCount()):
            a, b = self.detail.item(i, 0), self.detail.item(i, 1)
            out.append((a.text() if a else "", b.text() if b else ""))
        return out

    def photo_pixmap(self) -> QPixmap | None:
        """The photo the detail pane shows, if any."""
        if self.photo_label.isHidden():
            return None
        pixmap = self.photo_label.pixmap()
        return None if pixmap is None or pixmap.isNull() else pixmap

    # -- copying (R-RES-3) -----------------------------------------------------------------

    def copy_text(self, text: str) -> bool:
        """The one way a value leaves this view: ui.clipboard, if the policy allows copying."""
        if not self.copy_allowed:
            self._set_copy_status(self._copy_forbidden_text(), warn=True)
            return False
        if not text:
            return False
        clear_s = self.clipboard_clear_s
        clipboard.copy_secret(text, clear_s)
        if clear_s > 0:
            msg = translate(
                "ResultView", "Copied. The clipboard will be emptied in {n} s."
            ).format(n=f"{clear_s:g}")
            self._set_copy_status(msg, timeout_ms=int(clear_s * 1000))
        else:
            self._set_copy_status(translate("ResultView", "Copied."), timeout_ms=5000)
        return True

    def copy_current(self) -> bool:
        """Ctrl+C in the table: the value of the cell in focus."""
        index = self.table.currentIndex()
        return self.copy_text(str(index.data() or "")) if index.isValid() else False

    def copy_detail_value(self) -> bool:
        """Ctrl+C in the detail pane: the value of the field in focus."""
        row = self.detail.currentRow()
        item = self.detail.item(row, 1) if row >= 0 else None
        return self.copy_text(item.text()) if item is not None else False

    def _copy_forbidden_text(self) -> str:
        return translate(
            "ResultView",
            "Copying is turned off by your administrator: the information obtained is "
            "confidential (paragraph 19 of the Rules).",
        )

    def _set_copy_status(self, text: str, *, warn: bool = False, timeout_ms: int = 8000) -> None:
        """Say what happened to a copy for a while, then fall back to the standing note."""
        if not text:
            self._status_timer.stop()
            self._copy_status_expired()
            return
        self.copy_status.setStyleSheet(LEVEL_STYLE["warning"] if warn else NOTE_STYLE)
        self.copy_status.setText(text)
        self._status_timer.start(timeout_ms)

    def _copy_status_expired(self) -> None:
        """The standing note: why nothing can be copied, when the policy says so."""
        self.copy_status.setStyleSheet(NOTE_STYLE)
        self.copy_status.setText("" if self.copy_allowed else self._copy_forbidden_text())

    def _menu(self, view: QAbstractItemView, pos: QPoint, copy: Any) -> QMenu | None:
        index = view.indexAt(pos)
        if not index.isValid():
            return None
        view.setCurrentIndex(index)
        menu = QMenu(self)
        menu.setObjectName("copyMenu")
        menu.setToolTipsVisible(True)
        action = menu.addAction(translate("ResultView", "&Copy value"))
        action.setShortcut(QKeySequence.StandardKey.Copy)
        action.setEnabled(self.copy_allowed)
        if not self.copy_allowed:
            action.setToolTip(self._copy_forbidden_text())
            menu.addSeparator()
            why = menu.addAction(self._copy_forbidden_text())
            why.setEnabled(False)
        action.triggered.connect(copy)
        menu.popup(view.viewport().mapToGlobal(pos))
        self.context_menu = menu
        return menu

    def _table_menu(self, pos: QPoint) -> None:
        self._menu(self.table, pos, self.copy_current)

    def _detail_menu(self, pos: QPoint) -> None:
        self._menu(self.detail, pos, self.copy_detail_value)

    # -- for tests and accessibility checks ------------------------------------------------

    def verification_text(self) -> str:
        return "" if self.verify_label.isHidden() else self.verify_label.text()

    def cell_texts(self) -> list[str]:
        """Every value of every record, whatever the filter shows (pictures are not text)."""
        return self.model.values()

    def visible_column_names(self) -> list[str]:
        return self.model.names

    # -- language --------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.filter_label.setText(translate("ResultView", "&Filter:"))
        self.filter_edit.setPlaceholderText(
            translate("ResultView", "Words to find in any column (Ctrl+F)")
        )
        tab = self.tabs.indexOf
        self.tabs.setTabText(tab(self.records_tab), translate("ResultView", "Records"))
        self.tabs.setTabText(tab(self.links_tab), translate("ResultView", "Links"))
        self.links_hint.setText(
            translate(
                "ResultView",
                "Click a person or a company, or reach it with Tab and press Enter, to query it "
                "with the same basis.",
            )
        )
        self.attach_button.setText(translate("ResultView", "&Attach…"))
        self.attach_button.setToolTip(
            translate(
                "ResultView",
                "Print and/or export a signed printout of this result into the case material; "
                "then the copy on this computer is destroyed (Ctrl+Shift+A).",
            )
        )
        if not self._status_timer.isActive():
            self._copy_status_expired()
        self.model.retranslate()
        if self._outcome is None or not self._records():
            self._render()
            return
        lang = i18n.current()
        self.title_label.setText(self._outcome.resource.title(lang))
        self._render_verification(self._outcome)
        self._update_count()
        self._show_detail(self._detail_row)
        if getattr(self._outcome.resource, "id", None) in LINK_RESOURCES:
            self.link_graph.set_links(
                self._outcome.resource, [r.fields for r in self._records()], self._subject()
            )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

