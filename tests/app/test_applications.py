"""The Qt-free core of the analyst's paperwork (issue 11): the agreement's blanks, the App.4 form
checked as typed, leave and transfer terms, scans, what a desk remembers."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from types import SimpleNamespace

import pytest

from app import applications as apps
from app.application_printout import application_printout
from app.errors import DeskError
from gateway.agreement import current
from signing.sandbox_pki import SANDBOX_USERS
from transport import agreement_form
from transport.protocol import AgreementBlanks

USER = SANDBOX_USERS[0]
TYPED = {"organization_code": "1901", "unit": "Талдау басқармасы", "position": "бас маман",
         "work_phone": "+7 7172 00 00 00", "mobile_phone": "+7 701 000 00 00",
         "email": "a@afm.example.kz", "work_address": "Астана, Мәңгілік Ел, 8",
         "head_position": "басқарма басшысы", "head_name": "БАСШЫЕВ Б.Б."}
ALL_CONFIRMED = dict.fromkeys(apps.CONFIRMATIONS, True)


def _fields(**change: str) -> dict[str, str]:
    profile = SimpleNamespace(surname=USER.surname, first_name=USER.first_name,
                              patronymic=USER.patronymic, iin=USER.iin,
                              organization=USER.organization, bin=USER.bin)
    fields = apps.prefill(profile, TYPED)  # type: ignore[arg-type]
    fields.update(change)
    return fields


@pytest.mark.req("R-AUTH-8")
def test_blanks_fill_both_texts_and_refuse_what_a_blank_cannot_hold() -> None:
    text = current()
    assert text.version == 2
    assert sorted(set(agreement_form.blanks_in(text.text_kk))) == sorted(agreement_form.BLANKS)
    assert sorted(set(agreement_form.blanks_in(text.text_ru))) == sorted(agreement_form.BLANKS)
    values = apps.agreement_blanks("ИВАНОВА ЕЛЕНА", "бас маман", today=dt.date(2026, 3, 5))
    filled = apps.filled_agreement(text, values)
    assert 'Астана қаласы 2026 жылғы "05" наурыз' in filled["kk"]
    assert 'город Астана "05" марта 2026 года' in filled["ru"]
    assert "[[" not in filled["kk"] + filled["ru"]
    for name, bad, code in (("city", "", "empty"), ("city", " Астана", "spaces"),
                            ("position", "маман\nжаңа тармақ", "hidden"),
                            ("position", "маман\u200b", "hidden"), ("city", "А" * 61, "long"),
                            ("position", "маман [[city]]", "characters"),
                            ("date", "2026-02-30", "date"), ("date", "20260305", "date")):
        assert apps.blank_problem(name, bad) == code, (name, bad)
        with pytest.raises(ValueError):
            AgreementBlanks.model_validate({**values, name: bad})
    preview = apps.agreement_preview(text, {**values, "position": ""})
    assert "ИВАНОВА ЕЛЕНА, ______________" in preview["kk"]
    with pytest.raises(ValueError):
        apps.filled_agreement(text, {**values, "position": ""})


@pytest.mark.req("R-ACC-2")
def test_the_form_is_prefilled_from_the_certificate_and_checked_as_typed() -> None:
    fields = _fields()
    assert (fields["surname"], fields["iin"], fields["bin"]) == (USER.surname, USER.iin, USER.bin)
    assert apps.form_problems(fields, "registration", ALL_CONFIRMED) == {}
    bad = apps.form_problems(_fields(iin=USER.iin[:-1] + str((int(USER.iin[-1]) + 1) % 10),
                                     email="nope", work_phone=""), "registration",
                             {**ALL_CONFIRMED, "personal_data_consent": False})
    assert bad == {"iin": "iin_check", "email": "invalid", "work_phone": "required",
                   "personal_data_consent": "confirm"}
    assert apps.form_problems(_fields(), "blocking") == {"blocking_reason": "required"}
    form = apps.make_form(_fields(blocking_reason="ignored"), "registration",
                          today=dt.date(2026, 3, 5))
    assert form.blocking_reason == "" and form.date == "2026-03-05" and form.agreement_read
    with pytest.raises(DeskError):
        apps.make_form(_fields(email="nope"), "registration")


@pytest.mark.req("R-ACC-5", "R-ACC-10")
def test_a_transfer_carries_its_order_and_its_deadline_is_24_hours() -> None:
    order = dt.datetime(2026, 3, 5, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=5)))
    assert apps.transfer_deadline(order) == order + dt.timedelta(hours=24)
    with pytest.raises(DeskError):
        apps.make_form(_fields(), "transfer")
    form = apps.make_form(_fields(), "transfer", order_at=order)
    assert form.appointment_order_at == "2026-03-05T09:30:00+05:00"
    printed = application_printout(form, "ru", sandbox=False)
    assert any("05 09:30" in line.value for rec in printed.records for line in rec.lines)


@pytest.mark.req("R-ACC-8")
def test_leave_dates_and_reason() -> None:
    today = dt.date(2026, 3, 5)
    first = today + dt.timedelta(days=2)
    assert apps.leave_problem(first, first + dt.timedelta(days=90), today) is None
    assert apps.leave_problem(first, first + dt.timedelta(days=59), today) == "short"
    assert apps.leave_problem(first, first - dt.timedelta(days=1), today) == "order"
    assert apps.leave_problem(today - dt.timedelta(days=1), first + dt.timedelta(days=90),
                              today) == "past"
    assert "07.03.2026" in apps.leave_reason(first, first + dt.timedelta(days=90), "kk")
    assert "более двух месяцев" in apps.leave_reason(first, first, "ru")


@pytest.mark.req("R-ACC-3")
def test_scans_and_what_the_desk_remembers(tmp_path: Path) -> None:
    assert apps.scan_kind(b"%PDF-1.7 ...") == "application/pdf"
    assert apps.scan_kind(b"\xff\xd8\xff\xe0...") == "image/jpeg"
    assert apps.scan_kind(b"\x89PNG\r\n\x1a\n...") == "image/png"
    assert apps.scan_kind(b"GIF89a") is None
    assert apps.load_profile(tmp_path) == {} and apps.filed(tmp_path) == []
    apps.save_profile(tmp_path, {"position": "бас маман"})
    assert apps.load_profile(tmp_path) == {"position": "бас маман"}
    (tmp_path / apps.PROFILE_FILE).write_text("{not json", "utf-8")
    assert apps.load_profile(tmp_path) == {}  # unreadable: nothing prefilled, nothing fails
    assert not list(tmp_path.glob("*.tmp"))
