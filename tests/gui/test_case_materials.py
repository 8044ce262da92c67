"""The analyst attaches results to case material in the real window (R-RES-1): print, export a
signed printout, destroy; the retention clock warns and destroys; sign-out asks. SoftHSM2 token,
in-process TLS gateway, the real vault."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QLineEdit

from tests.gui.conftest import open_pin
from ui import i18n
from ui.app import build_main_window

pytestmark = [pytest.mark.gui, pytest.mark.softhsm, pytest.mark.req("R-RES-1")]

NET_MS = 30_000
CASE = "2026-0777"
PURPOSE = "Проверка сведений по материалу АФМ"


def _sandbox(tmp_path: Path, sandbox_pki: Any, softhsm_token: Any, **over: Any) -> Any:
    from sandbox.harness import start_sandbox

    return start_sandbox(tmp_path / "ws", pki=sandbox_pki, provisioned=softhsm_token,
                         case_dir=tmp_path / "case", **over)


@pytest.fixture
def run(tmp_path: Path, sandbox_pki: Any, softhsm_token: Any) -> Iterator[Any]:
    with _sandbox(tmp_path, sandbox_pki, softhsm_token) as sandbox:
        yield sandbox


def _window(qtbot: Any, run: Any) -> Any:
    win = build_main_window(run.desk, "en")
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.signin_page.info is not None, timeout=NET_MS)
    dialog = open_pin(qtbot, win)
    qtbot.keyClicks(dialog.pin_edit, run.pin)
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: win.user is not None, timeout=NET_MS)
    qtbot.waitUntil(lambda: win.query_page.current_resource() is not None, timeout=NET_MS)
    return win


def _query(qtbot: Any, win: Any, run: Any) -> Any:
    page = win.query_page
    qtbot.keyClicks(page.findChild(QLineEdit, "param_iin"), run.sample_iin)
    qtbot.keyClicks(page.basis["case_number"].editor, CASE)
    page.basis["purpose"].editor.insertPlainText(PURPOSE)
    qtbot.waitUntil(page.send_button.isEnabled, timeout=NET_MS)
    page.send_button.click()
    qtbot.waitUntil(lambda: page.result_view.outcome is not None, timeout=NET_MS)
    return page.result_view.outcome


def _dispositions(run: Any) -> dict[int, dict[str, Any]]:
    return {e.detail_obj()["query_seq"]: e.detail_obj() for e in run.gateway.journal_entries()
            if e.kind == "disposition"}


def _close(win: Any) -> None:
    win.case_page.pending_count = 0  # the test decides about pending results itself
    win.close()
    i18n.apply("en")


def test_attach_prints_exports_signed_and_destroys(qtbot: Any, run: Any, tmp_path: Path
                                                   ) -> None:
    win = _window(qtbot, run)
    try:
        outcome = _query(qtbot, win, run)
        assert len(run.desk.materials.vault) == 1
        qtbot.waitUntil(lambda: win.case_page.pending_count == 1, timeout=NET_MS)
        assert "(1)" in win.work.tabText(1)
        win.query_page.result_view.attach_button.click()
        dialog = win.attach_dialog
        assert dialog is not None and dialog.export_box.isChecked()
        printed = tmp_path / "printed.pdf"
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        dialog.printer = printer  # what the print dialog would hand back
        dialog.attach_button.click()
        qtbot.waitUntil(lambda: dialog.receipt is not None, timeout=NET_MS)
        receipt = dialog.receipt
        assert receipt.action == "printed_and_exported" and receipt.delivery == "sent"
        assert printed.is_file() and Path(receipt.export_path).is_file()
        assert len(run.desk.materials.vault) == 0
        assert win.query_page.result_view.outcome is None  # its copy is gone
        disposition = _dispositions(run)[outcome.result.journal_seq]
        assert disposition["action"] == "printed_and_exported"
        assert disposition["case_number"] == CASE

        from signing.pades import verify_pdf

        report = verify_pdf(Path(receipt.export_path).read_bytes(), run.pki.trust_store())
        assert report.signatures[0].profile.iin == run.user.iin
        qtbot.waitUntil(lambda: win.case_page.pending_count == 0, timeout=NET_MS)
        qtbot.waitUntil(lambda: win.case_page.recent.count() == 1, timeout=NET_MS)
        assert f"journal № {outcome.result.journal_seq}" in win.case_page.recent.item(0).text()
    finally:
        _close(win)


def test_cancelled_print_destroys_nothing(qtbot: Any, run: Any,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    win = _window(qtbot, run)
    try:
        outcome = _query(qtbot, win, run)
        monkeypatch.setattr(QPrintDialog, "exec", lambda _self: QDialog.DialogCode.Rejected)
        dialog = win.open_attach(outcome)
        dialog.export_box.setChecked(False)
        dialog.attach_button.click()
        qtbot.waitUntil(lambda: "cancelled" in dialog.status.text(), timeout=NET_MS)
        assert dialog.receipt is None and len(run.desk.materials.vault) == 1
        assert outcome.result.journal_seq not in _dispositions(run)
        dialog.reject()
    finally:
        _close(win)


def test_export_only_from_the_case_page(qtbot: Any, run: Any) -> None:
    win = _window(qtbot, run)
    try:
        outcome = _query(qtbot, win, run)
        win.case_tab_action.trigger()
        assert win.work.currentWidget() is win.case_page
        qtbot.waitUntil(lambda: win.case_page.selected_item() == outcome.item, timeout=NET_MS)
        material = win.case_page.tree.topLevelItem(0)
        assert material.text(0) == CASE and "1 waiting" in material.text(1)
        win.case_page.attach_button.click()
        qtbot.waitUntil(lambda: win.attach_dialog is not None, timeout=NET_MS)
        dialog = win.attach_dialog
        dialog.print_box.setChecked(False)
        dialog.attach_button.click()
        qtbot.waitUntil(lambda: dialog.receipt is not None, timeout=NET_MS)
        assert dialog.receipt.action == "exported"
        assert _dispositions(run)[outcome.result.journal_seq]["printout_sha256"] == \
            dialog.receipt.printout_sha256
    finally:
        _close(win)


def test_retention_warns_then_destroys_unattached(qtbot: Any, tmp_path: Path, sandbox_pki: Any,
                                                  softhsm_token: Any) -> None:
    # Retention shorter than the 15-minute warning: the result is "expiring" at once.
    with _sandbox(tmp_path, sandbox_pki, softhsm_token, retention_s=3.0) as sandbox:
        win = _window(qtbot, sandbox)
        try:
            outcome = _query(qtbot, win, sandbox)
            win.check_retention()
            soon = {"retention_warning", "retention_destroyed"}
            qtbot.waitUntil(lambda: bool(soon & set(win.notices)), timeout=NET_MS)
            qtbot.wait(3_200)
            win.check_retention()
            qtbot.waitUntil(lambda: len(sandbox.desk.materials.vault) == 0, timeout=NET_MS)
            qtbot.waitUntil(lambda: win.notices.get("retention_destroyed") == 1, timeout=NET_MS)
            assert "destroyed" in win.notice.text()
            qtbot.waitUntil(lambda: outcome.result.journal_seq in _dispositions(sandbox),
                            timeout=NET_MS)
            assert _dispositions(sandbox)[outcome.result.journal_seq]["action"] == \
                "destroyed_unattached"
            assert win.query_page.result_view.outcome is None
        finally:
            _close(win)


def test_sign_out_asks_and_destroys_waiting_results(qtbot: Any, run: Any,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    win = _window(qtbot, run)
    try:
        outcome = _query(qtbot, win, run)
        qtbot.waitUntil(lambda: win.case_page.pending_count == 1, timeout=NET_MS)
        win.lock_action.trigger()
        box = win.message_box
        assert box is not None and box.objectName() == "pendingBox" and box.isVisible()
        assert "1 result(s)" in box.text()
        [destroy] = [b for b in box.buttons() if "Destroy" in b.text()]
        destroy.click()
        qtbot.waitUntil(lambda: run.desk.user is None, timeout=NET_MS)
        assert len(run.desk.materials.vault) == 0
        assert _dispositions(run)[outcome.result.journal_seq]["action"] == \
            "destroyed_unattached"
    finally:
        _close(win)


def test_a_crash_leftover_is_destroyed_and_shown_after_sign_in(
        qtbot: Any, tmp_path: Path, sandbox_pki: Any, softhsm_token: Any) -> None:
    with _sandbox(tmp_path, sandbox_pki, softhsm_token) as first:
        first.desk.login(first.pin)
        from app.validation import DEFAULT_LEGAL_GROUND, make_basis

        basis = make_basis(CASE, DEFAULT_LEGAL_GROUND, PURPOSE)
        outcome = first.desk.query(1, {"iin": first.sample_iin}, basis)
        first.desk.materials.casefile._lock.release()  # as if killed: no clean close
        first.desk.materials = None  # the dead process's objects are gone
    with _sandbox(tmp_path, sandbox_pki, softhsm_token) as second:
        assert [r.journal_seq for r in second.desk.recovery.destroyed] == \
            [outcome.result.journal_seq]
        win = _window(qtbot, second)
        try:
            assert win.notices["recovered"] == 1
            assert "earlier run" in win.notice.text()
            qtbot.waitUntil(lambda: outcome.result.journal_seq in _dispositions(second),
                            timeout=NET_MS)
        finally:
            _close(win)
