"""Screenshots of the real window over the sandbox; run under Xvfb, not offscreen.

    xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python docs/screenshots/take.py [OUTDIR]

Starts a sandbox (PKI, SoftHSM2 token or file key, TLS gateway on loopback), shows the sign-in
page (with the workstation self-check's notice: this machine's real readings, sandbox: not
enforced), types the PIN, runs a query with its basis and saves demo-signin.png and
demo-query.png; then the №51 links graph (result-links.png), a №19 result with its photo and
the Attach dialog (attach-dialog.png), that result's printout (printout-kk.png, printout-ru.png,
first pages), the Case materials page in Russian and Kazakh
(case-materials-ru.png, case-materials-kk.png); then opens Tools → Workstation self-check… and
saves diagnostics.png. Last, the main screens — sign-in, query with its result, case
materials — in Kazakh and Russian, light and dark (main-{screen}-{lang}-{scheme}.png).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEventLoop, Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QLineEdit  # noqa: E402

from sandbox.harness import start_sandbox  # noqa: E402
from sandbox.headless import example_params  # noqa: E402
from ui import i18n, theme  # noqa: E402
from ui.app import build_main_window, ensure_app, selfcheck_config_for  # noqa: E402

LANG = "ru"
CASE = "АФМ-2025/0142"
PURPOSE = "Проверка сведений о физическом лице по материалу финансового мониторинга"


def pump(ms: int = 10) -> None:
    """Run the event loop for `ms`. Not app.processEvents(): in PySide6 6.12 on CPython 3.11
    each call drops a reference to None, and a few thousand calls abort the interpreter."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait(app: QApplication, cond: Callable[[], bool], timeout: float = 30.0) -> None:
    end = time.monotonic() + timeout
    while not cond():
        if time.monotonic() > end:
            raise TimeoutError("the window did not reach the expected state")
        pump()


def settle(app: QApplication, seconds: float = 0.3) -> None:
    pump(int(seconds * 1000))


def grab(app: QApplication, window: object, path: Path) -> None:
    settle(app)
    screen = app.primaryScreen()
    # The whole top-level window as the screen shows it, dialogs included.
    if app.activeModalWidget():  # a dialog is its own top-level: take the screen under the window
        geo = window.frameGeometry()  # type: ignore[attr-defined]
        pixmap = screen.grabWindow(0, geo.x(), geo.y(), geo.width(), geo.height())
    else:
        pixmap = window.grab()  # type: ignore[attr-defined]
    if not pixmap.save(str(path)):
        raise OSError(f"could not write {path}")
    print(f"wrote {path} ({pixmap.width()}×{pixmap.height()})")


def printouts(desk: object, item: str, outdir: Path) -> None:
    """The first page of a real №19 printout in Kazakh and Russian (pdftoppm, 80 dpi)."""
    from ui.printout_render import render_pdf

    for lang in ("kk", "ru"):
        pdf = outdir / f"printout-{lang}.pdf"
        pdf.write_bytes(render_pdf(desk.printout(item, lang)))  # type: ignore[attr-defined]
        subprocess.run(["pdftoppm", "-r", "80", "-png", "-f", "1", "-l", "1", "-singlefile",
                        str(pdf), str(outdir / f"printout-{lang}")], check=True)
        pdf.unlink()  # a sandbox result, but the habit is the product's: no printout lying about
        print(f"wrote {outdir / f'printout-{lang}.png'}")


