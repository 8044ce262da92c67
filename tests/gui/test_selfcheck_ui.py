"""The workstation self-check in the window: first-launch step, start-up gate, Diagnostics, PDF.

Readings are injected (tests/gui/fakes.py): PASS, FAIL that blocks, FAIL the policy relaxed to
"warn", UNDETERMINED — the checks' logic is app.selfcheck's own, only the readings are fake.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from app.selfcheck import Mode, SelfcheckConfig
from app.selfcheck.runner import SLOW_CHECKS
from app.selfcheck.texts import label, title
from app.selfcheck.thresholds import ALL_CHECKS
from tests.gui.conftest import WAIT_MS, open_pin
from tests.gui.fakes import (
    FakeDesk,
    internet_route,
    low_ram,
    selfcheck_readers,
    unknown_cpu,
)
from ui import i18n
from ui.app import build_main_window
from ui.main_window import MainWindow

pytestmark = pytest.mark.gui

FAST = [c for c in ALL_CHECKS if c not in SLOW_CHECKS]
WS = ("R-WS-1", "R-WS-2", "R-WS-3", "R-WS-4", "R-WS-5")

MakeWindow = Callable[..., MainWindow]


@pytest.fixture
def make_window(qtbot: Any) -> Iterator[MakeWindow]:
    def make(
        desk: Any = None,
        *,
        readers: Any = None,
        config: SelfcheckConfig | None = None,
        marker: Path | None = None,
        lang: str = "en",
    ) -> MainWindow:
        win = build_main_window(
            desk if desk is not None else FakeDesk(sandbox=False),
            lang,
            selfcheck_config=config or SelfcheckConfig(),
            readers=readers or selfcheck_readers(),
            first_launch_marker=marker,
        )
        qtbot.addWidget(win)
        win.show()
        return win

    yield make
    i18n.apply("en")


def settled(qtbot: Any, win: MainWindow) -> None:
    """The start-up check has answered and the token has been read."""
    qtbot.waitUntil(
        lambda: (
            win.signin_page.info is not None
            and win.signin_page.workstation is not None
            and not win.signin_page.workstation.running
        ),
        timeout=WAIT_MS,
    )


def notice(win: MainWindow) -> tuple[str, str]:
    label = win.signin_page.selfcheck_notice
    return str(label.property("level")), label.text()


# -- first launch ------------------------------------------------------------------------------


@pytest.mark.req(*WS)
def test_first_launch_step_shows_full_report_marker_only_after_continue(
    qtbot: Any, make_window: MakeWindow, tmp_path: Path
) -> None:
    gate = threading.Event()  # holds the CPU reading: the run is visibly under way

    def slow_cpu() -> Any:
        gate.wait(5)
        return selfcheck_readers().cpu()

    marker = tmp_path / "data" / "first-launch.json"
    win = make_window(readers=selfcheck_readers(cpu=slow_cpu), marker=marker)
    qtbot.waitUntil(
        lambda: win.first_launch is not None and win.first_launch.isVisible(), timeout=WAIT_MS
    )
    dialog = win.first_launch
    assert dialog is not None and dialog.isModal()
    qtbot.waitUntil(lambda: win.signin_page.info is not None, timeout=WAIT_MS)
    assert dialog.page.running and not dialog.continue_button.isEnabled()
    assert not win.signin_page.sign_in_button.isEnabled()  # not before the step is done
    dialog.continue_button.click()
    assert not marker.exists()

    gate.set()
    qtbot.waitUntil(lambda: dialog.page.report is not None, timeout=WAIT_MS)
    report = dialog.page.report
    assert report is not None and not report.partial
    assert dialog.page.table.rowCount() == len(ALL_CHECKS)  # the FULL report, slow checks too
    assert dialog.page.print_button.isEnabled() and dialog.continue_button.isEnabled()
    # No gateway configured: the channel is UNDETERMINED — a warning, not a stop.
    assert dialog.verdict.property("level") == "warn" and "Protected channel" in (
        dialog.verdict.text()
    )
    assert not marker.exists(), "the marker is written only when the step is completed"

    dialog.continue_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)
    record = json.loads(marker.read_text("utf-8"))
    assert record["profile"] == "2022" and record["blocking"] == []
    assert "channel" in record["warnings"]
    settled(qtbot, win)
    assert win.signin_page.sign_in_button.isEnabled()
    assert notice(win)[0] == "warn"


@pytest.mark.req("R-WS-5")
def test_first_launch_blocking_fail_refuses_continue_offers_rerun_and_quit(
    qtbot: Any, make_window: MakeWindow, tmp_path: Path
) -> None:
    marker = tmp_path / "first-launch.json"
    readings = {"network": internet_route()}
    readers = selfcheck_readers(network=lambda: readings["network"])
    win = make_window(readers=readers, marker=marker)
    qtbot.waitUntil(lambda: win.first_launch is not None, timeout=WAIT_MS)
    dialog = win.first_launch
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.page.report is not None, timeout=WAIT_MS)
    assert dialog.verdict.property("level") == "block"
    assert "does not meet the rules" in dialog.verdict.text()
    assert "No Internet access" in dialog.verdict.text() and "192.0.2.1" in dialog.verdict.text()

    dialog.continue_button.click()  # explains instead of continuing
    box = dialog.blocked_box
    assert box is not None and box.isVisible() and not marker.exists()
    assert "may not be used for queries" in box.text() and "No Internet access" in box.text()
    rerun = box.findChild(QPushButton, "blockedRerun")
    quit_ = box.findChild(QPushButton, "blockedQuit")
    assert rerun is not None and quit_ is not None

    first = dialog.page.report
    rerun.click()
    qtbot.waitUntil(lambda: dialog.page.report is not first, timeout=WAIT_MS)
    assert dialog.blocking and not marker.exists()

    dialog.continue_button.click()
    box = dialog.blocked_box
    assert box is not None
    quit_ = box.findChild(QPushButton, "blockedQuit")
    assert quit_ is not None
    quit_.click()
    qtbot.waitUntil(lambda: not win.isVisible(), timeout=WAIT_MS)
    assert not marker.exists(), "Quit leaves the step undone: it comes back at the next start"


@pytest.mark.req("R-WS-5")
def test_sandbox_first_launch_never_blocks(
    qtbot: Any, make_window: MakeWindow, tmp_path: Path
) -> None:
    marker = tmp_path / "first-launch.json"
    win = make_window(
        FakeDesk(sandbox=True),
        readers=selfcheck_readers(network=internet_route),
        marker=marker,
    )
    qtbot.waitUntil(lambda: win.first_launch is not None, timeout=WAIT_MS)
    dialog = win.first_launch
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.page.report is not None, timeout=WAIT_MS)
    assert dialog.verdict.property("level") == "warn"
    assert "Sandbox: not enforced." in dialog.verdict.text()
    assert "No Internet access" in dialog.verdict.text()
    dialog.continue_button.click()
    qtbot.waitUntil(marker.exists, timeout=WAIT_MS)
    assert dialog.blocked_box is None
    assert json.loads(marker.read_text("utf-8"))["blocking"] == ["internet"]


# -- every start: the fast checks gate the sign-in ---------------------------------------------


@pytest.mark.req("R-WS-5")
def test_blocking_fail_disables_signin_with_reason_and_diagnostics(
    qtbot: Any, make_window: MakeWindow, tmp_path: Path
) -> None:
    marker = tmp_path / "first-launch.json"
    marker.write_text("{}", "utf-8")  # not the first launch: only the fast checks run
    win = make_window(readers=selfcheck_readers(network=internet_route), marker=marker)
    assert win.first_launch is None
    settled(qtbot, win)
    report = win.workstation_report
    assert report is not None and [c.id for c in report.checks] == FAST
    page = win.signin_page
    assert not page.sign_in_button.isEnabled()
    level, text = notice(win)
    assert level == "block" and "signing in is disabled" in text
    assert "No Internet access" in text and "default via 192.0.2.1 dev eth0" in text
    assert page.diagnostics_button.isVisible()

    win.language_actions["kk"].trigger()  # the reasons follow the language, live
    qtbot.waitUntil(lambda: "Интернетке қолжетімділік жоқ" in notice(win)[1], timeout=WAIT_MS)
    assert not page.sign_in_button.isEnabled()
    win.language_actions["en"].trigger()

    page.diagnostics_button.click()
    assert win.diagnostics is not None and win.diagnostics.isVisible()
    qtbot.waitUntil(lambda: win.diagnostics.page.report is not None, timeout=WAIT_MS)
    assert not page.sign_in_button.isEnabled()


@pytest.mark.req("R-WS-5")
def test_fixing_the_workstation_and_rerunning_diagnostics_unblocks_signin(
    qtbot: Any, make_window: MakeWindow
) -> None:
    readings = {"network": internet_route()}
    fixed = selfcheck_readers().network()
    win = make_window(readers=selfcheck_readers(network=lambda: readings["network"]))
    settled(qtbot, win)
    assert notice(win)[0] == "block" and not win.signin_page.sign_in_button.isEnabled()

    readings["network"] = fixed  # the cable to the Internet is pulled
    diagnostics = win.open_diagnostics()
    qtbot.waitUntil(lambda: diagnostics.page.report is not None, timeout=WAIT_MS)
    qtbot.waitUntil(win.signin_page.sign_in_button.isEnabled, timeout=WAIT_MS)
    assert notice(win)[0] == "warn"  # the channel stays undetermined without a gateway
    open_pin(qtbot, win)


@pytest.mark.req("R-WS-2")
def test_warn_fail_and_undetermined_show_notice_but_allow_signin(
    qtbot: Any, make_window: MakeWindow
) -> None:
    config = SelfcheckConfig(modes={"ram": Mode.WARN})  # the administrator relaxed RAM
    win = make_window(readers=selfcheck_readers(ram=low_ram, cpu=unknown_cpu), config=config)
    settled(qtbot, win)
    level, text = notice(win)
    assert level == "warn" and "You may sign in" in text
    assert "RAM — FAIL" in text and "CPU clock — UNDETERMINED" in text
    assert "2 GiB of RAM is less than the required 4 GiB" in text
    assert win.signin_page.diagnostics_button.isVisible()
    dialog = open_pin(qtbot, win)  # a notice, not a modal: signing in goes on
    assert dialog.isVisible()


@pytest.mark.req("R-WS-2")
def test_passing_workstation_says_so_and_waits_for_nothing(
    qtbot: Any, make_window: MakeWindow
) -> None:
    win = make_window()
    settled(qtbot, win)
    assert notice(win) == ("ok", "The workstation check passed.")
    assert win.signin_page.sign_in_button.isEnabled()


@pytest.mark.req("R-WS-5")
def test_sandbox_start_never_blocks_and_says_not_enforced(
    qtbot: Any, make_window: MakeWindow
) -> None:
    win = make_window(FakeDesk(sandbox=True), readers=selfcheck_readers(network=internet_route))
    settled(qtbot, win)
    level, text = notice(win)
    assert level == "warn" and text.startswith("Sandbox: not enforced.")
    assert "No Internet access" in text
    qtbot.waitUntil(win.signin_page.sign_in_button.isEnabled, timeout=WAIT_MS)


def test_no_selfcheck_config_runs_no_check(qtbot: Any, window: MainWindow) -> None:
    """Tests and benches that are not about the workstation: nothing runs, nothing gates."""
    assert window.startup_check is None and window.signin_page.workstation is None
    assert not window.signin_page.selfcheck_notice.isVisible()


# -- Diagnostics -------------------------------------------------------------------------------


@pytest.mark.req(*WS)
def test_diagnostics_shortcut_runs_all_checks_in_the_users_language(
    qtbot: Any, make_window: MakeWindow
) -> None:
    win = make_window(lang="kk")
    settled(qtbot, win)
    assert win.tools_menu.title().replace("&", "") == "Құралдар"
    assert win.diagnostics_action.text().replace("&", "") == "Жұмыс орнын тексеру…"
    assert win.diagnostics_action.shortcut().toString() == "Ctrl+Shift+D"
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow, timeout=WAIT_MS)
    qtbot.keyClick(
        win,
        Qt.Key.Key_D,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(
        lambda: win.diagnostics is not None and win.diagnostics.isVisible(), timeout=WAIT_MS
    )
    page = win.diagnostics.page
    qtbot.waitUntil(lambda: page.report is not None, timeout=WAIT_MS)
    assert page.report is not None and not page.report.partial
    assert page.table.rowCount() == len(ALL_CHECKS)
    names = [page.table.item(r, 0).text() for r in range(page.table.rowCount())]
    assert names[0] == "Процессор жиілігі" and names[4] == "Интернетке қолжетімділік жоқ"
    assert page.run_button.text().replace("&", "") == "Қайта тексеру"

    first = page.report
    page.run_button.click()  # Re-run
    qtbot.waitUntil(lambda: page.report is not first, timeout=WAIT_MS)

    win.language_actions["ru"].trigger()
    qtbot.waitUntil(lambda: page.table.item(0, 0).text() == "Частота процессора", timeout=WAIT_MS)
    assert win.tools_menu.title().replace("&", "") == "Сервис"
    assert win.diagnostics_action.text().replace("&", "") == "Проверка рабочего места…"


# -- PDF ---------------------------------------------------------------------------------------


def _poppler(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"poppler's {name} is not installed")
    return path


@pytest.mark.req(*WS)
@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_print_to_pdf_from_diagnostics_in_the_chosen_language(
    qtbot: Any, make_window: MakeWindow, tmp_path: Path, lang: str
) -> None:
    pdftotext, pdffonts = _poppler("pdftotext"), _poppler("pdffonts")
    win = make_window(readers=selfcheck_readers(network=internet_route), lang=lang)
    diagnostics = win.open_diagnostics()
    page = diagnostics.page
    qtbot.waitUntil(lambda: page.print_button.isEnabled(), timeout=WAIT_MS)
    page.print_button.click()
    file_dialog = page.file_dialog
    assert file_dialog is not None and file_dialog.isVisible()
    out = tmp_path / f"report-{lang}.pdf"
    file_dialog.selectFile(str(out))
    file_dialog.accept()
    qtbot.waitUntil(out.exists, timeout=WAIT_MS)
    assert page.saved_path == out and str(out) in page.saved_label.text()

    raw = subprocess.run(
        [pdftotext, str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    text = " ".join(raw.split())  # a title may wrap inside its table cell
    for check_id in ALL_CHECKS:
        assert title(check_id, lang) in text, (lang, check_id)
    assert "192.0.2.1" in text
    # What a check rests on is cited as the rules cite themselves, never by our IDs.
    def bare(words: str) -> str:  # a citation may wrap inside its cell, losing space or hyphen
        return "".join(c for c in words if c.isalnum())

    assert bare(label("rules", lang)) in bare(text)
    assert "R-WS" not in text and "R\u2011WS" not in text
    assert "\ufffd" not in text
    if lang == "kk":
        assert "Жұмыс орнын тексеру" in text and "СӘЙКЕС ЕМЕС" in text
        assert {"ә", "қ", "ң", "ө", "ұ", "і"} <= set(text.lower())
    # No glyph left to chance: every font in the file is the embedded DejaVu.
    fonts = subprocess.run(
        [pdffonts, str(out)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert fonts and all("DejaVu" in f and " yes " in f for f in fonts), fonts


def test_print_to_an_unwritable_place_says_so(qtbot: Any, make_window: MakeWindow) -> None:
    win = make_window()
    page = win.open_diagnostics().page
    qtbot.waitUntil(lambda: page.report is not None, timeout=WAIT_MS)
    assert not page.print_to(Path("/nonexistent-dir/report.pdf"))
    assert "Could not write" in page.saved_label.text()


# -- where the configuration comes from --------------------------------------------------------


@pytest.mark.req("R-WS-2")
def test_production_config_comes_from_the_policy_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.app import selfcheck_config_for

    policy = tmp_path / "policy.json"
    monkeypatch.setenv("SIO_DESK_POLICY", str(policy))
    desk = FakeDesk(sandbox=False)
    assert selfcheck_config_for(desk) == SelfcheckConfig()  # no file: the strict defaults

    policy.write_text(
        json.dumps(
            {
                "gateway_url": "https://sio.example.kz",
                "selfcheck": {"profile": "2017", "modes": {"ram": "warn"}},
            }
        ),
        "utf-8",
    )
    config = selfcheck_config_for(desk)
    assert config.profile == "2017" and config.mode("ram") is Mode.WARN
    assert config.mode("internet") is Mode.BLOCK and not config.allow_software_tokens

    policy.write_text(json.dumps({"selfcheck": {"modes": {"ram": "maybe"}}}), "utf-8")
    broken = selfcheck_config_for(desk)  # unusable section: every check blocks (2022)
    assert broken.profile == "2022" and broken.mode("ram") is Mode.BLOCK

    sandbox = selfcheck_config_for(FakeDesk(sandbox=True))
    assert sandbox.gateway_url == "https://127.0.0.1:8443" and sandbox.allow_software_tokens
