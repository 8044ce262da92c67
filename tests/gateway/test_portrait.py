"""№19 answers with a synthetic portrait: a small, valid, deterministic PNG per person (R-Q-1)."""

from __future__ import annotations

import base64
import struct
import zlib

import pytest

from gateway.population import Population
from gateway.resolvers import resolve
from gateway.world.portrait import HEIGHT, WIDTH

pytestmark = pytest.mark.req("R-Q-1")


def _decode(data: bytes) -> tuple[int, int, bytes]:
    """(width, height, unfiltered RGB) of an 8-bit RGB PNG, every chunk's CRC checked."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, header = 8, b"", b""
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind, body = data[pos + 4:pos + 8], data[pos + 8:pos + 8 + length]
        (crc,) = struct.unpack(">I", data[pos + 8 + length:pos + 12 + length])
        assert crc == zlib.crc32(kind + body) & 0xFFFFFFFF, kind
        header = body if kind == b"IHDR" else header
        idat += body if kind == b"IDAT" else b""
        pos += 12 + length
        if kind == b"IEND":
            break
    assert pos == len(data)
    width, height, depth, colour, *_ = struct.unpack(">IIBBBBB", header)
    assert (depth, colour) == (8, 2)
    raw, stride, out = zlib.decompress(idat), width * 3, bytearray()
    assert len(raw) == height * (stride + 1)
    for y in range(height):
        line = raw[y * (stride + 1):(y + 1) * (stride + 1)]
        assert line[0] == 1  # Sub
        row = bytearray(line[1:])
        for i in range(3, stride):
            row[i] = (row[i] + row[i - 3]) & 0xFF
        out += row
    return width, height, bytes(out)


def test_photo_record_carries_a_small_valid_png_that_differs_per_person() -> None:
    population = Population(200, seed=5)
    iins = population.sample_iins(2)
    (record,) = resolve(population, 19, {"iin": iins[0]})
    fields = record.fields
    assert fields["photo_ref"].endswith(".jpg")
    data = base64.b64decode(fields["photo_png"], validate=True)
    assert len(data) < 8 * 1024  # a few KB: it travels signed and stays in the journal
    width, height, pixels = _decode(data)
    assert (width, height) == (WIDTH, HEIGHT) and len(pixels) == WIDTH * HEIGHT * 3
    assert len(set(zip(pixels[::3], pixels[1::3], pixels[2::3], strict=True))) > 5  # a picture
    again = resolve(population, 19, {"iin": iins[0]})[0].fields["photo_png"]
    assert again == fields["photo_png"]  # deterministic
    other = resolve(population, 19, {"iin": iins[1]})[0].fields["photo_png"]
    assert _decode(base64.b64decode(other))[2] != pixels
