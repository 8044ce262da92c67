<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>Account</name>
    <message>
        <source>Registration</source>
        <translation>Регистрация</translation>
    </message>
    <message>
        <source>Transfer (editing)</source>
        <translation>Перемещение (редактирование)</translation>
    </message>
    <message>
        <source>Blocking</source>
        <translation>Блокировка</translation>
    </message>
    <message>
        <source>Submitted, awaiting the operator</source>
        <translation>Подана, ожидает решения оператора</translation>
    </message>
    <message>
        <source>Refused by the operator</source>
        <translation>Отклонена оператором</translation>
    </message>
    <message>
        <source>Blocked at own request</source>
        <translation>Заблокирована по собственной заявке</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Заблокирована</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Зарегистрирован</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Исполнена</translation>
    </message>
    <message>
        <source>Going on leave</source>
        <translation>Длительное отсутствие</translation>
    </message>
    <message>
        <source>Before an absence from the workplace of more than two months you file a blocking application for your own account (agreement, item 11.2). It takes effect at once and your session ends. On your return you file a new registration application.</source>
        <translation>Перед отсутствием на рабочем месте более двух месяцев вы подаёте заявку на блокировку своей учетной записи (подп. 2) п. 11 Соглашения). Она действует сразу, и ваш сеанс завершается. По возвращении вы подаёте новую заявку на регистрацию.</translation>
    </message>
    <message>
        <source>&amp;First day of absence:</source>
        <translation>&amp;Первый день отсутствия:</translation>
    </message>
    <message>
        <source>&amp;Last day of absence:</source>
        <translation>П&amp;оследний день отсутствия:</translation>
    </message>
    <message>
        <source>The last day is before the first.</source>
        <translation>Последний день раньше первого.</translation>
    </message>
    <message>
        <source>The absence must not have begun yet.</source>
        <translation>Отсутствие ещё не должно было начаться.</translation>
    </message>
    <message>
        <source>An absence of two months or less needs no blocking application.</source>
        <translation>Для отсутствия не более двух месяцев заявка на блокировку не нужна.</translation>
    </message>
    <message>
        <source>{name}, IIN {iin}</source>
        <translation>{name}, ИИН {iin}</translation>
    </message>
    <message>
        <source>Not signed in: applications are signed with the token&apos;s keys.</source>
        <translation>Вход не выполнен: заявки подписываются ключами токена.</translation>
    </message>
    <message>
        <source>signed by the operator, signature checked</source>
        <translation>подписано оператором, подпись проверена</translation>
    </message>
    <message>
        <source>signature not checked</source>
        <translation>подпись не проверена</translation>
    </message>
    <message>
        <source>Application № {id}: {state} on {at} ({signed}).
{reason}</source>
        <translation>Заявка № {id}: {state}, {at} ({signed}).
{reason}</translation>
    </message>
    <message>
        <source>Open an application form and enter the PIN first: the query is signed with your token.</source>
        <translation>Сначала откройте форму заявки и введите PIN: запрос подписывается вашим токеном.</translation>
    </message>
    <message>
        <source>Statuses refreshed.</source>
        <translation>Статусы обновлены.</translation>
    </message>
    <message>
        <source>Your account is blocked at your own request. On your return, file a new registration application.</source>
        <translation>Ваша учетная запись заблокирована по вашей заявке. По возвращении подайте новую заявку на регистрацию.</translation>
    </message>
    <message>
        <source>Applications filed from this workstation:</source>
        <translation>Заявки, поданные с этого рабочего места:</translation>
    </message>
    <message>
        <source>№</source>
        <translation>№</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>Filed</source>
        <translation>Подана</translation>
    </message>
    <message>
        <source>Decision due</source>
        <translation>Срок решения</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>Решено</translation>
    </message>
    <message>
        <source>Operator&apos;s reason</source>
        <translation>Причина оператора</translation>
    </message>
    <message>
        <source>&amp;Refresh statuses</source>
        <translation>&amp;Обновить статусы</translation>
    </message>
    <message>
        <source>Re&amp;gistration application…</source>
        <translation>Заявка на &amp;регистрацию…</translation>
    </message>
    <message>
        <source>&amp;Transfer (editing)…</source>
        <translation>&amp;Перемещение (редактирование)…</translation>
    </message>
    <message>
        <source>Going on &amp;leave…</source>
        <translation>Длительное &amp;отсутствие…</translation>
    </message>
    <message>
        <source>Token l&amp;ost…</source>
        <translation>Токен &amp;утерян…</translation>
    </message>
    <message>
        <source>File a blocking application for a user of my organisation…</source>
        <translation>Подать заявку на блокировку пользователя моей организации…</translation>
    </message>
    <message>
        <source>&lt;h3&gt;The token is lost&lt;/h3&gt;&lt;ol&gt;&lt;li&gt;Revoke your EDS at once in the personal cabinet of the National Certification Centre (paragraph 12 of the Rules).&lt;/li&gt;&lt;li&gt;Have your account blocked: the official in charge of departmental control of your organisation files a blocking application for you with their own EDS (paragraph 7 of the Rules); the operator blocks at once (paragraph 8).&lt;/li&gt;&lt;li&gt;With a new token, file a new registration application.&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;If you are that official, file the blocking application below: type the user&apos;s data; it is signed with your own token. The operator accepts it only from a controller of the same organisation or from the operator.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Токен утерян&lt;/h3&gt;&lt;ol&gt;&lt;li&gt;Немедленно отзовите свою ЭЦП через личный кабинет Национального удостоверяющего центра (п. 12 Правил).&lt;/li&gt;&lt;li&gt;Добейтесь блокировки учетной записи: должностное лицо вашей организации, на которое возложен ведомственный контроль, подаёт за вас заявку на блокировку своей ЭЦП (п. 7 Правил); оператор блокирует немедленно (п. 8 Правил).&lt;/li&gt;&lt;li&gt;С новым токеном подайте новую заявку на регистрацию.&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;Если вы и есть это должностное лицо, подайте заявку на блокировку ниже: введите данные пользователя; заявка подписывается вашим собственным токеном. Оператор принимает её только от контролёра той же организации или от оператора.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Account and applications</source>
        <translation>Учетная запись и заявки</translation>
    </message>
    <message>
        <source>&amp;Account and applications…</source>
        <translation>&amp;Учетная запись и заявки…</translation>
    </message>
</context>
<context>
    <name>Agreement</name>
    <message>
        <source>Agreement on rights of use</source>
        <translation>Соглашение о правах использования</translation>
    </message>
    <message>
        <source>Fill this in.</source>
        <translation>Заполните.</translation>
    </message>
    <message>
        <source>Remove the spaces at the ends or doubled spaces.</source>
        <translation>Уберите пробелы в начале и в конце или двойные пробелы.</translation>
    </message>
    <message>
        <source>Remove line breaks and invisible characters.</source>
        <translation>Уберите переводы строк и невидимые символы.</translation>
    </message>
    <message>
        <source>Too long for the form.</source>
        <translation>Слишком длинно для формы.</translation>
    </message>
    <message>
        <source>Use letters, digits, spaces and the punctuation of a name or title.</source>
        <translation>Используйте буквы, цифры, пробелы и знаки препинания, принятые в имени или должности.</translation>
    </message>
    <message>
        <source>Not a calendar date.</source>
        <translation>Это не календарная дата.</translation>
    </message>
    <message>
        <source>This does not fit the form.</source>
        <translation>Это не подходит для формы.</translation>
    </message>
    <message>
        <source>Before the first query you sign the agreement on rights of use with your EDS (version {version}). Fill in the city and your position; your name is the registered one and the date is today. Both texts below are signed exactly as shown. Queries are refused until it is signed.</source>
        <translation>Перед первым запросом вы подписываете соглашение о правах использования своей ЭЦП (версия {version}). Заполните город и должность; ФИО — как при регистрации, дата — сегодняшняя. Оба текста ниже подписываются точно в показанном виде. Пока соглашение не подписано, запросы не принимаются.</translation>
    </message>
    <message>
        <source>&amp;City:</source>
        <translation>&amp;Город:</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>Дата:</translation>
    </message>
    <message>
        <source>Full name:</source>
        <translation>Ф.И.О.:</translation>
    </message>
    <message>
        <source>&amp;Position:</source>
        <translation>&amp;Должность:</translation>
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
    <name>Application</name>
    <message>
        <source>Surname:</source>
        <translation>Фамилия:</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Имя:</translation>
    </message>
    <message>
        <source>Patronymic (if any):</source>
        <translation>Отчество (при наличии):</translation>
    </message>
    <message>
        <source>IIN:</source>
        <translation>ИИН:</translation>
    </message>
    <message>
        <source>Organisation:</source>
        <translation>Организация:</translation>
    </message>
    <message>
        <source>Organisation code in the Unified Register of Pre-trial Investigations:</source>
        <translation>Код организации в Едином реестре досудебных расследований:</translation>
    </message>
    <message>
        <source>BIN of the organisation:</source>
        <translation>БИН организации:</translation>
    </message>
    <message>
        <source>Structural unit:</source>
        <translation>Структурное подразделение:</translation>
    </message>
    <message>
        <source>Position:</source>
        <translation>Должность:</translation>
    </message>
    <message>
        <source>Work phone:</source>
        <translation>Рабочий телефон:</translation>
    </message>
    <message>
        <source>Mobile phone:</source>
        <translation>Мобильный телефон:</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>Электронная почта:</translation>
    </message>
    <message>
        <source>Work address:</source>
        <translation>Рабочий адрес:</translation>
    </message>
    <message>
        <source>Head&apos;s position:</source>
        <translation>Должность руководителя:</translation>
    </message>
    <message>
        <source>Head&apos;s full name:</source>
        <translation>Ф.И.О. руководителя:</translation>
    </message>
    <message>
        <source>Reason for blocking:</source>
        <translation>Причина блокировки:</translation>
    </message>
    <message>
        <source>Fill this in.</source>
        <translation>Заполните.</translation>
    </message>
    <message>
        <source>This is not in the form&apos;s format.</source>
        <translation>Это не соответствует формату формы.</translation>
    </message>
    <message>
        <source>The IIN&apos;s check digit or date is wrong.</source>
        <translation>Неверна контрольная цифра или дата ИИН.</translation>
    </message>
    <message>
        <source>The BIN&apos;s check digit is wrong.</source>
        <translation>Неверна контрольная цифра БИН.</translation>
    </message>
    <message>
        <source>Tick this confirmation.</source>
        <translation>Отметьте это подтверждение.</translation>
    </message>
    <message>
        <source>This is longer than the form allows.</source>
        <translation>Длиннее, чем допускает бланк.</translation>
    </message>
    <message>
        <source>The order cannot be dated after today.</source>
        <translation>Приказ не может быть датирован позже сегодняшнего дня.</translation>
    </message>
    <message>
        <source>The 24 hours after the order ended at {deadline} (Astana time): file now and tell the operator why it is late (paragraph 7 of the Rules).</source>
        <translation>24 часа после приказа истекли {deadline} (время Астаны): подайте заявку сейчас и сообщите оператору причину опоздания (п. 7 Правил).</translation>
    </message>
    <message>
        <source>File by {deadline} (Astana time), 24 hours after the order; {hours} h left (paragraph 7 of the Rules).</source>
        <translation>Подайте до {deadline} (время Астаны), в течение 24 часов после приказа; осталось {hours} ч (п. 7 Правил).</translation>
    </message>
    <message>
        <source>Saved to {path}. Print it, sign it, have your head sign and stamp it, scan it and attach the scan.</source>
        <translation>Сохранено в {path}. Распечатайте, подпишите, подпишите у руководителя и заверьте печатью, отсканируйте и приложите скан.</translation>
    </message>
    <message>
        <source>Save the application for printing</source>
        <translation>Сохранить заявку для печати</translation>
    </message>
    <message>
        <source>The scan must be a PDF, JPEG or PNG file.</source>
        <translation>Скан должен быть файлом PDF, JPEG или PNG.</translation>
    </message>
    <message>
        <source>The scan is {size} KB; at most {limit} KB can be filed. Scan at 150 dpi in greyscale.</source>
        <translation>Скан занимает {size} КБ; подать можно не более {limit} КБ. Сканируйте с разрешением 150 dpi в оттенках серого.</translation>
    </message>
    <message>
        <source>Scan attached: {name} ({size} KB)</source>
        <translation>Скан приложен: {name} ({size} КБ)</translation>
    </message>
    <message>
        <source>Attach the scanned signed copy</source>
        <translation>Приложить скан подписанной копии</translation>
    </message>
    <message>
        <source>Filed as № {id} at {at}; the operator decides by {due} (paragraph 6 of the Rules).</source>
        <translation>Подана под № {id} в {at}; оператор принимает решение до {due} (п. 6 Правил).</translation>
    </message>
    <message>
        <source>Registration application (paragraph 5 of the Rules). Your name, IIN, organisation and BIN come from your EDS certificate; check the rest, print the application, sign it, have your head sign and stamp it, attach the scan and file it signed with your EDS.</source>
        <translation>Заявка на регистрацию (п. 5 Правил). ФИО, ИИН, организация и БИН берутся из сертификата вашей ЭЦП; проверьте остальное, распечатайте заявку, подпишите её, подпишите у руководителя и заверьте печатью, приложите скан и подайте, подписав ЭЦП.</translation>
    </message>
    <message>
        <source>Editing application on a transfer to another position or unit: file it within 24 hours of the appointment order (paragraph 7 of the Rules).</source>
        <translation>Заявка на редактирование при переводе на другую должность или в другое подразделение: подайте её в течение 24 часов после приказа о назначении (п. 7 Правил).</translation>
    </message>
    <message>
        <source>Blocking application: access is blocked as soon as it is filed (paragraph 8 of the Rules).</source>
        <translation>Заявка на блокировку: доступ блокируется сразу после её подачи (п. 8 Правил).</translation>
    </message>
    <message>
        <source>Token &amp;PIN:</source>
        <translation>&amp;PIN токена:</translation>
    </message>
    <message>
        <source>&amp;Read the certificate</source>
        <translation>&amp;Прочитать сертификат</translation>
    </message>
    <message>
        <source>I have read and agree with the agreement on rights of use.</source>
        <translation>С соглашением о правах использования ознакомлен и согласен.</translation>
    </message>
    <message>
        <source>I confirm I hold an EDS on a protected carrier.</source>
        <translation>Подтверждаю наличие у меня ЭЦП на защищённом носителе.</translation>
    </message>
    <message>
        <source>I allow my personal data to be passed for registration.</source>
        <translation>Разрешаю передачу моих персональных данных для регистрации.</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>Заявитель</translation>
    </message>
    <message>
        <source>Confirmations</source>
        <translation>Подтверждения</translation>
    </message>
    <message>
        <source>Appointment order</source>
        <translation>Приказ о назначении</translation>
    </message>
    <message>
        <source>Order signed on:</source>
        <translation>Приказ подписан:</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <source>R&amp;ole applied for:</source>
        <translation>&amp;Роль, на которую подаётся заявление:</translation>
    </message>
    <message>
        <source>Analyst</source>
        <translation>Аналитик</translation>
    </message>
    <message>
        <source>Departmental controller (appointed by the head&apos;s order)</source>
        <translation>Ведомственный контролёр (назначен приказом руководителя)</translation>
    </message>
    <message>
        <source>Head&apos;s order number:</source>
        <translation>Номер приказа руководителя:</translation>
    </message>
    <message>
        <source>Head&apos;s order date:</source>
        <translation>Дата приказа руководителя:</translation>
    </message>
    <message>
        <source>Head&apos;s order number</source>
        <translation>Номер приказа руководителя</translation>
    </message>
    <message>
        <source>Head&apos;s order date</source>
        <translation>Дата приказа руководителя</translation>
    </message>
    <message>
        <source>Form &amp;language:</source>
        <translation>&amp;Язык формы:</translation>
    </message>
    <message>
        <source>Save for &amp;printing…</source>
        <translation>Сохранить для &amp;печати…</translation>
    </message>
    <message>
        <source>Attach the &amp;scan…</source>
        <translation>Приложить &amp;скан…</translation>
    </message>
    <message>
        <source>Sign with EDS and &amp;file</source>
        <translation>Подписать ЭЦП и &amp;подать</translation>
    </message>
    <message>
        <source>No scan attached yet.</source>
        <translation>Скан ещё не приложен.</translation>
    </message>
    <message>
        <source>Application to the system operator</source>
        <translation>Заявка оператору СИО ПСО</translation>
    </message>
