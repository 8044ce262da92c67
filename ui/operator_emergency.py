"""The operator's emergency journal (2022 App.6, R-OPS-1) and announced works (R-Q-3): the six
sections with their rows (№, actions, maximum time, responsible person, start, end); open a row,
close it; publish planned works. Each write is signed on the operator's token and journaled;
users see open emergencies and works as notices (the notice bar reads the same views)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.operator import OperatorConsole, astana_moment, astana_now, when_text
from ui import i18n
from ui.i18n import translate
from ui.operator_console import name_tab
from ui.operator_page import CheckedDialog, OperatorPage
from ui.widgets import named
from ui.worker import DeskRunner

ROW_ROLE = Qt.ItemDataRole.UserRole
Form = dict[str, Any]


_when = when_text


def _moment(edit: QDateTimeEdit) -> dt.datetime:
    """The edit's date and time read as Astana time (R-Q-5)."""
    d, t = edit.date(), edit.time()
    return astana_moment(dt.date(d.year(), d.month(), d.day()), t.hour(), t.minute())


def _now_edit(name: str) -> QDateTimeEdit:
    now = astana_now()
    edit = named(QDateTimeEdit(QDateTime(now.year, now.month, now.day, now.hour, now.minute, 0)),
                 name)
    edit.setDisplayFormat("dd.MM.yyyy HH:mm")
    edit.setCalendarPopup(True)
    return edit


class WriteDialog(CheckedDialog):
    """One form of the journal: its fields, none left empty; the values as typed."""

    def __init__(self, title: str, fields: list[tuple[str, str, QWidget]],
                 parent: QWidget | None = None) -> None:
        super().__init__("emergencyWriteDialog", title, "emergencyWriteProblem", parent)
        self.fields = {key: widget for key, _label, widget in fields}
        form = QFormLayout()
        for _key, label, widget in fields:
            form.addRow(label, widget)
        self._lay_out(form)

    def values(self) -> Form:
        out: Form = {}
        for key, widget in self.fields.items():
            if isinstance(widget, QDateTimeEdit):
                out[key] = _moment(widget)
            elif isinstance(widget, QSpinBox):
                out[key] = widget.value()
            elif isinstance(widget, QComboBox):
                out[key] = widget.currentData()
            elif isinstance(widget, QPlainTextEdit):
                out[key] = widget.toPlainText().strip()
            elif isinstance(widget, QLineEdit):
                out[key] = widget.text().strip()
        return out

    def what_is_wrong(self) -> str:
        empty = [k for k, v in self.values().items() if v in ("", None) and k != "actions_more"]
        return translate("OperatorEmergency", "Fill in every field.") if empty else ""


