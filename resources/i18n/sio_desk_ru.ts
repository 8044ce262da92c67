<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>Agreement</name>
    <message>
        <source>Agreement on rights of use</source>
        <translation>Соглашение о правах использования</translation>
    </message>
    <message>
        <source>Before the first query you sign the agreement on rights of use with your EDS (version {version}). Queries are refused until it is signed.</source>
        <translation>Перед первым запросом вы подписываете соглашение о правах использования своей ЭЦП (версия {version}). До подписания запросы отклоняются.</translation>
    </message>
    <message>
        <source>&amp;Sign with EDS</source>
        <translation>&amp;Подписать ЭЦП</translation>
    </message>
    <message>
        <source>&amp;Decline and sign out</source>
        <translation>&amp;Отказаться и выйти</translation>
    </message>
</context>
<context>
    <name>ChangePin</name>
    <message>
        <source>Type the current PIN and the new one.</source>
        <translation>Введите текущий PIN-код и новый.</translation>
    </message>
    <message>
        <source>The new PIN is too short (at least {n} characters).</source>
        <translation>Новый PIN слишком короткий (не менее {n} символов).</translation>
    </message>
    <message>
        <source>The new PIN and its repetition differ.</source>
        <translation>Новый PIN и его повтор не совпадают.</translation>
    </message>
    <message>
        <source>The new PIN must differ from the current one.</source>
        <translation>Новый PIN должен отличаться от текущего.</translation>
    </message>
    <message>
        <source>Change the token PIN</source>
        <translation>Смена PIN-кода токена</translation>
    </message>
    <message>
        <source>&amp;Current PIN:</source>
        <translation>&amp;Текущий PIN:</translation>
    </message>
    <message>
        <source>&amp;New PIN:</source>
        <translation>&amp;Новый PIN:</translation>
    </message>
    <message>
        <source>&amp;Repeat the new PIN:</source>
        <translation>&amp;Повторите новый PIN:</translation>
    </message>
    <message>
        <source>Change PIN</source>
        <translation>Сменить PIN</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
</context>
<context>
    <name>Diagnostics</name>
    <message>
        <source>Diagnostics — workstation self-check</source>
        <translation>Диагностика — проверка рабочего места</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>&amp;Закрыть</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Unexpected error: {detail}. The details are in the log.</source>
        <translation>Непредвиденная ошибка: {detail}. Подробности в журнале.</translation>
    </message>
</context>
<context>
    <name>FirstLaunch</name>
    <message>
        <source>&amp;Re-run the check</source>
        <translation>&amp;Повторить проверку</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Выход</translation>
    </message>
    <message>
        <source>This workstation does not meet the rules for working with the system, so SIO Desk may not be used for queries from it. Fix the following, then run the check again:</source>
        <translation>Это рабочее место не соответствует требованиям для работы с системой, поэтому с него нельзя направлять запросы через SIO Desk. Устраните следующее и запустите проверку ещё раз:</translation>
    </message>
    <message>
        <source>Sandbox: not enforced.</source>
        <translation>Песочница (sandbox): требования не применяются.</translation>
    </message>
    <message>
        <source>Some checks need attention; they do not stop you. Tell your administrator:</source>
        <translation>Некоторые проверки требуют внимания, но работе не мешают. Сообщите администратору:</translation>
    </message>
    <message>
        <source>This workstation meets the rules. Press Continue.</source>
        <translation>Рабочее место соответствует требованиям. Нажмите «Продолжить».</translation>
    </message>
    <message>
        <source>First launch: workstation check</source>
        <translation>Первый запуск: проверка рабочего места</translation>
    </message>
    <message>
        <source>SIO Desk runs for the first time on this workstation. The rules allow queries only from a workstation that meets them (R-WS-1…5), so every check is run now. You can print this report to PDF for your records.</source>
        <translation>SIO Desk впервые запущен на этом рабочем месте. Правила разрешают запросы только с рабочего места, которое им соответствует (R-WS-1…5), поэтому сейчас выполняются все проверки. Этот отчёт можно распечатать в PDF для ваших документов.</translation>
    </message>
    <message>
        <source>&amp;Continue</source>
        <translation>&amp;Продолжить</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>The session was locked after a period of inactivity. Sign in again to continue.</source>
        <translation>Сеанс заблокирован после периода бездействия. Войдите снова, чтобы продолжить.</translation>
    </message>
    <message>
        <source>The screen was locked, so the session was locked too.</source>
        <translation>Экран заблокирован, поэтому заблокирован и сеанс.</translation>
    </message>
    <message>
        <source>The token was removed: the session is locked and nothing of it stays on screen.</source>
        <translation>Токен извлечён: сеанс заблокирован, на экране от него ничего не осталось.</translation>
    </message>
    <message>
        <source>Your token PIN has not been changed for a month. Change it now: File → Change PIN… (R-AUTH-7).</source>
        <translation>PIN-код токена не менялся месяц. Смените его сейчас: Файл → Сменить PIN… (R-AUTH-7).</translation>
    </message>
    <message>
        <source>The PIN was changed.</source>
        <translation>PIN-код изменён.</translation>
    </message>
    <message>
        <source>About SIO Desk</source>
        <translation>О программе SIO Desk</translation>
    </message>
    <message>
        <source>SIO Desk — client of the law-enforcement information exchange system.
