<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Account</name>
    <message>
        <source>Registration</source>
        <translation>Registration</translation>
    </message>
    <message>
        <source>Transfer (editing)</source>
        <translation>Transfer (editing)</translation>
    </message>
    <message>
        <source>Blocking</source>
        <translation>Blocking</translation>
    </message>
    <message>
        <source>Submitted, awaiting the operator</source>
        <translation>Submitted, awaiting the operator</translation>
    </message>
    <message>
        <source>Refused by the operator</source>
        <translation>Refused by the operator</translation>
    </message>
    <message>
        <source>Blocked at own request</source>
        <translation>Blocked at own request</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Blocked</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Registered</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Going on leave</source>
        <translation>Going on leave</translation>
    </message>
    <message>
        <source>Before an absence from the workplace of more than two months you file a blocking application for your own account (agreement, item 11.2). It takes effect at once and your session ends. On your return you file a new registration application.</source>
        <translation>Before an absence from the workplace of more than two months you file a blocking application for your own account (agreement, item 11.2). It takes effect at once and your session ends. On your return you file a new registration application.</translation>
    </message>
    <message>
        <source>&amp;First day of absence:</source>
        <translation>&amp;First day of absence:</translation>
    </message>
    <message>
        <source>&amp;Last day of absence:</source>
        <translation>&amp;Last day of absence:</translation>
    </message>
    <message>
        <source>The last day is before the first.</source>
        <translation>The last day is before the first.</translation>
    </message>
    <message>
        <source>The absence must not have begun yet.</source>
        <translation>The absence must not have begun yet.</translation>
    </message>
    <message>
        <source>An absence of two months or less needs no blocking application.</source>
        <translation>An absence of two months or less needs no blocking application.</translation>
    </message>
    <message>
        <source>{name}, IIN {iin}</source>
        <translation>{name}, IIN {iin}</translation>
    </message>
    <message>
        <source>Not signed in: applications are signed with the token&apos;s keys.</source>
        <translation>Not signed in: applications are signed with the token&apos;s keys.</translation>
    </message>
    <message>
        <source>signed by the operator, signature checked</source>
        <translation>signed by the operator, signature checked</translation>
    </message>
    <message>
        <source>signature not checked</source>
        <translation>signature not checked</translation>
    </message>
    <message>
        <source>Application № {id}: {state} on {at} ({signed}).
{reason}</source>
        <translation>Application № {id}: {state} on {at} ({signed}).
{reason}</translation>
    </message>
    <message>
        <source>Open an application form and enter the PIN first: the query is signed with your token.</source>
        <translation>Open an application form and enter the PIN first: the query is signed with your token.</translation>
    </message>
    <message>
        <source>Statuses refreshed.</source>
        <translation>Statuses refreshed.</translation>
    </message>
    <message>
        <source>Your account is blocked at your own request. On your return, file a new registration application.</source>
        <translation>Your account is blocked at your own request. On your return, file a new registration application.</translation>
    </message>
    <message>
        <source>Applications filed from this workstation:</source>
        <translation>Applications filed from this workstation:</translation>
    </message>
    <message>
        <source>№</source>
        <translation>№</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Filed</source>
        <translation>Filed</translation>
    </message>
    <message>
        <source>Decision due</source>
        <translation>Decision due</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>Decided</translation>
    </message>
    <message>
        <source>Operator&apos;s reason</source>
        <translation>Operator&apos;s reason</translation>
    </message>
    <message>
        <source>&amp;Refresh statuses</source>
        <translation>&amp;Refresh statuses</translation>
    </message>
    <message>
        <source>Re&amp;gistration application…</source>
        <translation>Re&amp;gistration application…</translation>
    </message>
    <message>
        <source>&amp;Transfer (editing)…</source>
        <translation>&amp;Transfer (editing)…</translation>
    </message>
    <message>
        <source>Going on &amp;leave…</source>
        <translation>Going on &amp;leave…</translation>
    </message>
    <message>
        <source>Token l&amp;ost…</source>
        <translation>Token l&amp;ost…</translation>
    </message>
    <message>
        <source>File a blocking application for a user of my organisation…</source>
        <translation>File a blocking application for a user of my organisation…</translation>
    </message>
    <message>
        <source>&lt;h3&gt;The token is lost&lt;/h3&gt;&lt;ol&gt;&lt;li&gt;Revoke your EDS at once in the personal cabinet of the National Certification Centre (paragraph 12 of the Rules).&lt;/li&gt;&lt;li&gt;Have your account blocked: the official in charge of departmental control of your organisation files a blocking application for you with their own EDS (paragraph 7 of the Rules); the operator blocks at once (paragraph 8).&lt;/li&gt;&lt;li&gt;With a new token, file a new registration application.&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;If you are that official, file the blocking application below: type the user&apos;s data; it is signed with your own token. The operator accepts it only from a controller of the same organisation or from the operator.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;The token is lost&lt;/h3&gt;&lt;ol&gt;&lt;li&gt;Revoke your EDS at once in the personal cabinet of the National Certification Centre (paragraph 12 of the Rules).&lt;/li&gt;&lt;li&gt;Have your account blocked: the official in charge of departmental control of your organisation files a blocking application for you with their own EDS (paragraph 7 of the Rules); the operator blocks at once (paragraph 8).&lt;/li&gt;&lt;li&gt;With a new token, file a new registration application.&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;If you are that official, file the blocking application below: type the user&apos;s data; it is signed with your own token. The operator accepts it only from a controller of the same organisation or from the operator.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Account and applications</source>
        <translation>Account and applications</translation>
    </message>
    <message>
        <source>&amp;Account and applications…</source>
        <translation>&amp;Account and applications…</translation>
    </message>
</context>
<context>
    <name>Agreement</name>
    <message>
        <source>Agreement on rights of use</source>
        <translation>Agreement on rights of use</translation>
    </message>
    <message>
        <source>Fill this in.</source>
        <translation>Fill this in.</translation>
    </message>
    <message>
        <source>Remove the spaces at the ends or doubled spaces.</source>
        <translation>Remove the spaces at the ends or doubled spaces.</translation>
    </message>
    <message>
        <source>Remove line breaks and invisible characters.</source>
        <translation>Remove line breaks and invisible characters.</translation>
    </message>
    <message>
        <source>Too long for the form.</source>
        <translation>Too long for the form.</translation>
    </message>
    <message>
        <source>Use letters, digits, spaces and the punctuation of a name or title.</source>
        <translation>Use letters, digits, spaces and the punctuation of a name or title.</translation>
    </message>
    <message>
        <source>Not a calendar date.</source>
        <translation>Not a calendar date.</translation>
    </message>
    <message>
        <source>This does not fit the form.</source>
        <translation>This does not fit the form.</translation>
    </message>
    <message>
        <source>Before the first query you sign the agreement on rights of use with your EDS (version {version}). Fill in the city and your position; your name is the registered one and the date is today. Both texts below are signed exactly as shown. Queries are refused until it is signed.</source>
        <translation>Before the first query you sign the agreement on rights of use with your EDS (version {version}). Fill in the city and your position; your name is the registered one and the date is today. Both texts below are signed exactly as shown. Queries are refused until it is signed.</translation>
    </message>
    <message>
        <source>&amp;City:</source>
        <translation>&amp;City:</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>Date:</translation>
    </message>
    <message>
        <source>Full name:</source>
        <translation>Full name:</translation>
    </message>
    <message>
        <source>&amp;Position:</source>
        <translation>&amp;Position:</translation>
    </message>
    <message>
        <source>&amp;Sign with EDS</source>
        <translation>&amp;Sign with EDS</translation>
    </message>
    <message>
        <source>&amp;Decline and sign out</source>
        <translation>&amp;Decline and sign out</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <source>Surname:</source>
        <translation>Surname:</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Patronymic (if any):</source>
        <translation>Patronymic (if any):</translation>
    </message>
    <message>
        <source>IIN:</source>
        <translation>IIN:</translation>
    </message>
    <message>
        <source>Organisation:</source>
        <translation>Organisation:</translation>
    </message>
    <message>
        <source>Organisation code in the Unified Register of Pre-trial Investigations:</source>
        <translation>Organisation code in the Unified Register of Pre-trial Investigations:</translation>
    </message>
    <message>
        <source>BIN of the organisation:</source>
        <translation>BIN of the organisation:</translation>
    </message>
    <message>
        <source>Structural unit:</source>
        <translation>Structural unit:</translation>
    </message>
    <message>
        <source>Position:</source>
        <translation>Position:</translation>
    </message>
    <message>
        <source>Work phone:</source>
        <translation>Work phone:</translation>
    </message>
    <message>
        <source>Mobile phone:</source>
        <translation>Mobile phone:</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>E-mail:</translation>
    </message>
    <message>
        <source>Work address:</source>
        <translation>Work address:</translation>
    </message>
    <message>
        <source>Head&apos;s position:</source>
        <translation>Head&apos;s position:</translation>
    </message>
    <message>
        <source>Head&apos;s full name:</source>
        <translation>Head&apos;s full name:</translation>
    </message>
    <message>
        <source>Reason for blocking:</source>
        <translation>Reason for blocking:</translation>
    </message>
    <message>
        <source>Fill this in.</source>
        <translation>Fill this in.</translation>
    </message>
    <message>
        <source>This is not in the form&apos;s format.</source>
        <translation>This is not in the form&apos;s format.</translation>
    </message>
    <message>
        <source>The IIN&apos;s check digit or date is wrong.</source>
        <translation>The IIN&apos;s check digit or date is wrong.</translation>
    </message>
    <message>
        <source>The BIN&apos;s check digit is wrong.</source>
        <translation>The BIN&apos;s check digit is wrong.</translation>
    </message>
    <message>
        <source>Tick this confirmation.</source>
        <translation>Tick this confirmation.</translation>
    </message>
    <message>
        <source>This is longer than the form allows.</source>
        <translation>This is longer than the form allows.</translation>
    </message>
    <message>
        <source>The order cannot be dated after today.</source>
        <translation>The order cannot be dated after today.</translation>
    </message>
    <message>
        <source>The 24 hours after the order ended at {deadline} (Astana time): file now and tell the operator why it is late (paragraph 7 of the Rules).</source>
        <translation>The 24 hours after the order ended at {deadline} (Astana time): file now and tell the operator why it is late (paragraph 7 of the Rules).</translation>
    </message>
    <message>
        <source>File by {deadline} (Astana time), 24 hours after the order; {hours} h left (paragraph 7 of the Rules).</source>
        <translation>File by {deadline} (Astana time), 24 hours after the order; {hours} h left (paragraph 7 of the Rules).</translation>
    </message>
    <message>
        <source>Saved to {path}. Print it, sign it, have your head sign and stamp it, scan it and attach the scan.</source>
        <translation>Saved to {path}. Print it, sign it, have your head sign and stamp it, scan it and attach the scan.</translation>
    </message>
    <message>
        <source>Save the application for printing</source>
        <translation>Save the application for printing</translation>
    </message>
    <message>
        <source>The scan must be a PDF, JPEG or PNG file.</source>
        <translation>The scan must be a PDF, JPEG or PNG file.</translation>
    </message>
    <message>
        <source>The scan is {size} KB; at most {limit} KB can be filed. Scan at 150 dpi in greyscale.</source>
        <translation>The scan is {size} KB; at most {limit} KB can be filed. Scan at 150 dpi in greyscale.</translation>
    </message>
    <message>
        <source>Scan attached: {name} ({size} KB)</source>
        <translation>Scan attached: {name} ({size} KB)</translation>
    </message>
    <message>
        <source>Attach the scanned signed copy</source>
        <translation>Attach the scanned signed copy</translation>
    </message>
    <message>
        <source>Filed as № {id} at {at}; the operator decides by {due} (paragraph 6 of the Rules).</source>
        <translation>Filed as № {id} at {at}; the operator decides by {due} (paragraph 6 of the Rules).</translation>
    </message>
    <message>
        <source>Registration application (paragraph 5 of the Rules). Your name, IIN, organisation and BIN come from your EDS certificate; check the rest, print the application, sign it, have your head sign and stamp it, attach the scan and file it signed with your EDS.</source>
        <translation>Registration application (paragraph 5 of the Rules). Your name, IIN, organisation and BIN come from your EDS certificate; check the rest, print the application, sign it, have your head sign and stamp it, attach the scan and file it signed with your EDS.</translation>
    </message>
    <message>
        <source>Editing application on a transfer to another position or unit: file it within 24 hours of the appointment order (paragraph 7 of the Rules).</source>
        <translation>Editing application on a transfer to another position or unit: file it within 24 hours of the appointment order (paragraph 7 of the Rules).</translation>
    </message>
    <message>
        <source>Blocking application: access is blocked as soon as it is filed (paragraph 8 of the Rules).</source>
        <translation>Blocking application: access is blocked as soon as it is filed (paragraph 8 of the Rules).</translation>
    </message>
    <message>
        <source>Token &amp;PIN:</source>
        <translation>Token &amp;PIN:</translation>
    </message>
    <message>
        <source>&amp;Read the certificate</source>
        <translation>&amp;Read the certificate</translation>
    </message>
    <message>
        <source>I have read and agree with the agreement on rights of use.</source>
        <translation>I have read and agree with the agreement on rights of use.</translation>
    </message>
    <message>
        <source>I confirm I hold an EDS on a protected carrier.</source>
        <translation>I confirm I hold an EDS on a protected carrier.</translation>
    </message>
    <message>
        <source>I allow my personal data to be passed for registration.</source>
        <translation>I allow my personal data to be passed for registration.</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>Confirmations</source>
        <translation>Confirmations</translation>
    </message>
    <message>
        <source>Appointment order</source>
        <translation>Appointment order</translation>
    </message>
    <message>
        <source>Order signed on:</source>
        <translation>Order signed on:</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>R&amp;ole applied for:</source>
        <translation>R&amp;ole applied for:</translation>
    </message>
    <message>
        <source>Analyst</source>
        <translation>Analyst</translation>
    </message>
    <message>
        <source>Departmental controller (appointed by the head&apos;s order)</source>
        <translation>Departmental controller (appointed by the head&apos;s order)</translation>
    </message>
    <message>
        <source>Head&apos;s order number:</source>
        <translation>Head&apos;s order number:</translation>
    </message>
    <message>
        <source>Head&apos;s order date:</source>
        <translation>Head&apos;s order date:</translation>
    </message>
    <message>
        <source>Head&apos;s order number</source>
        <translation>Head&apos;s order number</translation>
    </message>
    <message>
        <source>Head&apos;s order date</source>
        <translation>Head&apos;s order date</translation>
    </message>
    <message>
        <source>Form &amp;language:</source>
        <translation>Form &amp;language:</translation>
    </message>
    <message>
        <source>Save for &amp;printing…</source>
        <translation>Save for &amp;printing…</translation>
    </message>
    <message>
        <source>Attach the &amp;scan…</source>
        <translation>Attach the &amp;scan…</translation>
    </message>
    <message>
        <source>Sign with EDS and &amp;file</source>
        <translation>Sign with EDS and &amp;file</translation>
    </message>
    <message>
        <source>No scan attached yet.</source>
        <translation>No scan attached yet.</translation>
    </message>
    <message>
        <source>Application to the system operator</source>
        <translation>Application to the system operator</translation>
    </message>