class EmergencyPage(OperatorPage):
    """Announced works and the emergency journal; Open an entry…, Close the entry…, Publish
    works…; each signed."""

    def __init__(self, console: OperatorConsole, runner: DeskRunner,
                 parent: QWidget | None = None, *,
                 ask: Callable[[str, WriteDialog], Form | None] | None = None) -> None:
        super().__init__("emergencyStatus", parent)
        self.setObjectName("operatorEmergency")
        self._console, self._runner = console, runner
        self._ask = ask or self._dialog
        self._view: tuple[Any, Any] | None = None
        self.notices_title = named(QLabel(), "noticesTitle")
        self.notices = named(QListWidget(), "noticesList")
        self.journal_title = named(QLabel(), "emergencyTitle")
        for label in (self.notices_title, self.journal_title):
            font = label.font()
            font.setBold(True)
            label.setFont(font)
        self.tree = named(QTreeWidget(), "emergencyTree")
        self.tree.setColumnCount(6)
        self.tree.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.open_button = named(QPushButton(), "emergencyOpen")
        self.open_button.clicked.connect(self.open_entry)
        self.close_button = named(QPushButton(), "emergencyClose")
        self.close_button.clicked.connect(self.close_entry)
        self.notice_button = named(QPushButton(), "noticePublish")
        self.notice_button.clicked.connect(self.publish)
        row = QHBoxLayout()
        for b in (self.open_button, self.close_button, self.notice_button):
            row.addWidget(b)
        row.addStretch(1)
        lay = QVBoxLayout(self)
        lay.addWidget(self.journal_title)
        lay.addWidget(self.tree, 3)
        lay.addLayout(row)
        lay.addWidget(self.notices_title)
        lay.addWidget(self.notices, 1)
        lay.addWidget(self.status)
        self.retranslate()

    # -- data ---------------------------------------------------------------------------------

    def refresh(self) -> None:
        self._runner.call(self._console.journal, self._show, self._failed)

    def _show(self, view: tuple[Any, Any]) -> None:
        self._view = view
        self._render()

    def _section_title(self, section: Any) -> str:
        return str(section.title_kk if i18n.current() == "kk" else section.title_ru)

    def _render(self) -> None:
        self.tree.clear()
        self.notices.clear()
        if self._view is None:
            self._update_buttons()
            return
        notices, journal = self._view
        for n in [*notices.current, *notices.upcoming]:
            title = n.title_kk if i18n.current() == "kk" else n.title_ru
            self.notices.addItem(f"{_when(n.starts_at)} – {_when(n.ends_at)}: {title}")
        if not notices.current and not notices.upcoming:
            self.notices.addItem(translate("OperatorEmergency", "No works are announced."))
        for section in journal.sections:
            top = QTreeWidgetItem([self._section_title(section)])
            self.tree.addTopLevelItem(top)
            top.setFirstColumnSpanned(True)  # the section's title across the row's columns
            for r in section.rows:
                child = QTreeWidgetItem([
                    str(r.no), r.actions, translate("OperatorEmergency", "{n} min").format(
                        n=r.max_time_min), r.responsible, _when(r.started_at),
                    _when(r.ended_at) if r.ended_at else translate("OperatorEmergency",
                                                                   "open")])
                child.setData(0, ROW_ROLE, r)
                top.addChild(child)
            top.setExpanded(True)
        for column in range(self.tree.columnCount()):
            self.tree.resizeColumnToContents(column)
        self._update_buttons()

    def selected_row(self) -> Any | None:
        item = self.tree.currentItem()
        return None if item is None else item.data(0, ROW_ROLE)

    def _update_buttons(self) -> None:
        row = self.selected_row()
        self.close_button.setEnabled(row is not None and row.ended_at is None)

    # -- writes -------------------------------------------------------------------------------

    def open_entry(self) -> None:
        sections = named(QComboBox(), "emergencySection")
        if self._view is not None:
            for s in self._view[1].sections:
                sections.addItem(self._section_title(s), s.section)
        minutes = named(QSpinBox(), "emergencyMaxTime")
        minutes.setRange(1, 100_000)
        minutes.setValue(60)
        dialog = WriteDialog(translate("OperatorEmergency", "Open an emergency journal entry"), [
            ("section", translate("OperatorEmergency", "Section"), sections),
            ("actions", translate("OperatorEmergency", "Actions"),
             named(QPlainTextEdit(), "emergencyActions")),
            ("max_time_min", translate("OperatorEmergency", "Required time, maximum (min)"),
             minutes),
            ("responsible", translate("OperatorEmergency", "Responsible person"),
             named(QLineEdit(), "emergencyResponsible")),
            ("started", translate("OperatorEmergency", "Started"), _now_edit("emergencyStart")),
        ], self)
        values = self._ask("open", dialog)
        if values is not None:
            self._send(lambda: self._console.open_emergency(
                values["section"], values["actions"], values["max_time_min"],
                values["responsible"], values["started"]))

    def close_entry(self) -> None:
        row = self.selected_row()
        if row is None or row.ended_at is not None:
            return
        dialog = WriteDialog(translate("OperatorEmergency", "Close entry № {no}").format(
            no=row.no), [
            ("ended", translate("OperatorEmergency", "Ended"), _now_edit("emergencyEnd")),
            ("actions_more", translate("OperatorEmergency", "Actions taken (optional)"),
             named(QPlainTextEdit(), "emergencyActionsMore")),
        ], self)
        values = self._ask("close", dialog)
        if values is not None:
            self._send(lambda: self._console.close_emergency(row.seq, values["ended"],
                                                             values["actions_more"]))

    def publish(self) -> None:
        start = _now_edit("noticeStart")
        end = _now_edit("noticeEnd")
        end.setDateTime(start.dateTime().addSecs(3600))
        dialog = WriteDialog(translate("OperatorEmergency", "Announce planned technical works"), [
            ("title_kk", translate("OperatorEmergency", "Text in Kazakh"),
             named(QLineEdit(), "noticeKk")),
            ("title_ru", translate("OperatorEmergency", "Text in Russian"),
             named(QLineEdit(), "noticeRu")),
            ("starts", translate("OperatorEmergency", "Starts"), start),
            ("ends", translate("OperatorEmergency", "Ends"), end),
        ], self)
        values = self._ask("notice", dialog)
        if values is not None:
            self._send(lambda: self._console.publish_notice(
                values["title_kk"], values["title_ru"], values["starts"], values["ends"]))

    def _send(self, work: Callable[[], Any]) -> None:
        self._say("info", translate("OperatorEmergency", "Signing on your token…"))
        self._runner.call(work, self._done, self._failed)

    def _done(self, receipt: Any) -> None:
        self._say("ok", translate("OperatorEmergency", "Signed and journaled (entry {seq}).")
                  .format(seq=receipt.seq))
        self.refresh()

    @staticmethod
    def _dialog(_kind: str, dialog: WriteDialog) -> Form | None:
        return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None

    # -- display ------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.journal_title.setText(translate("OperatorEmergency", "Emergency journal"))
        self.notices_title.setText(translate("OperatorEmergency", "Announced technical works"))
        self.tree.setHeaderLabels([
            translate("OperatorEmergency", "№"), translate("OperatorEmergency", "Actions"),
            translate("OperatorEmergency", "Maximum time"),
            translate("OperatorEmergency", "Responsible"), translate("OperatorEmergency", "Start"),
            translate("OperatorEmergency", "End")])
        self.open_button.setText(translate("OperatorEmergency", "Open an entry…"))
        self.close_button.setText(translate("OperatorEmergency", "Close the entry…"))
        self.notice_button.setText(translate("OperatorEmergency", "Announce works…"))
        name_tab(self, translate("OperatorEmergency", "Emergency journal"))
        self._render()