Every query is signed with your NCA EDS and sent with its basis (R-Q-2); every answer is checked against the operator&apos;s signature before it is shown.</source>
        <translation>SIO Desk — клиент системы информационного обмена правоохранительных органов.
Каждый запрос подписывается вашей ЭЦП НУЦ и отправляется вместе с основанием (R-Q-2); каждый ответ перед показом проверяется по подписи оператора.</translation>
    </message>
    <message>
        <source>SANDBOX — test keys, synthetic data</source>
        <translation>SANDBOX (ПЕСОЧНИЦА) — тестовые ключи, синтетические данные</translation>
    </message>
    <message>
        <source>User: {name}, IIN {iin}</source>
        <translation>Пользователь: {name}, ИИН {iin}</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Вход не выполнен</translation>
    </message>
    <message>
        <source>Token: {label}</source>
        <translation>Токен: {label}</translation>
    </message>
    <message>
        <source>Gateway: {url}</source>
        <translation>Шлюз: {url}</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;Query</source>
        <translation>&amp;Запрос</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Сервис</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>&amp;Workstation self-check…</source>
        <translation>&amp;Проверка рабочего места…</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Язык</translation>
    </message>
    <message>
        <source>&amp;Lock and sign out</source>
        <translation>&amp;Заблокировать и выйти</translation>
    </message>
    <message>
        <source>Change &amp;PIN…</source>
        <translation>Сменить &amp;PIN…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Выход</translation>
    </message>
    <message>
        <source>&amp;Send signed query</source>
        <translation>О&amp;тправить подписанный запрос</translation>
    </message>
    <message>
        <source>&amp;Clear result</source>
        <translation>&amp;Очистить результат</translation>
    </message>
    <message>
        <source>&amp;About SIO Desk</source>
        <translation>&amp;О программе SIO Desk</translation>
    </message>
</context>
<context>
    <name>Pin</name>
    <message>
        <source>Final try: one more wrong PIN locks the token.</source>
        <translation>Последняя попытка: ещё один неверный PIN заблокирует токен.</translation>
    </message>
    <message>
        <source>Wrong PIN entered before: few attempts remain. Type it carefully.</source>
        <translation>PIN ранее вводился неверно: осталось мало попыток. Вводите внимательно.</translation>
    </message>
    <message>
        <source>Attempts left: {n}</source>
        <translation>Осталось попыток: {n}</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <source>Type the PIN of your token.</source>
        <translation>Введите PIN-код токена.</translation>
    </message>
    <message>
        <source>Sign in with your EDS</source>
        <translation>Вход с ЭЦП</translation>
    </message>
    <message>
        <source>&amp;PIN:</source>
        <translation>&amp;PIN-код:</translation>
    </message>
    <message>
        <source>token PIN (hidden)</source>
        <translation>PIN-код токена (скрыт)</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Войти</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
</context>
<context>
    <name>QueryPage</name>
    <message>
        <source>Checking the form…</source>
        <translation>Проверка формы…</translation>
    </message>
    <message>
        <source>To send, complete: {fields}</source>
        <translation>Для отправки заполните: {fields}</translation>
    </message>
    <message>
        <source>Signing and sending the query…</source>
        <translation>Подписание и отправка запроса…</translation>
    </message>
    <message>
        <source>&amp;Resource:</source>
        <translation>&amp;Ресурс:</translation>
    </message>
    <message>
        <source>Search parameters</source>
        <translation>Параметры поиска</translation>
    </message>
    <message>
        <source>12 digits</source>
        <translation>12 цифр</translation>
    </message>
    <message>
        <source>Basis of the query (required, R-Q-2)</source>
        <translation>Основание запроса (обязательно, R-Q-2)</translation>
    </message>
    <message>
        <source>&amp;Case / material №:</source>
        <translation>&amp;Номер дела / материала:</translation>
    </message>
    <message>
        <source>&amp;Legal ground:</source>
        <translation>Правовое &amp;основание:</translation>
    </message>
    <message>
        <source>&amp;Purpose:</source>
        <translation>&amp;Цель:</translation>
    </message>
    <message>
        <source>e.g. 2025-0142</source>
        <translation>например, 2025-0142</translation>
    </message>
    <message>
        <source>What the result will be used for; it may be used only for this purpose.</source>
        <translation>Для чего нужен результат; он может использоваться только для этой цели.</translation>
    </message>
    <message>
        <source>&amp;Send signed query</source>
        <translation>О&amp;тправить подписанный запрос</translation>
    </message>
    <message>
        <source>Signs the query with your EDS and sends it (Ctrl+Enter)</source>
        <translation>Подписывает запрос вашей ЭЦП и отправляет его (Ctrl+Enter)</translation>
    </message>
