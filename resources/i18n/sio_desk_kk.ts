<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="kk_KZ">
<context>
    <name>Account</name>
    <message>
        <source>Registration</source>
        <translation>Тіркеу</translation>
    </message>
    <message>
        <source>Transfer (editing)</source>
        <translation>Ауыстыру (редакциялау)</translation>
    </message>
    <message>
        <source>Blocking</source>
        <translation>Бұғаттау</translation>
    </message>
    <message>
        <source>Submitted, awaiting the operator</source>
        <translation>Берілді, оператордың шешімі күтілуде</translation>
    </message>
    <message>
        <source>Refused by the operator</source>
        <translation>Оператор бас тартты</translation>
    </message>
    <message>
        <source>Blocked at own request</source>
        <translation>Өз өтініміңіз бойынша бұғатталды</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Бұғатталды</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Тіркелді</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Орындалды</translation>
    </message>
    <message>
        <source>Going on leave</source>
        <translation>Ұзақ уақытқа кету</translation>
    </message>
    <message>
        <source>Before an absence from the workplace of more than two months you file a blocking application for your own account (agreement, item 11.2). It takes effect at once and your session ends. On your return you file a new registration application.</source>
        <translation>Жұмыс орнында екі айдан астам болмас бұрын өз есептік жазбаңызды бұғаттауға өтінім бересіз (Келісімнің 11-тармағының 2) тармақшасы). Ол бірден күшіне енеді және сеансыңыз аяқталады. Қайтып оралғанда тіркеуге жаңа өтінім бересіз.</translation>
    </message>
    <message>
        <source>&amp;First day of absence:</source>
        <translation>&amp;Болмаудың бірінші күні:</translation>
    </message>
    <message>
        <source>&amp;Last day of absence:</source>
        <translation>&amp;Болмаудың соңғы күні:</translation>
    </message>
    <message>
        <source>The last day is before the first.</source>
        <translation>Соңғы күн біріншісінен бұрын.</translation>
    </message>
    <message>
        <source>The absence must not have begun yet.</source>
        <translation>Болмау әлі басталмауы тиіс.</translation>
    </message>
    <message>
        <source>An absence of two months or less needs no blocking application.</source>
        <translation>Екі айдан аспайтын болмауға бұғаттау өтінімі қажет емес.</translation>
    </message>
    <message>
        <source>{name}, IIN {iin}</source>
        <translation>{name}, ЖСН {iin}</translation>
    </message>
    <message>
        <source>Not signed in: applications are signed with the token&apos;s keys.</source>
        <translation>Кіру орындалмаған: өтінімдерге токен кілттерімен қол қойылады.</translation>
    </message>
    <message>
        <source>signed by the operator, signature checked</source>
        <translation>оператор қол қойған, қолтаңба тексерілді</translation>
    </message>
    <message>
        <source>signature not checked</source>
        <translation>қолтаңба тексерілмеген</translation>
    </message>
    <message>
        <source>Application № {id}: {state} on {at} ({signed}).
{reason}</source>
        <translation>№ {id} өтінім: {state}, {at} ({signed}).
{reason}</translation>
    </message>
    <message>
        <source>Open an application form and enter the PIN first: the query is signed with your token.</source>
        <translation>Алдымен өтінім нысанын ашып, PIN енгізіңіз: сұрауға токеніңізбен қол қойылады.</translation>
    </message>
    <message>
        <source>Statuses refreshed.</source>
        <translation>Күйлер жаңартылды.</translation>
    </message>
    <message>
        <source>Your account is blocked at your own request. On your return, file a new registration application.</source>
        <translation>Есептік жазбаңыз өз өтініміңіз бойынша бұғатталды. Қайтып оралғанда тіркеуге жаңа өтінім беріңіз.</translation>
    </message>
    <message>
        <source>Applications filed from this workstation:</source>
        <translation>Осы жұмыс орнынан берілген өтінімдер:</translation>
    </message>
    <message>
        <source>№</source>
        <translation>№</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Түрі</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Күйі</translation>
    </message>
    <message>
        <source>Filed</source>
        <translation>Берілді</translation>
    </message>
    <message>
        <source>Decision due</source>
        <translation>Шешім мерзімі</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>Шешілді</translation>
    </message>
    <message>
        <source>Operator&apos;s reason</source>
        <translation>Оператордың себебі</translation>
    </message>
    <message>
        <source>&amp;Refresh statuses</source>
        <translation>Күйлерді &amp;жаңарту</translation>
    </message>
    <message>
        <source>Re&amp;gistration application…</source>
        <translation>&amp;Тіркеуге өтінім…</translation>
    </message>
    <message>
        <source>&amp;Transfer (editing)…</source>
        <translation>&amp;Ауыстыру (редакциялау)…</translation>
    </message>
    <message>
        <source>Going on &amp;leave…</source>
        <translation>Ұзақ &amp;кету…</translation>
    </message>
    <message>
        <source>Token l&amp;ost…</source>
        <translation>Токен &amp;жоғалды…</translation>
    </message>
    <message>
        <source>File a blocking application for a user of my organisation…</source>
        <translation>Ұйымымның пайдаланушысын бұғаттауға өтінім беру…</translation>
    </message>
    <message>
        <source>&lt;h3&gt;The token is lost&lt;/h3&gt;&lt;ol&gt;&lt;li&gt;Revoke your EDS at once in the personal cabinet of the National Certification Centre (paragraph 12 of the Rules).&lt;/li&gt;&lt;li&gt;Have your account blocked: the official in charge of departmental control of your organisation files a blocking application for you with their own EDS (paragraph 7 of the Rules); the operator blocks at once (paragraph 8).&lt;/li&gt;&lt;li&gt;With a new token, file a new registration application.&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;If you are that official, file the blocking application below: type the user&apos;s data; it is signed with your own token. The operator accepts it only from a controller of the same organisation or from the operator.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Токен жоғалды&lt;/h3&gt;&lt;ol&gt;&lt;li&gt;ЭЦҚ-ны Ұлттық куәландырушы орталықтың жеке кабинеті арқылы дереу кері қайтарып алыңыз (Ережелердің 12-тармағы).&lt;/li&gt;&lt;li&gt;Есептік жазбаңызды бұғаттатыңыз: ұйымыңыздың ведомстволық бақылау жүктелген лауазымды адамы сіз үшін өз ЭЦҚ-сымен бұғаттауға өтінім береді (Ережелердің 7-тармағы); оператор дереу бұғаттайды (8-тармақ).&lt;/li&gt;&lt;li&gt;Жаңа токенмен тіркеуге жаңа өтінім беріңіз.&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;Егер сіз сол лауазымды адам болсаңыз, бұғаттау өтінімін төменде беріңіз: пайдаланушының деректерін енгізіңіз; оған өз токеніңізбен қол қойылады. Оператор оны тек сол ұйымның бақылаушысынан немесе оператордан қабылдайды.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Account and applications</source>
        <translation>Есептік жазба және өтінімдер</translation>
    </message>
    <message>
        <source>&amp;Account and applications…</source>
        <translation>&amp;Есептік жазба және өтінімдер…</translation>
    </message>
</context>
<context>
    <name>Agreement</name>
    <message>
        <source>Agreement on rights of use</source>
        <translation>Пайдалану құқықтары туралы келісім</translation>
    </message>
    <message>
        <source>Fill this in.</source>
        <translation>Толтырыңыз.</translation>
    </message>
    <message>
        <source>Remove the spaces at the ends or doubled spaces.</source>
        <translation>Басындағы, соңындағы немесе қосарланған бос орындарды алып тастаңыз.</translation>
    </message>
    <message>
        <source>Remove line breaks and invisible characters.</source>
        <translation>Жол ауыстыруларды және көрінбейтін таңбаларды алып тастаңыз.</translation>
    </message>
    <message>
        <source>Too long for the form.</source>
        <translation>Нысан үшін тым ұзын.</translation>
    </message>
    <message>
        <source>Use letters, digits, spaces and the punctuation of a name or title.</source>
        <translation>Әріптерді, цифрларды, бос орындарды және аты-жөн немесе лауазым атауының тыныс белгілерін пайдаланыңыз.</translation>
    </message>
    <message>
        <source>Not a calendar date.</source>
        <translation>Күнтізбелік күн емес.</translation>
    </message>
    <message>
        <source>This does not fit the form.</source>
        <translation>Бұл нысанға сәйкес келмейді.</translation>
    </message>
    <message>
        <source>Before the first query you sign the agreement on rights of use with your EDS (version {version}). Fill in the city and your position; your name is the registered one and the date is today. Both texts below are signed exactly as shown. Queries are refused until it is signed.</source>
        <translation>Алғашқы сұрау салу алдында пайдалану құқықтары туралы келісімге ЭЦҚ-мен қол қоясыз ({version}-нұсқа). Қала мен лауазымыңызды толтырыңыз; аты-жөніңіз тіркелгендей, күні — бүгінгі күн. Төмендегі екі мәтінге де дәл көрсетілгендей қол қойылады. Қол қойылмайынша сұрау салулар қабылданбайды.</translation>
    </message>
    <message>
        <source>&amp;City:</source>
        <translation>&amp;Қала:</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>Күні:</translation>
    </message>
    <message>
        <source>Full name:</source>
        <translation>Т.А.Ә.:</translation>
    </message>
    <message>
        <source>&amp;Position:</source>
        <translation>&amp;Лауазымы:</translation>
    </message>
    <message>
        <source>&amp;Sign with EDS</source>
        <translation>ЭЦҚ-мен &amp;қол қою</translation>
    </message>
    <message>
        <source>&amp;Decline and sign out</source>
        <translation>Бас &amp;тарту және шығу</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <source>Surname:</source>
        <translation>Тегі:</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Аты:</translation>
    </message>
    <message>
        <source>Patronymic (if any):</source>
        <translation>Әкесінің аты (бар болса):</translation>
    </message>
    <message>
        <source>IIN:</source>
        <translation>ЖСН:</translation>
    </message>
    <message>
        <source>Organisation:</source>
        <translation>Ұйым:</translation>
    </message>
    <message>
        <source>Organisation code in the Unified Register of Pre-trial Investigations:</source>
        <translation>Сотқа дейінгі тергеп-тексерулердің бірыңғай тізіліміндегі ұйымның коды:</translation>
    </message>
    <message>
        <source>BIN of the organisation:</source>
        <translation>Ұйымның БСН:</translation>
    </message>
    <message>
        <source>Structural unit:</source>
        <translation>Құрылымдық бөлімше:</translation>
    </message>
    <message>
        <source>Position:</source>
        <translation>Лауазымы:</translation>
    </message>
    <message>
        <source>Work phone:</source>
        <translation>Жұмыс телефоны:</translation>
    </message>
    <message>
        <source>Mobile phone:</source>
        <translation>Ұялы телефоны:</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>Электрондық пошта:</translation>
    </message>
    <message>
        <source>Work address:</source>
        <translation>Жұмыс мекенжайы:</translation>
    </message>
    <message>
        <source>Head&apos;s position:</source>
        <translation>Басшының лауазымы:</translation>
    </message>
    <message>
        <source>Head&apos;s full name:</source>
        <translation>Басшының Т.А.Ә.:</translation>
    </message>
    <message>
        <source>Reason for blocking:</source>
        <translation>Бұғаттау себебі:</translation>
    </message>
    <message>
        <source>Fill this in.</source>
        <translation>Толтырыңыз.</translation>
    </message>
    <message>
        <source>This is not in the form&apos;s format.</source>
        <translation>Бұл нысан пішіміне сәйкес емес.</translation>
    </message>
    <message>
        <source>The IIN&apos;s check digit or date is wrong.</source>
        <translation>ЖСН-нің бақылау цифры немесе күні қате.</translation>
    </message>
    <message>
        <source>The BIN&apos;s check digit is wrong.</source>
        <translation>БСН-нің бақылау цифры қате.</translation>
    </message>
    <message>
        <source>Tick this confirmation.</source>
        <translation>Осы растауды белгілеңіз.</translation>
    </message>
    <message>
        <source>This is longer than the form allows.</source>
        <translation>Бұл бланк рұқсат ететіннен ұзын.</translation>
    </message>
    <message>
        <source>The order cannot be dated after today.</source>
        <translation>Бұйрық бүгіннен кейінгі күнмен белгіленбейді.</translation>
    </message>
    <message>
        <source>The 24 hours after the order ended at {deadline} (Astana time): file now and tell the operator why it is late (paragraph 7 of the Rules).</source>
        <translation>Бұйрықтан кейінгі 24 сағат {deadline} (Астана уақыты) аяқталды: өтінімді қазір беріп, кешігу себебін операторға хабарлаңыз (Ережелердің 7-тармағы).</translation>
    </message>
    <message>
        <source>File by {deadline} (Astana time), 24 hours after the order; {hours} h left (paragraph 7 of the Rules).</source>
        <translation>{deadline} дейін беріңіз (Астана уақыты), бұйрықтан кейін 24 сағат; {hours} сағ қалды (Ережелердің 7-тармағы).</translation>
    </message>
    <message>
        <source>Saved to {path}. Print it, sign it, have your head sign and stamp it, scan it and attach the scan.</source>
        <translation>{path} ішіне сақталды. Басып шығарып, қол қойыңыз, басшыңызға қол қойғызып, мөрмен растатыңыз, сканерлеп, сканерін қоса беріңіз.</translation>
    </message>
    <message>
        <source>Save the application for printing</source>
        <translation>Өтінімді басып шығару үшін сақтау</translation>
    </message>
    <message>
        <source>The scan must be a PDF, JPEG or PNG file.</source>
        <translation>Скан PDF, JPEG немесе PNG файлы болуы тиіс.</translation>
    </message>
    <message>
        <source>The scan is {size} KB; at most {limit} KB can be filed. Scan at 150 dpi in greyscale.</source>
        <translation>Скан {size} КБ; ең көбі {limit} КБ беруге болады. 150 dpi, сұр реңкте сканерлеңіз.</translation>
    </message>
    <message>
        <source>Scan attached: {name} ({size} KB)</source>
        <translation>Скан қоса берілді: {name} ({size} КБ)</translation>
    </message>
    <message>
        <source>Attach the scanned signed copy</source>
        <translation>Қол қойылған көшірменің сканерін қоса беру</translation>
    </message>
    <message>
        <source>Filed as № {id} at {at}; the operator decides by {due} (paragraph 6 of the Rules).</source>
        <translation>№ {id} болып {at} берілді; оператор {due} дейін шешім қабылдайды (Ережелердің 6-тармағы).</translation>
    </message>
    <message>
        <source>Registration application (paragraph 5 of the Rules). Your name, IIN, organisation and BIN come from your EDS certificate; check the rest, print the application, sign it, have your head sign and stamp it, attach the scan and file it signed with your EDS.</source>
        <translation>Тіркеуге өтінім (Ережелердің 5-тармағы). Аты-жөніңіз, ЖСН, ұйым және БСН ЭЦҚ сертификатыңыздан алынады; қалғанын тексеріңіз, өтінімді басып шығарып, қол қойыңыз, басшыңызға қол қойғызып, мөрмен растатыңыз, сканерін қоса беріп, ЭЦҚ-мен қол қойып беріңіз.</translation>
    </message>
    <message>
        <source>Editing application on a transfer to another position or unit: file it within 24 hours of the appointment order (paragraph 7 of the Rules).</source>
        <translation>Басқа лауазымға немесе бөлімшеге ауысқанда редакциялауға өтінім: тағайындау туралы бұйрықтан кейін 24 сағат ішінде беріңіз (Ережелердің 7-тармағы).</translation>
    </message>
    <message>
        <source>Blocking application: access is blocked as soon as it is filed (paragraph 8 of the Rules).</source>
        <translation>Бұғаттауға өтінім: ол берілген бойда қолжетімділік бұғатталады (Ережелердің 8-тармағы).</translation>
    </message>
    <message>
        <source>Token &amp;PIN:</source>
        <translation>Токен &amp;PIN:</translation>
    </message>
    <message>
        <source>&amp;Read the certificate</source>
        <translation>Сертификатты &amp;оқу</translation>
    </message>
    <message>
        <source>I have read and agree with the agreement on rights of use.</source>
        <translation>ҚАО ААЖ қолдану құқығы туралы келісіммен таныстым және келісемін.</translation>
    </message>
    <message>
        <source>I confirm I hold an EDS on a protected carrier.</source>
        <translation>Менде қорғалған тасымалдағышта ЭЦҚ бар екенін растаймын.</translation>
    </message>
    <message>
        <source>I allow my personal data to be passed for registration.</source>
        <translation>Менің дербес деректерімді тіркеу үшін беруге рұқсат етемін.</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>Арыз иесі</translation>
    </message>
    <message>
        <source>Confirmations</source>
        <translation>Растаулар</translation>
    </message>
    <message>
        <source>Appointment order</source>
        <translation>Тағайындау туралы бұйрық</translation>
    </message>
    <message>
        <source>Order signed on:</source>
        <translation>Бұйрыққа қол қойылған уақыт:</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Рөлі</translation>
    </message>
    <message>
        <source>R&amp;ole applied for:</source>
        <translation>Өтінім берілетін &amp;рөл:</translation>
    </message>
    <message>
        <source>Analyst</source>
        <translation>Талдаушы</translation>
    </message>
    <message>
        <source>Departmental controller (appointed by the head&apos;s order)</source>
        <translation>Ведомстволық бақылаушы (басшының бұйрығымен тағайындалған)</translation>
    </message>
    <message>
        <source>Head&apos;s order number:</source>
        <translation>Басшы бұйрығының нөмірі:</translation>
    </message>
    <message>
        <source>Head&apos;s order date:</source>
        <translation>Басшы бұйрығының күні:</translation>
    </message>
    <message>
        <source>Head&apos;s order number</source>
        <translation>Басшы бұйрығының нөмірі</translation>
    </message>
    <message>
        <source>Head&apos;s order date</source>
        <translation>Басшы бұйрығының күні</translation>
    </message>
    <message>
        <source>Form &amp;language:</source>
        <translation>Нысан &amp;тілі:</translation>
    </message>
    <message>
        <source>Save for &amp;printing…</source>
        <translation>Басып шығару үшін &amp;сақтау…</translation>
    </message>
    <message>
        <source>Attach the &amp;scan…</source>
        <translation>&amp;Сканерді қоса беру…</translation>
    </message>
    <message>
        <source>Sign with EDS and &amp;file</source>
        <translation>ЭЦҚ-мен қол қойып, &amp;беру</translation>
    </message>
    <message>
        <source>No scan attached yet.</source>
        <translation>Скан әлі қоса берілмеген.</translation>
    </message>
    <message>
        <source>Application to the system operator</source>
        <translation>ҚАО ААЖ операторына өтінім</translation>
    </message>
