"""The "Reports" function of departmental control (R-CTL-1): every request of the agency's users
by period, user, resource and basis, with what became of each result (R-RES-1) and anomalies.
"""

from __future__ import annotations

import functools
import io
import json
import re
import shutil
import unicodedata
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, fields
from datetime import UTC, date, datetime, timedelta
from itertools import chain
from json.encoder import c_make_encoder, encode_basestring  # type: ignore[attr-defined]
from pathlib import Path
from tempfile import SpooledTemporaryFile
from typing import TYPE_CHECKING, Any, BinaryIO

from sqlalchemy import (
    Connection,
    Engine,
    Select,
    and_,
    func,
    select,
)

from gateway.models import dispositions, journal_head, users
from gateway.models import request_facts as facts
from transport.canonical import sorted_compact
from transport.clock import iso, now_utc, parse_iso, to_astana

if TYPE_CHECKING:
    from gateway.config import GatewayConfig
    from signing.signer import Signer

# R-RES-1: what became of an answered request's result. Attached (printed and/or exported into
# the case material) or destroyed unattached, as the user signed it; otherwise pending until the
# retention time has passed, then overdue.
DISPOSITION_STATES = ("printed", "exported", "printed_and_exported", "destroyed_unattached",
                      "pending", "overdue")
# transport.protocol.ATTACHED_ACTIONS (a test holds them equal): importing the protocol brings
# pydantic, ~0.3 s of a fresh `sio-gateway report` that never validates a message (issue 10).
ATTACHED = frozenset(DISPOSITION_STATES[:3])


@dataclass(frozen=True)
class Settings:
    """The report's thresholds (defaults as in GatewayConfig)."""

    retention_hours: int = 8
    office_start_hour: int = 9
    office_end_hour: int = 19
    office_weekdays: tuple[int, ...] = (0, 1, 2, 3, 4)
    bulk_per_hour: int = 30
    many_users: int = 3

    @classmethod
    def of(cls, config: GatewayConfig) -> Settings:
        return cls(**{f.name: getattr(config, f.name) for f in fields(cls)})


_DISPOSITION_COLUMNS = (
    dispositions.c.journal_seq.label("d_seq"), dispositions.c.action.label("d_action"),
    dispositions.c.case_number.label("d_case_number"),
    dispositions.c.printout_sha256.label("d_printout_sha256"),
    dispositions.c.destroyed_at.label("d_destroyed_at"), dispositions.c.at_utc.label("d_at_utc"),
)


_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def period(start: str, end: str) -> tuple[date, date]:
    """The report's first and last day from their YYYY-MM-DD texts; ValueError (with what to
    say) unless both are such dates, in order, and the last is not the last day there is (the
    period is the half-open [first, last + 1 day) — issue 9: 9999-12-31 was a 500)."""
    if not (_DAY.fullmatch(start) and _DAY.fullmatch(end)):
        raise ValueError("from and to are dates YYYY-MM-DD")
    try:
        first, last = date.fromisoformat(start), date.fromisoformat(end)
    except ValueError as exc:
        raise ValueError("from and to are dates YYYY-MM-DD") from exc
    if first > last:
        raise ValueError("from is after to")
    if last == date.max:
        raise ValueError(f"to is before {date.max.isoformat()}")
    return first, last


def report_query(start: date, end: date, head_seq: int) -> Select[Any]:
    """The report's one scan: the period's requests and refusals in journal order, each with its
    disposition (joined by the query's seq) as recorded up to `head_seq`."""
    # Their own narrow rows (gateway.request_facts, issue 13), not the journal's 5 KB details.
    # at_astana decides (R-Q-5; ISO text, its first ten characters are the date); the period's
    # first and last seq come from its index, and the scan walks seqs in order between them,
    # so a day costs a day's rows and nothing is sorted.
    first, after = start.isoformat(), (end + timedelta(days=1)).isoformat()
    in_days = and_(facts.c.at_astana >= first, facts.c.at_astana < after)
    low = select(func.min(facts.c.seq)).where(in_days).scalar_subquery()
    high = select(func.max(facts.c.seq)).where(in_days).scalar_subquery()
    return (select(facts.c.seq, facts.c.kind, facts.c.at_utc, facts.c.at_astana,
                   facts.c.actor_iin, facts.c.resource, facts.c.code, facts.c.endpoint,
                   facts.c.count, facts.c.params, facts.c.case_number, facts.c.legal_ground,
                   facts.c.purpose, *_DISPOSITION_COLUMNS)
            .select_from(facts.outerjoin(dispositions, and_(
                dispositions.c.query_seq == facts.c.seq,
                dispositions.c.journal_seq <= head_seq)))
            .where(facts.c.seq >= low, facts.c.seq <= high, facts.c.seq <= head_seq, in_days)
            .order_by(facts.c.seq))


