<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Agreement</name>
    <message>
        <source>Agreement on rights of use</source>
        <translation>Agreement on rights of use</translation>
    </message>
    <message>
        <source>Before the first query you sign the agreement on rights of use with your EDS (version {version}). Queries are refused until it is signed.</source>
        <translation>Before the first query you sign the agreement on rights of use with your EDS (version {version}). Queries are refused until it is signed.</translation>
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
        <source>SIO Desk runs for the first time on this workstation. The rules allow queries only from a workstation that meets them (R-WS-1…5), so every check is run now. You can print this report to PDF for your records.</source>
        <translation>SIO Desk runs for the first time on this workstation. The rules allow queries only from a workstation that meets them (R-WS-1…5), so every check is run now. You can print this report to PDF for your records.</translation>
    </message>
    <message>
        <source>&amp;Continue</source>
        <translation>&amp;Continue</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>The session was locked after a period of inactivity. Sign in again to continue.</source>
        <translation>The session was locked after a period of inactivity. Sign in again to continue.</translation>
    </message>
    <message>
        <source>The screen was locked, so the session was locked too.</source>
        <translation>The screen was locked, so the session was locked too.</translation>
    </message>
    <message>
        <source>The token was removed: the session is locked and nothing of it stays on screen.</source>
        <translation>The token was removed: the session is locked and nothing of it stays on screen.</translation>
    </message>
    <message>
        <source>Your token PIN has not been changed for a month. Change it now: File → Change PIN… (R-AUTH-7).</source>
        <translation>Your token PIN has not been changed for a month. Change it now: File → Change PIN… (R-AUTH-7).</translation>
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
        <source>SIO Desk — client of the law-enforcement information exchange system.
Every query is signed with your NCA EDS and sent with its basis (R-Q-2); every answer is checked against the operator&apos;s signature before it is shown.</source>
        <translation>SIO Desk — client of the law-enforcement information exchange system.
Every query is signed with your NCA EDS and sent with its basis (R-Q-2); every answer is checked against the operator&apos;s signature before it is shown.</translation>
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
        <source>&amp;Clear result</source>
        <translation>&amp;Clear result</translation>
    </message>
    <message>
        <source>&amp;About SIO Desk</source>
        <translation>&amp;About SIO Desk</translation>
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
        <source>&amp;Resource:</source>
        <translation>&amp;Resource:</translation>
    </message>
    <message>
        <source>Search parameters</source>
        <translation>Search parameters</translation>
    </message>
    <message>
        <source>12 digits</source>
        <translation>12 digits</translation>
    </message>
    <message>
        <source>Basis of the query (required, R-Q-2)</source>
        <translation>Basis of the query (required, R-Q-2)</translation>
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
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Record {n}</source>
        <translation>Record {n}</translation>
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
    <message>
        <source>Truncated service: amounts are not returned (R-Q-1).</source>
        <translation>Truncated service: amounts are not returned (R-Q-1).</translation>
    </message>
    <message>
        <source>Cl&amp;ear result</source>
        <translation>Cl&amp;ear result</translation>
    </message>
    <message>
        <source>Results are held in memory only, never written to disk; Clear removes this one now. Signing out clears all.</source>
        <translation>Results are held in memory only, never written to disk; Clear removes this one now. Signing out clears all.</translation>
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
        <source>a key file, allowed only in the sandbox (R-AUTH-4)</source>
        <translation>a key file, allowed only in the sandbox (R-AUTH-4)</translation>
    </message>
</context>
</TS>
