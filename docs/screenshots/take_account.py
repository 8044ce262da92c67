"""Screenshots of the analyst's paperwork over the sandbox (issue 11), in Kazakh and Russian:
the registration form prefilled from the certificate, the filled agreement, the Account page.

    .venv/bin/python docs/screenshots/take_account.py [OUTDIR]

Runs offscreen: a sandbox as the newcomer (registered, agreement not signed), their SoftHSM2
token or file key; widgets are grabbed as they render.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


from PySide6.QtCore import Qt  # noqa: E402
from shots import grab  # noqa: E402  (this folder, on sys.path as the script's own)

from gateway.registry import SANDBOX_NEWCOMER  # noqa: E402
from sandbox.harness import fresh_dirs, start_sandbox  # noqa: E402
from ui import i18n, theme  # noqa: E402
from ui.app import ensure_app  # noqa: E402

TYPED = {"organization_code": "1901", "unit": "Талдау басқармасы", "position": "бас сарапшы",
         "work_phone": "+7 7172 00 11 22", "mobile_phone": "+7 701 111 22 33",
         "email": "a.nurlanova@afm.example.kz", "work_address": "Астана, Мәңгілік Ел, 8",
         "head_position": "басқарма басшысы", "head_name": "БАСШЫЕВ Б.Б."}


def main(out: Path) -> None:
    from ui.account_page import AccountPage
    from ui.agreement_dialog import AgreementDialog
    from ui.application_form import ApplicationForm
    from ui.worker import DeskRunner

    app = ensure_app()
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        workdir, operator = fresh_dirs(Path(tmp) / "sandbox")
        with start_sandbox(workdir, operator_dir=operator, user=SANDBOX_NEWCOMER) as run:
            runner = DeskRunner()
            for lang in ("kk", "ru"):
                i18n.apply(lang)
                form = ApplicationForm(run.desk, runner, "registration")
                form.resize(820, 900)
                profile = form.applicant.unlock(run.pin)
                form._unlocked(profile)
                for name, value in TYPED.items():
                    form.edits[name].setText(value)
                for box in form.confirm_boxes.values():
                    box.setChecked(True)
                grab(form, out / f"application-form-{lang}.png")
                form.close()
            run.desk.login(run.pin)
            document = run.desk.agreement_document()
            for lang in ("kk", "ru"):
                i18n.apply(lang)
                dialog = AgreementDialog(run.desk, runner, document)
                dialog.fields["position"].setText("бас сарапшы")
                grab(dialog, out / f"agreement-{lang}.png")
                dialog.close()
                page = AccountPage(run.desk, runner)
                page.resize(980, 520)
                page.show_lost_token()
                grab(page, out / f"account-{lang}.png")
                page.close()
            # The Account page as the rail shows it, in each scheme (main-{screen}-{lang}-{scheme}).
            for name, scheme in (("light", Qt.ColorScheme.Light), ("dark", Qt.ColorScheme.Dark)):
                theme.apply(app, scheme)
                for lang in ("kk", "ru"):
                    i18n.apply(lang)
                    page = AccountPage(run.desk, runner)
                    page.resize(980, 520)
                    grab(page, out / f"main-account-{lang}-{name}.png")
                    page.close()
            theme.apply(app, Qt.ColorScheme.Light)
            runner.shutdown()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent)