</context>
<context>
    <name>Archive</name>
    <message>
        <source>attached to the material (printed)</source>
        <translation>attached to the material (printed)</translation>
    </message>
    <message>
        <source>attached to the material (exported)</source>
        <translation>attached to the material (exported)</translation>
    </message>
    <message>
        <source>attached to the material (printed and exported)</source>
        <translation>attached to the material (printed and exported)</translation>
    </message>
    <message>
        <source>destroyed unattached</source>
        <translation>destroyed unattached</translation>
    </message>
    <message>
        <source>Journal archive folder</source>
        <translation>Journal archive folder</translation>
    </message>
    <message>
        <source>The operator&apos;s certificate</source>
        <translation>The operator&apos;s certificate</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.cer *.crt *.der)</source>
        <translation>Certificates (*.pem *.cer *.crt *.der)</translation>
    </message>
    <message>
        <source>Verifying the archive…</source>
        <translation>Verifying the archive…</translation>
    </message>
    <message>
        <source>The archive is intact: {entries} journal entries check out — the hash chain, the operator&apos;s signed checkpoints and every signature of the users.</source>
        <translation>The archive is intact: {entries} journal entries check out — the hash chain, the operator&apos;s signed checkpoints and every signature of the users.</translation>
    </message>
    <message>
        <source>THE ARCHIVE HAS BEEN ALTERED at journal entry № {seq}: {entries} entries before it check out; that entry and everything after it prove nothing.</source>
        <translation>THE ARCHIVE HAS BEEN ALTERED at journal entry № {seq}: {entries} entries before it check out; that entry and everything after it prove nothing.</translation>
    </message>
    <message>
        <source>The archive does not verify: {reason}</source>
        <translation>The archive does not verify: {reason}</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>refused</translation>
    </message>
    <message>
        <source>nothing recorded</source>
        <translation>nothing recorded</translation>
    </message>
    <message>
        <source>Not proven: at or after the altered entry</source>
        <translation>Not proven: at or after the altered entry</translation>
    </message>
    <message>
        <source>Journal archive (read-only)</source>
        <translation>Journal archive (read-only)</translation>
    </message>
    <message>
        <source>Archive folder…</source>
        <translation>Archive folder…</translation>
    </message>
    <message>
        <source>Operator&apos;s certificate…</source>
        <translation>Operator&apos;s certificate…</translation>
    </message>
    <message>
        <source>Verify and show</source>
        <translation>Verify and show</translation>
    </message>
    <message>
        <source>not chosen</source>
        <translation>not chosen</translation>
    </message>
    <message>
        <source>№</source>
        <translation>№</translation>
    </message>
    <message>
        <source>Time (Astana)</source>
        <translation>Time (Astana)</translation>
    </message>
    <message>
        <source>Who asked (IIN)</source>
        <translation>Who asked (IIN)</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>Resource</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>Case number</translation>
    </message>
    <message>
        <source>Legal ground</source>
        <translation>Legal ground</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>Answer hash (SHA-256)</source>
        <translation>Answer hash (SHA-256)</translation>
    </message>
    <message>
        <source>What became of the result</source>
        <translation>What became of the result</translation>
    </message>
    <message>
        <source>Open journal &amp;archive…</source>
        <translation>Open journal &amp;archive…</translation>
    </message>
</context>
<context>
    <name>AttachDialog</name>
    <message>
        <source>Attach to case material</source>
        <translation>Attach to case material</translation>
    </message>
    <message>
        <source>Material number:</source>
        <translation>Material number:</translation>
    </message>
    <message>
        <source>Resource:</source>
        <translation>Resource:</translation>
    </message>
    <message>
        <source>Printout &amp;language:</source>
        <translation>Printout &amp;language:</translation>
    </message>
    <message>
        <source>&amp;Print (the print dialog opens)</source>
        <translation>&amp;Print (the print dialog opens)</translation>
    </message>
    <message>
        <source>E&amp;xport a printout signed with your EDS</source>
        <translation>E&amp;xport a printout signed with your EDS</translation>
    </message>
    <message>
        <source>Export is off: the administrator&apos;s policy names no folder for case material.</source>
        <translation>Export is off: the administrator&apos;s policy names no folder for case material.</translation>
    </message>
    <message>
        <source>Into: {folder}</source>
        <translation>Into: {folder}</translation>
    </message>
    <message>
        <source>Once the printout is printed or saved, the copy of this result on the workstation is destroyed and the journal is told, as paragraph 19 of the Rules requires.</source>
        <translation>Once the printout is printed or saved, the copy of this result on the workstation is destroyed and the journal is told, as paragraph 19 of the Rules requires.</translation>
    </message>
    <message>
        <source>&amp;Attach and destroy the copy</source>
        <translation>&amp;Attach and destroy the copy</translation>
    </message>
    <message>
        <source>Preparing the printout…</source>
        <translation>Preparing the printout…</translation>
    </message>
    <message>
        <source>Printing was cancelled; nothing was destroyed.</source>
        <translation>Printing was cancelled; nothing was destroyed.</translation>
    </message>
    <message>
        <source>Printing failed: {detail}. Nothing was destroyed.</source>
        <translation>Printing failed: {detail}. Nothing was destroyed.</translation>
    </message>
    <message>
        <source>Signing the printout with your EDS…</source>
        <translation>Signing the printout with your EDS…</translation>
    </message>
    <message>
        <source>printed</source>
        <translation>printed</translation>
    </message>
    <message>
        <source>exported as a signed printout</source>
        <translation>exported as a signed printout</translation>
    </message>
    <message>
        <source>printed and exported</source>
        <translation>printed and exported</translation>
    </message>
    <message>
        <source>destroyed without attaching</source>
        <translation>destroyed without attaching</translation>
    </message>
    <message>
        <source>the journal has it</source>
        <translation>the journal has it</translation>
    </message>
    <message>
        <source>the gateway did not accept the report</source>
        <translation>the gateway did not accept the report</translation>
    </message>
    <message>
        <source>the report waits for the channel and is re-sent</source>
        <translation>the report waits for the channel and is re-sent</translation>
    </message>
    <message>
        <source>Material {case}, journal № {seq}: {action}; the local copy is destroyed; {told}.</source>
        <translation>Material {case}, journal № {seq}: {action}; the local copy is destroyed; {told}.</translation>
    </message>
</context>
<context>
    <name>Attestation</name>
    <message>
        <source>The workstation self-check could not be sent to the operator: {detail}</source>
        <translation>The workstation self-check could not be sent to the operator: {detail}</translation>
    </message>
    <message>
        <source>Workstation self-check</source>
        <translation>Workstation self-check</translation>
    </message>
    <message>
        <source>The workstation self-check passed and was sent to the operator. Send the query again.</source>
        <translation>The workstation self-check passed and was sent to the operator. Send the query again.</translation>
    </message>
    <message>
        <source>The workstation self-check did not pass: {checks}. It was sent to the operator. Put right what it names (Tools → Workstation self-check shows the details), then send the query again: the self-check is run and sent again then.</source>
        <translation>The workstation self-check did not pass: {checks}. It was sent to the operator. Put right what it names (Tools → Workstation self-check shows the details), then send the query again: the self-check is run and sent again then.</translation>
    </message>
</context>
<context>
    <name>CasePage</name>
    <message>
        <source>{h} h {m:02d} min</source>
        <translation>{h} h {m:02d} min</translation>
    </message>
    <message>
        <source>{n} waiting</source>
        <translation>{n} waiting</translation>
    </message>
    <message>
        <source>oldest {age} ago</source>
        <translation>oldest {age} ago</translation>
    </message>
    <message>
        <source>destroyed in {left}</source>
        <translation>destroyed in {left}</translation>
    </message>
    <message>
        <source>journal № {seq}</source>
        <translation>journal № {seq}</translation>
    </message>
    <message>
        <source>received {at}</source>
        <translation>received {at}</translation>
    </message>
    <message>
        <source>Destroy without attaching</source>
        <translation>Destroy without attaching</translation>
    </message>
    <message>
        <source>Destroy this result without attaching it to the case material? It cannot be opened again; the journal is told.</source>
        <translation>Destroy this result without attaching it to the case material? It cannot be opened again; the journal is told.</translation>
    </message>
    <message>
        <source>Case materials</source>
        <translation>Case materials</translation>
    </message>
    <message>
        <source>Material / resource</source>
        <translation>Material / resource</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Results</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Age</translation>
    </message>
    <message>
        <source>Destroyed in</source>
        <translation>Destroyed in</translation>
    </message>
    <message>
        <source>No results are waiting. Every result is attached to its material or destroyed; nothing of them is kept on this workstation.</source>
        <translation>No results are waiting. Every result is attached to its material or destroyed; nothing of them is kept on this workstation.</translation>
    </message>
    <message>
        <source>This workstation has no system keyring: results waiting here are lost if SIO Desk closes. They are destroyed and reported at the next start.</source>
        <translation>This workstation has no system keyring: results waiting here are lost if SIO Desk closes. They are destroyed and reported at the next start.</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <source>&amp;Attach…</source>
        <translation>&amp;Attach…</translation>
    </message>
    <message>
        <source>&amp;Destroy…</source>
        <translation>&amp;Destroy…</translation>
    </message>
    <message>
        <source>Latest results that left this workstation</source>
        <translation>Latest results that left this workstation</translation>
    </message>
</context>
<context>
    <name>ChangePin</name>
    <message>
        <source>Type the current PIN and the new one.</source>
        <translation>Type the current PIN and the new one.</translation>
    </message>
    <message>
        <source>The new PIN is too short (at least {n} characters).</source>
        <translation>The new PIN is too short (at least {n} characters).</translation>
    </message>
    <message>
        <source>The new PIN and its repetition differ.</source>
        <translation>The new PIN and its repetition differ.</translation>
    </message>
    <message>
        <source>The new PIN must differ from the current one.</source>
        <translation>The new PIN must differ from the current one.</translation>
    </message>
    <message>
        <source>Change the token PIN</source>
        <translation>Change the token PIN</translation>
    </message>
    <message>
        <source>&amp;Current PIN:</source>
        <translation>&amp;Current PIN:</translation>
    </message>
    <message>
        <source>&amp;New PIN:</source>
        <translation>&amp;New PIN:</translation>
    </message>
    <message>
        <source>&amp;Repeat the new PIN:</source>
        <translation>&amp;Repeat the new PIN:</translation>
    </message>
    <message>
        <source>Change PIN</source>
        <translation>Change PIN</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>Diagnostics</name>
    <message>
        <source>Diagnostics — workstation self-check</source>
        <translation>Diagnostics — workstation self-check</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>C&amp;lose</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Unexpected error: {detail}. The details are in the log.</source>
        <translation>Unexpected error: {detail}. The details are in the log.</translation>
    </message>
</context>
<context>
    <name>FirstLaunch</name>
    <message>
        <source>&amp;Re-run the check</source>
        <translation>&amp;Re-run the check</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>This workstation does not meet the rules for working with the system, so SIO Desk may not be used for queries from it. Fix the following, then run the check again:</source>
        <translation>This workstation does not meet the rules for working with the system, so SIO Desk may not be used for queries from it. Fix the following, then run the check again:</translation>
    </message>
    <message>
        <source>Sandbox: not enforced.</source>
        <translation>Sandbox: not enforced.</translation>
    </message>
    <message>
        <source>Some checks need attention; they do not stop you. Tell your administrator:</source>
        <translation>Some checks need attention; they do not stop you. Tell your administrator:</translation>
    </message>
    <message>
        <source>This workstation meets the rules. Press Continue.</source>
        <translation>This workstation meets the rules. Press Continue.</translation>
    </message>
    <message>
        <source>First launch: workstation check</source>
        <translation>First launch: workstation check</translation>
    </message>
    <message>
        <source>SIO Desk runs for the first time on this workstation. The rules allow queries only from a workstation that meets them (Appendix 3 to the Rules), so every check is run now. You can print this report to PDF for your records.</source>
        <translation>SIO Desk runs for the first time on this workstation. The rules allow queries only from a workstation that meets them (Appendix 3 to the Rules), so every check is run now. You can print this report to PDF for your records.</translation>
    </message>
    <message>
        <source>&amp;Continue</source>
        <translation>&amp;Continue</translation>
    </message>
    <message>
        <source>Not registered yet: continue and &amp;apply…</source>
        <translation>Not registered yet: continue and &amp;apply…</translation>
    </message>