</context>
<context>
    <name>Archive</name>
    <message>
        <source>attached to the material (printed)</source>
        <translation>материалға қоса тіркелді (басып шығарылды)</translation>
    </message>
    <message>
        <source>attached to the material (exported)</source>
        <translation>материалға қоса тіркелді (экспортталды)</translation>
    </message>
    <message>
        <source>attached to the material (printed and exported)</source>
        <translation>материалға қоса тіркелді (басып шығарылды және экспортталды)</translation>
    </message>
    <message>
        <source>destroyed unattached</source>
        <translation>қоса тіркелмей жойылды</translation>
    </message>
    <message>
        <source>Journal archive folder</source>
        <translation>Журнал мұрағатының қалтасы</translation>
    </message>
    <message>
        <source>The operator&apos;s certificate</source>
        <translation>Оператордың сертификаты</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.cer *.crt *.der)</source>
        <translation>Сертификаттар (*.pem *.cer *.crt *.der)</translation>
    </message>
    <message>
        <source>Verifying the archive…</source>
        <translation>Мұрағат тексерілуде…</translation>
    </message>
    <message>
        <source>The archive is intact: {entries} journal entries check out — the hash chain, the operator&apos;s signed checkpoints and every signature of the users.</source>
        <translation>Мұрағат тұтас: журналдың {entries} жазбасы тексеруден өтті — хэш тізбегі, оператор қол қойған бақылау нүктелері және пайдаланушылардың барлық қолтаңбасы.</translation>
    </message>
    <message>
        <source>THE ARCHIVE HAS BEEN ALTERED at journal entry № {seq}: {entries} entries before it check out; that entry and everything after it prove nothing.</source>
        <translation>МҰРАҒАТ ӨЗГЕРТІЛГЕН: журналдың № {seq} жазбасында. Оған дейінгі жазбалар тексеруден өтті ({entries}); сол жазба мен одан кейінгілердің бәрі ештеңені дәлелдемейді.</translation>
    </message>
    <message>
        <source>The archive does not verify: {reason}</source>
        <translation>Мұрағат тексеруден өтпеді: {reason}</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>бас тартылды</translation>
    </message>
    <message>
        <source>nothing recorded</source>
        <translation>ештеңе тіркелмеген</translation>
    </message>
    <message>
        <source>Not proven: at or after the altered entry</source>
        <translation>Дәлелденбеген: өзгертілген жазбада немесе одан кейін</translation>
    </message>
    <message>
        <source>Journal archive (read-only)</source>
        <translation>Журнал мұрағаты (тек оқу)</translation>
    </message>
    <message>
        <source>Archive folder…</source>
        <translation>Мұрағат қалтасы…</translation>
    </message>
    <message>
        <source>Operator&apos;s certificate…</source>
        <translation>Оператордың сертификаты…</translation>
    </message>
    <message>
        <source>Verify and show</source>
        <translation>Тексеру және көрсету</translation>
    </message>
    <message>
        <source>not chosen</source>
        <translation>таңдалмаған</translation>
    </message>
    <message>
        <source>№</source>
        <translation>№</translation>
    </message>
    <message>
        <source>Time (Astana)</source>
        <translation>Уақыты (Астана)</translation>
    </message>
    <message>
        <source>Who asked (IIN)</source>
        <translation>Кім сұрады (ЖСН)</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>Ресурс</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>Іс нөмірі</translation>
    </message>
    <message>
        <source>Legal ground</source>
        <translation>Құқықтық негіз</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Мақсаты</translation>
    </message>
    <message>
        <source>Answer hash (SHA-256)</source>
        <translation>Жауап хэші (SHA-256)</translation>
    </message>
    <message>
        <source>What became of the result</source>
        <translation>Нәтижемен не істелді</translation>
    </message>
    <message>
        <source>Open journal &amp;archive…</source>
        <translation>Журнал &amp;мұрағатын ашу…</translation>
    </message>
</context>
<context>
    <name>AttachDialog</name>
    <message>
        <source>Attach to case material</source>
        <translation>Іс материалына қосу</translation>
    </message>
    <message>
        <source>Material number:</source>
        <translation>Материалдың нөмірі:</translation>
    </message>
    <message>
        <source>Resource:</source>
        <translation>Ресурс:</translation>
    </message>
    <message>
        <source>Printout &amp;language:</source>
        <translation>Нұсқаның &amp;тілі:</translation>
    </message>
    <message>
        <source>&amp;Print (the print dialog opens)</source>
        <translation>&amp;Басып шығару (басып шығару терезесі ашылады)</translation>
    </message>
    <message>
        <source>E&amp;xport a printout signed with your EDS</source>
        <translation>ЭЦҚ-ңызбен қол қойылған нұсқаны &amp;экспорттау</translation>
    </message>
    <message>
        <source>Export is off: the administrator&apos;s policy names no folder for case material.</source>
        <translation>Экспорт өшірулі: әкімшінің саясатында іс материалдарына арналған қалта көрсетілмеген.</translation>
    </message>
    <message>
        <source>Into: {folder}</source>
        <translation>Қалта: {folder}</translation>
    </message>
    <message>
        <source>Once the printout is printed or saved, the copy of this result on the workstation is destroyed and the journal is told, as paragraph 19 of the Rules requires.</source>
        <translation>Нұсқа басылып немесе сақталған соң, осы нәтиженің жұмыс станциясындағы көшірмесі жойылады және бұл журналға хабарланады — Ережелердің 19-тармағы осыны талап етеді.</translation>
    </message>
    <message>
        <source>&amp;Attach and destroy the copy</source>
        <translation>&amp;Қосу және көшірмені жою</translation>
    </message>
    <message>
        <source>Preparing the printout…</source>
        <translation>Нұсқа дайындалуда…</translation>
    </message>
    <message>
        <source>Printing was cancelled; nothing was destroyed.</source>
        <translation>Басып шығарудан бас тартылды; ештеңе жойылған жоқ.</translation>
    </message>
    <message>
        <source>Printing failed: {detail}. Nothing was destroyed.</source>
        <translation>Басып шығару сәтсіз аяқталды: {detail}. Ештеңе жойылған жоқ.</translation>
    </message>
    <message>
        <source>Signing the printout with your EDS…</source>
        <translation>Нұсқаға ЭЦҚ-ңызбен қол қойылуда…</translation>
    </message>
    <message>
        <source>printed</source>
        <translation>басып шығарылды</translation>
    </message>
    <message>
        <source>exported as a signed printout</source>
        <translation>қол қойылған нұсқа ретінде экспортталды</translation>
    </message>
    <message>
        <source>printed and exported</source>
        <translation>басып шығарылды және экспортталды</translation>
    </message>
    <message>
        <source>destroyed without attaching</source>
        <translation>қосылмай жойылды</translation>
    </message>
    <message>
        <source>the journal has it</source>
        <translation>журналда тіркелді</translation>
    </message>
    <message>
        <source>the gateway did not accept the report</source>
        <translation>шлюз есепті қабылдамады</translation>
    </message>
    <message>
        <source>the report waits for the channel and is re-sent</source>
        <translation>есеп арнаны күтіп тұр және қайта жіберіледі</translation>
    </message>
    <message>
        <source>Material {case}, journal № {seq}: {action}; the local copy is destroyed; {told}.</source>
        <translation>{case} материалы, журнал № {seq}: {action}; жергілікті көшірме жойылды; {told}.</translation>
    </message>
</context>
<context>
    <name>Attestation</name>
    <message>
        <source>The workstation self-check could not be sent to the operator: {detail}</source>
        <translation>Жұмыс орнының өзін-өзі тексеруі операторға жіберілмеді: {detail}</translation>
    </message>
    <message>
        <source>Workstation self-check</source>
        <translation>Жұмыс орнының өзін-өзі тексеруі</translation>
    </message>
    <message>
        <source>The workstation self-check passed and was sent to the operator. Send the query again.</source>
        <translation>Жұмыс орнының өзін-өзі тексеруі өтті және операторға жіберілді. Сұрауды қайта жіберіңіз.</translation>
    </message>
    <message>
        <source>The workstation self-check did not pass: {checks}. It was sent to the operator. Put right what it names (Tools → Workstation self-check shows the details), then send the query again: the self-check is run and sent again then.</source>
        <translation>Жұмыс орнының өзін-өзі тексеруі өтпеді: {checks}. Ол операторға жіберілді. Аталғанды түзетіңіз (толығы: Құралдар → Жұмыс орнын тексеру), содан кейін сұрауды қайта жіберіңіз: сонда тексеру қайта орындалып, жіберіледі.</translation>
    </message>
</context>
<context>
    <name>CasePage</name>
    <message>
        <source>{h} h {m:02d} min</source>
        <translation>{h} сағ {m:02d} мин</translation>
    </message>
    <message>
        <source>{n} waiting</source>
        <translation>{n} күтуде</translation>
    </message>
    <message>
        <source>oldest {age} ago</source>
        <translation>ең ескісі {age} бұрын</translation>
    </message>
    <message>
        <source>destroyed in {left}</source>
        <translation>{left} кейін жойылады</translation>
    </message>
    <message>
        <source>journal № {seq}</source>
        <translation>журнал № {seq}</translation>
    </message>
    <message>
        <source>received {at}</source>
        <translation>алынды {at}</translation>
    </message>
    <message>
        <source>Destroy without attaching</source>
        <translation>Қоспай жою</translation>
    </message>
    <message>
        <source>Destroy this result without attaching it to the case material? It cannot be opened again; the journal is told.</source>
        <translation>Бұл нәтижені іс материалына қоспай жоясыз ба? Оны қайта ашу мүмкін болмайды; журналға хабарланады.</translation>
    </message>
    <message>
        <source>Case materials</source>
        <translation>Іс материалдары</translation>
    </message>
    <message>
        <source>Material / resource</source>
        <translation>Материал / ресурс</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Нәтижелер</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Мерзімі</translation>
    </message>
    <message>
        <source>Destroyed in</source>
        <translation>Жойылуына дейін</translation>
    </message>
    <message>
        <source>No results are waiting. Every result is attached to its material or destroyed; nothing of them is kept on this workstation.</source>
        <translation>Күтіп тұрған нәтиже жоқ. Әр нәтиже өз материалына қосылды немесе жойылды; олардан ештеңе осы жұмыс станциясында сақталмайды.</translation>
    </message>
    <message>
        <source>This workstation has no system keyring: results waiting here are lost if SIO Desk closes. They are destroyed and reported at the next start.</source>
        <translation>Бұл жұмыс станциясында жүйелік кілттер қоймасы жоқ: SIO Desk жабылса, мұнда күтіп тұрған нәтижелер жоғалады. Олар келесі іске қосылғанда жойылып, журналға хабарланады.</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Ашу</translation>
    </message>
    <message>
        <source>&amp;Attach…</source>
        <translation>&amp;Қосу…</translation>
    </message>
    <message>
        <source>&amp;Destroy…</source>
        <translation>&amp;Жою…</translation>
    </message>
    <message>
        <source>Latest results that left this workstation</source>
        <translation>Осы жұмыс станциясынан кеткен соңғы нәтижелер</translation>
    </message>
</context>
<context>
    <name>ChangePin</name>
    <message>
        <source>Type the current PIN and the new one.</source>
        <translation>Қазіргі PIN-кодты және жаңасын теріңіз.</translation>
    </message>
    <message>
        <source>The new PIN is too short (at least {n} characters).</source>
        <translation>Жаңа PIN тым қысқа (кемінде {n} таңба).</translation>
    </message>
    <message>
        <source>The new PIN and its repetition differ.</source>
        <translation>Жаңа PIN мен оның қайталамасы сәйкес емес.</translation>
    </message>
    <message>
        <source>The new PIN must differ from the current one.</source>
        <translation>Жаңа PIN қазіргісінен өзгеше болуы керек.</translation>
    </message>
    <message>
        <source>Change the token PIN</source>
        <translation>Токеннің PIN-кодын ауыстыру</translation>
    </message>
    <message>
        <source>&amp;Current PIN:</source>
        <translation>&amp;Қазіргі PIN:</translation>
    </message>
    <message>
        <source>&amp;New PIN:</source>
        <translation>&amp;Жаңа PIN:</translation>
    </message>
    <message>
        <source>&amp;Repeat the new PIN:</source>
        <translation>Жаңа PIN-ді &amp;қайталаңыз:</translation>
    </message>
    <message>
        <source>Change PIN</source>
        <translation>PIN-ді ауыстыру</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Бас тарту</translation>
    </message>
</context>
<context>
    <name>Diagnostics</name>
    <message>
        <source>Diagnostics — workstation self-check</source>
        <translation>Диагностика — жұмыс орнын тексеру</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>&amp;Жабу</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Unexpected error: {detail}. The details are in the log.</source>
        <translation>Күтпеген қате: {detail}. Толығырақ журналда.</translation>
    </message>
</context>
<context>
    <name>FirstLaunch</name>
    <message>
        <source>&amp;Re-run the check</source>
        <translation>Қайта &amp;тексеру</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Шығу</translation>
    </message>
    <message>
        <source>This workstation does not meet the rules for working with the system, so SIO Desk may not be used for queries from it. Fix the following, then run the check again:</source>
        <translation>Бұл жұмыс орны жүйемен жұмыс істеу талаптарына сәйкес емес, сондықтан одан SIO Desk арқылы сұрау жіберуге болмайды. Төмендегілерді түзетіп, тексеруді қайта іске қосыңыз:</translation>
    </message>
    <message>
        <source>Sandbox: not enforced.</source>
        <translation>Сынақ ортасы (sandbox): талаптар қолданылмайды.</translation>
    </message>
    <message>
        <source>Some checks need attention; they do not stop you. Tell your administrator:</source>
        <translation>Кейбір тексерулер назар аударуды қажет етеді, бірақ жұмысқа кедергі келтірмейді. Әкімшіге хабарлаңыз:</translation>
    </message>
    <message>
        <source>This workstation meets the rules. Press Continue.</source>
        <translation>Жұмыс орны талаптарға сәйкес. «Жалғастыру» батырмасын басыңыз.</translation>
    </message>
    <message>
        <source>First launch: workstation check</source>
        <translation>Алғашқы іске қосу: жұмыс орнын тексеру</translation>
    </message>
    <message>
        <source>SIO Desk runs for the first time on this workstation. The rules allow queries only from a workstation that meets them (Appendix 3 to the Rules), so every check is run now. You can print this report to PDF for your records.</source>
        <translation>SIO Desk осы жұмыс орнында алғаш рет іске қосылды. Ережелер сұрауларды тек талаптарға сай жұмыс орнынан жіберуге рұқсат етеді (Ережелерге 3-қосымша), сондықтан қазір барлық тексеру орындалады. Бұл есепті құжаттарыңыз үшін PDF-ке басып шығаруға болады.</translation>
    </message>
    <message>
        <source>&amp;Continue</source>
        <translation>&amp;Жалғастыру</translation>
    </message>
    <message>
        <source>Not registered yet: continue and &amp;apply…</source>
        <translation>Әлі тіркелмегенмін: жалғастыру және &amp;өтінім беру…</translation>
    </message>
