"""The App.4 application (R-ACC-2..10): prefilled from the token's certificate, checked as
typed, printed in Kazakh or Russian, the signed and stamped scan attached, the whole PAdES-signed
with the EDS and filed. One widget for registration, transfer (editing) and blocking."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QDate,
    QDateTime,
    QEvent,
    QIODevice,
    Qt,
    QTime,
    Signal,
)
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app import applications
from app.application_printout import application_printout
from app.applications import Action, Applicant, Filed
from app.errors import DeskError
from ui import i18n
from ui.i18n import translate
from ui.messages import LEVEL_STYLE, error_text
from ui.widgets import named
from ui.worker import DeskRunner

ASTANA = dt.timezone(dt.timedelta(hours=5))
ROLE_ORDER_NUMBER_MAX = 40  # transport.protocol.ApplicationForm.role_order_number


def _with_error(edit: QWidget, name: str) -> tuple[QVBoxLayout, QLabel]:
    """A field with its own error line under it, hidden until the field has a problem."""
    error = named(QLabel(wordWrap=True), f"applicationError_{name}")
    error.setStyleSheet(LEVEL_STYLE["error"])
    error.hide()
    column = QVBoxLayout()
    column.addWidget(edit)
    column.addWidget(error)
    return column, error


def field_labels() -> dict[str, str]:
    """The form's fields as the analyst reads them (the 2022 App.4 and 2017 App.2 fields)."""
    return {
        "surname": translate("Application", "Surname:"),
        "name": translate("Application", "Name:"),
        "patronymic": translate("Application", "Patronymic (if any):"),
        "iin": translate("Application", "IIN:"),
        "organization": translate("Application", "Organisation:"),
        "organization_code": translate(
            "Application", "Organisation code in the Unified Register of Pre-trial "
                           "Investigations:"),
        "bin": translate("Application", "BIN of the organisation:"),
        "unit": translate("Application", "Structural unit:"),
        "position": translate("Application", "Position:"),
        "work_phone": translate("Application", "Work phone:"),
        "mobile_phone": translate("Application", "Mobile phone:"),
        "email": translate("Application", "E-mail:"),
        "work_address": translate("Application", "Work address:"),
        "head_position": translate("Application", "Head's position:"),
        "head_name": translate("Application", "Head's full name:"),
        "blocking_reason": translate("Application", "Reason for blocking:"),
    }


def problem_text(code: str) -> str:
    """The sentence for a field's problem code (app.applications.form_problems)."""
    return {
        "required": translate("Application", "Fill this in."),
        "invalid": translate("Application", "This is not in the form's format."),
        "iin_check": translate("Application", "The IIN's check digit or date is wrong."),
        "bin_check": translate("Application", "The BIN's check digit is wrong."),
        "confirm": translate("Application", "Tick this confirmation."),
        "too_long": translate("Application", "This is longer than the form allows."),
        "future": translate("Application", "The order cannot be dated after today."),
    }.get(code, translate("Application", "This is not in the form's format."))


def shrink_scan(data: bytes, limit: int) -> tuple[bytes, str] | None:
    """An image scan re-encoded to fit `limit` at 150 dpi of A4 (1240 px wide) or less:
    greyscale JPEG first, else black-and-white PNG (text and stamp stay legible); (bytes,
    suffix), or None when it cannot be read or made small enough."""
    image = QImage.fromData(QByteArray(data))
    if image.isNull():
        return None
    grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
    scaled = grey.scaledToWidth(min(1240, grey.width()), Qt.TransformationMode.SmoothTransformation)
    mono = scaled.convertToFormat(QImage.Format.Format_Mono, Qt.ImageConversionFlag.ThresholdDither)
    tries = ((scaled, "JPEG", 70, ".jpg"), (scaled, "JPEG", 45, ".jpg"), (mono, "PNG", -1, ".png"))
    for picture, kind, quality, suffix in tries:
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        picture.save(buffer, kind, quality)  # type: ignore[call-overload]  # str at run time
        out = bytes(buffer.data().data())
        if len(out) <= limit:
            return out, suffix
    return None


