"""An archive line is read the quick way (issue 10: encoded once for its canonical form and its
hash) with the verdict of the plain way: canonical_json of the line, then of its hashed fields
(R-LOG-1)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from gateway import archive
from gateway.journal import GENESIS_HASH, JournalEntry, entry_hash
from transport.canonical import canonical_json

pytestmark = pytest.mark.req("R-LOG-1")


def _line(**changes: Any) -> bytes:
    fields: dict[str, Any] = {
        "seq": 7, "kind": "query", "at_utc": "2026-11-30T03:31:18.753+00:00",
        "at_astana": "2026-11-30T08:31:18.753+05:00", "actor_iin": "880412410213",
        "cert_serial": "7A6E", "resource": 3, "basis": '{"case_number":"№ 12 \\"kind\\":"}',
        "request_sha256": "ab" * 32, "response_sha256": None,
        "detail": '{"request":"{\\"hash\\":\\"x\\",\\"kind\\":1}","ж":"ә"}',
    }
    fields["prev_hash"] = GENESIS_HASH
    fields["hash"] = entry_hash(GENESIS_HASH, {k: v for k, v in fields.items()
                                               if k not in ("prev_hash", "hash")})
    fields.update(changes)
    return json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False,
                      allow_nan=True).encode()


def _plain_way(line: bytes) -> tuple[Any, ...]:
    """The verdict as the archive reached it before: every check on canonical_json."""
    try:
        data = json.loads(line)
    except ValueError:
        return ("bad", "not JSON")
    try:
        if not isinstance(data, dict) or set(data) != set(archive.COLUMNS):
            return ("bad", "columns")
        if canonical_json(data) != line:
            return ("bad", "not canonical")
        if type(data["seq"]) is not int or not (data["resource"] is None
                                                or type(data["resource"]) is int):
            return ("bad", "integer")
        if any(not (v is None or isinstance(v, str)) for k, v in data.items()
               if k not in ("seq", "resource")):
            return ("bad", "text")
    except ValueError:
        return ("bad", "not canonical")  # a float: canonical_json refuses it
    entry = JournalEntry(**data)
    return ("ok", entry, entry.hash == entry.expected_hash())


def _quick_way(line: bytes) -> tuple[Any, ...]:
    try:
        entry, hashed = archive._parse_line(line, 7)
    except archive._Bad as bad:
        reason = bad.reason
        return ("bad", next(k for k in ("columns", "not canonical", "not JSON", "integer", "text")
                            if k in reason.replace("journal's columns", "columns")))
    expected = (entry.expected_hash() if hashed is None
                else archive.sha256_hex(entry.prev_hash.encode("ascii") + hashed))
    return ("ok", entry, entry.hash == expected)


LINES = {
    "good": _line(),
    "changed detail": _line(detail='{"x":1}'),
    "changed hash": _line(hash="00" * 32),
    "odd prev_hash": _line(prev_hash='"kind":'),
    "resource as text": _line(resource="3"),
    "seq as text": _line(seq="7"),
    "seq true": _line(seq=True),
    "a float": _line(resource=3.0),
    "a number in a text column": _line(actor_iin=880412410213),
    "a list": _line(basis=["a"]),
    "no resource": _line(resource=None),
    "spaced": _line().replace(b'"kind":"query"', b'"kind": "query"'),
    "escaped": _line().replace("ә".encode(), b"\\u04d9"),
    "keys swapped": _line().replace(b'"hash":', b'"HASH":'),
    "trailing space": _line() + b" ",
    "not json": _line()[:-1],
    # How the bytes are decoded: json.loads detects UTF-16/32 and a BOM, lets surrogates pass.
    "utf-8 bom": b"\xef\xbb\xbf" + _line(),
    "utf-16": _line().decode().encode("utf-16-le"),
    "utf-16 with bom": _line().decode().encode("utf-16"),
    "not utf-8": _line().replace("ә".encode(), b"\xd9"),
    "a lone surrogate": _line().replace("ә".encode(), "\ud800".encode("utf-8", "surrogatepass")),
    "a lone surrogate escaped": _line().replace("ә".encode(), rb"\\ud800"),
}


@pytest.mark.parametrize("name", sorted(LINES))
def test_quick_and_plain_ways_agree(name: str) -> None:
    line = LINES[name]
    assert _quick_way(line) == _plain_way(line)


def test_the_good_line_and_its_changes_are_told_apart() -> None:
    assert _quick_way(LINES["good"])[0::2] == ("ok", True)
    assert _quick_way(LINES["changed detail"])[0::2] == ("ok", False)
    assert _quick_way(LINES["spaced"]) == ("bad", "not canonical")
    assert _quick_way(LINES["resource as text"]) == ("bad", "integer")



def _sliced(change: Callable[[bytes], bytes]) -> bytes:
    """A line whose hashed part (the line without its "hash" and "prev_hash" members) is
    changed, and its hash made anew over the changed bytes: hashing the line's slice would
    take it; the line is not canonical JSON."""
    line = _line()
    data = json.loads(line)
    members = [b',"hash":"%s"' % data["hash"].encode(),
               b',"prev_hash":"%s"' % GENESIS_HASH.encode()]
    sliced = line
    for member in members:
        sliced = sliced.replace(member, b"", 1)
    hashed = change(sliced)
    assert hashed != sliced
    digest = archive.sha256_hex(GENESIS_HASH.encode() + hashed).encode()
    at_kind = hashed.rindex(b',"kind":')
    at_request = hashed.rindex(b',"request_sha256":')
    return b"".join((hashed[:at_kind], b',"hash":"', digest, b'"', hashed[at_kind:at_request],
                     members[1], hashed[at_request:]))


SLICED = {
    "space after a colon": lambda b: b.replace(b'"kind":"query"', b'"kind": "query"'),
    "members reordered": lambda b: b.replace(b'"actor_iin":"880412410213","at_astana"',
                                             b'"at_astana"', 1).replace(
        b',"at_utc"', b',"actor_iin":"880412410213","at_utc"', 1),
    "a slash escaped": lambda b: b.replace(b'"at_utc":"2026-11-30', rb'"at_utc":"2026\/11-30'),
    "an ASCII letter escaped": lambda b: b.replace(b'"cert_serial":"7A6E"',
                                                   rb'"cert_serial":"7\u0041\u0036E"'),
    "a letter escaped in upper case": lambda b: b.replace("ә".encode(), rb"\u04D9"),
    "a control escaped in upper case": lambda b: b.replace(b'"kind":"query"',
                                                           rb'"kind":"qu\u001Fery"'),
    "a member twice, the last kept": lambda b: b.replace(b'"kind":"query"',
                                                         b'"kind":"login","kind":"query"'),
    "a member twice, the first canonical": lambda b: b.replace(
        b'"kind":"query"', b'"kind":"query","kind":"login"'),
    "an integer with a minus zero": lambda b: b.replace(b'"resource":3', b'"resource":-0'),
    "an integer as an exponent": lambda b: b.replace(b'"resource":3', b'"resource":3e0'),
    "a line ending in spaces": lambda b: b + b"  ",
}


@pytest.mark.parametrize("name", sorted(SLICED))
def test_a_non_canonical_line_is_refused_even_when_its_slice_hashes_right(name: str) -> None:
    # Issue 10 (the brief of idea 2): the hash proves the slice is what was hashed, not that
    # it is canonical JSON; a signer who hashed such bytes does not get them past verify.
    line = _sliced(SLICED[name])
    assert _plain_way(line) == ("bad", "not canonical")
    assert _quick_way(line) == _plain_way(line)


# No NUL among them: PostgreSQL's text refuses it.
_ODD_TEXTS = ('"quoted" and \\back\\slash', "tab\there\nnewline\r\x01\x1f\x7f", "ж ә ң 𝕏 🙂",
              "\u2028\u2029 line separators", "</script>", "")


def test_a_segment_renders_each_row_as_canonical_json_would(engine: Any) -> None:
    # Issue 10: export renders lines straight from the rows; the bytes are canonical_json's.
    from gateway import journal
    from gateway.db import write_tx

    with write_tx(engine) as conn:
        entries = [journal.append(conn, "query", actor_iin=None if i % 2 else "880412410213",
                                  cert_serial=text, resource=i or None, basis={"case": text},
                                  request_sha256=text or None, detail={"note": text, text: i})
                   for i, text in enumerate(_ODD_TEXTS)]
    with engine.connect() as conn:
        got = archive.segment_lines(conn, entries[0].seq, entries[-1].seq)
    assert got == b"".join(
        canonical_json({name: getattr(e, name) for name in archive.COLUMNS}) + b"\n"
        for e in entries)


def test_a_row_holding_a_float_is_refused_as_canonical_json_refuses_it(engine: Any) -> None:
    from sqlalchemy import text

    from gateway import journal
    from gateway.db import write_tx

    if engine.dialect.name != "sqlite":
        pytest.skip("only SQLite keeps a float in an integer column")
    with write_tx(engine) as conn:
        seq = journal.append(conn, "query", resource=1).seq
    with engine.connect() as conn:  # the database edited behind the gateway's back
        conn.execute(text("DROP TRIGGER IF EXISTS journal_no_update"))
        conn.execute(text("UPDATE journal SET resource = 3.5 WHERE seq = :s"), {"s": seq})
        with pytest.raises(ValueError, match="floats"):
            archive.segment_lines(conn, seq, seq)
