"""User-facing texts for every error code, in Kazakh, Russian and English."""

from __future__ import annotations

import re
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
        "Файлдық жүйедегі ЭЦҚ-мен кіруге тыйым салынған (Ережелерге 5-қосымшаның 8-тармағы). Қорғалған токенді пайдаланыңыз.",
        "Вход с ЭЦП, хранящейся в файловой системе, запрещён (п. 8 приложения 5 к Правилам). Используйте защищённый токен.",
        "A key stored on the file system may not be used to sign in (Appendix 5 to the Rules, paragraph 8). Use a protected token.",
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
        "Сұрау негізін толтырыңыз: іс/материал нөмірі, құқықтық негіз және мақсат (Ережелердің 3-тармағы).",
        "Заполните основание запроса: номер дела/материала, правовое основание и цель (п. 3 Правил).",
        "Fill in the basis of the query: case/material number, legal ground and purpose (paragraph 3 of the Rules).",
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
    # Issue 9: an answer over the desk's size cap is dropped unread; a flood is slowed down.
    "reply_too_large": (
        "Шлюздің жауабы рұқсат етілген көлемнен асып кетті, ол қабылданбады: {detail}",
        "Ответ шлюза превысил допустимый размер и не принят: {detail}",
        "The gateway's answer is larger than allowed and was not accepted: {detail}",
    ),
    "rate_limited": (
        "Бұл жұмыс орнынан сұраулар тым жиі жіберілді. Біраз күтіп, қайталаңыз.",
        "С этого рабочего места слишком часто отправлялись запросы. Подождите немного и повторите.",
        "Too many requests from this workstation. Wait a little and try again.",
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
    # R-AUTH-2/3, R-ACC-*: refusals the analyst must understand without the code.
    "no_agreement": (
        "Алдымен ҚАО ААЖ-ны пайдалану құқықтары туралы келісімге ЭЦҚ-мен қол қойыңыз.",
        "Сначала подпишите ЭЦП соглашение о правах использования СИО ПСО.",
        "Sign the agreement on rights of use with your EDS first.",
    ),
    "agreement_required": (
        "Алғаш кіргенде келісімге ЭЦҚ-мен қол қою қажет (Ережелердің 10-тармағы).",
        "При первом входе необходимо подписать соглашение ЭЦП (п. 10 Правил).",
        "On first entry the agreement must be signed with your EDS (paragraph 10 of the Rules).",
    ),
    "agreement_mismatch": (
        "Келісімнің жаңа нұсқасы күшіне енді. Мәтінді қайта ашып, қол қойыңыз.",
        "Вступила в силу новая редакция соглашения. Откройте текст заново и подпишите.",
        "A new version of the agreement is in force. Open the text again and sign it.",
    ),
    "agreement_already_signed": (
        "Келісімнің бұл нұсқасына қол қойылған.",
        "Эта редакция соглашения уже подписана.",
        "This version of the agreement is already signed.",
    ),
    "agreement_text_mismatch": (
        "Келісім мәтіні оның хэшіне сәйкес емес; қол қоюға болмайды.",
        "Текст соглашения не совпадает с его хэшем; подписывать нельзя.",
        "The agreement text does not match its hash; it cannot be signed.",
    ),
    "user_blocked": (
        "Сіздің қолжетімділігіңіз бұғатталған. ҚАО ААЖ операторына хабарласыңыз.",
        "Ваш доступ заблокирован. Обратитесь к оператору СИО ПСО.",
        "Your access is blocked. Contact the system operator.",
    ),
    "blocked_own_request": (
        "Есептік жазбаңыз өз өтініміңіз бойынша бұғатталған (жұмыс орнында екі айдан астам болмау). Қайтып оралғанда тіркеуге жаңа электрондық өтінім беріңіз.",
        "Ваша учетная запись заблокирована по вашей заявке (отсутствие на рабочем месте более двух месяцев). По возвращении подайте новую электронную заявку на регистрацию.",
        "Your account is blocked at your own request (absence from the workplace of more than two months). On your return, file a new electronic application for registration.",
    ),
    "not_registered": (
        "Сіз ҚАО ААЖ-да тіркелмегенсіз: тіркеуге электрондық өтінім беріңіз.",
        "Вы не зарегистрированы в СИО ПСО: подайте электронную заявку на регистрацию.",
        "You are not registered: file an electronic application for registration.",
    ),
    # Issue 9: revocation fails closed; a revoked login certificate ends the session.
    "certificate_revocation_unknown": (
        "Сертификаттың кері қайтарылмағанын анықтау мүмкін емес (өзекті CRL немесе OCSP жауабы "
        "жоқ). ҚАО ААЖ операторына хабарласыңыз.",
        "Невозможно установить, не отозван ли сертификат (нет актуального CRL или ответа OCSP). "
        "Обратитесь к оператору СИО ПСО.",
        "The certificate's revocation status cannot be established (no current CRL or OCSP "
        "answer). Contact the system operator.",
    ),
    "session_revoked": (
        "Кіру сертификатыңыз кері қайтарылды, сеанс аяқталды. Жарамды сертификатпен қайта "
        "кіріңіз.",
        "Сертификат входа отозван, сеанс завершён. Войдите снова с действующим сертификатом.",
        "Your sign-in certificate has been revoked and the session has ended. Sign in again "
        "with a valid certificate.",
    ),
    "application_invalid": (
        "Өтінімнің өрісі қате: {detail}",
        "Поле заявки заполнено неверно: {detail}",
        "A field of the application is invalid: {detail}",
    ),
    "iin_invalid": (
        "ЖСН бақылау цифрынан өтпейді.",
        "ИИН не проходит проверку контрольной цифры.",
        "The IIN fails its check digit.",
    ),
    "bin_invalid": (
        "БСН бақылау цифрынан өтпейді.",
        "БИН не проходит проверку контрольной цифры.",
        "The BIN fails its check digit.",
    ),
    "confirmation_missing": (
        "Өтінімнің үш растауын да белгілеңіз.",
        "Отметьте все три подтверждения заявки.",
        "Tick all three confirmations of the application.",
    ),
    "blocking_reason_missing": (
        "Бұғаттау себебін көрсетіңіз.",
        "Укажите причину блокировки.",
        "State the reason for blocking.",
    ),
    "application_date_invalid": (
        "Өтінім күні болашақта немесе ескірген.",
        "Дата заявки в будущем или устарела.",
        "The application date is in the future or out of date.",
    ),
    "application_pdf_invalid": (
        "Өтінімнің PDF файлы оқылмайды немесе қол қойылмаған: {detail}",
        "PDF заявки не читается или не подписан: {detail}",
        "The application PDF is unreadable or unsigned: {detail}",
    ),
    "scan_missing": (
        "Қол қойылған PDF-ке қағаз нұсқасының сканерленген көшірмесін тіркеңіз.",
        "Вложите в подписанный PDF скан-копию бумажного экземпляра.",
        "Embed the scanned paper copy in the signed PDF.",
    ),
    "applicant_mismatch": (
        "PDF-ке өтініш беруші қол қоймаған.",
        "PDF подписан не заявителем.",
        "The PDF is not signed by the applicant.",
    ),
    "already_registered": (
        "Бұл ЖСН тіркелген; ауыстыруға өтінім беріңіз.",
        "Этот ИИН уже зарегистрирован; подайте заявку на перемещение.",
        "This IIN is already registered; file a transfer application.",
    ),
    # R-RES-1: the vault, the case file and attaching results to case material.
    "no_state_dir": (
        "Жұмыс станциясының деректер қалтасы көрсетілмеген: нәтижені қауіпсіз сақтау мүмкін емес. Әкімшіге хабарласыңыз.",
        "Не задана папка данных рабочей станции: результат негде безопасно хранить. Обратитесь к администратору.",
        "No data folder is configured for this workstation: the result cannot be kept safely. Contact the administrator.",
    ),
    "vault_write_failed": (
        "Нәтижені шифрланған қоймаға жазу мүмкін болмады ({detail}). Нәтиже жойылды және журналда көрсетілді; сұрауды қайталаңыз.",
        "Не удалось записать результат в зашифрованное хранилище ({detail}). Результат уничтожен, это отражено в журнале; повторите запрос.",
        "The result could not be written to the encrypted vault ({detail}). It was destroyed and the journal is told; send the query again.",
    ),
    "vault_missing": (
        "Нәтиже қоймада жоқ: ол жойылған болуы мүмкін.",
        "Результата нет в хранилище: возможно, он уже уничтожен.",
        "The result is not in the vault: it may have been destroyed already.",
    ),
    "vault_damaged": (
        "Қоймадағы нәтиже зақымдалған немесе оның кілті жоқ; ол ашылмайды.",
        "Результат в хранилище повреждён или его ключ утрачен; он не будет открыт.",
        "The result in the vault is damaged or its key is gone; it will not be opened.",
    ),
    "vault_destroy_failed": (
        "Нәтиженің жергілікті көшірмесін жою мүмкін болмады: {detail}. Әкімшіге хабарласыңыз.",
        "Не удалось уничтожить локальную копию результата: {detail}. Обратитесь к администратору.",
        "The local copy of the result could not be destroyed: {detail}. Contact the administrator.",
    ),
    "casefile_unreadable": (
        "Нәтижелер есебі ({path}) оқылмайды: {detail}. Ештеңе жойылған жоқ; әкімшіге хабарласыңыз.",
        "Учёт результатов ({path}) не читается: {detail}. Ничего не удалено; обратитесь к администратору.",
        "The results register ({path}) cannot be read: {detail}. Nothing was removed; contact the administrator.",
    ),
    "casefile_write_failed": (
        "Нәтижелер есебіне жазу мүмкін болмады ({detail}); дискіде орын бар ма, тексеріңіз.",
        "Не удалось записать в учёт результатов ({detail}); проверьте, есть ли место на диске.",
        "The results register could not be written ({detail}); check that the disk has space.",
    ),
    "already_running": (
        "SIO Desk осы деректер қалтасымен ({path}) басқа терезеде ашық. Сол терезені пайдаланыңыз.",
        "SIO Desk уже открыт с этой папкой данных ({path}) в другом окне. Используйте его.",
        "SIO Desk is already open with this data folder ({path}) in another window. Use that one.",
    ),
    "result_not_pending": (
        "Бұл нәтиже қосылып немесе жойылып қойған.",
        "Этот результат уже приобщён или уничтожен.",
        "This result has already been attached or destroyed.",
    ),
    "result_unknown": (
        "Мұндай нәтиже осы жұмыс станциясында жоқ.",
        "Такого результата на этой рабочей станции нет.",
        "There is no such result on this workstation.",
    ),
    "attach_nothing": (
        "Басып шығаруды немесе экспорттауды таңдаңыз.",
        "Выберите печать или экспорт.",
        "Choose to print or to export.",
    ),
    "case_dir_missing": (
        "Іс материалдарына арналған қалта әкімшінің саясатында көрсетілмеген; экспорттау мүмкін емес, басып шығаруға болады.",
        "Папка для материалов дела не задана в политике администратора; экспорт невозможен, печать доступна.",
        "The administrator's policy names no folder for case material; export is not possible, printing is.",
    ),
    "printout_exists": (
        "Басып шығарылған нұсқа бар: {path}. Ол қайта жазылмайды.",
        "Распечатка уже существует: {path}. Она не будет перезаписана.",
        "The printout already exists: {path}. It will not be overwritten.",
    ),
    "export_failed": (
        "Басып шығарылған нұсқаны {path} жолына жазу мүмкін болмады: {detail}. Нәтиже қоймада қалды.",
        "Не удалось записать распечатку в {path}: {detail}. Результат остался в хранилище.",
        "The printout could not be written to {path}: {detail}. The result stays in the vault.",
    ),
    "disposition_unknown": (
        "Шлюз бұл нәтиженің сұрауын таппады; қолтаңбалы есеп қабылданбады.",
        "Шлюз не нашёл запрос этого результата; подписанный отчёт не принят.",
        "The gateway does not know this result's query; the signed report was not accepted.",
    ),
    "disposition_foreign": (
        "Бұл нәтиже басқа пайдаланушының сұрауына тиесілі.",
        "Этот результат относится к запросу другого пользователя.",
        "This result belongs to another user's query.",
    ),
    "disposition_malformed": (
        "Нәтиже туралы есеп шлюз күткен түрде емес; ол қайта жіберілмейді. Әкімшіге хабарласыңыз.",
        "Отчёт о результате не в том виде, который ожидает шлюз; он не будет отправлен повторно. Обратитесь к администратору.",
        "The report on the result is not in the form the gateway expects; it will not be re-sent. Contact the administrator.",
    ),
    "disposition_time_invalid": (
        "Нәтиженің жойылу уақыты шлюз сағатымен сәйкес келмейді; жұмыс станциясының сағатын тексеріңіз.",
        "Время уничтожения результата не согласуется с часами шлюза; проверьте часы рабочей станции.",
        "The time the result was destroyed does not agree with the gateway's clock; check the workstation's clock.",
    ),
    "printout_missing": (
        "Экспортталған нұсқаның хэші жоқ; есеп қабылданбады.",
        "Нет хэша экспортированной распечатки; отчёт не принят.",
        "The exported printout's hash is missing; the report was not accepted.",
    ),
    "disposition_exists": (
        "Бұл нәтиженің тағдыры журналда тіркеліп қойған.",
        "Судьба этого результата уже отражена в журнале.",
        "What became of this result is already in the journal.",
    ),
    # Applications and operator commands (R-ACC-2..8).
    "application_form_mismatch": (
        "Қол қойылған PDF бұл өтініш нысанын қамтымайды; PDF-ті қайта жасап, қол қойыңыз.",
        "Подписанный PDF не содержит эту форму заявления; сформируйте PDF заново и подпишите.",
        "The signed PDF does not carry this application form; generate the PDF again and sign it.",
    ),
    "application_signature_stale": (
        "Өтінішке берер алдында қол қойылмаған (24 сағаттан бұрын немесе өтініш күнінен бұрын); қайта қол қойыңыз.",
        "Заявление подписано не перед подачей (более 24 часов назад или раньше даты заявления); подпишите заново.",
        "The application was not signed just before filing (over 24 hours ago, or before its date); sign it again.",
    ),
    "application_replayed": (
        "Бұл қол қойылған өтініш бұрын берілген.",
        "Это подписанное заявление уже подано.",
        "This signed application has already been filed.",
    ),
    "blocking_not_allowed": (
        "Бұғаттауға өтінішті пайдаланушының өзі, оның ұйымының бақылаушысы немесе оператор ғана бере алады.",
        "Заявление на блокирование подаёт только сам пользователь, контролёр его организации или оператор.",
        "Only the user, a controller of their organisation or the operator may file a blocking application.",
    ),
    "last_operator": (
        "Соңғы белсенді операторды бұғаттауға болмайды.",
        "Нельзя заблокировать последнего активного оператора.",
        "The last active operator cannot be blocked.",
    ),
    "not_blocked": (
        "Бұл пайдаланушы бұғатталмаған.",
        "Этот пользователь не заблокирован.",
        "This user is not blocked.",
    ),
    "time_invalid": (
        "Уақыт 2000–2099 жылдар аралығында, белдеуі −12:00…+14:00 болуы керек.",
        "Время должно быть в 2000–2099 годах со смещением от −12:00 до +14:00.",
        "The time must fall in 2000–2099 with an offset between −12:00 and +14:00.",
    ),
    "resources_invalid": (
        "Ресурстар: 1–52 аралығындағы әртүрлі нөмірлер.",
        "Ресурсы: различные номера от 1 до 52.",
        "Resources must be distinct numbers 1 to 52.",
    ),
    # Every other wire code of transport.errors.ErrorCode that is not marked internal has its
    # own text (tests/app/test_messages.py): signatures and certificates, the session, freshness,
    # downtime, the operator's console, and the gateway's own failures.
    "resource_not_allowed": (
        "Сіздің рөліңізге бұл ресурсқа қолжетімділік берілмеген.",
        "Вашей роли доступ к этому ресурсу не предоставлен.",
        "Your role has no access to this resource.",
    ),
    "challenge_invalid": (
        "Кіру сұрауының мерзімі өтіп кетті немесе ол пайдаланылған. Қайта кіріңіз.",
        "Запрос на вход устарел или уже использован. Войдите снова.",
        "The sign-in challenge has expired or was already used. Sign in again.",
    ),
    "signature_invalid": (
        "Қолтаңба расталмады: {detail}",
        "Подпись не подтверждена: {detail}",
        "The signature did not verify: {detail}",
    ),
    "signature_unsupported": (
        "Шлюз бұл қолтаңба алгоритміне қолдау көрсетпейді.",
        "Шлюз не поддерживает алгоритм этой подписи.",
        "The gateway does not support this signature's algorithm.",
    ),
    "certificate_untrusted": (
        "Сертификат сенімді куәландырушы орталыққа дейін тексерілмейді. Әкімшіге хабарласыңыз.",
        "Сертификат не восходит к доверенному удостоверяющему центру. Обратитесь к администратору.",
        "The certificate does not chain to a trusted certification authority. Contact the administrator.",
    ),
    "certificate_expired": (
        "ЭЦҚ сертификатының мерзімі өткен. Жаңа сертификат алыңыз.",
        "Срок действия сертификата ЭЦП истёк. Получите новый сертификат.",
        "The EDS certificate has expired. Obtain a new certificate.",
    ),
    "certificate_not_yet_valid": (
        "ЭЦҚ сертификаты әлі күшіне енбеген; жұмыс станциясының сағатын тексеріңіз.",
        "Сертификат ЭЦП ещё не действует; проверьте часы рабочей станции.",
        "The EDS certificate is not valid yet; check the workstation's clock.",
    ),
    "certificate_revoked": (
        "ЭЦҚ сертификаты кері қайтарылған. Жарамды сертификатты пайдаланыңыз.",
        "Сертификат ЭЦП отозван. Используйте действующий сертификат.",
        "The EDS certificate has been revoked. Use a valid certificate.",
    ),
    "wrong_key_usage": (
        "Бұл кілт осы мақсатқа арналмаған: кіру аутентификация кілтімен, ал сұраулар мен құжаттарға қол қою кілтімен қол қойылады.",
        "Ключ не предназначен для этой цели: вход выполняется ключом аутентификации, а запросы и документы подписываются ключом подписи.",
        "The key is not meant for this: sign in with the authentication key, and sign queries and documents with the signing key.",
    ),
    "session_invalid": (
        "Сеанс аяқталды немесе жарамсыз. Қайта кіріңіз.",
        "Сеанс завершён или недействителен. Войдите снова.",
        "The session has ended or is not valid. Sign in again.",
    ),
    "iin_mismatch": (
        "Қолтаңба жүйеге кірген пайдаланушыға тиесілі емес: өз ЭЦҚ-ңызбен қол қойыңыз.",
        "Подпись принадлежит не вошедшему пользователю: подписывайте своей ЭЦП.",
        "The signature is not the signed-in user's: sign with your own EDS.",
    ),
    "nonce_replayed": (
        "Бұл сұрау бұрын қабылданған; ол қайта орындалмайды.",
        "Этот запрос уже был принят; повторно он не выполняется.",
        "This request was already received; it is not carried out again.",
    ),
    "clock_skew": (
        "Жұмыс станциясының сағаты оператордың сағатынан тым алшақ. Сағатты тексеріп, қайталаңыз.",
        "Часы рабочей станции слишком расходятся с часами оператора. Проверьте часы и повторите.",
        "The workstation's clock is too far from the operator's. Check the clock and try again.",
    ),
    "maintenance": (
        "Ресурс жоспарлы техникалық жұмыстарға байланысты уақытша қолжетімсіз: {detail}",
        "Ресурс временно недоступен из-за плановых технических работ: {detail}",
        "The resource is temporarily unavailable for planned technical works: {detail}",
    ),
    "emergency_downtime": (
        "Ресурс төтенше жағдайға байланысты уақытша қолжетімсіз. Кейінірек қайталаңыз.",
        "Ресурс временно недоступен из-за внештатной ситуации. Повторите позже.",
        "The resource is temporarily unavailable because of an emergency. Try again later.",
    ),
    "operator_only": (
        "Мұны тек оператор жасай алады.",
        "Это может сделать только оператор.",
        "Only the operator may do this.",
    ),
    "controller_only": (
        "Есептерді тек бақылаушы немесе оператор көре алады.",
        "Отчёты доступны только контролёру или оператору.",
        "Only a controller or the operator may see reports.",
    ),
    "emergency_not_open": (
        "Төтенше жағдайлар журналында мұндай нөмірмен ашық жазба жоқ.",
        "В журнале внештатных ситуаций нет открытой записи с таким номером.",
        "The emergency journal has no open row with that number.",
    ),
    "application_not_found": (
        "Мұндай өтінім жоқ.",
        "Такой заявки нет.",
        "There is no such application.",
    ),
    "application_decided": (
        "Бұл өтінім бойынша шешім қабылданып қойған.",
        "По этой заявке решение уже принято.",
        "This application has already been decided.",
    ),
    "refusal_reason_missing": (
        "Бас тарту себебін көрсетіңіз.",
        "Укажите причину отказа.",
        "State the reason for the refusal.",
    ),
    "request_timeout": (
        "Сұрау шлюзге уақытында жетпеді; байланысты тексеріп, қайталаңыз.",
        "Запрос не дошёл до шлюза вовремя; проверьте связь и повторите.",
        "The request did not reach the gateway in time; check the connection and try again.",
    ),
    "journal_unavailable": (
        "Оператордың журналына қазір жазу мүмкін емес, сондықтан ештеңе орындалмады. Кейінірек қайталаңыз.",
        "Журнал оператора сейчас недоступен для записи, поэтому ничего не выполнено. Повторите позже.",
        "The operator's journal cannot be written right now, so nothing was done. Try again later.",
    ),
    "internal_error": (
        "Шлюзде ішкі қате болды; ештеңе орындалмады. Кейінірек қайталаңыз немесе операторға хабарласыңыз.",
        "Внутренняя ошибка шлюза; ничего не выполнено. Повторите позже или обратитесь к оператору.",
        "The gateway had an internal error; nothing was done. Try again later or contact the operator.",
    ),
    "report_malformed": (
        "Шлюздің есебі оқылмады: {detail}",
        "Отчёт шлюза не читается: {detail}",
        "The gateway's report cannot be read: {detail}",
    ),
    "verifier_missing": (
        "Журнал мұрағатын тексеру құралы (sio-gateway) осы жұмыс орнында орнатылмаған.",
        "Средство проверки архива журнала (sio-gateway) не установлено на этом рабочем месте.",
        "The journal archive verifier (sio-gateway) is not installed on this workstation.",
    ),
    "archive_unverifiable": (
        "Мұрағатты тексеру мүмкін болмады: {detail}",
        "Архив проверить не удалось: {detail}",
        "The archive could not be verified: {detail}",
    ),
    # A refusal whose own code is internal (a correct desk never provokes it): no raw code and
    # no English detail is shown; the code stays in the desk's log.
    "refused": (
        "Шлюз сұрауды қабылдамады. Қайталап көріңіз; қате қайталанса, ҚАО ААЖ операторына хабарласыңыз.",
        "Шлюз отклонил запрос. Повторите попытку; если ошибка повторится, обратитесь к оператору СИО ПСО.",
        "The gateway refused the request. Try again; if it happens again, contact the system operator.",
    ),
}