</context>
<context>
    <name>Archive</name>
    <message>
        <source>attached to the material (printed)</source>
        <translation>приобщено к материалу (распечатано)</translation>
    </message>
    <message>
        <source>attached to the material (exported)</source>
        <translation>приобщено к материалу (экспортировано)</translation>
    </message>
    <message>
        <source>attached to the material (printed and exported)</source>
        <translation>приобщено к материалу (распечатано и экспортировано)</translation>
    </message>
    <message>
        <source>destroyed unattached</source>
        <translation>уничтожено без приобщения</translation>
    </message>
    <message>
        <source>Journal archive folder</source>
        <translation>Папка архива журнала</translation>
    </message>
    <message>
        <source>The operator&apos;s certificate</source>
        <translation>Сертификат оператора</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.cer *.crt *.der)</source>
        <translation>Сертификаты (*.pem *.cer *.crt *.der)</translation>
    </message>
    <message>
        <source>Verifying the archive…</source>
        <translation>Архив проверяется…</translation>
    </message>
    <message>
        <source>The archive is intact: {entries} journal entries check out — the hash chain, the operator&apos;s signed checkpoints and every signature of the users.</source>
        <translation>Архив цел: {entries} записей журнала прошли проверку — цепочка хэшей, подписанные оператором контрольные точки и все подписи пользователей.</translation>
    </message>
    <message>
        <source>THE ARCHIVE HAS BEEN ALTERED at journal entry № {seq}: {entries} entries before it check out; that entry and everything after it prove nothing.</source>
        <translation>АРХИВ ИЗМЕНЁН: запись журнала № {seq}. Записи до неё прошли проверку ({entries}); эта запись и все последующие ничего не доказывают.</translation>
    </message>
    <message>
        <source>The archive does not verify: {reason}</source>
        <translation>Архив не прошёл проверку: {reason}</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>отказано</translation>
    </message>
    <message>
        <source>nothing recorded</source>
        <translation>ничего не зафиксировано</translation>
    </message>
    <message>
        <source>Not proven: at or after the altered entry</source>
        <translation>Не доказано: в изменённой записи или после неё</translation>
    </message>
    <message>
        <source>Journal archive (read-only)</source>
        <translation>Архив журнала (только чтение)</translation>
    </message>
    <message>
        <source>Archive folder…</source>
        <translation>Папка архива…</translation>
    </message>
    <message>
        <source>Operator&apos;s certificate…</source>
        <translation>Сертификат оператора…</translation>
    </message>
    <message>
        <source>Verify and show</source>
        <translation>Проверить и показать</translation>
    </message>
    <message>
        <source>not chosen</source>
        <translation>не выбрано</translation>
    </message>
    <message>
        <source>№</source>
        <translation>№</translation>
    </message>
    <message>
        <source>Time (Astana)</source>
        <translation>Время (Астана)</translation>
    </message>
    <message>
        <source>Who asked (IIN)</source>
        <translation>Кто запросил (ИИН)</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>Ресурс</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>Номер дела</translation>
    </message>
    <message>
        <source>Legal ground</source>
        <translation>Правовое основание</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Цель</translation>
    </message>
    <message>
        <source>Answer hash (SHA-256)</source>
        <translation>Хэш ответа (SHA-256)</translation>
    </message>
    <message>
        <source>What became of the result</source>
        <translation>Что стало с результатом</translation>
    </message>
    <message>
        <source>Open journal &amp;archive…</source>
        <translation>Открыть &amp;архив журнала…</translation>
    </message>
</context>
<context>
    <name>AttachDialog</name>
    <message>
        <source>Attach to case material</source>
        <translation>Приобщение к материалам дела</translation>
    </message>
    <message>
        <source>Material number:</source>
        <translation>Номер материала:</translation>
    </message>
    <message>
        <source>Resource:</source>
        <translation>Ресурс:</translation>
    </message>
    <message>
        <source>Printout &amp;language:</source>
        <translation>&amp;Язык распечатки:</translation>
    </message>
    <message>
        <source>&amp;Print (the print dialog opens)</source>
        <translation>&amp;Печать (откроется диалог печати)</translation>
    </message>
    <message>
        <source>E&amp;xport a printout signed with your EDS</source>
        <translation>&amp;Экспорт распечатки, подписанной вашей ЭЦП</translation>
    </message>
    <message>
        <source>Export is off: the administrator&apos;s policy names no folder for case material.</source>
        <translation>Экспорт отключён: в политике администратора не задана папка для материалов дела.</translation>
    </message>
    <message>
        <source>Into: {folder}</source>
        <translation>В папку: {folder}</translation>
    </message>
    <message>
        <source>Once the printout is printed or saved, the copy of this result on the workstation is destroyed and the journal is told, as paragraph 19 of the Rules requires.</source>
        <translation>После печати или сохранения распечатки копия этого результата на рабочей станции уничтожается, а журнал получает отчёт об этом, как требует п. 19 Правил.</translation>
    </message>
    <message>
        <source>&amp;Attach and destroy the copy</source>
        <translation>&amp;Приобщить и уничтожить копию</translation>
    </message>
    <message>
        <source>Preparing the printout…</source>
        <translation>Подготовка распечатки…</translation>
    </message>
    <message>
        <source>Printing was cancelled; nothing was destroyed.</source>
        <translation>Печать отменена; ничего не уничтожено.</translation>
    </message>
    <message>
        <source>Printing failed: {detail}. Nothing was destroyed.</source>
        <translation>Печать не удалась: {detail}. Ничего не уничтожено.</translation>
    </message>
    <message>
        <source>Signing the printout with your EDS…</source>
        <translation>Распечатка подписывается вашей ЭЦП…</translation>
    </message>
    <message>
        <source>printed</source>
        <translation>распечатан</translation>
    </message>
    <message>
        <source>exported as a signed printout</source>
        <translation>экспортирован как подписанная распечатка</translation>
    </message>
    <message>
        <source>printed and exported</source>
        <translation>распечатан и экспортирован</translation>
    </message>
    <message>
        <source>destroyed without attaching</source>
        <translation>уничтожен без приобщения</translation>
    </message>
    <message>
        <source>the journal has it</source>
        <translation>журнал получил отчёт</translation>
    </message>
    <message>
        <source>the gateway did not accept the report</source>
        <translation>шлюз не принял отчёт</translation>
    </message>
    <message>
        <source>the report waits for the channel and is re-sent</source>
        <translation>отчёт ждёт канала и будет отправлен повторно</translation>
    </message>
    <message>
        <source>Material {case}, journal № {seq}: {action}; the local copy is destroyed; {told}.</source>
        <translation>Материал {case}, журнал № {seq}: {action}; локальная копия уничтожена; {told}.</translation>
    </message>
</context>
<context>
    <name>Attestation</name>
    <message>
        <source>The workstation self-check could not be sent to the operator: {detail}</source>
        <translation>Самопроверку рабочего места не удалось отправить оператору: {detail}</translation>
    </message>
    <message>
        <source>Workstation self-check</source>
        <translation>Самопроверка рабочего места</translation>
    </message>
    <message>
        <source>The workstation self-check passed and was sent to the operator. Send the query again.</source>
        <translation>Самопроверка рабочего места пройдена и отправлена оператору. Отправьте запрос снова.</translation>
    </message>
    <message>
        <source>The workstation self-check did not pass: {checks}. It was sent to the operator. Put right what it names (Tools → Workstation self-check shows the details), then send the query again: the self-check is run and sent again then.</source>
        <translation>Самопроверка рабочего места не пройдена: {checks}. Она отправлена оператору. Устраните названное (подробности: Сервис → Проверка рабочего места), затем отправьте запрос снова: тогда проверка будет выполнена и отправлена заново.</translation>
    </message>
</context>
<context>
    <name>CasePage</name>
    <message>
        <source>{h} h {m:02d} min</source>
        <translation>{h} ч {m:02d} мин</translation>
    </message>
    <message>
        <source>{n} waiting</source>
        <translation>ожидает: {n}</translation>
    </message>
    <message>
        <source>oldest {age} ago</source>
        <translation>самый давний — {age} назад</translation>
    </message>
    <message>
        <source>destroyed in {left}</source>
        <translation>уничтожение через {left}</translation>
    </message>
    <message>
        <source>journal № {seq}</source>
        <translation>журнал № {seq}</translation>
    </message>
    <message>
        <source>received {at}</source>
        <translation>получен {at}</translation>
    </message>
    <message>
        <source>Destroy without attaching</source>
        <translation>Уничтожить без приобщения</translation>
    </message>
    <message>
        <source>Destroy this result without attaching it to the case material? It cannot be opened again; the journal is told.</source>
        <translation>Уничтожить этот результат, не приобщая к материалам дела? Открыть его снова будет нельзя; журнал получит отчёт.</translation>
    </message>
    <message>
        <source>Case materials</source>
        <translation>Материалы дела</translation>
    </message>
    <message>
        <source>Material / resource</source>
        <translation>Материал / ресурс</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Результаты</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Давность</translation>
    </message>
    <message>
        <source>Destroyed in</source>
        <translation>До уничтожения</translation>
    </message>
    <message>
        <source>No results are waiting. Every result is attached to its material or destroyed; nothing of them is kept on this workstation.</source>
        <translation>Ожидающих результатов нет. Каждый результат приобщён к своему материалу или уничтожен; на этой рабочей станции от них ничего не хранится.</translation>
    </message>
    <message>
        <source>This workstation has no system keyring: results waiting here are lost if SIO Desk closes. They are destroyed and reported at the next start.</source>
        <translation>На этой рабочей станции нет системного хранилища ключей: ожидающие здесь результаты пропадут, если SIO Desk закроется. При следующем запуске они будут уничтожены, а журнал получит отчёт.</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Открыть</translation>
    </message>
    <message>
        <source>&amp;Attach…</source>
        <translation>&amp;Приобщить…</translation>
    </message>
    <message>
        <source>&amp;Destroy…</source>
        <translation>&amp;Уничтожить…</translation>
    </message>
    <message>
        <source>Latest results that left this workstation</source>
        <translation>Последние результаты, покинувшие рабочую станцию</translation>
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
        <source>SIO Desk runs for the first time on this workstation. The rules allow queries only from a workstation that meets them (Appendix 3 to the Rules), so every check is run now. You can print this report to PDF for your records.</source>
        <translation>SIO Desk впервые запущен на этом рабочем месте. Правила разрешают запросы только с рабочего места, которое им соответствует (приложение 3 к Правилам), поэтому сейчас выполняются все проверки. Этот отчёт можно распечатать в PDF для ваших документов.</translation>
    </message>
    <message>
        <source>&amp;Continue</source>
        <translation>&amp;Продолжить</translation>
    </message>
    <message>
        <source>Not registered yet: continue and &amp;apply…</source>
        <translation>Ещё не зарегистрирован: продолжить и &amp;подать заявку…</translation>
    </message>
