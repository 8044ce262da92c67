"""signing.fastverify (issue 10, R-LOG-1): the same verdict as signing.cms.verify_detached on
good, forged, tampered and oddly shaped CMS, with the desk's own shape taken the fast way."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import random
import string
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from cryptography import x509

from signing.cms import add_unsigned_attribute, sign_detached, verify_detached
from signing.der import children, tlv
from signing.errors import SignatureInvalid
from signing.fastverify import FastVerifier, desk_shape
from signing.sandbox_gost import GostSandbox, gost_sandbox
from signing.sandbox_pki import SANDBOX_USERS, SandboxPKI, create_sandbox_pki

DATA = b'{"resource":1,"params":{"iin":"880412410213"},"nonce":"Ab3"}'
WHEN = dt.datetime(2026, 3, 1, 9, 30, 15, tzinfo=dt.UTC)
pytestmark = pytest.mark.req("R-LOG-1")


def _verdict(verify: Callable[[], Any]) -> tuple[Any, ...]:
    """What a verification said: the signer, time and chain, or the refusal's code."""
    try:
        v = verify()
    except SignatureInvalid as exc:
        return ("refused", exc.code)
    except ValueError as exc:  # what the full path lets out for some broken certificates
        return ("refused", type(exc).__name__, str(exc))
    return ("ok", v.certificate, v.profile, v.signing_time, tuple(v.chain),
            tuple((d.status, d.source) for d in v.revocation))


def _both(fast: FastVerifier, cms: bytes, data: bytes, **kw: Any) -> tuple[Any, ...]:
    """The full path's verdict, after checking the fast verifier gives the same one."""
    full = _verdict(lambda: verify_detached(cms, data, fast.trust, **kw))
    assert _verdict(lambda: fast.verify(cms, data, **kw)) == full
    return full


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> SandboxPKI:
    """A PKI of this module's own: one of its certificates gets revoked."""
    return create_sandbox_pki(tmp_path_factory.mktemp("fastverify-pki"))


@pytest.fixture
def warm(pki: SandboxPKI) -> tuple[FastVerifier, bytes]:
    """A verifier that has seen one good signature (its signer is known) and that signature."""
    _, signer = pki.software_signers(SANDBOX_USERS[0])
    cms = sign_detached(DATA, signer, signing_time=WHEN)
    fast = FastVerifier(pki.trust_store())
    assert _both(fast, cms, DATA, purpose="signing")[0] == "ok"
    assert (fast.fast, fast.full) == (0, 1)
    return fast, cms


def test_the_desks_cms_is_verified_fast_with_the_same_answer(
        warm: tuple[FastVerifier, bytes], pki: SandboxPKI) -> None:
    fast, _ = warm
    _, signer = pki.software_signers(SANDBOX_USERS[0])
    now = dt.datetime.now(dt.UTC)
    for n in range(3):
        other = f'{{"n":{n}}}'.encode()
        cms = sign_detached(other, signer, signing_time=WHEN + dt.timedelta(hours=n))
        assert desk_shape(cms) is not None
        verdict = _both(fast, cms, other, purpose="signing", at=now - dt.timedelta(minutes=n))
        assert verdict[0] == "ok" and verdict[3] == WHEN + dt.timedelta(hours=n)
    assert fast.fast == 3  # the full path ran only for the full verdicts compared with


def test_a_learned_signers_cms_is_taken_apart_by_its_template_as_desk_shape_would(
        warm: tuple[FastVerifier, bytes], pki: SandboxPKI) -> None:
    # Issue 10: after one full parse per signer, its others are matched against a template.
    fast, cms = warm
    templates = [t for layouts in fast._templates.values() for by_sid in layouts.values()
                 for t in by_sid.values()]
    assert len(templates) == 1
    _, signer = pki.software_signers(SANDBOX_USERS[0])
    for n in range(20):
        data = bytes([n]) * (n + 1)
        other = sign_detached(data, signer, signing_time=WHEN + dt.timedelta(days=n, seconds=n))
        assert templates[0].match(other) == fast._shape(other) == desk_shape(other) is not None
    # Another signer's CMS of the same length fits no template: it is taken apart in full.
    _, stranger = pki.software_signers(SANDBOX_USERS[2])
    theirs = sign_detached(DATA, stranger, signing_time=WHEN)
    assert templates[0].match(theirs) is None
    # Each byte outside the three variable contents decides: a change there misses the template.
    template = templates[0]
    holes = [(template.digest_at, 32), (template.time_at, 13),
             (template.signature_at, len(cms) - template.signature_at)]
    for i in range(0, len(cms), 7):
        changed = cms[:i] + bytes([cms[i] ^ 0x41]) + cms[i + 1:]
        inside = any(start <= i < start + n for start, n in holes)
        assert (template.match(changed) is not None) == inside
        if inside:
            assert template.match(changed) == desk_shape(changed)