def role_order_problems(controller: bool, number: str, date: dt.date, today: dt.date
                        ) -> dict[str, str]:
    """What is wrong with a controller's appointing order as typed (R-CTL-4): the number is
    required and fits the form; the head cannot have signed it after today."""
    if not controller:
        return {}
    problems: dict[str, str] = {}
    if not number.strip():
        problems["role_order_number"] = "required"
    elif len(number.strip()) > ROLE_ORDER_NUMBER_MAX:
        problems["role_order_number"] = "too_long"
    if date > today:
        problems["role_order_date"] = "future"
    return problems


class ApplicationForm(QWidget):
    """One application: unlock the token, check the prefilled fields, print, attach the scan,
    sign and file. `filed` carries the receipt (app.applications.Filed)."""

    filed = Signal(object)

    def __init__(self, desk: Any, runner: DeskRunner, action: Action = "registration",
                 parent: QWidget | None = None, *, applicant: Applicant | None = None,
                 about: dict[str, str] | None = None, reason: str = ""):
        super().__init__(parent)
        self.setObjectName("applicationForm")
        self._desk, self._runner, self.action = desk, runner, action
        self.applicant = applicant or Applicant.of(desk)
        self.scan: tuple[bytes, str] | None = None
        self._busy = False
        # Who is applied for: the token's holder, or (a lost token) the colleague in `about`.
        self.about = about
        self.reason = reason  # a blocking reason the form states itself (a leave's dates)
        self.intro = QLabel(wordWrap=True)
        self.pin_row = QWidget()
        pin_layout = QHBoxLayout(self.pin_row)
        pin_layout.setContentsMargins(0, 0, 0, 0)
        self.pin_edit = named(QLineEdit(), "applicationPin")
        self.pin_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.unlock_button = named(QPushButton(), "applicationUnlock")
        self.unlock_button.clicked.connect(self.unlock)
        self.pin_edit.returnPressed.connect(self.unlock)
        self.pin_label = QLabel()
        pin_layout.addWidget(self.pin_label)
        pin_layout.addWidget(self.pin_edit, 1)
        pin_layout.addWidget(self.unlock_button)
        self.edits: dict[str, QLineEdit] = {}
        self.errors: dict[str, QLabel] = {}
        self.captions: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # Labels above their fields: the register-code label is long, the fields stay wide.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        for name in applications.TEXT_FIELDS:
            edit = named(QLineEdit(), f"application_{name}")
            edit.textChanged.connect(self._refresh)
            column, error = _with_error(edit, name)
            caption = QLabel()
            caption.setBuddy(edit)
            form.addRow(caption, column)
            self.edits[name], self.errors[name], self.captions[name] = edit, error, caption
        self.confirm_boxes: dict[str, QCheckBox] = {}
        confirm = QVBoxLayout()
        for name in applications.CONFIRMATIONS:
            box = named(QCheckBox(), f"application_{name}")
            box.toggled.connect(self._refresh)
            self.confirm_boxes[name] = box
            confirm.addWidget(box)
        # R-ACC-5, R-ACC-10: a transfer names its appointment order's date; the deadline shows.
        self.order_edit = named(QDateTimeEdit(QDateTime.currentDateTime()), "applicationOrder")
        self.order_edit.setCalendarPopup(True)
        self.order_edit.dateTimeChanged.connect(self._refresh)
        self.deadline_label = named(QLabel(wordWrap=True), "applicationDeadline")
        self.order_box = QGroupBox()
        order_layout = QFormLayout(self.order_box)
        self.order_caption = QLabel()
        order_layout.addRow(self.order_caption, self.order_edit)
        order_layout.addRow(self.deadline_label)
        self._build_role_box()
        self.lang_combo = named(QComboBox(), "applicationLanguage")
        for lang in ("kk", "ru"):
            self.lang_combo.addItem(i18n.LANG_NAMES[lang], lang)
        self.lang_combo.setCurrentIndex(0 if i18n.current() == "kk" else 1)
        self.print_button = named(QPushButton(), "applicationPrint")
        self.print_button.clicked.connect(self._choose_print_file)
        self.scan_button = named(QPushButton(), "applicationScan")
        self.scan_button.clicked.connect(self._choose_scan)
        self.scan_label = named(QLabel(wordWrap=True), "applicationScanName")
        self.submit_button = named(QPushButton(), "applicationSubmit")
        self.submit_button.clicked.connect(self.submit)
        self.status_label = named(QLabel(wordWrap=True), "applicationStatus")
        self.error_label = named(QLabel(wordWrap=True), "applicationErrorLabel")
        self.error_label.setStyleSheet(LEVEL_STYLE["error"])
        self.error_label.hide()
        steps = QHBoxLayout()
        self.lang_caption = QLabel()
        self.lang_caption.setBuddy(self.lang_combo)
        row: tuple[QWidget, ...] = (self.lang_caption, self.lang_combo, self.print_button,
                                    self.scan_button)
        for w in row:
            steps.addWidget(w)
        steps.addStretch(1)
        self.fields_box = QGroupBox()
        self.fields_box.setLayout(form)
        self.confirm_box = QGroupBox()
        self.confirm_box.setLayout(confirm)
        inner = QWidget()
        body = QVBoxLayout(inner)
        parts: tuple[QWidget, ...] = (self.intro, self.pin_row, self.order_box,
                                      self.role_box, self.fields_box, self.confirm_box)
        for part in parts:
            body.addWidget(part)
        body.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addLayout(steps)
        layout.addWidget(self.scan_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.status_label)
        layout.addWidget(self.submit_button)
        self.order_box.setVisible(action == "transfer")
        self.role_box.setVisible(action == "registration")  # R-CTL-4: the role is registered
        self.edits["blocking_reason"].setVisible(action == "blocking")
        self.captions["blocking_reason"].setVisible(action == "blocking")
        self._set_fields_enabled(False)
        self.retranslate()
        if desk.user is not None or self.applicant.unlocked:  # the token is open: no PIN again
            self.pin_row.hide()
            self._runner.call(lambda: self.applicant.unlock(None), self._unlocked,
                              self._failed)

    def _build_role_box(self) -> None:
        """The role applied for; a controller names the head's appointing order (R-CTL-4)."""
        self.role_combo = named(QComboBox(), "applicationRole")
        self.role_combo.addItem("", "afm_analyst")
        self.role_combo.addItem("", "controller")
        self.role_combo.currentIndexChanged.connect(self._role_changed)
        self.role_order_number = named(QLineEdit(), "applicationRoleOrderNumber")
        self.role_order_number.setMaxLength(ROLE_ORDER_NUMBER_MAX + 1)  # the error shows
        self.role_order_number.textChanged.connect(self._refresh)
        self.role_order_date = named(QDateEdit(QDate.currentDate()), "applicationRoleOrderDate")
        self.role_order_date.setCalendarPopup(True)
        self.role_order_date.setDisplayFormat("yyyy-MM-dd")
        self.role_order_date.dateChanged.connect(self._refresh)
        self.role_box = QGroupBox()
        layout = QFormLayout(self.role_box)
        self.role_caption, self.role_number_caption, self.role_date_caption = (
            QLabel(), QLabel(), QLabel())
        self.role_caption.setBuddy(self.role_combo)
        self.role_number_caption.setBuddy(self.role_order_number)
        self.role_date_caption.setBuddy(self.role_order_date)
        layout.addRow(self.role_caption, self.role_combo)
        for name, caption, edit in (
                ("role_order_number", self.role_number_caption, self.role_order_number),
                ("role_order_date", self.role_date_caption, self.role_order_date)):
            column, error = _with_error(edit, name)
            layout.addRow(caption, column)
            self.errors[name] = error
        self._role_changed()

    @property
    def controller(self) -> bool:
        """A controller's registration is chosen (only a registration names the role)."""
        return self.action == "registration" and self.role_combo.currentData() == "controller"

    def controller_order(self) -> tuple[str, dt.date] | None:
        """The head's appointing order as typed, for a controller's registration."""
        if not self.controller:
            return None
        d = self.role_order_date.date()
        return self.role_order_number.text().strip(), dt.date(d.year(), d.month(), d.day())

    def _role_changed(self, *_args: object) -> None:
        controller = self.role_combo.currentData() == "controller"
        for widget in (self.role_number_caption, self.role_order_number,
                       self.role_date_caption, self.role_order_date):
            widget.setVisible(controller)
        if hasattr(self, "submit_button"):
            self._refresh()

    # -- the token ---------------------------------------------------------------------------

    def unlock(self) -> None:
        if self._busy or not self.pin_edit.text():
            return
        pin = self.pin_edit.text()
        self.pin_edit.clear()
        self._set_busy(True)
        self._runner.call(lambda: self.applicant.unlock(pin), self._unlocked, self._failed)

    def _unlocked(self, profile: Any) -> None:
        self._set_busy(False)
        self.pin_row.hide()
        saved = applications.load_profile(self._desk.config.state_dir)
        values = applications.prefill(profile, saved)
        if self.about is not None:
            # A user of the filer's organisation is blocked (a lost token): the organisation
            # and BIN are the filer's, the person is typed (or known) — never the filer's own.
            values.update(surname="", name="", patronymic="", iin="", position="", unit="",
                          work_phone="", mobile_phone="", email="")
            values.update(self.about)
        if self.reason:
            values["blocking_reason"] = self.reason
        for name, edit in self.edits.items():
            edit.setText(values.get(name, ""))
        self.edits["blocking_reason"].setReadOnly(bool(self.reason))
        for name in applications.FROM_CERTIFICATE:
            self.edits[name].setReadOnly(self.about is None or name in ("organization", "bin"))
        self._set_fields_enabled(True)
        self._refresh()

    # -- checking as typed ---------------------------------------------------------------------

    def values(self) -> dict[str, str]:
        return {name: edit.text().strip() for name, edit in self.edits.items()}

    def problems(self) -> dict[str, str]:
        confirmed = {n: b.isChecked() for n, b in self.confirm_boxes.items()}
        problems = applications.form_problems(self.values(), self.action, confirmed)
        d = self.role_order_date.date()
        problems.update(role_order_problems(
            self.controller, self.role_order_number.text(),
            dt.date(d.year(), d.month(), d.day()), dt.datetime.now(ASTANA).date()))
        return problems

    def _refresh(self, *_args: object) -> None:
        problems = self.problems() if self.applicant.unlocked else {}
        for name, label in self.errors.items():
            shown = name in problems
            label.setText(problem_text(problems[name]) if shown else "")
            label.setVisible(shown)
        for name, box in self.confirm_boxes.items():
            box.setStyleSheet(LEVEL_STYLE["error"] if name in problems else "")
        if self.action == "transfer":
            self.deadline_label.setText(self._deadline_text())
        ready = self.applicant.unlocked and not problems
        self.print_button.setEnabled(ready and not self._busy)
        self.scan_button.setEnabled(ready and not self._busy)
        self.submit_button.setEnabled(ready and self.scan is not None and not self._busy)

    def order_time(self) -> dt.datetime:
        """The appointment order's date and time as entered, Astana time (R-ACC-10)."""
        value = self.order_edit.dateTime()
        d, t = value.date(), value.time()
        return dt.datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), tzinfo=ASTANA)

    def set_order_time(self, moment: dt.datetime) -> None:
        local = moment.astimezone(ASTANA)
        self.order_edit.setDateTime(QDateTime(QDate(local.year, local.month, local.day),
                                              QTime(local.hour, local.minute)))

    def _deadline_text(self) -> str:
        deadline = applications.transfer_deadline(self.order_time())
        left = deadline - dt.datetime.now(ASTANA)
        shown = deadline.strftime("%Y-%m-%d %H:%M")
        if left.total_seconds() <= 0:
            return translate(
                "Application", "The 24 hours after the order ended at {deadline} (Astana time): "
                "file now and tell the operator why it is late (paragraph 7 of the Rules)."
            ).format(deadline=shown)
        hours = int(left.total_seconds() // 3600)
        return translate(
            "Application", "File by {deadline} (Astana time), 24 hours after the order; "
            "{hours} h left (paragraph 7 of the Rules).").format(deadline=shown, hours=hours)

    def note(self) -> str:
        """What this desk keeps beside the receipt: the order's time for a transfer."""
        if self.action == "transfer":
            return "order:" + self.order_time().isoformat()
        return ""

    # -- printing and the scan -----------------------------------------------------------------

    def form(self) -> Any:
        """The application to print and file (DeskError if a field does not fit)."""
        order = self.order_time() if self.action == "transfer" else None
        return applications.make_form(self.values(), self.action, order_at=order,
                                      controller_order=self.controller_order())

    def printable(self) -> bytes:
        """The App.4 PDF in the chosen language, as it is printed and signed by hand."""
        from ui.printout_render import render_pdf

        lang = str(self.lang_combo.currentData())
        return render_pdf(application_printout(self.form(), lang,
                                               sandbox=bool(self._desk.sandbox)))

    def save_pdf(self, path: Path) -> None:
        """Write the printable application to `path` (whole or not at all)."""
        data = self.printable()
        spare = path.with_name(path.name + ".part")
        spare.write_bytes(data)
        spare.replace(path)
        self.status_label.setText(translate(
            "Application", "Saved to {path}. Print it, sign it, have your head sign and stamp "
            "it, scan it and attach the scan.").format(path=str(path)))

    def _choose_print_file(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, translate("Application", "Save the application for printing"),
            "application.pdf", "PDF (*.pdf)")
        if path:
            self._guarded(lambda: self.save_pdf(Path(path)))

    def set_scan(self, data: bytes, name: str) -> None:
        """Attach the scanned paper copy (PDF, JPEG or PNG: R-ACC-3)."""
        if applications.scan_kind(data) is None:
            self._show_error(translate("Application",
                                       "The scan must be a PDF, JPEG or PNG file."))
            return
        if len(data) > applications.MAX_SCAN_BYTES and not data.startswith(b"%PDF-"):
            smaller = shrink_scan(data, applications.MAX_SCAN_BYTES)
            if smaller is not None:
                data, name = smaller[0], str(Path(name).with_suffix(smaller[1]))
        if len(data) > applications.MAX_SCAN_BYTES:
            self._show_error(translate(
                "Application", "The scan is {size} KB; at most {limit} KB can be filed. Scan at "
                "150 dpi in greyscale.").format(size=len(data) // 1024,
                                                limit=applications.MAX_SCAN_BYTES // 1024))
            return
        self.scan = (data, Path(name).name)
        self.error_label.hide()
        self.scan_label.setText(translate("Application", "Scan attached: {name} ({size} KB)")
                                .format(name=Path(name).name, size=max(1, len(data) // 1024)))
        self._refresh()

    def _choose_scan(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, translate("Application", "Attach the scanned signed copy"), "",
            "PDF, JPEG, PNG (*.pdf *.jpg *.jpeg *.png)")
        if path:
            try:
                data = Path(path).read_bytes()
            except OSError as exc:
                self._show_error(str(exc))
                return
            self.set_scan(data, path)

    # -- signing and filing ------------------------------------------------------------------

    def submit(self) -> None:
        if not self.submit_button.isEnabled() or self.scan is None:
            return
        try:
            form, printable = self.form(), self.printable()
        except DeskError as exc:
            self._show_error(error_text(exc))
            return
        scan, name, note = self.scan[0], self.scan[1], self.note()
        remembered = {k: v for k, v in self.values().items() if k in applications.REMEMBERED}
        if self.about is None:
            applications.save_profile(self._desk.config.state_dir, {
                **applications.load_profile(self._desk.config.state_dir), **remembered})
        self._set_busy(True)
        applicant = self.applicant
        self._runner.call(lambda: applicant.file(form, printable, scan, name, note),
                          self._filed, self._failed)

    def _filed(self, one: Filed) -> None:
        self._set_busy(False)
        self.submit_button.setEnabled(False)
        self.status_label.setText(translate(
            "Application", "Filed as № {id} at {at}; the operator decides by {due} "
            "(paragraph 6 of the Rules).").format(id=one.id, at=one.submitted_at[:16],
                                                  due=one.due_at[:16]))
        self.filed.emit(one)

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self._show_error(error_text(exc))

    def _guarded(self, work: Any) -> None:
        try:
            work()
        except (DeskError, OSError) as exc:
            self._show_error(error_text(exc) if isinstance(exc, DeskError) else str(exc))

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.unlock_button.setEnabled(not busy)
        self._refresh()

    def _set_fields_enabled(self, enabled: bool) -> None:
        for box in (self.fields_box, self.confirm_box, self.order_box, self.role_box):
            box.setEnabled(enabled)

    # -- language ----------------------------------------------------------------------------

    def retranslate(self) -> None:
        intros = {
            "registration": translate(
                "Application", "Registration application (paragraph 5 of the Rules). Your name, "
                "IIN, organisation and BIN come from your EDS certificate; check the rest, "
                "print the application, sign it, have your head sign and stamp it, attach the "
                "scan and file it signed with your EDS."),
            "transfer": translate(
                "Application", "Editing application on a transfer to another position or unit: "
                "file it within 24 hours of the appointment order (paragraph 7 of the Rules)."),
            "blocking": translate(
                "Application", "Blocking application: access is blocked as soon as it is filed "
                "(paragraph 8 of the Rules)."),
        }
        self.intro.setText(intros[self.action])
        self.pin_label.setText(translate("Application", "Token &PIN:"))
        self.pin_label.setBuddy(self.pin_edit)
        self.unlock_button.setText(translate("Application", "&Read the certificate"))
        for name, text in field_labels().items():
            self.captions[name].setText(text)
            self.edits[name].setAccessibleName(text.rstrip(":"))
        confirmations = {
            "agreement_read": translate(
                "Application", "I have read and agree with the agreement on rights of use."),
            "eds_on_protected_carrier": translate(
                "Application", "I confirm I hold an EDS on a protected carrier."),
            "personal_data_consent": translate(
                "Application", "I allow my personal data to be passed for registration."),
        }
        for name, box in self.confirm_boxes.items():
            box.setText(confirmations[name])
        self.fields_box.setTitle(translate("Application", "Applicant"))
        self.confirm_box.setTitle(translate("Application", "Confirmations"))
        self.order_box.setTitle(translate("Application", "Appointment order"))
        self.order_caption.setText(translate("Application", "Order signed on:"))
        self.role_box.setTitle(translate("Application", "Role"))
        self.role_caption.setText(translate("Application", "R&ole applied for:"))
        self.role_combo.setItemText(0, translate("Application", "Analyst"))
        self.role_combo.setItemText(1, translate(
            "Application", "Departmental controller (appointed by the head's order)"))
        self.role_number_caption.setText(translate("Application", "Head's order number:"))
        self.role_date_caption.setText(translate("Application", "Head's order date:"))
        self.role_order_number.setAccessibleName(translate("Application", "Head's order number"))
        self.role_order_date.setAccessibleName(translate("Application", "Head's order date"))
        self.lang_caption.setText(translate("Application", "Form &language:"))
        self.print_button.setText(translate("Application", "Save for &printing…"))
        self.scan_button.setText(translate("Application", "Attach the &scan…"))
        self.submit_button.setText(translate("Application", "Sign with EDS and &file"))
        if self.scan is None:
            self.scan_label.setText(translate("Application", "No scan attached yet."))
        self._refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "submit_button"):
            self.retranslate()
        super().changeEvent(event)


class ApplicationDialog(QDialog):
    """The form in its own window, from the first launch or the Account page."""

    def __init__(self, desk: Any, runner: DeskRunner, action: Action = "registration",
                 parent: QWidget | None = None, **kwargs: Any):
        super().__init__(parent)
        self.setObjectName("applicationDialog")
        self.resize(760, 760)
        self.form = ApplicationForm(desk, runner, action, self, **kwargs)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        self.setWindowTitle(translate("Application", "Application to the system operator"))
