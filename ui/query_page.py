"""The query form: resource, its parameters from the catalogue, and the basis (R-Q-2)."""

from __future__ import annotations

import logging
from itertools import pairwise
from typing import Any

from PySide6.QtCore import QEvent, QRegularExpression, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QRegularExpressionValidator, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.api import DeskApi
from app.downtime import (
    AttemptLog,
    Downtime,
    OperatorContacts,
    Outage,
    contact_lines,
    notice_text,
    outage,
    unreachable,
)
from app.validation import DEFAULT_LEGAL_GROUND, given_params, make_basis
from resources.catalogue import Param, ParamSet, Resource
from ui import i18n
from ui.i18n import translate
from ui.messages import LEVEL_STYLE, error_text, reason_text
from ui.outage_notice import OutageNoticeDialog
from ui.resource_finder import ResourceFinder
from ui.result_view import ResultView
from ui.widgets import named
from ui.worker import DeskRunner

log = logging.getLogger(__name__)
DOWNTIME_STYLE = ("color: #6b3d00; background: #fff4d6; border: 1px solid #e0b050; "
                  "border-radius: 3px; padding: 4px; font-weight: bold;")
BUSY_AFTER_MS = 300  # progress shows for anything slower than this (DESIGN.md "UI")
BASIS_FIELDS = ("case_number", "legal_ground", "purpose")
_TWELVE_DIGITS = ("iin", "bin", "iin_or_bin")
# R-Q-1: format examples for the other parameter types (language-neutral, so not translated).
_EXAMPLES = {"date": "2024-01-31", "plate": "123ABC02", "vin": "XTA21099012345678",
             "phone": "+77011234567", "document": "N12345678"}


class _FieldRow:
    """An input with its label and the inline reason desk.check gave for it."""

    def __init__(self, name: str, editor: QLineEdit | QPlainTextEdit):
        self.name = name
        self.editor = editor
        self.label = QLabel()
        self.label.setBuddy(editor)
        self.error = named(QLabel(wordWrap=True), f"error_{name}")
        self.error.setStyleSheet(LEVEL_STYLE["error"])
        self.error.hide()
        self.touched = False  # reasons show only once the analyst has typed here

    def text(self) -> str:
        if isinstance(self.editor, QPlainTextEdit):
            return self.editor.toPlainText()
        return self.editor.text()

    def set_text(self, value: str) -> None:
        if isinstance(self.editor, QPlainTextEdit):
            self.editor.setPlainText(value)
        else:
            self.editor.setText(value)

    def cell(self) -> QWidget:
        box = QWidget()
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addWidget(self.editor)
        lay.addWidget(self.error)
        return box


