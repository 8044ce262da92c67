"""What the gateway tells every user about downtime (R-Q-3): GET /v1/notices and /v1/emergency.

Only what the desk reads is declared; anything else the gateway adds is ignored."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class _Read(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


class NoticeOut(_Read):
    """Planned technical works as announced; `resources` None means every resource."""

    seq: int
    title_kk: str
    title_ru: str
    starts_at: str
    ends_at: str
    resources: list[int] | None = None


class NoticesView(_Read):
    current: list[NoticeOut]
    upcoming: list[NoticeOut]


class EmergencyRow(_Read):
    """A row of the emergency journal; open while `ended_at` is None."""

    seq: int
    started_at: str
    ended_at: str | None = None
    resources: list[int] | None = None
    over_one_hour: bool = False  # R-Q-4: the user tells the operator at once
    # App.6's columns, which the operator's console shows (R-OPS-1).
    no: int = 0
    actions: str = ""
    max_time_min: int = 0
    responsible: str = ""


class EmergencySection(_Read):
    section: str
    title_kk: str
    title_ru: str
    rows: list[EmergencyRow]


class OperatorContacts(_Read):
    """Where the operator takes outage reports (R-Q-4: by phone and e-mail, 2017 §15)."""

    phones: list[str] = []
    email: str = ""


class EmergencyView(_Read):
    sections: list[EmergencySection]
    contacts: OperatorContacts | None = None  # None from gateways that do not publish them


class WriteReceipt(_Read):
    """What the gateway answers an operator's notice or emergency write: its journal entry."""

    seq: int
    kind: str