def test_tampered_data_signature_and_attributes_are_refused_alike(
        warm: tuple[FastVerifier, bytes]) -> None:
    fast, cms = warm
    assert _both(fast, cms, DATA + b" ") == ("refused", "digest_mismatch")
    shape = desk_shape(cms)
    assert shape is not None
    at = cms.rfind(shape.signature)
    forged = cms[:at + 5] + bytes([cms[at + 5] ^ 1]) + cms[at + 6:]
    assert _both(fast, forged, DATA) == ("refused", "bad_signature")
    # Another signing time under the same signature: the signed attributes changed.
    moved = cms.replace(shape.utc_time, b"260301093016Z")
    assert desk_shape(moved) is not None
    assert _both(fast, moved, DATA) == ("refused", "bad_signature")
    assert fast.fast == 0


def test_every_changed_byte_gets_the_full_paths_verdict(warm: tuple[FastVerifier, bytes]) -> None:
    fast, cms = warm
    refused = 0
    for i in range(0, len(cms), 11):
        changed = cms[:i] + bytes([cms[i] ^ 0x41]) + cms[i + 1:]
        refused += _both(fast, changed, DATA)[0] == "refused"
    # Some bytes change nothing checked: the CA certificates in the CMS, which the store has.
    assert refused > len(cms) // 11 // 2
    assert fast.fast == 0


def test_time_purpose_and_revocation_are_checked_for_each_signature(
        warm: tuple[FastVerifier, bytes], pki: SandboxPKI) -> None:
    fast, cms = warm
    cert = pki.software_signers(SANDBOX_USERS[0])[1].certificate
    before = cert.not_valid_before_utc - dt.timedelta(seconds=1)
    assert _both(fast, cms, DATA, at=before)[0] == "refused"
    assert _both(fast, cms, DATA, at=cert.not_valid_after_utc + dt.timedelta(days=1))[0] == \
        "refused"
    assert _both(fast, cms, DATA, purpose="authentication") == ("refused", "wrong_key_usage")
    _, signer = pki.software_signers(SANDBOX_USERS[1])
    revoked = sign_detached(DATA, signer, signing_time=WHEN)
    good_then = signer.certificate.not_valid_before_utc + dt.timedelta(seconds=1)
    assert _both(fast, revoked, DATA, at=good_then)[0] == "ok"  # now its signer is known
    pki.revoke(signer.certificate)
    later = FastVerifier(pki.trust_store())  # the store holds the CRL it was made with
    for _ in range(2):  # the second time its signer is known
        assert _both(later, revoked, DATA, at=good_then)[0] == "ok"
    assert _both(later, revoked, DATA) == ("refused", "revoked")
    assert later.fast == 1


def test_other_shapes_take_the_full_path(warm: tuple[FastVerifier, bytes],
                                         pki: SandboxPKI) -> None:
    fast, cms = warm
    stamped = add_unsigned_attribute(cms, "1.2.840.113549.1.9.16.2.14", tlv(0x30, b""))
    assert desk_shape(stamped) is None
    assert _both(fast, stamped, DATA)[0] == "ok"
    # A long-form length where the short one does: same values, not the bytes the desk makes.
    content = b"".join(children(cms))
    loose = b"\x30\x83" + len(content).to_bytes(3, "big") + content
    assert desk_shape(loose) is None
    assert _both(fast, loose, DATA) == _verdict(lambda: verify_detached(cms, DATA, fast.trust))
    # The chain certificates left out of the CMS: another certificate set, a new signer.
    _, signer = pki.software_signers(SANDBOX_USERS[0])
    bare = sign_detached(DATA, _LeafOnly(signer), signing_time=WHEN)
    assert desk_shape(bare) is not None and bare != cms
    assert _both(fast, bare, DATA)[0] == "ok"
    assert _both(fast, b"\x30\x03\x02\x01\x01", DATA) == ("refused", "malformed")
    assert _both(fast, b"", DATA) == ("refused", "malformed")
    assert fast.fast == 0


class _LeafOnly:
    """A signer whose CMS carries its certificate alone (no intermediate)."""

    def __init__(self, signer: Any) -> None:
        self.inner, self.certificate = signer, signer.certificate
        self.chain: list[x509.Certificate] = []

    def sign_raw(self, data: bytes) -> bytes:
        return bytes(self.inner.sign_raw(data))


@pytest.fixture(scope="module")
def gost(tmp_path_factory: pytest.TempPathFactory) -> GostSandbox:
    return gost_sandbox(tmp_path_factory.mktemp("fastverify-gost"))