# Gateway refusals whose ordinary text needs values a refusal does not carry, or would show the
# gateway's English detail: told without them, each with what to do next.
_REFUSALS: dict[str, tuple[str, str, str]] = {
    "param_invalid": (
        "Шлюз сұрау параметрлерін қабылдамады. Параметрлерді тексеріп, сұрауды қайта жіберіңіз.",
        "Шлюз не принял параметры запроса. Проверьте параметры и отправьте запрос снова.",
        "The gateway did not accept the query's parameters. Check them and send the query again.",
    ),
    "param_named": (
        "Шлюз сұрау параметрлерін қабылдамады: {fields} — {reason}. Түзетіп, қайта жіберіңіз.",
        "Шлюз не принял параметры запроса: {fields} — {reason}. Исправьте и отправьте снова.",
        "The gateway did not accept the query's parameters: {fields} — {reason}. Correct them "
        "and send again.",
    ),
    "resource_unavailable": (
        "Бұл ресурс шлюзде әзірге қызмет көрсетпейді. Басқа ресурсты таңдаңыз немесе операторға хабарласыңыз.",
        "Этот ресурс пока не обслуживается шлюзом. Выберите другой ресурс или обратитесь к оператору.",
        "The gateway does not serve this resource yet. Choose another resource or contact the operator.",
    ),
    "signature_invalid": (
        "Қолтаңба расталмады. Қайта қол қойып жіберіңіз; қайталанса, әкімшіге хабарласыңыз.",
        "Подпись не подтверждена. Подпишите и отправьте снова; если повторится, обратитесь к администратору.",
        "The signature did not verify. Sign and send again; if it happens again, contact the administrator.",
    ),
    "application_invalid": (
        "Өтінімнің бір өрісі қате толтырылған. Өрістерді тексеріп, өтінімді қайта беріңіз.",
        "Поле заявки заполнено неверно. Проверьте поля и подайте заявку снова.",
        "A field of the application is invalid. Check the fields and file the application again.",
    ),
    "application_pdf_invalid": (
        "Өтінімнің PDF файлы оқылмайды немесе қол қойылмаған. PDF-ті қайта жасап, қол қойыңыз.",
        "PDF заявки не читается или не подписан. Сформируйте PDF заново и подпишите его.",
        "The application PDF is unreadable or unsigned. Generate the PDF again and sign it.",
    ),
    "maintenance": (
        "Ресурс жоспарлы техникалық жұмыстарға байланысты уақытша қолжетімсіз{until}. Жұмыстар аяқталған соң қайталаңыз.",
        "Ресурс временно недоступен из-за плановых технических работ{until}. Повторите после их окончания.",
        "The resource is temporarily unavailable for planned technical works{until}. Try again when they are over.",
    ),
}
_UNTIL = (" ({at} дейін)", " (до {at})", " (until {at})")
# gateway/resolvers.py writes a parameter refusal's detail as "<reason> <name,...>: <English>".
_PARAM_DETAIL = re.compile(r"([a-z_]+) ([a-z_]+(?:,[a-z_]+)*): ")
_ISO_UNTIL = re.compile(r"until (\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})")
# gateway/registry.py names the newest block's reason after "; reason: ".
_BLOCK_REASON = re.compile(r"; reason: (.+)$", re.S)
_BLOCKED_WHY = (
    "Сіздің қолжетімділігіңіз бұғатталған. Себебі: «{reason}». ҚАО ААЖ операторына немесе "
    "ведомстволық бақылауды жүзеге асыратын лауазымды адамға хабарласыңыз.",
    "Ваш доступ заблокирован. Причина: «{reason}». Обратитесь к оператору СИО ПСО или к "
    "должностному лицу, осуществляющему ведомственный контроль.",
    "Your access is blocked. Reason: “{reason}”. Contact the system operator or the official "
    "in charge of departmental control.",
)


