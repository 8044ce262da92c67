"""Request signing on a SoftHSM2 token: a query signed the way Desk.query signs it, against the
raw C_Sign it wraps, on the same key in the same session.

The desk is the production Desk (not the sandbox's), logged in with the analyst's PIN against
the bench gateway, so it holds whatever per-login objects the app holds (its signer, the CMS
template). Each round builds a fresh QueryRequest (new nonce, Astana time) and its canonical
bytes as Desk.query does, then calls Desk._signed — the one method every signed command of the
desk goes through. The baseline is python-pkcs11's C_SignInit + C_Sign (CKM_SHA256_RSA_PKCS)
over the DER of a real signed-attributes set, the bytes the token signs inside a CMS.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

from bench.env import Env, say
from bench.figures import Figure, Goal


def _timed(call: Callable[[], object]) -> float:
    start = time.perf_counter()
    call()
    return time.perf_counter() - start


def request_signing(env: Env) -> Figure:
    from asn1crypto import cms as acms
    from pkcs11 import Mechanism, ObjectClass

    from app.config import DeskConfig
    from app.desk import Desk
    from signing.pkcs11 import Pkcs11Token
    from signing.profile import fingerprint
    from signing.token import pick
    from transport.clock import iso, now_astana
    from transport.protocol import Basis, QueryRequest

    module, label, pin = env.desk_token()
    pki = env.pki
    config = DeskConfig(gateway_url=env.gateway().url, ca_file=pki.root_path,
                        trust=pki.trust_store(), operator_sha256=frozenset(
                            {fingerprint(pki.operator_cert)}),
                        state_dir=env.work / "desk-state")
    desk = Desk(config, Pkcs11Token.open(module, label))
    rounds = 100 if env.quick else 400
    try:
        user = desk.login(pin)

        def sign_query() -> object:  # Desk.query up to the signature, fresh payload each time
            request = QueryRequest(
                resource=1, params={"iin": user.iin.strip()},
                basis=Basis(case_number="BENCH-1", legal_ground="AML/CFT Law, art. 16",
                            purpose="bench: request signing"),
                nonce=QueryRequest.new_nonce(), issued_at=iso(now_astana()), user_iin=user.iin)
            return desk._signed(request.canonical())

        first = _timed(sign_query)  # the first query after login: whatever is cold is cold
        token = desk.token
        assert isinstance(token, Pkcs11Token) and token.session is not None
        pair = pick(token.keypairs(), "signing")
        key = token.session.get_key(object_class=ObjectClass.PRIVATE_KEY, id=pair.id)
        signed = sign_query()
        info = acms.ContentInfo.load(signed.signature_der())  # type: ignore[attr-defined]
        attrs = info["content"]["signer_infos"][0]["signed_attrs"].untag().dump()

        def raw() -> object:
            return key.sign(attrs, mechanism=Mechanism.SHA256_RSA_PKCS)

        raw()
        ours, theirs = [], []
        for _ in range(rounds):  # interleaved
            ours.append(_timed(sign_query))
            theirs.append(_timed(raw))
    finally:
        desk.close()
    value, base = statistics.median(ours), statistics.median(theirs)
    say(f"bench:   signing: first after login {first * 1000:.2f} ms")
    return Figure(
        "request_signing", value, "s", base, "s", (Goal("ratio", "<=", 2),),
        what=("production Desk logged in on SoftHSM2 (RSA-2048): QueryRequest + canonical bytes "
              "+ Desk._signed (detached CMS, one C_Sign) / C_SignInit+C_Sign of the "
              f"signed-attributes DER ({len(attrs)} B) on the same key; median of {rounds}, "
              "interleaved"),
        extra={"first_after_login_s": first, "p90_s": sorted(ours)[int(rounds * 0.9)],
               "baseline_p90_s": sorted(theirs)[int(rounds * 0.9)], "rounds": rounds})