</context>
<context>
    <name>LinkGraph</name>
    <message>
        <source>Queried subject</source>
        <translation>Запрошенный субъект</translation>
    </message>
    <message>
        <source>The subject of this query: {id}</source>
        <translation>Субъект этого запроса: {id}</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Физическое лицо</translation>
    </message>
    <message>
        <source>Legal entity</source>
        <translation>Юридическое лицо</translation>
    </message>
    <message>
        <source>Click, or press Enter, to query this subject with the same basis.</source>
        <translation>Щёлкните или нажмите Enter, чтобы запросить этот субъект с тем же основанием.</translation>
    </message>
    <message>
        <source>Links graph</source>
        <translation>Граф связей</translation>
    </message>
    <message>
        <source>{n} linked subjects. Tab or arrow keys move between them; Enter queries the one in focus.</source>
        <translation>Связанных субъектов: {n}. Tab или стрелки переходят между ними; Enter запрашивает выбранный.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>The screen was locked, so the session was locked too.</source>
        <translation>Экран заблокирован, поэтому заблокирован и сеанс.</translation>
    </message>
    <message>
        <source>The token was removed: the session is locked and nothing of it stays on screen.</source>
        <translation>Токен извлечён: сеанс заблокирован, на экране от него ничего не осталось.</translation>
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
        <source>Query</source>
        <translation>Запрос</translation>
    </message>
    <message>
        <source>Case materials</source>
        <translation>Материалы дела</translation>
    </message>
    <message>
        <source>Query (Ctrl+1)</source>
        <translation>Запрос (Ctrl+1)</translation>
    </message>
    <message>
        <source>{title} (Ctrl+2)</source>
        <translation>{title} (Ctrl+2)</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Учетная запись</translation>
    </message>
    <message>
        <source>Account and applications (Ctrl+Shift+U)</source>
        <translation>Учетная запись и заявки (Ctrl+Shift+U)</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Отчёты</translation>
    </message>
    <message>
        <source>Reports of departmental control (Ctrl+Shift+R)</source>
        <translation>Отчёты ведомственного контроля (Ctrl+Shift+R)</translation>
    </message>
    <message>
        <source>Diagnostics</source>
        <translation>Диагностика</translation>
    </message>
    <message>
        <source>Workstation self-check (Ctrl+Shift+D)</source>
        <translation>Самопроверка рабочей станции (Ctrl+Shift+D)</translation>
    </message>
    <message>
        <source>{n} result(s) are still waiting to be attached to case material.</source>
        <translation>Результатов, ожидающих приобщения к материалам дела: {n}.</translation>
    </message>
    <message>
        <source>Kept results are destroyed when SIO Desk closes: this workstation has no system keyring.</source>
        <translation>Оставленные результаты будут уничтожены при закрытии SIO Desk: на этой рабочей станции нет системного хранилища ключей.</translation>
    </message>
    <message>
        <source>Kept results wait until their retention time runs out, then they are destroyed.</source>
        <translation>Оставленные результаты ждут до окончания срока хранения, затем уничтожаются.</translation>
    </message>
    <message>
        <source>&amp;Destroy them</source>
        <translation>&amp;Уничтожить</translation>
    </message>
    <message>
        <source>&amp;Keep them</source>
        <translation>&amp;Оставить</translation>
    </message>
    <message>
        <source>The session was locked after a period of inactivity. What you typed is kept: sign in again to continue.</source>
        <translation>Сеанс заблокирован после периода бездействия. Введённое сохранено: войдите снова, чтобы продолжить.</translation>
    </message>
    <message>
        <source>No activity: the session locks in {n} s. Move the mouse or press a key to stay signed in.</source>
        <translation>Нет активности: сеанс будет заблокирован через {n} с. Пошевелите мышью или нажмите клавишу, чтобы остаться в системе.</translation>
    </message>
    <message>
        <source>Your session at the gateway has ended and could not be renewed. What you typed is kept: sign in again to send it.</source>
        <translation>Сеанс на шлюзе завершён, и продлить его не удалось. Введённое сохранено: войдите снова, чтобы отправить.</translation>
    </message>
    <message>
        <source>Your token PIN has not been changed for a month. Change it now: File → Change PIN… (paragraph 12 of the Rules).</source>
        <translation>PIN-код токена не менялся месяц. Смените его сейчас: Файл → Сменить PIN-код… (п. 12 Правил).</translation>
    </message>
    <message>
        <source>{n} result(s) will be destroyed within 15 minutes unless attached to case material: Case materials (Ctrl+2).</source>
        <translation>Результатов, которые будут уничтожены в течение 15 минут, если их не приобщить к материалам дела: {n}. Материалы дела (Ctrl+2).</translation>
    </message>
    <message>
        <source>{n} result(s) were not attached in time and have been destroyed; the journal is told (paragraph 19 of the Rules).</source>
        <translation>Результатов, не приобщённых вовремя и уничтоженных: {n}; журнал получил отчёт (п. 19 Правил).</translation>
    </message>
    <message>
        <source>{n} result(s) left by an earlier run of SIO Desk were destroyed at start; the journal is told.</source>
        <translation>Результатов, оставшихся от прошлого запуска SIO Desk и уничтоженных при старте: {n}; журнал получил отчёт.</translation>
    </message>
    <message>
        <source>SIO Desk — client of the law-enforcement information exchange system.
Every query is signed with your NCA EDS and sent with its basis (paragraph 3 of the Rules); every answer is checked against the operator&apos;s signature before it is shown.</source>
        <translation>SIO Desk — клиент системы информационного обмена правоохранительных органов.
Каждый запрос подписывается вашей ЭЦП НУЦ и отправляется с основанием (п. 3 Правил); каждый ответ перед показом проверяется по подписи оператора.</translation>
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
        <source>&amp;Case materials</source>
        <translation>&amp;Материалы дела</translation>
    </message>
    <message>
        <source>&amp;About SIO Desk</source>
        <translation>&amp;О программе SIO Desk</translation>
    </message>
</context>
<context>
    <name>OperatorConsole</name>
    <message>
        <source>Registration</source>
        <translation>Регистрация</translation>
    </message>
    <message>
        <source>Transfer (editing)</source>
        <translation>Перевод (редактирование)</translation>
    </message>
    <message>
        <source>Blocking</source>
        <translation>Блокировка</translation>
    </message>
    <message>
        <source>valid: intact, trusted, in force</source>
        <translation>действительна: не изменена, доверенная, в силе</translation>
    </message>
    <message>
        <source>invalid: changed after signing or broken</source>
        <translation>недействительна: изменена после подписания или повреждена</translation>
    </message>
    <message>
        <source>the certificate is not from a trusted CA</source>
        <translation>сертификат выдан не доверенным УЦ</translation>
    </message>
    <message>
        <source>the certificate is revoked</source>
        <translation>сертификат отозван</translation>
    </message>
    <message>
        <source>the certificate has expired</source>
        <translation>срок действия сертификата истёк</translation>
    </message>
    <message>
        <source>a signature of an unsupported kind</source>
        <translation>подпись неподдерживаемого вида</translation>
    </message>
    <message>
        <source>{h} h {m:02d} min</source>
        <translation>{h} ч {m:02d} мин</translation>
    </message>
    <message>
        <source>overdue by {span}</source>
        <translation>просрочено на {span}</translation>
    </message>
    <message>
        <source>{span} left</source>
        <translation>осталось {span}</translation>
    </message>
    <message>
        <source>Opening the application and checking its signatures…</source>
        <translation>Заявка открывается, подписи проверяются…</translation>
    </message>
    <message>
        <source>Open an application to see its documents.</source>
        <translation>Откройте заявку, чтобы увидеть её документы.</translation>
    </message>
    <message>
        <source>Application № {id}: {action}, {name} (IIN {iin}), {org}</source>
        <translation>Заявка № {id}: {action}, {name} (ИИН {iin}), {org}</translation>
    </message>
    <message>
        <source>Signed PDF checked on this desk: {v}</source>
        <translation>Подписанный PDF проверен на этом рабочем месте: {v}</translation>
    </message>
    <message>
        <source>Signature of {who} (IIN {iin}) at {when}: {v}{cover}</source>
        <translation>Подпись {who} (ИИН {iin}), {when}: {v}{cover}</translation>
    </message>
    <message>
        <source>; does not cover the whole file</source>
        <translation>; охватывает не весь файл</translation>
    </message>
    <message>
        <source>Scans of the paper copy: {n}</source>
        <translation>Сканы бумажного экземпляра: {n}</translation>
    </message>
    <message>
        <source>Refuse the application</source>
        <translation>Отказать по заявке</translation>
    </message>
    <message>
        <source>The reason (the applicant reads it; it is signed with your EDS):</source>
        <translation>Причина (заявитель её прочтёт; она подписывается вашей ЭЦП):</translation>
    </message>
    <message>
        <source>A refusal states its reason.</source>
        <translation>Укажите причину отказа.</translation>
    </message>
    <message>
        <source>Signing the decision on your token…</source>
        <translation>Решение подписывается на вашем токене…</translation>
    </message>
    <message>
        <source>Application № {id} registered.</source>
        <translation>По заявке № {id} пользователь зарегистрирован.</translation>
    </message>
    <message>
        <source>Application № {id} refused; the applicant will see the reason.</source>
        <translation>По заявке № {id} отказано; заявитель увидит причину.</translation>
    </message>
    <message>
        <source>Incoming applications</source>
        <translation>Поступившие заявки</translation>
    </message>
    <message>
        <source>№</source>
        <translation>№</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>Заявитель</translation>
    </message>
    <message>
        <source>IIN</source>
        <translation>ИИН</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>Заявка</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Поступила</translation>
    </message>
    <message>
        <source>Decision due (one day)</source>
        <translation>Срок решения (один день)</translation>
    </message>
    <message>
        <source>No application awaits a decision.</source>
        <translation>Заявок, ожидающих решения, нет.</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <source>Open signed PDF</source>
        <translation>Открыть подписанный PDF</translation>
    </message>
    <message>
        <source>Open scan</source>
        <translation>Открыть скан</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Зарегистрировать</translation>
    </message>
    <message>
        <source>Refuse…</source>
        <translation>Отказать…</translation>
    </message>
    <message>
        <source>Seal and export the journal…</source>
        <translation>Опечатать и выгрузить журнал…</translation>
    </message>
    <message>
        <source>Applications</source>
        <translation>Заявки</translation>
    </message>
</context>
<context>
    <name>OperatorEmergency</name>
    <message>
        <source>Fill in every field.</source>
        <translation>Заполните все поля.</translation>
    </message>
    <message>
        <source>No works are announced.</source>
        <translation>Объявленных работ нет.</translation>
    </message>
    <message>
        <source>{n} min</source>
        <translation>{n} мин</translation>
    </message>
    <message>
        <source>open</source>
        <translation>открыта</translation>
    </message>
    <message>
        <source>Open an emergency journal entry</source>
        <translation>Открыть запись в журнале аварийных ситуаций</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>Раздел</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Действия</translation>
    </message>
    <message>
        <source>Required time, maximum (min)</source>
        <translation>Необходимое время, максимум (мин)</translation>
    </message>
    <message>
        <source>Responsible person</source>
        <translation>Ответственное лицо</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Начало</translation>
    </message>
    <message>
        <source>Close entry № {no}</source>
        <translation>Закрыть запись № {no}</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Окончание</translation>
    </message>
    <message>
        <source>Actions taken (optional)</source>
        <translation>Принятые меры (необязательно)</translation>
    </message>
    <message>
        <source>Announce planned technical works</source>
        <translation>Объявить плановые технические работы</translation>
    </message>
    <message>
        <source>Text in Kazakh</source>
        <translation>Текст на казахском</translation>
    </message>
    <message>
        <source>Text in Russian</source>
        <translation>Текст на русском</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>Начало</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>Окончание</translation>
    </message>
    <message>
        <source>Signing on your token…</source>
        <translation>Подписывается на вашем токене…</translation>
    </message>
    <message>
        <source>Signed and journaled (entry {seq}).</source>
        <translation>Подписано и занесено в журнал (запись {seq}).</translation>
    </message>
    <message>
        <source>Emergency journal</source>
        <translation>Журнал аварийных ситуаций</translation>
    </message>
    <message>
        <source>Announced technical works</source>
        <translation>Объявленные технические работы</translation>
    </message>
    <message>
        <source>№</source>
        <translation>№</translation>
    </message>
    <message>
        <source>Maximum time</source>
        <translation>Максимальное время</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>Ответственный</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Начало</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Окончание</translation>
    </message>
    <message>
        <source>Open an entry…</source>
        <translation>Открыть запись…</translation>
    </message>
    <message>
        <source>Close the entry…</source>
        <translation>Закрыть запись…</translation>
    </message>
    <message>
        <source>Announce works…</source>
        <translation>Объявить работы…</translation>
    </message>
