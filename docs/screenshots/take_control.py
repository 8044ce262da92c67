"""Screenshots of the control roles' main screens over the sandbox (issue 13), in Kazakh and
Russian: the departmental controller's Reports (a request drilled into) and the prosecutor's
archive viewer on an exported journal with one entry altered.

    .venv/bin/python docs/screenshots/take_control.py [OUTDIR]

Runs offscreen: a sandbox gateway, the first analyst's and a controller's SoftHSM2 tokens (file
keys without SoftHSM2); the analyst asks four questions, one about their own IIN.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QDate  # noqa: E402
from shots import grab, wait  # noqa: E402  (this folder, on sys.path as the script's own)
from sqlalchemy import update  # noqa: E402

from app import control  # noqa: E402
from app.control import Control  # noqa: E402
from gateway import archive  # noqa: E402
from gateway.db import make_engine, write_tx  # noqa: E402
from gateway.models import users  # noqa: E402
from sandbox.harness import _sandbox_token, fresh_dirs, open_desk, start_sandbox  # noqa: E402
from signing.sandbox_pki import SANDBOX_USERS  # noqa: E402
from transport.protocol import Basis  # noqa: E402
from ui import i18n  # noqa: E402
from ui.app import ensure_app  # noqa: E402

CONTROLLER = SANDBOX_USERS[2]
BASIS = Basis(case_number="2026-0042-ФМ", legal_ground="ҚР «ҚЖ/ТҚ қарсы іс-қимыл туралы» Заңы",
              purpose="Күдікті операция бойынша тексеру")


def main(out: Path) -> None:
    from ui.archive_viewer import ArchiveViewer
    from ui.reports_page import ReportsDialog
    from ui.worker import DeskRunner

    ensure_app()
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        workdir, operator = fresh_dirs(Path(tmp) / "sandbox")
        with start_sandbox(workdir, operator_dir=operator) as run:
            with write_tx(run.gateway.engine) as conn:  # appointed by the head's order
                conn.execute(update(users).where(users.c.iin == CONTROLLER.iin)
                             .values(role="controller"))
            run.desk.login(run.pin)
            for person in (run.user, *SANDBOX_USERS[1:4]):
                run.desk.query(1, {"iin": person.iin}, BASIS)
            token, _kind, pin = _sandbox_token(workdir, run.pki, CONTROLLER, None, None)
            desk = open_desk(workdir / "controller", run.gateway.url, run.pki, token)
            desk.login(pin)
            runner = DeskRunner()
            today = QDate.fromString(control.astana_today().isoformat(), "yyyy-MM-dd")
            for lang in ("kk", "ru"):
                i18n.apply(lang)
                dialog = ReportsDialog(Control(desk), runner)
                dialog.resize(1280, 780)
                page = dialog.page
                page.start.setDate(today)
                page.end.setDate(today)
                dialog.show()
                page.open()
                wait(lambda p=page: p.report is not None and p.table.rowCount() > 0)
                page.table.setCurrentCell(0, 0)
                wait(lambda p=page: "SHA" in p.detail.toPlainText()
                     or "хэш" in p.detail.toPlainText().lower())
                grab(dialog, out / f"reports-{lang}.png")
                dialog.close()

            archived = Path(tmp) / "archive"
            engine = make_engine(run.gateway.config.db_url)
            try:
                archive.export(engine, archived, run.pki.trust_store(), run.pki.operator_signer())
            finally:
                engine.dispose()
            segment = sorted(archived.glob("segment-*.jsonl"))[0]
            lines = segment.read_bytes().splitlines(keepends=True)
            third = [i for i, line in enumerate(lines) if json.loads(line)["kind"] == "query"][2]
            lines[third] = lines[third].replace(b"0042", b"0043", 1)  # one entry altered
            segment.write_bytes(b"".join(lines))
            for lang in ("kk", "ru"):
                i18n.apply(lang)
                viewer = ArchiveViewer(runner)
                viewer.resize(1280, 560)
                viewer.set_archive(archived, run.pki.directory / "operator.pem")
                viewer.show()
                viewer.verify()
                wait(lambda v=viewer: v.verdict is not None, 120)
                grab(viewer, out / f"archive-{lang}.png")
                viewer.close()
            runner.shutdown()
            desk.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent)