# json's C scanner, without loads()'s checks around it.
_SCAN: Callable[[str, int], tuple[Any, int]] = (
    json.JSONDecoder().scan_once)  # type: ignore[attr-defined]


def _object_of(text: str) -> Any:
    """The JSON value of a request_facts text (compact, as json.dumps wrote it): json.loads
    without its per-call overhead (issue 13: ~47 k of them in a report)."""
    try:
        value, end = _SCAN(text, 0)
    except StopIteration:
        end = -1
    return value if end == len(text) else json.loads(text)  # anything else: loads decides


# An anomaly one row shows by itself (see _scan), its keys in order.
_FLAG_KEYS = ("kind", "seq", "user_iin", "resource", "at")
_ELSEWHERE_KEYS = ("kind", "seq", "user_iin", "case_number", "attached_to")


def _value(value: Any) -> str:
    """One value of a row as json.dumps(indent=2) renders it two levels deep."""
    if value.__class__ is str:
        return encode_basestring(value)
    if value is None:
        return "null"
    return int.__repr__(value) if value.__class__ is int else _dump(value, 3)


class _Person:
    """A user as their report rows show them: iin, name and role already rendered."""

    __slots__ = ("digits", "iin", "name", "role")

    def __init__(self, iin: str, name: Any, role: Any) -> None:
        self.iin, self.name, self.role = _value(iin), _value(name), _value(role)
        # An IIN of ASCII digits only is the one _scan can look for in the params'
        # JSON text before parsing anything (a digit is never escaped there).
        self.digits = iin.__class__ is str and iin.isascii() and iin.isdigit()


def write(engine: Engine, config: Settings, start: date, end: date, out: BinaryIO,
          now: datetime | None = None) -> None:
    """Write the report over Astana dates start..end inclusive (R-Q-5) to `out` as the JSON
    document to_bytes() renders, in one pass over the period's entries (issue 10): rows are
    written as they come, anomalies spooled, totals last, so memory does not grow with the rows."""
    moment = now or now_utc()
    with engine.connect() as conn, \
            SpooledTemporaryFile(max_size=_SPOOL_BYTES) as flagged_file:
        head = conn.execute(select(journal_head.c.seq, journal_head.c.hash)).one()
        head_seq = int(head.seq)
        people = {r.iin: _Person(r.iin, r.name, r.role)
                  for r in conn.execute(select(users.c.iin, users.c.name, users.c.role))}
        header = {
            "report": "SIO requests (R-CTL-1)",
            "period": {"from": start.isoformat(), "to": end.isoformat(), "zone": "Asia/Almaty"},
            "generated_at": iso(to_astana(moment)),
            "journal": {"last_seq": head_seq, "head_hash": head.hash},
            "settings": {"retention_hours": config.retention_hours,
                         "office_hours": [config.office_start_hour, config.office_end_hour],
                         "office_weekdays": list(config.office_weekdays),
                         "bulk_per_hour": config.bulk_per_hour, "many_users": config.many_users},
        }
        out.write(b"{")
        for key, value in header.items():
            out.write(f"\n  {_dump(key, 1)}: {_dump(value, 1)},".encode())
        out.write(b'\n  "rows": ')
        # The rows go straight out and the totals come last (issue 13): spooling 40+ MB of
        # rows to a temporary file and copying them after the totals cost a tenth of the report.
        tally = _Tally(config)
        rows, flagged = _JsonList(out), _JsonList(flagged_file)
        _scan(chain.from_iterable(_batches(conn, report_query(start, end, head_seq))), people,
              moment, config, tally, rows, flagged)
        rows.end()
        for anomaly in tally.bulk(conn):
            flagged.add(anomaly)
        for anomaly in tally.one_subject():
            flagged.add(anomaly)
        out.write(b',\n  "anomalies": ')
        flagged.copy_to(out)
        out.write(f',\n  "totals": {_dump(tally.totals(), 1)}\n}}\n'.encode())