</context>
<context>
    <name>LinkGraph</name>
    <message>
        <source>Queried subject</source>
        <translation>Queried subject</translation>
    </message>
    <message>
        <source>The subject of this query: {id}</source>
        <translation>The subject of this query: {id}</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Legal entity</source>
        <translation>Legal entity</translation>
    </message>
    <message>
        <source>Click, or press Enter, to query this subject with the same basis.</source>
        <translation>Click, or press Enter, to query this subject with the same basis.</translation>
    </message>
    <message>
        <source>Links graph</source>
        <translation>Links graph</translation>
    </message>
    <message>
        <source>{n} linked subjects. Tab or arrow keys move between them; Enter queries the one in focus.</source>
        <translation>{n} linked subjects. Tab or arrow keys move between them; Enter queries the one in focus.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>The screen was locked, so the session was locked too.</source>
        <translation>The screen was locked, so the session was locked too.</translation>
    </message>
    <message>
        <source>The token was removed: the session is locked and nothing of it stays on screen.</source>
        <translation>The token was removed: the session is locked and nothing of it stays on screen.</translation>
    </message>
    <message>
        <source>The PIN was changed.</source>
        <translation>The PIN was changed.</translation>
    </message>
    <message>
        <source>About SIO Desk</source>
        <translation>About SIO Desk</translation>
    </message>
    <message>
        <source>Query</source>
        <translation>Query</translation>
    </message>
    <message>
        <source>Case materials</source>
        <translation>Case materials</translation>
    </message>
    <message>
        <source>Query (Ctrl+1)</source>
        <translation>Query (Ctrl+1)</translation>
    </message>
    <message>
        <source>{title} (Ctrl+2)</source>
        <translation>{title} (Ctrl+2)</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Account and applications (Ctrl+Shift+U)</source>
        <translation>Account and applications (Ctrl+Shift+U)</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>Reports of departmental control (Ctrl+Shift+R)</source>
        <translation>Reports of departmental control (Ctrl+Shift+R)</translation>
    </message>
    <message>
        <source>Diagnostics</source>
        <translation>Diagnostics</translation>
    </message>
    <message>
        <source>Workstation self-check (Ctrl+Shift+D)</source>
        <translation>Workstation self-check (Ctrl+Shift+D)</translation>
    </message>
    <message>
        <source>{n} result(s) are still waiting to be attached to case material.</source>
        <translation>{n} result(s) are still waiting to be attached to case material.</translation>
    </message>
    <message>
        <source>Kept results are destroyed when SIO Desk closes: this workstation has no system keyring.</source>
        <translation>Kept results are destroyed when SIO Desk closes: this workstation has no system keyring.</translation>
    </message>
    <message>
        <source>Kept results wait until their retention time runs out, then they are destroyed.</source>
        <translation>Kept results wait until their retention time runs out, then they are destroyed.</translation>
    </message>
    <message>
        <source>&amp;Destroy them</source>
        <translation>&amp;Destroy them</translation>
    </message>
    <message>
        <source>&amp;Keep them</source>
        <translation>&amp;Keep them</translation>
    </message>
    <message>
        <source>The session was locked after a period of inactivity. What you typed is kept: sign in again to continue.</source>
        <translation>The session was locked after a period of inactivity. What you typed is kept: sign in again to continue.</translation>
    </message>
    <message>
        <source>No activity: the session locks in {n} s. Move the mouse or press a key to stay signed in.</source>
        <translation>No activity: the session locks in {n} s. Move the mouse or press a key to stay signed in.</translation>
    </message>
    <message>
        <source>Your session at the gateway has ended and could not be renewed. What you typed is kept: sign in again to send it.</source>
        <translation>Your session at the gateway has ended and could not be renewed. What you typed is kept: sign in again to send it.</translation>
    </message>
    <message>
        <source>Your token PIN has not been changed for a month. Change it now: File → Change PIN… (paragraph 12 of the Rules).</source>
        <translation>Your token PIN has not been changed for a month. Change it now: File → Change PIN… (paragraph 12 of the Rules).</translation>
    </message>
    <message>
        <source>{n} result(s) will be destroyed within 15 minutes unless attached to case material: Case materials (Ctrl+2).</source>
        <translation>{n} result(s) will be destroyed within 15 minutes unless attached to case material: Case materials (Ctrl+2).</translation>
    </message>
    <message>
        <source>{n} result(s) were not attached in time and have been destroyed; the journal is told (paragraph 19 of the Rules).</source>
        <translation>{n} result(s) were not attached in time and have been destroyed; the journal is told (paragraph 19 of the Rules).</translation>
    </message>
    <message>
        <source>{n} result(s) left by an earlier run of SIO Desk were destroyed at start; the journal is told.</source>
        <translation>{n} result(s) left by an earlier run of SIO Desk were destroyed at start; the journal is told.</translation>
    </message>
    <message>
        <source>SIO Desk — client of the law-enforcement information exchange system.
Every query is signed with your NCA EDS and sent with its basis (paragraph 3 of the Rules); every answer is checked against the operator&apos;s signature before it is shown.</source>
        <translation>SIO Desk — client of the law-enforcement information exchange system.
Every query is signed with your NCA EDS and sent with its basis (paragraph 3 of the Rules); every answer is checked against the operator&apos;s signature before it is shown.</translation>
    </message>
    <message>
        <source>SANDBOX — test keys, synthetic data</source>
        <translation>SANDBOX — test keys, synthetic data</translation>
    </message>
    <message>
        <source>User: {name}, IIN {iin}</source>
        <translation>User: {name}, IIN {iin}</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Not signed in</translation>
    </message>
    <message>
        <source>Token: {label}</source>
        <translation>Token: {label}</translation>
    </message>
    <message>
        <source>Gateway: {url}</source>
        <translation>Gateway: {url}</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Query</source>
        <translation>&amp;Query</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;Workstation self-check…</source>
        <translation>&amp;Workstation self-check…</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>&amp;Lock and sign out</source>
        <translation>&amp;Lock and sign out</translation>
    </message>
    <message>
        <source>Change &amp;PIN…</source>
        <translation>Change &amp;PIN…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Send signed query</source>
        <translation>&amp;Send signed query</translation>
    </message>
    <message>
        <source>&amp;Case materials</source>
        <translation>&amp;Case materials</translation>
    </message>
    <message>
        <source>&amp;About SIO Desk</source>
        <translation>&amp;About SIO Desk</translation>
    </message>
</context>
<context>
    <name>OperatorConsole</name>
    <message>
        <source>Registration</source>
        <translation>Registration</translation>
    </message>
    <message>
        <source>Transfer (editing)</source>
        <translation>Transfer (editing)</translation>
    </message>
    <message>
        <source>Blocking</source>
        <translation>Blocking</translation>
    </message>
    <message>
        <source>valid: intact, trusted, in force</source>
        <translation>valid: intact, trusted, in force</translation>
    </message>
    <message>
        <source>invalid: changed after signing or broken</source>
        <translation>invalid: changed after signing or broken</translation>
    </message>
    <message>
        <source>the certificate is not from a trusted CA</source>
        <translation>the certificate is not from a trusted CA</translation>
    </message>
    <message>
        <source>the certificate is revoked</source>
        <translation>the certificate is revoked</translation>
    </message>
    <message>
        <source>the certificate has expired</source>
        <translation>the certificate has expired</translation>
    </message>
    <message>
        <source>a signature of an unsupported kind</source>
        <translation>a signature of an unsupported kind</translation>
    </message>
    <message>
        <source>{h} h {m:02d} min</source>
        <translation>{h} h {m:02d} min</translation>
    </message>
    <message>
        <source>overdue by {span}</source>
        <translation>overdue by {span}</translation>
    </message>
    <message>
        <source>{span} left</source>
        <translation>{span} left</translation>
    </message>
    <message>
        <source>Opening the application and checking its signatures…</source>
        <translation>Opening the application and checking its signatures…</translation>
    </message>
    <message>
        <source>Open an application to see its documents.</source>
        <translation>Open an application to see its documents.</translation>
    </message>
    <message>
        <source>Application № {id}: {action}, {name} (IIN {iin}), {org}</source>
        <translation>Application № {id}: {action}, {name} (IIN {iin}), {org}</translation>
    </message>
    <message>
        <source>Signed PDF checked on this desk: {v}</source>
        <translation>Signed PDF checked on this desk: {v}</translation>
    </message>
    <message>
        <source>Signature of {who} (IIN {iin}) at {when}: {v}{cover}</source>
        <translation>Signature of {who} (IIN {iin}) at {when}: {v}{cover}</translation>
    </message>
    <message>
        <source>; does not cover the whole file</source>
        <translation>; does not cover the whole file</translation>
    </message>
    <message>
        <source>Scans of the paper copy: {n}</source>
        <translation>Scans of the paper copy: {n}</translation>
    </message>
    <message>
        <source>Refuse the application</source>
        <translation>Refuse the application</translation>
    </message>
    <message>
        <source>The reason (the applicant reads it; it is signed with your EDS):</source>
        <translation>The reason (the applicant reads it; it is signed with your EDS):</translation>
    </message>
    <message>
        <source>A refusal states its reason.</source>
        <translation>A refusal states its reason.</translation>
    </message>
    <message>
        <source>Signing the decision on your token…</source>
        <translation>Signing the decision on your token…</translation>
    </message>
    <message>
        <source>Application № {id} registered.</source>
        <translation>Application № {id} registered.</translation>
    </message>
    <message>
        <source>Application № {id} refused; the applicant will see the reason.</source>
        <translation>Application № {id} refused; the applicant will see the reason.</translation>
    </message>
    <message>
        <source>Incoming applications</source>
        <translation>Incoming applications</translation>
    </message>
    <message>
        <source>№</source>
        <translation>№</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>IIN</source>
        <translation>IIN</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>Application</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Decision due (one day)</source>
        <translation>Decision due (one day)</translation>
    </message>
    <message>
        <source>No application awaits a decision.</source>
        <translation>No application awaits a decision.</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Open signed PDF</source>
        <translation>Open signed PDF</translation>
    </message>
    <message>
        <source>Open scan</source>
        <translation>Open scan</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Register</translation>
    </message>
    <message>
        <source>Refuse…</source>
        <translation>Refuse…</translation>
    </message>
    <message>
        <source>Seal and export the journal…</source>
        <translation>Seal and export the journal…</translation>
    </message>
    <message>
        <source>Applications</source>
        <translation>Applications</translation>
    </message>
</context>
<context>
    <name>OperatorEmergency</name>
    <message>
        <source>Fill in every field.</source>
        <translation>Fill in every field.</translation>
    </message>
    <message>
        <source>No works are announced.</source>
        <translation>No works are announced.</translation>
    </message>
    <message>
        <source>{n} min</source>
        <translation>{n} min</translation>
    </message>
    <message>
        <source>open</source>
        <translation>open</translation>
    </message>
    <message>
        <source>Open an emergency journal entry</source>
        <translation>Open an emergency journal entry</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>Section</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Actions</translation>
    </message>
    <message>
        <source>Required time, maximum (min)</source>
        <translation>Required time, maximum (min)</translation>
    </message>
    <message>
        <source>Responsible person</source>
        <translation>Responsible person</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Started</translation>
    </message>
    <message>
        <source>Close entry № {no}</source>
        <translation>Close entry № {no}</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Ended</translation>
    </message>
    <message>
        <source>Actions taken (optional)</source>
        <translation>Actions taken (optional)</translation>
    </message>
    <message>
        <source>Announce planned technical works</source>
        <translation>Announce planned technical works</translation>
    </message>
    <message>
        <source>Text in Kazakh</source>
        <translation>Text in Kazakh</translation>
    </message>
    <message>
        <source>Text in Russian</source>
        <translation>Text in Russian</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>Starts</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>Ends</translation>
    </message>
    <message>
        <source>Signing on your token…</source>
        <translation>Signing on your token…</translation>
    </message>
    <message>
        <source>Signed and journaled (entry {seq}).</source>
        <translation>Signed and journaled (entry {seq}).</translation>
    </message>
    <message>
        <source>Emergency journal</source>
        <translation>Emergency journal</translation>
    </message>
    <message>
        <source>Announced technical works</source>
        <translation>Announced technical works</translation>
    </message>
    <message>
        <source>№</source>
        <translation>№</translation>
    </message>
    <message>
        <source>Maximum time</source>
        <translation>Maximum time</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>Responsible</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>End</source>
        <translation>End</translation>
    </message>
    <message>
        <source>Open an entry…</source>
        <translation>Open an entry…</translation>
    </message>
    <message>
        <source>Close the entry…</source>
        <translation>Close the entry…</translation>
    </message>
    <message>
        <source>Announce works…</source>
        <translation>Announce works…</translation>
    </message>
