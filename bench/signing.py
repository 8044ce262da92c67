"""Request signing on a SoftHSM2 token: detached CMS beside the raw C_Sign it wraps (issue 3)."""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from signing.cms import sign_detached
from signing.pkcs11 import Pkcs11Token
from signing.sandbox_pki import SANDBOX_USERS, create_sandbox_pki
from signing.softhsm import provision_token, softhsm_environment, softhsm_module
from signing.token import pick

ROUNDS = 300
PAYLOAD = ('{"basis":{"case_number":"A-1","legal_ground":"AML","purpose":"bench"},' * 4).encode()


def _median_ms(call: Callable[[], object], rounds: int) -> float:
    call()  # warm caches (certificate parsing, session objects)
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        call()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples) * 1000


def main(rounds: int = ROUNDS) -> None:
    if softhsm_module() is None:
        print("signing: SoftHSM2 not installed — skipped (./run test installs softhsm2)")
        return
    with tempfile.TemporaryDirectory(prefix="sio-bench-sign-") as tmp:
        work = Path(tmp)
        softhsm_environment(work / "softhsm")
        pki = create_sandbox_pki(work / "pki")
        made = provision_token(work / "softhsm", pki, SANDBOX_USERS[0], label="bench")
        token = Pkcs11Token.open(made.module, made.label)
        token.login(made.user_pin)
        signer = token.signer(pick(token.keypairs(), "signing"))
        # The raw operation signs data of the size CMS signs: the DER of the signed attributes.
        attrs_size = b"\x31" + bytes(220)
        raw = _median_ms(lambda: signer.sign_raw(attrs_size), rounds)
        cms = _median_ms(lambda: sign_detached(PAYLOAD, signer), rounds)
        token.close()
    print(
        f"signing (SoftHSM2, RSA-2048, {rounds} rounds): raw C_Sign median {raw:.3f} ms, "
        f"detached CMS median {cms:.3f} ms, ratio {cms / raw:.2f} (target < 2)"
    )


if __name__ == "__main__":
    main()