def text(key: str, lang: str = "en", /, **values: Any) -> str:
    """The message for error `key` in `lang` (English when the language is unknown)."""
    idx = LANGS.index(lang) if lang in LANGS else 2
    if key == "refused":
        return _refusal(str(values.get("code", "")), str(values.get("detail", "")), idx, lang)
    row = _TEXTS.get(key)
    if row is None:
        return _TEXTS["refused"][idx]
    values = {"left": _attempts(values.get("attempts_left"), idx), **values}
    if "reason" in values and "detail" not in values:
        values["detail"] = reason_text(str(values["reason"]), lang)
    if "field" in values:
        values["field"] = param_label(str(values["field"]), lang)
    try:
        return row[idx].format(**values)
    except (KeyError, IndexError):
        return row[idx]


def _refusal(code: str, detail: str, idx: int, lang: str) -> str:
    """A gateway refusal in the analyst's words: never its code, never its English detail."""
    if code == "param_invalid" and (m := _PARAM_DETAIL.match(detail)) and m[1] in _REASONS:
        fields = ", ".join(f"«{param_label(n, lang)}»" for n in m[2].split(","))
        return _REFUSALS["param_named"][idx].format(fields=fields, reason=reason_text(m[1], lang))
    if code == "user_blocked" and (m := _BLOCK_REASON.search(detail)):
        # 2022 §17: the user is told why (the reason as the controller or operator wrote it).
        return _BLOCKED_WHY[idx].format(reason=m[1].strip())
    if code == "maintenance":
        at = _ISO_UNTIL.search(detail)
        until = _UNTIL[idx].format(at=f"{at[1]} {at[2]}") if at else ""
        return _REFUSALS["maintenance"][idx].format(until=until)
    row = _REFUSALS.get(code) or _TEXTS.get(code) or _TEXTS["refused"]
    try:
        return row[idx].format(left="", detail="")
    except (KeyError, IndexError):
        return _TEXTS["refused"][idx]