</context>
<context>
    <name>OperatorJournal</name>
    <message>
        <source>Folder for the journal archive</source>
        <translation>Folder for the journal archive</translation>
    </message>
    <message>
        <source>{n} KB</source>
        <translation>{n} KB</translation>
    </message>
    <message>
        <source>{n} MB</source>
        <translation>{n} MB</translation>
    </message>
    <message>
        <source>Signing on your token; the gateway seals the journal…</source>
        <translation>Signing on your token; the gateway seals the journal…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <source>Receiving the archive: {got} of {all}</source>
        <translation>Receiving the archive: {got} of {all}</translation>
    </message>
    <message>
        <source>Receiving the archive: {got}</source>
        <translation>Receiving the archive: {got}</translation>
    </message>
    <message>
        <source>Saved in {path} ({size}).</source>
        <translation>Saved in {path} ({size}).</translation>
    </message>
    <message>
        <source>{where} It could not be verified on this workstation: {problem}</source>
        <translation>{where} It could not be verified on this workstation: {problem}</translation>
    </message>
    <message>
        <source>The journal is sealed and the archive is intact: {entries} entries in {segments} sealed segments check out against the operator key this desk trusts; your export is entry № {seq}. {where}</source>
        <translation>The journal is sealed and the archive is intact: {entries} entries in {segments} sealed segments check out against the operator key this desk trusts; your export is entry № {seq}. {where}</translation>
    </message>
    <message>
        <source>THE ARCHIVE DOES NOT VERIFY at journal entry № {seq}: {entries} entries before it check out. Report this to the security administrator. {where}</source>
        <translation>THE ARCHIVE DOES NOT VERIFY at journal entry № {seq}: {entries} entries before it check out. Report this to the security administrator. {where}</translation>
    </message>
    <message>
        <source>The archive does not verify: {reason}. {where}</source>
        <translation>The archive does not verify: {reason}. {where}</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Seal and export the journal</source>
        <translation>Seal and export the journal</translation>
    </message>
    <message>
        <source>The gateway seals the journal&apos;s open segment with the operator&apos;s key and sends the whole journal as an archive; this desk saves it in a new folder inside the folder you choose and verifies it. The request is signed with your EDS on the token and journaled before the seal, so the archive shows who took it.</source>
        <translation>The gateway seals the journal&apos;s open segment with the operator&apos;s key and sends the whole journal as an archive; this desk saves it in a new folder inside the folder you choose and verifies it. The request is signed with your EDS on the token and journaled before the seal, so the archive shows who took it.</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>&amp;Folder:</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>C&amp;hoose…</translation>
    </message>
    <message>
        <source>I understand: a sealed segment is permanent — it cannot be reopened, changed or deleted</source>
        <translation>I understand: a sealed segment is permanent — it cannot be reopened, changed or deleted</translation>
    </message>
    <message>
        <source>&amp;Seal and export</source>
        <translation>&amp;Seal and export</translation>
    </message>
    <message>
        <source>Open in the &amp;archive viewer</source>
        <translation>Open in the &amp;archive viewer</translation>
    </message>
</context>
<context>
    <name>OperatorUsers</name>
    <message>
        <source>suspended until {date}</source>
        <translation>suspended until {date}</translation>
    </message>
    <message>
        <source>active</source>
        <translation>active</translation>
    </message>
    <message>
        <source>blocked</source>
        <translation>blocked</translation>
    </message>
    <message>
        <source>access closed</source>
        <translation>access closed</translation>
    </message>
    <message>
        <source>account deleted</source>
        <translation>account deleted</translation>
    </message>
    <message>
        <source>analyst</source>
        <translation>analyst</translation>
    </message>
    <message>
        <source>departmental controller</source>
        <translation>departmental controller</translation>
    </message>
    <message>
        <source>operator</source>
        <translation>operator</translation>
    </message>
    <message>
        <source>no self-check received</source>
        <translation>no self-check received</translation>
    </message>
    <message>
        <source>{when}: all checks passed</source>
        <translation>{when}: all checks passed</translation>
    </message>
    <message>
        <source>{when}: {n} checks not passed</source>
        <translation>{when}: {n} checks not passed</translation>
    </message>
    <message>
        <source>met</source>
        <translation>met</translation>
    </message>
    <message>
        <source>Access returns on</source>
        <translation>Access returns on</translation>
    </message>
    <message>
        <source>Reason (the user reads it; signed with your EDS)</source>
        <translation>Reason (the user reads it; signed with your EDS)</translation>
    </message>
    <message>
        <source>State the reason.</source>
        <translation>State the reason.</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Reason (kept in the journal; signed with your EDS)</source>
        <translation>Reason (kept in the journal; signed with your EDS)</translation>
    </message>
    <message>
        <source>Fill in the position and the organisation.</source>
        <translation>Fill in the position and the organisation.</translation>
    </message>
    <message>
        <source>Signing on your token…</source>
        <translation>Signing on your token…</translation>
    </message>
    <message>
        <source>Saved for {name}; it is in the journal, and the user sees it at their next sign-in.</source>
        <translation>Saved for {name}; it is in the journal, and the user sees it at their next sign-in.</translation>
    </message>
    <message>
        <source>Done for {name}; it is in the journal and the user is told why.</source>
        <translation>Done for {name}; it is in the journal and the user is told why.</translation>
    </message>
    <message>
        <source>Edit {name}</source>
        <translation>Edit {name}</translation>
    </message>
    <message>
        <source>Block {name}</source>
        <translation>Block {name}</translation>
    </message>
    <message>
        <source>Unblock {name}</source>
        <translation>Unblock {name}</translation>
    </message>
    <message>
        <source>Suspend access of {name}</source>
        <translation>Suspend access of {name}</translation>
    </message>
    <message>
        <source>Close access of {name}</source>
        <translation>Close access of {name}</translation>
    </message>
    <message>
        <source>Delete the account of {name}</source>
        <translation>Delete the account of {name}</translation>
    </message>
    <message>
        <source>The user will have to apply for registration anew. Delete?</source>
        <translation>The user will have to apply for registration anew. Delete?</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Users</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>IIN</source>
        <translation>IIN</translation>
    </message>
    <message>
        <source>Whether the newest complete self-check of the user&apos;s workstation meets the gateway&apos;s access policy now: passed, and not too old (paragraph 4 of the Rules, Appendix 3)</source>
        <translation>Whether the newest complete self-check of the user&apos;s workstation meets the gateway&apos;s access policy now: passed, and not too old (paragraph 4 of the Rules, Appendix 3)</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>none complete</source>
        <translation>none complete</translation>
    </message>
    <message>
        <source>checks failed</source>
        <translation>checks failed</translation>
    </message>
    <message>
        <source>undetermined</source>
        <translation>undetermined</translation>
    </message>
    <message>
        <source>too old</source>
        <translation>too old</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Access policy</source>
        <translation>Access policy</translation>
    </message>
    <message>
        <source>Workstation self-check</source>
        <translation>Workstation self-check</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Block…</source>
        <translation>Block…</translation>
    </message>
    <message>
        <source>Unblock…</source>
        <translation>Unblock…</translation>
    </message>
    <message>
        <source>Suspend…</source>
        <translation>Suspend…</translation>
    </message>
    <message>
        <source>Close access…</source>
        <translation>Close access…</translation>
    </message>
    <message>
        <source>Delete account…</source>
        <translation>Delete account…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
</context>
<context>
    <name>OutageNotice</name>
    <message>
        <source>Notice to the operator</source>
        <translation>Notice to the operator</translation>
    </message>
    <message>
        <source>Tell the operator at once by phone and e-mail. Check the text, add what you saw, then copy it into an e-mail or print it.</source>
        <translation>Tell the operator at once by phone and e-mail. Check the text, add what you saw, then copy it into an e-mail or print it.</translation>
    </message>
    <message>
        <source>Text of the notice</source>
        <translation>Text of the notice</translation>
    </message>
    <message>
        <source>Operator&apos;s contacts</source>
        <translation>Operator&apos;s contacts</translation>
    </message>
    <message>
        <source>&amp;Copy text</source>
        <translation>&amp;Copy text</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <source>The text is copied: paste it into an e-mail.</source>
        <translation>The text is copied: paste it into an e-mail.</translation>
    </message>
    <message>
        <source>Printing failed: check the printer.</source>
        <translation>Printing failed: check the printer.</translation>
    </message>
    <message>
        <source>The notice is sent to the printer.</source>
        <translation>The notice is sent to the printer.</translation>
    </message>
</context>
<context>
    <name>Pin</name>
    <message>
        <source>Final try: one more wrong PIN locks the token.</source>
        <translation>Final try: one more wrong PIN locks the token.</translation>
    </message>
    <message>
        <source>Wrong PIN entered before: few attempts remain. Type it carefully.</source>
        <translation>Wrong PIN entered before: few attempts remain. Type it carefully.</translation>
    </message>
    <message>
        <source>Attempts left: {n}</source>
        <translation>Attempts left: {n}</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <source>Type the PIN of your token.</source>
        <translation>Type the PIN of your token.</translation>
    </message>
    <message>
        <source>Sign in with your EDS</source>
        <translation>Sign in with your EDS</translation>
    </message>
    <message>
        <source>&amp;PIN:</source>
        <translation>&amp;PIN:</translation>
    </message>
    <message>
        <source>token PIN (hidden)</source>
        <translation>token PIN (hidden)</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>QueryPage</name>
    <message>
        <source>Checking the form…</source>
        <translation>Checking the form…</translation>
    </message>
    <message>
        <source>To send, complete: {fields}</source>
        <translation>To send, complete: {fields}</translation>
    </message>
    <message>
        <source>Signing and sending the query…</source>
        <translation>Signing and sending the query…</translation>
    </message>
    <message>
        <source>Downtime of this resource</source>
        <translation>Downtime of this resource</translation>
    </message>
    <message>
        <source>Prepare a notice to the operator…</source>
        <translation>Prepare a notice to the operator…</translation>
    </message>
    <message>
        <source>No resource is chosen: find one above.</source>
        <translation>No resource is chosen: find one above.</translation>
    </message>
    <message>
        <source>Search parameters</source>
        <translation>Search parameters</translation>
    </message>
    <message>
        <source>Search by</source>
        <translation>Search by</translation>
    </message>
    <message>
        <source>12 digits</source>
        <translation>12 digits</translation>
    </message>
    <message>
        <source>Basis of the query (required, paragraph 3 of the Rules)</source>
        <translation>Basis of the query (required, paragraph 3 of the Rules)</translation>
    </message>
    <message>
        <source>&amp;Case / material №:</source>
        <translation>&amp;Case / material №:</translation>
    </message>
    <message>
        <source>&amp;Legal ground:</source>
        <translation>&amp;Legal ground:</translation>
    </message>
    <message>
        <source>&amp;Purpose:</source>
        <translation>&amp;Purpose:</translation>
    </message>
    <message>
        <source>e.g. 2025-0142</source>
        <translation>e.g. 2025-0142</translation>
    </message>
    <message>
        <source>What the result will be used for; it may be used only for this purpose.</source>
        <translation>What the result will be used for; it may be used only for this purpose.</translation>
    </message>
    <message>
        <source>&amp;Send signed query</source>
        <translation>&amp;Send signed query</translation>
    </message>
    <message>
        <source>Signs the query with your EDS and sends it (Ctrl+Enter)</source>
        <translation>Signs the query with your EDS and sends it (Ctrl+Enter)</translation>
    </message>
