"""`sio-desk` without a sub-command: the production GUI under the administrator's policy."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Mapping
from functools import partial
from typing import TYPE_CHECKING

from app.desk import Desk
from app.errors import DeskError
from app.policy import load_policy, policy_path
from signing.errors import SigningError

if TYPE_CHECKING:
    from app.config import DeskConfig
    from signing.pkcs11 import Pkcs11Token

GuiLauncher = Callable[[Desk, str], int]


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="sio-desk",
        description="SIO Desk — signed queries to the law-enforcement information exchange system.",
        epilog=(
            "commands: demo [--headless] [--json] (the sandbox: test keys, synthetic data); "
            "selfcheck [--json]; tokens [--json]; cert-info FILE|--token [--json]; "
            "verify FILE [--data FILE] [--trust DIR] [--crl FILE]... [--at TIME] [--json]"
        ),
    )
    p.add_argument("--lang", choices=("kk", "ru", "en"), default=None)
    return p


# Sub-commands whose modules are imported only when asked for (start-up stays light).
SUBCOMMANDS: dict[str, tuple[str, str]] = {
    "selfcheck": ("app.selfcheck.cli", "main"),
    "verify": ("app.certcli", "verify_main"),
    "cert-info": ("app.certcli", "cert_info_main"),
    "tokens": ("app.certcli", "tokens_main"),
}


def main(argv: list[str], gui: GuiLauncher) -> int:
    if argv and argv[0] in SUBCOMMANDS:
        module, name = SUBCOMMANDS[argv[0]]
        command: Callable[[list[str]], int] = getattr(importlib.import_module(module), name)
        return command(argv[1:])
    # The analyst's plain start has no arguments: nothing to parse (issue 10: building the
    # parser costs ≈1.5 ms before the first paint); any argument, --help included, is parsed.
    lang: str | None = parser().parse_args(argv).lang if argv else None
    from app.logs import configure

    configure()  # the window's "details are in the log" points here
    try:
        policy = load_policy()
    except DeskError as exc:
        print(f"sio-desk: {exc.text(lang or 'en')}", file=sys.stderr)
        return 2
    # The token is looked for by the window's first token read, just after its first paint;
    # none found is shown on the sign-in page, which reads again when asked (issue 10). The
    # policy's certificates are parsed at that read: a wrong one is shown there and, until they
    # are parsed, no token is found and nothing can sign in (fail closed).
    token = partial(_production_token, policy.desk, policy.pkcs11_modules, policy.token_label,
                    policy.pkcs11_gost_mechanisms)
    return gui(Desk(policy.desk, token), lang or policy.desk.lang)


def _production_token(config: DeskConfig, modules: tuple[str, ...], label: str | None,
                      gost_mechanisms: Mapping[str, int] | None = None) -> Pkcs11Token:
    """The first token (or the labelled one) on the configured modules — R-AUTH-4: never a file —
    once the policy's certificates are parsed (DeskError "policy_invalid" otherwise)."""
    from signing.pkcs11 import Pkcs11Token, find_modules, list_tokens

    config.check_certificates()
    found = find_modules(modules)
    if not found:
        raise DeskError("token_absent", detail=f"no PKCS#11 module found (policy {policy_path()})")
    for module in found:
        try:
            infos = list_tokens(module)
        except SigningError:
            continue
        for info in infos:
            if label is None or info.label == label:
                return Pkcs11Token.open(module, info.label, gost_mechanisms=gost_mechanisms)
    raise DeskError("token_absent", detail=label or "")
