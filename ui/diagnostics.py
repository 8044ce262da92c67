"""Tools → Workstation self-check…: every check on demand, with Re-run and Print to PDF."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from app.selfcheck import Readers, SelfcheckConfig
from ui import i18n
from ui.i18n import translate
from ui.selfcheck_page import SelfcheckPage
from ui.widgets import named


class DiagnosticsDialog(QDialog):
    """Non-modal: the analyst can keep it open beside the window while fixing what it shows."""

    report_ready = Signal(object)  # Report

    def __init__(
        self,
        config: SelfcheckConfig,
        *,
        readers: Readers | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("diagnosticsDialog")
        self.setModal(False)
        self.setStyleSheet("QDialog#diagnosticsDialog { border: 1px solid #7a7a7a; }")
        self.page = SelfcheckPage(config, i18n.current(), readers=readers)
        self.page.report_ready.connect(self.report_ready)
        self.close_button = named(QPushButton(), "diagnosticsClose")
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.page, 1)
        layout.addLayout(buttons)
        self.resize(1040, 560)
        self.retranslate()

    def start(self) -> None:
        """All the checks, slow ones included (a run already under way is not restarted)."""
        self.page.run(fast_only=False)

    def shutdown(self) -> None:
        self.page.shutdown()

    def retranslate(self) -> None:
        self.setWindowTitle(translate("Diagnostics", "Diagnostics — workstation self-check"))
        self.close_button.setText(translate("Diagnostics", "C&lose"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
