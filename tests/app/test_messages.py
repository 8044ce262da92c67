"""The desk has kk/ru/en words for every wire error code a person may meet (issue 9): each code
of transport.errors.ErrorCode has its own text in app/messages.py unless it is marked internal
(a correct desk never provokes it; it is shown with the generic "the gateway refused" text)."""

from __future__ import annotations

from app import messages
from resources.i18n.reader import text as catalogue_text
from transport.errors import ErrorCode


def test_every_code_has_its_text_or_is_marked_internal() -> None:
    texts = messages._TEXTS
    for code in ErrorCode:
        source = texts.get(code.value)
        if code.internal:
            assert source is None, f"{code.value} is marked internal but has a text"
            continue
        assert source is not None, f"{code.value}: no kk/ru/en text and not marked internal"
        row = [catalogue_text("messages", source, lang) for lang in messages.LANGS]
        assert len(row) == len(messages.LANGS) and all(t.strip() for t in row), code.value
        assert len(set(row)) == len(row), f"{code.value}: a language left untranslated"


def test_a_refusal_is_told_in_its_own_words() -> None:
    """Issue 11: a refusal never shows its raw code or the gateway's English detail; texts that
    need values a refusal lacks have refusal wording of their own (app.messages._REFUSALS)."""
    for code in ErrorCode:
        for lang in messages.LANGS:
            shown = messages.text("refused", lang, code=code.value, detail="DETAIL")
            generic = messages.text("refused", lang, code="no_such_code", detail="DETAIL")
            assert (shown != generic) is not code.internal, code.value
            assert "{" not in shown and "DETAIL" not in shown, (code.value, lang, shown)
            assert code.value not in shown, (code.value, lang, shown)
    assert messages.text("param_invalid", "en", field="IIN", detail="12 digits") == (
        "Field “IIN” is invalid: 12 digits")
