"""User-facing texts for every error code, in Kazakh, Russian and English."""

from __future__ import annotations

from typing import Any

LANGS = ("kk", "ru", "en")

_TEXTS: dict[str, tuple[str, str, str]] = {
    # code: (kk, ru, en)
    "pin_incorrect": (
        "PIN-код қате.{left}",
        "Неверный PIN-код.{left}",
        "Wrong PIN.{left}",
    ),
    "pin_locked": (
        "Токен бұғатталған: PIN тым көп рет қате енгізілді. PUK-кодпен бұғаттан шығарыңыз.",
        "Токен заблокирован: PIN введён неверно слишком много раз. Разблокируйте его PUK-кодом.",
        "The token is locked: the PIN was entered wrongly too many times. Unlock it with the PUK.",
    ),
    "token_absent": (
        "ЭЦҚ тасығышы табылмады. Токенді қосып, қайталаңыз.",
        "Носитель ЭЦП не найден. Подключите токен и повторите.",
        "No EDS token found. Insert the token and try again.",
    ),
    "token_error": (
        "Токен қатесі: {detail}",
        "Ошибка токена: {detail}",
        "Token error: {detail}",
    ),
    "no_key_for_purpose": (
        "Токенде қажетті кілт жоқ: {detail}",
        "На токене нет нужного ключа: {detail}",
        "The token holds no suitable key: {detail}",
    ),
    "file_key_forbidden": (
        "Файлдық жүйедегі ЭЦҚ-мен кіруге тыйым салынған (R-AUTH-4). Қорғалған токенді пайдаланыңыз.",
        "Вход с ЭЦП, хранящейся в файловой системе, запрещён (R-AUTH-4). Используйте защищённый токен.",
        "A key stored on the file system may not be used to sign in (R-AUTH-4). Use a protected token.",
    ),
    "pin_unchanged": (
        "Жаңа PIN ескісінен өзгеше болуы керек.",
        "Новый PIN должен отличаться от прежнего.",
        "The new PIN must differ from the old one.",
    ),
    "pin_invalid": (
        "Жаңа PIN-код токенге сәйкес емес: {detail}",
        "Новый PIN-код не подходит токену: {detail}",
        "The token does not accept the new PIN: {detail}",
    ),
    "pin_change_unsupported": (
        "Құм жәшіктің кілт файлының құпиясөзі мұнда өзгертілмейді; тек токеннің PIN-коды өзгереді.",
        "Пароль файла ключа песочницы здесь не меняется; меняется только PIN токена.",
        "A sandbox key file's password cannot be changed here; only a token's PIN can.",
    ),
    "not_logged_in": (
        "Алдымен ЭЦҚ-мен кіріңіз.",
        "Сначала войдите с ЭЦП.",
        "Sign in with your EDS first.",
    ),
    "basis_missing": (
        "Сұрау негізін толтырыңыз: іс/материал нөмірі, құқықтық негіз және мақсат (R-Q-2).",
        "Заполните основание запроса: номер дела/материала, правовое основание и цель (R-Q-2).",
        "Fill in the basis of the query: case/material number, legal ground and purpose (R-Q-2).",
    ),
    "param_invalid": (
        "«{field}» өрісі қате: {detail}",
        "Поле «{field}» заполнено неверно: {detail}",
        "Field “{field}” is invalid: {detail}",
    ),
    "resource_unavailable": (
        "№{resource} ресурс бұл клиентте әзірге қолжетімсіз.",
        "Ресурс №{resource} пока недоступен в этом клиенте.",
        "Resource №{resource} is not available in this client yet.",
    ),
    "response_unverified": (
        "Жауаптың қолтаңбасы расталмады, нәтиже көрсетілмейді: {detail}",
        "Подпись ответа не подтверждена, результат не показан: {detail}",
        "The response's signature did not verify, so the result is not shown: {detail}",
    ),
    "response_unbound": (
        "Жауап бұл сұрауға жатпайды (хэш сәйкес емес), нәтиже көрсетілмейді.",
        "Ответ не относится к этому запросу (хэш не совпадает), результат не показан.",
        "The response does not belong to this request (hash mismatch); the result is not shown.",
    ),
    "channel_unreachable": (
        "Қорғалған арнаға қосылу мүмкін емес: {detail}",
        "Нет соединения по защищённому каналу: {detail}",
        "Cannot reach the protected channel: {detail}",
    ),
    "policy_missing": (
        "Әкімші саясатының файлы жоқ: {path}. Шлюз мекенжайын, CA және токен модулін әкімші баптауы тиіс. Сынау үшін: sio-desk demo",
        "Нет файла политики администратора: {path}. Адрес шлюза, CA и модуль токена настраивает администратор. Для пробы: sio-desk demo",
        "No administrator policy file at {path}. The administrator sets the gateway, CA and token module there. To try the app: sio-desk demo",
    ),
    "policy_invalid": (
        "Саясат файлы қате ({path}): {detail}",
        "Ошибка в файле политики ({path}): {detail}",
        "The policy file is invalid ({path}): {detail}",
    ),
    "refused": (
        "Шлюз сұрауды қабылдамады ({code}): {detail}",
        "Шлюз отклонил запрос ({code}): {detail}",
        "The gateway refused ({code}): {detail}",
    ),
}


def text(key: str, lang: str = "en", /, **values: Any) -> str:
    """The message for error `key` in `lang` (English when the language is unknown)."""
    row = _TEXTS.get(key)
    if row is None:
        row = _TEXTS["refused"]
        values = {"code": key, "detail": values.get("detail", "")}
    idx = LANGS.index(lang) if lang in LANGS else 2
    values = {"left": _attempts(values.get("attempts_left"), idx), **values}
    template = row[idx]
    try:
        return template.format(**values)
    except (KeyError, IndexError):
        return template


def _attempts(left: object, idx: int) -> str:
    if not isinstance(left, int):
        return ""
    return (f" Қалған әрекет: {left}.", f" Осталось попыток: {left}.", f" Attempts left: {left}.")[idx]