</context>
<context>
    <name>OperatorJournal</name>
    <message>
        <source>Folder for the journal archive</source>
        <translation>Папка для архива журнала</translation>
    </message>
    <message>
        <source>{n} KB</source>
        <translation>{n} КБ</translation>
    </message>
    <message>
        <source>{n} MB</source>
        <translation>{n} МБ</translation>
    </message>
    <message>
        <source>Signing on your token; the gateway seals the journal…</source>
        <translation>Подпись на вашем токене; шлюз опечатывает журнал…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Отмена…</translation>
    </message>
    <message>
        <source>Receiving the archive: {got} of {all}</source>
        <translation>Получение архива: {got} из {all}</translation>
    </message>
    <message>
        <source>Receiving the archive: {got}</source>
        <translation>Получение архива: {got}</translation>
    </message>
    <message>
        <source>Saved in {path} ({size}).</source>
        <translation>Сохранено в {path} ({size}).</translation>
    </message>
    <message>
        <source>{where} It could not be verified on this workstation: {problem}</source>
        <translation>{where} Проверить его на этом рабочем месте не удалось: {problem}</translation>
    </message>
    <message>
        <source>The journal is sealed and the archive is intact: {entries} entries in {segments} sealed segments check out against the operator key this desk trusts; your export is entry № {seq}. {where}</source>
        <translation>Журнал опечатан, архив цел: {entries} записей в {segments} опечатанных сегментах прошли проверку по ключу оператора, которому доверяет это рабочее место; ваша выгрузка — запись № {seq}. {where}</translation>
    </message>
    <message>
        <source>THE ARCHIVE DOES NOT VERIFY at journal entry № {seq}: {entries} entries before it check out. Report this to the security administrator. {where}</source>
        <translation>АРХИВ НЕ ПРОХОДИТ ПРОВЕРКУ на записи журнала № {seq}: {entries} записей до неё проверку прошли. Сообщите администратору безопасности. {where}</translation>
    </message>
    <message>
        <source>The archive does not verify: {reason}. {where}</source>
        <translation>Архив не проходит проверку: {reason}. {where}</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Seal and export the journal</source>
        <translation>Опечатать и выгрузить журнал</translation>
    </message>
    <message>
        <source>The gateway seals the journal&apos;s open segment with the operator&apos;s key and sends the whole journal as an archive; this desk saves it in a new folder inside the folder you choose and verifies it. The request is signed with your EDS on the token and journaled before the seal, so the archive shows who took it.</source>
        <translation>Шлюз опечатывает открытый сегмент журнала ключом оператора и передаёт весь журнал архивом; это рабочее место сохраняет его в новой папке внутри выбранной вами и проверяет. Запрос подписывается вашей ЭЦП на токене и заносится в журнал до опечатывания, поэтому архив показывает, кто его выгрузил.</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>&amp;Папка:</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>&amp;Выбрать…</translation>
    </message>
    <message>
        <source>I understand: a sealed segment is permanent — it cannot be reopened, changed or deleted</source>
        <translation>Я понимаю: опечатанный сегмент опечатан навсегда — его нельзя вновь открыть, изменить или удалить</translation>
    </message>
    <message>
        <source>&amp;Seal and export</source>
        <translation>&amp;Опечатать и выгрузить</translation>
    </message>
    <message>
        <source>Open in the &amp;archive viewer</source>
        <translation>Открыть в просмотрщике &amp;архива</translation>
    </message>
</context>
<context>
    <name>OperatorUsers</name>
    <message>
        <source>suspended until {date}</source>
        <translation>приостановлен до {date}</translation>
    </message>
    <message>
        <source>active</source>
        <translation>активен</translation>
    </message>
    <message>
        <source>blocked</source>
        <translation>заблокирован</translation>
    </message>
    <message>
        <source>access closed</source>
        <translation>доступ закрыт</translation>
    </message>
    <message>
        <source>account deleted</source>
        <translation>учётная запись удалена</translation>
    </message>
    <message>
        <source>analyst</source>
        <translation>аналитик</translation>
    </message>
    <message>
        <source>departmental controller</source>
        <translation>ведомственный контролёр</translation>
    </message>
    <message>
        <source>operator</source>
        <translation>оператор</translation>
    </message>
    <message>
        <source>no self-check received</source>
        <translation>результат самопроверки не получен</translation>
    </message>
    <message>
        <source>{when}: all checks passed</source>
        <translation>{when}: все проверки пройдены</translation>
    </message>
    <message>
        <source>{when}: {n} checks not passed</source>
        <translation>{when}: не пройдено проверок: {n}</translation>
    </message>
    <message>
        <source>met</source>
        <translation>соблюдена</translation>
    </message>
    <message>
        <source>Access returns on</source>
        <translation>Доступ возвращается</translation>
    </message>
    <message>
        <source>Reason (the user reads it; signed with your EDS)</source>
        <translation>Причина (пользователь её прочтёт; подписывается вашей ЭЦП)</translation>
    </message>
    <message>
        <source>State the reason.</source>
        <translation>Укажите причину.</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Должность</translation>
    </message>
    <message>
        <source>Reason (kept in the journal; signed with your EDS)</source>
        <translation>Причина (сохраняется в журнале; подписывается вашей ЭЦП)</translation>
    </message>
    <message>
        <source>Fill in the position and the organisation.</source>
        <translation>Заполните должность и организацию.</translation>
    </message>
    <message>
        <source>Signing on your token…</source>
        <translation>Подписывается на вашем токене…</translation>
    </message>
    <message>
        <source>Saved for {name}; it is in the journal, and the user sees it at their next sign-in.</source>
        <translation>Сохранено для {name}; занесено в журнал, пользователь увидит это при следующем входе.</translation>
    </message>
    <message>
        <source>Done for {name}; it is in the journal and the user is told why.</source>
        <translation>Выполнено для {name}; занесено в журнал, пользователю сообщается причина.</translation>
    </message>
    <message>
        <source>Edit {name}</source>
        <translation>Изменить данные {name}</translation>
    </message>
    <message>
        <source>Block {name}</source>
        <translation>Заблокировать: {name}</translation>
    </message>
    <message>
        <source>Unblock {name}</source>
        <translation>Разблокировать: {name}</translation>
    </message>
    <message>
        <source>Suspend access of {name}</source>
        <translation>Приостановить доступ: {name}</translation>
    </message>
    <message>
        <source>Close access of {name}</source>
        <translation>Закрыть доступ: {name}</translation>
    </message>
    <message>
        <source>Delete the account of {name}</source>
        <translation>Удалить учётную запись: {name}</translation>
    </message>
    <message>
        <source>The user will have to apply for registration anew. Delete?</source>
        <translation>Пользователю придётся заново подать заявку на регистрацию. Удалить?</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Пользователи</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>ФИО</translation>
    </message>
    <message>
        <source>IIN</source>
        <translation>ИИН</translation>
    </message>
    <message>
        <source>Whether the newest complete self-check of the user&apos;s workstation meets the gateway&apos;s access policy now: passed, and not too old (paragraph 4 of the Rules, Appendix 3)</source>
        <translation>Соответствует ли последняя полная самопроверка рабочего места пользователя политике доступа шлюза сейчас: пройдена и не слишком давняя (п. 4 Правил, приложение 3 к Правилам)</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Организация</translation>
    </message>
    <message>
        <source>none complete</source>
        <translation>нет полной</translation>
    </message>
    <message>
        <source>checks failed</source>
        <translation>проверки не пройдены</translation>
    </message>
    <message>
        <source>undetermined</source>
        <translation>не определена</translation>
    </message>
    <message>
        <source>too old</source>
        <translation>устарела</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>Access policy</source>
        <translation>Политика доступа</translation>
    </message>
    <message>
        <source>Workstation self-check</source>
        <translation>Самопроверка рабочей станции</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Изменить…</translation>
    </message>
    <message>
        <source>Block…</source>
        <translation>Заблокировать…</translation>
    </message>
    <message>
        <source>Unblock…</source>
        <translation>Разблокировать…</translation>
    </message>
    <message>
        <source>Suspend…</source>
        <translation>Приостановить…</translation>
    </message>
    <message>
        <source>Close access…</source>
        <translation>Закрыть доступ…</translation>
    </message>
    <message>
        <source>Delete account…</source>
        <translation>Удалить учётную запись…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Обновить</translation>
    </message>
</context>
<context>
    <name>OutageNotice</name>
    <message>
        <source>Notice to the operator</source>
        <translation>Уведомление оператору</translation>
    </message>
    <message>
        <source>Tell the operator at once by phone and e-mail. Check the text, add what you saw, then copy it into an e-mail or print it.</source>
        <translation>Немедленно сообщите оператору по телефону и электронной почте. Проверьте текст, дополните тем, что вы наблюдали, затем скопируйте его в письмо или распечатайте.</translation>
    </message>
    <message>
        <source>Text of the notice</source>
        <translation>Текст уведомления</translation>
    </message>
    <message>
        <source>Operator&apos;s contacts</source>
        <translation>Контакты оператора</translation>
    </message>
    <message>
        <source>&amp;Copy text</source>
        <translation>&amp;Копировать текст</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Печать…</translation>
    </message>
    <message>
        <source>The text is copied: paste it into an e-mail.</source>
        <translation>Текст скопирован: вставьте его в письмо.</translation>
    </message>
    <message>
        <source>Printing failed: check the printer.</source>
        <translation>Печать не удалась: проверьте принтер.</translation>
    </message>
    <message>
        <source>The notice is sent to the printer.</source>
        <translation>Уведомление отправлено на печать.</translation>
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
        <source>Downtime of this resource</source>
        <translation>Простои этого ресурса</translation>
    </message>
    <message>
        <source>Prepare a notice to the operator…</source>
        <translation>Подготовить уведомление оператору…</translation>
    </message>
    <message>
        <source>No resource is chosen: find one above.</source>
        <translation>Ресурс не выбран: найдите его выше.</translation>
    </message>
    <message>
        <source>Search parameters</source>
        <translation>Параметры поиска</translation>
    </message>
    <message>
        <source>Search by</source>
        <translation>Способ поиска</translation>
    </message>
    <message>
        <source>12 digits</source>
        <translation>12 цифр</translation>
    </message>
    <message>
        <source>Basis of the query (required, paragraph 3 of the Rules)</source>
        <translation>Основание запроса (обязательно, п. 3 Правил)</translation>
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
    <name>Reports</name>
    <message>
        <source>&amp;Reports…</source>
        <translation>&amp;Отчёты…</translation>
    </message>
    <message>
        <source>no disposition past the retention time</source>
        <translation>срок хранения истёк, с результатом ничего не сделано</translation>
    </message>
    <message>
        <source>attached to other material</source>
        <translation>приобщено к другому материалу</translation>
    </message>
    <message>
        <source>outside working hours</source>
        <translation>вне рабочего времени</translation>
    </message>
    <message>
        <source>bulk requests</source>
        <translation>массовые запросы</translation>
    </message>
    <message>
        <source>one subject asked by many users</source>
        <translation>один субъект запрошен многими пользователями</translation>
    </message>
    <message>
        <source>own IIN looked up</source>
        <translation>запрос по собственному ИИН</translation>
    </message>
    <message>
        <source>attached (printed)</source>
        <translation>приобщено (распечатано)</translation>
    </message>
    <message>
        <source>attached (exported)</source>
        <translation>приобщено (экспортировано)</translation>
    </message>
    <message>
        <source>attached (printed and exported)</source>
        <translation>приобщено (распечатано и экспортировано)</translation>
    </message>
    <message>
        <source>destroyed unattached</source>
        <translation>уничтожено без приобщения</translation>
    </message>
    <message>
        <source>nothing done yet</source>
        <translation>пока ничего не сделано</translation>
    </message>
    <message>
        <source>nothing done, retention passed</source>
        <translation>ничего не сделано, срок хранения истёк</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>отказано</translation>
    </message>
    <message>
        <source>nothing done (pending or overdue)</source>
        <translation>ничего не сделано (ожидает или просрочено)</translation>
    </message>
    <message>
        <source>query, answered</source>
        <translation>запрос, получен ответ</translation>
    </message>
    <message>
        <source>query, refused</source>
        <translation>запрос, отказано</translation>
    </message>
    <message>
        <source>what became of the result, signed by the user</source>
        <translation>что стало с результатом, подписано пользователем</translation>
    </message>
    <message>
        <source>signature valid</source>
        <translation>подпись действительна</translation>
    </message>
    <message>
        <source>SIGNATURE INVALID</source>
        <translation>ПОДПИСЬ НЕДЕЙСТВИТЕЛЬНА</translation>
    </message>
    <message>
        <source>no signature of the user (journal chain only)</source>
        <translation>подписи пользователя нет (только цепочка журнала)</translation>
    </message>
    <message>
        <source>The period&apos;s first day is after its last.</source>
        <translation>Первый день периода позже последнего.</translation>
    </message>
    <message>
        <source>More than 30 days have passed since the last review of the reports ({when}). Departmental control reviews them at least monthly (paragraph 21 of the Rules): review the period and record the review.</source>
        <translation>С последнего просмотра отчётов ({when}) прошло более 30 дней. Ведомственный контроль просматривает их не реже раза в месяц (п. 21 Правил): просмотрите период и зафиксируйте просмотр.</translation>
    </message>
    <message>
        <source>The reports have never been reviewed. Departmental control reviews them at least monthly (paragraph 21 of the Rules): review the period and record the review.</source>
        <translation>Отчёты ещё ни разу не просматривались. Ведомственный контроль просматривает их не реже раза в месяц (п. 21 Правил): просмотрите период и зафиксируйте просмотр.</translation>
    </message>
    <message>
        <source>All users</source>
        <translation>Все пользователи</translation>
    </message>
    <message>
        <source>All resources</source>
        <translation>Все ресурсы</translation>
    </message>
    <message>
        <source>Any disposition</source>
        <translation>Любая судьба результата</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>получен ответ</translation>
    </message>
    <message>
        <source>{first} – {last}: {requests} requests ({answered} answered, {refused} refused); shown {shown}; anomalies {anomalies}; results with nothing done {none}</source>
        <translation>{first} – {last}: запросов {requests} (с ответом {answered}, отказано {refused}); показано {shown}; аномалий {anomalies}; результатов, с которыми ничего не сделано, {none}</translation>
    </message>
    <message>
        <source>Journal entry</source>
        <translation>Запись журнала</translation>
    </message>
    <message>
        <source>Time (Astana)</source>
        <translation>Время (Астана)</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Пользователь</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>Ресурс</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>Номер дела</translation>
    </message>
    <message>
        <source>Legal ground</source>
        <translation>Правовое основание</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Цель</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Параметры</translation>
    </message>
    <message>
        <source>What became of the result</source>
        <translation>Что стало с результатом</translation>
    </message>
    <message>
        <source>Anomalies</source>
        <translation>Аномалии</translation>
    </message>
    <message>
        <source>Reading the journal entries…</source>
        <translation>Читаются записи журнала…</translation>
    </message>
    <message>
        <source>Journal entries</source>
        <translation>Записи журнала</translation>
    </message>
    <message>
        <source>Answer hash</source>
        <translation>Хэш ответа</translation>
    </message>
    <message>
        <source>chain intact</source>
        <translation>цепочка цела</translation>
    </message>
    <message>
        <source>CHAIN BROKEN</source>
        <translation>ЦЕПОЧКА НАРУШЕНА</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>Экспорт в CSV</translation>
    </message>
    <message>
        <source>The file could not be written: {detail}</source>
        <translation>Не удалось записать файл: {detail}</translation>
    </message>
    <message>
        <source>Export signed PDF</source>
        <translation>Экспорт в подписанный PDF</translation>
    </message>
    <message>
        <source>Reports: requests of the agency&apos;s users</source>
        <translation>Отчёты: запросы пользователей агентства</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Период</translation>
    </message>
    <message>
        <source>Report SHA-256</source>
        <translation>SHA-256 отчёта</translation>
    </message>
    <message>
        <source>Requests shown</source>
        <translation>Показано запросов</translation>
    </message>
    <message>
        <source>No requests.</source>
        <translation>Запросов нет.</translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>Страница {page} из {pages}</translation>
    </message>
    <message>
        <source>SHA-256 of the report reviewed</source>
        <translation>SHA-256 просмотренного отчёта</translation>
    </message>
    <message>
        <source>Departmental control (paragraph 21 of the Rules).</source>
        <translation>Ведомственный контроль (п. 21 Правил).</translation>
    </message>
    <message>
        <source>Record the review</source>
        <translation>Зафиксировать просмотр</translation>
    </message>
    <message>
        <source>Your review of {first} – {last}, signed with your EDS and kept in the journal. Findings (optional):</source>
        <translation>Ваш просмотр периода {first} – {last} будет подписан ЭЦП и сохранён в журнале. Выводы (необязательно):</translation>
    </message>
    <message>
        <source>Block now</source>
        <translation>Заблокировать сейчас</translation>
    </message>
    <message>
        <source>Block {who} at once (paragraph 17 of the Rules). The user&apos;s session ends and they are told this reason. Reason:</source>
        <translation>{who} будет заблокирован немедленно (п. 17 Правил). Сеанс пользователя завершится, ему будет сообщена эта причина. Причина:</translation>
    </message>
    <message>
        <source>{who} is blocked. Every further request of theirs is refused with the reason.</source>
        <translation>{who} заблокирован. Каждый его следующий запрос отклоняется с указанием причины.</translation>
    </message>
    <message>
        <source>From</source>
        <translation>С</translation>
    </message>
    <message>
        <source>to</source>
        <translation>по</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Показать</translation>
    </message>
    <message>
        <source>Case number, legal ground or purpose contains…</source>
        <translation>Номер дела, основание или цель содержит…</translation>
    </message>
    <message>
        <source>Anomalies only</source>
        <translation>Только аномалии</translation>
    </message>
    <message>
        <source>№</source>
        <translation>№</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Исход</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Экспорт в CSV…</translation>
    </message>
    <message>
        <source>Export signed PDF…</source>
        <translation>Экспорт в подписанный PDF…</translation>
    </message>
    <message>
        <source>Record the review…</source>
        <translation>Зафиксировать просмотр…</translation>
    </message>
    <message>
        <source>Block now…</source>
        <translation>Заблокировать сейчас…</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Отчёты</translation>
    </message>