</context>
<context>
    <name>LinkGraph</name>
    <message>
        <source>Queried subject</source>
        <translation>Сұралған субъект</translation>
    </message>
    <message>
        <source>The subject of this query: {id}</source>
        <translation>Осы сұраудың субъектісі: {id}</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Жеке тұлға</translation>
    </message>
    <message>
        <source>Legal entity</source>
        <translation>Заңды тұлға</translation>
    </message>
    <message>
        <source>Click, or press Enter, to query this subject with the same basis.</source>
        <translation>Осы субъектіні сол негізбен сұрау үшін шертіңіз немесе Enter басыңыз.</translation>
    </message>
    <message>
        <source>Links graph</source>
        <translation>Байланыстар графы</translation>
    </message>
    <message>
        <source>{n} linked subjects. Tab or arrow keys move between them; Enter queries the one in focus.</source>
        <translation>Байланысқан субъектілер: {n}. Tab немесе бағыт пернелері олардың арасында жылжытады; Enter фокустағысын сұрайды.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>The screen was locked, so the session was locked too.</source>
        <translation>Экран бұғатталды, сондықтан сеанс та бұғатталды.</translation>
    </message>
    <message>
        <source>The token was removed: the session is locked and nothing of it stays on screen.</source>
        <translation>Токен ажыратылды: сеанс бұғатталды, экранда одан ештеңе қалмады.</translation>
    </message>
    <message>
        <source>The PIN was changed.</source>
        <translation>PIN-код ауыстырылды.</translation>
    </message>
    <message>
        <source>About SIO Desk</source>
        <translation>SIO Desk туралы</translation>
    </message>
    <message>
        <source>Query</source>
        <translation>Сұрау</translation>
    </message>
    <message>
        <source>Case materials</source>
        <translation>Іс материалдары</translation>
    </message>
    <message>
        <source>Query (Ctrl+1)</source>
        <translation>Сұрау (Ctrl+1)</translation>
    </message>
    <message>
        <source>{title} (Ctrl+2)</source>
        <translation>{title} (Ctrl+2)</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Есептік жазба</translation>
    </message>
    <message>
        <source>Account and applications (Ctrl+Shift+U)</source>
        <translation>Есептік жазба және өтінімдер (Ctrl+Shift+U)</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Есептер</translation>
    </message>
    <message>
        <source>Reports of departmental control (Ctrl+Shift+R)</source>
        <translation>Ведомстволық бақылау есептері (Ctrl+Shift+R)</translation>
    </message>
    <message>
        <source>Diagnostics</source>
        <translation>Диагностика</translation>
    </message>
    <message>
        <source>Workstation self-check (Ctrl+Shift+D)</source>
        <translation>Жұмыс станциясының өзін-өзі тексеруі (Ctrl+Shift+D)</translation>
    </message>
    <message>
        <source>{n} result(s) are still waiting to be attached to case material.</source>
        <translation>Іс материалына қосылуын күтіп тұрған нәтижелер: {n}.</translation>
    </message>
    <message>
        <source>Kept results are destroyed when SIO Desk closes: this workstation has no system keyring.</source>
        <translation>Қалдырылған нәтижелер SIO Desk жабылғанда жойылады: бұл жұмыс станциясында жүйелік кілттер қоймасы жоқ.</translation>
    </message>
    <message>
        <source>Kept results wait until their retention time runs out, then they are destroyed.</source>
        <translation>Қалдырылған нәтижелер сақтау мерзімі біткенше күтеді, содан кейін жойылады.</translation>
    </message>
    <message>
        <source>&amp;Destroy them</source>
        <translation>&amp;Жою</translation>
    </message>
    <message>
        <source>&amp;Keep them</source>
        <translation>&amp;Қалдыру</translation>
    </message>
    <message>
        <source>The session was locked after a period of inactivity. What you typed is kept: sign in again to continue.</source>
        <translation>Әрекетсіздіктен кейін сеанс құлыпталды. Терілген мәтін сақталды: жалғастыру үшін қайта кіріңіз.</translation>
    </message>
    <message>
        <source>No activity: the session locks in {n} s. Move the mouse or press a key to stay signed in.</source>
        <translation>Әрекет жоқ: сеанс {n} секундтан кейін құлыпталады. Жүйеде қалу үшін тінтуірді жылжытыңыз немесе пернені басыңыз.</translation>
    </message>
    <message>
        <source>Your session at the gateway has ended and could not be renewed. What you typed is kept: sign in again to send it.</source>
        <translation>Шлюздегі сеанс аяқталды және оны жаңарту мүмкін болмады. Терілген мәтін сақталды: жіберу үшін қайта кіріңіз.</translation>
    </message>
    <message>
        <source>Your token PIN has not been changed for a month. Change it now: File → Change PIN… (paragraph 12 of the Rules).</source>
        <translation>Токеннің PIN-коды бір ай бойы ауыстырылмаған. Қазір ауыстырыңыз: Файл → PIN-кодты ауыстыру… (Ережелердің 12-тармағы).</translation>
    </message>
    <message>
        <source>{n} result(s) will be destroyed within 15 minutes unless attached to case material: Case materials (Ctrl+2).</source>
        <translation>Іс материалына қосылмаса, 15 минут ішінде жойылатын нәтижелер: {n}. Іс материалдары (Ctrl+2).</translation>
    </message>
    <message>
        <source>{n} result(s) were not attached in time and have been destroyed; the journal is told (paragraph 19 of the Rules).</source>
        <translation>Уақытында қосылмай жойылған нәтижелер: {n}; журналға хабарланды (Ережелердің 19-тармағы).</translation>
    </message>
    <message>
        <source>{n} result(s) left by an earlier run of SIO Desk were destroyed at start; the journal is told.</source>
        <translation>SIO Desk-тің алдыңғы жұмысынан қалған нәтижелер іске қосылғанда жойылды: {n}; журналға хабарланды.</translation>
    </message>
    <message>
        <source>SIO Desk — client of the law-enforcement information exchange system.
Every query is signed with your NCA EDS and sent with its basis (paragraph 3 of the Rules); every answer is checked against the operator&apos;s signature before it is shown.</source>
        <translation>SIO Desk — құқық қорғау органдарының ақпарат алмасу жүйесінің клиенті.
Әр сұрауға ҰКО ЭЦҚ-ңызбен қол қойылып, негізімен бірге жіберіледі (Ережелердің 3-тармағы); әр жауап көрсетілмес бұрын оператордың қолтаңбасымен тексеріледі.</translation>
    </message>
    <message>
        <source>SANDBOX — test keys, synthetic data</source>
        <translation>SANDBOX (СЫНАҚ ОРТАСЫ) — тест кілттері, жасанды деректер</translation>
    </message>
    <message>
        <source>User: {name}, IIN {iin}</source>
        <translation>Пайдаланушы: {name}, ЖСН {iin}</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Жүйеге кірмеген</translation>
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
        <translation>&amp;Сұрау</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Көрініс</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Құралдар</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Анықтама</translation>
    </message>
    <message>
        <source>&amp;Workstation self-check…</source>
        <translation>Жұмыс орнын &amp;тексеру…</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Тіл</translation>
    </message>
    <message>
        <source>&amp;Lock and sign out</source>
        <translation>&amp;Бұғаттау және шығу</translation>
    </message>
    <message>
        <source>Change &amp;PIN…</source>
        <translation>&amp;PIN-ді ауыстыру…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Шығу</translation>
    </message>
    <message>
        <source>&amp;Send signed query</source>
        <translation>Қол қойылған сұрауды &amp;жіберу</translation>
    </message>
    <message>
        <source>&amp;Case materials</source>
        <translation>&amp;Іс материалдары</translation>
    </message>
    <message>
        <source>&amp;About SIO Desk</source>
        <translation>SIO Desk &amp;туралы</translation>
    </message>
</context>
<context>
    <name>OperatorConsole</name>
    <message>
        <source>Registration</source>
        <translation>Тіркеу</translation>
    </message>
    <message>
        <source>Transfer (editing)</source>
        <translation>Ауысу (өңдеу)</translation>
    </message>
    <message>
        <source>Blocking</source>
        <translation>Бұғаттау</translation>
    </message>
    <message>
        <source>valid: intact, trusted, in force</source>
        <translation>жарамды: өзгертілмеген, сенімді, күшінде</translation>
    </message>
    <message>
        <source>invalid: changed after signing or broken</source>
        <translation>жарамсыз: қол қойылғаннан кейін өзгертілген немесе бүлінген</translation>
    </message>
    <message>
        <source>the certificate is not from a trusted CA</source>
        <translation>сертификат сенімді КО-дан емес</translation>
    </message>
    <message>
        <source>the certificate is revoked</source>
        <translation>сертификат кері қайтарылған</translation>
    </message>
    <message>
        <source>the certificate has expired</source>
        <translation>сертификаттың мерзімі өткен</translation>
    </message>
    <message>
        <source>a signature of an unsupported kind</source>
        <translation>қолдау көрсетілмейтін түрдегі қолтаңба</translation>
    </message>
    <message>
        <source>{h} h {m:02d} min</source>
        <translation>{h} сағ {m:02d} мин</translation>
    </message>
    <message>
        <source>overdue by {span}</source>
        <translation>{span} кешікті</translation>
    </message>
    <message>
        <source>{span} left</source>
        <translation>{span} қалды</translation>
    </message>
    <message>
        <source>Opening the application and checking its signatures…</source>
        <translation>Өтінім ашылып, қолтаңбалары тексерілуде…</translation>
    </message>
    <message>
        <source>Open an application to see its documents.</source>
        <translation>Құжаттарын көру үшін өтінімді ашыңыз.</translation>
    </message>
    <message>
        <source>Application № {id}: {action}, {name} (IIN {iin}), {org}</source>
        <translation>№ {id} өтінім: {action}, {name} (ЖСН {iin}), {org}</translation>
    </message>
    <message>
        <source>Signed PDF checked on this desk: {v}</source>
        <translation>Қол қойылған PDF осы жұмыс орнында тексерілді: {v}</translation>
    </message>
    <message>
        <source>Signature of {who} (IIN {iin}) at {when}: {v}{cover}</source>
        <translation>{who} қолтаңбасы (ЖСН {iin}), {when}: {v}{cover}</translation>
    </message>
    <message>
        <source>; does not cover the whole file</source>
        <translation>; бүкіл файлды қамтымайды</translation>
    </message>
    <message>
        <source>Scans of the paper copy: {n}</source>
        <translation>Қағаз нұсқаның сканерленген көшірмелері: {n}</translation>
    </message>
    <message>
        <source>Refuse the application</source>
        <translation>Өтінімнен бас тарту</translation>
    </message>
    <message>
        <source>The reason (the applicant reads it; it is signed with your EDS):</source>
        <translation>Себебі (өтініш беруші оны оқиды; сіздің ЭЦҚ-ңызбен қол қойылады):</translation>
    </message>
    <message>
        <source>A refusal states its reason.</source>
        <translation>Бас тартудың себебін көрсетіңіз.</translation>
    </message>
    <message>
        <source>Signing the decision on your token…</source>
        <translation>Шешімге токеніңізде қол қойылуда…</translation>
    </message>
    <message>
        <source>Application № {id} registered.</source>
        <translation>№ {id} өтінім бойынша тіркелді.</translation>
    </message>
    <message>
        <source>Application № {id} refused; the applicant will see the reason.</source>
        <translation>№ {id} өтінімнен бас тартылды; өтініш беруші себебін көреді.</translation>
    </message>
    <message>
        <source>Incoming applications</source>
        <translation>Келіп түскен өтінімдер</translation>
    </message>
    <message>
        <source>№</source>
        <translation>№</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>Өтініш беруші</translation>
    </message>
    <message>
        <source>IIN</source>
        <translation>ЖСН</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>Өтінім</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Келіп түсті</translation>
    </message>
    <message>
        <source>Decision due (one day)</source>
        <translation>Шешім мерзімі (бір күн)</translation>
    </message>
    <message>
        <source>No application awaits a decision.</source>
        <translation>Шешім күтіп тұрған өтінім жоқ.</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Жаңарту</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ашу</translation>
    </message>
    <message>
        <source>Open signed PDF</source>
        <translation>Қол қойылған PDF ашу</translation>
    </message>
    <message>
        <source>Open scan</source>
        <translation>Сканды ашу</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Тіркеу</translation>
    </message>
    <message>
        <source>Refuse…</source>
        <translation>Бас тарту…</translation>
    </message>
    <message>
        <source>Seal and export the journal…</source>
        <translation>Журналды мөрлеу және экспорттау…</translation>
    </message>
    <message>
        <source>Applications</source>
        <translation>Өтінімдер</translation>
    </message>
</context>
<context>
    <name>OperatorEmergency</name>
    <message>
        <source>Fill in every field.</source>
        <translation>Барлық өрісті толтырыңыз.</translation>
    </message>
    <message>
        <source>No works are announced.</source>
        <translation>Жарияланған жұмыстар жоқ.</translation>
    </message>
    <message>
        <source>{n} min</source>
        <translation>{n} мин</translation>
    </message>
    <message>
        <source>open</source>
        <translation>ашық</translation>
    </message>
    <message>
        <source>Open an emergency journal entry</source>
        <translation>Апаттық жағдайлар журналына жазба ашу</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>Бөлім</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Іс-қимылдар</translation>
    </message>
    <message>
        <source>Required time, maximum (min)</source>
        <translation>Қажетті уақыт, ең көбі (мин)</translation>
    </message>
    <message>
        <source>Responsible person</source>
        <translation>Жауапты адам</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Басталды</translation>
    </message>
    <message>
        <source>Close entry № {no}</source>
        <translation>№ {no} жазбаны жабу</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Аяқталды</translation>
    </message>
    <message>
        <source>Actions taken (optional)</source>
        <translation>Қабылданған іс-қимылдар (міндетті емес)</translation>
    </message>
    <message>
        <source>Announce planned technical works</source>
        <translation>Жоспарлы техникалық жұмыстарды жариялау</translation>
    </message>
    <message>
        <source>Text in Kazakh</source>
        <translation>Мәтін қазақ тілінде</translation>
    </message>
    <message>
        <source>Text in Russian</source>
        <translation>Мәтін орыс тілінде</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>Басталуы</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>Аяқталуы</translation>
    </message>
    <message>
        <source>Signing on your token…</source>
        <translation>Токеніңізде қол қойылуда…</translation>
    </message>
    <message>
        <source>Signed and journaled (entry {seq}).</source>
        <translation>Қол қойылды және журналға жазылды ({seq} жазба).</translation>
    </message>
    <message>
        <source>Emergency journal</source>
        <translation>Апаттық жағдайлар журналы</translation>
    </message>
    <message>
        <source>Announced technical works</source>
        <translation>Жарияланған техникалық жұмыстар</translation>
    </message>
    <message>
        <source>№</source>
        <translation>№</translation>
    </message>
    <message>
        <source>Maximum time</source>
        <translation>Ең көп уақыт</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>Жауапты</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Басы</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Соңы</translation>
    </message>
    <message>
        <source>Open an entry…</source>
        <translation>Жазба ашу…</translation>
    </message>
    <message>
        <source>Close the entry…</source>
        <translation>Жазбаны жабу…</translation>
    </message>
    <message>
        <source>Announce works…</source>
        <translation>Жұмыстарды жариялау…</translation>
    </message>