</context>
<context>
    <name>Reports</name>
    <message>
        <source>&amp;Reports…</source>
        <translation>&amp;Reports…</translation>
    </message>
    <message>
        <source>no disposition past the retention time</source>
        <translation>no disposition past the retention time</translation>
    </message>
    <message>
        <source>attached to other material</source>
        <translation>attached to other material</translation>
    </message>
    <message>
        <source>outside working hours</source>
        <translation>outside working hours</translation>
    </message>
    <message>
        <source>bulk requests</source>
        <translation>bulk requests</translation>
    </message>
    <message>
        <source>one subject asked by many users</source>
        <translation>one subject asked by many users</translation>
    </message>
    <message>
        <source>own IIN looked up</source>
        <translation>own IIN looked up</translation>
    </message>
    <message>
        <source>attached (printed)</source>
        <translation>attached (printed)</translation>
    </message>
    <message>
        <source>attached (exported)</source>
        <translation>attached (exported)</translation>
    </message>
    <message>
        <source>attached (printed and exported)</source>
        <translation>attached (printed and exported)</translation>
    </message>
    <message>
        <source>destroyed unattached</source>
        <translation>destroyed unattached</translation>
    </message>
    <message>
        <source>nothing done yet</source>
        <translation>nothing done yet</translation>
    </message>
    <message>
        <source>nothing done, retention passed</source>
        <translation>nothing done, retention passed</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>refused</translation>
    </message>
    <message>
        <source>nothing done (pending or overdue)</source>
        <translation>nothing done (pending or overdue)</translation>
    </message>
    <message>
        <source>query, answered</source>
        <translation>query, answered</translation>
    </message>
    <message>
        <source>query, refused</source>
        <translation>query, refused</translation>
    </message>
    <message>
        <source>what became of the result, signed by the user</source>
        <translation>what became of the result, signed by the user</translation>
    </message>
    <message>
        <source>signature valid</source>
        <translation>signature valid</translation>
    </message>
    <message>
        <source>SIGNATURE INVALID</source>
        <translation>SIGNATURE INVALID</translation>
    </message>
    <message>
        <source>no signature of the user (journal chain only)</source>
        <translation>no signature of the user (journal chain only)</translation>
    </message>
    <message>
        <source>The period&apos;s first day is after its last.</source>
        <translation>The period&apos;s first day is after its last.</translation>
    </message>
    <message>
        <source>More than 30 days have passed since the last review of the reports ({when}). Departmental control reviews them at least monthly (paragraph 21 of the Rules): review the period and record the review.</source>
        <translation>More than 30 days have passed since the last review of the reports ({when}). Departmental control reviews them at least monthly (paragraph 21 of the Rules): review the period and record the review.</translation>
    </message>
    <message>
        <source>The reports have never been reviewed. Departmental control reviews them at least monthly (paragraph 21 of the Rules): review the period and record the review.</source>
        <translation>The reports have never been reviewed. Departmental control reviews them at least monthly (paragraph 21 of the Rules): review the period and record the review.</translation>
    </message>
    <message>
        <source>All users</source>
        <translation>All users</translation>
    </message>
    <message>
        <source>All resources</source>
        <translation>All resources</translation>
    </message>
    <message>
        <source>Any disposition</source>
        <translation>Any disposition</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>answered</translation>
    </message>
    <message>
        <source>{first} – {last}: {requests} requests ({answered} answered, {refused} refused); shown {shown}; anomalies {anomalies}; results with nothing done {none}</source>
        <translation>{first} – {last}: {requests} requests ({answered} answered, {refused} refused); shown {shown}; anomalies {anomalies}; results with nothing done {none}</translation>
    </message>
    <message>
        <source>Journal entry</source>
        <translation>Journal entry</translation>
    </message>
    <message>
        <source>Time (Astana)</source>
        <translation>Time (Astana)</translation>
    </message>
    <message>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>Resource</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>Case number</translation>
    </message>
    <message>
        <source>Legal ground</source>
        <translation>Legal ground</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parameters</translation>
    </message>
    <message>
        <source>What became of the result</source>
        <translation>What became of the result</translation>
    </message>
    <message>
        <source>Anomalies</source>
        <translation>Anomalies</translation>
    </message>
    <message>
        <source>Reading the journal entries…</source>
        <translation>Reading the journal entries…</translation>
    </message>
    <message>
        <source>Journal entries</source>
        <translation>Journal entries</translation>
    </message>
    <message>
        <source>Answer hash</source>
        <translation>Answer hash</translation>
    </message>
    <message>
        <source>chain intact</source>
        <translation>chain intact</translation>
    </message>
    <message>
        <source>CHAIN BROKEN</source>
        <translation>CHAIN BROKEN</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>Export CSV</translation>
    </message>
    <message>
        <source>The file could not be written: {detail}</source>
        <translation>The file could not be written: {detail}</translation>
    </message>
    <message>
        <source>Export signed PDF</source>
        <translation>Export signed PDF</translation>
    </message>
    <message>
        <source>Reports: requests of the agency&apos;s users</source>
        <translation>Reports: requests of the agency&apos;s users</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Report SHA-256</source>
        <translation>Report SHA-256</translation>
    </message>
    <message>
        <source>Requests shown</source>
        <translation>Requests shown</translation>
    </message>
    <message>
        <source>No requests.</source>
        <translation>No requests.</translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>Page {page} of {pages}</translation>
    </message>
    <message>
        <source>SHA-256 of the report reviewed</source>
        <translation>SHA-256 of the report reviewed</translation>
    </message>
    <message>
        <source>Departmental control (paragraph 21 of the Rules).</source>
        <translation>Departmental control (paragraph 21 of the Rules).</translation>
    </message>
    <message>
        <source>Record the review</source>
        <translation>Record the review</translation>
    </message>
    <message>
        <source>Your review of {first} – {last}, signed with your EDS and kept in the journal. Findings (optional):</source>
        <translation>Your review of {first} – {last}, signed with your EDS and kept in the journal. Findings (optional):</translation>
    </message>
    <message>
        <source>Block now</source>
        <translation>Block now</translation>
    </message>
    <message>
        <source>Block {who} at once (paragraph 17 of the Rules). The user&apos;s session ends and they are told this reason. Reason:</source>
        <translation>Block {who} at once (paragraph 17 of the Rules). The user&apos;s session ends and they are told this reason. Reason:</translation>
    </message>
    <message>
        <source>{who} is blocked. Every further request of theirs is refused with the reason.</source>
        <translation>{who} is blocked. Every further request of theirs is refused with the reason.</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>to</source>
        <translation>to</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>Case number, legal ground or purpose contains…</source>
        <translation>Case number, legal ground or purpose contains…</translation>
    </message>
    <message>
        <source>Anomalies only</source>
        <translation>Anomalies only</translation>
    </message>
    <message>
        <source>№</source>
        <translation>№</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <source>Export signed PDF…</source>
        <translation>Export signed PDF…</translation>
    </message>
    <message>
        <source>Record the review…</source>
        <translation>Record the review…</translation>
    </message>
    <message>
        <source>Block now…</source>
        <translation>Block now…</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Reports</translation>
    </message>
</context>
<context>
    <name>ResourceFinder</name>
    <message>
        <source>&amp;Find a resource:</source>
        <translation>&amp;Find a resource:</translation>
    </message>
    <message>
        <source>Number or name, e.g. 19 or photo (Ctrl+F)</source>
        <translation>Number or name, e.g. 19 or photo (Ctrl+F)</translation>
    </message>
    <message>
        <source>Find a resource</source>
        <translation>Find a resource</translation>
    </message>
    <message>
        <source>Type a number or words of the name in Kazakh, Russian or English; arrows move through the list, Enter picks.</source>
        <translation>Type a number or words of the name in Kazakh, Russian or English; arrows move through the list, Enter picks.</translation>
    </message>
    <message>
        <source>Resources found</source>
        <translation>Resources found</translation>
    </message>
    <message>
        <source>No resource has this number or name. Clear the box to see them all.</source>
        <translation>No resource has this number or name. Clear the box to see them all.</translation>
    </message>
</context>
<context>
    <name>ResultView</name>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>No query sent yet. Results are kept in memory only.</source>
        <translation>No query sent yet. Results are kept in memory only.</translation>
    </message>
    <message>
        <source>No records found</source>
        <translation>No records found</translation>
    </message>
    <message>
        <source>This service answers in part: amounts are not returned.</source>
        <translation>This service answers in part: amounts are not returned.</translation>
    </message>
    <message>
        <source>Records: {n}</source>
        <translation>Records: {n}</translation>
    </message>
    <message>
        <source>Shown: {shown} of {n}</source>
        <translation>Shown: {shown} of {n}</translation>
    </message>
    <message>
        <source>Select a record to see all of its fields.</source>
        <translation>Select a record to see all of its fields.</translation>
    </message>
    <message>
        <source>Record {n} of {total}</source>
        <translation>Record {n} of {total}</translation>
    </message>
    <message>
        <source>The photo could not be shown.</source>
        <translation>The photo could not be shown.</translation>
    </message>
    <message>
        <source>Photo: {name}</source>
        <translation>Photo: {name}</translation>
    </message>
    <message>
        <source>Copied. The clipboard will be emptied in {n} s.</source>
        <translation>Copied. The clipboard will be emptied in {n} s.</translation>
    </message>
    <message>
        <source>Copied.</source>
        <translation>Copied.</translation>
    </message>
    <message>
        <source>Copying is turned off by your administrator: the information obtained is confidential (paragraph 19 of the Rules).</source>
        <translation>Copying is turned off by your administrator: the information obtained is confidential (paragraph 19 of the Rules).</translation>
    </message>
    <message>
        <source>&amp;Copy value</source>
        <translation>&amp;Copy value</translation>
    </message>
    <message>
        <source>&amp;Filter:</source>
        <translation>&amp;Filter:</translation>
    </message>
    <message>
        <source>Words to find in any column (Ctrl+F)</source>
        <translation>Words to find in any column (Ctrl+F)</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Records</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>Links</translation>
    </message>
    <message>
        <source>Click a person or a company, or reach it with Tab and press Enter, to query it with the same basis.</source>
        <translation>Click a person or a company, or reach it with Tab and press Enter, to query it with the same basis.</translation>
    </message>
    <message>
        <source>&amp;Attach…</source>
        <translation>&amp;Attach…</translation>
    </message>
    <message>
        <source>Print and/or export a signed printout of this result into the case material; then the copy on this computer is destroyed (Ctrl+Shift+A).</source>
        <translation>Print and/or export a signed printout of this result into the case material; then the copy on this computer is destroyed (Ctrl+Shift+A).</translation>
    </message>
    <message>
        <source>Operator&apos;s signature verified · bound to your request · journal № {seq} · {issued_at}</source>
        <translation>Operator&apos;s signature verified · bound to your request · journal № {seq} · {issued_at}</translation>
    </message>
    <message>
        <source>(Astana time)</source>
        <translation>(Astana time)</translation>
    </message>
    <message>
        <source>The operator&apos;s signature was NOT verified</source>
        <translation>The operator&apos;s signature was NOT verified</translation>
    </message>
</context>
<context>
    <name>SelfcheckPage</name>
    <message>
        <source>&amp;Print to PDF…</source>
        <translation>&amp;Print to PDF…</translation>
    </message>
    <message>
        <source>&amp;Re-run</source>
        <translation>&amp;Re-run</translation>
    </message>
    <message>
        <source>&amp;Run the check</source>
        <translation>&amp;Run the check</translation>
    </message>
    <message>
        <source>The check could not run: {detail}</source>
        <translation>The check could not run: {detail}</translation>
    </message>
    <message>
        <source>Save the report as PDF</source>
        <translation>Save the report as PDF</translation>
    </message>
    <message>
        <source>Could not write {path}: {detail}</source>
        <translation>Could not write {path}: {detail}</translation>
    </message>
    <message>
        <source>Saved: {path}</source>
        <translation>Saved: {path}</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <source>Reading the token…</source>
        <translation>Reading the token…</translation>
    </message>
    <message>
        <source>Sandbox: not enforced.</source>
        <translation>Sandbox: not enforced.</translation>
    </message>
    <message>
        <source>Checking the workstation…</source>
        <translation>Checking the workstation…</translation>
    </message>
    <message>
        <source>This workstation does not meet the rules, so signing in is disabled and SIO Desk may not be used for queries. Fix the following and run the check again:</source>
        <translation>This workstation does not meet the rules, so signing in is disabled and SIO Desk may not be used for queries. Fix the following and run the check again:</translation>
    </message>
    <message>
        <source>The workstation check found problems. You may sign in; tell your administrator:</source>
        <translation>The workstation check found problems. You may sign in; tell your administrator:</translation>
    </message>
    <message>
        <source>The check could not run: {detail}</source>
        <translation>The check could not run: {detail}</translation>
    </message>
    <message>
        <source>The workstation check passed.</source>
        <translation>The workstation check passed.</translation>
    </message>
    <message>
        <source>Sign in with your NCA EDS</source>
        <translation>Sign in with your NCA EDS</translation>
    </message>
    <message>
        <source>Insert your token. Its PIN state is shown below before you type the PIN; every query you send is signed with this token.</source>
        <translation>Insert your token. Its PIN state is shown below before you type the PIN; every query you send is signed with this token.</translation>
    </message>
    <message>
        <source>&amp;Sign in…</source>
        <translation>&amp;Sign in…</translation>
    </message>
    <message>
        <source>&amp;Read the token again</source>
        <translation>&amp;Read the token again</translation>
    </message>
    <message>
        <source>Open &amp;diagnostics…</source>
        <translation>Open &amp;diagnostics…</translation>
    </message>
</context>
<context>
    <name>Token</name>
    <message>
        <source>Token: {label}</source>
        <translation>Token: {label}</translation>
    </message>
    <message>
        <source>{details}, serial {serial}</source>
        <translation>{details}, serial {serial}</translation>
    </message>
    <message>
        <source>a key file, allowed only in the sandbox</source>
        <translation>a key file, allowed only in the sandbox</translation>
    </message>
</context>
<context>
    <name>application_form</name>
    <message>
        <source>Electronic application for access to the information exchange system of law enforcement, special state and other bodies</source>
        <translation>Electronic application for access to the information exchange system of law enforcement, special state and other bodies</translation>
    </message>
    <message>
        <source>To perform my official duties, I ask that access to the SIO be arranged with the parameters below:</source>
        <translation>To perform my official duties, I ask that access to the SIO be arranged with the parameters below:</translation>
    </message>
    <message>
        <source>SANDBOX: not a real application</source>
        <translation>SANDBOX: not a real application</translation>
    </message>
    <message>
        <source>Surname, name, patronymic (if any) (in full)</source>
        <translation>Surname, name, patronymic (if any) (in full)</translation>
    </message>
    <message>
        <source>Individual identification number (IIN)</source>
        <translation>Individual identification number (IIN)</translation>
    </message>
    <message>
        <source>The applicant&apos;s place of work</source>
        <translation>The applicant&apos;s place of work</translation>
    </message>
    <message>
        <source>Name of the organisation</source>
        <translation>Name of the organisation</translation>
    </message>
    <message>
        <source>The organisation&apos;s code in the Unified Register of Pre-trial Investigations</source>
        <translation>The organisation&apos;s code in the Unified Register of Pre-trial Investigations</translation>
    </message>
    <message>
        <source>The organisation&apos;s BIN</source>
        <translation>The organisation&apos;s BIN</translation>
    </message>
    <message>
        <source>Structural unit</source>
        <translation>Structural unit</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>The applicant&apos;s contact details</source>
        <translation>The applicant&apos;s contact details</translation>
    </message>
    <message>
        <source>Work phone</source>
        <translation>Work phone</translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation>Mobile phone</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Work address</source>
        <translation>Work address</translation>
    </message>
    <message>
        <source>Kind of action</source>
        <translation>Kind of action</translation>
    </message>
    <message>
        <source>Registration</source>
        <translation>Registration</translation>
    </message>
    <message>
        <source>Transfer (editing)</source>
        <translation>Transfer (editing)</translation>
    </message>
    <message>
        <source>Blocking</source>
        <translation>Blocking</translation>
    </message>
    <message>
        <source>Reason for blocking</source>
        <translation>Reason for blocking</translation>
    </message>
    <message>
        <source>The head&apos;s order appointing the official in charge of departmental control</source>
        <translation>The head&apos;s order appointing the official in charge of departmental control</translation>
    </message>
    <message>
        <source>Date the appointment order was signed (Astana time)</source>
        <translation>Date the appointment order was signed (Astana time)</translation>
    </message>
    <message>
        <source>I confirm</source>
        <translation>I confirm</translation>
    </message>
    <message>
        <source>I have read the agreement on rights of use of the SIO and agree to it.</source>
        <translation>I have read the agreement on rights of use of the SIO and agree to it.</translation>
    </message>
    <message>
        <source>I confirm that I hold an electronic digital signature on a protected carrier.</source>
        <translation>I confirm that I hold an electronic digital signature on a protected carrier.</translation>
    </message>
    <message>
        <source>I allow my personal data to be passed on for registration in the SIO.</source>
        <translation>I allow my personal data to be passed on for registration in the SIO.</translation>
    </message>
    <message>
        <source>Signatures</source>
        <translation>Signatures</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>The applicant&apos;s signature</source>
        <translation>The applicant&apos;s signature</translation>
    </message>
    <message>
        <source>The applicant&apos;s head: position, full name (if any)</source>
        <translation>The applicant&apos;s head: position, full name (if any)</translation>
    </message>
    <message>
        <source>The head&apos;s signature / seal</source>
        <translation>The head&apos;s signature / seal</translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>Page {page} of {pages}</translation>
    </message>
    <message>
        <source>QR: hash of the application form (SHA-256)</source>
        <translation>QR: hash of the application form (SHA-256)</translation>
    </message>
    <message>
        <source>A copy signed by hand and stamped is scanned and attached to the electronic application (paragraph 5 of the Rules).</source>
        <translation>A copy signed by hand and stamped is scanned and attached to the electronic application (paragraph 5 of the Rules).</translation>
    </message>
    <message>
        <source>Blocking my own account because of an absence from the workplace of more than two months: from {first} to {last}</source>
        <translation>Blocking my own account because of an absence from the workplace of more than two months: from {first} to {last}</translation>
    </message>
