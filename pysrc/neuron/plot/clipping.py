"""Clipping: the parts of lines and polygons that fall inside the plotting area.

A box is ``(x_min, x_max, y_min, y_max)`` in data coordinates.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence

Point = tuple[float, float]


def clip_segment(a: Point, b: Point, box: tuple[float, float, float, float]) -> tuple[Point, Point] | None:
    """The part of segment a–b inside box = (x_min, x_max, y_min, y_max), or None (Liang–Barsky).

    Points on the segment are a + t (b - a) for t in [0, 1]; each side of the
    box cuts off the values of t outside it.
    """
    (x0, y0), (x1, y1) = a, b
    dx, dy = x1 - x0, y1 - y0
    t_in, t_out = 0.0, 1.0
    for direction, distance in ((-dx, x0 - box[0]), (dx, box[1] - x0), (-dy, y0 - box[2]), (dy, box[3] - y0)):
        if direction == 0:
            if distance < 0:
                return None  # parallel to this side and outside it
            continue
        t = distance / direction
        if direction < 0:
            t_in = max(t_in, t)  # entering through this side
        else:
            t_out = min(t_out, t)  # leaving through this side
        if t_in > t_out:
            return None
    return (x0 + t_in * dx, y0 + t_in * dy), (x0 + t_out * dx, y0 + t_out * dy)


def visible_pieces(points: Sequence[Point], box: tuple[float, float, float, float]) -> list[list[Point]]:
    """Split a curve into the pieces that lie inside box, dropping non-finite points."""
    pieces: list[list[Point]] = []
    for a, b in itertools.pairwise(points):
        if not all(math.isfinite(v) for v in (*a, *b)):
            continue
        clipped = clip_segment(a, b, box)
        if clipped is None:
            continue
        start, end = clipped
        if pieces and pieces[-1][-1] == start:
            pieces[-1].append(end)  # continues the previous piece
        else:
            pieces.append([start, end])
    return pieces


def clip_polygon(polygon: list[Point], a: float, b: float, c: float) -> list[Point]:
    """The part of a convex polygon where a·x + b·y + c >= 0 (one step of Sutherland–Hodgman)."""
    kept: list[Point] = []
    for p, q in zip(polygon, polygon[1:] + polygon[:1]):
        side_p, side_q = a * p[0] + b * p[1] + c, a * q[0] + b * q[1] + c
        if side_p >= 0:
            kept.append(p)
        if (side_p >= 0) != (side_q >= 0):  # the edge crosses the line: keep the crossing point
            t = side_p / (side_p - side_q)
            kept.append((p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])))
    return kept
