"""A stand-in Desk for widget-only tests: real catalogue and validation, no token, no network."""

from __future__ import annotations

import ipaddress
import threading
import time
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

from app.errors import DeskError
from app.selfcheck import Readers
from app.selfcheck.hardware import GIB, CpuReading, RamReading
from app.selfcheck.network import PUBLIC_PROBES, Lookup, NetworkReading, Route
from app.validation import basis_errors, params_errors
from resources.catalogue import Resource, catalogue, resource
from tests.selfcheck.readings import compliant_readers

PIN = "12345678"
SURNAME = "Сәрсенбаева"
VALID_IIN = "900514401235"  # check digit and birth date are right
USER_IIN = "870412300030"


@dataclass
class FakeDesk:
    """Same calls as app.desk.Desk; records the thread each call ran on."""

    sandbox: bool = True
    attempts_left: int | None = 3
    locked: bool = False
    query_delay: float = 0.0
    records: list[dict[str, str]] | None = None
    threads: set[int] = field(default_factory=set)
    queries: list[tuple[int, dict[str, str], Any]] = field(default_factory=list)
    downtimes: dict[int, list[Any]] = field(default_factory=dict)  # resource → app.downtime
    config: Any = field(
        default_factory=lambda: SimpleNamespace(
            gateway_url="https://127.0.0.1:8443", idle_lock_s=900.0, case_dir=None,
            retention_s=8 * 3600.0, retention_warn_s=900.0, allow_copy=True,
            clipboard_clear_s=10.0, sandbox=True, state_dir=None,
        )
    )
    present: bool = True
    agreement_required: bool = False
    agreement_signed: Any = None
    agreement_blanks: Any = None
    pin_due: bool = False
    pin: str = "12345678"
    user: Any = None
    results: list[Any] = field(default_factory=list)
    closed: bool = False
    opened: bool = False

    def _note(self) -> None:
        self.threads.add(threading.get_ident())

    def open(self) -> None:
        self._note()
        self.opened = True

    def token_info(self) -> Any:
        self._note()
        pin = SimpleNamespace(
            count_low=self.attempts_left is not None and self.attempts_left < 3,
            final_try=self.attempts_left == 1,
            locked=self.locked,
            attempts_left=self.attempts_left,
        )
        return SimpleNamespace(
            label="SIO SANDBOX",
            serial="0042",
            manufacturer="SoftHSM project",
            model="SoftHSM v2",
            kind="pkcs11",
            pin=pin,
        )

    def login(self, pin: str) -> Any:
        self._note()
        if self.locked:
            raise DeskError("pin_locked")
        if pin != self.pin:
            self.attempts_left = (self.attempts_left or 1) - 1
            if self.attempts_left <= 0:
                self.locked = True
                raise DeskError("pin_locked")
            raise DeskError("pin_incorrect", attempts_left=self.attempts_left)
        self.attempts_left = 3
        self.user = SimpleNamespace(iin=USER_IIN, name="ТЕСТОВ ТЕСТ")
        return self.user

    def resources(self) -> list[Resource]:
        self._note()
        return [r for r in catalogue().values() if r.queryable]

    def downtime(self, resource_id: int) -> list[Any]:
        self._note()
        if self.user is None:
            raise DeskError("not_logged_in")
        return list(self.downtimes.get(resource_id, []))

    def check(
        self, resource_id: int, params: dict[str, str], basis: dict[str, str]
    ) -> dict[str, str]:
        self._note()
        return {
            **params_errors(resource(resource_id), params),
            **basis_errors(
                basis.get("case_number", ""),
                basis.get("legal_ground", ""),
                basis.get("purpose", ""),
            ),
        }

    def query(self, resource_id: int, params: dict[str, str], basis: Any) -> Any:
        self._note()
        if self.user is None:
            raise DeskError("not_logged_in")
        time.sleep(self.query_delay)
        self.queries.append((resource_id, params, basis))
        rows = (
            self.records
            if self.records is not None
            else [
                {
                    "iin": params.get("iin", ""),
                    "surname": SURNAME,
                    "first_name": "Әйгерім",
                    "patronymic": "Қайратқызы",
                    "birth_date": "1990-05-14",
                    "sex": "Ә",
                    "citizenship": "Қазақстан",
                    "document": "№ 041234567",
                    "address": "Астана қ.",
                }
            ]
        )
        result = SimpleNamespace(
            journal_seq=len(self.queries) + 6,
            issued_at="2025-11-21T14:03:12+05:00",
            records=[SimpleNamespace(fields=r) for r in rows],
            truncated=False,
        )
        outcome = SimpleNamespace(
            resource=resource(resource_id),
            request=SimpleNamespace(basis=basis, params=params),
            result=result,
            response_verified=True,
            operator_serial="OP-1",
            item=f"{len(self.queries):032x}",
        )
        self.results.append(outcome)
        return outcome

    # R-RES-1: the stand-in keeps waiting results in a list; app.casefile is tested for real.
    recovery: Any = None
    materials: Any = None

    def case_overview(self) -> tuple[list[Any], list[Any]]:
        self._note()
        return [], []

    def expire(self) -> list[Any]:
        self._note()
        return []

    def expiring(self) -> list[Any]:
        self._note()
        return []

    def outcome(self, item: str) -> Any:
        self._note()
        return next(o for o in self.results if o.item == item)

    def logout(self, *, destroy_pending: bool = False) -> None:
        self._note()
        self.user = None

    def close(self) -> None:
        self.logout()
        self.closed = True

    def agreement_document(self) -> Any:
        self._note()
        return SimpleNamespace(
            version=1,
            text_kk="КЕЛІСІМ мәтіні [[city]] қаласы [[date]] [[full_name]], [[position]]",
            text_ru="Текст СОГЛАШЕНИЯ город [[city]] [[date]] [[full_name]], [[position]]",
            sha256_kk="0" * 64,
            sha256_ru="1" * 64,
        )

    def sign_agreement(self, shown: Any, blanks: Any) -> None:
        self._note()
        self.agreement_signed, self.agreement_required = shown, False
        self.agreement_blanks = blanks

    def token_present(self) -> bool:
        self._note()
        return self.present

    def pin_change_due(self) -> bool:
        self._note()
        return self.pin_due

    def change_pin(self, old: str, new: str) -> None:
        self._note()
        if old != self.pin:
            raise DeskError("pin_incorrect", attempts_left=2)
        self.pin, self.pin_due = new, False


# -- workstation self-check readings -----------------------------------------------------------


def selfcheck_readers(**over: Any) -> Readers:
    """Readings of a compliant workstation; replace one at a time: network=internet_route (FAIL,
    blocks by default), ram=low_ram (FAIL), cpu=unknown_cpu (UNDETERMINED)."""
    return compliant_readers(**over)


def internet_route() -> NetworkReading:
    """R-WS-5 broken: a default route through a public gateway."""
    route = Route(ipaddress.ip_network("0.0.0.0/0"), ipaddress.ip_address("192.0.2.1"), "eth0")
    return NetworkReading(
        tuple(Lookup(t, True, route=route) for t in PUBLIC_PROBES), (route,), "fake"
    )


def low_ram() -> RamReading:
    return RamReading(2 * GIB)


def unknown_cpu() -> CpuReading:
    return CpuReading(None)