</context>
<context>
    <name>ResourceFinder</name>
    <message>
        <source>&amp;Find a resource:</source>
        <translation>&amp;Найти ресурс:</translation>
    </message>
    <message>
        <source>Number or name, e.g. 19 or photo (Ctrl+F)</source>
        <translation>Номер или название, например 19 или фото (Ctrl+F)</translation>
    </message>
    <message>
        <source>Find a resource</source>
        <translation>Найти ресурс</translation>
    </message>
    <message>
        <source>Type a number or words of the name in Kazakh, Russian or English; arrows move through the list, Enter picks.</source>
        <translation>Введите номер или слова названия на казахском, русском или английском; стрелки перемещают по списку, Enter выбирает.</translation>
    </message>
    <message>
        <source>Resources found</source>
        <translation>Найденные ресурсы</translation>
    </message>
    <message>
        <source>No resource has this number or name. Clear the box to see them all.</source>
        <translation>Ресурса с таким номером или названием нет. Очистите поле, чтобы увидеть все.</translation>
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
        <source>This service answers in part: amounts are not returned.</source>
        <translation>Этот сервис отвечает частично: суммы не передаются.</translation>
    </message>
    <message>
        <source>Records: {n}</source>
        <translation>Записей: {n}</translation>
    </message>
    <message>
        <source>Shown: {shown} of {n}</source>
        <translation>Показано: {shown} из {n}</translation>
    </message>
    <message>
        <source>Select a record to see all of its fields.</source>
        <translation>Выберите запись, чтобы увидеть все её поля.</translation>
    </message>
    <message>
        <source>Record {n} of {total}</source>
        <translation>Запись {n} из {total}</translation>
    </message>
    <message>
        <source>The photo could not be shown.</source>
        <translation>Фото не удалось показать.</translation>
    </message>
    <message>
        <source>Photo: {name}</source>
        <translation>Фото: {name}</translation>
    </message>
    <message>
        <source>Copied. The clipboard will be emptied in {n} s.</source>
        <translation>Скопировано. Буфер обмена будет очищен через {n} с.</translation>
    </message>
    <message>
        <source>Copied.</source>
        <translation>Скопировано.</translation>
    </message>
    <message>
        <source>Copying is turned off by your administrator: the information obtained is confidential (paragraph 19 of the Rules).</source>
        <translation>Копирование отключено администратором: полученные сведения конфиденциальны (п. 19 Правил).</translation>
    </message>
    <message>
        <source>&amp;Copy value</source>
        <translation>&amp;Копировать значение</translation>
    </message>
    <message>
        <source>&amp;Filter:</source>
        <translation>&amp;Фильтр:</translation>
    </message>
    <message>
        <source>Words to find in any column (Ctrl+F)</source>
        <translation>Слова для поиска в любом столбце (Ctrl+F)</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Записи</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>Связи</translation>
    </message>
    <message>
        <source>Click a person or a company, or reach it with Tab and press Enter, to query it with the same basis.</source>
        <translation>Щёлкните лицо или организацию либо выберите её клавишей Tab и нажмите Enter, чтобы запросить с тем же основанием.</translation>
    </message>
    <message>
        <source>&amp;Attach…</source>
        <translation>&amp;Приобщить…</translation>
    </message>
    <message>
        <source>Print and/or export a signed printout of this result into the case material; then the copy on this computer is destroyed (Ctrl+Shift+A).</source>
        <translation>Распечатайте и/или экспортируйте подписанную распечатку этого результата в материалы дела; затем копия на этом компьютере уничтожается (Ctrl+Shift+A).</translation>
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
        <source>a key file, allowed only in the sandbox</source>
        <translation>файл ключа, допустим только в песочнице</translation>
    </message>
</context>
<context>
    <name>application_form</name>
    <message>
        <source>Electronic application for access to the information exchange system of law enforcement, special state and other bodies</source>
        <translation>Электронная заявка на организацию доступа к системе информационного обмена правоохранительных, специальных государственных и иных органов</translation>
    </message>
    <message>
        <source>To perform my official duties, I ask that access to the SIO be arranged with the parameters below:</source>
        <translation>Для исполнения служебных обязанностей прошу организовать доступ к СИО ПСО по указанным ниже параметрам:</translation>
    </message>
    <message>
        <source>SANDBOX: not a real application</source>
        <translation>ПЕСОЧНИЦА: не настоящая заявка</translation>
    </message>
    <message>
        <source>Surname, name, patronymic (if any) (in full)</source>
        <translation>Фамилия, имя, отчество (при наличии) (полностью)</translation>
    </message>
    <message>
        <source>Individual identification number (IIN)</source>
        <translation>Индивидуальный идентификационный номер (ИИН)</translation>
    </message>
    <message>
        <source>The applicant&apos;s place of work</source>
        <translation>Сведения о месте работы заявителя</translation>
    </message>
    <message>
        <source>Name of the organisation</source>
        <translation>Наименование организации</translation>
    </message>
    <message>
        <source>The organisation&apos;s code in the Unified Register of Pre-trial Investigations</source>
        <translation>Код организации в Едином реестре досудебных расследований</translation>
    </message>
    <message>
        <source>The organisation&apos;s BIN</source>
        <translation>БИН организации</translation>
    </message>
    <message>
        <source>Structural unit</source>
        <translation>Структурное подразделение</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Должность</translation>
    </message>
    <message>
        <source>The applicant&apos;s contact details</source>
        <translation>Контактные данные заявителя</translation>
    </message>
    <message>
        <source>Work phone</source>
        <translation>Рабочий телефон</translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation>Мобильный телефон</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Электронная почта</translation>
    </message>
    <message>
        <source>Work address</source>
        <translation>Рабочий адрес</translation>
    </message>
    <message>
        <source>Kind of action</source>
        <translation>Вид действия</translation>
    </message>
    <message>
        <source>Registration</source>
        <translation>Регистрация</translation>
    </message>
    <message>
        <source>Transfer (editing)</source>
        <translation>Перемещение (редактирование)</translation>
    </message>
    <message>
        <source>Blocking</source>
        <translation>Блокировка</translation>
    </message>
    <message>
        <source>Reason for blocking</source>
        <translation>Причина блокировки</translation>
    </message>
    <message>
        <source>The head&apos;s order appointing the official in charge of departmental control</source>
        <translation>Приказ руководителя о назначении должностным лицом, осуществляющим ведомственный контроль</translation>
    </message>
    <message>
        <source>Date the appointment order was signed (Astana time)</source>
        <translation>Дата подписания приказа о назначении (время Астаны)</translation>
    </message>
    <message>
        <source>I confirm</source>
        <translation>Подтверждаю</translation>
    </message>
    <message>
        <source>I have read the agreement on rights of use of the SIO and agree to it.</source>
        <translation>С соглашением о правах использования СИО ПСО ознакомлен и согласен.</translation>
    </message>
    <message>
        <source>I confirm that I hold an electronic digital signature on a protected carrier.</source>
        <translation>Подтверждаю наличие у меня электронной цифровой подписи на защищённом носителе.</translation>
    </message>
    <message>
        <source>I allow my personal data to be passed on for registration in the SIO.</source>
        <translation>Разрешаю передачу моих персональных данных для регистрации в СИО ПСО.</translation>
    </message>
    <message>
        <source>Signatures</source>
        <translation>Подписи</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>The applicant&apos;s signature</source>
        <translation>Подпись заявителя</translation>
    </message>
    <message>
        <source>The applicant&apos;s head: position, full name (if any)</source>
        <translation>Руководитель заявителя: должность, Ф.И.О. (при наличии)</translation>
    </message>
    <message>
        <source>The head&apos;s signature / seal</source>
        <translation>Подпись руководителя / М.П.</translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>Страница {page} из {pages}</translation>
    </message>
    <message>
        <source>QR: hash of the application form (SHA-256)</source>
        <translation>QR: хэш формы заявки (SHA-256)</translation>
    </message>
    <message>
        <source>A copy signed by hand and stamped is scanned and attached to the electronic application (paragraph 5 of the Rules).</source>
        <translation>Копия, подписанная от руки и заверенная печатью, сканируется и прилагается к электронной заявке (п. 5 Правил).</translation>
    </message>
    <message>
        <source>Blocking my own account because of an absence from the workplace of more than two months: from {first} to {last}</source>
        <translation>Блокировка своей учетной записи в связи с отсутствием на рабочем месте более двух месяцев: с {first} по {last}</translation>
    </message>
</context>
<context>
    <name>certcli</name>
    <message>
        <source>VALID</source>
        <translation>ДЕЙСТВИТЕЛЬНА</translation>
    </message>
    <message>
        <source>INVALID</source>
        <translation>НЕДЕЙСТВИТЕЛЬНА</translation>
    </message>
    <message>
        <source>UNTRUSTED</source>
        <translation>НЕТ ДОВЕРИЯ</translation>
    </message>
    <message>
        <source>REVOKED</source>
        <translation>ОТОЗВАН</translation>
    </message>
    <message>
        <source>EXPIRED</source>
        <translation>СРОК ИСТЁК</translation>
    </message>
    <message>
        <source>UNSUPPORTED</source>
        <translation>НЕ ПОДДЕРЖИВАЕТСЯ</translation>
    </message>
    <message>
        <source>REVOCATION STATUS UNKNOWN</source>
        <translation>СТАТУС ОТЗЫВА НЕИЗВЕСТЕН</translation>
    </message>
</context>
<context>
    <name>downtime</name>
    <message>
        <source>Planned technical works until {ends}: {title}. The query will be refused; send it when they are over.</source>
        <translation>Плановые технические работы до {ends}: {title}. Запрос не будет принят; отправьте его после их окончания.</translation>
    </message>
    <message>
        <source>Planned technical works from {starts} until {ends}: {title}.</source>
        <translation>С {starts} до {ends} запланированы технические работы: {title}.</translation>
    </message>
    <message>
        <source>An emergency (since {starts}): the resource is unavailable. Try again later.</source>
        <translation>Внештатная ситуация (с {starts}): ресурс недоступен. Повторите позже.</translation>
    </message>
    <message>
        <source> Access has been delayed for more than an hour: tell the system operator at once.</source>
        <translation> Доступ задерживается более часа: немедленно сообщите об этом оператору СИО ПСО.</translation>
    </message>
    <message>
        <source>To the operator of the information exchange system.

