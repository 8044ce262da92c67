"""A synthetic portrait for №19 "Photo from the population documentation system" (R-Q-1).

The sandbox has no photographs of anyone: it draws a head-and-shoulders silhouette whose
colours and proportions follow from the person's IIN, so the same person always gets the same
picture and different people look different. Pure Python (zlib + struct), a few KB of PNG.
A diagonal band across the top-right corner marks it as a drawing, not a photograph.
"""

from __future__ import annotations

import hashlib
import struct
import zlib
from functools import lru_cache

WIDTH, HEIGHT = 96, 120

Colour = tuple[int, int, int]

_SKIN: tuple[Colour, ...] = ((241, 203, 170), (224, 180, 140), (198, 150, 110),
                             (170, 120, 85), (236, 192, 160), (210, 165, 125))
_HAIR: tuple[Colour, ...] = ((30, 25, 22), (60, 40, 28), (95, 65, 40), (140, 110, 70),
                             (120, 120, 120), (20, 20, 30))
_CLOTHES: tuple[Colour, ...] = ((40, 60, 110), (70, 70, 75), (110, 40, 45), (30, 90, 80),
                                (200, 200, 205), (60, 45, 90))
_BAND: Colour = (230, 70, 50)


def _mix(a: Colour, b: Colour, t: float) -> Colour:
    return (round(a[0] + (b[0] - a[0]) * t), round(a[1] + (b[1] - a[1]) * t),
            round(a[2] + (b[2] - a[2]) * t))


def _inside(x: float, y: float, cx: float, cy: float, rx: float, ry: float) -> bool:
    return ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1.0


def _pixels(seed: bytes, female: bool) -> list[bytes]:
    """Rows of RGB bytes: background, shoulders, neck, hair, face, eyes, mouth."""
    skin, hair = _SKIN[seed[0] % len(_SKIN)], _HAIR[seed[1] % len(_HAIR)]
    clothes = _CLOTHES[seed[2] % len(_CLOTHES)]
    top: Colour = (200 + seed[3] % 40, 205 + seed[4] % 40, 215 + seed[5] % 40)
    bottom = _mix(top, (120, 130, 150), 0.45)
    face_rx, face_ry = 20 + seed[6] % 5, 26 + seed[7] % 5
    cx, cy = WIDTH / 2, 50.0
    long_hair = female or seed[8] % 5 == 0
    eye_dy, eye_dx = seed[9] % 3, 8 + seed[10] % 3
    rows = []
    for y in range(HEIGHT):
        row = bytearray()
        background = _mix(top, bottom, y / (HEIGHT - 1))
        for x in range(WIDTH):
            px, py = x + 0.5, y + 0.5
            colour = background
            if long_hair and _inside(px, py, cx, cy + 14, face_rx + 9, face_ry + 18) and py > cy:
                colour = hair  # hair falling behind the shoulders line
            if _inside(px, py, cx, HEIGHT + 12, 46, 40):
                colour = clothes
            if abs(px - cx) < 9 and cy + face_ry - 6 < py < HEIGHT - 22:
                colour = _mix(skin, (0, 0, 0), 0.12)  # the neck, a shade darker
            if _inside(px, py, cx, cy - 6, face_rx + 4, face_ry + 2) and py < cy:
                colour = hair
            if _inside(px, py, cx, cy, face_rx, face_ry) and not (
                    py < cy - face_ry * 0.45 and _inside(px, py, cx, cy - 6, face_rx + 4,
                                                          face_ry + 2)):
                colour = skin
            for side in (-1, 1):
                if _inside(px, py, cx + side * eye_dx, cy - 2 + eye_dy, 2.6, 1.8):
                    colour = (35, 30, 30)
            if abs(px - cx) < 6 and abs(py - (cy + face_ry * 0.55)) < 1:
                colour = (150, 70, 70)
            if 0 <= (x + (HEIGHT - 1 - y)) - 150 < 7:
                colour = _BAND  # the band across the top-right corner: not a photograph
            row += bytes(colour)
        rows.append(bytes(row))
    return rows


def _chunk(kind: bytes, data: bytes) -> bytes:
    return (struct.pack(">I", len(data)) + kind + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))


def png(rows: list[bytes], width: int, height: int) -> bytes:
    """An 8-bit RGB PNG of `rows` (each width*3 bytes); filter "Sub" packs flat areas well."""
    raw = bytearray()
    for row in rows:
        raw.append(1)  # filter type Sub: each byte minus the one three to its left
        raw += bytes(row[:3]) + bytes((row[i] - row[i - 3]) & 0xFF for i in range(3, len(row)))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header)
            + _chunk(b"IDAT", zlib.compress(bytes(raw), 9)) + _chunk(b"IEND", b""))


@lru_cache(maxsize=256)
def portrait_png(iin: str, female: bool) -> bytes:
    """The person's synthetic portrait, WIDTH×HEIGHT, the same bytes for the same IIN."""
    seed = hashlib.sha256(b"sio-sandbox-portrait:" + iin.encode("ascii")).digest()
    return png(_pixels(seed, female), WIDTH, HEIGHT)