def main(outdir: Path) -> int:
    outdir.mkdir(parents=True, exist_ok=True)
    app = ensure_app()
    with tempfile.TemporaryDirectory(prefix="sio-shots-") as tmp, start_sandbox(Path(tmp)) as run:
        win = build_main_window(run.desk, LANG, selfcheck_config=selfcheck_config_for(run.desk))
        win.resize(1200, 740)
        win.move(20, 20)
        win.show()
        state = win.signin_page
        wait(app, lambda: state.info is not None and not state.workstation.running)  # type: ignore[union-attr]
        grab(app, win, outdir / "demo-signin.png")

        win.signin_page.sign_in_button.click()
        wait(app, lambda: win.pin_dialog is not None and win.pin_dialog.isVisible())
        dialog = win.pin_dialog
        assert dialog is not None
        dialog.pin_edit.setText(run.pin)
        grab(app, win, outdir / "demo-pin.png")
        dialog.submit()
        wait(app, lambda: win.query_page.current_resource() is not None)

        page = win.query_page
        iin = page.findChild(QLineEdit, "param_iin")
        iin.setText(run.sample_iin)
        iin.textEdited.emit(run.sample_iin)
        page.basis["case_number"].editor.setText(CASE)
        page.basis["case_number"].editor.textEdited.emit(CASE)
        page.basis["purpose"].editor.setPlainText(PURPOSE)
        wait(app, page.send_button.isEnabled)
        page.send()
        wait(app, lambda: page.result_view.outcome is not None)
        grab(app, win, outdir / "demo-query.png")

        def ask(rid: int) -> None:
            shown = page.result_view.outcome
            page.query_subject(rid, example_params(run.gateway.population, rid))
            wait(app, lambda: page.result_view.outcome is not shown
                 and page.result_view.outcome is not None)

        ask(51)
        view = page.result_view
        view.tabs.setCurrentIndex(view.tabs.count() - 1)  # the Links tab
        grab(app, win, outdir / "result-links.png")

        ask(19)
        view.tabs.setCurrentIndex(0)
        view.table.selectRow(0)
        view.request_attach()
        wait(app, lambda: win.attach_dialog is not None and win.attach_dialog.isVisible())
        attach = win.attach_dialog
        assert attach is not None
        attach.move(win.x() + 300, win.y() + 180)
        grab(app, win, outdir / "attach-dialog.png")
        attach.reject()
        printouts(run.desk, view.outcome.item, outdir)

        page.basis["case_number"].editor.setText("АФМ-2025/0157")
        page.basis["case_number"].editor.textEdited.emit("АФМ-2025/0157")
        ask(2)
        win.case_tab_action.trigger()
        wait(app, lambda: win.case_page.pending_count >= 4)
        grab(app, win, outdir / "case-materials-ru.png")
        i18n.apply("kk")
        settle(app)
        grab(app, win, outdir / "case-materials-kk.png")
        i18n.apply(LANG)

        win.diagnostics_action.trigger()  # Tools → Workstation self-check… (Ctrl+Shift+D)
        diagnostics = win.diagnostics
        assert diagnostics is not None
        diagnostics.move(60, 40)
        wait(app, lambda: diagnostics.page.report is not None and not diagnostics.page.running)
        grab(app, diagnostics, outdir / "diagnostics.png")
        diagnostics.hide()
        main_screens(app, win, run.pin, outdir)
        win.close()
    return 0


SCHEMES = {"light": Qt.ColorScheme.Light, "dark": Qt.ColorScheme.Dark}


def main_screens(app: QApplication, win: object, pin: str, outdir: Path) -> None:
    """Sign-in, query (with the last result), case materials and diagnostics in kk and ru, light
    and dark; signed in with a result shown on entry, and left so."""
    w: object = win
    page = w.query_page  # type: ignore[attr-defined]
    signin = w.signin_page  # type: ignore[attr-defined]
    for name, scheme in SCHEMES.items():
        theme.apply(app, scheme)
        if page.result_view.outcome is None:
            page.send()
            wait(app, lambda: page.result_view.outcome is not None)
        for lang in ("kk", "ru"):
            i18n.apply(lang)
            w.query_tab_action.trigger()  # type: ignore[attr-defined]
            grab(app, w, outdir / f"main-query-{lang}-{name}.png")
            w.case_tab_action.trigger()  # type: ignore[attr-defined]
            grab(app, w, outdir / f"main-case-{lang}-{name}.png")
            w.diagnostics_action.trigger()  # type: ignore[attr-defined]
            diag = w.diagnostics  # type: ignore[attr-defined]
            wait(app, lambda d=diag: d.page.report is not None and not d.page.running)
            grab(app, diag, outdir / f"main-diagnostics-{lang}-{name}.png")
            diag.hide()
        w.lock(keep_form=True)  # type: ignore[attr-defined]
        wait(app, lambda: signin.info is not None and signin.sign_in_button.isEnabled())
        for lang in ("kk", "ru"):
            i18n.apply(lang)
            grab(app, w, outdir / f"main-signin-{lang}-{name}.png")
        signin.sign_in_button.click()
        wait(app, lambda: w.pin_dialog is not None and w.pin_dialog.isVisible())  # type: ignore[attr-defined]
        w.pin_dialog.pin_edit.setText(pin)  # type: ignore[attr-defined]
        w.pin_dialog.submit()  # type: ignore[attr-defined]
        wait(app, lambda: w.user is not None and page.current_resource() is not None)  # type: ignore[attr-defined]
        wait(app, page.send_button.isEnabled)
    i18n.apply(LANG)


if __name__ == "__main__":
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent
    raise SystemExit(main(out))