Under paragraph 15 of the 2017 Rules I report that access to the resource &quot;{resource}&quot; has been delayed for more than an hour: it has been unavailable since {since} (Astana time).

What I saw: {seen}

{name}, {organization}
{now} (Astana time)</source>
        <translation>Оператору СИО ПСО.

В соответствии с п. 15 Правил 2017 года сообщаю, что доступ к ресурсу «{resource}» задерживается более одного часа: ресурс недоступен с {since} (время Астаны).

Что я наблюдал: {seen}

{name}, {organization}
{now} (время Астаны)</translation>
    </message>
    <message>
        <source>the emergency journal shows an open emergency since {starts}.</source>
        <translation>в журнале аварийных ситуаций открыта аварийная ситуация с {starts}.</translation>
    </message>
    <message>
        <source>{count} attempts to send a query failed between {first} and {last}.</source>
        <translation>попыток отправить запрос, завершившихся неудачей с {first} по {last}: {count}.</translation>
    </message>
    <message>
        <source>Phone: {phones}</source>
        <translation>Телефон: {phones}</translation>
    </message>
    <message>
        <source>E-mail: {email}</source>
        <translation>Эл. почта: {email}</translation>
    </message>
    <message>
        <source>The gateway has not published the operator&apos;s contacts: use the phones and e-mail on the operator&apos;s portal.</source>
        <translation>Шлюз не опубликовал контакты оператора: используйте телефоны и электронную почту, указанные на портале оператора.</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <source>Wrong PIN.{left}</source>
        <translation>Неверный PIN-код.{left}</translation>
    </message>
    <message>
        <source>The token is locked: the PIN was entered wrongly too many times. Unlock it with the PUK.</source>
        <translation>Токен заблокирован: PIN введён неверно слишком много раз. Разблокируйте его PUK-кодом.</translation>
    </message>
    <message>
        <source>No EDS token found. Insert the token and try again.</source>
        <translation>Носитель ЭЦП не найден. Подключите токен и повторите.</translation>
    </message>
    <message>
        <source>Token error: {detail}</source>
        <translation>Ошибка токена: {detail}</translation>
    </message>
    <message>
        <source>The token holds no suitable key: {detail}</source>
        <translation>На токене нет нужного ключа: {detail}</translation>
    </message>
    <message>
        <source>A key stored on the file system may not be used to sign in (Appendix 5 to the Rules, paragraph 8). Use a protected token.</source>
        <translation>Вход с ЭЦП, хранящейся в файловой системе, запрещён (п. 8 приложения 5 к Правилам). Используйте защищённый токен.</translation>
    </message>
    <message>
        <source>The new PIN must differ from the old one.</source>
        <translation>Новый PIN должен отличаться от прежнего.</translation>
    </message>
    <message>
        <source>The token does not accept the new PIN: {detail}</source>
        <translation>Новый PIN-код не подходит токену: {detail}</translation>
    </message>
    <message>
        <source>A sandbox key file&apos;s password cannot be changed here; only a token&apos;s PIN can.</source>
        <translation>Пароль файла ключа песочницы здесь не меняется; меняется только PIN токена.</translation>
    </message>
    <message>
        <source>Sign in with your EDS first.</source>
        <translation>Сначала войдите с ЭЦП.</translation>
    </message>
    <message>
        <source>Fill in the basis of the query: case/material number, legal ground and purpose (paragraph 3 of the Rules).</source>
        <translation>Заполните основание запроса: номер дела/материала, правовое основание и цель (п. 3 Правил).</translation>
    </message>
    <message>
        <source>Field “{field}” is invalid: {detail}</source>
        <translation>Поле «{field}» заполнено неверно: {detail}</translation>
    </message>
    <message>
        <source>Resource №{resource} is not available in this client yet.</source>
        <translation>Ресурс №{resource} пока недоступен в этом клиенте.</translation>
    </message>
    <message>
        <source>The response&apos;s signature did not verify, so the result is not shown: {detail}</source>
        <translation>Подпись ответа не подтверждена, результат не показан: {detail}</translation>
    </message>
    <message>
        <source>The response does not belong to this request (hash mismatch); the result is not shown.</source>
        <translation>Ответ не относится к этому запросу (хэш не совпадает), результат не показан.</translation>
    </message>
    <message>
        <source>Cannot reach the protected channel: {detail}</source>
        <translation>Нет соединения по защищённому каналу: {detail}</translation>
    </message>
    <message>
        <source>The gateway&apos;s answer is larger than allowed and was not accepted: {detail}</source>
        <translation>Ответ шлюза превысил допустимый размер и не принят: {detail}</translation>
    </message>
    <message>
        <source>Too many requests from this workstation. Wait a little and try again.</source>
        <translation>С этого рабочего места слишком часто отправлялись запросы. Подождите немного и повторите.</translation>
    </message>
    <message>
        <source>No administrator policy file at {path}. The administrator sets the gateway, CA and token module there. To try the app: sio-desk demo</source>
        <translation>Нет файла политики администратора: {path}. Адрес шлюза, CA и модуль токена настраивает администратор. Для пробы: sio-desk demo</translation>
    </message>
    <message>
        <source>The policy file is invalid ({path}): {detail}</source>
        <translation>Ошибка в файле политики ({path}): {detail}</translation>
    </message>
    <message>
        <source>Sign the agreement on rights of use with your EDS first.</source>
        <translation>Сначала подпишите ЭЦП соглашение о правах использования СИО ПСО.</translation>
    </message>
    <message>
        <source>On first entry the agreement must be signed with your EDS (paragraph 10 of the Rules).</source>
        <translation>При первом входе необходимо подписать соглашение ЭЦП (п. 10 Правил).</translation>
    </message>
    <message>
        <source>A new version of the agreement is in force. Open the text again and sign it.</source>
        <translation>Вступила в силу новая редакция соглашения. Откройте текст заново и подпишите.</translation>
    </message>
    <message>
        <source>This version of the agreement is already signed.</source>
        <translation>Эта редакция соглашения уже подписана.</translation>
    </message>
    <message>
        <source>The agreement text does not match its hash; it cannot be signed.</source>
        <translation>Текст соглашения не совпадает с его хэшем; подписывать нельзя.</translation>
    </message>
    <message>
        <source>Your access is blocked. Contact the system operator.</source>
        <translation>Ваш доступ заблокирован. Обратитесь к оператору СИО ПСО.</translation>
    </message>
    <message>
        <source>Your account is blocked at your own request (absence from the workplace of more than two months). On your return, file a new electronic application for registration.</source>
        <translation>Ваша учетная запись заблокирована по вашей заявке (отсутствие на рабочем месте более двух месяцев). По возвращении подайте новую электронную заявку на регистрацию.</translation>
    </message>
    <message>
        <source>You are not registered: file an electronic application for registration.</source>
        <translation>Вы не зарегистрированы в СИО ПСО: подайте электронную заявку на регистрацию.</translation>
    </message>
    <message>
        <source>The certificate&apos;s revocation status cannot be established (no current CRL or OCSP answer). Contact the system operator.</source>
        <translation>Невозможно установить, не отозван ли сертификат (нет актуального CRL или ответа OCSP). Обратитесь к оператору СИО ПСО.</translation>
    </message>
    <message>
        <source>Your sign-in certificate has been revoked and the session has ended. Sign in again with a valid certificate.</source>
        <translation>Сертификат входа отозван, сеанс завершён. Войдите снова с действующим сертификатом.</translation>
    </message>
    <message>
        <source>A field of the application is invalid: {detail}</source>
        <translation>Поле заявки заполнено неверно: {detail}</translation>
    </message>
    <message>
        <source>The IIN fails its check digit.</source>
        <translation>ИИН не проходит проверку контрольной цифры.</translation>
    </message>
    <message>
        <source>The BIN fails its check digit.</source>
        <translation>БИН не проходит проверку контрольной цифры.</translation>
    </message>
    <message>
        <source>Tick all three confirmations of the application.</source>
        <translation>Отметьте все три подтверждения заявки.</translation>
    </message>
    <message>
        <source>State the reason for blocking.</source>
        <translation>Укажите причину блокировки.</translation>
    </message>
    <message>
        <source>The application date is in the future or out of date.</source>
        <translation>Дата заявки в будущем или устарела.</translation>
    </message>
    <message>
        <source>The application PDF is unreadable or unsigned: {detail}</source>
        <translation>PDF заявки не читается или не подписан: {detail}</translation>
    </message>
    <message>
        <source>Embed the scanned paper copy in the signed PDF.</source>
        <translation>Вложите в подписанный PDF скан-копию бумажного экземпляра.</translation>
    </message>
    <message>
        <source>The PDF is not signed by the applicant.</source>
        <translation>PDF подписан не заявителем.</translation>
    </message>
    <message>
        <source>This IIN is already registered; file a transfer application.</source>
        <translation>Этот ИИН уже зарегистрирован; подайте заявку на перемещение.</translation>
    </message>
    <message>
        <source>No data folder is configured for this workstation: the result cannot be kept safely. Contact the administrator.</source>
        <translation>Не задана папка данных рабочей станции: результат негде безопасно хранить. Обратитесь к администратору.</translation>
    </message>
    <message>
        <source>The result could not be written to the encrypted vault ({detail}). It was destroyed and the journal is told; send the query again.</source>
        <translation>Не удалось записать результат в зашифрованное хранилище ({detail}). Результат уничтожен, это отражено в журнале; повторите запрос.</translation>
    </message>
    <message>
        <source>The result is not in the vault: it may have been destroyed already.</source>
        <translation>Результата нет в хранилище: возможно, он уже уничтожен.</translation>
    </message>
    <message>
        <source>The result in the vault is damaged or its key is gone; it will not be opened.</source>
        <translation>Результат в хранилище повреждён или его ключ утрачен; он не будет открыт.</translation>
    </message>
    <message>
        <source>The local copy of the result could not be destroyed: {detail}. Contact the administrator.</source>
        <translation>Не удалось уничтожить локальную копию результата: {detail}. Обратитесь к администратору.</translation>
    </message>
    <message>
        <source>The results register ({path}) cannot be read: {detail}. Nothing was removed; contact the administrator.</source>
        <translation>Учёт результатов ({path}) не читается: {detail}. Ничего не удалено; обратитесь к администратору.</translation>
    </message>
    <message>
        <source>The results register could not be written ({detail}); check that the disk has space.</source>
        <translation>Не удалось записать в учёт результатов ({detail}); проверьте, есть ли место на диске.</translation>
    </message>
    <message>
        <source>SIO Desk is already open with this data folder ({path}) in another window. Use that one.</source>
        <translation>SIO Desk уже открыт с этой папкой данных ({path}) в другом окне. Используйте его.</translation>
    </message>
    <message>
        <source>This result has already been attached or destroyed.</source>
        <translation>Этот результат уже приобщён или уничтожен.</translation>
    </message>
    <message>
        <source>There is no such result on this workstation.</source>
        <translation>Такого результата на этой рабочей станции нет.</translation>
    </message>
    <message>
        <source>Choose to print or to export.</source>
        <translation>Выберите печать или экспорт.</translation>
    </message>
    <message>
        <source>The administrator&apos;s policy names no folder for case material; export is not possible, printing is.</source>
        <translation>Папка для материалов дела не задана в политике администратора; экспорт невозможен, печать доступна.</translation>
    </message>
    <message>
        <source>The printout already exists: {path}. It will not be overwritten.</source>
        <translation>Распечатка уже существует: {path}. Она не будет перезаписана.</translation>
    </message>
    <message>
        <source>The printout could not be written to {path}: {detail}. The result stays in the vault.</source>
        <translation>Не удалось записать распечатку в {path}: {detail}. Результат остался в хранилище.</translation>
    </message>
    <message>
        <source>The gateway does not know this result&apos;s query; the signed report was not accepted.</source>
        <translation>Шлюз не нашёл запрос этого результата; подписанный отчёт не принят.</translation>
    </message>
    <message>
        <source>This result belongs to another user&apos;s query.</source>
        <translation>Этот результат относится к запросу другого пользователя.</translation>
    </message>
    <message>
        <source>The report on the result is not in the form the gateway expects; it will not be re-sent. Contact the administrator.</source>
        <translation>Отчёт о результате не в том виде, который ожидает шлюз; он не будет отправлен повторно. Обратитесь к администратору.</translation>
    </message>
    <message>
        <source>The time the result was destroyed does not agree with the gateway&apos;s clock; check the workstation&apos;s clock.</source>
        <translation>Время уничтожения результата не согласуется с часами шлюза; проверьте часы рабочей станции.</translation>
    </message>
    <message>
        <source>The exported printout&apos;s hash is missing; the report was not accepted.</source>
        <translation>Нет хэша экспортированной распечатки; отчёт не принят.</translation>
    </message>
    <message>
        <source>What became of this result is already in the journal.</source>
        <translation>Судьба этого результата уже отражена в журнале.</translation>
    </message>
    <message>
        <source>The signed PDF does not carry this application form; generate the PDF again and sign it.</source>
        <translation>Подписанный PDF не содержит эту форму заявления; сформируйте PDF заново и подпишите.</translation>
    </message>
    <message>
        <source>The application was not signed just before filing (over 24 hours ago, or before its date); sign it again.</source>
        <translation>Заявление подписано не перед подачей (более 24 часов назад или раньше даты заявления); подпишите заново.</translation>
    </message>
    <message>
        <source>This signed application has already been filed.</source>
        <translation>Это подписанное заявление уже подано.</translation>
    </message>
    <message>
        <source>Only the user, a controller of their organisation or the operator may file a blocking application.</source>
        <translation>Заявление на блокирование подаёт только сам пользователь, контролёр его организации или оператор.</translation>
    </message>
    <message>
        <source>The last active operator cannot be blocked.</source>
        <translation>Нельзя заблокировать последнего активного оператора.</translation>
    </message>
    <message>
        <source>This user is not blocked.</source>
        <translation>Этот пользователь не заблокирован.</translation>
    </message>
    <message>
        <source>The time must fall in 2000–2099 with an offset between −12:00 and +14:00.</source>
        <translation>Время должно быть в 2000–2099 годах со смещением от −12:00 до +14:00.</translation>
    </message>
    <message>
        <source>Resources must be distinct numbers 1 to 52.</source>
        <translation>Ресурсы: различные номера от 1 до 52.</translation>
    </message>
    <message>
        <source>Your role has no access to this resource.</source>
        <translation>Вашей роли доступ к этому ресурсу не предоставлен.</translation>
    </message>
    <message>
        <source>The sign-in challenge has expired or was already used. Sign in again.</source>
        <translation>Запрос на вход устарел или уже использован. Войдите снова.</translation>
    </message>
    <message>
        <source>The signature did not verify: {detail}</source>
        <translation>Подпись не подтверждена: {detail}</translation>
    </message>
    <message>
        <source>The gateway does not support this signature&apos;s algorithm.</source>
        <translation>Шлюз не поддерживает алгоритм этой подписи.</translation>
    </message>
    <message>
        <source>The certificate does not chain to a trusted certification authority. Contact the administrator.</source>
        <translation>Сертификат не восходит к доверенному удостоверяющему центру. Обратитесь к администратору.</translation>
    </message>
    <message>
        <source>The EDS certificate has expired. Obtain a new certificate.</source>
        <translation>Срок действия сертификата ЭЦП истёк. Получите новый сертификат.</translation>
    </message>
    <message>
        <source>The EDS certificate is not valid yet; check the workstation&apos;s clock.</source>
        <translation>Сертификат ЭЦП ещё не действует; проверьте часы рабочей станции.</translation>
    </message>
    <message>
        <source>The EDS certificate has been revoked. Use a valid certificate.</source>
        <translation>Сертификат ЭЦП отозван. Используйте действующий сертификат.</translation>
    </message>
    <message>
        <source>The key is not meant for this: sign in with the authentication key, and sign queries and documents with the signing key.</source>
        <translation>Ключ не предназначен для этой цели: вход выполняется ключом аутентификации, а запросы и документы подписываются ключом подписи.</translation>
    </message>
    <message>
        <source>The session has ended or is not valid. Sign in again.</source>
        <translation>Сеанс завершён или недействителен. Войдите снова.</translation>
    </message>
    <message>
        <source>The signature is not the signed-in user&apos;s: sign with your own EDS.</source>
        <translation>Подпись принадлежит не вошедшему пользователю: подписывайте своей ЭЦП.</translation>
    </message>
    <message>
        <source>This request was already received; it is not carried out again.</source>
        <translation>Этот запрос уже был принят; повторно он не выполняется.</translation>
    </message>
    <message>
        <source>The workstation&apos;s clock is too far from the operator&apos;s. Check the clock and try again.</source>
        <translation>Часы рабочей станции слишком расходятся с часами оператора. Проверьте часы и повторите.</translation>
    </message>
    <message>
        <source>The resource is temporarily unavailable for planned technical works: {detail}</source>
        <translation>Ресурс временно недоступен из-за плановых технических работ: {detail}</translation>
    </message>
    <message>
        <source>The resource is temporarily unavailable because of an emergency. Try again later.</source>
        <translation>Ресурс временно недоступен из-за внештатной ситуации. Повторите позже.</translation>
    </message>
    <message>
        <source>Only the operator may do this.</source>
        <translation>Это может сделать только оператор.</translation>
    </message>
    <message>
        <source>Access to the resources is given only while the workstation meets Appendix 3 to the Rules (paragraph 4 of the Rules), and its self-check has not been accepted. The desk runs the self-check and sends it to the operator; when it passes, send the query again.</source>
        <translation>Доступ к ресурсам предоставляется, только пока рабочее место соответствует приложению 3 к Правилам (п. 4 Правил), а его самопроверка не принята. Программа выполняет самопроверку и отправляет её оператору; когда она пройдёт, отправьте запрос снова.</translation>
    </message>
    <message>
        <source>Only a controller or the operator may see reports.</source>
        <translation>Отчёты доступны только контролёру или оператору.</translation>
    </message>
    <message>
        <source>The emergency journal has no open row with that number.</source>
        <translation>В журнале внештатных ситуаций нет открытой записи с таким номером.</translation>
    </message>
    <message>
        <source>There is no such application.</source>
        <translation>Такой заявки нет.</translation>
    </message>
    <message>
        <source>This application has already been decided.</source>
        <translation>По этой заявке решение уже принято.</translation>
    </message>
    <message>
        <source>State the reason for the refusal.</source>
        <translation>Укажите причину отказа.</translation>
    </message>
    <message>
        <source>The request did not reach the gateway in time; check the connection and try again.</source>
        <translation>Запрос не дошёл до шлюза вовремя; проверьте связь и повторите.</translation>
    </message>
    <message>
        <source>The operator&apos;s journal cannot be written right now, so nothing was done. Try again later.</source>
        <translation>Журнал оператора сейчас недоступен для записи, поэтому ничего не выполнено. Повторите позже.</translation>
    </message>
    <message>
        <source>The gateway had an internal error; nothing was done. Try again later or contact the operator.</source>
        <translation>Внутренняя ошибка шлюза; ничего не выполнено. Повторите позже или обратитесь к оператору.</translation>
    </message>
    <message>
        <source>The gateway&apos;s report cannot be read: {detail}</source>
        <translation>Отчёт шлюза не читается: {detail}</translation>
    </message>
    <message>
        <source>The journal archive verifier (sio-gateway) is not installed on this workstation.</source>
        <translation>Средство проверки архива журнала (sio-gateway) не установлено на этом рабочем месте.</translation>
    </message>
    <message>
        <source>The archive could not be verified: {detail}</source>
        <translation>Архив проверить не удалось: {detail}</translation>
    </message>
    <message>
        <source>The gateway could not seal the journal or write its archive (its signing key or disk space). Nothing was exported; the request is journaled. Contact the gateway&apos;s administrator.</source>
        <translation>Шлюз не смог опечатать журнал или записать его архив (ключ подписи или место на диске). Ничего не выгружено; запрос занесён в журнал. Обратитесь к администратору шлюза.</translation>
    </message>
    <message>
        <source>The folder {path} already exists; it is not written over. Choose another folder.</source>
        <translation>Папка {path} уже существует и не будет перезаписана. Выберите другую папку.</translation>
    </message>
    <message>
        <source>The archive cannot be written to the chosen folder: {detail}</source>
        <translation>Архив нельзя записать в выбранную папку: {detail}</translation>
    </message>
    <message>
        <source>The download was cancelled; nothing was left in the chosen folder. The journal stays sealed.</source>
        <translation>Загрузка отменена; в выбранной папке ничего не осталось. Журнал остаётся опечатанным.</translation>
    </message>
    <message>
        <source>The gateway&apos;s archive is not a safe journal archive and was not kept: {detail}</source>
        <translation>Архив шлюза не является безопасным архивом журнала и не сохранён: {detail}</translation>
    </message>
    <message>
        <source>The gateway refused the request. Try again; if it happens again, contact the system operator.</source>
        <translation>Шлюз отклонил запрос. Повторите попытку; если ошибка повторится, обратитесь к оператору СИО ПСО.</translation>
    </message>
    <message>
        <source> Attempts left: {left}.</source>
        <translation> Осталось попыток: {left}.</translation>
    </message>
