"""Just enough DER to take a structure apart and put it back (lengths, children)."""

from __future__ import annotations


def tlv(tag: int, content: bytes) -> bytes:
    """One DER element: ``tag``, its definite length, ``content``."""
    n = len(content)
    if n < 0x80:
        length = bytes([n])
    else:
        raw = n.to_bytes((n.bit_length() + 7) // 8, "big")
        length = bytes([0x80 | len(raw)]) + raw
    return bytes([tag]) + length + content


def bounds(der: bytes, at: int = 0) -> tuple[int, int]:
    """(start of contents, end) of the element at ``at`` (single-byte tags only)."""
    if at + 2 > len(der):
        raise ValueError("truncated DER")
    first = der[at + 1]
    if first < 0x80:
        start, end = at + 2, at + 2 + first
    else:
        size = first & 0x7F
        if size == 0 or size > 4:
            raise ValueError("unsupported DER length")
        start = at + 2 + size
        end = start + int.from_bytes(der[at + 2:start], "big")
    if end > len(der):
        raise ValueError("truncated DER")
    return start, end


def element(blob: bytes) -> bytes:
    """The first DER element of ``blob`` (what follows it, e.g. zero padding, is dropped)."""
    return blob[:bounds(blob)[1]]


def children(der: bytes) -> list[bytes]:
    """The encodings of a constructed element's children, byte for byte."""
    at, end = bounds(der)
    out = []
    while at < end:
        _, stop = bounds(der, at)
        out.append(der[at:stop])
        at = stop
    return out


__all__ = ["bounds", "children", "element", "tlv"]
