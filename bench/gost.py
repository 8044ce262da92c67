"""GOST 34.10-2015 (512-bit) verification as the product does it, against RSA-2048 in the same run.

The value is signing.gost.nca.verify — what every GOST check of the product ends in — on a real
NCA GOST-2015 certificate signature (KEY_INDIVIDUAL_VALID_2015) by its CA's key: Streebog-512 of
the tbsCertificate plus the 512-bit GOST 34.10 check, on the backend the product picks: OpenSSL's
EC code where libcrypto 3 loads, Streebog from OpenSSL's GOST provider where it is installed.
The CA key has been seen before (its table is cached), as for any CA or frequent signer; the
product's cache of already verified certificate links (certificate_signed_by) is not used here.
A second figure runs the same vector on the pure-Python fallback (what Windows gets). The
baseline is cryptography's RSA-2048 PKCS#1 v1.5 / SHA-256 verification of a signature over a
payload of the same size, interleaved, median of N.
"""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from bench.env import Env, say
from bench.figures import Figure, Goal

NCA = Path(__file__).resolve().parents[2] / "shared" / "data" / "nca-test"
LEAF = "ncanode-kz/KEY_INDIVIDUAL_VALID_2015.cert.pem"
CA = "ca-test/nca_gost2022_test__ULTTYQ_GOST_TEST_2022.der.cer"


def _timed(call: Callable[[], object]) -> float:
    start = time.perf_counter()
    call()
    return time.perf_counter() - start


def _rsa_verifier(size: int) -> Callable[[], object]:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import padding, rsa

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    payload = os.urandom(size)
    signature = key.sign(payload, padding.PKCS1v15(), hashes.SHA256())
    public = key.public_key()
    return lambda: public.verify(signature, payload, padding.PKCS1v15(), hashes.SHA256())


def _interleaved(ours: Callable[[], object], theirs: Callable[[], object],
                 rounds: int) -> tuple[list[float], list[float]]:
    a: list[float] = []
    b: list[float] = []
    for _ in range(rounds):
        a.append(_timed(ours))
        b.append(_timed(theirs))
    return a, b


def cms_figure(env: Env) -> Figure:
    """A GOST-signed request as the gateway verifies it, against an RSA-signed one."""
    from signing.cms import sign_detached, verify_detached
    from signing.gost import backend
    from signing.sandbox_gost import gost_sandbox
    from signing.sandbox_pki import SANDBOX_USERS

    gost = gost_sandbox(env.work / "gost-pki")
    user = SANDBOX_USERS[0]
    gost_signer = gost.signer(user)
    _, rsa_signer = env.pki.software_signers(user)
    data = (b'{"basis":{"case_number":"BENCH-1","legal_ground":"AML/CFT Law, art. 16",'
            b'"purpose":"bench"},"issued_at":"2026-01-01T10:00:00+05:00","nonce":"'
            + b"0" * 32 + b'","params":{"iin":"900101300123"},"resource":1}')
    gost_cms, rsa_cms = sign_detached(data, gost_signer), sign_detached(data, rsa_signer)
    gost_store, rsa_store = gost.trust_store(), env.pki.trust_store()
    rounds = 100 if env.quick else 400

    def ours() -> object:
        return verify_detached(gost_cms, data, gost_store, purpose="signing")

    def theirs() -> object:
        return verify_detached(rsa_cms, data, rsa_store, purpose="signing")

    ours()
    theirs()
    a, b = _interleaved(ours, theirs, rounds)
    return Figure(
        # Both sides share the CMS parsing and the path check, which cost more than the GOST
        # arithmetic under load: held to the RSA path of the same run, like request_signing.
        "gost_verify_cms_512", statistics.median(a) * 1000, "ms", statistics.median(b) * 1000,
        "ms", (Goal("ratio", "<=", 2),),
        what=(f"signing.cms.verify_detached of a GOST-2015 (512) signed query ({len(data)} B, "
              f"sandbox GOST analyst, backend {backend.active()}): Streebog of the data and of "
              "the signed attributes, the signature, the chain (cached link) and the GOST CRL / "
              "the same for an RSA-2048 signed query on the RSA sandbox; median of "
              f"{rounds}, interleaved"),
        extra={"backend": backend.active(), "streebog_engine": backend.streebog_engine(),
               "rounds": rounds,
               "p90_ms": sorted(a)[int(rounds * 0.9)] * 1000})


def figures(env: Env) -> list[Figure]:
    from signing.gost import backend, nca
    from signing.gost.certs import gost_key
    from signing.gost.ec import _key_tables
    from signing.profile import load_certificate

    names = ("gost_verify_512", "gost_verify_512_python")
    if not NCA.is_dir():
        return [Figure(n, None, "ms", None, "ms", skipped=f"no NCA samples at {NCA}")
                for n in names]
    leaf = load_certificate((NCA / LEAF).read_bytes())
    ca = load_certificate((NCA / CA).read_bytes())
    tbs = leaf.tbs_certificate_bytes
    rsa = _rsa_verifier(len(tbs))
    key = gost_key(ca)
    oid = leaf.signature_algorithm_oid.dotted_string
    digest = nca.hash_data("streebog512", tbs)

    def verify() -> bool:
        return nca.verify(key, oid, tbs, leaf.signature)

    rounds = 100 if env.quick else 400
    saved = os.environ.get("SIO_GOST_BACKEND")
    made: list[Figure] = []
    try:
        for name, chosen in zip(names, ("auto", "python"), strict=True):
            os.environ["SIO_GOST_BACKEND"] = chosen
            active = backend.active()
            engine = backend.streebog_engine()
            _key_tables.clear()
            cold = _timed(verify)  # first sight of the key
            assert verify()  # second: the key's table is built
            ours, theirs = _interleaved(verify, rsa, rounds)
            hash_only = statistics.median(
                _timed(lambda: nca.hash_data("streebog512", tbs)) for _ in range(rounds // 4))
            curve_only = statistics.median(
                _timed(lambda: nca.verify_digest(key, digest, leaf.signature))
                for _ in range(rounds // 4))
            value, base = statistics.median(ours) * 1000, statistics.median(theirs) * 1000
            goals = (Goal("value", "<=", 5, "ms"),) if name == "gost_verify_512" else ()
            say(f"bench:   {name}: backend {active}, cold {cold * 1000:.2f} ms")
            made.append(Figure(
                name, value, "ms", base, "ms", goals,
                what=(f"signing.gost.nca.verify of a real NCA GOST-2015 certificate by its CA "
                      f"(Streebog-512 of {len(tbs)} B by {engine} + 512-bit GOST 34.10, backend "
                      f"{active}, "
                      f"CA key table cached) / RSA-2048 PKCS#1 v1.5 SHA-256 verify of "
                      f"{len(tbs)} B (cryptography); median of {rounds}, interleaved"),
                extra={"backend": active, "streebog_engine": engine,
                       "cold_first_key_ms": cold * 1000,
                       "streebog512_ms": hash_only * 1000, "curve_only_ms": curve_only * 1000,
                       "p90_ms": sorted(ours)[int(rounds * 0.9)] * 1000, "rounds": rounds}))
    finally:
        if saved is None:
            os.environ.pop("SIO_GOST_BACKEND", None)
        else:
            os.environ["SIO_GOST_BACKEND"] = saved
    return made
