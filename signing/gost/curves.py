"""The two GOST curves NCA uses (NCA-EDS §8), by the OIDs NCA and TC 26 give them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Curve:
    """A short Weierstrass curve y² = x³ + ax + b over GF(p), a = -3, base point of order q."""

    name: str
    p: int
    a: int
    b: int
    q: int
    gx: int
    gy: int

    def __post_init__(self) -> None:
        if (self.a + 3) % self.p:
            raise ValueError("only a = -3 curves are supported (faster doubling)")
        if not self.contains(self.gx, self.gy):
            raise ValueError(f"the base point is not on {self.name}")

    @property
    def size(self) -> int:
        """Bytes per coordinate (32 or 64)."""
        return (self.p.bit_length() + 7) // 8

    def contains(self, x: int, y: int) -> bool:
        """True when (x, y) is a point of the curve (coordinates reduced)."""
        p = self.p
        return 0 <= x < p and 0 <= y < p and (y * y - (x * x * x + self.a * x + self.b)) % p == 0


# id-tc26-gost-3410-2012-256-paramSetB = CryptoPro-A (RFC 7836 / RFC 4357).
TC26_256_B = Curve(
    name="id-tc26-gost-3410-2012-256-paramSetB",
    p=0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFD97,
    a=0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFD94,
    b=0xA6,
    q=0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF6C611070995AD10045841B09B761B893,
    gx=1,
    gy=0x8D91E471E0989CDA27DF505A453F2B7635294F2DDF23E3B122ACC99C9E9F1E14,
)

# id-tc26-gost-3410-12-512-paramSetA (RFC 7836).
TC26_512_A = Curve(
    name="id-tc26-gost-3410-12-512-paramSetA",
    p=int("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF"
          "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFDC7", 16),
    a=int("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF"
          "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFDC4", 16),
    b=int("E8C2505DEDFC86DDC1BD0B2B6667F1DA34B82574761CB0E879BD081CFD0B6265"
          "EE3CB090F30D27614CB4574010DA90DD862EF9D4EBEE4761503190785A71C760", 16),
    q=int("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF"
          "27E69532F48D89116FF22B8D4E0560609B4B38ABFAD2B85DCACDB1411F10B275", 16),
    gx=3,
    gy=int("7503CFE87A836AE3A61B8816E25450E6CE5E1C93ACF1ABC1778064FDCBEFA921"
           "DF1626BE4FD036E93D75E6A50E3A41E98028FE5FC235F5B889A589CB5215F2A4", 16),
)

# NCA's key parameter OIDs (certificates' SPKI), then the TC 26 / CryptoPro names of the same.
CURVES_BY_OID: dict[str, Curve] = {
    "1.2.398.3.10.1.1.1.1.1": TC26_256_B,  # NCA GOST 34.310-2004 keys
    "1.2.398.3.10.1.1.2.2.1": TC26_512_A,  # NCA GOST 34.10-2015 512-bit keys
    "1.2.643.2.2.35.1": TC26_256_B,  # id-GostR3410-2001-CryptoPro-A-ParamSet
    "1.2.643.7.1.2.1.1.2": TC26_256_B,  # id-tc26-gost-3410-2012-256-paramSetB
    "1.2.643.7.1.2.1.2.1": TC26_512_A,  # id-tc26-gost-3410-12-512-paramSetA
}

__all__ = ["CURVES_BY_OID", "TC26_256_B", "TC26_512_A", "Curve"]
