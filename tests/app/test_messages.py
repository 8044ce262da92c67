"""The desk has kk/ru/en words for every wire error code a person may meet (issue 9): each code
of transport.errors.ErrorCode has its own text in app/messages.py unless it is marked internal
(a correct desk never provokes it; it is shown with the generic "the gateway refused" text)."""

from __future__ import annotations

from app import messages
from transport.errors import ErrorCode


def test_every_code_has_its_text_or_is_marked_internal() -> None:
    texts = messages._TEXTS
    for code in ErrorCode:
        row = texts.get(code.value)
        if code.internal:
            assert row is None, f"{code.value} is marked internal but has a text"
            continue
        assert row is not None, f"{code.value}: no kk/ru/en text and not marked internal"
        assert len(row) == len(messages.LANGS) and all(t.strip() for t in row), code.value
        assert len(set(row)) == len(row), f"{code.value}: a language left untranslated"


# Texts shared with the desk's own errors that need values a gateway refusal does not carry:
# those refusals keep the generic text (with the code and the gateway's detail) rather than
# showing a template's placeholders.
NEEDS_VALUES = {"param_invalid", "resource_unavailable"}


def test_a_refusal_is_told_in_its_own_words() -> None:
    for code in ErrorCode:
        for lang in messages.LANGS:
            shown = messages.text("refused", lang, code=code.value, detail="D")
            generic = messages.text("refused", lang, code="no_such_code", detail="D")
            own = not code.internal and code.value not in NEEDS_VALUES
            assert (shown != generic.replace("no_such_code", code.value)) is own, code.value
            assert "{" not in shown, (code.value, lang, shown)
    assert messages.text("param_invalid", "en", field="IIN", detail="12 digits") == (
        "Field “IIN” is invalid: 12 digits")