</context>
<context>
    <name>certcli</name>
    <message>
        <source>VALID</source>
        <translation>VALID</translation>
    </message>
    <message>
        <source>INVALID</source>
        <translation>INVALID</translation>
    </message>
    <message>
        <source>UNTRUSTED</source>
        <translation>UNTRUSTED</translation>
    </message>
    <message>
        <source>REVOKED</source>
        <translation>REVOKED</translation>
    </message>
    <message>
        <source>EXPIRED</source>
        <translation>EXPIRED</translation>
    </message>
    <message>
        <source>UNSUPPORTED</source>
        <translation>UNSUPPORTED</translation>
    </message>
    <message>
        <source>REVOCATION STATUS UNKNOWN</source>
        <translation>REVOCATION STATUS UNKNOWN</translation>
    </message>
</context>
<context>
    <name>downtime</name>
    <message>
        <source>Planned technical works until {ends}: {title}. The query will be refused; send it when they are over.</source>
        <translation>Planned technical works until {ends}: {title}. The query will be refused; send it when they are over.</translation>
    </message>
    <message>
        <source>Planned technical works from {starts} until {ends}: {title}.</source>
        <translation>Planned technical works from {starts} until {ends}: {title}.</translation>
    </message>
    <message>
        <source>An emergency (since {starts}): the resource is unavailable. Try again later.</source>
        <translation>An emergency (since {starts}): the resource is unavailable. Try again later.</translation>
    </message>
    <message>
        <source> Access has been delayed for more than an hour: tell the system operator at once.</source>
        <translation> Access has been delayed for more than an hour: tell the system operator at once.</translation>
    </message>
    <message>
        <source>To the operator of the information exchange system.

Under paragraph 15 of the 2017 Rules I report that access to the resource &quot;{resource}&quot; has been delayed for more than an hour: it has been unavailable since {since} (Astana time).

What I saw: {seen}

{name}, {organization}
{now} (Astana time)</source>
        <translation>To the operator of the information exchange system.

Under paragraph 15 of the 2017 Rules I report that access to the resource &quot;{resource}&quot; has been delayed for more than an hour: it has been unavailable since {since} (Astana time).

What I saw: {seen}

{name}, {organization}
{now} (Astana time)</translation>
    </message>
    <message>
        <source>the emergency journal shows an open emergency since {starts}.</source>
        <translation>the emergency journal shows an open emergency since {starts}.</translation>
    </message>
    <message>
        <source>{count} attempts to send a query failed between {first} and {last}.</source>
        <translation>{count} attempts to send a query failed between {first} and {last}.</translation>
    </message>
    <message>
        <source>Phone: {phones}</source>
        <translation>Phone: {phones}</translation>
    </message>
    <message>
        <source>E-mail: {email}</source>
        <translation>E-mail: {email}</translation>
    </message>
    <message>
        <source>The gateway has not published the operator&apos;s contacts: use the phones and e-mail on the operator&apos;s portal.</source>
        <translation>The gateway has not published the operator&apos;s contacts: use the phones and e-mail on the operator&apos;s portal.</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <source>Wrong PIN.{left}</source>
        <translation>Wrong PIN.{left}</translation>
    </message>
    <message>
        <source>The token is locked: the PIN was entered wrongly too many times. Unlock it with the PUK.</source>
        <translation>The token is locked: the PIN was entered wrongly too many times. Unlock it with the PUK.</translation>
    </message>
    <message>
        <source>No EDS token found. Insert the token and try again.</source>
        <translation>No EDS token found. Insert the token and try again.</translation>
    </message>
    <message>
        <source>Token error: {detail}</source>
        <translation>Token error: {detail}</translation>
    </message>
    <message>
        <source>The token holds no suitable key: {detail}</source>
        <translation>The token holds no suitable key: {detail}</translation>
    </message>
    <message>
        <source>A key stored on the file system may not be used to sign in (Appendix 5 to the Rules, paragraph 8). Use a protected token.</source>
        <translation>A key stored on the file system may not be used to sign in (Appendix 5 to the Rules, paragraph 8). Use a protected token.</translation>
    </message>
    <message>
        <source>The new PIN must differ from the old one.</source>
        <translation>The new PIN must differ from the old one.</translation>
    </message>
    <message>
        <source>The token does not accept the new PIN: {detail}</source>
        <translation>The token does not accept the new PIN: {detail}</translation>
    </message>
    <message>
        <source>A sandbox key file&apos;s password cannot be changed here; only a token&apos;s PIN can.</source>
        <translation>A sandbox key file&apos;s password cannot be changed here; only a token&apos;s PIN can.</translation>
    </message>
    <message>
        <source>Sign in with your EDS first.</source>
        <translation>Sign in with your EDS first.</translation>
    </message>
    <message>
        <source>Fill in the basis of the query: case/material number, legal ground and purpose (paragraph 3 of the Rules).</source>
        <translation>Fill in the basis of the query: case/material number, legal ground and purpose (paragraph 3 of the Rules).</translation>
    </message>
    <message>
        <source>Field “{field}” is invalid: {detail}</source>
        <translation>Field “{field}” is invalid: {detail}</translation>
    </message>
    <message>
        <source>Resource №{resource} is not available in this client yet.</source>
        <translation>Resource №{resource} is not available in this client yet.</translation>
    </message>
    <message>
        <source>The response&apos;s signature did not verify, so the result is not shown: {detail}</source>
        <translation>The response&apos;s signature did not verify, so the result is not shown: {detail}</translation>
    </message>
    <message>
        <source>The response does not belong to this request (hash mismatch); the result is not shown.</source>
        <translation>The response does not belong to this request (hash mismatch); the result is not shown.</translation>
    </message>
    <message>
        <source>Cannot reach the protected channel: {detail}</source>
        <translation>Cannot reach the protected channel: {detail}</translation>
    </message>
    <message>
        <source>The gateway&apos;s answer is larger than allowed and was not accepted: {detail}</source>
        <translation>The gateway&apos;s answer is larger than allowed and was not accepted: {detail}</translation>
    </message>
    <message>
        <source>Too many requests from this workstation. Wait a little and try again.</source>
        <translation>Too many requests from this workstation. Wait a little and try again.</translation>
    </message>
    <message>
        <source>No administrator policy file at {path}. The administrator sets the gateway, CA and token module there. To try the app: sio-desk demo</source>
        <translation>No administrator policy file at {path}. The administrator sets the gateway, CA and token module there. To try the app: sio-desk demo</translation>
    </message>
    <message>
        <source>The policy file is invalid ({path}): {detail}</source>
        <translation>The policy file is invalid ({path}): {detail}</translation>
    </message>
    <message>
        <source>Sign the agreement on rights of use with your EDS first.</source>
        <translation>Sign the agreement on rights of use with your EDS first.</translation>
    </message>
    <message>
        <source>On first entry the agreement must be signed with your EDS (paragraph 10 of the Rules).</source>
        <translation>On first entry the agreement must be signed with your EDS (paragraph 10 of the Rules).</translation>
    </message>
    <message>
        <source>A new version of the agreement is in force. Open the text again and sign it.</source>
        <translation>A new version of the agreement is in force. Open the text again and sign it.</translation>
    </message>
    <message>
        <source>This version of the agreement is already signed.</source>
        <translation>This version of the agreement is already signed.</translation>
    </message>
    <message>
        <source>The agreement text does not match its hash; it cannot be signed.</source>
        <translation>The agreement text does not match its hash; it cannot be signed.</translation>
    </message>
    <message>
        <source>Your access is blocked. Contact the system operator.</source>
        <translation>Your access is blocked. Contact the system operator.</translation>
    </message>
    <message>
        <source>Your account is blocked at your own request (absence from the workplace of more than two months). On your return, file a new electronic application for registration.</source>
        <translation>Your account is blocked at your own request (absence from the workplace of more than two months). On your return, file a new electronic application for registration.</translation>
    </message>
    <message>
        <source>You are not registered: file an electronic application for registration.</source>
        <translation>You are not registered: file an electronic application for registration.</translation>
    </message>
    <message>
        <source>The certificate&apos;s revocation status cannot be established (no current CRL or OCSP answer). Contact the system operator.</source>
        <translation>The certificate&apos;s revocation status cannot be established (no current CRL or OCSP answer). Contact the system operator.</translation>
    </message>
    <message>
        <source>Your sign-in certificate has been revoked and the session has ended. Sign in again with a valid certificate.</source>
        <translation>Your sign-in certificate has been revoked and the session has ended. Sign in again with a valid certificate.</translation>
    </message>
    <message>
        <source>A field of the application is invalid: {detail}</source>
        <translation>A field of the application is invalid: {detail}</translation>
    </message>
    <message>
        <source>The IIN fails its check digit.</source>
        <translation>The IIN fails its check digit.</translation>
    </message>
    <message>
        <source>The BIN fails its check digit.</source>
        <translation>The BIN fails its check digit.</translation>
    </message>
    <message>
        <source>Tick all three confirmations of the application.</source>
        <translation>Tick all three confirmations of the application.</translation>
    </message>
    <message>
        <source>State the reason for blocking.</source>
        <translation>State the reason for blocking.</translation>
    </message>
    <message>
        <source>The application date is in the future or out of date.</source>
        <translation>The application date is in the future or out of date.</translation>
    </message>
    <message>
        <source>The application PDF is unreadable or unsigned: {detail}</source>
        <translation>The application PDF is unreadable or unsigned: {detail}</translation>
    </message>
    <message>
        <source>Embed the scanned paper copy in the signed PDF.</source>
        <translation>Embed the scanned paper copy in the signed PDF.</translation>
    </message>
    <message>
        <source>The PDF is not signed by the applicant.</source>
        <translation>The PDF is not signed by the applicant.</translation>
    </message>
    <message>
        <source>This IIN is already registered; file a transfer application.</source>
        <translation>This IIN is already registered; file a transfer application.</translation>
    </message>
    <message>
        <source>No data folder is configured for this workstation: the result cannot be kept safely. Contact the administrator.</source>
        <translation>No data folder is configured for this workstation: the result cannot be kept safely. Contact the administrator.</translation>
    </message>
    <message>
        <source>The result could not be written to the encrypted vault ({detail}). It was destroyed and the journal is told; send the query again.</source>
        <translation>The result could not be written to the encrypted vault ({detail}). It was destroyed and the journal is told; send the query again.</translation>
    </message>
    <message>
        <source>The result is not in the vault: it may have been destroyed already.</source>
        <translation>The result is not in the vault: it may have been destroyed already.</translation>
    </message>
    <message>
        <source>The result in the vault is damaged or its key is gone; it will not be opened.</source>
        <translation>The result in the vault is damaged or its key is gone; it will not be opened.</translation>
    </message>
    <message>
        <source>The local copy of the result could not be destroyed: {detail}. Contact the administrator.</source>
        <translation>The local copy of the result could not be destroyed: {detail}. Contact the administrator.</translation>
    </message>
    <message>
        <source>The results register ({path}) cannot be read: {detail}. Nothing was removed; contact the administrator.</source>
        <translation>The results register ({path}) cannot be read: {detail}. Nothing was removed; contact the administrator.</translation>
    </message>
    <message>
        <source>The results register could not be written ({detail}); check that the disk has space.</source>
        <translation>The results register could not be written ({detail}); check that the disk has space.</translation>
    </message>
    <message>
        <source>SIO Desk is already open with this data folder ({path}) in another window. Use that one.</source>
        <translation>SIO Desk is already open with this data folder ({path}) in another window. Use that one.</translation>
    </message>
    <message>
        <source>This result has already been attached or destroyed.</source>
        <translation>This result has already been attached or destroyed.</translation>
    </message>
    <message>
        <source>There is no such result on this workstation.</source>
        <translation>There is no such result on this workstation.</translation>
    </message>
    <message>
        <source>Choose to print or to export.</source>
        <translation>Choose to print or to export.</translation>
    </message>
    <message>
        <source>The administrator&apos;s policy names no folder for case material; export is not possible, printing is.</source>
        <translation>The administrator&apos;s policy names no folder for case material; export is not possible, printing is.</translation>
    </message>
    <message>
        <source>The printout already exists: {path}. It will not be overwritten.</source>
        <translation>The printout already exists: {path}. It will not be overwritten.</translation>
    </message>
    <message>
        <source>The printout could not be written to {path}: {detail}. The result stays in the vault.</source>
        <translation>The printout could not be written to {path}: {detail}. The result stays in the vault.</translation>
    </message>
    <message>
        <source>The gateway does not know this result&apos;s query; the signed report was not accepted.</source>
        <translation>The gateway does not know this result&apos;s query; the signed report was not accepted.</translation>
    </message>
    <message>
        <source>This result belongs to another user&apos;s query.</source>
        <translation>This result belongs to another user&apos;s query.</translation>
    </message>
    <message>
        <source>The report on the result is not in the form the gateway expects; it will not be re-sent. Contact the administrator.</source>
        <translation>The report on the result is not in the form the gateway expects; it will not be re-sent. Contact the administrator.</translation>
    </message>
    <message>
        <source>The time the result was destroyed does not agree with the gateway&apos;s clock; check the workstation&apos;s clock.</source>
        <translation>The time the result was destroyed does not agree with the gateway&apos;s clock; check the workstation&apos;s clock.</translation>
    </message>
    <message>
        <source>The exported printout&apos;s hash is missing; the report was not accepted.</source>
        <translation>The exported printout&apos;s hash is missing; the report was not accepted.</translation>
    </message>
    <message>
        <source>What became of this result is already in the journal.</source>
        <translation>What became of this result is already in the journal.</translation>
    </message>
    <message>
        <source>The signed PDF does not carry this application form; generate the PDF again and sign it.</source>
        <translation>The signed PDF does not carry this application form; generate the PDF again and sign it.</translation>
    </message>
    <message>
        <source>The application was not signed just before filing (over 24 hours ago, or before its date); sign it again.</source>
        <translation>The application was not signed just before filing (over 24 hours ago, or before its date); sign it again.</translation>
    </message>
    <message>
        <source>This signed application has already been filed.</source>
        <translation>This signed application has already been filed.</translation>
    </message>
    <message>
        <source>Only the user, a controller of their organisation or the operator may file a blocking application.</source>
        <translation>Only the user, a controller of their organisation or the operator may file a blocking application.</translation>
    </message>
    <message>
        <source>The last active operator cannot be blocked.</source>
        <translation>The last active operator cannot be blocked.</translation>
    </message>
    <message>
        <source>This user is not blocked.</source>
        <translation>This user is not blocked.</translation>
    </message>
    <message>
        <source>The time must fall in 2000–2099 with an offset between −12:00 and +14:00.</source>
        <translation>The time must fall in 2000–2099 with an offset between −12:00 and +14:00.</translation>
    </message>
    <message>
        <source>Resources must be distinct numbers 1 to 52.</source>
        <translation>Resources must be distinct numbers 1 to 52.</translation>
    </message>
    <message>
        <source>Your role has no access to this resource.</source>
        <translation>Your role has no access to this resource.</translation>
    </message>
    <message>
        <source>The sign-in challenge has expired or was already used. Sign in again.</source>
        <translation>The sign-in challenge has expired or was already used. Sign in again.</translation>
    </message>
    <message>
        <source>The signature did not verify: {detail}</source>
        <translation>The signature did not verify: {detail}</translation>
    </message>
    <message>
        <source>The gateway does not support this signature&apos;s algorithm.</source>
        <translation>The gateway does not support this signature&apos;s algorithm.</translation>
    </message>
    <message>
        <source>The certificate does not chain to a trusted certification authority. Contact the administrator.</source>
        <translation>The certificate does not chain to a trusted certification authority. Contact the administrator.</translation>
    </message>
    <message>
        <source>The EDS certificate has expired. Obtain a new certificate.</source>
        <translation>The EDS certificate has expired. Obtain a new certificate.</translation>
    </message>
    <message>
        <source>The EDS certificate is not valid yet; check the workstation&apos;s clock.</source>
        <translation>The EDS certificate is not valid yet; check the workstation&apos;s clock.</translation>
    </message>
    <message>
        <source>The EDS certificate has been revoked. Use a valid certificate.</source>
        <translation>The EDS certificate has been revoked. Use a valid certificate.</translation>
    </message>
    <message>
        <source>The key is not meant for this: sign in with the authentication key, and sign queries and documents with the signing key.</source>
        <translation>The key is not meant for this: sign in with the authentication key, and sign queries and documents with the signing key.</translation>
    </message>
    <message>
        <source>The session has ended or is not valid. Sign in again.</source>
        <translation>The session has ended or is not valid. Sign in again.</translation>
    </message>
    <message>
        <source>The signature is not the signed-in user&apos;s: sign with your own EDS.</source>
        <translation>The signature is not the signed-in user&apos;s: sign with your own EDS.</translation>
    </message>
    <message>
        <source>This request was already received; it is not carried out again.</source>
        <translation>This request was already received; it is not carried out again.</translation>
    </message>
    <message>
        <source>The workstation&apos;s clock is too far from the operator&apos;s. Check the clock and try again.</source>
        <translation>The workstation&apos;s clock is too far from the operator&apos;s. Check the clock and try again.</translation>
    </message>
    <message>
        <source>The resource is temporarily unavailable for planned technical works: {detail}</source>
        <translation>The resource is temporarily unavailable for planned technical works: {detail}</translation>
    </message>
    <message>
        <source>The resource is temporarily unavailable because of an emergency. Try again later.</source>
        <translation>The resource is temporarily unavailable because of an emergency. Try again later.</translation>
    </message>
    <message>
        <source>Only the operator may do this.</source>
        <translation>Only the operator may do this.</translation>
    </message>
    <message>
        <source>Access to the resources is given only while the workstation meets Appendix 3 to the Rules (paragraph 4 of the Rules), and its self-check has not been accepted. The desk runs the self-check and sends it to the operator; when it passes, send the query again.</source>
        <translation>Access to the resources is given only while the workstation meets Appendix 3 to the Rules (paragraph 4 of the Rules), and its self-check has not been accepted. The desk runs the self-check and sends it to the operator; when it passes, send the query again.</translation>
    </message>
    <message>
        <source>Only a controller or the operator may see reports.</source>
        <translation>Only a controller or the operator may see reports.</translation>
    </message>
    <message>
        <source>The emergency journal has no open row with that number.</source>
        <translation>The emergency journal has no open row with that number.</translation>
    </message>
    <message>
        <source>There is no such application.</source>
        <translation>There is no such application.</translation>
    </message>
    <message>
        <source>This application has already been decided.</source>
        <translation>This application has already been decided.</translation>
    </message>
    <message>
        <source>State the reason for the refusal.</source>
        <translation>State the reason for the refusal.</translation>
    </message>
    <message>
        <source>The request did not reach the gateway in time; check the connection and try again.</source>
        <translation>The request did not reach the gateway in time; check the connection and try again.</translation>
    </message>
    <message>
        <source>The operator&apos;s journal cannot be written right now, so nothing was done. Try again later.</source>
        <translation>The operator&apos;s journal cannot be written right now, so nothing was done. Try again later.</translation>
    </message>
    <message>
        <source>The gateway had an internal error; nothing was done. Try again later or contact the operator.</source>
        <translation>The gateway had an internal error; nothing was done. Try again later or contact the operator.</translation>
    </message>
    <message>
        <source>The gateway&apos;s report cannot be read: {detail}</source>
        <translation>The gateway&apos;s report cannot be read: {detail}</translation>
    </message>
    <message>
        <source>The journal archive verifier (sio-gateway) is not installed on this workstation.</source>
        <translation>The journal archive verifier (sio-gateway) is not installed on this workstation.</translation>
    </message>
    <message>
        <source>The archive could not be verified: {detail}</source>
        <translation>The archive could not be verified: {detail}</translation>
    </message>
    <message>
        <source>The gateway could not seal the journal or write its archive (its signing key or disk space). Nothing was exported; the request is journaled. Contact the gateway&apos;s administrator.</source>
        <translation>The gateway could not seal the journal or write its archive (its signing key or disk space). Nothing was exported; the request is journaled. Contact the gateway&apos;s administrator.</translation>
    </message>
    <message>
        <source>The folder {path} already exists; it is not written over. Choose another folder.</source>
        <translation>The folder {path} already exists; it is not written over. Choose another folder.</translation>
    </message>
    <message>
        <source>The archive cannot be written to the chosen folder: {detail}</source>
        <translation>The archive cannot be written to the chosen folder: {detail}</translation>
    </message>
    <message>
        <source>The download was cancelled; nothing was left in the chosen folder. The journal stays sealed.</source>
        <translation>The download was cancelled; nothing was left in the chosen folder. The journal stays sealed.</translation>
    </message>
    <message>
        <source>The gateway&apos;s archive is not a safe journal archive and was not kept: {detail}</source>
        <translation>The gateway&apos;s archive is not a safe journal archive and was not kept: {detail}</translation>
    </message>
    <message>
        <source>The gateway refused the request. Try again; if it happens again, contact the system operator.</source>
        <translation>The gateway refused the request. Try again; if it happens again, contact the system operator.</translation>
    </message>
    <message>
        <source> Attempts left: {left}.</source>
        <translation> Attempts left: {left}.</translation>
    </message>
