"""R-WS-6, 2022 §4, the desk's side: when its attestation is sent (on change, after a day, and
at once when the gateway's policy refused a query), whether a report is complete, and what the
user reads of a refusal for each reason, in kk/ru/en."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from app import messages
from app.attestation import SENT_FILE, attest, partial, reattest
from app.selfcheck import CheckResult, Report
from app.selfcheck.model import Status
from app.selfcheck.runner import SLOW_CHECKS
from app.selfcheck.thresholds import RULE_CHECKS

pytestmark = pytest.mark.req("R-WS-6")


def _report(failing: tuple[str, ...] = (), *, only: tuple[str, ...] = RULE_CHECKS,
            advisory_failing: tuple[str, ...] = ()) -> Report:
    checks = [CheckResult(c, "", Status.FAIL if c in failing else Status.PASS) for c in only]
    checks += [CheckResult(c, "", Status.FAIL, advisory=True) for c in advisory_failing]
    return Report(checks=tuple(checks), profile="2022")


def _desk(state_dir: Path) -> tuple[Any, list[bytes]]:
    sent: list[bytes] = []

    def send(_endpoint: Any, payload: bytes) -> Any:
        sent.append(payload)
        return SimpleNamespace(journal_seq=len(sent))

    desk = SimpleNamespace(user=SimpleNamespace(iin="950101300016"),
                           config=SimpleNamespace(state_dir=state_dir),
                           client=SimpleNamespace(attest=None), send_signed=send)
    return desk, sent


def test_a_report_is_complete_only_with_every_rule_check() -> None:
    assert not partial(_report())
    fast = tuple(c for c in RULE_CHECKS if c not in SLOW_CHECKS)
    assert partial(_report(only=fast))  # the start-up's fast run: no token, no channel
    assert not partial(_report(advisory_failing=("swap",)))  # advisories are not App.3's


def test_the_same_verdict_is_sent_again_after_a_day(tmp_path: Path) -> None:
    desk, sent = _desk(tmp_path)
    assert attest(desk, _report()) is not None
    assert attest(desk, _report()) is None and len(sent) == 1
    kept = json.loads((tmp_path / SENT_FILE).read_text("utf-8"))
    kept[desk.user.iin]["at"] = "2020-01-01T00:00:00+00:00"
    (tmp_path / SENT_FILE).write_text(json.dumps(kept), "utf-8")
    assert attest(desk, _report()) is not None and len(sent) == 2
    assert attest(desk, _report(failing=("cpu",))) is not None  # a change goes at once
    assert b'"partial":false' in sent[-1] and b'"not_passed":["cpu"]' in sent[-1]


def test_a_file_from_a_desk_that_kept_only_the_digest_still_reads(tmp_path: Path) -> None:
    desk, sent = _desk(tmp_path)
    (tmp_path / SENT_FILE).write_text(json.dumps({desk.user.iin: "ab" * 32}), "utf-8")
    assert attest(desk, _report()) is not None and len(sent) == 1


def test_reattest_sends_an_unchanged_verdict_and_names_the_failed_rule_checks(
        tmp_path: Path) -> None:
    desk, sent = _desk(tmp_path)
    attest(desk, _report(failing=("ram",), advisory_failing=("swap",)))
    again = reattest(desk, _report(failing=("ram",), advisory_failing=("swap",)))
    assert len(sent) == 2 and not again.passed and again.not_passed == ["ram"]
    assert reattest(desk, _report()).passed


@pytest.mark.parametrize(("detail", "expected"), [
    ("workstation attestation missing: no complete self-check of the workstation from this user",
     {"en": "no complete self-check", "ru": "нет от вас полной самопроверки",
      "kk": "толық өзін-өзі тексеруі жоқ"}),
    ("workstation attestation failed: ram,swap",
     {"en": "did not pass: «RAM».", "ru": "не пройдена: «", "kk": "өтпеді: «"}),
    ("workstation attestation undetermined: channel",
     {"en": "could not establish: «", "ru": "не смогла установить: «", "kk": "анықтай алмады: «"}),
    ("workstation attestation stale: made 2026-10-01T10:00:00+05:00, over 30 days ago",
     {"en": "older than 30 days", "ru": "больше 30 дней", "kk": "30 күннен ескі"}),
    ("workstation attestation other_certificate: signed with certificate 0a, not 0b",
     {"en": "another certificate", "ru": "не тем сертификатом", "kk": "басқа сертификатпен"}),
])
def test_the_refusal_says_why_citing_paragraph_4_and_appendix_3(
        detail: str, expected: dict[str, str]) -> None:
    cites = {"en": ("paragraph 4 of the Rules", "Appendix 3 to the Rules"),
             "ru": ("п. 4 Правил", "приложению 3 к Правилам"),
             "kk": ("Ережелердің 4-тармағы", "Ережелерге 3-қосымша")}
    for lang in messages.LANGS:
        shown = messages.text("refused", lang, code="workstation_not_attested", detail=detail)
        assert expected[lang] in shown, (lang, shown)
        assert all(c in shown for c in cites[lang]), (lang, shown)
        assert "workstation attestation" not in shown and "{" not in shown


def test_an_advisory_is_not_listed_among_failed_checks_and_an_unknown_reason_is_general() -> None:
    shown = messages.text("refused", "en", code="workstation_not_attested",
                          detail="workstation attestation failed: swap,ram")
    assert "«RAM»" in shown and "wap" not in shown
    general = messages.text("refused", "en", code="workstation_not_attested",
                            detail="workstation attestation someday: ?")
    assert general.startswith("Access to the resources is given only while the workstation")