def _batches(conn: Connection, query: Select[Any]) -> Iterator[Iterable[Sequence[Any]]]:
    """The rows of `query` in batches: on SQLite the driver's tuples, the same SQL run on the
    connection's own cursor (in its transaction); elsewhere one batch, the streamed result."""
    if conn.dialect.name != "sqlite":
        yield conn.execution_options(stream_results=True, yield_per=2000).execute(query)
        return
    # Issue 13: SQLAlchemy's row layer (Python calls per row) was 2 % of a large report.
    compiled = query.compile(dialect=conn.dialect)
    cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(str(compiled), [compiled.params[k] for k in compiled.positiontup or ()])
        while batch := cursor.fetchmany(_SQLITE_BATCH):
            yield batch
    finally:
        cursor.close()


# Rows a fetch brings from SQLite: more cost no less CPU, and 2,000 rows held at once were 3 MB
# of the report's peak memory.
_SQLITE_BATCH = 500


def build(engine: Engine, config: Settings, start: date, end: date,
          now: datetime | None = None) -> dict[str, Any]:
    """The report over Astana dates start..end inclusive (R-Q-5), as one JSON document (held
    whole in memory: for the HTTP answer's tests and the terminal table)."""
    buffer = io.BytesIO()
    write(engine, config, start, end, buffer, now)
    doc: dict[str, Any] = json.loads(buffer.getvalue())
    return doc


_SPOOL_BYTES = 4 << 20  # a small report stays in memory, a large one goes to a temporary file
_CHUNK = 512  # items of a list rendered before they are encoded and written together
_FROM_ISO = datetime.fromisoformat
_HOUR_US = 3600 * 1_000_000
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


_MICROSECOND = timedelta(microseconds=1)


class _Subject:
    """The users who asked about one set of parameters and the seqs of their requests."""

    __slots__ = ("seqs", "users")

    def __init__(self, seq: int, iin: str) -> None:
        self.users, self.seqs = {iin}, array("q", [seq])


class _Asker:
    """One user's part of the tally: the times and seqs of their requests (bulk), and their
    results' dispositions once they have an answered request."""

    __slots__ = ("dispositions", "seqs", "times")

    def __init__(self) -> None:
        self.times, self.seqs = array("q"), array("q")
        self.dispositions: dict[str, int] | None = None


class _Tally:
    """What the report counts as its rows go by, in compact form: counters, per user the times
    of their requests (bulk), per parameter set its first request or its _Subject."""

    __slots__ = ("anomalies", "askers", "by_basis", "by_resource", "config", "subjects",
                 "unattributed")

    def __init__(self, config: Settings) -> None:
        self.config = config
        self.unattributed = 0
        # Plain dicts, not Counters: a Counter calls __missing__ in Python for each new key,
        # and nearly every case number is new (issue 13).
        self.by_resource: dict[Any, int] = {}
        self.by_basis: dict[Any, int] = {}
        self.anomalies: Counter[str] = Counter()
        # Per user one record: the requests, answers and dispositions per user and in all are
        # counted from these at the end (issue 13: one look-up a row instead of five counters).
        self.askers: dict[str, _Asker] = {}
        self.subjects: dict[str, tuple[int, str] | _Subject] = {}

    def bulk(self, conn: Connection) -> list[dict[str, Any]]:
        """Episodes where one user sent more than bulk_per_hour requests within an hour."""
        limit = self.config.bulk_per_hour
        episodes: list[tuple[str, list[int]]] = []
        for iin, mine in self.askers.items():
            times, seqs = mine.times, mine.seqs
            i = j = 0
            while i < len(times):
                j = max(j, i)  # times only grow: the window's end never moves back
                while j < len(times) and times[j] - times[i] < _HOUR_US:
                    j += 1
                if j - i > limit:
                    episodes.append((iin, seqs[i:j].tolist()))
                    i = j  # one episode per window, not one per request in it
                else:
                    i += 1
        at = _times_of(conn, {s for _, mine in episodes for s in (mine[0], mine[-1])})
        found = [{"kind": "bulk", "user_iin": iin, "from": at[mine[0]], "to": at[mine[-1]],
                  "count": len(mine), "seqs": mine} for iin, mine in episodes]
        self.anomalies["bulk"] += len(found)
        return found

    def one_subject(self) -> list[dict[str, Any]]:
        """The same parameters (e.g. one IIN) queried by at least many_users distinct users."""
        found = []
        for key, known in self.subjects.items():
            group = known if isinstance(known, _Subject) else _Subject(*known)
            if len(group.users) >= self.config.many_users:
                found.append({"kind": "one_subject", "params": json.loads(key),
                              "users": sorted(group.users), "seqs": group.seqs.tolist()})
        self.anomalies["one_subject"] += len(found)
        return found

    def totals(self) -> dict[str, Any]:
        dispositions = dict.fromkeys(DISPOSITION_STATES, 0)
        by_user_disposition = {}
        for iin, mine in self.askers.items():
            if mine.dispositions is not None:
                by_user_disposition[iin] = mine.dispositions
                for state, n in mine.dispositions.items():
                    dispositions[state] += n
        requests, answered = sum(len(m.seqs) for m in self.askers.values()), sum(
            dispositions.values())
        return {
            "requests": requests, "answered": answered, "refused": requests - answered,
            "unattributed_refusals": self.unattributed,
            "by_user": _by_text({iin: len(mine.seqs) for iin, mine in self.askers.items()}),
            "by_resource": _by_text(self.by_resource), "by_basis": _by_text(self.by_basis),
            "dispositions": dispositions,
            "by_user_disposition": dict(sorted(by_user_disposition.items())),
            "anomalies": dict(sorted((k, n) for k, n in self.anomalies.items() if n)),
        }


