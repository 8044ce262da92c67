"""Finding a resource by number or by name in any language (R-Q-1): a filter box over the list."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from resources.catalogue import Resource, fold
from ui import i18n
from ui.i18n import translate
from ui.widgets import named

VISIBLE_ROWS = 7
_MOVES = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_PageDown: VISIBLE_ROWS - 1,
          Qt.Key.Key_PageUp: 1 - VISIBLE_ROWS}


def matches(resource: Resource, query: str) -> bool:
    """Every word typed is in the resource's number or its kk/ru/en name ("19", "фото сурет")."""
    haystack = resource.search_text()
    return all(word in haystack for word in fold(query).split())


def rank(resource: Resource, query: str) -> tuple[int, int]:
    """The resource whose number is exactly what was typed comes first, then catalogue order."""
    typed = fold(query).strip()
    if typed.startswith("no") and typed[2:].strip().isdigit():  # NFKC folds "№" into "No"
        typed = typed[2:].strip()
    return (0 if typed == str(resource.id) else 1, resource.id)


class ResourceFinder(QWidget):
    """A filter box and the resources it matches; arrows move, Enter or a click picks one."""

    picked = Signal(int)  # the resource id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._resources: list[Resource] = []
        self.label = QLabel()
        self.filter = named(QLineEdit(), "resourceFilter")
        self.filter.setClearButtonEnabled(True)
        self.label.setBuddy(self.filter)
        self.list = named(QListWidget(), "resourceList")
        self.list.setUniformItemSizes(True)
        self.list.setFixedHeight(self.fontMetrics().lineSpacing() * VISIBLE_ROWS + 12)
        self.none_label = named(QLabel(wordWrap=True), "resourceNone")
        self.none_label.hide()
        self.filter.textChanged.connect(self._refilter)
        self.filter.returnPressed.connect(self._pick_current)
        self.filter.installEventFilter(self)
        self.list.itemActivated.connect(self._pick_item)
        self.list.itemClicked.connect(self._pick_item)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(4)
        lay.addWidget(self.label)
        lay.addWidget(self.filter)
        lay.addWidget(self.list)
        lay.addWidget(self.none_label)
        self.retranslate()

    def set_resources(self, resources: list[Resource]) -> None:
        self._resources = list(resources)
        self._refilter()

    def shown_ids(self) -> list[int]:
        """The resource ids the list shows now, in its order."""
        return [int(self.list.item(i).data(Qt.ItemDataRole.UserRole))
                for i in range(self.list.count())]

    def focus(self) -> None:
        """Ctrl+F and opening the page: the filter box takes the keyboard, its text selected."""
        self.filter.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter.selectAll()

    def _refilter(self) -> None:
        query = self.filter.text()
        found = sorted((r for r in self._resources if matches(r, query)),
                       key=lambda r: rank(r, query))
        lang = i18n.current()
        self.list.clear()
        for res in found:
            item = QListWidgetItem(res.title(lang))
            item.setData(Qt.ItemDataRole.UserRole, res.id)
            item.setToolTip(" · ".join(res.name[x] for x in ("kk", "ru", "en") if x in res.name))
            self.list.addItem(item)
        if found:
            self.list.setCurrentRow(0)
        self.none_label.setVisible(not found and bool(self._resources))

    def _pick_current(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self._pick_item(item)

    def _pick_item(self, item: QListWidgetItem) -> None:
        self.picked.emit(int(item.data(Qt.ItemDataRole.UserRole)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Up/Down/PageUp/PageDown typed in the filter box move through the list."""
        if watched is self.filter and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            step = _MOVES.get(Qt.Key(event.key()))
            if step is not None and self.list.count():
                row = max(0, min(self.list.count() - 1, self.list.currentRow() + step))
                self.list.setCurrentRow(row)
                return True
        return super().eventFilter(watched, event)

    def retranslate(self) -> None:
        self.label.setText(translate("ResourceFinder", "&Find a resource:"))
        self.filter.setPlaceholderText(
            translate("ResourceFinder", "Number or name, e.g. 19 or photo (Ctrl+F)"))
        self.filter.setAccessibleName(translate("ResourceFinder", "Find a resource"))
        self.filter.setAccessibleDescription(translate(
            "ResourceFinder",
            "Type a number or words of the name in Kazakh, Russian or English; arrows move "
            "through the list, Enter picks."))
        self.list.setAccessibleName(translate("ResourceFinder", "Resources found"))
        self.none_label.setText(translate(
            "ResourceFinder",
            "No resource has this number or name. Clear the box to see them all."))
        lang = i18n.current()
        titles = {r.id: r.title(lang) for r in self._resources}
        for i in range(self.list.count()):
            item = self.list.item(i)
            item.setText(titles.get(int(item.data(Qt.ItemDataRole.UserRole)), item.text()))