</context>
<context>
    <name>OperatorJournal</name>
    <message>
        <source>Folder for the journal archive</source>
        <translation>Журнал мұрағатына арналған қалта</translation>
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
        <translation>Токеніңізде қол қойылуда; шлюз журналды мөрлеуде…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Тоқтатылуда…</translation>
    </message>
    <message>
        <source>Receiving the archive: {got} of {all}</source>
        <translation>Мұрағат қабылдануда: {all} ішінен {got}</translation>
    </message>
    <message>
        <source>Receiving the archive: {got}</source>
        <translation>Мұрағат қабылдануда: {got}</translation>
    </message>
    <message>
        <source>Saved in {path} ({size}).</source>
        <translation>{path} қалтасына сақталды ({size}).</translation>
    </message>
    <message>
        <source>{where} It could not be verified on this workstation: {problem}</source>
        <translation>{where} Оны осы жұмыс орнында тексеру мүмкін болмады: {problem}</translation>
    </message>
    <message>
        <source>The journal is sealed and the archive is intact: {entries} entries in {segments} sealed segments check out against the operator key this desk trusts; your export is entry № {seq}. {where}</source>
        <translation>Журнал мөрленді, мұрағат бүтін: {segments} мөрленген сегменттегі {entries} жазба осы жұмыс орны сенетін оператор кілтімен тексеруден өтті; сіздің экспортыңыз — № {seq} жазба. {where}</translation>
    </message>
    <message>
        <source>THE ARCHIVE DOES NOT VERIFY at journal entry № {seq}: {entries} entries before it check out. Report this to the security administrator. {where}</source>
        <translation>МҰРАҒАТ ТЕКСЕРУДЕН ӨТПЕДІ: журналдың № {seq} жазбасында; оған дейінгі {entries} жазба тексеруден өтті. Бұл туралы қауіпсіздік әкімшісіне хабарлаңыз. {where}</translation>
    </message>
    <message>
        <source>The archive does not verify: {reason}. {where}</source>
        <translation>Мұрағат тексеруден өтпеді: {reason}. {where}</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Бас тарту</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Жабу</translation>
    </message>
    <message>
        <source>Seal and export the journal</source>
        <translation>Журналды мөрлеу және экспорттау</translation>
    </message>
    <message>
        <source>The gateway seals the journal&apos;s open segment with the operator&apos;s key and sends the whole journal as an archive; this desk saves it in a new folder inside the folder you choose and verifies it. The request is signed with your EDS on the token and journaled before the seal, so the archive shows who took it.</source>
        <translation>Шлюз журналдың ашық сегментін оператор кілтімен мөрлейді және бүкіл журналды мұрағат етіп жібереді; осы жұмыс орны оны сіз таңдаған қалтаның ішіндегі жаңа қалтаға сақтап, тексереді. Сұрау токендегі ЭЦҚ-ңызбен қол қойылып, мөрленуден бұрын журналға жазылады, сондықтан мұрағат оны кім алғанын көрсетеді.</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>&amp;Қалта:</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>&amp;Таңдау…</translation>
    </message>
    <message>
        <source>I understand: a sealed segment is permanent — it cannot be reopened, changed or deleted</source>
        <translation>Түсінемін: мөрленген сегмент біржола мөрленеді — оны қайта ашуға, өзгертуге немесе жоюға болмайды</translation>
    </message>
    <message>
        <source>&amp;Seal and export</source>
        <translation>&amp;Мөрлеу және экспорттау</translation>
    </message>
    <message>
        <source>Open in the &amp;archive viewer</source>
        <translation>Мұрағат қарау құралында &amp;ашу</translation>
    </message>
</context>
<context>
    <name>OperatorUsers</name>
    <message>
        <source>suspended until {date}</source>
        <translation>{date} дейін тоқтатылған</translation>
    </message>
    <message>
        <source>active</source>
        <translation>белсенді</translation>
    </message>
    <message>
        <source>blocked</source>
        <translation>бұғатталған</translation>
    </message>
    <message>
        <source>access closed</source>
        <translation>қолжетімділік жабылған</translation>
    </message>
    <message>
        <source>account deleted</source>
        <translation>есептік жазба жойылған</translation>
    </message>
    <message>
        <source>analyst</source>
        <translation>талдаушы</translation>
    </message>
    <message>
        <source>departmental controller</source>
        <translation>ведомстволық бақылаушы</translation>
    </message>
    <message>
        <source>operator</source>
        <translation>оператор</translation>
    </message>
    <message>
        <source>no self-check received</source>
        <translation>өзін-өзі тексеру нәтижесі алынбаған</translation>
    </message>
    <message>
        <source>{when}: all checks passed</source>
        <translation>{when}: барлық тексерулерден өтті</translation>
    </message>
    <message>
        <source>{when}: {n} checks not passed</source>
        <translation>{when}: {n} тексеруден өтпеді</translation>
    </message>
    <message>
        <source>met</source>
        <translation>сәйкес</translation>
    </message>
    <message>
        <source>Access returns on</source>
        <translation>Қолжетімділік қайтарылатын күн</translation>
    </message>
    <message>
        <source>Reason (the user reads it; signed with your EDS)</source>
        <translation>Себебі (пайдаланушы оны оқиды; сіздің ЭЦҚ-ңызбен қол қойылады)</translation>
    </message>
    <message>
        <source>State the reason.</source>
        <translation>Себебін көрсетіңіз.</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Лауазымы</translation>
    </message>
    <message>
        <source>Reason (kept in the journal; signed with your EDS)</source>
        <translation>Себебі (журналда сақталады; сіздің ЭЦҚ-ңызбен қол қойылады)</translation>
    </message>
    <message>
        <source>Fill in the position and the organisation.</source>
        <translation>Лауазымы мен ұйымын толтырыңыз.</translation>
    </message>
    <message>
        <source>Signing on your token…</source>
        <translation>Токеніңізде қол қойылуда…</translation>
    </message>
    <message>
        <source>Saved for {name}; it is in the journal, and the user sees it at their next sign-in.</source>
        <translation>{name} үшін сақталды; журналға жазылды, пайдаланушы оны келесі кіргенде көреді.</translation>
    </message>
    <message>
        <source>Done for {name}; it is in the journal and the user is told why.</source>
        <translation>{name} үшін орындалды; журналға жазылды, пайдаланушыға себебі хабарланады.</translation>
    </message>
    <message>
        <source>Edit {name}</source>
        <translation>{name} деректерін өзгерту</translation>
    </message>
    <message>
        <source>Block {name}</source>
        <translation>{name} бұғаттау</translation>
    </message>
    <message>
        <source>Unblock {name}</source>
        <translation>{name} бұғаттан шығару</translation>
    </message>
    <message>
        <source>Suspend access of {name}</source>
        <translation>{name} қолжетімділігін уақытша тоқтату</translation>
    </message>
    <message>
        <source>Close access of {name}</source>
        <translation>{name} қолжетімділігін жабу</translation>
    </message>
    <message>
        <source>Delete the account of {name}</source>
        <translation>{name} есептік жазбасын жою</translation>
    </message>
    <message>
        <source>The user will have to apply for registration anew. Delete?</source>
        <translation>Пайдаланушы тіркеуге қайта өтінім беруі тиіс болады. Жою керек пе?</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Пайдаланушылар</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Аты-жөні</translation>
    </message>
    <message>
        <source>IIN</source>
        <translation>ЖСН</translation>
    </message>
    <message>
        <source>Whether the newest complete self-check of the user&apos;s workstation meets the gateway&apos;s access policy now: passed, and not too old (paragraph 4 of the Rules, Appendix 3)</source>
        <translation>Пайдаланушы жұмыс орнының соңғы толық өзін-өзі тексеруі қазір шлюздің қол жеткізу саясатына сай ма: өткен және тым ескі емес (Ережелердің 4-тармағы, Ережелерге 3-қосымша)</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Ұйым</translation>
    </message>
    <message>
        <source>none complete</source>
        <translation>толығы жоқ</translation>
    </message>
    <message>
        <source>checks failed</source>
        <translation>тексерулер өтпеді</translation>
    </message>
    <message>
        <source>undetermined</source>
        <translation>анықталмады</translation>
    </message>
    <message>
        <source>too old</source>
        <translation>тым ескі</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Рөлі</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Күйі</translation>
    </message>
    <message>
        <source>Access policy</source>
        <translation>Қол жеткізу саясаты</translation>
    </message>
    <message>
        <source>Workstation self-check</source>
        <translation>Жұмыс станциясының өзін-өзі тексеруі</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Өзгерту…</translation>
    </message>
    <message>
        <source>Block…</source>
        <translation>Бұғаттау…</translation>
    </message>
    <message>
        <source>Unblock…</source>
        <translation>Бұғаттан шығару…</translation>
    </message>
    <message>
        <source>Suspend…</source>
        <translation>Уақытша тоқтату…</translation>
    </message>
    <message>
        <source>Close access…</source>
        <translation>Қолжетімділікті жабу…</translation>
    </message>
    <message>
        <source>Delete account…</source>
        <translation>Есептік жазбаны жою…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Жаңарту</translation>
    </message>
</context>
<context>
    <name>OutageNotice</name>
    <message>
        <source>Notice to the operator</source>
        <translation>Операторға хабарлама</translation>
    </message>
    <message>
        <source>Tell the operator at once by phone and e-mail. Check the text, add what you saw, then copy it into an e-mail or print it.</source>
        <translation>Операторға телефон және электрондық пошта арқылы дереу хабарлаңыз. Мәтінді тексеріп, байқағаныңызды қосыңыз, содан кейін оны хатқа көшіріңіз немесе басып шығарыңыз.</translation>
    </message>
    <message>
        <source>Text of the notice</source>
        <translation>Хабарлама мәтіні</translation>
    </message>
    <message>
        <source>Operator&apos;s contacts</source>
        <translation>Оператордың байланыс деректері</translation>
    </message>
    <message>
        <source>&amp;Copy text</source>
        <translation>Мәтінді &amp;көшіру</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Басып шығару…</translation>
    </message>
    <message>
        <source>The text is copied: paste it into an e-mail.</source>
        <translation>Мәтін көшірілді: оны хатқа қойыңыз.</translation>
    </message>
    <message>
        <source>Printing failed: check the printer.</source>
        <translation>Басып шығару сәтсіз аяқталды: принтерді тексеріңіз.</translation>
    </message>
    <message>
        <source>The notice is sent to the printer.</source>
        <translation>Хабарлама басып шығаруға жіберілді.</translation>
    </message>
</context>
<context>
    <name>Pin</name>
    <message>
        <source>Final try: one more wrong PIN locks the token.</source>
        <translation>Соңғы әрекет: PIN тағы бір рет қате енгізілсе, токен бұғатталады.</translation>
    </message>
    <message>
        <source>Wrong PIN entered before: few attempts remain. Type it carefully.</source>
        <translation>PIN бұрын қате енгізілген: әрекеттер аз қалды. Мұқият теріңіз.</translation>
    </message>
    <message>
        <source>Attempts left: {n}</source>
        <translation>Қалған әрекет: {n}</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <source>Type the PIN of your token.</source>
        <translation>Токеннің PIN-кодын енгізіңіз.</translation>
    </message>
    <message>
        <source>Sign in with your EDS</source>
        <translation>ЭЦҚ-мен кіру</translation>
    </message>
    <message>
        <source>&amp;PIN:</source>
        <translation>&amp;PIN-код:</translation>
    </message>
    <message>
        <source>token PIN (hidden)</source>
        <translation>токеннің PIN-коды (жасырын)</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Кіру</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Бас тарту</translation>
    </message>
</context>
<context>
    <name>QueryPage</name>
    <message>
        <source>Checking the form…</source>
        <translation>Пішін тексерілуде…</translation>
    </message>
    <message>
        <source>To send, complete: {fields}</source>
        <translation>Жіберу үшін толтырыңыз: {fields}</translation>
    </message>
    <message>
        <source>Signing and sending the query…</source>
        <translation>Сұрауға қол қойылып, жіберілуде…</translation>
    </message>
    <message>
        <source>Downtime of this resource</source>
        <translation>Бұл ресурстың тоқтап тұруы</translation>
    </message>
    <message>
        <source>Prepare a notice to the operator…</source>
        <translation>Операторға хабарлама дайындау…</translation>
    </message>
    <message>
        <source>No resource is chosen: find one above.</source>
        <translation>Ресурс таңдалмаған: оны жоғарыдан табыңыз.</translation>
    </message>
    <message>
        <source>Search parameters</source>
        <translation>Іздеу параметрлері</translation>
    </message>
    <message>
        <source>Search by</source>
        <translation>Іздеу тәсілі</translation>
    </message>
    <message>
        <source>12 digits</source>
        <translation>12 цифр</translation>
    </message>
    <message>
        <source>Basis of the query (required, paragraph 3 of the Rules)</source>
        <translation>Сұрау негізі (міндетті, Ережелердің 3-тармағы)</translation>
    </message>
    <message>
        <source>&amp;Case / material №:</source>
        <translation>&amp;Іс / материал №:</translation>
    </message>
    <message>
        <source>&amp;Legal ground:</source>
        <translation>&amp;Құқықтық негіз:</translation>
    </message>
    <message>
        <source>&amp;Purpose:</source>
        <translation>&amp;Мақсаты:</translation>
    </message>
    <message>
        <source>e.g. 2025-0142</source>
        <translation>мысалы, 2025-0142</translation>
    </message>
    <message>
        <source>What the result will be used for; it may be used only for this purpose.</source>
        <translation>Нәтиже не үшін қажет; ол тек осы мақсатқа пайдаланылады.</translation>
    </message>
    <message>
        <source>&amp;Send signed query</source>
        <translation>Қол қойылған сұрауды &amp;жіберу</translation>
    </message>
    <message>
        <source>Signs the query with your EDS and sends it (Ctrl+Enter)</source>
        <translation>Сұрауға ЭЦҚ-ңызбен қол қойып, жібереді (Ctrl+Enter)</translation>
    </message>
