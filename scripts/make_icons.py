"""Draw the course's app icons into web/icons/ (run once; the PNGs are committed).

The picture is one neuron: three inputs joining a circle, white on the site's
indigo. PNGs are drawn pixel by pixel with the standard library (zlib), each
pixel's coverage sampled 4 x 4 for smooth edges; the SVG is the same picture.
"""

from __future__ import annotations

import math
import struct
import zlib
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "web" / "icons"
INDIGO = (63, 81, 181)
WHITE = (255, 255, 255)
#: The picture on a 100 x 100 canvas: inputs from the left to the cell body.
BODY = (62.0, 50.0, 17.0)  # centre x, centre y, radius
INPUTS = [((14.0, 24.0), (48.0, 40.0)), ((12.0, 50.0), (45.0, 50.0)), ((14.0, 76.0), (48.0, 60.0))]
STROKE = 4.5
CORNER = 18.0  # the background's rounded corner (maskable icons are cropped to a circle anyway)


def segment_distance(x: float, y: float, a: tuple[float, float], b: tuple[float, float]) -> float:
    """Distance from (x, y) to the segment ab."""
    (ax, ay), (bx, by) = a, b
    t = max(0.0, min(1.0, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)))
    return math.hypot(x - ax - t * (bx - ax), y - ay - t * (by - ay))


def is_white(x: float, y: float) -> bool:
    cx, cy, r = BODY
    if math.hypot(x - cx, y - cy) <= r:
        return True
    return any(segment_distance(x, y, a, b) <= STROKE / 2 for a, b in INPUTS) or (
        x >= cx and abs(y - cy) <= STROKE / 2 and x <= 90.0  # the output
    )


def in_background(x: float, y: float) -> bool:
    dx = max(CORNER - x, 0.0, x - (100.0 - CORNER))
    dy = max(CORNER - y, 0.0, y - (100.0 - CORNER))
    return math.hypot(dx, dy) <= CORNER


def pixel(px: int, py: int, size: int) -> bytes:
    samples = [
        ((px + (i + 0.5) / 4) * 100 / size, (py + (j + 0.5) / 4) * 100 / size) for i in range(4) for j in range(4)
    ]
    inside = [s for s in samples if in_background(*s)]
    white = sum(is_white(*s) for s in inside) / max(len(inside), 1)
    rgb = [round(i + (w - i) * white) for i, w in zip(INDIGO, WHITE)]
    return bytes([*rgb, round(255 * len(inside) / len(samples))])


def png(size: int) -> bytes:
    rows = b"".join(b"\0" + b"".join(pixel(x, y, size) for x in range(size)) for y in range(size))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")


def svg() -> str:
    cx, cy, r = BODY
    lines = "".join(f'<line x1="{a[0]}" y1="{a[1]}" x2="{b[0]}" y2="{b[1]}"/>' for a, b in INPUTS)
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">'
        f'<rect width="100" height="100" rx="{CORNER}" fill="rgb{INDIGO}"/>'
        f'<g stroke="#fff" stroke-width="{STROKE}" stroke-linecap="round">{lines}'
        f'<line x1="{cx}" y1="{cy}" x2="90" y2="{cy}"/></g>'
        f'<circle cx="{cx}" cy="{cy}" r="{r}" fill="#fff"/></svg>\n'
    )


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    for size in (192, 512):
        (OUT / f"icon-{size}.png").write_bytes(png(size))
    (OUT / "icon.svg").write_text(svg())
