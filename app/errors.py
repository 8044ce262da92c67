"""The one error type the UI shows: a stable code plus values for the message template."""

from __future__ import annotations

from typing import Any


class DeskError(Exception):
    """A failure the analyst must understand; the text comes from app.messages in their language."""

    def __init__(self, code: str, /, **values: Any) -> None:
        super().__init__(code)
        self.code = code
        self.values = values

    def text(self, lang: str = "en") -> str:
        from app.messages import text

        return text(self.code, lang, **self.values)

    def __str__(self) -> str:
        return self.text("en")