</context>
<context>
    <name>Reports</name>
    <message>
        <source>&amp;Reports…</source>
        <translation>&amp;Есептер…</translation>
    </message>
    <message>
        <source>no disposition past the retention time</source>
        <translation>сақтау мерзімі өтті, нәтижемен ештеңе істелмеген</translation>
    </message>
    <message>
        <source>attached to other material</source>
        <translation>басқа материалға қоса тіркелген</translation>
    </message>
    <message>
        <source>outside working hours</source>
        <translation>жұмыс уақытынан тыс</translation>
    </message>
    <message>
        <source>bulk requests</source>
        <translation>жаппай сұраулар</translation>
    </message>
    <message>
        <source>one subject asked by many users</source>
        <translation>бір субъект туралы көп пайдаланушы сұраған</translation>
    </message>
    <message>
        <source>own IIN looked up</source>
        <translation>өз ЖСН-і бойынша сұрау</translation>
    </message>
    <message>
        <source>attached (printed)</source>
        <translation>қоса тіркелді (басып шығарылды)</translation>
    </message>
    <message>
        <source>attached (exported)</source>
        <translation>қоса тіркелді (экспортталды)</translation>
    </message>
    <message>
        <source>attached (printed and exported)</source>
        <translation>қоса тіркелді (басып шығарылды және экспортталды)</translation>
    </message>
    <message>
        <source>destroyed unattached</source>
        <translation>қоса тіркелмей жойылды</translation>
    </message>
    <message>
        <source>nothing done yet</source>
        <translation>әзірге ештеңе істелмеген</translation>
    </message>
    <message>
        <source>nothing done, retention passed</source>
        <translation>ештеңе істелмеген, сақтау мерзімі өтті</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>бас тартылды</translation>
    </message>
    <message>
        <source>nothing done (pending or overdue)</source>
        <translation>ештеңе істелмеген (күтуде немесе мерзімі өткен)</translation>
    </message>
    <message>
        <source>query, answered</source>
        <translation>сұрау, жауап берілді</translation>
    </message>
    <message>
        <source>query, refused</source>
        <translation>сұрау, бас тартылды</translation>
    </message>
    <message>
        <source>what became of the result, signed by the user</source>
        <translation>нәтижемен не істелгені, пайдаланушы қол қойған</translation>
    </message>
    <message>
        <source>signature valid</source>
        <translation>қолтаңба жарамды</translation>
    </message>
    <message>
        <source>SIGNATURE INVALID</source>
        <translation>ҚОЛТАҢБА ЖАРАМСЫЗ</translation>
    </message>
    <message>
        <source>no signature of the user (journal chain only)</source>
        <translation>пайдаланушының қолтаңбасы жоқ (тек журнал тізбегі)</translation>
    </message>
    <message>
        <source>The period&apos;s first day is after its last.</source>
        <translation>Кезеңнің бірінші күні соңғы күнінен кейін.</translation>
    </message>
    <message>
        <source>More than 30 days have passed since the last review of the reports ({when}). Departmental control reviews them at least monthly (paragraph 21 of the Rules): review the period and record the review.</source>
        <translation>Есептерді соңғы қараудан ({when}) бері 30 күннен астам уақыт өтті. Ведомстволық бақылау оларды айына кемінде бір рет қарайды (Ережелердің 21-тармағы): кезеңді қарап, қарауды тіркеңіз.</translation>
    </message>
    <message>
        <source>The reports have never been reviewed. Departmental control reviews them at least monthly (paragraph 21 of the Rules): review the period and record the review.</source>
        <translation>Есептер әлі бірде-бір рет қаралмаған. Ведомстволық бақылау оларды айына кемінде бір рет қарайды (Ережелердің 21-тармағы): кезеңді қарап, қарауды тіркеңіз.</translation>
    </message>
    <message>
        <source>All users</source>
        <translation>Барлық пайдаланушылар</translation>
    </message>
    <message>
        <source>All resources</source>
        <translation>Барлық ресурстар</translation>
    </message>
    <message>
        <source>Any disposition</source>
        <translation>Нәтижемен не істелсе де</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>жауап берілді</translation>
    </message>
    <message>
        <source>{first} – {last}: {requests} requests ({answered} answered, {refused} refused); shown {shown}; anomalies {anomalies}; results with nothing done {none}</source>
        <translation>{first} – {last}: {requests} сұрау ({answered} жауап берілді, {refused} бас тартылды); көрсетілген {shown}; ауытқулар {anomalies}; ештеңе істелмеген нәтижелер {none}</translation>
    </message>
    <message>
        <source>Journal entry</source>
        <translation>Журнал жазбасы</translation>
    </message>
    <message>
        <source>Time (Astana)</source>
        <translation>Уақыты (Астана)</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Пайдаланушы</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>Ресурс</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>Іс нөмірі</translation>
    </message>
    <message>
        <source>Legal ground</source>
        <translation>Құқықтық негіз</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Мақсаты</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Параметрлер</translation>
    </message>
    <message>
        <source>What became of the result</source>
        <translation>Нәтижемен не істелді</translation>
    </message>
    <message>
        <source>Anomalies</source>
        <translation>Ауытқулар</translation>
    </message>
    <message>
        <source>Reading the journal entries…</source>
        <translation>Журнал жазбалары оқылуда…</translation>
    </message>
    <message>
        <source>Journal entries</source>
        <translation>Журнал жазбалары</translation>
    </message>
    <message>
        <source>Answer hash</source>
        <translation>Жауап хэші</translation>
    </message>
    <message>
        <source>chain intact</source>
        <translation>тізбек бүтін</translation>
    </message>
    <message>
        <source>CHAIN BROKEN</source>
        <translation>ТІЗБЕК БҰЗЫЛҒАН</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>CSV-ге экспорттау</translation>
    </message>
    <message>
        <source>The file could not be written: {detail}</source>
        <translation>Файлды жазу мүмкін болмады: {detail}</translation>
    </message>
    <message>
        <source>Export signed PDF</source>
        <translation>Қол қойылған PDF-ке экспорттау</translation>
    </message>
    <message>
        <source>Reports: requests of the agency&apos;s users</source>
        <translation>Есептер: агенттік пайдаланушыларының сұраулары</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Кезең</translation>
    </message>
    <message>
        <source>Report SHA-256</source>
        <translation>Есептің SHA-256</translation>
    </message>
    <message>
        <source>Requests shown</source>
        <translation>Көрсетілген сұраулар</translation>
    </message>
    <message>
        <source>No requests.</source>
        <translation>Сұраулар жоқ.</translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>{pages} беттің {page}-беті</translation>
    </message>
    <message>
        <source>SHA-256 of the report reviewed</source>
        <translation>Қаралған есептің SHA-256</translation>
    </message>
    <message>
        <source>Departmental control (paragraph 21 of the Rules).</source>
        <translation>Ведомстволық бақылау (Ережелердің 21-тармағы).</translation>
    </message>
    <message>
        <source>Record the review</source>
        <translation>Қарауды тіркеу</translation>
    </message>
    <message>
        <source>Your review of {first} – {last}, signed with your EDS and kept in the journal. Findings (optional):</source>
        <translation>{first} – {last} кезеңін қарауыңыз ЭЦҚ-мен қол қойылып, журналда сақталады. Қорытындылар (міндетті емес):</translation>
    </message>
    <message>
        <source>Block now</source>
        <translation>Қазір бұғаттау</translation>
    </message>
    <message>
        <source>Block {who} at once (paragraph 17 of the Rules). The user&apos;s session ends and they are told this reason. Reason:</source>
        <translation>{who} дереу бұғатталады (Ережелердің 17-тармағы). Пайдаланушының сеансы аяқталады, оған осы себеп айтылады. Себебі:</translation>
    </message>
    <message>
        <source>{who} is blocked. Every further request of theirs is refused with the reason.</source>
        <translation>{who} бұғатталды. Оның әрбір келесі сұрауы себебі көрсетіліп қабылданбайды.</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Бастап</translation>
    </message>
    <message>
        <source>to</source>
        <translation>дейін</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Көрсету</translation>
    </message>
    <message>
        <source>Case number, legal ground or purpose contains…</source>
        <translation>Іс нөмірінде, негізде немесе мақсатта бар…</translation>
    </message>
    <message>
        <source>Anomalies only</source>
        <translation>Тек ауытқулар</translation>
    </message>
    <message>
        <source>№</source>
        <translation>№</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Нәтиже</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV-ге экспорттау…</translation>
    </message>
    <message>
        <source>Export signed PDF…</source>
        <translation>Қол қойылған PDF-ке экспорттау…</translation>
    </message>
    <message>
        <source>Record the review…</source>
        <translation>Қарауды тіркеу…</translation>
    </message>
    <message>
        <source>Block now…</source>
        <translation>Қазір бұғаттау…</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Есептер</translation>
    </message>
</context>
<context>
    <name>ResourceFinder</name>
    <message>
        <source>&amp;Find a resource:</source>
        <translation>&amp;Ресурсты табу:</translation>
    </message>
    <message>
        <source>Number or name, e.g. 19 or photo (Ctrl+F)</source>
        <translation>Нөмірі немесе атауы, мысалы 19 немесе сурет (Ctrl+F)</translation>
    </message>
    <message>
        <source>Find a resource</source>
        <translation>Ресурсты табу</translation>
    </message>
    <message>
        <source>Type a number or words of the name in Kazakh, Russian or English; arrows move through the list, Enter picks.</source>
        <translation>Нөмірін немесе атауының сөздерін қазақша, орысша не ағылшынша теріңіз; тізім бойымен бағыттауыш пернелермен жүріңіз, Enter таңдайды.</translation>
    </message>
    <message>
        <source>Resources found</source>
        <translation>Табылған ресурстар</translation>
    </message>
    <message>
        <source>No resource has this number or name. Clear the box to see them all.</source>
        <translation>Мұндай нөмірі не атауы бар ресурс жоқ. Барлығын көру үшін өрісті тазалаңыз.</translation>
    </message>
</context>
<context>
    <name>ResultView</name>
    <message>
        <source>Result</source>
        <translation>Нәтиже</translation>
    </message>
    <message>
        <source>No query sent yet. Results are kept in memory only.</source>
        <translation>Әзірге сұрау жіберілмеген. Нәтижелер тек жадта сақталады.</translation>
    </message>
    <message>
        <source>No records found</source>
        <translation>Жазбалар табылмады</translation>
    </message>
    <message>
        <source>This service answers in part: amounts are not returned.</source>
        <translation>Бұл қызмет ішінара жауап береді: сомалар берілмейді.</translation>
    </message>
    <message>
        <source>Records: {n}</source>
        <translation>Жазбалар: {n}</translation>
    </message>
    <message>
        <source>Shown: {shown} of {n}</source>
        <translation>Көрсетілген: {n} ішінен {shown}</translation>
    </message>
    <message>
        <source>Select a record to see all of its fields.</source>
        <translation>Барлық өрістерін көру үшін жазбаны таңдаңыз.</translation>
    </message>
    <message>
        <source>Record {n} of {total}</source>
        <translation>{n}-жазба ({total} ішінен)</translation>
    </message>
    <message>
        <source>The photo could not be shown.</source>
        <translation>Фотоны көрсету мүмкін болмады.</translation>
    </message>
    <message>
        <source>Photo: {name}</source>
        <translation>Фото: {name}</translation>
    </message>
    <message>
        <source>Copied. The clipboard will be emptied in {n} s.</source>
        <translation>Көшірілді. Алмасу буфері {n} с кейін тазартылады.</translation>
    </message>
    <message>
        <source>Copied.</source>
        <translation>Көшірілді.</translation>
    </message>
    <message>
        <source>Copying is turned off by your administrator: the information obtained is confidential (paragraph 19 of the Rules).</source>
        <translation>Көшіруді әкімші өшірген: алынған мәліметтер құпия (Ережелердің 19-тармағы).</translation>
    </message>
    <message>
        <source>&amp;Copy value</source>
        <translation>Мәнді &amp;көшіру</translation>
    </message>
    <message>
        <source>&amp;Filter:</source>
        <translation>&amp;Сүзгі:</translation>
    </message>
    <message>
        <source>Words to find in any column (Ctrl+F)</source>
        <translation>Кез келген бағаннан ізделетін сөздер (Ctrl+F)</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Жазбалар</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>Байланыстар</translation>
    </message>
    <message>
        <source>Click a person or a company, or reach it with Tab and press Enter, to query it with the same basis.</source>
        <translation>Тұлғаны немесе ұйымды сол негізбен сұрау үшін оны шертіңіз немесе Tab арқылы таңдап, Enter басыңыз.</translation>
    </message>
    <message>
        <source>&amp;Attach…</source>
        <translation>&amp;Қосу…</translation>
    </message>
    <message>
        <source>Print and/or export a signed printout of this result into the case material; then the copy on this computer is destroyed (Ctrl+Shift+A).</source>
        <translation>Осы нәтиженің қол қойылған нұсқасын басып шығарыңыз және/немесе іс материалына экспорттаңыз; содан кейін осы компьютердегі көшірмесі жойылады (Ctrl+Shift+A).</translation>
    </message>
    <message>
        <source>Operator&apos;s signature verified · bound to your request · journal № {seq} · {issued_at}</source>
        <translation>Оператордың қолтаңбасы расталды · сіздің сұрауыңызға байланған · журнал № {seq} · {issued_at}</translation>
    </message>
    <message>
        <source>(Astana time)</source>
        <translation>(Астана уақыты)</translation>
    </message>
    <message>
        <source>The operator&apos;s signature was NOT verified</source>
        <translation>Оператордың қолтаңбасы ТЕКСЕРІЛМЕДІ</translation>
    </message>
</context>
<context>
    <name>SelfcheckPage</name>
    <message>
        <source>&amp;Print to PDF…</source>
        <translation>PDF-ке &amp;басып шығару…</translation>
    </message>
    <message>
        <source>&amp;Re-run</source>
        <translation>Қайта &amp;тексеру</translation>
    </message>
    <message>
        <source>&amp;Run the check</source>
        <translation>Тексеруді &amp;іске қосу</translation>
    </message>
    <message>
        <source>The check could not run: {detail}</source>
        <translation>Тексеруді орындау мүмкін болмады: {detail}</translation>
    </message>
    <message>
        <source>Save the report as PDF</source>
        <translation>Есепті PDF ретінде сақтау</translation>
    </message>
    <message>
        <source>Could not write {path}: {detail}</source>
        <translation>{path} файлына жазу мүмкін болмады: {detail}</translation>
    </message>
    <message>
        <source>Saved: {path}</source>
        <translation>Сақталды: {path}</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <source>Reading the token…</source>
        <translation>Токен оқылуда…</translation>
    </message>
    <message>
        <source>Sandbox: not enforced.</source>
        <translation>Сынақ ортасы (sandbox): талаптар қолданылмайды.</translation>
    </message>
    <message>
        <source>Checking the workstation…</source>
        <translation>Жұмыс орны тексерілуде…</translation>
    </message>
    <message>
        <source>This workstation does not meet the rules, so signing in is disabled and SIO Desk may not be used for queries. Fix the following and run the check again:</source>
        <translation>Бұл жұмыс орны талаптарға сәйкес емес, сондықтан жүйеге кіру өшірілген және SIO Desk арқылы сұрау жіберуге болмайды. Төмендегілерді түзетіп, тексеруді қайта іске қосыңыз:</translation>
    </message>
    <message>
        <source>The workstation check found problems. You may sign in; tell your administrator:</source>
        <translation>Жұмыс орнын тексеру кемшіліктер тапты. Жүйеге кіруге болады; әкімшіге хабарлаңыз:</translation>
    </message>
    <message>
        <source>The check could not run: {detail}</source>
        <translation>Тексеруді орындау мүмкін болмады: {detail}</translation>
    </message>
    <message>
        <source>The workstation check passed.</source>
        <translation>Жұмыс орны тексеруден өтті.</translation>
    </message>
    <message>
        <source>Sign in with your NCA EDS</source>
        <translation>ҰКО ЭЦҚ-мен кіру</translation>
    </message>
    <message>
        <source>Insert your token. Its PIN state is shown below before you type the PIN; every query you send is signed with this token.</source>
        <translation>Токенді қосыңыз. PIN-кодтың күйі оны енгізбес бұрын төменде көрсетіледі; жіберілетін әр сұрауға осы токенмен қол қойылады.</translation>
    </message>
    <message>
        <source>&amp;Sign in…</source>
        <translation>&amp;Кіру…</translation>
    </message>
    <message>
        <source>&amp;Read the token again</source>
        <translation>Токенді қайта &amp;оқу</translation>
    </message>
    <message>
        <source>Open &amp;diagnostics…</source>
        <translation>&amp;Диагностиканы ашу…</translation>
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
        <translation>{details}, сериялық нөмірі {serial}</translation>
    </message>
    <message>
        <source>a key file, allowed only in the sandbox</source>
        <translation>кілт файлы, тек сынақ ортасында рұқсат етіледі</translation>
    </message>
</context>
<context>
    <name>application_form</name>
    <message>
        <source>Electronic application for access to the information exchange system of law enforcement, special state and other bodies</source>
        <translation>Құқық қорғау, арнаулы мемлекеттік және өзге де органдардың ақпарат алмасу жүйесіне қолжетімділікті ұйымдастыруға электронды өтінім</translation>
    </message>
    <message>
        <source>To perform my official duties, I ask that access to the SIO be arranged with the parameters below:</source>
        <translation>Қызметтік міндеттерді орындау үшін төменде көрсетілген параметрлер бойынша ҚАО ААЖ-ға қол жеткізуді ұйымдастыруды сұраймын:</translation>
    </message>
    <message>
        <source>SANDBOX: not a real application</source>
        <translation>СЫНАҚ ОРТАСЫ: нақты өтінім емес</translation>
    </message>
    <message>
        <source>Surname, name, patronymic (if any) (in full)</source>
        <translation>Тегі, аты, әкесінің аты (бар болған жағдайда) (толық)</translation>
    </message>
    <message>
        <source>Individual identification number (IIN)</source>
        <translation>Жеке сәйкестендіру нөмірі (ЖСН)</translation>
    </message>
    <message>
        <source>The applicant&apos;s place of work</source>
        <translation>Арыз иесінің жұмыс орны туралы мәліметтер</translation>
    </message>
    <message>
        <source>Name of the organisation</source>
        <translation>Ұйымның атауы</translation>
    </message>
    <message>
        <source>The organisation&apos;s code in the Unified Register of Pre-trial Investigations</source>
        <translation>Сотқа дейінгі тергеп-тексерулердің бірыңғай тізіліміндегі ұйымның коды</translation>
    </message>
    <message>
        <source>The organisation&apos;s BIN</source>
        <translation>Ұйымның БСН</translation>
    </message>
    <message>
        <source>Structural unit</source>
        <translation>Құрылымдық бөлімше</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Лауазымы</translation>
    </message>
    <message>
        <source>The applicant&apos;s contact details</source>
        <translation>Арыз иесінің байланыс деректері</translation>
    </message>
    <message>
        <source>Work phone</source>
        <translation>Жұмыс телефоны</translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation>Ұялы телефоны</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Электрондық поштасы</translation>
    </message>
    <message>
        <source>Work address</source>
        <translation>Жұмыс мекенжайы</translation>
    </message>
    <message>
        <source>Kind of action</source>
        <translation>Әрекет түрі</translation>
    </message>
    <message>
        <source>Registration</source>
        <translation>Тіркеу</translation>
    </message>
    <message>
        <source>Transfer (editing)</source>
        <translation>Ауыстыру</translation>
    </message>
    <message>
        <source>Blocking</source>
        <translation>Бұғаттау</translation>
    </message>
    <message>
        <source>Reason for blocking</source>
        <translation>Бұғаттау себебі</translation>
    </message>
    <message>
        <source>The head&apos;s order appointing the official in charge of departmental control</source>
        <translation>Ведомстволық бақылауды жүзеге асыратын лауазымды адам ретінде тағайындау туралы басшының бұйрығы</translation>
    </message>
    <message>
        <source>Date the appointment order was signed (Astana time)</source>
        <translation>Басқа лауазымға тағайындау туралы бұйрыққа қол қойылған күн (Астана уақыты)</translation>
    </message>
    <message>
        <source>I confirm</source>
        <translation>Растаймын</translation>
    </message>
    <message>
        <source>I have read the agreement on rights of use of the SIO and agree to it.</source>
        <translation>ҚАО ААЖ қолдану құқығы туралы келісіммен таныстым және келісемін.</translation>
    </message>
    <message>
        <source>I confirm that I hold an electronic digital signature on a protected carrier.</source>
        <translation>Менде қорғалған тасымалдағышта электрондық цифрлық қолтаңбаның бар екенін растаймын.</translation>
    </message>
    <message>
        <source>I allow my personal data to be passed on for registration in the SIO.</source>
        <translation>Менің дербес деректерімді ҚАО ААЖ-не тіркеу үшін беруге рұқсат етемін.</translation>
    </message>
    <message>
        <source>Signatures</source>
        <translation>Қолдар</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Күні</translation>
    </message>
    <message>
        <source>The applicant&apos;s signature</source>
        <translation>Арыз иесінің қолы</translation>
    </message>
    <message>
        <source>The applicant&apos;s head: position, full name (if any)</source>
        <translation>Арыз иесінің басшысы: лауазымы, Т.А.Ә. (бар болған жағдайда)</translation>
    </message>
    <message>
        <source>The head&apos;s signature / seal</source>
        <translation>Басшының қолы / МО</translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>{page}-бет, барлығы {pages}</translation>
    </message>
    <message>
        <source>QR: hash of the application form (SHA-256)</source>
        <translation>QR: өтінім нысанының хэші (SHA-256)</translation>
    </message>
    <message>
        <source>A copy signed by hand and stamped is scanned and attached to the electronic application (paragraph 5 of the Rules).</source>
        <translation>Қолмен қол қойылып, мөрмен расталған көшірмесі сканерленіп, электрондық өтінімге қоса беріледі (Ережелердің 5-тармағы).</translation>
    </message>
    <message>
        <source>Blocking my own account because of an absence from the workplace of more than two months: from {first} to {last}</source>
        <translation>{first} – {last} аралығында жұмыс орнында екі айдан астам болмауына байланысты өз есептік жазбамды бұғаттау</translation>
    </message>
