"""R-WS-6, 2022 §4: when the gateway refuses a query for want of a current workstation
self-check, the desk runs every check now, sends the verdict signed (changed or not) and tells
the user what came of it; the query is not re-sent by itself — the user sends it again."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtWidgets import QMessageBox, QWidget

from app.errors import DeskError
from app.messages import check_titles
from app.selfcheck import Report, SelfcheckConfig
from ui import i18n
from ui.i18n import translate
from ui.messages import error_text

log = logging.getLogger(__name__)
CODE = "workstation_not_attested"


def applies(exc: BaseException) -> bool:
    """True for the gateway's refusal of a query under the attestation policy."""
    return isinstance(exc, DeskError) and exc.code == "refused" and exc.values.get("code") == CODE


class Retry:
    """One self-check and attestation at a time for `window` (a MainWindow: its desk, runner,
    self-check configuration and readers, and apply_selfcheck)."""

    def __init__(self, window: Any) -> None:
        self.window = window
        self.running = False
        self.box: QMessageBox | None = None

    def start(self) -> bool:
        """Run the full self-check and send it on the worker; False if one is under way."""
        if self.running:
            return False
        from app.attestation import reattest
        from app.selfcheck.runner import run_checks

        w = self.window
        config = w.selfcheck_config or SelfcheckConfig()
        readers, desk = w.selfcheck_readers, w.desk
        self.running = True

        def work() -> tuple[Report, Any]:
            report = run_checks(config, fast_only=False, readers=readers)
            return report, reattest(desk, report)

        w.runner.call(work, self._done, self._failed)
        return True

    def _done(self, outcome: tuple[Report, Any]) -> None:
        self.running = False
        report, sent = outcome
        if hasattr(self.window, "apply_selfcheck"):
            self.window.apply_selfcheck(report)  # the sign-in page shows the same checks
        self._tell(QMessageBox.Icon.Information if sent.passed else QMessageBox.Icon.Warning,
                   outcome_text(sent.passed, sent.not_passed))

    def _failed(self, exc: BaseException) -> None:
        self.running = False
        log.warning("the workstation attestation asked for by the gateway was not sent: %s", exc)
        self._tell(QMessageBox.Icon.Critical, translate(
            "Attestation", "The workstation self-check could not be sent to the operator: "
            "{detail}").format(detail=error_text(exc)))

    def _tell(self, icon: QMessageBox.Icon, text: str) -> None:
        parent = self.window if isinstance(self.window, QWidget) else None
        box = QMessageBox(icon, translate("Attestation", "Workstation self-check"), text,
                          parent=parent)
        box.setObjectName("attestationBox")
        self.box = box
        box.open()


def outcome_text(passed: bool, not_passed: list[str]) -> str:
    """What the user reads once the self-check the gateway asked for was sent."""
    if passed:
        return translate("Attestation", "The workstation self-check passed and was sent to the "
                         "operator. Send the query again.")
    return translate(
        "Attestation", "The workstation self-check did not pass: {checks}. It was sent to the "
        "operator. Put right what it names (Tools → Workstation self-check shows the details), "
        "then send the query again: the self-check is run and sent again then.").format(
        checks=check_titles(not_passed, i18n.current()))


def retry_for(window: Any) -> Retry:
    """`window`'s one Retry, made at first use."""
    found = getattr(window, "attestation_retry", None)
    if not isinstance(found, Retry):
        found = Retry(window)
        window.attestation_retry = found
    return found
