"""The self-check as a whole: verdict rules, policy, concurrency, progress, CLI contract, texts."""

from __future__ import annotations

import io
import json
import string
from pathlib import Path

import pytest

from app.selfcheck import (
    CheckResult,
    Mode,
    Readers,
    SelfcheckConfig,
    Status,
    cli,
    overall,
    run_checks,
)
from app.selfcheck.advisory import Finding
from app.selfcheck.hardware import CpuReading
from app.selfcheck.texts import LABELS, REASONS, TITLES
from app.selfcheck.thresholds import ALL_CHECKS, PROFILES, PolicyError
from resources.i18n.reader import text as catalogue_text
from tests.selfcheck.readings import compliant_readers

P, F, U = Status.PASS, Status.FAIL, Status.UNDETERMINED


def good_readers(**over: object) -> Readers:
    """A compliant workstation whose advisories find an unencrypted disk and unknown swap."""
    advisories: dict[str, object] = dict(
        disk_encryption=lambda: Finding(False, "not encrypted"),
        swap=lambda: Finding(None, "unknown"),
    )
    return compliant_readers(**{**advisories, **over})


def _r(status: Status, advisory: bool = False) -> CheckResult:
    return CheckResult("x", "", status, advisory=advisory)


def test_overall_rules() -> None:
    assert overall([_r(P), _r(P)]) is P
    assert overall([_r(P), _r(U)]) is U
    assert overall([_r(U), _r(F), _r(P)]) is F
    assert overall([_r(P), _r(F, advisory=True), _r(U, advisory=True)]) is P
    assert overall([]) is P


@pytest.mark.req("R-WS-2", "R-WS-5")
def test_run_with_injected_readings_reports_every_check_in_order() -> None:
    seen: list[tuple[int, int, str]] = []
    config = SelfcheckConfig(gateway_url=None)  # channel not configured: UNDETERMINED
    report = run_checks(
        config,
        readers=good_readers(),
        progress=lambda done, total, r: seen.append((done, total, r.id)),
    )
    assert [c.id for c in report.checks] == list(ALL_CHECKS)
    assert sorted(s[2] for s in seen) == sorted(ALL_CHECKS) and seen[-1][:2] == (11, 11)
    assert report.overall is U and report.exit_code == 2
    assert report.get("disk_encryption").status is F  # type: ignore[union-attr]


@pytest.mark.req("R-WS-2")
def test_a_crashing_reader_is_undetermined_never_pass() -> None:
    def broken() -> CpuReading:
        raise RuntimeError("sysfs vanished")

    report = run_checks(SelfcheckConfig(), readers=good_readers(cpu=broken), only={"cpu"})
    cpu = report.checks[0]
    assert (cpu.status, cpu.reason, cpu.requirement) == (U, "check_crashed", "R-WS-2")


@pytest.mark.req("R-WS-2")
def test_fast_only_skips_slow_checks() -> None:
    report = run_checks(SelfcheckConfig(), readers=good_readers(), fast_only=True)
    assert {c.id for c in report.checks} == {"cpu", "ram", "disk", "nic", "internet", "pdf"}
    assert report.partial and report.overall is P


@pytest.mark.req("R-WS-2")
def test_policy_profile_thresholds_and_modes() -> None:
    config = SelfcheckConfig.from_policy(
        {
            "gateway_url": "https://gw.sio.kz:8443",
            "ca_file": "ca.pem",
            "pkcs11_modules": ["/opt/jc/libjcPKCS11-2.so"],
            "selfcheck": {
                "profile": "2017",
                "thresholds": {"disk_free_gb": 40},
                "modes": {"cpu": "warn"},
                "allowed_prefixes": ["10.0.0.0/8", "2001:db8::/32"],
                "channel_timeout_s": 2,
            },
        },
        base_dir=Path("/etc/sio-desk"),
    )
    assert config.thresholds == PROFILES["2017"].__class__(1.5, 1, 40, 100)
    assert config.mode("cpu") is Mode.WARN and config.mode("ram") is Mode.BLOCK
    assert config.ca_file == Path("/etc/sio-desk/ca.pem") and config.channel_timeout_s == 2
    assert [str(p) for p in config.allowed_prefixes] == ["10.0.0.0/8", "2001:db8::/32"]
    assert SelfcheckConfig.from_policy({}).thresholds == PROFILES["2022"]
    for bad in (
        {"profile": "2010"},
        {"modes": {"swap": "block"}},
        {"modes": {"cpu": "stop"}},
        {"allowed_prefixes": ["10.0.0.0/33"]},
        {"thresholds": {"cpu_ghz": -1}},
        {"thresholds": {"gpu": 1}},
        {"channel_timeout_s": "soon"},
    ):
        with pytest.raises(PolicyError):
            SelfcheckConfig.from_policy({"selfcheck": bad})