class QueryPage(QWidget):
    """Form on the left, verified result on the right; Send stays off until desk.check is happy."""

    sent = Signal(object)  # QueryOutcome
    failed = Signal(object)  # the exception, after it is shown inline

    def __init__(self, desk: DeskApi, runner: DeskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("queryPage")
        self._desk, self._runner = desk, runner
        self._resources: list[Resource] = []
        self._current: Resource | None = None
        self._set: ParamSet | None = None  # the way of asking the analyst chose (R-Q-1)
        # What was typed, by parameter name: kept while the analyst switches sets or resources
        # (the same IIN asked of №1, then №12), forgotten at sign-out.
        self._typed: dict[str, str] = {}
        self._params: list[_FieldRow] = []
        self._errors: dict[str, str] | None = None  # None until the first check answers
        self._check_gen = 0
        self._sending = False
        self._send_when_checked = False

        self.finder = named(ResourceFinder(), "resourceFinder")
        self.finder.picked.connect(self._picked)
        self.resource_title = named(QLabel(wordWrap=True), "resourceTitle")
        self.resource_title.setStyleSheet("font-weight: bold;")
        # R-Q-3: works and emergencies that stop the chosen resource, before anything is sent.
        self.downtime_bar = named(QLabel(wordWrap=True), "downtimeBar")
        self.downtime_bar.setStyleSheet(DOWNTIME_STYLE)
        self.downtime_bar.hide()
        self._downtime: list[Downtime] = []
        self._downtime_gen = 0
        # R-Q-4: unavailable for more than an hour (an open emergency, or this desk's own failed
        # sends) -> offer the prefilled notice to the operator, with the contacts last published.
        self.attempts = AttemptLog()
        self._contacts: OperatorContacts | None = None
        self._sending_to: int | None = None
        self.outage_button = named(QPushButton(), "outageNoticeButton")
        self.outage_button.clicked.connect(self.open_outage_notice)
        self.outage_button.hide()
        self.outage_dialog: OutageNoticeDialog | None = None

        self.params_group = named(QGroupBox(), "paramsGroup")
        params_lay = QVBoxLayout(self.params_group)
        self.sets_row = named(QWidget(), "paramSets")
        self.sets_lay = QVBoxLayout(self.sets_row)  # set names are long: one per line
        self.sets_lay.setContentsMargins(0, 0, 0, 0)
        self.sets_lay.setSpacing(2)
        self.set_buttons = QButtonGroup(self)
        self.set_buttons.idClicked.connect(self._set_clicked)
        self.params_form = QFormLayout()
        params_lay.addWidget(self.sets_row)
        params_lay.addLayout(self.params_form)

        self.basis_group = named(QGroupBox(), "basisGroup")
        case = named(QLineEdit(), "caseNumber")
        case.setMaxLength(64)
        ground = named(QPlainTextEdit(DEFAULT_LEGAL_GROUND), "legalGround")
        ground.setTabChangesFocus(True)
        # Two lines: the default ground is a whole law's title and must be read, not scrolled.
        ground.setFixedHeight(ground.fontMetrics().lineSpacing() * 2 + 14)
        purpose = named(QPlainTextEdit(), "purpose")
        purpose.setTabChangesFocus(True)  # keyboard-first: Tab leaves the field, not indents it
        purpose.setFixedHeight(purpose.fontMetrics().lineSpacing() * 4 + 12)
        self.basis = {
            "case_number": _FieldRow("case_number", case),
            "legal_ground": _FieldRow("legal_ground", ground),
            "purpose": _FieldRow("purpose", purpose),
        }
        self.basis["legal_ground"].touched = True  # prefilled: an emptied ground says so at once
        basis_form = QFormLayout(self.basis_group)
        for row in self.basis.values():
            basis_form.addRow(row.label, row.cell())
        case.textEdited.connect(lambda _t: self._edited(self.basis["case_number"]))
        ground.textChanged.connect(lambda: self._edited(self.basis["legal_ground"]))
        purpose.textChanged.connect(lambda: self._edited(self.basis["purpose"]))

        self.send_button = named(QPushButton(), "sendButton")
        self.send_button.setEnabled(False)
        self.send_button.clicked.connect(self.send)
        self.reason_label = named(QLabel(wordWrap=True), "sendReason")
        self.reason_label.setStyleSheet(LEVEL_STYLE["warning"])
        self.status_label = named(QLabel(wordWrap=True), "queryStatus")
        self.progress = named(QProgressBar(), "queryProgress")
        self.progress.setRange(0, 0)  # signing + channel + gateway: no honest percentage
        self.progress.hide()
        self._busy_timer = QTimer(self, singleShot=True, interval=BUSY_AFTER_MS)
        self._busy_timer.timeout.connect(self._show_progress)

        send_row = QHBoxLayout()
        send_row.addWidget(self.send_button)
        send_row.addWidget(self.progress, 3)
        send_row.addStretch(1)

        self.form = named(QWidget(), "queryForm")
        form_lay = QVBoxLayout(self.form)
        form_lay.addWidget(self.finder)
        form_lay.addWidget(self.resource_title)
        form_lay.addWidget(self.downtime_bar)
        form_lay.addWidget(self.outage_button, 0, Qt.AlignmentFlag.AlignLeft)
        form_lay.addWidget(self.params_group)
        form_lay.addWidget(self.basis_group)
        form_lay.addStretch(1)
        left = named(QWidget(), "queryLeft")
        left_lay = QVBoxLayout(left)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        left_lay.addWidget(scroll, 1)
        left_lay.addWidget(self.reason_label)
        left_lay.addLayout(send_row)
        left_lay.addWidget(self.status_label)

        self.result_view = ResultView(desk, runner)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.result_view)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(splitter)
        # Ctrl+F in the form finds a resource; in the result pane it filters the records.
        self.find_shortcut = QShortcut(QKeySequence.StandardKey.Find, left)
        self.find_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.find_shortcut.activated.connect(self.finder.focus)
        self.retranslate()

    # -- loading ---------------------------------------------------------------------------

    def load(self) -> None:
        """Ask the desk which resources may be queried (only those are offered, R-Q-1)."""
        self._runner.call(self._desk.resources, self._set_resources, self._show_failure)

    def _set_resources(self, resources: list[Resource]) -> None:
        self._resources = list(resources)
        self.finder.set_resources(self._resources)
        keep = self._current.id if self._current is not None else None
        ids = [r.id for r in self._resources]
        self.select_resource(keep if keep in ids else (ids[0] if ids else None))

    def current_resource(self) -> Resource | None:
        return self._current

    def current_set(self) -> ParamSet | None:
        return self._set

    def select_resource(self, resource_id: int | None, set_id: str | None = None) -> bool:
        """Make `resource_id` the one asked (its first parameter set unless `set_id`)."""
        res = next((r for r in self._resources if r.id == resource_id), None)
        if res is None and resource_id is not None:
            return False
        self._current = res
        self._build_sets()
        chosen = res.param_sets[0] if res else None
        if res is not None and set_id is not None:
            chosen = next((s for s in res.param_sets if s.id == set_id), chosen)
        self._select_set(chosen)
        self.refresh_downtime()
        return True

    def refresh_downtime(self) -> None:
        """Ask the gateway what stops the chosen resource; only the newest answer counts."""
        self._downtime_gen += 1
        gen, res, desk = self._downtime_gen, self._current, self._desk
        self._show_downtime(gen, [])
        if res is None:
            return
        self._runner.call(lambda: desk.downtime(res.id),
                          lambda found: self._show_downtime(gen, found),
                          lambda exc: self._downtime_unknown(gen, exc))

    def _show_downtime(self, gen: int, found: list[Downtime]) -> None:
        if gen != self._downtime_gen:
            return
        self._downtime = list(found)
        self._contacts = next((d.contacts for d in found if d.contacts), self._contacts)
        self._update_outage()
        lang = i18n.current()
        self.downtime_bar.setText("\n".join(d.text(lang) for d in self._downtime))
        self.downtime_bar.setVisible(bool(self._downtime))

    def _downtime_unknown(self, gen: int, exc: BaseException) -> None:
        # Not knowing of works stops nothing: the gateway refuses a query to a resource that is
        # down with its own sentence (maintenance / emergency_downtime).
        log.info("downtime notices could not be read: %s", exc)
        self._show_downtime(gen, [])

    def _picked(self, resource_id: int) -> None:
        """A resource picked in the finder: its first parameter takes the keyboard."""
        if self._current is None or self._current.id != resource_id:
            self.select_resource(resource_id)
        if self._params:
            self._params[0].editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def _build_sets(self) -> None:
        for button in self.set_buttons.buttons():
            self.set_buttons.removeButton(button)
            button.setParent(None)  # gone now, not at the next event loop pass
            button.deleteLater()
        res = self._current
        sets = res.param_sets if res else ()
        for i, pset in enumerate(sets):
            button = named(QRadioButton(), f"set_{pset.id}")
            self.set_buttons.addButton(button, i)
            self.sets_lay.addWidget(button)
        self.sets_row.setVisible(len(sets) > 1)  # one way of asking needs no choice

    def _set_clicked(self, index: int) -> None:
        res = self._current
        if res is not None and 0 <= index < len(res.param_sets):
            self._select_set(res.param_sets[index])
            if self._params:
                self._params[0].editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def _select_set(self, pset: ParamSet | None) -> None:
        """Rows for the set's parameters and the common ones; typed values carry over."""
        self._typed.update({r.name: r.text() for r in self._params})
        self._set = pset
        res = self._current
        if res is not None and pset is not None:
            button = self.set_buttons.button(res.param_sets.index(pset))
            if button is not None:
                button.setChecked(True)
        while self.params_form.rowCount():
            self.params_form.removeRow(0)
        self._params = []
        for param in (*pset.params, *res.common) if res and pset else ():
            edit = self._editor(param)
            row = _FieldRow(param.name, edit)
            row.set_text(self._typed.get(param.name, ""))
            edit.textEdited.connect(lambda _t, r=row: self._edited(r))
            self.params_form.addRow(row.label, row.cell())
            self._params.append(row)
        self._fix_tab_order()
        self.retranslate()
        self.recheck()

    @staticmethod
    def _editor(param: Param) -> QLineEdit:
        edit = named(QLineEdit(), f"param_{param.name}")
        if param.type in _TWELVE_DIGITS:
            # 12 digits and nothing else can be typed; the check digit is desk.check's job.
            digits = QRegularExpression(r"\d{0,12}")
            edit.setValidator(QRegularExpressionValidator(digits, edit))
            edit.setMaxLength(12)
            edit.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
        return edit

    def _fix_tab_order(self) -> None:
        chain: list[QWidget] = [self.finder.filter, self.finder.list]
        chain += list(self.set_buttons.buttons())
        chain += [r.editor for r in self._params]
        chain += [r.editor for r in self.basis.values()]
        chain += [self.send_button]
        for a, b in pairwise(chain):
            QWidget.setTabOrder(a, b)

    # -- checking --------------------------------------------------------------------------

    def params(self) -> dict[str, str]:
        """Every field of the chosen set, empty ones too: they say which set is meant."""
        return {r.name: r.text() for r in self._params}

    def given_params(self) -> dict[str, str]:
        """What the signed query carries: only the fields the analyst filled (R-Q-1)."""
        return given_params(self.params())

    def basis_values(self) -> dict[str, str]:
        return {name: row.text() for name, row in self.basis.items()}

    def _edited(self, row: _FieldRow) -> None:
        row.touched = True
        self.recheck()

    def recheck(self) -> None:
        """Ask desk.check on the worker; only the newest answer counts (FIFO, but be explicit)."""
        res = self.current_resource()
        if res is None:
            self._apply_errors(self._check_gen, {"resource": "required"})
            return
        self._check_gen += 1
        gen = self._check_gen
        params, basis, desk = self.params(), self.basis_values(), self._desk
        self._runner.call(
            lambda: desk.check(res.id, params, basis),
            lambda errors: self._apply_errors(gen, errors),
            self._show_failure,
        )

    def _apply_errors(self, gen: int, errors: dict[str, str]) -> None:
        if gen != self._check_gen:
            return
        self._errors = dict(errors)
        self._show_errors()
        if self._send_when_checked:
            self._send_when_checked = False
            if not errors:
                self.send()

    def query_subject(self, resource_id: int, params: dict[str, str]) -> None:
        """Query `params` in resource `resource_id` with the basis already typed (a node of the
        links graph was chosen); sent once the form checks out, else the reasons show."""
        res = next((r for r in self._resources if r.id == resource_id), None)
        if res is None:
            return
        choice = res.choose_set(set(params))
        self.select_resource(resource_id, choice.chosen.id if choice.chosen else None)
        for row in self._params:  # sent by itself: exactly these, nothing typed before
            row.set_text(params.get(row.name, ""))
            row.touched = row.name in params
        self._send_when_checked = True
        self.recheck()

    def _show_errors(self) -> None:
        errors = self._errors or {}
        rows = {r.name: r for r in (*self._params, *self.basis.values())}
        for name, row in rows.items():
            reason = errors.get(name)
            row.error.setVisible(bool(reason) and row.touched)
            row.error.setText(reason_text(reason) if reason else "")
        if self._errors is None:
            missing = translate("QueryPage", "Checking the form…")
        elif errors:
            names = [
                rows[n].label.text().replace("&", "").rstrip(":") if n in rows else n
                for n in errors
            ]
            missing = translate("QueryPage", "To send, complete: {fields}").format(
                fields="; ".join(names)
            )
        else:
            missing = ""
        self.reason_label.setText(missing)
        self.reason_label.setVisible(bool(missing))
        self._update_send()

    def can_send(self) -> bool:
        return self._errors == {} and not self._sending and self.current_resource() is not None

    def _update_send(self) -> None:
        self.send_button.setEnabled(self.can_send())

    # -- sending ---------------------------------------------------------------------------

    def send(self) -> None:
        """Sign and send on the worker (R-AUTH-5); the basis goes with it (R-Q-2)."""
        res = self.current_resource()
        if res is None or not self.can_send():
            return
        b = self.basis_values()
        try:
            basis = make_basis(b["case_number"], b["legal_ground"], b["purpose"])
        except ValueError as exc:  # pydantic's ValidationError is a ValueError
            self._show_failure(exc)
            return
        params, desk = self.given_params(), self._desk
        self._sending_to = res.id
        self._set_sending(True)
        self._runner.call(lambda: desk.query(res.id, params, basis), self._on_sent, self._on_failed)

    def _set_sending(self, sending: bool) -> None:
        self._sending = sending
        self.form.setEnabled(not sending)
        self._update_send()
        if sending:
            self.status_label.setStyleSheet("")
            self.status_label.setText(translate("QueryPage", "Signing and sending the query…"))
            self._busy_timer.start()
        else:
            self._busy_timer.stop()
            self.progress.hide()

    def _show_progress(self) -> None:
        if self._sending:
            self.progress.show()

    def _on_sent(self, outcome: Any) -> None:
        self._set_sending(False)
        if self._sending_to is not None:
            self.attempts.succeeded(self._sending_to)
            self._update_outage()
        self.status_label.setText("")
        self.result_view.show_outcome(outcome)
        self.sent.emit(outcome)

    def _on_failed(self, exc: BaseException) -> None:
        self._set_sending(False)
        self._show_failure(exc)
        if self._sending_to is not None and unreachable(exc):
            self.attempts.failed(self._sending_to)
            self._update_outage()
        if getattr(exc, "values", {}).get("code") in ("maintenance", "emergency_downtime"):
            self.refresh_downtime()  # the refusal says the resource is down: show until when
        self.failed.emit(exc)

    def current_outage(self) -> Outage | None:
        """The chosen resource's outage over an hour, if there is one (R-Q-4)."""
        res = self.current_resource()
        if res is None:
            return None
        return outage(self._downtime, self.attempts.run(res.id))

    def _update_outage(self) -> None:
        self.outage_button.setVisible(self.current_outage() is not None)

    def open_outage_notice(self) -> None:
        """The prefilled notice in the analyst's language, with the operator's contacts."""
        found, res, user = self.current_outage(), self.current_resource(), self._desk.user
        if found is None or res is None:
            return
        lang = i18n.current()
        text = notice_text(lang, found, resource=res.title(lang),
                           name=user.name if user else "",
                           organization=user.organization if user else "")
        self.outage_dialog = OutageNoticeDialog(text, contact_lines(lang, self._contacts), self)
        self.outage_dialog.open()

    def _show_failure(self, exc: BaseException) -> None:
        self.status_label.setStyleSheet(LEVEL_STYLE["error"])
        self.status_label.setText(error_text(exc))

    @property
    def sending(self) -> bool:
        return self._sending

    def reset(self) -> None:
        """After sign-out: nothing the previous session typed or received stays on screen."""
        self._typed = {}
        for row in (*self._params, *self.basis.values()):
            row.set_text("")
            row.touched = False
        self.basis["legal_ground"].set_text(DEFAULT_LEGAL_GROUND)
        self.basis["legal_ground"].touched = True
        self.status_label.setText("")
        self.attempts, self._contacts = AttemptLog(), None
        self._downtime_gen += 1
        self._show_downtime(self._downtime_gen, [])
        self.result_view.clear_view()
        self.recheck()

    # -- language --------------------------------------------------------------------------

    def retranslate(self) -> None:
        lang = i18n.current()
        self.finder.retranslate()
        self._show_downtime(self._downtime_gen, self._downtime)
        self.downtime_bar.setAccessibleName(translate("QueryPage", "Downtime of this resource"))
        self.outage_button.setText(translate("QueryPage", "Prepare a notice to the operator…"))
        res = self.current_resource()
        self.resource_title.setText(res.title(lang) if res else translate(
            "QueryPage", "No resource is chosen: find one above."))
        self.params_group.setTitle(translate("QueryPage", "Search parameters"))
        self.sets_row.setAccessibleName(translate("QueryPage", "Search by"))
        for i, pset in enumerate(res.param_sets if res else ()):
            button = self.set_buttons.button(i)
            if button is not None:
                button.setText(pset.label.get(lang) or pset.label["ru"])
        by_name = {p.name: p for p in res.all_params} if res else {}
        for row in self._params:
            param = by_name[row.name]
            caption = param.label.get(lang) or param.label["ru"]
            row.label.setText(caption + ":")
            row.editor.setAccessibleName(caption)
            if param.type in _TWELVE_DIGITS:
                row.editor.setPlaceholderText(translate("QueryPage", "12 digits"))
            elif param.type in _EXAMPLES:
                # Any other type gets a plain line edit; an example of the format is the hint.
                row.editor.setPlaceholderText(_EXAMPLES[param.type])
        self.basis_group.setTitle(
            translate("QueryPage", "Basis of the query (required, paragraph 3 of the Rules)"))
        self.basis["case_number"].label.setText(translate("QueryPage", "&Case / material №:"))
        self.basis["legal_ground"].label.setText(translate("QueryPage", "&Legal ground:"))
        self.basis["purpose"].label.setText(translate("QueryPage", "&Purpose:"))
        self.basis["case_number"].editor.setPlaceholderText(
            translate("QueryPage", "e.g. 2025-0142")
        )
        self.basis["purpose"].editor.setPlaceholderText(
            translate(
                "QueryPage",
                "What the result will be used for; it may be used only for this purpose.",
            )
        )
        self.send_button.setText(translate("QueryPage", "&Send signed query"))
        for row in self.basis.values():  # screen readers name each field as its label does
            row.editor.setAccessibleName(row.label.text().replace("&", "").rstrip(":"))
        self.send_button.setToolTip(
            translate("QueryPage", "Signs the query with your EDS and sends it (Ctrl+Enter)")
        )
        self._show_errors()

    def showEvent(self, event: QShowEvent) -> None:
        """Opening the page puts the keyboard in the resource filter (R-Q-1)."""
        super().showEvent(event)
        focus = self.focusWidget()
        if not self._sending and (focus is None or not self.form.isAncestorOf(focus)):
            self.finder.focus()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
