"""The navigation rail (issue 11): the desk's places down the window's left edge, an icon with
its name under it; which entries show follows the signed-in user's role."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QButtonGroup, QFrame, QSizePolicy, QToolButton, QVBoxLayout, QWidget

from ui import theme
from ui.widgets import named, set_key

RAIL_WIDTH = 112  # "Материалдары (12)", the longest word of a label, fits on its line
TEXT_MARGIN = 14  # the tool button's own padding around its text


@dataclass(frozen=True)
class RailEntry:
    key: str  # also the icon's name in resources/icons
    checkable: bool  # a page of the window (stays lit), or a window of its own (opens)


ENTRIES = (
    RailEntry("query", True),
    RailEntry("case", True),
    RailEntry("account", False),
    RailEntry("reports", False),
    RailEntry("diagnostics", False),
)


class NavRail(QFrame):
    """Emits `chosen(key)`; the window decides what each key opens and which are enabled."""

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("navRail")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFixedWidth(RAIL_WIDTH)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: dict[str, QToolButton] = {}
        self._icons = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(theme.SPACING // 2, theme.SPACING, theme.SPACING // 2,
                                  theme.SPACING)
        layout.setSpacing(theme.SPACING // 2)
        for entry in ENTRIES:
            button = named(QToolButton(), f"rail_{entry.key}")
            set_key(button, "toolButtonStyle", "ToolButtonTextUnderIcon")  # issue 10: see set_key
            button.setAutoRaise(True)
            button.setCheckable(entry.checkable)
            button.setIconSize(theme.icon_size())
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.setMinimumHeight(60)
            button.clicked.connect(lambda _c=False, key=entry.key: self.chosen.emit(key))
            if entry.checkable:
                self.group.addButton(button)
            self.buttons[entry.key] = button
            layout.addWidget(button)
        layout.addStretch(1)

    def load_icons(self) -> None:
        """Draw the icons (after the first paint: QtSvg is not needed before it)."""
        self._icons = True
        for key, button in self.buttons.items():
            button.setIcon(theme.icon(key))

    def changeEvent(self, event: QEvent) -> None:
        # Light ↔ dark: the icons are drawn again in the new palette's text colour.
        if event.type() == QEvent.Type.PaletteChange and self._icons:
            self.load_icons()
        super().changeEvent(event)

    def set_label(self, key: str, text: str, tip: str = "") -> None:
        """`text` under the icon, broken between words where a line would not fit."""
        button = self.buttons[key]
        button.setText(self._wrapped(button, text))
        button.setAccessibleName(text.replace("\n", " "))
        button.setToolTip(tip or text.replace("\n", " "))

    def _wrapped(self, button: QToolButton, text: str) -> str:
        width = RAIL_WIDTH - TEXT_MARGIN - theme.SPACING
        metrics = button.fontMetrics()
        lines: list[str] = []
        for word in text.split():
            if lines and metrics.horizontalAdvance(f"{lines[-1]} {word}") <= width:
                lines[-1] = f"{lines[-1]} {word}"
            else:
                lines.append(word)
        return "\n".join(lines)

    def clear_selection(self) -> None:
        """No page of the rail is shown (signed out, or an operator's tab)."""
        checked = self.group.checkedButton()
        if checked is not None:
            self.group.setExclusive(False)
            checked.setChecked(False)
            self.group.setExclusive(True)

    def select(self, key: str) -> None:
        button = self.buttons.get(key)
        if button is not None and button.isCheckable():
            button.setChecked(True)
