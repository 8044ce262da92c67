"""The App.4 application as it is printed, signed by hand and stamped (R-ACC-2, R-ACC-3): the
2022 form's labels in Kazakh or Russian, laid out by the printout renderer. No Qt here."""

from __future__ import annotations

from app.printout import Line, Printout, PrintRecord
from transport.protocol import ApplicationForm

# key: (kk, ru) — the Kazakh labels are the 2022 form's; the Russian ones translate them.
_LABELS: dict[str, tuple[str, str]] = {
    "title": ("Құқық қорғау, арнаулы мемлекеттік және өзге де органдардың ақпарат алмасу "
              "жүйесіне қолжетімділікті ұйымдастыруға электронды өтінім",
              "Электронная заявка на организацию доступа к системе информационного обмена "
              "правоохранительных, специальных государственных и иных органов"),
    "intro": ("Қызметтік міндеттерді орындау үшін төменде көрсетілген параметрлер бойынша ҚАО "
              "ААЖ-ға қол жеткізуді ұйымдастыруды сұраймын:",
              "Для исполнения служебных обязанностей прошу организовать доступ к СИО ПСО по "
              "указанным ниже параметрам:"),
    "sandbox": ("СЫНАҚ ОРТАСЫ: нақты өтінім емес", "ПЕСОЧНИЦА: не настоящая заявка"),
    "full_name": ("Тегі, аты, әкесінің аты (бар болған жағдайда) (толық)",
                  "Фамилия, имя, отчество (при наличии) (полностью)"),
    "iin": ("Жеке сәйкестендіру нөмірі (ЖСН)", "Индивидуальный идентификационный номер (ИИН)"),
    "workplace": ("Арыз иесінің жұмыс орны туралы мәліметтер",
                  "Сведения о месте работы заявителя"),
    "organization": ("Ұйымның атауы", "Наименование организации"),
    "organization_code": ("Сотқа дейінгі тергеп-тексерулердің бірыңғай тізіліміндегі ұйымның "
                          "коды",
                          "Код организации в Едином реестре досудебных расследований"),
    "bin": ("Ұйымның БСН", "БИН организации"),
    "unit": ("Құрылымдық бөлімше", "Структурное подразделение"),
    "position": ("Лауазымы", "Должность"),
    "contacts": ("Арыз иесінің байланыс деректері", "Контактные данные заявителя"),
    "work_phone": ("Жұмыс телефоны", "Рабочий телефон"),
    "mobile_phone": ("Ұялы телефоны", "Мобильный телефон"),
    "email": ("Электрондық поштасы", "Электронная почта"),
    "work_address": ("Жұмыс мекенжайы", "Рабочий адрес"),
    "action": ("Әрекет түрі", "Вид действия"),
    "registration": ("Тіркеу", "Регистрация"),
    "transfer": ("Ауыстыру", "Перемещение (редактирование)"),
    "blocking": ("Бұғаттау", "Блокировка"),
    "blocking_reason": ("Бұғаттау себебі", "Причина блокировки"),
    "controller_order": ("Ведомстволық бақылауды жүзеге асыратын лауазымды адам ретінде "
                         "тағайындау туралы басшының бұйрығы",
                         "Приказ руководителя о назначении должностным лицом, осуществляющим "
                         "ведомственный контроль"),
    "order": ("Басқа лауазымға тағайындау туралы бұйрыққа қол қойылған күн (Астана уақыты)",
              "Дата подписания приказа о назначении (время Астаны)"),
    "confirmations": ("Растаймын", "Подтверждаю"),
    "agreement_read": ("ҚАО ААЖ қолдану құқығы туралы келісіммен таныстым және келісемін.",
                       "С соглашением о правах использования СИО ПСО ознакомлен и согласен."),
    "eds_on_protected_carrier": (
        "Менде қорғалған тасымалдағышта электрондық цифрлық қолтаңбаның бар екенін растаймын.",
        "Подтверждаю наличие у меня электронной цифровой подписи на защищённом носителе."),
    "personal_data_consent": (
        "Менің дербес деректерімді ҚАО ААЖ-не тіркеу үшін беруге рұқсат етемін.",
        "Разрешаю передачу моих персональных данных для регистрации в СИО ПСО."),
    "signatures": ("Қолдар", "Подписи"),
    "date": ("Күні", "Дата"),
    "applicant_signature": ("Арыз иесінің қолы", "Подпись заявителя"),
    "head": ("Арыз иесінің басшысы: лауазымы, Т.А.Ә. (бар болған жағдайда)",
             "Руководитель заявителя: должность, Ф.И.О. (при наличии)"),
    "head_signature": ("Басшының қолы / МО", "Подпись руководителя / М.П."),
    "empty": ("", ""),
    "page": ("{page}-бет, барлығы {pages}", "Страница {page} из {pages}"),
    "qr_caption": ("QR: өтінім нысанының хэші (SHA-256)", "QR: хэш формы заявки (SHA-256)"),
    "footer": ("Қолмен қол қойылып, мөрмен расталған көшірмесі сканерленіп, электрондық "
               "өтінімге қоса беріледі (Ережелердің 5-тармағы).",
               "Копия, подписанная от руки и заверенная печатью, сканируется и прилагается к "
               "электронной заявке (п. 5 Правил)."),
}
LINE = "______________________"
TICK = "☒"
FORM_LANGS = ("kk", "ru")


