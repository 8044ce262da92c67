"""Self-check texts: titles, statuses, reasons, table headers.

The tables hold English sources; their kk/ru/en words are in the Qt Linguist catalogues
(resources/i18n, context "selfcheck"), the same the UI loads.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from resources.i18n.reader import LANGS, QT_TRANSLATE_NOOP
from resources.i18n.reader import text as _tr

if TYPE_CHECKING:
    from app.selfcheck.model import CheckResult

__all__ = ["LABELS", "LANGS", "REASONS", "STATUS", "TITLES", "label", "reason_text",
           "status_text", "title"]

TITLES: dict[str, str] = {
    "cpu": QT_TRANSLATE_NOOP("selfcheck", "CPU clock"),
    "ram": QT_TRANSLATE_NOOP("selfcheck", "RAM"),
    "disk": QT_TRANSLATE_NOOP("selfcheck", "Free disk space"),
    "nic": QT_TRANSLATE_NOOP("selfcheck", "Network card"),
    "internet": QT_TRANSLATE_NOOP("selfcheck", "No Internet access"),
    "channel": QT_TRANSLATE_NOOP("selfcheck", "Protected channel"),
    "token": QT_TRANSLATE_NOOP("selfcheck", "EDS carrier"),
    "pdf": QT_TRANSLATE_NOOP("selfcheck", "PDF reading"),
    "disk_encryption": QT_TRANSLATE_NOOP("selfcheck", "Disk encryption"),
    "swap": QT_TRANSLATE_NOOP("selfcheck", "Swap"),
    "screen_lock": QT_TRANSLATE_NOOP("selfcheck", "Screen lock"),
}

STATUS: dict[str, str] = {
    "PASS": QT_TRANSLATE_NOOP("selfcheck", "PASS"),
    "FAIL": QT_TRANSLATE_NOOP("selfcheck", "FAIL"),
    "UNDETERMINED": QT_TRANSLATE_NOOP("selfcheck", "UNDETERMINED"),
}

LABELS: dict[str, str] = {
    "heading": QT_TRANSLATE_NOOP("selfcheck", "Workstation self-check"),
    "check": QT_TRANSLATE_NOOP("selfcheck", "Check"),
    "status": QT_TRANSLATE_NOOP("selfcheck", "Result"),
    "value": QT_TRANSLATE_NOOP("selfcheck", "Value"),
    "threshold": QT_TRANSLATE_NOOP("selfcheck", "Required"),
    "details": QT_TRANSLATE_NOOP("selfcheck", "Details"),
    "overall": QT_TRANSLATE_NOOP("selfcheck", "Overall"),
    "advisory": QT_TRANSLATE_NOOP("selfcheck", "advisory"),
    # What a check with a requirement rests on, cited as the rules cite themselves (never an ID).
    "rules": QT_TRANSLATE_NOOP("selfcheck", "Appendix 3 to the Rules"),
    "profile": QT_TRANSLATE_NOOP("selfcheck", "Requirements profile"),
    "host": QT_TRANSLATE_NOOP("selfcheck", "Computer"),
    "checked_at": QT_TRANSLATE_NOOP("selfcheck", "Checked at (Astana)"),
    "evidence": QT_TRANSLATE_NOOP("selfcheck", "Evidence"),
    "run": QT_TRANSLATE_NOOP("selfcheck", "Run the check"),
    "running": QT_TRANSLATE_NOOP("selfcheck", "Checking…"),
    "print": QT_TRANSLATE_NOOP("selfcheck", "Print to PDF"),
    "blocking": QT_TRANSLATE_NOOP("selfcheck", "Cannot start"),
}

# Reason templates; placeholders come from CheckResult.value/threshold/args.
REASONS: dict[str, str] = {
    "unknown": QT_TRANSLATE_NOOP("selfcheck",
        "The value could not be determined (common in virtual machines)."),
    "check_crashed": QT_TRANSLATE_NOOP("selfcheck", "The check failed with an error: {detail}"),
    "cpu_ok": QT_TRANSLATE_NOOP("selfcheck", "Base clock {value} GHz, required ≥ {threshold} GHz."),
    "cpu_low": QT_TRANSLATE_NOOP("selfcheck",
        "Base clock {value} GHz is below the required {threshold} GHz."),
    "cpu_current_only": QT_TRANSLATE_NOOP("selfcheck",
        "Only the current clock is known ({value} GHz); the base clock could not be read."),
    "ram_ok": QT_TRANSLATE_NOOP("selfcheck", "{value} GiB of RAM, required ≥ {threshold} GiB."),
    "ram_low": QT_TRANSLATE_NOOP("selfcheck",
        "{value} GiB of RAM is less than the required {threshold} GiB."),
    "disk_ok": QT_TRANSLATE_NOOP("selfcheck",
        "{value} GB free ({path}), required ≥ {threshold} GB."),
    "disk_low": QT_TRANSLATE_NOOP("selfcheck",
        "{value} GB free ({path}) is less than the required {threshold} GB."),
    "nic_ok": QT_TRANSLATE_NOOP("selfcheck",
        "Interface {interface} links at {value} Mbit/s, required ≥ {threshold} Mbit/s."),
    "nic_low": QT_TRANSLATE_NOOP("selfcheck",
        "Interface {interface} links at {value} Mbit/s, below the required {threshold} Mbit/s."),
    "nic_no_channel": QT_TRANSLATE_NOOP("selfcheck",
        "The protected channel is not configured, so the card that carries it is unknown."),
    "nic_no_route": QT_TRANSLATE_NOOP("selfcheck",
        "There is no route to the gateway, so the channel's card cannot be found."),
    "nic_unknown_speed": QT_TRANSLATE_NOOP("selfcheck",
        "The link speed of {interface} is unknown (virtual or no link)."),
    "internet_none": QT_TRANSLATE_NOOP("selfcheck",
        "No route to public addresses: the Internet is not reachable."),
    "internet_route": QT_TRANSLATE_NOOP("selfcheck",
        "There is a route to the Internet: {route} (interface {interface}, gateway {gateway}). "
        "Disconnect the workstation or tell the administrator."),
    "internet_unknown": QT_TRANSLATE_NOOP("selfcheck",
        "Internet access could not be ruled out: {detail}"),
    "channel_ok": QT_TRANSLATE_NOOP("selfcheck",
        "TLS handshake with the gateway completed in {latency_ms} ms."),
    "channel_not_configured": QT_TRANSLATE_NOOP("selfcheck",
        "The gateway address or CA is not set in the policy ({detail})."),
    "channel_ca": QT_TRANSLATE_NOOP("selfcheck", "The operator's CA file cannot be read: {detail}"),
    "channel_dns": QT_TRANSLATE_NOOP("selfcheck",
        "The gateway's name does not resolve (DNS): {detail}"),
    "channel_refused": QT_TRANSLATE_NOOP("selfcheck",
        "The gateway refused the connection: {detail}"),
    "channel_timeout": QT_TRANSLATE_NOOP("selfcheck",
        "The gateway did not answer in time: {detail}"),
    "channel_unreachable": QT_TRANSLATE_NOOP("selfcheck",
        "The gateway cannot be reached: {detail}"),
    "channel_certificate": QT_TRANSLATE_NOOP("selfcheck",
        "The gateway's certificate is not trusted by the operator's CA: {detail}"),
    "channel_tls": QT_TRANSLATE_NOOP("selfcheck", "TLS error: {detail}"),
    "token_ok": QT_TRANSLATE_NOOP("selfcheck", "Carrier present: {labels}."),
    "token_software": QT_TRANSLATE_NOOP("selfcheck",
        "Only a software token was found ({labels}); it is not a protected carrier "
        "(Appendix 5 to the Rules, paragraph 8)."),
    "token_no_support": QT_TRANSLATE_NOOP("selfcheck", "PKCS#11 support is missing: {detail}"),
    "token_no_module": QT_TRANSLATE_NOOP("selfcheck",
        "No carrier driver (PKCS#11 module) is installed."),
    "token_module_error": QT_TRANSLATE_NOOP("selfcheck",
        "The PKCS#11 module does not load: {detail}"),
    "token_absent": QT_TRANSLATE_NOOP("selfcheck",
        "The driver is installed but no carrier is connected."),
    "pdf_ok": QT_TRANSLATE_NOOP("selfcheck", "PDF reader: {app}."),
    "pdf_none": QT_TRANSLATE_NOOP("selfcheck", "No PDF reader was found."),
    "encryption_on": QT_TRANSLATE_NOOP("selfcheck", "The data volume is encrypted ({value})."),
    "encryption_off": QT_TRANSLATE_NOOP("selfcheck",
        "The data volume is not encrypted; enable encryption to protect results on the device."),
    "swap_ok": QT_TRANSLATE_NOOP("selfcheck", "Swap never reaches the disk unencrypted ({value})."),
    "swap_plain": QT_TRANSLATE_NOOP("selfcheck", "Swap is not encrypted: {value}."),
    "lock_on": QT_TRANSLATE_NOOP("selfcheck", "The screen locks when idle ({value})."),
    "lock_off": QT_TRANSLATE_NOOP("selfcheck", "Automatic screen lock is off ({value})."),
}


def title(check_id: str, lang: str = "en") -> str:
    source = TITLES.get(check_id)
    return _tr("selfcheck", source, lang) if source else check_id


def status_text(status: str, lang: str = "en") -> str:
    source = STATUS.get(status)
    return _tr("selfcheck", source, lang) if source else status


def label(key: str, lang: str = "en") -> str:
    return _tr("selfcheck", LABELS[key], lang)


def reason_text(result: CheckResult, lang: str = "en") -> str:
    """The check's finding in words, in `lang`."""
    shown = _tr("selfcheck", REASONS.get(result.reason) or REASONS["unknown"], lang)
    values: dict[str, Any] = {"value": result.value, "threshold": result.threshold}
    values.update({k: _fmt(v) for k, v in result.args.items()})
    try:
        return shown.format(**values)
    except (KeyError, IndexError, ValueError):
        return shown


def _fmt(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return "?" if value is None else value