</context>
<context>
    <name>printout</name>
    <message>
        <source>Result of a query to the SIO</source>
        <translation>Результат запроса СИО ПСО</translation>
    </message>
    <message>
        <source>SANDBOX: not real information</source>
        <translation>ПЕСОЧНИЦА: не настоящие сведения</translation>
    </message>
    <message>
        <source>Material number</source>
        <translation>Номер материала</translation>
    </message>
    <message>
        <source>Requested by</source>
        <translation>Запросивший</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Организация</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>Ресурс</translation>
    </message>
    <message>
        <source>Legal ground</source>
        <translation>Правовое основание</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Цель</translation>
    </message>
    <message>
        <source>Asked at (Astana time)</source>
        <translation>Время запроса (Астана)</translation>
    </message>
    <message>
        <source>Answered at (Astana time)</source>
        <translation>Время ответа (Астана)</translation>
    </message>
    <message>
        <source>Printed at (Astana time)</source>
        <translation>Время печати (Астана)</translation>
    </message>
    <message>
        <source>Journal entry</source>
        <translation>Номер в журнале</translation>
    </message>
    <message>
        <source>Request hash (SHA-256)</source>
        <translation>Хэш запроса (SHA-256)</translation>
    </message>
    <message>
        <source>Response hash (SHA-256)</source>
        <translation>Хэш ответа (SHA-256)</translation>
    </message>
    <message>
        <source>Operator&apos;s signature</source>
        <translation>Подпись оператора</translation>
    </message>
    <message>
        <source>verified, bound to the request (certificate {serial})</source>
        <translation>проверена, связана с запросом (сертификат {serial})</translation>
    </message>
    <message>
        <source>NOT VERIFIED</source>
        <translation>НЕ ПРОВЕРЕНА</translation>
    </message>
    <message>
        <source>Records found</source>
        <translation>Найдено записей</translation>
    </message>
    <message>
        <source>Record {n} of {total}</source>
        <translation>Запись {n} из {total}</translation>
    </message>
    <message>
        <source>No records found</source>
        <translation>Записи не найдены</translation>
    </message>
    <message>
        <source>Reduced service: amounts are not returned.</source>
        <translation>Усечённый сервис: суммы не передаются.</translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>Страница {page} из {pages}</translation>
    </message>
    <message>
        <source>QR: journal № {seq}, response hash, gateway {gateway}</source>
        <translation>QR: журнал № {seq}, хэш ответа, шлюз {gateway}</translation>
    </message>
    <message>
        <source>For official use. The information may be used only for the purpose stated in the query (Rules, paragraphs 3, 19–20).</source>
        <translation>Для служебного пользования. Сведения используются только в цели, указанной в запросе (пп. 3, 19–20 Правил).</translation>
    </message>
</context>
<context>
    <name>reasons</name>
    <message>
        <source>required</source>
        <translation>обязательное поле</translation>
    </message>
    <message>
        <source>an IIN has 12 digits</source>
        <translation>ИИН состоит из 12 цифр</translation>
    </message>
    <message>
        <source>the IIN&apos;s check digit or date is wrong</source>
        <translation>неверна контрольная цифра или дата ИИН</translation>
    </message>
    <message>
        <source>a BIN has 12 digits</source>
        <translation>БИН состоит из 12 цифр</translation>
    </message>
    <message>
        <source>the BIN&apos;s check digit is wrong</source>
        <translation>неверна контрольная цифра БИН</translation>
    </message>
    <message>
        <source>an IIN or BIN has 12 digits</source>
        <translation>ИИН или БИН состоит из 12 цифр</translation>
    </message>
    <message>
        <source>neither a valid IIN nor a valid BIN</source>
        <translation>это не действительный ИИН и не БИН</translation>
    </message>
    <message>
        <source>a date is YYYY-MM-DD</source>
        <translation>дата в виде ГГГГ-ММ-ДД</translation>
    </message>
    <message>
        <source>a plate number looks like 123ABC02</source>
        <translation>госномер вида 123ABC02</translation>
    </message>
    <message>
        <source>a VIN has 17 letters and digits (no I, O, Q)</source>
        <translation>VIN — 17 букв и цифр (без I, O, Q)</translation>
    </message>
    <message>
        <source>a phone number looks like +77011234567</source>
        <translation>номер телефона вида +77011234567</translation>
    </message>
    <message>
        <source>at most {max} characters</source>
        <translation>не более {max} символов</translation>
    </message>
    <message>
        <source>no visible letters or digits</source>
        <translation>нет видимых букв или цифр</translation>
    </message>
    <message>
        <source>control characters are not allowed</source>
        <translation>управляющие символы недопустимы</translation>
    </message>
    <message>
        <source>unknown parameter type</source>
        <translation>неизвестный тип параметра</translation>
    </message>
    <message>
        <source>not a parameter of this resource</source>
        <translation>не параметр этого ресурса</translation>
    </message>
    <message>
        <source>letters, spaces, hyphens or apostrophes only</source>
        <translation>только буквы, пробел, дефис или апостроф</translation>
    </message>
    <message>
        <source>at most {max_name} characters</source>
        <translation>не более {max_name} символов</translation>
    </message>
    <message>
        <source>a document number has 5–15 Latin capitals and digits, e.g. N12345678</source>
        <translation>номер документа — 5–15 заглавных латинских букв и цифр, например N12345678</translation>
    </message>
    <message>
        <source>give more of the name</source>
        <translation>укажите наименование полнее</translation>
    </message>
    <message>
        <source>belongs to another way of searching: choose one way</source>
        <translation>параметр другого способа поиска: выберите один способ</translation>
    </message>
    <message>
        <source>sent without a value</source>
        <translation>отправлен без значения</translation>
    </message>
    <message>
        <source>several subjects have this name and the resource does not say whose a record is: find the IIN/BIN by name in №1 or №2 and ask by it</source>
        <translation>под этим именем найдено несколько лиц, а ресурс не показывает, чья запись: найдите ИИН/БИН по имени в №1 или №2 и запросите по нему</translation>
    </message>
    <message>
        <source>too many matches, narrow the search (e.g. by IIN/BIN)</source>
        <translation>слишком много совпадений, уточните поиск (например, по ИИН/БИН)</translation>
    </message>
    <message>
        <source>fill in one of the ways of searching</source>
        <translation>заполните один из способов поиска</translation>
    </message>
    <message>
        <source>at most {max_case} characters</source>
        <translation>не более {max_case} символов</translation>
    </message>
    <message>
        <source>state the purpose (at least {min_purpose} characters)</source>
        <translation>укажите цель (не менее {min_purpose} символов)</translation>
    </message>
