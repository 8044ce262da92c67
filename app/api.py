"""What the window may ask of the desk: the typed surface `ui/` is written against (Anki's
collection / Electrum's wallet stance — the UI holds no decisions, only this protocol)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from app.casefile import Material, Receipt
    from app.config import DeskConfig
    from app.desk import QueryOutcome
    from app.downtime import Downtime
    from app.materials import CaseMaterials, Recovery
    from app.printout import Printout
    from resources.catalogue import Resource
    from signing.token import TokenInfo
    from transport.protocol import AgreementBlanks, AgreementText, Basis, UserInfo


class DeskApi(Protocol):
    """The analyst's use cases; blocking calls, run by the UI on its one worker thread."""

    config: DeskConfig
    user: UserInfo | None
    materials: CaseMaterials | None

    @property
    def sandbox(self) -> bool: ...

    @property
    def agreement_required(self) -> bool: ...

    @property
    def recovery(self) -> Recovery | None: ...

    def open(self) -> None: ...

    # -- the token and the session --------------------------------------------------------
    def token_info(self) -> TokenInfo: ...

    def token_present(self) -> bool: ...

    def login(self, pin: str) -> UserInfo: ...

    def logout(self, *, destroy_pending: bool = False) -> None: ...

    def close(self) -> None: ...

    def change_pin(self, old: str, new: str) -> None: ...

    def pin_change_due(self) -> bool: ...

    def agreement_document(self) -> AgreementText: ...

    def sign_agreement(self, shown: AgreementText, blanks: AgreementBlanks) -> None: ...

    # -- asking ----------------------------------------------------------------------------
    def resources(self) -> list[Resource]: ...

    def check(self, resource_id: int, params: dict[str, str],
              basis: dict[str, str]) -> dict[str, str]: ...

    def query(self, resource_id: int, params: dict[str, str], basis: Basis) -> QueryOutcome: ...

    def downtime(self, resource_id: int) -> list[Downtime]: ...

    # -- case material (R-RES-1) -------------------------------------------------------------
    def case_overview(self, recent: int = 20) -> tuple[list[Material], list[Receipt]]: ...

    def outcome(self, item: str) -> QueryOutcome: ...

    def printout(self, item: str, lang: str) -> Printout: ...

    def attach(self, item: str, *, printed: bool, pdf: bytes | None) -> Receipt: ...

    def destroy_unattached(self, item: str) -> Receipt: ...

    def expire(self, now: datetime | None = None) -> list[Receipt]: ...

    def expiring(self) -> list[Receipt]: ...