</context>
<context>
    <name>printout</name>
    <message>
        <source>Result of a query to the SIO</source>
        <translation>Result of a query to the SIO</translation>
    </message>
    <message>
        <source>SANDBOX: not real information</source>
        <translation>SANDBOX: not real information</translation>
    </message>
    <message>
        <source>Material number</source>
        <translation>Material number</translation>
    </message>
    <message>
        <source>Requested by</source>
        <translation>Requested by</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>Resource</translation>
    </message>
    <message>
        <source>Legal ground</source>
        <translation>Legal ground</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>Asked at (Astana time)</source>
        <translation>Asked at (Astana time)</translation>
    </message>
    <message>
        <source>Answered at (Astana time)</source>
        <translation>Answered at (Astana time)</translation>
    </message>
    <message>
        <source>Printed at (Astana time)</source>
        <translation>Printed at (Astana time)</translation>
    </message>
    <message>
        <source>Journal entry</source>
        <translation>Journal entry</translation>
    </message>
    <message>
        <source>Request hash (SHA-256)</source>
        <translation>Request hash (SHA-256)</translation>
    </message>
    <message>
        <source>Response hash (SHA-256)</source>
        <translation>Response hash (SHA-256)</translation>
    </message>
    <message>
        <source>Operator&apos;s signature</source>
        <translation>Operator&apos;s signature</translation>
    </message>
    <message>
        <source>verified, bound to the request (certificate {serial})</source>
        <translation>verified, bound to the request (certificate {serial})</translation>
    </message>
    <message>
        <source>NOT VERIFIED</source>
        <translation>NOT VERIFIED</translation>
    </message>
    <message>
        <source>Records found</source>
        <translation>Records found</translation>
    </message>
    <message>
        <source>Record {n} of {total}</source>
        <translation>Record {n} of {total}</translation>
    </message>
    <message>
        <source>No records found</source>
        <translation>No records found</translation>
    </message>
    <message>
        <source>Reduced service: amounts are not returned.</source>
        <translation>Reduced service: amounts are not returned.</translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>Page {page} of {pages}</translation>
    </message>
    <message>
        <source>QR: journal № {seq}, response hash, gateway {gateway}</source>
        <translation>QR: journal № {seq}, response hash, gateway {gateway}</translation>
    </message>
    <message>
        <source>For official use. The information may be used only for the purpose stated in the query (Rules, paragraphs 3, 19–20).</source>
        <translation>For official use. The information may be used only for the purpose stated in the query (Rules, paragraphs 3, 19–20).</translation>
    </message>
</context>
<context>
    <name>reasons</name>
    <message>
        <source>required</source>
        <translation>required</translation>
    </message>
    <message>
        <source>an IIN has 12 digits</source>
        <translation>an IIN has 12 digits</translation>
    </message>
    <message>
        <source>the IIN&apos;s check digit or date is wrong</source>
        <translation>the IIN&apos;s check digit or date is wrong</translation>
    </message>
    <message>
        <source>a BIN has 12 digits</source>
        <translation>a BIN has 12 digits</translation>
    </message>
    <message>
        <source>the BIN&apos;s check digit is wrong</source>
        <translation>the BIN&apos;s check digit is wrong</translation>
    </message>
    <message>
        <source>an IIN or BIN has 12 digits</source>
        <translation>an IIN or BIN has 12 digits</translation>
    </message>
    <message>
        <source>neither a valid IIN nor a valid BIN</source>
        <translation>neither a valid IIN nor a valid BIN</translation>
    </message>
    <message>
        <source>a date is YYYY-MM-DD</source>
        <translation>a date is YYYY-MM-DD</translation>
    </message>
    <message>
        <source>a plate number looks like 123ABC02</source>
        <translation>a plate number looks like 123ABC02</translation>
    </message>
    <message>
        <source>a VIN has 17 letters and digits (no I, O, Q)</source>
        <translation>a VIN has 17 letters and digits (no I, O, Q)</translation>
    </message>
    <message>
        <source>a phone number looks like +77011234567</source>
        <translation>a phone number looks like +77011234567</translation>
    </message>
    <message>
        <source>at most {max} characters</source>
        <translation>at most {max} characters</translation>
    </message>
    <message>
        <source>no visible letters or digits</source>
        <translation>no visible letters or digits</translation>
    </message>
    <message>
        <source>control characters are not allowed</source>
        <translation>control characters are not allowed</translation>
    </message>
    <message>
        <source>unknown parameter type</source>
        <translation>unknown parameter type</translation>
    </message>
    <message>
        <source>not a parameter of this resource</source>
        <translation>not a parameter of this resource</translation>
    </message>
    <message>
        <source>letters, spaces, hyphens or apostrophes only</source>
        <translation>letters, spaces, hyphens or apostrophes only</translation>
    </message>
    <message>
        <source>at most {max_name} characters</source>
        <translation>at most {max_name} characters</translation>
    </message>
    <message>
        <source>a document number has 5–15 Latin capitals and digits, e.g. N12345678</source>
        <translation>a document number has 5–15 Latin capitals and digits, e.g. N12345678</translation>
    </message>
    <message>
        <source>give more of the name</source>
        <translation>give more of the name</translation>
    </message>
    <message>
        <source>belongs to another way of searching: choose one way</source>
        <translation>belongs to another way of searching: choose one way</translation>
    </message>
    <message>
        <source>sent without a value</source>
        <translation>sent without a value</translation>
    </message>
    <message>
        <source>several subjects have this name and the resource does not say whose a record is: find the IIN/BIN by name in №1 or №2 and ask by it</source>
        <translation>several subjects have this name and the resource does not say whose a record is: find the IIN/BIN by name in №1 or №2 and ask by it</translation>
    </message>
    <message>
        <source>too many matches, narrow the search (e.g. by IIN/BIN)</source>
        <translation>too many matches, narrow the search (e.g. by IIN/BIN)</translation>
    </message>
    <message>
        <source>fill in one of the ways of searching</source>
        <translation>fill in one of the ways of searching</translation>
    </message>
    <message>
        <source>at most {max_case} characters</source>
        <translation>at most {max_case} characters</translation>
    </message>
    <message>
        <source>state the purpose (at least {min_purpose} characters)</source>
        <translation>state the purpose (at least {min_purpose} characters)</translation>
    </message>