def label(key: str, lang: str) -> str:
    kk, ru = _LABELS[key]
    return kk if lang == "kk" else ru


def application_printout(form: ApplicationForm, lang: str, *, sandbox: bool) -> Printout:
    """The App.4 application of `form` in Kazakh or Russian, ready for the renderer."""
    lang = lang if lang in FORM_LANGS else "ru"
    name = " ".join(p for p in (form.surname, form.name, form.patronymic) if p)
    header = (
        Line(label("full_name", lang), name),
        Line(label("iin", lang), form.iin),
    )
    workplace = PrintRecord(label("workplace", lang), (
        Line(label("organization", lang), form.organization),
        Line(label("organization_code", lang), form.organization_code),
        Line(label("bin", lang), form.bin),
        Line(label("unit", lang), form.unit),
        Line(label("position", lang), form.position),
    ))
    contacts = PrintRecord(label("contacts", lang), (
        Line(label("work_phone", lang), form.work_phone),
        Line(label("mobile_phone", lang), form.mobile_phone),
        Line(label("email", lang), form.email),
        Line(label("work_address", lang), form.work_address),
    ))
    chosen = tuple(Line(label(a, lang), TICK if form.action == a else "☐")
                   for a in ("registration", "transfer", "blocking"))
    reason = (Line(label("blocking_reason", lang), form.blocking_reason),) \
        if form.action == "blocking" else ()
    order = (Line(label("order", lang), form.appointment_order_at.replace("T", " ")[:16]),) \
        if form.action == "transfer" else ()
    role = (Line(label("controller_order", lang),
                 f"№ {form.role_order_number}, {form.role_order_date}"),) \
        if form.role == "controller" else ()
    action = PrintRecord(label("action", lang), chosen + reason + order + role)
    confirmations = PrintRecord(label("confirmations", lang), tuple(
        Line(TICK, label(c, lang))
        for c in ("agreement_read", "eds_on_protected_carrier", "personal_data_consent")))
    signatures = PrintRecord(label("signatures", lang), (
        Line(label("date", lang), form.date),
        Line(label("applicant_signature", lang), f"{LINE} / {name}"),
        Line(label("head", lang), f"{form.head_position}, {form.head_name}"),
        Line(label("head_signature", lang), LINE),
    ))
    return Printout(
        lang=lang,
        title=label("title", lang),
        sandbox_mark=label("sandbox", lang) if sandbox else None,
        header=header,
        notes=(label("intro", lang),),
        records=(workplace, contacts, action, confirmations, signatures),
        empty_text="",
        page_template=label("page", lang),
        qr_payload=f"SIO-APPLICATION;form_sha256={form.sha256()}",
        qr_caption=label("qr_caption", lang),
        footer=label("footer", lang),
    )


__all__ = ["FORM_LANGS", "application_printout", "label"]