</context>
<context>
    <name>certcli</name>
    <message>
        <source>VALID</source>
        <translation>ЖАРАМДЫ</translation>
    </message>
    <message>
        <source>INVALID</source>
        <translation>ЖАРАМСЫЗ</translation>
    </message>
    <message>
        <source>UNTRUSTED</source>
        <translation>СЕНІМСІЗ</translation>
    </message>
    <message>
        <source>REVOKED</source>
        <translation>КЕРІ ҚАЙТАРЫЛҒАН</translation>
    </message>
    <message>
        <source>EXPIRED</source>
        <translation>МЕРЗІМІ ӨТКЕН</translation>
    </message>
    <message>
        <source>UNSUPPORTED</source>
        <translation>ҚОЛДАУ ЖОҚ</translation>
    </message>
    <message>
        <source>REVOCATION STATUS UNKNOWN</source>
        <translation>КЕРІ ҚАЙТАРЫЛУ КҮЙІ БЕЛГІСІЗ</translation>
    </message>
</context>
<context>
    <name>downtime</name>
    <message>
        <source>Planned technical works until {ends}: {title}. The query will be refused; send it when they are over.</source>
        <translation>Жоспарлы техникалық жұмыстар {ends} дейін: {title}. Сұрау қабылданбайды; жұмыстар аяқталған соң жіберіңіз.</translation>
    </message>
    <message>
        <source>Planned technical works from {starts} until {ends}: {title}.</source>
        <translation>{starts} бастап {ends} дейін жоспарлы техникалық жұмыстар болады: {title}.</translation>
    </message>
    <message>
        <source>An emergency (since {starts}): the resource is unavailable. Try again later.</source>
        <translation>Төтенше жағдай ({starts} бастап): ресурс қолжетімсіз. Кейінірек қайталаңыз.</translation>
    </message>
    <message>
        <source> Access has been delayed for more than an hour: tell the system operator at once.</source>
        <translation> Қолжетімділік бір сағаттан астам кідіріп тұр: бұл туралы ҚАО ААЖ операторына дереу хабарлаңыз.</translation>
    </message>
    <message>
        <source>To the operator of the information exchange system.

Under paragraph 15 of the 2017 Rules I report that access to the resource &quot;{resource}&quot; has been delayed for more than an hour: it has been unavailable since {since} (Astana time).

What I saw: {seen}

{name}, {organization}
{now} (Astana time)</source>
        <translation>ҚАО ААЖ операторына.

2017 жылғы Ережелердің 15-тармағына сәйкес «{resource}» ресурсына қолжетімділік бір сағаттан астам кідіріп тұрғанын хабарлаймын: ресурс {since} бастап (Астана уақыты) қолжетімсіз.

Не байқадым: {seen}

{name}, {organization}
{now} (Астана уақыты)</translation>
    </message>
    <message>
        <source>the emergency journal shows an open emergency since {starts}.</source>
        <translation>авариялық жағдайлар журналында {starts} бастап ашық авариялық жағдай бар.</translation>
    </message>
    <message>
        <source>{count} attempts to send a query failed between {first} and {last}.</source>
        <translation>{first} мен {last} аралығында сұрау салуды жіберудің {count} әрекеті сәтсіз аяқталды.</translation>
    </message>
    <message>
        <source>Phone: {phones}</source>
        <translation>Телефон: {phones}</translation>
    </message>
    <message>
        <source>E-mail: {email}</source>
        <translation>Электрондық пошта: {email}</translation>
    </message>
    <message>
        <source>The gateway has not published the operator&apos;s contacts: use the phones and e-mail on the operator&apos;s portal.</source>
        <translation>Шлюз оператордың байланыс деректерін жарияламаған: оператор порталында көрсетілген телефондар мен электрондық поштаны пайдаланыңыз.</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <source>Wrong PIN.{left}</source>
        <translation>PIN-код қате.{left}</translation>
    </message>
    <message>
        <source>The token is locked: the PIN was entered wrongly too many times. Unlock it with the PUK.</source>
        <translation>Токен бұғатталған: PIN тым көп рет қате енгізілді. PUK-кодпен бұғаттан шығарыңыз.</translation>
    </message>
    <message>
        <source>No EDS token found. Insert the token and try again.</source>
        <translation>ЭЦҚ тасығышы табылмады. Токенді қосып, қайталаңыз.</translation>
    </message>
    <message>
        <source>Token error: {detail}</source>
        <translation>Токен қатесі: {detail}</translation>
    </message>
    <message>
        <source>The token holds no suitable key: {detail}</source>
        <translation>Токенде қажетті кілт жоқ: {detail}</translation>
    </message>
    <message>
        <source>A key stored on the file system may not be used to sign in (Appendix 5 to the Rules, paragraph 8). Use a protected token.</source>
        <translation>Файлдық жүйедегі ЭЦҚ-мен кіруге тыйым салынған (Ережелерге 5-қосымшаның 8-тармағы). Қорғалған токенді пайдаланыңыз.</translation>
    </message>
    <message>
        <source>The new PIN must differ from the old one.</source>
        <translation>Жаңа PIN ескісінен өзгеше болуы керек.</translation>
    </message>
    <message>
        <source>The token does not accept the new PIN: {detail}</source>
        <translation>Жаңа PIN-код токенге сәйкес емес: {detail}</translation>
    </message>
    <message>
        <source>A sandbox key file&apos;s password cannot be changed here; only a token&apos;s PIN can.</source>
        <translation>Құм жәшіктің кілт файлының құпиясөзі мұнда өзгертілмейді; тек токеннің PIN-коды өзгереді.</translation>
    </message>
    <message>
        <source>Sign in with your EDS first.</source>
        <translation>Алдымен ЭЦҚ-мен кіріңіз.</translation>
    </message>
    <message>
        <source>Fill in the basis of the query: case/material number, legal ground and purpose (paragraph 3 of the Rules).</source>
        <translation>Сұрау негізін толтырыңыз: іс/материал нөмірі, құқықтық негіз және мақсат (Ережелердің 3-тармағы).</translation>
    </message>
    <message>
        <source>Field “{field}” is invalid: {detail}</source>
        <translation>«{field}» өрісі қате: {detail}</translation>
    </message>
    <message>
        <source>Resource №{resource} is not available in this client yet.</source>
        <translation>№{resource} ресурс бұл клиентте әзірге қолжетімсіз.</translation>
    </message>
    <message>
        <source>The response&apos;s signature did not verify, so the result is not shown: {detail}</source>
        <translation>Жауаптың қолтаңбасы расталмады, нәтиже көрсетілмейді: {detail}</translation>
    </message>
    <message>
        <source>The response does not belong to this request (hash mismatch); the result is not shown.</source>
        <translation>Жауап бұл сұрауға жатпайды (хэш сәйкес емес), нәтиже көрсетілмейді.</translation>
    </message>
    <message>
        <source>Cannot reach the protected channel: {detail}</source>
        <translation>Қорғалған арнаға қосылу мүмкін емес: {detail}</translation>
    </message>
    <message>
        <source>The gateway&apos;s answer is larger than allowed and was not accepted: {detail}</source>
        <translation>Шлюздің жауабы рұқсат етілген көлемнен асып кетті, ол қабылданбады: {detail}</translation>
    </message>
    <message>
        <source>Too many requests from this workstation. Wait a little and try again.</source>
        <translation>Бұл жұмыс орнынан сұраулар тым жиі жіберілді. Біраз күтіп, қайталаңыз.</translation>
    </message>
    <message>
        <source>No administrator policy file at {path}. The administrator sets the gateway, CA and token module there. To try the app: sio-desk demo</source>
        <translation>Әкімші саясатының файлы жоқ: {path}. Шлюз мекенжайын, CA және токен модулін әкімші баптауы тиіс. Сынау үшін: sio-desk demo</translation>
    </message>
    <message>
        <source>The policy file is invalid ({path}): {detail}</source>
        <translation>Саясат файлы қате ({path}): {detail}</translation>
    </message>
    <message>
        <source>Sign the agreement on rights of use with your EDS first.</source>
        <translation>Алдымен ҚАО ААЖ-ны пайдалану құқықтары туралы келісімге ЭЦҚ-мен қол қойыңыз.</translation>
    </message>
    <message>
        <source>On first entry the agreement must be signed with your EDS (paragraph 10 of the Rules).</source>
        <translation>Алғаш кіргенде келісімге ЭЦҚ-мен қол қою қажет (Ережелердің 10-тармағы).</translation>
    </message>
    <message>
        <source>A new version of the agreement is in force. Open the text again and sign it.</source>
        <translation>Келісімнің жаңа нұсқасы күшіне енді. Мәтінді қайта ашып, қол қойыңыз.</translation>
    </message>
    <message>
        <source>This version of the agreement is already signed.</source>
        <translation>Келісімнің бұл нұсқасына қол қойылған.</translation>
    </message>
    <message>
        <source>The agreement text does not match its hash; it cannot be signed.</source>
        <translation>Келісім мәтіні оның хэшіне сәйкес емес; қол қоюға болмайды.</translation>
    </message>
    <message>
        <source>Your access is blocked. Contact the system operator.</source>
        <translation>Сіздің қолжетімділігіңіз бұғатталған. ҚАО ААЖ операторына хабарласыңыз.</translation>
    </message>
    <message>
        <source>Your account is blocked at your own request (absence from the workplace of more than two months). On your return, file a new electronic application for registration.</source>
        <translation>Есептік жазбаңыз өз өтініміңіз бойынша бұғатталған (жұмыс орнында екі айдан астам болмау). Қайтып оралғанда тіркеуге жаңа электрондық өтінім беріңіз.</translation>
    </message>
    <message>
        <source>You are not registered: file an electronic application for registration.</source>
        <translation>Сіз ҚАО ААЖ-да тіркелмегенсіз: тіркеуге электрондық өтінім беріңіз.</translation>
    </message>
    <message>
        <source>The certificate&apos;s revocation status cannot be established (no current CRL or OCSP answer). Contact the system operator.</source>
        <translation>Сертификаттың кері қайтарылмағанын анықтау мүмкін емес (өзекті CRL немесе OCSP жауабы жоқ). ҚАО ААЖ операторына хабарласыңыз.</translation>
    </message>
    <message>
        <source>Your sign-in certificate has been revoked and the session has ended. Sign in again with a valid certificate.</source>
        <translation>Кіру сертификатыңыз кері қайтарылды, сеанс аяқталды. Жарамды сертификатпен қайта кіріңіз.</translation>
    </message>
    <message>
        <source>A field of the application is invalid: {detail}</source>
        <translation>Өтінімнің өрісі қате: {detail}</translation>
    </message>
    <message>
        <source>The IIN fails its check digit.</source>
        <translation>ЖСН бақылау цифрынан өтпейді.</translation>
    </message>
    <message>
        <source>The BIN fails its check digit.</source>
        <translation>БСН бақылау цифрынан өтпейді.</translation>
    </message>
    <message>
        <source>Tick all three confirmations of the application.</source>
        <translation>Өтінімнің үш растауын да белгілеңіз.</translation>
    </message>
    <message>
        <source>State the reason for blocking.</source>
        <translation>Бұғаттау себебін көрсетіңіз.</translation>
    </message>
    <message>
        <source>The application date is in the future or out of date.</source>
        <translation>Өтінім күні болашақта немесе ескірген.</translation>
    </message>
    <message>
        <source>The application PDF is unreadable or unsigned: {detail}</source>
        <translation>Өтінімнің PDF файлы оқылмайды немесе қол қойылмаған: {detail}</translation>
    </message>
    <message>
        <source>Embed the scanned paper copy in the signed PDF.</source>
        <translation>Қол қойылған PDF-ке қағаз нұсқасының сканерленген көшірмесін тіркеңіз.</translation>
    </message>
    <message>
        <source>The PDF is not signed by the applicant.</source>
        <translation>PDF-ке өтініш беруші қол қоймаған.</translation>
    </message>
    <message>
        <source>This IIN is already registered; file a transfer application.</source>
        <translation>Бұл ЖСН тіркелген; ауыстыруға өтінім беріңіз.</translation>
    </message>
    <message>
        <source>No data folder is configured for this workstation: the result cannot be kept safely. Contact the administrator.</source>
        <translation>Жұмыс станциясының деректер қалтасы көрсетілмеген: нәтижені қауіпсіз сақтау мүмкін емес. Әкімшіге хабарласыңыз.</translation>
    </message>
    <message>
        <source>The result could not be written to the encrypted vault ({detail}). It was destroyed and the journal is told; send the query again.</source>
        <translation>Нәтижені шифрланған қоймаға жазу мүмкін болмады ({detail}). Нәтиже жойылды және журналда көрсетілді; сұрауды қайталаңыз.</translation>
    </message>
    <message>
        <source>The result is not in the vault: it may have been destroyed already.</source>
        <translation>Нәтиже қоймада жоқ: ол жойылған болуы мүмкін.</translation>
    </message>
    <message>
        <source>The result in the vault is damaged or its key is gone; it will not be opened.</source>
        <translation>Қоймадағы нәтиже зақымдалған немесе оның кілті жоқ; ол ашылмайды.</translation>
    </message>
    <message>
        <source>The local copy of the result could not be destroyed: {detail}. Contact the administrator.</source>
        <translation>Нәтиженің жергілікті көшірмесін жою мүмкін болмады: {detail}. Әкімшіге хабарласыңыз.</translation>
    </message>
    <message>
        <source>The results register ({path}) cannot be read: {detail}. Nothing was removed; contact the administrator.</source>
        <translation>Нәтижелер есебі ({path}) оқылмайды: {detail}. Ештеңе жойылған жоқ; әкімшіге хабарласыңыз.</translation>
    </message>
    <message>
        <source>The results register could not be written ({detail}); check that the disk has space.</source>
        <translation>Нәтижелер есебіне жазу мүмкін болмады ({detail}); дискіде орын бар ма, тексеріңіз.</translation>
    </message>
    <message>
        <source>SIO Desk is already open with this data folder ({path}) in another window. Use that one.</source>
        <translation>SIO Desk осы деректер қалтасымен ({path}) басқа терезеде ашық. Сол терезені пайдаланыңыз.</translation>
    </message>
    <message>
        <source>This result has already been attached or destroyed.</source>
        <translation>Бұл нәтиже қосылып немесе жойылып қойған.</translation>
    </message>
    <message>
        <source>There is no such result on this workstation.</source>
        <translation>Мұндай нәтиже осы жұмыс станциясында жоқ.</translation>
    </message>
    <message>
        <source>Choose to print or to export.</source>
        <translation>Басып шығаруды немесе экспорттауды таңдаңыз.</translation>
    </message>
    <message>
        <source>The administrator&apos;s policy names no folder for case material; export is not possible, printing is.</source>
        <translation>Іс материалдарына арналған қалта әкімшінің саясатында көрсетілмеген; экспорттау мүмкін емес, басып шығаруға болады.</translation>
    </message>
    <message>
        <source>The printout already exists: {path}. It will not be overwritten.</source>
        <translation>Басып шығарылған нұсқа бар: {path}. Ол қайта жазылмайды.</translation>
    </message>
    <message>
        <source>The printout could not be written to {path}: {detail}. The result stays in the vault.</source>
        <translation>Басып шығарылған нұсқаны {path} жолына жазу мүмкін болмады: {detail}. Нәтиже қоймада қалды.</translation>
    </message>
    <message>
        <source>The gateway does not know this result&apos;s query; the signed report was not accepted.</source>
        <translation>Шлюз бұл нәтиженің сұрауын таппады; қолтаңбалы есеп қабылданбады.</translation>
    </message>
    <message>
        <source>This result belongs to another user&apos;s query.</source>
        <translation>Бұл нәтиже басқа пайдаланушының сұрауына тиесілі.</translation>
    </message>
    <message>
        <source>The report on the result is not in the form the gateway expects; it will not be re-sent. Contact the administrator.</source>
        <translation>Нәтиже туралы есеп шлюз күткен түрде емес; ол қайта жіберілмейді. Әкімшіге хабарласыңыз.</translation>
    </message>
    <message>
        <source>The time the result was destroyed does not agree with the gateway&apos;s clock; check the workstation&apos;s clock.</source>
        <translation>Нәтиженің жойылу уақыты шлюз сағатымен сәйкес келмейді; жұмыс станциясының сағатын тексеріңіз.</translation>
    </message>
    <message>
        <source>The exported printout&apos;s hash is missing; the report was not accepted.</source>
        <translation>Экспортталған нұсқаның хэші жоқ; есеп қабылданбады.</translation>
    </message>
    <message>
        <source>What became of this result is already in the journal.</source>
        <translation>Бұл нәтиженің тағдыры журналда тіркеліп қойған.</translation>
    </message>
    <message>
        <source>The signed PDF does not carry this application form; generate the PDF again and sign it.</source>
        <translation>Қол қойылған PDF бұл өтініш нысанын қамтымайды; PDF-ті қайта жасап, қол қойыңыз.</translation>
    </message>
    <message>
        <source>The application was not signed just before filing (over 24 hours ago, or before its date); sign it again.</source>
        <translation>Өтінішке берер алдында қол қойылмаған (24 сағаттан бұрын немесе өтініш күнінен бұрын); қайта қол қойыңыз.</translation>
    </message>
    <message>
        <source>This signed application has already been filed.</source>
        <translation>Бұл қол қойылған өтініш бұрын берілген.</translation>
    </message>
    <message>
        <source>Only the user, a controller of their organisation or the operator may file a blocking application.</source>
        <translation>Бұғаттауға өтінішті пайдаланушының өзі, оның ұйымының бақылаушысы немесе оператор ғана бере алады.</translation>
    </message>
    <message>
        <source>The last active operator cannot be blocked.</source>
        <translation>Соңғы белсенді операторды бұғаттауға болмайды.</translation>
    </message>
    <message>
        <source>This user is not blocked.</source>
        <translation>Бұл пайдаланушы бұғатталмаған.</translation>
    </message>
    <message>
        <source>The time must fall in 2000–2099 with an offset between −12:00 and +14:00.</source>
        <translation>Уақыт 2000–2099 жылдар аралығында, белдеуі −12:00…+14:00 болуы керек.</translation>
    </message>
    <message>
        <source>Resources must be distinct numbers 1 to 52.</source>
        <translation>Ресурстар: 1–52 аралығындағы әртүрлі нөмірлер.</translation>
    </message>
    <message>
        <source>Your role has no access to this resource.</source>
        <translation>Сіздің рөліңізге бұл ресурсқа қолжетімділік берілмеген.</translation>
    </message>
    <message>
        <source>The sign-in challenge has expired or was already used. Sign in again.</source>
        <translation>Кіру сұрауының мерзімі өтіп кетті немесе ол пайдаланылған. Қайта кіріңіз.</translation>
    </message>
    <message>
        <source>The signature did not verify: {detail}</source>
        <translation>Қолтаңба расталмады: {detail}</translation>
    </message>
    <message>
        <source>The gateway does not support this signature&apos;s algorithm.</source>
        <translation>Шлюз бұл қолтаңба алгоритміне қолдау көрсетпейді.</translation>
    </message>
    <message>
        <source>The certificate does not chain to a trusted certification authority. Contact the administrator.</source>
        <translation>Сертификат сенімді куәландырушы орталыққа дейін тексерілмейді. Әкімшіге хабарласыңыз.</translation>
    </message>
    <message>
        <source>The EDS certificate has expired. Obtain a new certificate.</source>
        <translation>ЭЦҚ сертификатының мерзімі өткен. Жаңа сертификат алыңыз.</translation>
    </message>
    <message>
        <source>The EDS certificate is not valid yet; check the workstation&apos;s clock.</source>
        <translation>ЭЦҚ сертификаты әлі күшіне енбеген; жұмыс станциясының сағатын тексеріңіз.</translation>
    </message>
    <message>
        <source>The EDS certificate has been revoked. Use a valid certificate.</source>
        <translation>ЭЦҚ сертификаты кері қайтарылған. Жарамды сертификатты пайдаланыңыз.</translation>
    </message>
    <message>
        <source>The key is not meant for this: sign in with the authentication key, and sign queries and documents with the signing key.</source>
        <translation>Бұл кілт осы мақсатқа арналмаған: кіру аутентификация кілтімен, ал сұраулар мен құжаттарға қол қою кілтімен қол қойылады.</translation>
    </message>
    <message>
        <source>The session has ended or is not valid. Sign in again.</source>
        <translation>Сеанс аяқталды немесе жарамсыз. Қайта кіріңіз.</translation>
    </message>
    <message>
        <source>The signature is not the signed-in user&apos;s: sign with your own EDS.</source>
        <translation>Қолтаңба жүйеге кірген пайдаланушыға тиесілі емес: өз ЭЦҚ-ңызбен қол қойыңыз.</translation>
    </message>
    <message>
        <source>This request was already received; it is not carried out again.</source>
        <translation>Бұл сұрау бұрын қабылданған; ол қайта орындалмайды.</translation>
    </message>
    <message>
        <source>The workstation&apos;s clock is too far from the operator&apos;s. Check the clock and try again.</source>
        <translation>Жұмыс станциясының сағаты оператордың сағатынан тым алшақ. Сағатты тексеріп, қайталаңыз.</translation>
    </message>
    <message>
        <source>The resource is temporarily unavailable for planned technical works: {detail}</source>
        <translation>Ресурс жоспарлы техникалық жұмыстарға байланысты уақытша қолжетімсіз: {detail}</translation>
    </message>
    <message>
        <source>The resource is temporarily unavailable because of an emergency. Try again later.</source>
        <translation>Ресурс төтенше жағдайға байланысты уақытша қолжетімсіз. Кейінірек қайталаңыз.</translation>
    </message>
    <message>
        <source>Only the operator may do this.</source>
        <translation>Мұны тек оператор жасай алады.</translation>
    </message>
    <message>
        <source>Access to the resources is given only while the workstation meets Appendix 3 to the Rules (paragraph 4 of the Rules), and its self-check has not been accepted. The desk runs the self-check and sends it to the operator; when it passes, send the query again.</source>
        <translation>Ресурстарға қол жеткізу жұмыс орны Ережелерге 3-қосымшаға сай болған кезде ғана беріледі (Ережелердің 4-тармағы), ал оның өзін-өзі тексеруі қабылданбады. Бағдарлама тексеруді орындап, операторға жібереді; ол өткенде сұрауды қайта жіберіңіз.</translation>
    </message>
    <message>
        <source>Only a controller or the operator may see reports.</source>
        <translation>Есептерді тек бақылаушы немесе оператор көре алады.</translation>
    </message>
    <message>
        <source>The emergency journal has no open row with that number.</source>
        <translation>Төтенше жағдайлар журналында мұндай нөмірмен ашық жазба жоқ.</translation>
    </message>
    <message>
        <source>There is no such application.</source>
        <translation>Мұндай өтінім жоқ.</translation>
    </message>
    <message>
        <source>This application has already been decided.</source>
        <translation>Бұл өтінім бойынша шешім қабылданып қойған.</translation>
    </message>
    <message>
        <source>State the reason for the refusal.</source>
        <translation>Бас тарту себебін көрсетіңіз.</translation>
    </message>
    <message>
        <source>The request did not reach the gateway in time; check the connection and try again.</source>
        <translation>Сұрау шлюзге уақытында жетпеді; байланысты тексеріп, қайталаңыз.</translation>
    </message>
    <message>
        <source>The operator&apos;s journal cannot be written right now, so nothing was done. Try again later.</source>
        <translation>Оператордың журналына қазір жазу мүмкін емес, сондықтан ештеңе орындалмады. Кейінірек қайталаңыз.</translation>
    </message>
    <message>
        <source>The gateway had an internal error; nothing was done. Try again later or contact the operator.</source>
        <translation>Шлюзде ішкі қате болды; ештеңе орындалмады. Кейінірек қайталаңыз немесе операторға хабарласыңыз.</translation>
    </message>
    <message>
        <source>The gateway&apos;s report cannot be read: {detail}</source>
        <translation>Шлюздің есебі оқылмады: {detail}</translation>
    </message>
    <message>
        <source>The journal archive verifier (sio-gateway) is not installed on this workstation.</source>
        <translation>Журнал мұрағатын тексеру құралы (sio-gateway) осы жұмыс орнында орнатылмаған.</translation>
    </message>
    <message>
        <source>The archive could not be verified: {detail}</source>
        <translation>Мұрағатты тексеру мүмкін болмады: {detail}</translation>
    </message>
    <message>
        <source>The gateway could not seal the journal or write its archive (its signing key or disk space). Nothing was exported; the request is journaled. Contact the gateway&apos;s administrator.</source>
        <translation>Шлюз журналды мөрлей алмады немесе оның мұрағатын жаза алмады (қол қою кілті не дискідегі орын). Ештеңе экспортталмады; сұрау журналға жазылды. Шлюз әкімшісіне хабарласыңыз.</translation>
    </message>
    <message>
        <source>The folder {path} already exists; it is not written over. Choose another folder.</source>
        <translation>{path} қалтасы бар болғандықтан, оның үстінен жазылмайды. Басқа қалтаны таңдаңыз.</translation>
    </message>
    <message>
        <source>The archive cannot be written to the chosen folder: {detail}</source>
        <translation>Мұрағатты таңдалған қалтаға жазу мүмкін емес: {detail}</translation>
    </message>
    <message>
        <source>The download was cancelled; nothing was left in the chosen folder. The journal stays sealed.</source>
        <translation>Жүктеу тоқтатылды; таңдалған қалтада ештеңе қалмады. Журнал мөрленген күйінде қалады.</translation>
    </message>
    <message>
        <source>The gateway&apos;s archive is not a safe journal archive and was not kept: {detail}</source>
        <translation>Шлюздің мұрағаты қауіпсіз журнал мұрағаты емес, сондықтан сақталмады: {detail}</translation>
    </message>
    <message>
        <source>The gateway refused the request. Try again; if it happens again, contact the system operator.</source>
        <translation>Шлюз сұрауды қабылдамады. Қайталап көріңіз; қате қайталанса, ҚАО ААЖ операторына хабарласыңыз.</translation>
    </message>
    <message>
        <source> Attempts left: {left}.</source>
        <translation> Қалған әрекет: {left}.</translation>
    </message>