def param_label(name: str, lang: str) -> str:
    """A query parameter's label in `lang` as the catalogue names it; other names as they are."""
    from resources.catalogue import catalogue

    for res in catalogue().values():
        for p in res.all_params:
            if p.name == name:
                return p.label.get(lang) or p.label["ru"]
    return name


def _attempts(left: object, idx: int) -> str:
    if not isinstance(left, int):
        return ""
    return (f" Қалған әрекет: {left}.", f" Осталось попыток: {left}.", f" Attempts left: {left}.")[idx]


# Reason codes of app.validation (why a form field cannot be sent), in kk / ru / en.
_REASONS: dict[str, tuple[str, str, str]] = {
    "required": ("міндетті өріс", "обязательное поле", "required"),
    "iin_digits": ("ЖСН 12 цифрдан тұрады", "ИИН состоит из 12 цифр", "an IIN has 12 digits"),
    "iin_check": ("ЖСН-нің бақылау цифры немесе күні қате", "неверна контрольная цифра или дата ИИН", "the IIN's check digit or date is wrong"),
    "bin_digits": ("БСН 12 цифрдан тұрады", "БИН состоит из 12 цифр", "a BIN has 12 digits"),
    "bin_check": ("БСН-нің бақылау цифры қате", "неверна контрольная цифра БИН", "the BIN's check digit is wrong"),
    "iin_or_bin_digits": ("ЖСН немесе БСН 12 цифрдан тұрады", "ИИН или БИН состоит из 12 цифр", "an IIN or BIN has 12 digits"),
    "iin_or_bin_check": ("жарамды ЖСН де, БСН де емес", "это не действительный ИИН и не БИН", "neither a valid IIN nor a valid BIN"),
    "date_format": ("күн ЖЖЖЖ-АА-КК түрінде", "дата в виде ГГГГ-ММ-ДД", "a date is YYYY-MM-DD"),
    "plate_format": ("мемлекеттік нөмір 123ABC02 сияқты", "госномер вида 123ABC02", "a plate number looks like 123ABC02"),
    "vin_format": ("VIN — 17 әріп пен цифр (I, O, Q жоқ)", "VIN — 17 букв и цифр (без I, O, Q)", "a VIN has 17 letters and digits (no I, O, Q)"),
    "phone_format": ("телефон нөмірі +77011234567 сияқты", "номер телефона вида +77011234567", "a phone number looks like +77011234567"),
    "text_too_long": ("ең көбі {max} таңба", "не более {max} символов", "at most {max} characters"),
    "text_invisible": ("көрінетін әріптер немесе цифрлар жоқ", "нет видимых букв или цифр", "no visible letters or digits"),
    "text_control": ("басқару таңбаларына жол берілмейді", "управляющие символы недопустимы", "control characters are not allowed"),
    "type_unknown": ("параметр түрі белгісіз", "неизвестный тип параметра", "unknown parameter type"),
    "not_a_param": ("бұл ресурстың параметрі емес", "не параметр этого ресурса", "not a parameter of this resource"),
    "name_letters": ("тек әріптер, бос орын, дефис немесе апостроф", "только буквы, пробел, дефис или апостроф", "letters, spaces, hyphens or apostrophes only"),
    "name_too_long": ("ең көбі {max_name} таңба", "не более {max_name} символов", "at most {max_name} characters"),
    "document_format": ("құжат нөмірі — 5–15 латын бас әрпі мен цифр, мысалы N12345678", "номер документа — 5–15 заглавных латинских букв и цифр, например N12345678", "a document number has 5–15 Latin capitals and digits, e.g. N12345678"),
    "org_name_short": ("атауын толығырақ жазыңыз", "укажите наименование полнее", "give more of the name"),
    "mixed_sets": ("басқа іздеу тәсілінің параметрі: бір тәсілді таңдаңыз", "параметр другого способа поиска: выберите один способ", "belongs to another way of searching: choose one way"),
    "empty_param": ("мәнсіз жіберілді", "отправлен без значения", "sent without a value"),
    "ambiguous_matches": ("бұл атаумен бірнеше тұлға табылды, ал ресурс жазбаның кімдікі екенін көрсетпейді: ЖСН/БСН-ді №1 не №2 ресурстан атауы бойынша тауып, сол бойынша сұраңыз", "под этим именем найдено несколько лиц, а ресурс не показывает, чья запись: найдите ИИН/БИН по имени в №1 или №2 и запросите по нему", "several subjects have this name and the resource does not say whose a record is: find the IIN/BIN by name in №1 or №2 and ask by it"),
    "too_many_matches": ("сәйкестер тым көп, іздеуді нақтылаңыз (мысалы, ЖСН/БСН бойынша)", "слишком много совпадений, уточните поиск (например, по ИИН/БИН)", "too many matches, narrow the search (e.g. by IIN/BIN)"),
    "need_one_param": ("іздеу тәсілдерінің бірін толтырыңыз", "заполните один из способов поиска", "fill in one of the ways of searching"),
    "case_too_long": ("ең көбі {max_case} таңба", "не более {max_case} символов", "at most {max_case} characters"),
    "purpose_short": ("мақсатты көрсетіңіз (кемінде {min_purpose} таңба)", "укажите цель (не менее {min_purpose} символов)", "state the purpose (at least {min_purpose} characters)"),
}


def reason_text(code: str, lang: str = "en") -> str:
    """A validation reason in `lang`; an unknown code is shown as it is rather than hidden."""
    from app.validation import MAX_CASE, MIN_PURPOSE
    from resources.catalogue import MAX_NAME, MAX_TEXT

    row = _REASONS.get(code)
    if row is None:
        return code
    idx = LANGS.index(lang) if lang in LANGS else 2
    return row[idx].format(max=MAX_TEXT, max_case=MAX_CASE, min_purpose=MIN_PURPOSE,
                          max_name=MAX_NAME)
