"""The prosecutor's archive viewer (issue 13; R-CTL-3, R-LOG-1): a journal exported from the
sandbox gateway (real SoftHSM2-signed queries and a disposition) verifies and reads — who asked,
on what basis, the answer's hash, what became of the result; after one byte of one entry is
changed, the viewer names that entry and marks it and every request after it as unproven."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from gateway import archive
from gateway.db import make_engine
from signing.sandbox_pki import SANDBOX_USERS
from tests.e2e.test_control import ANALYST, BASIS, World, world  # noqa: F401 - fixture
from ui.archive_viewer import BAD_BRUSH, ArchiveViewer
from ui.worker import DeskRunner

SLOW_MS = 60_000


def _export(world: World) -> Path:  # noqa: F811
    out = world.dir / "archive"
    engine = make_engine(world.gateway.config.db_url)
    try:
        archive.export(engine, out, world.pki.trust_store(), world.pki.operator_signer())
    finally:
        engine.dispose()
    return out


@pytest.fixture
def viewer(qtbot: Any) -> Any:
    runner = DeskRunner()
    widget = ArchiveViewer(runner)
    qtbot.addWidget(widget)
    yield widget
    runner.shutdown()


def _verify(qtbot: Any, viewer: ArchiveViewer, out: Path, world: World) -> None:  # noqa: F811
    viewer.verdict = None
    viewer.set_archive(out, world.pki.directory / "operator.pem")
    assert viewer.verify_button.isEnabled()
    viewer.verify_button.click()
    qtbot.waitUntil(lambda: viewer.verdict is not None, timeout=SLOW_MS)


@pytest.mark.req("R-CTL-3", "R-LOG-1", "R-RES-1")
def test_the_viewer_reads_an_archive_and_flags_the_altered_entry(
        qtbot: Any, viewer: ArchiveViewer, world: World) -> None:  # noqa: F811
    asked = [world.analyst.query(1, {"iin": u.iin}, BASIS) for u in SANDBOX_USERS[1:4]]
    world.analyst.destroy_unattached(asked[0].item)
    world.analyst.flush_dispositions()
    out = _export(world)
    _verify(qtbot, viewer, out, world)
    assert viewer.verdict is not None and viewer.verdict.ok, viewer.verdict
    assert "intact" in viewer.verdict_label.text()
    assert viewer.table.rowCount() == 3
    first = viewer.table.item(0, 0)
    assert first is not None
    row = [viewer.table.item(0, c).text() for c in range(9)]  # type: ignore[union-attr]
    assert row[2] == ANALYST.iin and row[4] == BASIS.case_number and row[6] == BASIS.purpose
    assert viewer.table.item(0, 7).toolTip() == asked[0].response_sha256  # type: ignore[union-attr]
    assert row[7] == asked[0].response_sha256[:16] + "…" and "destroyed unattached" in row[8]
    assert "nothing recorded" in viewer.table.item(1, 8).text()  # type: ignore[union-attr]

    # One character of the second request's purpose changed in the segment file.
    second = viewer.requests[1].seq
    segment = next(p for p in sorted(out.glob("segment-*.jsonl"))
                   if any(json.loads(line)["seq"] == second
                          for line in p.read_bytes().splitlines()))
    lines = segment.read_bytes().splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if json.loads(line)["seq"] == second)
    lines[at] = lines[at].replace("тексеру".encode(), "тексерy".encode(), 1)
    segment.write_bytes(b"".join(lines))
    _verify(qtbot, viewer, out, world)
    assert viewer.verdict is not None and not viewer.verdict.ok
    assert viewer.verdict.first_bad_seq == second
    assert f"№ {second}" in viewer.verdict_label.text()
    flagged = [viewer.table.item(i, 0).background() == BAD_BRUSH  # type: ignore[union-attr]
               for i in range(viewer.table.rowCount())]
    assert flagged == [False, True, True]