@pytest.mark.usefixtures("gost_backend")
def test_gost_signatures_keep_verifying(gost: GostSandbox) -> None:
    signer = gost.signer(SANDBOX_USERS[0])
    cms = sign_detached(DATA, signer)
    assert desk_shape(cms) is None  # GOST is always the full path's
    fast = FastVerifier(gost.trust_store())
    for _ in range(2):
        assert _both(fast, cms, DATA, purpose="signing")[0] == "ok"
    assert _both(fast, cms, DATA + b"x") == ("refused", "digest_mismatch")
    assert fast.fast == 0


def test_a_verifier_is_bound_to_its_trust_store(warm: tuple[FastVerifier, bytes],
                                                tmp_path: Path) -> None:
    _, cms = warm
    elsewhere = FastVerifier(create_sandbox_pki(tmp_path / "other").trust_store())
    for _ in range(2):
        assert _both(elsewhere, cms, DATA)[0] == "refused"
    assert elsewhere.fast == 0


def _decoded(decode: Callable[[str], bytes], text: str) -> tuple[Any, ...]:
    try:
        return ("ok", decode(text))
    except (binascii.Error, ValueError) as exc:
        return ("refused", type(exc).__name__, str(exc))


def test_a_learned_signers_base64_decodes_as_b64decode_would(
        warm: tuple[FastVerifier, bytes], pki: SandboxPKI) -> None:
    # Issue 10: only the digest, time and signature are decoded; every other text gets the
    # bytes or the error of base64.b64decode(text, validate=True).
    fast, _ = warm
    _, signer = pki.software_signers(SANDBOX_USERS[0])
    other = sign_detached(b"other", signer, signing_time=WHEN + dt.timedelta(days=1))
    text = base64.b64encode(other).decode("ascii")

    def same(candidate: str) -> tuple[Any, ...]:
        expected = _decoded(lambda t: base64.b64decode(t, validate=True), candidate)
        assert _decoded(fast.decode_base64, candidate) == expected, candidate
        return expected

    assert same(text) == ("ok", other)
    (layout,) = fast._texts[len(text)].values()  # the signer's text was learned
    (template,) = layout.values()
    holes = [(start, end) for start, end, _, data in template.parts if data is None]
    assert len(holes) >= 2 and holes[-1][1] == len(text) and template.decode(text) == other
    decoded = refused = 0
    rng = random.Random(10)
    alphabet = string.ascii_letters + string.digits + "+/=-_ .\n\u0416"
    for i in [*range(len(text)), *range(len(text) - 8, len(text))]:
        for char in {rng.choice(alphabet), "=", "A"}:
            verdict = same(text[:i] + char + text[i + 1:])
            decoded, refused = decoded + (verdict[0] == "ok"), refused + (verdict[0] != "ok")
    for cut in (text[:-1], text[:-4], text + "=", text + "AAAA", "=" + text[1:], ""):
        same(cut)
    assert decoded > 1000 and refused > 500  # both kinds of answer were compared
    # A text whose holes hold padding and then data, and one with the padding moved.
    start = holes[0][0]
    for holed in (text[:start] + "QQ==" + text[start + 4:], text[:-4] + "QR==",
                  text[:-4] + "Q==A", text[:start] + "\u0416AAA" + text[start + 4:]):
        same(holed)


def test_one_verifier_serves_many_threads(tmp_path: Path) -> None:
    """Issue 10: the gateway shares one verifier among its request threads. Threads learning
    signers while others look templates up get the full path's verdicts, with no error, and
    each signer is learned from few full checks, not once per thread."""
    import sys
    import threading

    pki = create_sandbox_pki(tmp_path)  # none of its certificates revoked by another test
    fast = FastVerifier(pki.trust_store())
    signed = []
    for user in SANDBOX_USERS[:4]:
        _, signer = pki.software_signers(user)
        for n in range(6):
            data = f'{{"n":{n},"u":"{user.iin}"}}'.encode()
            signed.append((sign_detached(data, signer, signing_time=WHEN), data))
    now = dt.datetime.now(dt.UTC)
    verdicts: list[str] = []
    errors: list[BaseException] = []
    start = threading.Barrier(8)

    def worker(k: int) -> None:
        start.wait()
        try:
            for i in range(len(signed)):
                cms, data = signed[(i + k * 3) % len(signed)]
                verdicts.append(str(fast.verify(cms, data, at=now, purpose="signing")
                                    .signing_time))
        except BaseException as exc:  # any error in a thread is the failure
            errors.append(exc)

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # threads interleave as often as CPython lets them
    try:
        threads = [threading.Thread(target=worker, args=(k,)) for k in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        sys.setswitchinterval(interval)
    assert not errors
    assert verdicts == [str(WHEN)] * (8 * len(signed))
    assert fast.fast + fast.full == 8 * len(signed)
    assert fast.full < 8 * 4  # not every thread learned every signer