</context>
<context>
    <name>refusals</name>
    <message>
        <source>The gateway did not accept the query&apos;s parameters. Check them and send the query again.</source>
        <translation>The gateway did not accept the query&apos;s parameters. Check them and send the query again.</translation>
    </message>
    <message>
        <source>The gateway did not accept the query&apos;s parameters: {fields} — {reason}. Correct them and send again.</source>
        <translation>The gateway did not accept the query&apos;s parameters: {fields} — {reason}. Correct them and send again.</translation>
    </message>
    <message>
        <source>The gateway does not serve this resource yet. Choose another resource or contact the operator.</source>
        <translation>The gateway does not serve this resource yet. Choose another resource or contact the operator.</translation>
    </message>
    <message>
        <source>The signature did not verify. Sign and send again; if it happens again, contact the administrator.</source>
        <translation>The signature did not verify. Sign and send again; if it happens again, contact the administrator.</translation>
    </message>
    <message>
        <source>A field of the application is invalid. Check the fields and file the application again.</source>
        <translation>A field of the application is invalid. Check the fields and file the application again.</translation>
    </message>
    <message>
        <source>The application PDF is unreadable or unsigned. Generate the PDF again and sign it.</source>
        <translation>The application PDF is unreadable or unsigned. Generate the PDF again and sign it.</translation>
    </message>
    <message>
        <source>The resource is temporarily unavailable for planned technical works{until}. Try again when they are over.</source>
        <translation>The resource is temporarily unavailable for planned technical works{until}. Try again when they are over.</translation>
    </message>
    <message>
        <source> (until {at})</source>
        <translation> (until {at})</translation>
    </message>
    <message>
        <source>Your access is blocked. Reason: “{reason}”. Contact the system operator or the official in charge of departmental control.</source>
        <translation>Your access is blocked. Reason: “{reason}”. Contact the system operator or the official in charge of departmental control.</translation>
    </message>
    <message>
        <source>Access to the resources is given only while the workstation meets Appendix 3 to the Rules (paragraph 4 of the Rules). {why} The desk runs the self-check now and sends it to the operator; when it passes, send the query again.</source>
        <translation>Access to the resources is given only while the workstation meets Appendix 3 to the Rules (paragraph 4 of the Rules). {why} The desk runs the self-check now and sends it to the operator; when it passes, send the query again.</translation>
    </message>
    <message>
        <source>The operator has no complete self-check of this workstation from you.</source>
        <translation>The operator has no complete self-check of this workstation from you.</translation>
    </message>
    <message>
        <source>The workstation&apos;s last self-check did not pass: {checks}.</source>
        <translation>The workstation&apos;s last self-check did not pass: {checks}.</translation>
    </message>
    <message>
        <source>The workstation&apos;s last self-check could not establish: {checks}.</source>
        <translation>The workstation&apos;s last self-check could not establish: {checks}.</translation>
    </message>
    <message>
        <source>The workstation&apos;s last self-check is older than {days} days.</source>
        <translation>The workstation&apos;s last self-check is older than {days} days.</translation>
    </message>
    <message>
        <source>The workstation&apos;s self-check was signed with another certificate than the one you sign with now.</source>
        <translation>The workstation&apos;s self-check was signed with another certificate than the one you sign with now.</translation>
    </message>
</context>
<context>
    <name>selfcheck</name>
    <message>
        <source>CPU clock</source>
        <translation>CPU clock</translation>
    </message>
    <message>
        <source>RAM</source>
        <translation>RAM</translation>
    </message>
    <message>
        <source>Free disk space</source>
        <translation>Free disk space</translation>
    </message>
    <message>
        <source>Network card</source>
        <translation>Network card</translation>
    </message>
    <message>
        <source>No Internet access</source>
        <translation>No Internet access</translation>
    </message>
    <message>
        <source>Protected channel</source>
        <translation>Protected channel</translation>
    </message>
    <message>
        <source>EDS carrier</source>
        <translation>EDS carrier</translation>
    </message>
    <message>
        <source>PDF reading</source>
        <translation>PDF reading</translation>
    </message>
    <message>
        <source>Disk encryption</source>
        <translation>Disk encryption</translation>
    </message>
    <message>
        <source>Swap</source>
        <translation>Swap</translation>
    </message>
    <message>
        <source>Screen lock</source>
        <translation>Screen lock</translation>
    </message>
    <message>
        <source>PASS</source>
        <translation>PASS</translation>
    </message>
    <message>
        <source>FAIL</source>
        <translation>FAIL</translation>
    </message>
    <message>
        <source>UNDETERMINED</source>
        <translation>UNDETERMINED</translation>
    </message>
    <message>
        <source>Workstation self-check</source>
        <translation>Workstation self-check</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Required</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Overall</source>
        <translation>Overall</translation>
    </message>
    <message>
        <source>advisory</source>
        <translation>advisory</translation>
    </message>
    <message>
        <source>Appendix 3 to the Rules</source>
        <translation>Appendix 3 to the Rules</translation>
    </message>
    <message>
        <source>Requirements profile</source>
        <translation>Requirements profile</translation>
    </message>
    <message>
        <source>Computer</source>
        <translation>Computer</translation>
    </message>
    <message>
        <source>Checked at (Astana)</source>
        <translation>Checked at (Astana)</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <source>Run the check</source>
        <translation>Run the check</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>Print to PDF</source>
        <translation>Print to PDF</translation>
    </message>
    <message>
        <source>Cannot start</source>
        <translation>Cannot start</translation>
    </message>
    <message>
        <source>The value could not be determined (common in virtual machines).</source>
        <translation>The value could not be determined (common in virtual machines).</translation>
    </message>
    <message>
        <source>The check failed with an error: {detail}</source>
        <translation>The check failed with an error: {detail}</translation>
    </message>
    <message>
        <source>Base clock {value} GHz, required ≥ {threshold} GHz.</source>
        <translation>Base clock {value} GHz, required ≥ {threshold} GHz.</translation>
    </message>
    <message>
        <source>Base clock {value} GHz is below the required {threshold} GHz.</source>
        <translation>Base clock {value} GHz is below the required {threshold} GHz.</translation>
    </message>
    <message>
        <source>Only the current clock is known ({value} GHz); the base clock could not be read.</source>
        <translation>Only the current clock is known ({value} GHz); the base clock could not be read.</translation>
    </message>
    <message>
        <source>{value} GiB of RAM, required ≥ {threshold} GiB.</source>
        <translation>{value} GiB of RAM, required ≥ {threshold} GiB.</translation>
    </message>
    <message>
        <source>{value} GiB of RAM is less than the required {threshold} GiB.</source>
        <translation>{value} GiB of RAM is less than the required {threshold} GiB.</translation>
    </message>
    <message>
        <source>{value} GB free ({path}), required ≥ {threshold} GB.</source>
        <translation>{value} GB free ({path}), required ≥ {threshold} GB.</translation>
    </message>
    <message>
        <source>{value} GB free ({path}) is less than the required {threshold} GB.</source>
        <translation>{value} GB free ({path}) is less than the required {threshold} GB.</translation>
    </message>
    <message>
        <source>Interface {interface} links at {value} Mbit/s, required ≥ {threshold} Mbit/s.</source>
        <translation>Interface {interface} links at {value} Mbit/s, required ≥ {threshold} Mbit/s.</translation>
    </message>
    <message>
        <source>Interface {interface} links at {value} Mbit/s, below the required {threshold} Mbit/s.</source>
        <translation>Interface {interface} links at {value} Mbit/s, below the required {threshold} Mbit/s.</translation>
    </message>
    <message>
        <source>The protected channel is not configured, so the card that carries it is unknown.</source>
        <translation>The protected channel is not configured, so the card that carries it is unknown.</translation>
    </message>
    <message>
        <source>There is no route to the gateway, so the channel&apos;s card cannot be found.</source>
        <translation>There is no route to the gateway, so the channel&apos;s card cannot be found.</translation>
    </message>
    <message>
        <source>The link speed of {interface} is unknown (virtual or no link).</source>
        <translation>The link speed of {interface} is unknown (virtual or no link).</translation>
    </message>
    <message>
        <source>No route to public addresses: the Internet is not reachable.</source>
        <translation>No route to public addresses: the Internet is not reachable.</translation>
    </message>
    <message>
        <source>There is a route to the Internet: {route} (interface {interface}, gateway {gateway}). Disconnect the workstation or tell the administrator.</source>
        <translation>There is a route to the Internet: {route} (interface {interface}, gateway {gateway}). Disconnect the workstation or tell the administrator.</translation>
    </message>
    <message>
        <source>Internet access could not be ruled out: {detail}</source>
        <translation>Internet access could not be ruled out: {detail}</translation>
    </message>
    <message>
        <source>TLS handshake with the gateway completed in {latency_ms} ms.</source>
        <translation>TLS handshake with the gateway completed in {latency_ms} ms.</translation>
    </message>
    <message>
        <source>The gateway address or CA is not set in the policy ({detail}).</source>
        <translation>The gateway address or CA is not set in the policy ({detail}).</translation>
    </message>
    <message>
        <source>The operator&apos;s CA file cannot be read: {detail}</source>
        <translation>The operator&apos;s CA file cannot be read: {detail}</translation>
    </message>
    <message>
        <source>The gateway&apos;s name does not resolve (DNS): {detail}</source>
        <translation>The gateway&apos;s name does not resolve (DNS): {detail}</translation>
    </message>
    <message>
        <source>The gateway refused the connection: {detail}</source>
        <translation>The gateway refused the connection: {detail}</translation>
    </message>
    <message>
        <source>The gateway did not answer in time: {detail}</source>
        <translation>The gateway did not answer in time: {detail}</translation>
    </message>
    <message>
        <source>The gateway cannot be reached: {detail}</source>
        <translation>The gateway cannot be reached: {detail}</translation>
    </message>
    <message>
        <source>The gateway&apos;s certificate is not trusted by the operator&apos;s CA: {detail}</source>
        <translation>The gateway&apos;s certificate is not trusted by the operator&apos;s CA: {detail}</translation>
    </message>
    <message>
        <source>TLS error: {detail}</source>
        <translation>TLS error: {detail}</translation>
    </message>
    <message>
        <source>Carrier present: {labels}.</source>
        <translation>Carrier present: {labels}.</translation>
    </message>
    <message>
        <source>Only a software token was found ({labels}); it is not a protected carrier (Appendix 5 to the Rules, paragraph 8).</source>
        <translation>Only a software token was found ({labels}); it is not a protected carrier (Appendix 5 to the Rules, paragraph 8).</translation>
    </message>
    <message>
        <source>PKCS#11 support is missing: {detail}</source>
        <translation>PKCS#11 support is missing: {detail}</translation>
    </message>
    <message>
        <source>No carrier driver (PKCS#11 module) is installed.</source>
        <translation>No carrier driver (PKCS#11 module) is installed.</translation>
    </message>
    <message>
        <source>The PKCS#11 module does not load: {detail}</source>
        <translation>The PKCS#11 module does not load: {detail}</translation>
    </message>
    <message>
        <source>The driver is installed but no carrier is connected.</source>
        <translation>The driver is installed but no carrier is connected.</translation>
    </message>
    <message>
        <source>PDF reader: {app}.</source>
        <translation>PDF reader: {app}.</translation>
    </message>
    <message>
        <source>No PDF reader was found.</source>
        <translation>No PDF reader was found.</translation>
    </message>
    <message>
        <source>The data volume is encrypted ({value}).</source>
        <translation>The data volume is encrypted ({value}).</translation>
    </message>
    <message>
        <source>The data volume is not encrypted; enable encryption to protect results on the device.</source>
        <translation>The data volume is not encrypted; enable encryption to protect results on the device.</translation>
    </message>
    <message>
        <source>Swap never reaches the disk unencrypted ({value}).</source>
        <translation>Swap never reaches the disk unencrypted ({value}).</translation>
    </message>
    <message>
        <source>Swap is not encrypted: {value}.</source>
        <translation>Swap is not encrypted: {value}.</translation>
    </message>
    <message>
        <source>The screen locks when idle ({value}).</source>
        <translation>The screen locks when idle ({value}).</translation>
    </message>
    <message>
        <source>Automatic screen lock is off ({value}).</source>
        <translation>Automatic screen lock is off ({value}).</translation>
    </message>
</context>
</TS>
