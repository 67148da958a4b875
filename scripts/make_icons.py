"""Draws RoleFit's tab and home-screen icons, no image library needed.

Run: `python scripts/make_icons.py`.

The mark: a rounded square in the site's link blue with two white bars, the two roles
side by side. Writes static/icons/*.png, static/root/favicon.ico (PNG inside an ICO).
"""

import struct
import zlib
from pathlib import Path

STATIC = Path(__file__).resolve().parent.parent / "static"
BLUE, WHITE = (10, 88, 202), (255, 255, 255)


def pixel(x: float, y: float) -> tuple[int, int, int, int]:
    """The colour at (x, y) in a unit square."""
    radius = 0.2
    cx, cy = min(max(x, radius), 1 - radius), min(max(y, radius), 1 - radius)
    if (x - cx) ** 2 + (y - cy) ** 2 > radius**2:
        return (0, 0, 0, 0)  # outside the rounded corners: transparent
    in_left_bar = 0.25 <= x <= 0.42 and 0.4 <= y <= 0.78
    in_right_bar = 0.58 <= x <= 0.75 and 0.22 <= y <= 0.78
    return (*(WHITE if in_left_bar or in_right_bar else BLUE), 255)


def png(size: int) -> bytes:
    rows = b"".join(
        b"\x00" + bytes(c for x in range(size) for c in pixel((x + 0.5) / size, (y + 0.5) / size))
        for y in range(size)
    )

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows, 9))
        + chunk(b"IEND", b"")
    )


def ico(image: bytes, size: int) -> bytes:
    entry = struct.pack("<BBBBHHII", size, size, 0, 0, 1, 32, len(image), 6 + 16)
    return struct.pack("<HHH", 0, 1, 1) + entry + image


def main() -> None:
    for name, size in [("apple-touch-icon.png", 180), ("icon-192.png", 192), ("icon-512.png", 512)]:
        (STATIC / "icons" / name).write_bytes(png(size))
    (STATIC / "root" / "favicon.ico").write_bytes(ico(png(32), 32))


if __name__ == "__main__":
    main()