</context>
<context>
    <name>refusals</name>
    <message>
        <source>The gateway did not accept the query&apos;s parameters. Check them and send the query again.</source>
        <translation>Шлюз не принял параметры запроса. Проверьте параметры и отправьте запрос снова.</translation>
    </message>
    <message>
        <source>The gateway did not accept the query&apos;s parameters: {fields} — {reason}. Correct them and send again.</source>
        <translation>Шлюз не принял параметры запроса: {fields} — {reason}. Исправьте и отправьте снова.</translation>
    </message>
    <message>
        <source>The gateway does not serve this resource yet. Choose another resource or contact the operator.</source>
        <translation>Этот ресурс пока не обслуживается шлюзом. Выберите другой ресурс или обратитесь к оператору.</translation>
    </message>
    <message>
        <source>The signature did not verify. Sign and send again; if it happens again, contact the administrator.</source>
        <translation>Подпись не подтверждена. Подпишите и отправьте снова; если повторится, обратитесь к администратору.</translation>
    </message>
    <message>
        <source>A field of the application is invalid. Check the fields and file the application again.</source>
        <translation>Поле заявки заполнено неверно. Проверьте поля и подайте заявку снова.</translation>
    </message>
    <message>
        <source>The application PDF is unreadable or unsigned. Generate the PDF again and sign it.</source>
        <translation>PDF заявки не читается или не подписан. Сформируйте PDF заново и подпишите его.</translation>
    </message>
    <message>
        <source>The resource is temporarily unavailable for planned technical works{until}. Try again when they are over.</source>
        <translation>Ресурс временно недоступен из-за плановых технических работ{until}. Повторите после их окончания.</translation>
    </message>
    <message>
        <source> (until {at})</source>
        <translation> (до {at})</translation>
    </message>
    <message>
        <source>Your access is blocked. Reason: “{reason}”. Contact the system operator or the official in charge of departmental control.</source>
        <translation>Ваш доступ заблокирован. Причина: «{reason}». Обратитесь к оператору СИО ПСО или к должностному лицу, осуществляющему ведомственный контроль.</translation>
    </message>
    <message>
        <source>Access to the resources is given only while the workstation meets Appendix 3 to the Rules (paragraph 4 of the Rules). {why} The desk runs the self-check now and sends it to the operator; when it passes, send the query again.</source>
        <translation>Доступ к ресурсам предоставляется, только пока рабочее место соответствует приложению 3 к Правилам (п. 4 Правил). {why} Программа сейчас выполняет самопроверку и отправляет её оператору; когда она пройдёт, отправьте запрос снова.</translation>
    </message>
    <message>
        <source>The operator has no complete self-check of this workstation from you.</source>
        <translation>У оператора нет от вас полной самопроверки этого рабочего места.</translation>
    </message>
    <message>
        <source>The workstation&apos;s last self-check did not pass: {checks}.</source>
        <translation>Последняя самопроверка рабочего места не пройдена: {checks}.</translation>
    </message>
    <message>
        <source>The workstation&apos;s last self-check could not establish: {checks}.</source>
        <translation>Последняя самопроверка рабочего места не смогла установить: {checks}.</translation>
    </message>
    <message>
        <source>The workstation&apos;s last self-check is older than {days} days.</source>
        <translation>Последней самопроверке рабочего места больше {days} дней.</translation>
    </message>
    <message>
        <source>The workstation&apos;s self-check was signed with another certificate than the one you sign with now.</source>
        <translation>Самопроверка рабочего места подписана не тем сертификатом, которым вы подписываете сейчас.</translation>
    </message>
</context>
<context>
    <name>selfcheck</name>
    <message>
        <source>CPU clock</source>
        <translation>Частота процессора</translation>
    </message>
    <message>
        <source>RAM</source>
        <translation>Оперативная память</translation>
    </message>
    <message>
        <source>Free disk space</source>
        <translation>Свободное место на диске</translation>
    </message>
    <message>
        <source>Network card</source>
        <translation>Сетевая карта</translation>
    </message>
    <message>
        <source>No Internet access</source>
        <translation>Нет доступа в Интернет</translation>
    </message>
    <message>
        <source>Protected channel</source>
        <translation>Защищённый канал</translation>
    </message>
    <message>
        <source>EDS carrier</source>
        <translation>Носитель ЭЦП</translation>
    </message>
    <message>
        <source>PDF reading</source>
        <translation>Чтение PDF</translation>
    </message>
    <message>
        <source>Disk encryption</source>
        <translation>Шифрование диска</translation>
    </message>
    <message>
        <source>Swap</source>
        <translation>Файл подкачки</translation>
    </message>
    <message>
        <source>Screen lock</source>
        <translation>Блокировка экрана</translation>
    </message>
    <message>
        <source>PASS</source>
        <translation>СООТВЕТСТВУЕТ</translation>
    </message>
    <message>
        <source>FAIL</source>
        <translation>НЕ СООТВЕТСТВУЕТ</translation>
    </message>
    <message>
        <source>UNDETERMINED</source>
        <translation>НЕ ОПРЕДЕЛЕНО</translation>
    </message>
    <message>
        <source>Workstation self-check</source>
        <translation>Проверка рабочего места</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Проверка</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Результат</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Значение</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Требование</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Пояснение</translation>
    </message>
    <message>
        <source>Overall</source>
        <translation>Общий результат</translation>
    </message>
    <message>
        <source>advisory</source>
        <translation>рекомендация</translation>
    </message>
    <message>
        <source>Appendix 3 to the Rules</source>
        <translation>приложение 3 к Правилам</translation>
    </message>
    <message>
        <source>Requirements profile</source>
        <translation>Набор требований</translation>
    </message>
    <message>
        <source>Computer</source>
        <translation>Компьютер</translation>
    </message>
    <message>
        <source>Checked at (Astana)</source>
        <translation>Время проверки (Астана)</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Сведения</translation>
    </message>
    <message>
        <source>Run the check</source>
        <translation>Запустить проверку</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Идёт проверка…</translation>
    </message>
    <message>
        <source>Print to PDF</source>
        <translation>Печать в PDF</translation>
    </message>
    <message>
        <source>Cannot start</source>
        <translation>Работа невозможна</translation>
    </message>
    <message>
        <source>The value could not be determined (common in virtual machines).</source>
        <translation>Значение определить не удалось (часто бывает в виртуальных машинах).</translation>
    </message>
    <message>
        <source>The check failed with an error: {detail}</source>
        <translation>Проверка завершилась ошибкой: {detail}</translation>
    </message>
    <message>
        <source>Base clock {value} GHz, required ≥ {threshold} GHz.</source>
        <translation>Базовая частота {value} ГГц, требуется ≥ {threshold} ГГц.</translation>
    </message>
    <message>
        <source>Base clock {value} GHz is below the required {threshold} GHz.</source>
        <translation>Базовая частота {value} ГГц — ниже требуемой (≥ {threshold} ГГц).</translation>
    </message>
    <message>
        <source>Only the current clock is known ({value} GHz); the base clock could not be read.</source>
        <translation>Известна только текущая частота ({value} ГГц); базовая частота не определена.</translation>
    </message>
    <message>
        <source>{value} GiB of RAM, required ≥ {threshold} GiB.</source>
        <translation>Память {value} ГБ, требуется ≥ {threshold} ГБ.</translation>
    </message>
    <message>
        <source>{value} GiB of RAM is less than the required {threshold} GiB.</source>
        <translation>Памяти {value} ГБ — меньше требуемых {threshold} ГБ.</translation>
    </message>
    <message>
        <source>{value} GB free ({path}), required ≥ {threshold} GB.</source>
        <translation>Свободно {value} ГБ ({path}), требуется ≥ {threshold} ГБ.</translation>
    </message>
    <message>
        <source>{value} GB free ({path}) is less than the required {threshold} GB.</source>
        <translation>Свободно {value} ГБ ({path}) — меньше требуемых {threshold} ГБ.</translation>
    </message>
    <message>
        <source>Interface {interface} links at {value} Mbit/s, required ≥ {threshold} Mbit/s.</source>
        <translation>Скорость интерфейса {interface} {value} Мбит/с, требуется ≥ {threshold} Мбит/с.</translation>
    </message>
    <message>
        <source>Interface {interface} links at {value} Mbit/s, below the required {threshold} Mbit/s.</source>
        <translation>Скорость интерфейса {interface} {value} Мбит/с — ниже требуемой (≥ {threshold}).</translation>
    </message>
    <message>
        <source>The protected channel is not configured, so the card that carries it is unknown.</source>
        <translation>Защищённый канал не настроен: неизвестно, какая карта ведёт к нему.</translation>
    </message>
    <message>
        <source>There is no route to the gateway, so the channel&apos;s card cannot be found.</source>
        <translation>Нет маршрута к шлюзу: карту канала определить нельзя.</translation>
    </message>
    <message>
        <source>The link speed of {interface} is unknown (virtual or no link).</source>
        <translation>Скорость интерфейса {interface} неизвестна (виртуальный или нет связи).</translation>
    </message>
    <message>
        <source>No route to public addresses: the Internet is not reachable.</source>
        <translation>Маршрутов к публичным адресам нет: выхода в Интернет нет.</translation>
    </message>
    <message>
        <source>There is a route to the Internet: {route} (interface {interface}, gateway {gateway}). Disconnect the workstation or tell the administrator.</source>
        <translation>Есть маршрут в Интернет: {route} (интерфейс {interface}, шлюз {gateway}). Отключите рабочее место от сети или сообщите администратору.</translation>
    </message>
    <message>
        <source>Internet access could not be ruled out: {detail}</source>
        <translation>Не удалось полностью определить доступ в Интернет: {detail}</translation>
    </message>
    <message>
        <source>TLS handshake with the gateway completed in {latency_ms} ms.</source>
        <translation>TLS-соединение со шлюзом установлено за {latency_ms} мс.</translation>
    </message>
    <message>
        <source>The gateway address or CA is not set in the policy ({detail}).</source>
        <translation>Адрес шлюза или CA не заданы в политике ({detail}).</translation>
    </message>
    <message>
        <source>The operator&apos;s CA file cannot be read: {detail}</source>
        <translation>Не удалось прочитать файл CA оператора: {detail}</translation>
    </message>
    <message>
        <source>The gateway&apos;s name does not resolve (DNS): {detail}</source>
        <translation>Имя шлюза не разрешается (DNS): {detail}</translation>
    </message>
    <message>
        <source>The gateway refused the connection: {detail}</source>
        <translation>Шлюз отклонил соединение: {detail}</translation>
    </message>
    <message>
        <source>The gateway did not answer in time: {detail}</source>
        <translation>Шлюз не ответил вовремя: {detail}</translation>
    </message>
    <message>
        <source>The gateway cannot be reached: {detail}</source>
        <translation>Шлюз недоступен: {detail}</translation>
    </message>
    <message>
        <source>The gateway&apos;s certificate is not trusted by the operator&apos;s CA: {detail}</source>
        <translation>Сертификат шлюза не подтверждён CA оператора: {detail}</translation>
    </message>
    <message>
        <source>TLS error: {detail}</source>
        <translation>Ошибка TLS: {detail}</translation>
    </message>
    <message>
        <source>Carrier present: {labels}.</source>
        <translation>Носитель подключён: {labels}.</translation>
    </message>
    <message>
        <source>Only a software token was found ({labels}); it is not a protected carrier (Appendix 5 to the Rules, paragraph 8).</source>
        <translation>Найден только программный токен ({labels}) — это не защищённый носитель (п. 8 приложения 5 к Правилам).</translation>
    </message>
    <message>
        <source>PKCS#11 support is missing: {detail}</source>
        <translation>Нет поддержки PKCS#11: {detail}</translation>
    </message>
    <message>
        <source>No carrier driver (PKCS#11 module) is installed.</source>
        <translation>Драйвер носителя (модуль PKCS#11) не установлен.</translation>
    </message>
    <message>
        <source>The PKCS#11 module does not load: {detail}</source>
        <translation>Модуль PKCS#11 не загружается: {detail}</translation>
    </message>
    <message>
        <source>The driver is installed but no carrier is connected.</source>
        <translation>Драйвер есть, но носитель не подключён.</translation>
    </message>
    <message>
        <source>PDF reader: {app}.</source>
        <translation>Программа для чтения PDF: {app}.</translation>
    </message>
    <message>
        <source>No PDF reader was found.</source>
        <translation>Программа для чтения PDF не найдена.</translation>
    </message>
    <message>
        <source>The data volume is encrypted ({value}).</source>
        <translation>Диск с данными зашифрован ({value}).</translation>
    </message>
    <message>
        <source>The data volume is not encrypted; enable encryption to protect results on the device.</source>
        <translation>Диск с данными не зашифрован: включите шифрование для защиты полученных сведений.</translation>
    </message>
    <message>
        <source>Swap never reaches the disk unencrypted ({value}).</source>
        <translation>Подкачка не пишется на диск в открытом виде ({value}).</translation>
    </message>
    <message>
        <source>Swap is not encrypted: {value}.</source>
        <translation>Подкачка не зашифрована: {value}.</translation>
    </message>
    <message>
        <source>The screen locks when idle ({value}).</source>
        <translation>Экран блокируется при бездействии ({value}).</translation>
    </message>
    <message>
        <source>Automatic screen lock is off ({value}).</source>
        <translation>Автоматическая блокировка экрана выключена ({value}).</translation>
    </message>
</context>
</TS>
