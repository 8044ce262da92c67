"""What the window does by role at each sign-in: the operator's tabs — applications, users, the
emergency journal — present only while the signed-in user's registry role, as the gateway gave
it at sign-in, is the operator's (never a local setting; the gateway refuses anyone else
whatever it shows); and every user's signed workstation self-check, sent when it changed."""

from __future__ import annotations

import logging
from typing import Any, cast

from PySide6.QtWidgets import QTabWidget, QWidget

from app.operator import OPERATOR

log = logging.getLogger(__name__)
PAGES = ("operatorConsole", "operatorUsers", "operatorEmergency")


def show_for(work: QTabWidget, desk: Any, runner: Any, user: Any) -> None:
    """At each sign-in: add the operator's pages to `work` for the operator, take them away
    for anyone else; and, for every role, send the workstation's self-check (`attest`)."""
    attest(desk, runner, getattr(work.window(), "workstation_report", None))
    found = (work.findChild(QWidget, name) for name in PAGES)
    present: list[Any] = [page for page in found if page is not None]
    if getattr(user, "role", "") == OPERATOR:
        if not present:
            from app.desk import Desk
            from app.operator import OperatorConsole
            from ui.operator_console import OperatorConsolePage
            from ui.operator_emergency import EmergencyPage
            from ui.operator_users import OperatorUsersPage

            console = OperatorConsole(cast(Desk, desk))
            present = [OperatorConsolePage(console, runner), OperatorUsersPage(console, runner),
                       EmergencyPage(console, runner)]
            for page in present:
                work.addTab(page, "")
                page.retranslate()  # names its own tab
        work.setCurrentWidget(present[0])  # the operator's main screen: the applications
        return
    for page in present:
        work.removeTab(work.indexOf(page))
        page.close()
        page.deleteLater()


def attest(desk: Any, runner: Any, report: Any) -> None:
    """Send this workstation's self-check verdict, signed, when it changed or a day after the
    last (2022 §4); for every role. Not sent is only logged: under the gateway's "require"
    policy the first refused query sends it (ui.attestation_retry)."""
    if report is None or not hasattr(desk, "send_signed"):  # no check ran; a stand-in desk
        return
    from app.attestation import attest as send

    runner.call(lambda: send(desk, report), None,
                lambda exc: log.warning("the workstation attestation was not sent: %s", exc))