</context>
<context>
    <name>printout</name>
    <message>
        <source>Result of a query to the SIO</source>
        <translation>ҚАО ААЖ сұрау салуының нәтижесі</translation>
    </message>
    <message>
        <source>SANDBOX: not real information</source>
        <translation>СЫНАҚ ОРТАСЫ: нақты мәліметтер емес</translation>
    </message>
    <message>
        <source>Material number</source>
        <translation>Материалдың нөмірі</translation>
    </message>
    <message>
        <source>Requested by</source>
        <translation>Сұрау салушы</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Ұйым</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>Ресурс</translation>
    </message>
    <message>
        <source>Legal ground</source>
        <translation>Құқықтық негіз</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Мақсаты</translation>
    </message>
    <message>
        <source>Asked at (Astana time)</source>
        <translation>Сұрау уақыты (Астана)</translation>
    </message>
    <message>
        <source>Answered at (Astana time)</source>
        <translation>Жауап уақыты (Астана)</translation>
    </message>
    <message>
        <source>Printed at (Astana time)</source>
        <translation>Басып шығарылған уақыты (Астана)</translation>
    </message>
    <message>
        <source>Journal entry</source>
        <translation>Журналдағы нөмірі</translation>
    </message>
    <message>
        <source>Request hash (SHA-256)</source>
        <translation>Сұрау хэші (SHA-256)</translation>
    </message>
    <message>
        <source>Response hash (SHA-256)</source>
        <translation>Жауап хэші (SHA-256)</translation>
    </message>
    <message>
        <source>Operator&apos;s signature</source>
        <translation>Оператордың қолтаңбасы</translation>
    </message>
    <message>
        <source>verified, bound to the request (certificate {serial})</source>
        <translation>тексерілді, сұрауға байланысты (сертификат {serial})</translation>
    </message>
    <message>
        <source>NOT VERIFIED</source>
        <translation>ТЕКСЕРІЛМЕДІ</translation>
    </message>
    <message>
        <source>Records found</source>
        <translation>Табылған жазбалар</translation>
    </message>
    <message>
        <source>Record {n} of {total}</source>
        <translation>{n}-жазба ({total} ішінен)</translation>
    </message>
    <message>
        <source>No records found</source>
        <translation>Жазбалар табылмады</translation>
    </message>
    <message>
        <source>Reduced service: amounts are not returned.</source>
        <translation>Қысқартылған қызмет: сомалар берілмейді.</translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>{page}-бет, барлығы {pages}</translation>
    </message>
    <message>
        <source>QR: journal № {seq}, response hash, gateway {gateway}</source>
        <translation>QR: журнал № {seq}, жауап хэші, шлюз {gateway}</translation>
    </message>
    <message>
        <source>For official use. The information may be used only for the purpose stated in the query (Rules, paragraphs 3, 19–20).</source>
        <translation>Қызметтік пайдалану үшін. Мәліметтер тек сұрауда көрсетілген мақсатта пайдаланылады (Ережелердің 3, 19-20-тармақтары).</translation>
    </message>
</context>
<context>
    <name>reasons</name>
    <message>
        <source>required</source>
        <translation>міндетті өріс</translation>
    </message>
    <message>
        <source>an IIN has 12 digits</source>
        <translation>ЖСН 12 цифрдан тұрады</translation>
    </message>
    <message>
        <source>the IIN&apos;s check digit or date is wrong</source>
        <translation>ЖСН-нің бақылау цифры немесе күні қате</translation>
    </message>
    <message>
        <source>a BIN has 12 digits</source>
        <translation>БСН 12 цифрдан тұрады</translation>
    </message>
    <message>
        <source>the BIN&apos;s check digit is wrong</source>
        <translation>БСН-нің бақылау цифры қате</translation>
    </message>
    <message>
        <source>an IIN or BIN has 12 digits</source>
        <translation>ЖСН немесе БСН 12 цифрдан тұрады</translation>
    </message>
    <message>
        <source>neither a valid IIN nor a valid BIN</source>
        <translation>жарамды ЖСН де, БСН де емес</translation>
    </message>
    <message>
        <source>a date is YYYY-MM-DD</source>
        <translation>күн ЖЖЖЖ-АА-КК түрінде</translation>
    </message>
    <message>
        <source>a plate number looks like 123ABC02</source>
        <translation>мемлекеттік нөмір 123ABC02 сияқты</translation>
    </message>
    <message>
        <source>a VIN has 17 letters and digits (no I, O, Q)</source>
        <translation>VIN — 17 әріп пен цифр (I, O, Q жоқ)</translation>
    </message>
    <message>
        <source>a phone number looks like +77011234567</source>
        <translation>телефон нөмірі +77011234567 сияқты</translation>
    </message>
    <message>
        <source>at most {max} characters</source>
        <translation>ең көбі {max} таңба</translation>
    </message>
    <message>
        <source>no visible letters or digits</source>
        <translation>көрінетін әріптер немесе цифрлар жоқ</translation>
    </message>
    <message>
        <source>control characters are not allowed</source>
        <translation>басқару таңбаларына жол берілмейді</translation>
    </message>
    <message>
        <source>unknown parameter type</source>
        <translation>параметр түрі белгісіз</translation>
    </message>
    <message>
        <source>not a parameter of this resource</source>
        <translation>бұл ресурстың параметрі емес</translation>
    </message>
    <message>
        <source>letters, spaces, hyphens or apostrophes only</source>
        <translation>тек әріптер, бос орын, дефис немесе апостроф</translation>
    </message>
    <message>
        <source>at most {max_name} characters</source>
        <translation>ең көбі {max_name} таңба</translation>
    </message>
    <message>
        <source>a document number has 5–15 Latin capitals and digits, e.g. N12345678</source>
        <translation>құжат нөмірі — 5–15 латын бас әрпі мен цифр, мысалы N12345678</translation>
    </message>
    <message>
        <source>give more of the name</source>
        <translation>атауын толығырақ жазыңыз</translation>
    </message>
    <message>
        <source>belongs to another way of searching: choose one way</source>
        <translation>басқа іздеу тәсілінің параметрі: бір тәсілді таңдаңыз</translation>
    </message>
    <message>
        <source>sent without a value</source>
        <translation>мәнсіз жіберілді</translation>
    </message>
    <message>
        <source>several subjects have this name and the resource does not say whose a record is: find the IIN/BIN by name in №1 or №2 and ask by it</source>
        <translation>бұл атаумен бірнеше тұлға табылды, ал ресурс жазбаның кімдікі екенін көрсетпейді: ЖСН/БСН-ді №1 не №2 ресурстан атауы бойынша тауып, сол бойынша сұраңыз</translation>
    </message>
    <message>
        <source>too many matches, narrow the search (e.g. by IIN/BIN)</source>
        <translation>сәйкестер тым көп, іздеуді нақтылаңыз (мысалы, ЖСН/БСН бойынша)</translation>
    </message>
    <message>
        <source>fill in one of the ways of searching</source>
        <translation>іздеу тәсілдерінің бірін толтырыңыз</translation>
    </message>
    <message>
        <source>at most {max_case} characters</source>
        <translation>ең көбі {max_case} таңба</translation>
    </message>
    <message>
        <source>state the purpose (at least {min_purpose} characters)</source>
        <translation>мақсатты көрсетіңіз (кемінде {min_purpose} таңба)</translation>
    </message>
