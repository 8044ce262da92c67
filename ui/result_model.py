"""The records of a verified result as a table model, and the proxy that filters and sorts it.

One row per record; the columns are the catalogue's fields in catalogue order, then whatever
field names the records carry that the catalogue lacks. Values are kept as one list of strings
per row, so a thousand records cost one Python call per painted cell and nothing more.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCollator,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from ui import i18n

# Fields that carry pictures rather than text: shown as images, never as table columns.
IMAGE_FIELDS = frozenset({"photo_png"})
SORT_ROLE = Qt.ItemDataRole.UserRole + 1  # an int rank: the proxy compares ints, not strings
_TOOLTIP_FROM = 60  # values longer than this also show whole in a tooltip

Index = QModelIndex | QPersistentModelIndex


def field_label(resource: Any, name: str, lang: str | None = None) -> str:
    """The catalogue's label of field `name` in `lang` (the UI's now), ru where it lacks one."""
    lang = lang or i18n.current()
    for f in getattr(resource, "fields", ()):
        if f.name == name:
            return str(f.label.get(lang) or f.label.get("ru") or name)
    return name  # a field the catalogue does not know is shown by its wire name


def column_names(resource: Any, records: Iterable[Any]) -> list[str]:
    """Catalogue order first, then extra names in the order records first carry them."""
    names = [f.name for f in getattr(resource, "fields", ())]
    seen = set(names)
    for rec in records:
        for n in rec.fields:
            if n not in seen:
                seen.add(n)
                names.append(n)
    return [n for n in names if n not in IMAGE_FIELDS]


class ResultTableModel(QAbstractTableModel):
    """Read-only records of one result; labels follow the UI language (retranslate())."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._resource: Any = None
        self._records: list[dict[str, str]] = []
        self._names: list[str] = []
        self._rows: list[list[str]] = []
        self._ranks: dict[int, list[int]] = {}  # column → rank of each row, built on first sort
        self._haystacks: list[str] | None = None

    # -- content ---------------------------------------------------------------------------

    def set_result(self, resource: Any, records: Sequence[Any]) -> None:
        self.beginResetModel()
        self._resource = resource
        self._records = [dict(r.fields) for r in records]
        self._names = column_names(resource, records)
        self._rows = [[rec.get(n, "") for n in self._names] for rec in self._records]
        self._ranks.clear()
        self._haystacks = None
        self.endResetModel()

    def clear(self) -> None:
        self.set_result(None, [])

    @property
    def resource(self) -> Any:
        return self._resource

    @property
    def names(self) -> list[str]:
        """The field name of every column, in column order."""
        return list(self._names)

    def record(self, row: int) -> dict[str, str]:
        """Every field of record `row` (source row), images included."""
        return dict(self._records[row])

    def records(self) -> list[dict[str, str]]:
        return [dict(r) for r in self._records]

    def label(self, name: str) -> str:
        return field_label(self._resource, name)

    def values(self) -> list[str]:
        """Every value of every record, row by row (images excluded: they are not text)."""
        return [v for row in self._rows for v in row]

    def haystack(self, row: int) -> str:
        """Row `row` casefolded in one string: what the filter searches."""
        if self._haystacks is None:
            self._haystacks = ["\x1f".join(r).casefold() for r in self._rows]
        return self._haystacks[row]

    def retranslate(self) -> None:
        """Header labels and collation follow the UI language."""
        self._ranks.clear()
        if self._names:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._names) - 1)

    # -- QAbstractTableModel ---------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._names)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._rows[row][col]
        if role == SORT_ROLE:
            return self._rank(col)[row]
        if role == Qt.ItemDataRole.ToolTipRole:
            value = self._rows[row][col]
            return value if len(value) > _TOOLTIP_FROM else None
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(self._names):
                return self.label(self._names[section])
            return None
        return str(section + 1)  # the record's number as received, whatever the sort

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # -- sorting ---------------------------------------------------------------------------

    def _rank(self, col: int) -> list[int]:
        """Rank of every row in column `col`: language-aware, case-blind, numbers by value."""
        ranks = self._ranks.get(col)
        if ranks is None:
            collator = QCollator(QLocale(i18n.LOCALES.get(i18n.current(), "ru_RU")))
            collator.setNumericMode(True)
            collator.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            column = [r[col] for r in self._rows]
            distinct = sorted(set(column), key=functools.cmp_to_key(collator.compare))
            place = {v: i for i, v in enumerate(distinct)}
            ranks = [place[v] for v in column]
            self._ranks[col] = ranks
        return ranks


class ResultFilterProxy(QSortFilterProxyModel):
    """Keeps the rows that contain every word typed, in any column, ignoring case."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._words: tuple[str, ...] = ()
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)

    def set_filter_text(self, text: str) -> None:
        words = tuple(text.casefold().split())
        if words == self._words:
            return
        if hasattr(self, "beginFilterChange"):  # Qt 6.9+; invalidateRowsFilter is deprecated
            self.beginFilterChange()
            self._words = words
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._words = words
            self.invalidateRowsFilter()

    def filter_text(self) -> str:
        return " ".join(self._words)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self._words:
            return True
        model = self.sourceModel()
        if not isinstance(model, ResultTableModel):
            return True
        hay = model.haystack(source_row)
        return all(w in hay for w in self._words)
