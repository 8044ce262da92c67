"""Screenshots of the operator's tabs over the sandbox (issue 13), in Kazakh and Russian: the
incoming applications with one opened and checked, the users with a suspension and the
operator's own workstation self-check (this machine's fast checks), the emergency
journal with an open entry and announced works; the journal sealed and exported, with the
verification's verdict.

    .venv/bin/python docs/screenshots/take_operator.py [OUTDIR]

Runs offscreen: a sandbox as the sandbox operator (SoftHSM2 token, or a file key without it);
two newcomers file applications with file keys first; widgets are grabbed as they render.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QTabWidget  # noqa: E402
from shots import grab, wait  # noqa: E402  (this folder, on sys.path as the script's own)

from gateway.registry import SANDBOX_OPERATOR  # noqa: E402
from sandbox.harness import SandboxRun, fresh_dirs, start_sandbox  # noqa: E402
from signing.sandbox_pki import SANDBOX_USERS, SandboxUser  # noqa: E402
from transport.clock import now_astana, now_utc  # noqa: E402
from ui import i18n  # noqa: E402
from ui.app import ensure_app  # noqa: E402

ORG = SANDBOX_USERS[0]
NEWCOMERS = (
    SandboxUser("analyst8", "ӨТЕПОВА", "ДӘРИҒА", "СЕРІКҚЫЗЫ", "960202400172",
                ORG.organization, ORG.bin),
    SandboxUser("analyst9", "ЖАҢАҰЛЫ", "ТАЛҒАТ", "", "950101300016", ORG.organization, ORG.bin),
)


def file_applications(run: SandboxRun) -> None:
    """Two newcomers file registration applications, as their desks would (file keys)."""
    from sandbox.roles import file_application

    for user in NEWCOMERS:
        file_application(run, user)


def export_dialog(applications: Any, folder: Path, png: Path) -> None:
    """Seal and export the journal into `folder`; the dialog grabbed with its verdict."""
    folder.mkdir()
    dialog = applications.export_journal()
    dialog.folder = folder
    dialog.folder_edit.setText(str(folder))
    dialog.confirm.setChecked(True)
    dialog.start()
    wait(lambda: dialog.exported is not None)
    dialog.resize(760, dialog.sizeHint().height())
    grab(dialog, png)
    dialog.reject()


def main(out: Path) -> None:
    from app.operator import OperatorConsole
    from ui import operator_tab
    from ui.worker import DeskRunner

    ensure_app()
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        workdir, operator = fresh_dirs(Path(tmp) / "sandbox")
        with start_sandbox(workdir, operator_dir=operator, user=SANDBOX_OPERATOR) as run:
            file_applications(run)
            user = run.desk.login(run.pin)
            from app.attestation import attest
            from app.selfcheck import SelfcheckConfig
            from app.selfcheck.runner import run_checks

            attest(run.desk, run_checks(SelfcheckConfig(), fast_only=True))  # this machine's
            console = OperatorConsole(run.desk)
            console.sanction(SANDBOX_USERS[1].iin, "suspension",
                             now_astana().date() + dt.timedelta(days=14),
                             "Қызметтік емес мақсатта сұрау салу")
            console.open_emergency("power_failure", "ИБП іске қосылды, генератор шақырылды",
                                   120, "Кезекші инженер Ә. Сейітов",
                                   now_utc() - dt.timedelta(minutes=40))
            console.publish_notice("ДҚ жаңарту", "Обновление СУБД",
                                   now_utc() + dt.timedelta(days=2),
                                   now_utc() + dt.timedelta(days=2, hours=3))
            runner = DeskRunner()
            work = QTabWidget()
            work.resize(1180, 720)
            operator_tab.show_for(work, run.desk, runner, user)
            work.show()
            pages = [work.widget(i) for i in range(work.count())]
            applications, users, emergency = pages
            for lang in ("kk", "ru"):
                i18n.apply(lang)
                work.setCurrentWidget(applications)
                wait(lambda: applications.tree.topLevelItemCount() == 2)
                applications.tree.setCurrentItem(applications.tree.topLevelItem(0))
                applications.opened = None
                applications.open_selected()
                wait(lambda: applications.opened is not None)
                grab(work, out / f"operator-applications-{lang}.png")
                work.setCurrentWidget(users)
                wait(lambda: users.tree.topLevelItemCount() > 3)
                grab(work, out / f"operator-users-{lang}.png")
                work.setCurrentWidget(emergency)
                wait(lambda: emergency.tree.topLevelItemCount() == 6)
                grab(work, out / f"operator-emergency-{lang}.png")
                export_dialog(applications, Path(tmp) / f"exports-{lang}", out / (
                    f"operator-journal-export-{lang}.png"))
            work.close()
            runner.shutdown()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent)
