"""The self-check page: runs off the GUI thread, shows every check, prints a readable PDF."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from app.selfcheck import SelfcheckConfig
from app.selfcheck.hardware import CpuReading
from tests.selfcheck.test_runner_cli import good_readers

pytestmark = pytest.mark.gui


@pytest.mark.req("R-WS-2")
def test_page_runs_checks_and_prints_kazakh_pdf(qtbot: Any, tmp_path: Path) -> None:
    from ui.selfcheck_page import SelfcheckPage, print_pdf

    readers = good_readers(cpu=lambda: CpuReading(2000.0))
    page = SelfcheckPage(SelfcheckConfig(), "kk", readers=readers)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.report_ready, timeout=5000) as got:
        page.run()
    report = got.args[0]
    assert page.table.rowCount() == 11 and report.overall.value == "FAIL"
    cpu_status = page.table.item(0, 1)
    assert cpu_status is not None and cpu_status.text() == "СӘЙКЕС ЕМЕС"  # the CPU row
    assert page.print_button.isEnabled()
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler's pdftotext is not installed")
    out = tmp_path / "selfcheck.pdf"
    print_pdf(report, out, "kk")
    text = subprocess.run(
        ["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Жұмыс орнын тексеру" in text and "Процессор жиілігі" in text
    flat = "".join(text.split())  # a citation may wrap inside its cell
    assert "Ережелерге3-қосымша" in flat and "R-WS" not in text and "2 ГГц" in text
