"""The desk unpacks the gateway's journal archive safely (issue 13; R-LOG-1, R-CTL-3): only the
archive's own regular files, none that climbs out, is absolute, a link, a directory or twice;
a bad archive, a cut-short one, a refusal or a cancel leaves nothing in the chosen folder."""

from __future__ import annotations

import io
import tarfile
from collections.abc import Callable, Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from app.errors import DeskError
from app.journal_export import export_entry, export_journal, unpack
from transport.canonical import canonical_json

IIN = "1" * 12
GOOD = [("segment-000001.jsonl", b'{"seq":1}\n'), ("segment-000001.checkpoint.json", b"{}"),
        ("segment-000001.checkpoint.p7s", b"\x30\x00"), ("operator.pem", b"PEM"),
        ("trust/root-1.pem", b"CA"), ("index.json", b"{}")]


def tar_of(files: list[tuple[str, bytes]], kinds: dict[str, bytes] | None = None) -> bytes:
    """A tar of (name, data); `kinds` makes a member a link or a directory instead."""
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for name, data in files:
            info = tarfile.TarInfo(name)
            kind = (kinds or {}).get(name)
            if kind is None:
                info.size = len(data)
                tar.addfile(info, io.BytesIO(data))
            else:
                info.type, info.linkname = kind, "../../etc/passwd"
                tar.addfile(info)
    return out.getvalue()


@pytest.mark.req("R-LOG-1", "R-CTL-3")
def test_the_archive_s_own_files_are_unpacked(tmp_path: Path) -> None:
    names = unpack(io.BytesIO(tar_of(GOOD)), tmp_path)
    assert names == sorted(n for n, _ in GOOD)
    assert (tmp_path / "trust" / "root-1.pem").read_bytes() == b"CA"
    assert (tmp_path / "segment-000001.jsonl").read_bytes() == b'{"seq":1}\n'


BAD: list[tuple[str, list[tuple[str, bytes]], dict[str, bytes]]] = [
    ("climbs", [*GOOD, ("../evil.jsonl", b"x")], {}),
    ("climbs inside trust", [*GOOD, ("trust/../../evil", b"x")], {}),
    ("absolute", [*GOOD, ("/tmp/sio-evil.pem", b"x")], {}),
    ("a symlink", [("trust/root-2.pem", b""), *GOOD], {"trust/root-2.pem": tarfile.SYMTYPE}),
    ("a hard link", [("operator.pem", b""), *GOOD[:3]], {"operator.pem": tarfile.LNKTYPE}),
    ("a directory", [("trust", b""), *GOOD], {"trust": tarfile.DIRTYPE}),
    ("a device", [("index.json", b""), *GOOD[:2]], {"index.json": tarfile.CHRTYPE}),
    ("twice", [*GOOD, ("operator.pem", b"OTHER")], {}),
    ("a foreign name", [*GOOD, ("run.sh", b"#!/bin/sh")], {}),
    ("no index", GOOD[:-1], {}),
]


@pytest.mark.req("R-LOG-1", "R-CTL-3")
@pytest.mark.parametrize(("why", "files", "kinds"), BAD, ids=[b[0] for b in BAD])
def test_a_bad_archive_is_refused(tmp_path: Path, why: str, files: list[tuple[str, bytes]],
                                  kinds: dict[str, bytes]) -> None:
    into = tmp_path / "into"
    into.mkdir()
    with pytest.raises(DeskError) as refused:
        unpack(io.BytesIO(tar_of(files, kinds)), into)
    assert refused.value.code == "archive_invalid", why
    assert not (tmp_path / "evil.jsonl").exists() and not Path("/tmp/sio-evil.pem").exists()
    assert not any(p.is_symlink() for p in into.rglob("*"))


@pytest.mark.req("R-LOG-1")
@pytest.mark.parametrize("data", [b"", b"not a tar at all" * 100, tar_of(GOOD)[:1500]],
                         ids=["empty", "garbage", "cut short"])
def test_what_is_not_a_whole_tar_is_refused(tmp_path: Path, data: bytes) -> None:
    with pytest.raises(DeskError) as refused:
        unpack(io.BytesIO(data), tmp_path)
    assert refused.value.code == "archive_invalid"


def test_the_export_entry_binds_the_archive_to_the_request(tmp_path: Path) -> None:
    rows = [{"seq": 7, "kind": "export", "request_sha256": "ab" * 32, "actor_iin": IIN},
            {"seq": 8, "kind": "query", "request_sha256": "cd" * 32, "actor_iin": IIN}]
    (tmp_path / "segment-000002.jsonl").write_bytes(b"".join(canonical_json(r) + b"\n"
                                                             for r in rows))
    assert export_entry(tmp_path, "ab" * 32, IIN) == 7
    for sha, iin in (("cd" * 32, IIN), ("ab" * 32, "2" * 12)):
        with pytest.raises(DeskError) as unbound:
            export_entry(tmp_path, sha, iin)
        assert unbound.value.code == "response_unbound"


class _Desk:
    """What export_journal needs of a desk, answering `tar` as the gateway's stream (the real
    gateway and token: tests/e2e/test_operator_journal_export.py)."""

    def __init__(self, answer: Callable[[], Iterator[bytes]]) -> None:
        self.user = SimpleNamespace(iin=IIN)
        self.config = SimpleNamespace(operator_sha256=frozenset())
        self.client = SimpleNamespace(stream_signed=self._stream)
        self._answer = answer

    def _stream(self, _path: str, _signed: Any, _session: str,
                consume: Callable[[Iterator[bytes], int | None], Any], **_kw: float) -> Any:
        return consume(self._answer(), None)

    def send_signed(self, endpoint: Callable[[Any, str], Any], _payload: bytes) -> Any:
        return endpoint(object(), "session")


def _chunks(data: bytes, size: int = 700) -> Callable[[], Iterator[bytes]]:
    return lambda: iter([data[i:i + size] for i in range(0, len(data), size)])


@pytest.mark.req("R-LOG-1", "R-OPS-1")
@pytest.mark.parametrize("case", ["bad archive", "cancel", "refused", "unbound"])
def test_nothing_is_left_behind(tmp_path: Path, case: str) -> None:
    def refused() -> Iterator[bytes]:
        raise DeskError("refused", code="export_unavailable", detail="no key")

    answer = {"bad archive": _chunks(tar_of([*GOOD, ("../x", b"x")])), "cancel": _chunks(
        tar_of(GOOD)), "refused": refused, "unbound": _chunks(tar_of(GOOD))}[case]
    seen: list[int] = []
    with pytest.raises(DeskError) as failed:
        export_journal(_Desk(answer), tmp_path,  # type: ignore[arg-type]
                       lambda n, _total: seen.append(n),
                       cancelled=lambda: case == "cancel" and len(seen) >= 2)
    assert failed.value.code == {"bad archive": "archive_invalid", "cancel": "export_cancelled",
                                 "refused": "refused", "unbound": "response_unbound"}[case]
    assert list(tmp_path.iterdir()) == []
    if case == "cancel":
        assert seen[:2] == [700, 1400]


def test_an_existing_folder_is_not_written_over(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("app.journal_export.folder_name", lambda: "taken")
    (tmp_path / "taken").mkdir()
    with pytest.raises(DeskError) as exists:
        export_journal(_Desk(_chunks(tar_of(GOOD))), tmp_path,  # type: ignore[arg-type]
                       lambda _n, _t: None)
    assert exists.value.code == "export_target_exists"
    assert [p.name for p in tmp_path.iterdir()] == ["taken"]