@pytest.mark.req("R-WS-2")
def test_warn_mode_reports_but_does_not_block() -> None:
    slow = good_readers(cpu=lambda: CpuReading(2000.0))
    blocked = run_checks(SelfcheckConfig(), readers=slow, only={"cpu", "ram"})
    assert [c.id for c in blocked.blocking()] == ["cpu"] and blocked.overall is F
    relaxed = run_checks(SelfcheckConfig(modes={"cpu": Mode.WARN}), readers=slow, only={"cpu"})
    assert relaxed.blocking() == [] and [c.id for c in relaxed.warnings()] == ["cpu"]
    assert relaxed.overall is F  # the verdict stays honest; only the start-up policy differs


def _cli(
    monkeypatch: pytest.MonkeyPatch,
    readers: Readers,
    argv: list[str],
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> tuple[int, str, str]:
    from app.selfcheck import runner

    monkeypatch.setattr(runner.Readers, "system", classmethod(lambda cls, config: readers))
    policy = tmp_path / "policy.json"
    policy.write_text("{}")
    code = cli.main(["--policy", str(policy), *argv])
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.mark.req("R-WS-2")
@pytest.mark.parametrize(
    ("cpu_mhz", "code", "overall_"),
    [(3400.0, 0, "PASS"), (2000.0, 1, "FAIL"), (None, 2, "UNDETERMINED")],
)
def test_cli_json_contract_and_exit_codes(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    cpu_mhz: float | None,
    code: int,
    overall_: str,
) -> None:
    readers = good_readers(cpu=lambda: CpuReading(cpu_mhz))
    rc, out, err = _cli(
        monkeypatch,
        readers,
        ["--json", "--only", "cpu,ram,disk,nic,internet,pdf"],
        capsys,
        tmp_path,
    )
    doc = json.loads(out)
    assert (rc, doc["overall"]) == (code, overall_) and err == ""
    for check in doc["checks"]:
        assert {"id", "requirement", "status", "value", "threshold", "evidence"} <= set(check)
    cpu = doc["checks"][0]
    assert (cpu["id"], cpu["requirement"], cpu["threshold"]) == ("cpu", "R-WS-2", 3.1)


def test_cli_human_table_in_the_users_language(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    rc, out, err = _cli(monkeypatch, good_readers(), ["--lang", "kk"], capsys, tmp_path)
    assert (rc, out) == (2, "")  # channel not configured; human text goes to stderr
    assert "Жұмыс орнын тексеру" in err and "Процессор жиілігі" in err and "СӘЙКЕС" in err
    rc, out, err = _cli(
        monkeypatch, good_readers(), ["--lang", "ru", "--profile", "2017"], capsys, tmp_path
    )
    assert rc == 2 and "Частота процессора" in err and "2017" in err and "1.5 GHz" in err


def test_cli_usage_errors_exit_3(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--only", "gpu"]) == 3
    bad = tmp_path / "p.json"
    bad.write_text('{"selfcheck": {"profile": "1999"}}')
    assert cli.main(["--policy", str(bad)]) == 3
    assert "1999" in capsys.readouterr().err


def test_every_text_exists_in_three_languages_and_formats() -> None:
    values = {
        "value": 1,
        "threshold": 2,
        "interface": "eth0",
        "gateway": "gw",
        "route": "r",
        "detail": "d",
        "labels": "l",
        "app": "a",
        "path": "/p",
        "latency_ms": 3,
        "count": 1,
    }
    for table in (TITLES, LABELS, REASONS):
        for key, source in table.items():
            row = [catalogue_text("selfcheck", source, lang) for lang in ("kk", "ru", "en")]
            assert len(row) == 3 and all(row), key
            for text in row:
                fields = {f for _, f, _, _ in string.Formatter().parse(text) if f}
                assert fields <= set(values), (key, fields)
                text.format(**values)
    assert set(ALL_CHECKS) <= set(TITLES)


def test_every_reason_a_check_can_give_has_a_text() -> None:
    import re

    root = Path(__file__).resolve().parents[2] / "app/selfcheck"
    src = "".join(p.read_text("utf-8") for p in root.glob("*.py"))
    used = set(
        re.findall(
            r'"((?:cpu|ram|disk|nic|internet|channel|token|pdf|encryption|swap|lock)'
            r'_[a-z_]+)"',
            src,
        )
    )
    used -= {
        "disk_free_gb",
        "cpu_ghz",
        "ram_gb",
        "nic_mbps",
        "disk_encryption",
        "screen_lock",
        "channel_timeout_s",
    }
    assert used and used <= set(REASONS), used - set(REASONS)


def test_report_json_carries_time_and_host() -> None:
    report = run_checks(SelfcheckConfig(), readers=good_readers(), only={"ram"})
    doc = report.to_json("ru")
    assert doc["checked_at"].endswith("+05:00") and doc["host"] and doc["profile"] == "2022"
    assert doc["checks"][0]["message"].startswith("Память")
    stream = io.StringIO()
    cli.print_table(report, "en", stream)
    assert "Overall: PASS" in stream.getvalue()