</context>
<context>
    <name>ResultView</name>
    <message>
        <source>Result</source>
        <translation>Результат</translation>
    </message>
    <message>
        <source>No query sent yet. Results are kept in memory only.</source>
        <translation>Запросов ещё не было. Результаты хранятся только в памяти.</translation>
    </message>
    <message>
        <source>No records found</source>
        <translation>Записи не найдены</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Значение</translation>
    </message>
    <message>
        <source>Record {n}</source>
        <translation>Запись {n}</translation>
    </message>
    <message>
        <source>Operator&apos;s signature verified · bound to your request · journal № {seq} · {issued_at}</source>
        <translation>Подпись оператора проверена · привязана к вашему запросу · журнал № {seq} · {issued_at}</translation>
    </message>
    <message>
        <source>(Astana time)</source>
        <translation>(время Астаны)</translation>
    </message>
    <message>
        <source>The operator&apos;s signature was NOT verified</source>
        <translation>Подпись оператора НЕ проверена</translation>
    </message>
    <message>
        <source>Truncated service: amounts are not returned (R-Q-1).</source>
        <translation>Усечённый сервис: суммы не возвращаются (R-Q-1).</translation>
    </message>
    <message>
        <source>Cl&amp;ear result</source>
        <translation>О&amp;чистить результат</translation>
    </message>
    <message>
        <source>Results are held in memory only, never written to disk; Clear removes this one now. Signing out clears all.</source>
        <translation>Результаты хранятся только в памяти и никогда не записываются на диск; «Очистить» удаляет этот результат сейчас. При выходе очищается всё.</translation>
    </message>
</context>
<context>
    <name>SelfcheckPage</name>
    <message>
        <source>&amp;Print to PDF…</source>
        <translation>&amp;Печать в PDF…</translation>
    </message>
    <message>
        <source>&amp;Re-run</source>
        <translation>П&amp;овторить проверку</translation>
    </message>
    <message>
        <source>&amp;Run the check</source>
        <translation>&amp;Запустить проверку</translation>
    </message>
    <message>
        <source>The check could not run: {detail}</source>
        <translation>Проверку выполнить не удалось: {detail}</translation>
    </message>
    <message>
        <source>Save the report as PDF</source>
        <translation>Сохранить отчёт в PDF</translation>
    </message>
    <message>
        <source>Could not write {path}: {detail}</source>
        <translation>Не удалось записать {path}: {detail}</translation>
    </message>
    <message>
        <source>Saved: {path}</source>
        <translation>Сохранено: {path}</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <source>Reading the token…</source>
        <translation>Чтение токена…</translation>
    </message>
    <message>
        <source>Sandbox: not enforced.</source>
        <translation>Песочница (sandbox): требования не применяются.</translation>
    </message>
    <message>
        <source>Checking the workstation…</source>
        <translation>Идёт проверка рабочего места…</translation>
    </message>
    <message>
        <source>This workstation does not meet the rules, so signing in is disabled and SIO Desk may not be used for queries. Fix the following and run the check again:</source>
        <translation>Это рабочее место не соответствует требованиям, поэтому вход отключён и направлять запросы через SIO Desk нельзя. Устраните следующее и запустите проверку ещё раз:</translation>
    </message>
    <message>
        <source>The workstation check found problems. You may sign in; tell your administrator:</source>
        <translation>Проверка рабочего места выявила недочёты. Войти можно; сообщите администратору:</translation>
    </message>
    <message>
        <source>The check could not run: {detail}</source>
        <translation>Проверку выполнить не удалось: {detail}</translation>
    </message>
    <message>
        <source>The workstation check passed.</source>
        <translation>Проверка рабочего места пройдена.</translation>
    </message>
    <message>
        <source>Sign in with your NCA EDS</source>
        <translation>Вход с ЭЦП НУЦ</translation>
    </message>
    <message>
        <source>Insert your token. Its PIN state is shown below before you type the PIN; every query you send is signed with this token.</source>
        <translation>Подключите токен. Состояние PIN-кода показано ниже до его ввода; каждый отправляемый запрос подписывается этим токеном.</translation>
    </message>
    <message>
        <source>&amp;Sign in…</source>
        <translation>&amp;Войти…</translation>
    </message>
    <message>
        <source>&amp;Read the token again</source>
        <translation>&amp;Перечитать токен</translation>
    </message>
    <message>
        <source>Open &amp;diagnostics…</source>
        <translation>Открыть &amp;диагностику…</translation>
    </message>
</context>
<context>
    <name>Token</name>
    <message>
        <source>Token: {label}</source>
        <translation>Токен: {label}</translation>
    </message>
    <message>
        <source>{details}, serial {serial}</source>
        <translation>{details}, серийный номер {serial}</translation>
    </message>
    <message>
        <source>a key file, allowed only in the sandbox (R-AUTH-4)</source>
        <translation>файл ключа, допустим только в песочнице (R-AUTH-4)</translation>
    </message>
</context>
</TS>