def _by_text(counts: dict[Any, int]) -> dict[str, int]:
    """Counts by each value's text (None as "None"), in the order of those texts."""
    found: dict[str, int] = {}  # not a Counter: its __missing__ runs in Python for each text
    for value, n in counts.items():
        text = str(value)
        found[text] = found.get(text, 0) + n
    return dict(sorted(found.items()))


def _times_of(conn: Connection, seqs: set[int]) -> dict[int, str]:
    """at_astana of the given entries (the ends of bulk episodes)."""
    found: dict[int, str] = {}
    ordered = sorted(seqs)
    for i in range(0, len(ordered), 500):
        found |= {int(r.seq): r.at_astana for r in conn.execute(
            select(facts.c.seq, facts.c.at_astana)
            .where(facts.c.seq.in_(ordered[i:i + 500])))}
    return found


def _astana_seconds(at_utc: str) -> str:
    """An instant's text as Astana time in whole seconds: iso(to_astana(parse_iso(at_utc)))."""
    if _UTC_TEXT.fullmatch(at_utc):
        # The gateway writes UTC: within an hour whose offset is whole hours only the hour's
        # text changes, looked up once per hour (issue 13: ~40 k of them in a report).
        local = _astana_hour(at_utc[:13])
        if local is not None:
            return local[0] + at_utc[13:19] + local[1]
    moment = parse_iso(at_utc)
    if moment.utcoffset() == _ZERO:
        offset = _astana_offset((moment - _EPOCH) // _HOUR)
        if offset is not None:
            return ((moment + offset[0]).replace(microsecond=0, tzinfo=None).isoformat()
                    + offset[1])
    return iso(to_astana(moment))


_UTC_TEXT = re.compile(r"\d{4}-\d\d-\d\dT\d\d:[0-5]\d:[0-5]\d(?:\.\d{1,6})?\+00:00")


@functools.lru_cache(maxsize=1 << 14)
def _astana_hour(prefix: str) -> tuple[str, str] | None:
    """For the UTC hour "YYYY-MM-DDTHH": Astana's "YYYY-MM-DDTHH" and offset text throughout
    it, or None (not such an hour, or Astana's offset is not whole hours then)."""
    try:
        start = parse_iso(prefix + ":00:00+00:00")
    except ValueError:
        return None
    offset = _astana_offset((start - _EPOCH) // _HOUR)
    if offset is None or offset[0] % _HOUR:
        return None
    return (start + offset[0]).replace(tzinfo=None).isoformat()[:13], offset[1]


_ZERO, _HOUR = timedelta(0), timedelta(hours=1)


@functools.lru_cache(maxsize=1 << 14)
def _astana_offset(hour: int) -> tuple[timedelta, str] | None:
    """Astana's offset from UTC throughout the hour `hour` hours after 1970 UTC, and its text
    as isoformat writes it; None if it changes within that hour."""
    try:
        start = _EPOCH + timedelta(hours=hour)
        first = to_astana(start)
        last = to_astana(start + timedelta(hours=1) - _MICROSECOND)
    except OverflowError:  # the long way says what is wrong
        return None
    if first.utcoffset() != last.utcoffset() or first.utcoffset() is None:
        return None
    return first.utcoffset(), first.isoformat()[19:]  # type: ignore[return-value]


def _scan(scan: Iterable[Sequence[Any]], people: dict[Any, _Person], now: datetime,
          config: Settings, tally: _Tally, listed: _JsonList, flagged: _JsonList) -> None:
    """Each row of the scan as it comes (one pass, issue 10): its text into `listed`, what it
    shows by itself into `flagged`, the rest counted into `tally`."""
    # One function with its state in locals, not an object per row (issue 13: attribute and
    # method look-ups were a seventh of the report's time in Python).
    encode, retention = encode_basestring, timedelta(hours=config.retention_hours)
    weekdays = config.office_weekdays
    first_hour, end_hour = config.office_start_hour, config.office_end_hour
    askers, subjects = tally.askers, tally.subjects
    by_resource, by_basis = tally.by_resource, tally.by_basis
    # Rows are gathered here and written a chunk at a time (_JsonList.add_text, inlined).
    pending, add_flag, counted = listed.pending, flagged.add_text, tally.anomalies
    for row in scan:
        # The columns of report_query, in order; taken as a tuple (issue 10: ~40 k rows).
        (seq, kind, at_utc, at_text, iin, resource, code, endpoint, count, params_text,
         case_number, legal_ground, purpose, d_seq, d_action, d_case_number, d_printout,
         d_destroyed_at, d_at_utc) = row
        person = people.get(iin) if iin is not None else None
        if person is None:  # refused before anyone could be named: counted, not listed
            # A flood is journaled as aggregate rows that carry their count.
            tally.unattributed += count if type(count) is int and count > 0 else 1
            continue
        seq = int(seq)
        params = None if params_text is None else _object_of(params_text)
        attached_to: Any = None
        state: str | None = None  # a refused request has no disposition
        # Each value rendered by what its column holds (issue 13: dispatching on each value's
        # type was most of a row's rendering); anything unexpected goes the general way.
        e_at = encode(at_text) if at_text.__class__ is str else _value(at_text)
        e_resource = int.__repr__(resource) if resource.__class__ is int else _value(resource)
        e_case = encode(case_number) if case_number.__class__ is str else _value(case_number)
        e_ground = (encode(legal_ground) if legal_ground.__class__ is str
                    else _value(legal_ground))
        e_purpose = encode(purpose) if purpose.__class__ is str else _value(purpose)
        e_params = "null" if params is None else _params_text(params)
        e_code = "null" if code is None else _value(code)
        e_endpoint = encode(endpoint) if endpoint.__class__ is str else _value(endpoint)
        # The row as json.dumps(indent=2) renders it two levels deep, its keys in the order of
        # R-RES-1 (a refused request has the first thirteen); an f-string, not a %-template
        # (issue 13: the template's formatting was a twentieth of the report's instructions).
        text = (f'{{\n      "seq": {seq},\n      "at": {e_at},\n      "user_iin": {person.iin},'
                f'\n      "user_name": {person.name},\n      "role": {person.role},'
                f'\n      "resource": {e_resource},\n      "case_number": {e_case},'
                f'\n      "legal_ground": {e_ground},\n      "purpose": {e_purpose},'
                f'\n      "params": {e_params},'
                f'\n      "outcome": {_ANSWERED if kind == "query" else _REFUSED},'
                f'\n      "code": {e_code},\n      "endpoint": {e_endpoint}')
        if kind != "query":
            pending.append(text + "\n    }")
        elif d_action is not None:
            attached = d_action in ATTACHED
            # The statement says when the local copy was destroyed; the client attaches and
            # then destroys at once (R-RES-1), so that is also when it went into the material.
            state = d_action
            attached_to = d_case_number if attached else None  # as the user signed it
            e_action = encode(d_action) if d_action.__class__ is str else _value(d_action)
            e_destroyed = (encode(d_destroyed_at) if d_destroyed_at.__class__ is str
                           else _value(d_destroyed_at))
            e_attached_to = (encode(attached_to) if attached_to.__class__ is str
                             else _value(attached_to))
            e_printout = "null" if d_printout is None else _value(d_printout)
            pending.append(
                f'{text},\n      "disposition": {e_action},'
                f'\n      "attached_at": {e_destroyed if attached else "null"},'
                f'\n      "attached_to": {e_attached_to},\n      "printout_sha256": {e_printout},'
                f'\n      "destroyed_at": {e_destroyed},\n      "disposition_seq": {int(d_seq)},'
                f'\n      "reported_at": {encode(_astana_seconds(d_at_utc))}\n    }}')
        else:
            overdue = parse_iso(at_utc) + retention < now
            state = "overdue" if overdue else "pending"
            pending.append(f'{text},\n      "disposition": {_OVERDUE if overdue else _PENDING},'
                           '\n      "attached_at": null,\n      "attached_to": null,'
                           '\n      "printout_sha256": null,\n      "destroyed_at": null,'
                           '\n      "disposition_seq": null,\n      "reported_at": null\n    }')
        if len(pending) >= _CHUNK:
            listed.flush()
        at = _FROM_ISO(at_text)
        if at.tzinfo is None:
            parse_iso(at_text)  # refuses a time without a zone, as the clock does

        # Counted (_Tally): per user, per resource, per basis, per set of parameters.
        mine = askers.get(iin)
        if mine is None:
            mine = askers[iin] = _Asker()
        mine.times.append((at - _EPOCH) // _MICROSECOND)
        mine.seqs.append(seq)
        if state is not None:  # answered
            if mine.dispositions is None:
                mine.dispositions = dict.fromkeys(DISPOSITION_STATES, 0)
            mine.dispositions[state] += 1
        by_resource[resource] = by_resource.get(resource, 0) + 1
        by_basis[case_number] = by_basis.get(case_number, 0) + 1
        if params:
            # The same parameters, whatever order or spacing they were signed in (floats too,
            # unlike canonical_json: a grouping key, not signed bytes).
            key = sorted_compact(params)
            known = subjects.get(key)
            if known is None:
                subjects[key] = (seq, iin)  # most subjects are asked about once
            else:
                if isinstance(known, tuple):
                    known = subjects[key] = _Subject(*known)
                known.users.add(iin)
                known.seqs.append(seq)

        # What the row shows by itself (bulk and one subject need the other rows).
        if state == "overdue":  # no disposition past retention (R-RES-1)
            add_flag(_flag("no_disposition", seq, person, e_resource, e_at))
            counted["no_disposition"] += 1
        if attached_to is not None and attached_to.strip() != (case_number or "").strip():
            # R-Q-2, R-CTL-5: the result went into other material than the request named.
            add_flag(_ELSEWHERE_TEMPLATE % (_KIND_TEXTS["attached_elsewhere"], seq, person.iin,
                                            _value(case_number), _value(attached_to)))
            counted["attached_elsewhere"] += 1
        if at.weekday() not in weekdays or not first_hour <= at.hour < end_hour:
            add_flag(_flag("off_hours", seq, person, e_resource, e_at))
            counted["off_hours"] += 1
        if isinstance(params, dict) and _own_iin(iin, person, params_text, params):
            # R-CTL-5: an analyst looking up their own IIN states no purpose of the Rules.
            add_flag(_flag("own_iin", seq, person, e_resource, e_at))
            counted["own_iin"] += 1


def _flag(kind: str, seq: int, person: _Person, resource: str, at: str) -> str:
    """The text of an anomaly of `kind` about one row, with the row's seq, user, resource and
    time (as the row renders them)."""
    return _FLAG_TEMPLATE % (_KIND_TEXTS[kind], seq, person.iin, resource, at)


def _own_iin(iin: str, person: _Person, text: str, params: dict[str, Any]) -> bool:
    """Whether one of the params (their JSON `text` parsed), as text and stripped, is `iin`."""
    # An IIN of digits can only be a value if the params' text holds it as it is, unless the
    # text escapes something (issue 13: most rows are answered here without the set below).
    if person.digits and iin not in text and "\\" not in text:
        return False
    return iin in {str(v).strip() for v in params.values()}


# JSON exactly as json.dumps(value, ensure_ascii=False, indent=2) renders it, made piece by
# piece; containers of plain values go through json's C encoder (the indenting one is Python).

_CONTAINERS = (dict, list, tuple)


def _fail(value: Any) -> Any:
    raise TypeError(f"{type(value).__name__} is not JSON")


@functools.cache
def _encoder(level: int) -> Callable[[Any], str]:
    """json's C encoder (when there is one) putting one item per line, `level` + 1 deep."""
    separator = ",\n" + "  " * (level + 1)
    if c_make_encoder is None:  # pragma: no cover - CPython has it
        return json.JSONEncoder(ensure_ascii=False, separators=(separator, ": ")).encode
    encode = c_make_encoder(None, _fail, encode_basestring, None, ": ", separator, False, False,
                            True)
    return lambda value: "".join(encode(value, 0))


def _dump(value: Any, level: int) -> str:
    """`value` as json.dumps(value, ensure_ascii=False, indent=2) renders it `level` deep."""
    kind = type(value)
    if kind is str:
        return encode_basestring(value)
    if kind not in _CONTAINERS:
        return json.dumps(value, ensure_ascii=False)
    if not value:
        return "{}" if kind is dict else "[]"
    inner, outer = "\n" + "  " * (level + 1), "\n" + "  " * level
    if kind is dict:
        inside = [k for k in value if type(value[k]) in _CONTAINERS and value[k]]
        if not inside:
            return "{" + inner + _encoder(level)(value)[1:-1] + outer + "}"
        # Nested containers are rendered on their own and put in place of a marker; a marker
        # is found by its key as well, and no string's JSON holds an unescaped quote.
        flat = dict(value)
        for i, k in enumerate(inside):
            flat[k] = f"\x00{i}"
        text = _encoder(level)(flat)
        for i, k in enumerate(inside):
            key = encode_basestring(str(k))
            text = text.replace(f"{key}: {encode_basestring(chr(0) + str(i))}",
                                f"{key}: {_dump(value[k], level + 1)}", 1)
        return "{" + inner + text[1:-1] + outer + "}"
    if not any(type(v) in _CONTAINERS for v in value):
        return "[" + inner + _encoder(level)(list(value))[1:-1] + outer + "]"
    return "[" + inner + ("," + inner).join(_dump(v, level + 1) for v in value) + outer + "]"


def _params_text(params: Any) -> str:
    """A row's params as _dump(params, 3) renders them, an object of plain values the short way
    (issue 13: the params of nearly every row are such, one or two strings)."""
    if params.__class__ is not dict or not params:
        return _dump(params, 3)
    for value in params.values():
        if value.__class__ in _CONTAINERS:
            return _dump(params, 3)
    return "{\n        " + _encoder(3)(params)[1:-1] + "\n      }"


def _row_text(row: dict[str, Any]) -> str:
    """A report row or anomaly as json.dumps(indent=2) renders it two levels deep: its values
    put into a template of its keys (issue 13: json's encoder spent a third of a row's cost
    re-encoding the same twenty keys and building their item tuples)."""
    values = [encode_basestring(v) if v.__class__ is str else "null" if v is None
              else int.__repr__(v) if v.__class__ is int else _dump(v, 3)
              for v in row.values()]
    return _row_template(tuple(row)) % tuple(values)


@functools.lru_cache(maxsize=16)
def _row_template(keys: tuple[str, ...]) -> str:
    """The indented text of a row with these keys, a %s for each value (no key holds a %)."""
    return "{\n      " + ",\n      ".join(encode_basestring(k) + ": %s" for k in keys) + "\n    }"


_FLAG_TEMPLATE, _ELSEWHERE_TEMPLATE = _row_template(_FLAG_KEYS), _row_template(_ELSEWHERE_KEYS)
# Values every report renders again and again, rendered once.
_ANSWERED, _REFUSED, _PENDING, _OVERDUE = map(
    encode_basestring, ("answered", "refused", "pending", "overdue"))
_KIND_TEXTS = {kind: encode_basestring(kind) for kind in (
    "no_disposition", "attached_elsewhere", "off_hours", "own_iin")}


class _JsonList:
    """A list of the report's top-level document, its items written to `file` as they come."""

    def __init__(self, file: BinaryIO | SpooledTemporaryFile[bytes]) -> None:
        self.file, self.count = file, 0
        self.pending: list[str] = []

    def add(self, item: dict[str, Any]) -> None:
        """Add an anomaly (or any row given as a dict)."""
        self.add_text(_row_text(item))

    def add_text(self, text: str) -> None:
        """Add an item already rendered, gathered a chunk at a time."""
        self.pending.append(text)
        if len(self.pending) >= _CHUNK:
            self.flush()

    def flush(self) -> None:
        if self.pending:
            # The opening written apart: joined to the chunk it would copy the chunk once more.
            self.file.write(b"[\n    " if not self.count else b",\n    ")
            self.file.write(",\n    ".join(self.pending).encode("utf-8"))
            self.count += len(self.pending)
            self.pending.clear()

    def end(self) -> None:
        """Close the list in its file."""
        self.flush()
        self.file.write(b"\n  ]" if self.count else b"[]")

    def copy_to(self, out: BinaryIO) -> None:
        """Close the list and copy it from its (spooled) file into `out`."""
        self.end()
        self.file.seek(0)
        shutil.copyfileobj(self.file, out, 1 << 20)


def to_bytes(doc: dict[str, Any]) -> bytes:
    """The report document as write() renders it."""
    return (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def sign(out: Path, signer: Signer) -> Path:
    """Sign the report written to `out` with the operator key: `out`.p7s, a detached CMS."""
    from signing.cms import sign_detached  # only an export signs: the CLI starts without it

    sig = out.with_name(out.name + ".p7s")
    sig.write_bytes(sign_detached(out.read_bytes(), signer))
    return sig


# CSI (ESC [ … final), OSC (ESC ] … BEL or ST), other two-byte escapes, and the 8-bit CSI.
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-Z\\-_]"
    r"|\x9b[0-?]*[ -/]*[@-~]")


def clean(value: object) -> str:
    """`value` as text that cannot drive a terminal: escape sequences removed, control and
    format characters (bidi overrides included) dropped, line breaks and tabs made spaces. A
    case number or a parameter is whatever the user signed, and may hold any of them."""
    text = _ESCAPES.sub("", "" if value is None else str(value))
    return "".join(" " if ch in "\t\n\r\v\f" else ch for ch in text
                   if ch in "\t\n\r\v\f"
                   or unicodedata.category(ch) not in ("Cc", "Cf", "Zl", "Zp", "Cs", "Co"))


def _disposition_cell(r: dict[str, Any]) -> str:
    if r["outcome"] != "answered":
        return ""
    state = str(r.get("disposition") or "")
    return f"{state} -> {r['attached_to']}" if r.get("attached_to") else state


def table(doc: dict[str, Any]) -> str:
    """A human-readable rendering for the terminal; every string in it is clean()ed."""
    t = doc["totals"]
    lines = [f"Requests {clean(doc['period']['from'])} .. {clean(doc['period']['to'])} "
             f"(Astana time): {t['requests']} ({t['answered']} answered, {t['refused']} refused; "
             f"{t['unattributed_refusals']} unattributed refusals)",
             "dispositions: " + ", ".join(f"{clean(k)} {v}" for k, v in t["dispositions"].items()),
             "", f"{'seq':>6}  {'at':29}  {'user':12}  {'res':>3}  {'case':20}  {'outcome':30}"
             "  disposition"]
    for r in doc["rows"]:
        outcome = r["outcome"] if r["outcome"] == "answered" else f"refused {r['code'] or ''}"
        lines.append(f"{r['seq']:>6}  {clean(r['at']):29}  {clean(r['user_iin']):12}  "
                     f"{clean(r['resource'] or ''):>3}  {clean(r['case_number'])[:20]:20}  "
                     f"{clean(outcome):30}  {clean(_disposition_cell(r))[:60]}".rstrip())
    lines += ["", f"anomalies: {len(doc['anomalies'])}"]
    lines += [f"  {clean(a['kind'])}: " + ", ".join(
        f"{clean(k)}={clean(v)}" for k, v in a.items() if k != "kind") for a in doc["anomalies"]]
    return "\n".join(lines)