</context>
<context>
    <name>refusals</name>
    <message>
        <source>The gateway did not accept the query&apos;s parameters. Check them and send the query again.</source>
        <translation>Шлюз сұрау параметрлерін қабылдамады. Параметрлерді тексеріп, сұрауды қайта жіберіңіз.</translation>
    </message>
    <message>
        <source>The gateway did not accept the query&apos;s parameters: {fields} — {reason}. Correct them and send again.</source>
        <translation>Шлюз сұрау параметрлерін қабылдамады: {fields} — {reason}. Түзетіп, қайта жіберіңіз.</translation>
    </message>
    <message>
        <source>The gateway does not serve this resource yet. Choose another resource or contact the operator.</source>
        <translation>Бұл ресурс шлюзде әзірге қызмет көрсетпейді. Басқа ресурсты таңдаңыз немесе операторға хабарласыңыз.</translation>
    </message>
    <message>
        <source>The signature did not verify. Sign and send again; if it happens again, contact the administrator.</source>
        <translation>Қолтаңба расталмады. Қайта қол қойып жіберіңіз; қайталанса, әкімшіге хабарласыңыз.</translation>
    </message>
    <message>
        <source>A field of the application is invalid. Check the fields and file the application again.</source>
        <translation>Өтінімнің бір өрісі қате толтырылған. Өрістерді тексеріп, өтінімді қайта беріңіз.</translation>
    </message>
    <message>
        <source>The application PDF is unreadable or unsigned. Generate the PDF again and sign it.</source>
        <translation>Өтінімнің PDF файлы оқылмайды немесе қол қойылмаған. PDF-ті қайта жасап, қол қойыңыз.</translation>
    </message>
    <message>
        <source>The resource is temporarily unavailable for planned technical works{until}. Try again when they are over.</source>
        <translation>Ресурс жоспарлы техникалық жұмыстарға байланысты уақытша қолжетімсіз{until}. Жұмыстар аяқталған соң қайталаңыз.</translation>
    </message>
    <message>
        <source> (until {at})</source>
        <translation> ({at} дейін)</translation>
    </message>
    <message>
        <source>Your access is blocked. Reason: “{reason}”. Contact the system operator or the official in charge of departmental control.</source>
        <translation>Сіздің қолжетімділігіңіз бұғатталған. Себебі: «{reason}». ҚАО ААЖ операторына немесе ведомстволық бақылауды жүзеге асыратын лауазымды адамға хабарласыңыз.</translation>
    </message>
    <message>
        <source>Access to the resources is given only while the workstation meets Appendix 3 to the Rules (paragraph 4 of the Rules). {why} The desk runs the self-check now and sends it to the operator; when it passes, send the query again.</source>
        <translation>Ресурстарға қол жеткізу жұмыс орны Ережелерге 3-қосымшаға сай болған кезде ғана беріледі (Ережелердің 4-тармағы). {why} Бағдарлама қазір тексеруді орындап, операторға жібереді; ол өткенде сұрауды қайта жіберіңіз.</translation>
    </message>
    <message>
        <source>The operator has no complete self-check of this workstation from you.</source>
        <translation>Операторда сізден осы жұмыс орнының толық өзін-өзі тексеруі жоқ.</translation>
    </message>
    <message>
        <source>The workstation&apos;s last self-check did not pass: {checks}.</source>
        <translation>Жұмыс орнының соңғы өзін-өзі тексеруі өтпеді: {checks}.</translation>
    </message>
    <message>
        <source>The workstation&apos;s last self-check could not establish: {checks}.</source>
        <translation>Жұмыс орнының соңғы өзін-өзі тексеруі мынаны анықтай алмады: {checks}.</translation>
    </message>
    <message>
        <source>The workstation&apos;s last self-check is older than {days} days.</source>
        <translation>Жұмыс орнының соңғы өзін-өзі тексеруі {days} күннен ескі.</translation>
    </message>
    <message>
        <source>The workstation&apos;s self-check was signed with another certificate than the one you sign with now.</source>
        <translation>Жұмыс орнының өзін-өзі тексеруіне сіз қазір қол қойып жүрген сертификаттан басқа сертификатпен қол қойылған.</translation>
    </message>
</context>
<context>
    <name>selfcheck</name>
    <message>
        <source>CPU clock</source>
        <translation>Процессор жиілігі</translation>
    </message>
    <message>
        <source>RAM</source>
        <translation>Жедел жад</translation>
    </message>
    <message>
        <source>Free disk space</source>
        <translation>Дискідегі бос орын</translation>
    </message>
    <message>
        <source>Network card</source>
        <translation>Желілік карта</translation>
    </message>
    <message>
        <source>No Internet access</source>
        <translation>Интернетке қолжетімділік жоқ</translation>
    </message>
    <message>
        <source>Protected channel</source>
        <translation>Қорғалған арна</translation>
    </message>
    <message>
        <source>EDS carrier</source>
        <translation>ЭЦҚ тасығышы</translation>
    </message>
    <message>
        <source>PDF reading</source>
        <translation>PDF оқу</translation>
    </message>
    <message>
        <source>Disk encryption</source>
        <translation>Дискіні шифрлау</translation>
    </message>
    <message>
        <source>Swap</source>
        <translation>Свопинг (подкачка)</translation>
    </message>
    <message>
        <source>Screen lock</source>
        <translation>Экранды бұғаттау</translation>
    </message>
    <message>
        <source>PASS</source>
        <translation>СӘЙКЕС</translation>
    </message>
    <message>
        <source>FAIL</source>
        <translation>СӘЙКЕС ЕМЕС</translation>
    </message>
    <message>
        <source>UNDETERMINED</source>
        <translation>АНЫҚТАЛМАДЫ</translation>
    </message>
    <message>
        <source>Workstation self-check</source>
        <translation>Жұмыс орнын тексеру</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Тексеру</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Нәтиже</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Мәні</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Талап</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Түсініктеме</translation>
    </message>
    <message>
        <source>Overall</source>
        <translation>Жалпы нәтиже</translation>
    </message>
    <message>
        <source>advisory</source>
        <translation>кеңес</translation>
    </message>
    <message>
        <source>Appendix 3 to the Rules</source>
        <translation>Ережелерге 3-қосымша</translation>
    </message>
    <message>
        <source>Requirements profile</source>
        <translation>Талаптар жинағы</translation>
    </message>
    <message>
        <source>Computer</source>
        <translation>Компьютер</translation>
    </message>
    <message>
        <source>Checked at (Astana)</source>
        <translation>Тексерілген уақыты (Астана)</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Дәлелдер</translation>
    </message>
    <message>
        <source>Run the check</source>
        <translation>Тексеруді іске қосу</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Тексерілуде…</translation>
    </message>
    <message>
        <source>Print to PDF</source>
        <translation>PDF-ке басып шығару</translation>
    </message>
    <message>
        <source>Cannot start</source>
        <translation>Жұмысты бастау мүмкін емес</translation>
    </message>
    <message>
        <source>The value could not be determined (common in virtual machines).</source>
        <translation>Мәнін анықтау мүмкін болмады (виртуалды машинада жиі кездеседі).</translation>
    </message>
    <message>
        <source>The check failed with an error: {detail}</source>
        <translation>Тексеру қатемен аяқталды: {detail}</translation>
    </message>
    <message>
        <source>Base clock {value} GHz, required ≥ {threshold} GHz.</source>
        <translation>Базалық жиілік {value} ГГц, талап ≥ {threshold} ГГц.</translation>
    </message>
    <message>
        <source>Base clock {value} GHz is below the required {threshold} GHz.</source>
        <translation>Базалық жиілік {value} ГГц — талаптан төмен (≥ {threshold} ГГц).</translation>
    </message>
    <message>
        <source>Only the current clock is known ({value} GHz); the base clock could not be read.</source>
        <translation>Тек ағымдағы жиілік белгілі ({value} ГГц); базалық жиілік анықталмады.</translation>
    </message>
    <message>
        <source>{value} GiB of RAM, required ≥ {threshold} GiB.</source>
        <translation>Жад {value} ГБ, талап ≥ {threshold} ГБ.</translation>
    </message>
    <message>
        <source>{value} GiB of RAM is less than the required {threshold} GiB.</source>
        <translation>Жад {value} ГБ — талаптан аз (≥ {threshold} ГБ).</translation>
    </message>
    <message>
        <source>{value} GB free ({path}), required ≥ {threshold} GB.</source>
        <translation>Бос орын {value} ГБ ({path}), талап ≥ {threshold} ГБ.</translation>
    </message>
    <message>
        <source>{value} GB free ({path}) is less than the required {threshold} GB.</source>
        <translation>Бос орын {value} ГБ ({path}) — талаптан аз (≥ {threshold} ГБ).</translation>
    </message>
    <message>
        <source>Interface {interface} links at {value} Mbit/s, required ≥ {threshold} Mbit/s.</source>
        <translation>{interface} интерфейсінің жылдамдығы {value} Мбит/с, талап ≥ {threshold} Мбит/с.</translation>
    </message>
    <message>
        <source>Interface {interface} links at {value} Mbit/s, below the required {threshold} Mbit/s.</source>
        <translation>{interface} интерфейсінің жылдамдығы {value} Мбит/с — талаптан төмен (≥ {threshold}).</translation>
    </message>
    <message>
        <source>The protected channel is not configured, so the card that carries it is unknown.</source>
        <translation>Қорғалған арна бапталмаған: қай карта арнаға апаратыны белгісіз.</translation>
    </message>
    <message>
        <source>There is no route to the gateway, so the channel&apos;s card cannot be found.</source>
        <translation>Шлюзге маршрут жоқ: арнаның картасын анықтау мүмкін емес.</translation>
    </message>
    <message>
        <source>The link speed of {interface} is unknown (virtual or no link).</source>
        <translation>{interface} интерфейсінің жылдамдығы белгісіз (виртуалды немесе байланыссыз).</translation>
    </message>
    <message>
        <source>No route to public addresses: the Internet is not reachable.</source>
        <translation>Жалпыға ортақ мекенжайларға маршрут жоқ: Интернетке шығу мүмкін емес.</translation>
    </message>
    <message>
        <source>There is a route to the Internet: {route} (interface {interface}, gateway {gateway}). Disconnect the workstation or tell the administrator.</source>
        <translation>Интернетке маршрут бар: {route} (интерфейс {interface}, шлюз {gateway}). Жұмыс орнын желіден ажыратыңыз немесе әкімшіге хабарлаңыз.</translation>
    </message>
    <message>
        <source>Internet access could not be ruled out: {detail}</source>
        <translation>Интернетке қолжетімділікті толық анықтау мүмкін болмады: {detail}</translation>
    </message>
    <message>
        <source>TLS handshake with the gateway completed in {latency_ms} ms.</source>
        <translation>Шлюзбен TLS байланысы орнатылды, {latency_ms} мс.</translation>
    </message>
    <message>
        <source>The gateway address or CA is not set in the policy ({detail}).</source>
        <translation>Шлюз мекенжайы немесе CA саясатта көрсетілмеген ({detail}).</translation>
    </message>
    <message>
        <source>The operator&apos;s CA file cannot be read: {detail}</source>
        <translation>Операторның CA файлын оқу мүмкін емес: {detail}</translation>
    </message>
    <message>
        <source>The gateway&apos;s name does not resolve (DNS): {detail}</source>
        <translation>Шлюз атауы анықталмады (DNS): {detail}</translation>
    </message>
    <message>
        <source>The gateway refused the connection: {detail}</source>
        <translation>Шлюз қосылудан бас тартты: {detail}</translation>
    </message>
    <message>
        <source>The gateway did not answer in time: {detail}</source>
        <translation>Шлюз уақытында жауап бермеді: {detail}</translation>
    </message>
    <message>
        <source>The gateway cannot be reached: {detail}</source>
        <translation>Шлюзге жету мүмкін емес: {detail}</translation>
    </message>
    <message>
        <source>The gateway&apos;s certificate is not trusted by the operator&apos;s CA: {detail}</source>
        <translation>Шлюз сертификаты операторның CA-сымен расталмады: {detail}</translation>
    </message>
    <message>
        <source>TLS error: {detail}</source>
        <translation>TLS қатесі: {detail}</translation>
    </message>
    <message>
        <source>Carrier present: {labels}.</source>
        <translation>Тасығыш қосылған: {labels}.</translation>
    </message>
    <message>
        <source>Only a software token was found ({labels}); it is not a protected carrier (Appendix 5 to the Rules, paragraph 8).</source>
        <translation>Тек бағдарламалық токен табылды ({labels}) — бұл қорғалған тасығыш емес (Ережелерге 5-қосымшаның 8-тармағы).</translation>
    </message>
    <message>
        <source>PKCS#11 support is missing: {detail}</source>
        <translation>PKCS#11 қолдауы жоқ: {detail}</translation>
    </message>
    <message>
        <source>No carrier driver (PKCS#11 module) is installed.</source>
        <translation>Тасығыш драйвері (PKCS#11 модулі) орнатылмаған.</translation>
    </message>
    <message>
        <source>The PKCS#11 module does not load: {detail}</source>
        <translation>PKCS#11 модулі жүктелмеді: {detail}</translation>
    </message>
    <message>
        <source>The driver is installed but no carrier is connected.</source>
        <translation>Драйвер бар, бірақ тасығыш қосылмаған.</translation>
    </message>
    <message>
        <source>PDF reader: {app}.</source>
        <translation>PDF оқу бағдарламасы: {app}.</translation>
    </message>
    <message>
        <source>No PDF reader was found.</source>
        <translation>PDF оқу бағдарламасы табылмады.</translation>
    </message>
    <message>
        <source>The data volume is encrypted ({value}).</source>
        <translation>Деректер дискісі шифрланған ({value}).</translation>
    </message>
    <message>
        <source>The data volume is not encrypted; enable encryption to protect results on the device.</source>
        <translation>Деректер дискісі шифрланбаған: алынған нәтижелерді қорғау үшін шифрлауды қосыңыз.</translation>
    </message>
    <message>
        <source>Swap never reaches the disk unencrypted ({value}).</source>
        <translation>Подкачка дискіге шифрланбай жазылмайды ({value}).</translation>
    </message>
    <message>
        <source>Swap is not encrypted: {value}.</source>
        <translation>Подкачка шифрланбаған: {value}.</translation>
    </message>
    <message>
        <source>The screen locks when idle ({value}).</source>
        <translation>Экран әрекетсіздікте бұғатталады ({value}).</translation>
    </message>
    <message>
        <source>Automatic screen lock is off ({value}).</source>
        <translation>Экранды автоматты бұғаттау өшірулі ({value}).</translation>
    </message>
</context>
</TS>
