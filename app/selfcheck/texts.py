"""Self-check texts in Kazakh, Russian and English: titles, statuses, reasons, table headers."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.selfcheck.model import CheckResult

LANGS = ("kk", "ru", "en")

TITLES: dict[str, tuple[str, str, str]] = {
    "cpu": ("Процессор жиілігі", "Частота процессора", "CPU clock"),
    "ram": ("Жедел жад", "Оперативная память", "RAM"),
    "disk": ("Дискідегі бос орын", "Свободное место на диске", "Free disk space"),
    "nic": ("Желілік карта", "Сетевая карта", "Network card"),
    "internet": ("Интернетке қолжетімділік жоқ", "Нет доступа в Интернет", "No Internet access"),
    "channel": ("Қорғалған арна", "Защищённый канал", "Protected channel"),
    "token": ("ЭЦҚ тасығышы", "Носитель ЭЦП", "EDS carrier"),
    "pdf": ("PDF оқу", "Чтение PDF", "PDF reading"),
    "disk_encryption": ("Дискіні шифрлау", "Шифрование диска", "Disk encryption"),
    "swap": ("Свопинг (подкачка)", "Файл подкачки", "Swap"),
    "screen_lock": ("Экранды бұғаттау", "Блокировка экрана", "Screen lock"),
}

STATUS: dict[str, tuple[str, str, str]] = {
    "PASS": ("СӘЙКЕС", "СООТВЕТСТВУЕТ", "PASS"),
    "FAIL": ("СӘЙКЕС ЕМЕС", "НЕ СООТВЕТСТВУЕТ", "FAIL"),
    "UNDETERMINED": ("АНЫҚТАЛМАДЫ", "НЕ ОПРЕДЕЛЕНО", "UNDETERMINED"),
}

LABELS: dict[str, tuple[str, str, str]] = {
    "heading": ("Жұмыс орнын тексеру", "Проверка рабочего места", "Workstation self-check"),
    "check": ("Тексеру", "Проверка", "Check"),
    "status": ("Нәтиже", "Результат", "Result"),
    "value": ("Мәні", "Значение", "Value"),
    "threshold": ("Талап", "Требование", "Required"),
    "details": ("Түсініктеме", "Пояснение", "Details"),
    "overall": ("Жалпы нәтиже", "Общий результат", "Overall"),
    "advisory": ("кеңес", "рекомендация", "advisory"),
    "profile": ("Талаптар жинағы", "Набор требований", "Requirements profile"),
    "host": ("Компьютер", "Компьютер", "Computer"),
    "checked_at": ("Тексерілген уақыты (Астана)", "Время проверки (Астана)", "Checked at (Astana)"),
    "evidence": ("Дәлелдер", "Сведения", "Evidence"),
    "run": ("Тексеруді іске қосу", "Запустить проверку", "Run the check"),
    "running": ("Тексерілуде…", "Идёт проверка…", "Checking…"),
    "print": ("PDF-ке басып шығару", "Печать в PDF", "Print to PDF"),
    "blocking": ("Жұмысты бастау мүмкін емес", "Работа невозможна", "Cannot start"),
}

# Reason templates; placeholders come from CheckResult.value/threshold/args.
REASONS: dict[str, tuple[str, str, str]] = {
    "unknown": (
        "Мәнін анықтау мүмкін болмады (виртуалды машинада жиі кездеседі).",
        "Значение определить не удалось (часто бывает в виртуальных машинах).",
        "The value could not be determined (common in virtual machines).",
    ),
    "check_crashed": (
        "Тексеру қатемен аяқталды: {detail}",
        "Проверка завершилась ошибкой: {detail}",
        "The check failed with an error: {detail}",
    ),
    "cpu_ok": (
        "Базалық жиілік {value} ГГц, талап ≥ {threshold} ГГц.",
        "Базовая частота {value} ГГц, требуется ≥ {threshold} ГГц.",
        "Base clock {value} GHz, required ≥ {threshold} GHz.",
    ),
    "cpu_low": (
        "Базалық жиілік {value} ГГц — талаптан төмен (≥ {threshold} ГГц).",
        "Базовая частота {value} ГГц — ниже требуемой (≥ {threshold} ГГц).",
        "Base clock {value} GHz is below the required {threshold} GHz.",
    ),
    "cpu_current_only": (
        "Тек ағымдағы жиілік белгілі ({value} ГГц); базалық жиілік анықталмады.",
        "Известна только текущая частота ({value} ГГц); базовая частота не определена.",
        "Only the current clock is known ({value} GHz); the base clock could not be read.",
    ),
    "ram_ok": (
        "Жад {value} ГБ, талап ≥ {threshold} ГБ.",
        "Память {value} ГБ, требуется ≥ {threshold} ГБ.",
        "{value} GiB of RAM, required ≥ {threshold} GiB.",
    ),
    "ram_low": (
        "Жад {value} ГБ — талаптан аз (≥ {threshold} ГБ).",
        "Памяти {value} ГБ — меньше требуемых {threshold} ГБ.",
        "{value} GiB of RAM is less than the required {threshold} GiB.",
    ),
    "disk_ok": (
        "Бос орын {value} ГБ ({path}), талап ≥ {threshold} ГБ.",
        "Свободно {value} ГБ ({path}), требуется ≥ {threshold} ГБ.",
        "{value} GB free ({path}), required ≥ {threshold} GB.",
    ),
    "disk_low": (
        "Бос орын {value} ГБ ({path}) — талаптан аз (≥ {threshold} ГБ).",
        "Свободно {value} ГБ ({path}) — меньше требуемых {threshold} ГБ.",
        "{value} GB free ({path}) is less than the required {threshold} GB.",
    ),
    "nic_ok": (
        "{interface} интерфейсінің жылдамдығы {value} Мбит/с, талап ≥ {threshold} Мбит/с.",
        "Скорость интерфейса {interface} {value} Мбит/с, требуется ≥ {threshold} Мбит/с.",
        "Interface {interface} links at {value} Mbit/s, required ≥ {threshold} Mbit/s.",
    ),
    "nic_low": (
        "{interface} интерфейсінің жылдамдығы {value} Мбит/с — талаптан төмен (≥ {threshold}).",
        "Скорость интерфейса {interface} {value} Мбит/с — ниже требуемой (≥ {threshold}).",
        "Interface {interface} links at {value} Mbit/s, below the required {threshold} Mbit/s.",
    ),
    "nic_no_channel": (
        "Қорғалған арна бапталмаған: қай карта арнаға апаратыны белгісіз.",
        "Защищённый канал не настроен: неизвестно, какая карта ведёт к нему.",
        "The protected channel is not configured, so the card that carries it is unknown.",
    ),
    "nic_no_route": (
        "Шлюзге маршрут жоқ: арнаның картасын анықтау мүмкін емес.",
        "Нет маршрута к шлюзу: карту канала определить нельзя.",
        "There is no route to the gateway, so the channel's card cannot be found.",
    ),
    "nic_unknown_speed": (
        "{interface} интерфейсінің жылдамдығы белгісіз (виртуалды немесе байланыссыз).",
        "Скорость интерфейса {interface} неизвестна (виртуальный или нет связи).",
        "The link speed of {interface} is unknown (virtual or no link).",
    ),
    "internet_none": (
        "Жалпыға ортақ мекенжайларға маршрут жоқ: Интернетке шығу мүмкін емес.",
        "Маршрутов к публичным адресам нет: выхода в Интернет нет.",
        "No route to public addresses: the Internet is not reachable.",
    ),
    "internet_route": (
        "Интернетке маршрут бар: {route} (интерфейс {interface}, шлюз {gateway}). "
        "Жұмыс орнын желіден ажыратыңыз немесе әкімшіге хабарлаңыз.",
        "Есть маршрут в Интернет: {route} (интерфейс {interface}, шлюз {gateway}). "
        "Отключите рабочее место от сети или сообщите администратору.",
        "There is a route to the Internet: {route} (interface {interface}, gateway {gateway}). "
        "Disconnect the workstation or tell the administrator.",
    ),
    "internet_unknown": (
        "Интернетке қолжетімділікті толық анықтау мүмкін болмады: {detail}",
        "Не удалось полностью определить доступ в Интернет: {detail}",
        "Internet access could not be ruled out: {detail}",
    ),
    "channel_ok": (
        "Шлюзбен TLS байланысы орнатылды, {latency_ms} мс.",
        "TLS-соединение со шлюзом установлено за {latency_ms} мс.",
        "TLS handshake with the gateway completed in {latency_ms} ms.",
    ),
    "channel_not_configured": (
        "Шлюз мекенжайы немесе CA саясатта көрсетілмеген ({detail}).",
        "Адрес шлюза или CA не заданы в политике ({detail}).",
        "The gateway address or CA is not set in the policy ({detail}).",
    ),
    "channel_ca": (
        "Операторның CA файлын оқу мүмкін емес: {detail}",
        "Не удалось прочитать файл CA оператора: {detail}",
        "The operator's CA file cannot be read: {detail}",
    ),
    "channel_dns": (
        "Шлюз атауы анықталмады (DNS): {detail}",
        "Имя шлюза не разрешается (DNS): {detail}",
        "The gateway's name does not resolve (DNS): {detail}",
    ),
    "channel_refused": (
        "Шлюз қосылудан бас тартты: {detail}",
        "Шлюз отклонил соединение: {detail}",
        "The gateway refused the connection: {detail}",
    ),
    "channel_timeout": (
        "Шлюз уақытында жауап бермеді: {detail}",
        "Шлюз не ответил вовремя: {detail}",
        "The gateway did not answer in time: {detail}",
    ),
    "channel_unreachable": (
        "Шлюзге жету мүмкін емес: {detail}",
        "Шлюз недоступен: {detail}",
        "The gateway cannot be reached: {detail}",
    ),
    "channel_certificate": (
        "Шлюз сертификаты операторның CA-сымен расталмады: {detail}",
        "Сертификат шлюза не подтверждён CA оператора: {detail}",
        "The gateway's certificate is not trusted by the operator's CA: {detail}",
    ),
    "channel_tls": (
        "TLS қатесі: {detail}",
        "Ошибка TLS: {detail}",
        "TLS error: {detail}",
    ),
    "token_ok": (
        "Тасығыш қосылған: {labels}.",
        "Носитель подключён: {labels}.",
        "Carrier present: {labels}.",
    ),
    "token_software": (
        "Тек бағдарламалық токен табылды ({labels}) — бұл қорғалған тасығыш емес "
        "(Ережелерге 5-қосымшаның 8-тармағы).",
        "Найден только программный токен ({labels}) — это не защищённый носитель "
        "(п. 8 приложения 5 к Правилам).",
        "Only a software token was found ({labels}); it is not a protected carrier "
        "(Appendix 5 to the Rules, paragraph 8).",
    ),
    "token_no_support": (
        "PKCS#11 қолдауы жоқ: {detail}",
        "Нет поддержки PKCS#11: {detail}",
        "PKCS#11 support is missing: {detail}",
    ),
    "token_no_module": (
        "Тасығыш драйвері (PKCS#11 модулі) орнатылмаған.",
        "Драйвер носителя (модуль PKCS#11) не установлен.",
        "No carrier driver (PKCS#11 module) is installed.",
    ),
    "token_module_error": (
        "PKCS#11 модулі жүктелмеді: {detail}",
        "Модуль PKCS#11 не загружается: {detail}",
        "The PKCS#11 module does not load: {detail}",
    ),
    "token_absent": (
        "Драйвер бар, бірақ тасығыш қосылмаған.",
        "Драйвер есть, но носитель не подключён.",
        "The driver is installed but no carrier is connected.",
    ),
    "pdf_ok": (
        "PDF оқу бағдарламасы: {app}.",
        "Программа для чтения PDF: {app}.",
        "PDF reader: {app}.",
    ),
    "pdf_none": (
        "PDF оқу бағдарламасы табылмады.",
        "Программа для чтения PDF не найдена.",
        "No PDF reader was found.",
    ),
    "encryption_on": (
        "Деректер дискісі шифрланған ({value}).",
        "Диск с данными зашифрован ({value}).",
        "The data volume is encrypted ({value}).",
    ),
    "encryption_off": (
        "Деректер дискісі шифрланбаған: алынған нәтижелерді қорғау үшін шифрлауды қосыңыз.",
        "Диск с данными не зашифрован: включите шифрование для защиты полученных сведений.",
        "The data volume is not encrypted; enable encryption to protect results on the device.",
    ),
    "swap_ok": (
        "Подкачка дискіге шифрланбай жазылмайды ({value}).",
        "Подкачка не пишется на диск в открытом виде ({value}).",
        "Swap never reaches the disk unencrypted ({value}).",
    ),
    "swap_plain": (
        "Подкачка шифрланбаған: {value}.",
        "Подкачка не зашифрована: {value}.",
        "Swap is not encrypted: {value}.",
    ),
    "lock_on": (
        "Экран әрекетсіздікте бұғатталады ({value}).",
        "Экран блокируется при бездействии ({value}).",
        "The screen locks when idle ({value}).",
    ),
    "lock_off": (
        "Экранды автоматты бұғаттау өшірулі ({value}).",
        "Автоматическая блокировка экрана выключена ({value}).",
        "Automatic screen lock is off ({value}).",
    ),
}


def _idx(lang: str) -> int:
    return LANGS.index(lang) if lang in LANGS else 2


def title(check_id: str, lang: str = "en") -> str:
    row = TITLES.get(check_id)
    return row[_idx(lang)] if row else check_id


def status_text(status: str, lang: str = "en") -> str:
    return STATUS.get(status, (status,) * 3)[_idx(lang)]


def label(key: str, lang: str = "en") -> str:
    return LABELS[key][_idx(lang)]


def reason_text(result: CheckResult, lang: str = "en") -> str:
    """The check's finding in words, in `lang`."""
    row = REASONS.get(result.reason) or REASONS["unknown"]
    values: dict[str, Any] = {"value": result.value, "threshold": result.threshold}
    values.update({k: _fmt(v) for k, v in result.args.items()})
    try:
        return row[_idx(lang)].format(**values)
    except (KeyError, IndexError, ValueError):
        return row[_idx(lang)]


def _fmt(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return "?" if value is None else value
