"""`sio-desk` without a sub-command: the production GUI under the administrator's policy."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from app.desk import Desk
from app.errors import DeskError
from app.policy import load_policy, policy_path
from signing.errors import SigningError
from signing.pkcs11 import Pkcs11Token, find_modules, list_tokens

GuiLauncher = Callable[[Desk, str], int]


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="sio-desk",
        description="SIO Desk — signed queries to the law-enforcement information exchange system.",
        epilog="sio-desk demo [--headless] [--json]: the sandbox (test keys, synthetic data).",
    )
    p.add_argument("--lang", choices=("kk", "ru", "en"), default=None)
    return p


def main(argv: list[str], gui: GuiLauncher) -> int:
    args = parser().parse_args(argv)
    try:
        policy = load_policy()
        token = _production_token(policy.pkcs11_modules, policy.token_label)
    except DeskError as exc:
        print(f"sio-desk: {exc.text(args.lang or 'en')}", file=sys.stderr)
        return 2
    return gui(Desk(policy.desk, token), args.lang or policy.desk.lang)


def _production_token(modules: tuple[str, ...], label: str | None) -> Pkcs11Token:
    """The first token (or the labelled one) on the configured modules — R-AUTH-4: never a file."""
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
                return Pkcs11Token.open(module, info.label)
    raise DeskError("token_absent", detail=label or "")
