"""A 2-input neuron's output over the plane, drawn as a few bands of equal output (a heat map of polygons).

One neuron's output depends on the inputs only through z = w1·x1 + w2·x2 + b,
and every activation here is non-decreasing in z. So the places where the
output lies between two values o_low and o_high form a strip parallel to the
boundary z = 0, between the z-levels where the activation reaches o_low and
o_high. The output range is cut into at most ``2 · BANDS_PER_SIDE`` bands and
each band is one polygon: the plotting rectangle clipped on both sides.

Colours diverge from the output on the boundary (sigmoid: 0.5, tanh: 0, relu: 0):
blue (``PALETTE[0]``, like the points labelled 0) below it, vermilion
(``PALETTE[1]``, like the points labelled 1) above it, stronger the further
the output is from it. They are drawn with an opacity, so they sit on a light
page or a dark one alike.

The scale is fixed for activations with a bounded output (``FIXED_RANGES``:
sigmoid from 0 to 1, tanh from -1 to 1), so a colour means the same output in
every picture. For the others (identity, relu, leaky_relu, elu) it covers the
outputs inside the picture, in round steps. ``step`` has two outputs, 0 and 1,
and gets two bands, one on each side of the boundary.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable
from dataclasses import dataclass

from ..activations import get_activation
from ..formatting import format_number
from .clipping import Point, clip_polygon
from .figure import PALETTE, ColorBar
from .ticks import tick_label

FIXED_RANGES = {"sigmoid": (0.0, 1.0), "tanh": (-1.0, 1.0)}  #: activations whose outputs span a fixed range
DISCRETE = {"step": (0.0, 1.0)}  #: activations with two outputs: below and above the boundary
BANDS_PER_SIDE = 5  #: at most this many bands below the boundary's output, and as many above
MAX_OPACITY = 0.5  #: the opacity of the colour at the ends of the scale
BELOW, ABOVE = PALETTE[0], PALETTE[1]  #: blue for outputs below the boundary's, vermilion for outputs above


@dataclass(frozen=True)
class Band:
    """Outputs from ``low`` to ``high`` (``high`` excluded, except in the last band), coloured for ``value``."""

    low: float
    high: float
    value: float


@dataclass(frozen=True)
class OutputScale:
    """The bands an activation's output is cut into, their colours, and the outputs the legend labels."""

    activation: str
    bands: list[Band]
    centre: float  # the output on the boundary z = 0: no colour
    extent: float  # how far from the centre the outputs reach: full colour
    labels: list[tuple[float, str]]  # (output, its label) under the colour bar
    discrete: bool = False

    def colour(self, value: float) -> tuple[str, float]:
        """(colour, opacity) for an output: the hue says below or above the centre, the opacity how far."""
        share = min(1.0, abs(value - self.centre) / self.extent) if self.extent > 0 else 0.0
        return (ABOVE if value > self.centre else BELOW), round(share * MAX_OPACITY, 3)

    def place(self, output: float) -> float:
        """Where an output sits along the colour bar, from 0 (left end) to 1 (right end)."""
        if self.discrete:  # two equal swatches: 0 on the left, 1 on the right
            return 0.25 if output < self.centre else 0.75
        low, high = self.bands[0].low, self.bands[-1].high
        return 0.5 if high == low else (output - low) / (high - low)

    def color_bar(self) -> ColorBar:
        """The legend: one swatch per band, as wide as its share of the outputs, with the labels under it."""
        count = len(self.bands)
        if self.discrete:
            places = [(i / count, (i + 1) / count) for i in range(count)]
        else:
            places = [(self.place(band.low), self.place(band.high)) for band in self.bands]
            places = places if count > 1 else [(0.0, 1.0)]
        swatches = [(start, end, *self.colour(band.value)) for (start, end), band in zip(places, self.bands)]
        stops = [(self.place(output), text) for output, text in self.labels]
        return ColorBar(f"{self.activation} output", swatches, stops, self.description())

    def description(self) -> str:
        """The shading in words, for screen readers."""
        count = len(self.bands)
        centre = next((text for output, text in self.labels if output == self.centre), format_number(self.centre))
        sides = [f"blue below {centre}"] if any(band.value < self.centre for band in self.bands) else []
        sides += [f"vermilion above {centre}"] if any(band.value > self.centre for band in self.bands) else []
        if not sides:
            return f"No shading: the neuron's {self.activation} output is {centre} everywhere in the picture."
        if self.discrete:
            low, high = self.labels[0][1], self.labels[-1][1]
            where = [f"blue where it is {low}"] if sides[0].startswith("blue") else []
            where += [f"vermilion where it is {high}"] if sides[-1].startswith("vermilion") else []
            return f"Shaded by the neuron's {self.activation} output: {' and '.join(where)}."
        return (
            f"Shaded by the neuron's {self.activation} output, in {count} band{'s' if count != 1 else ''} "
            f"from {self.labels[0][1]} to {self.labels[-1][1]}: {' and '.join(sides) or 'no colour'}, "
            "stronger further from the boundary."
        )


def _nice_ceiling(value: float) -> float:
    """The smallest of 1, 2, 2.5, 5 times a power of ten that is at least ``value`` (> 0)."""
    power = 10.0 ** math.floor(math.log10(value))
    return next(m * power for m in (1.0, 2.0, 2.5, 5.0, 10.0) if m * power >= value * (1 - 1e-12))


def output_scale(activation: str, z_low: float, z_high: float) -> OutputScale:
    """The bands for ``activation`` when z runs from z_low to z_high inside the picture."""
    function = get_activation(activation).function
    if activation in DISCRETE:
        low, high = DISCRETE[activation]
        middle, half = (low + high) / 2, (high - low) / 2
        bands = [Band(low, middle, low), Band(middle, high, high)]
        return OutputScale(activation, bands, middle, half, [(low, f"{low:g}"), (high, f"{high:g}")], True)
    centre = function(0.0)
    if activation in FIXED_RANGES:
        low, high = FIXED_RANGES[activation]
        step = max(high - centre, centre - low) / BANDS_PER_SIDE
        edges = [centre + k * step for k in range(-BANDS_PER_SIDE, BANDS_PER_SIDE + 1)]
        edges = [round(e, 12) for e in edges if low - 1e-9 <= e <= high + 1e-9]
    else:
        low, high = function(z_low), function(z_high)
        if high - low <= 1e-12:  # the same output all over the picture (relu where every z < 0)
            return OutputScale(activation, [Band(low, high, low)], centre, 0.0, [(low, format_number(low))])
        step = _nice_ceiling((high - low) / (2 * BANDS_PER_SIDE))
        edges = _round_edges(low, high, centre, step)
    bands = [Band(a, b, (a + b) / 2) for a, b in itertools.pairwise(edges)]
    extent = max(high - centre, centre - low)
    room = (high - low) / 5  # labels closer than this would run into each other
    marks = [low, centre, high] if low + room < centre < high - room else [low, high]
    return OutputScale(activation, bands, centre, extent, [(m, _label(m, step, activation)) for m in marks])


def _label(output: float, step: float, activation: str) -> str:
    """A legend label: on a fixed scale with the step's decimals (0.0, 0.5, 1.0), else to a tenth of a step."""
    if activation in FIXED_RANGES:
        return tick_label(output, step)
    return format_number(round(output, max(0, 1 - math.floor(math.log10(step)))))  # 4.1, -0.02, 0.0


def _round_edges(low: float, high: float, centre: float, step: float) -> list[float]:
    """low, then the multiples of step away from the centre between low and high, then high.

    A multiple closer than a fifth of a step to low or high is left out (no sliver of a band), except the centre.
    """
    first, last = math.ceil((low - centre) / step), math.floor((high - centre) / step)
    inner = [round(centre + k * step, 12) for k in range(first, last + 1)]
    kept = [e for e in inner if e == centre or low + step / 5 < e < high - step / 5]
    return [low, *(e for e in kept if low < e < high), high]


def z_level(function: Callable[[float], float], output: float, z_low: float, z_high: float) -> float:
    """The smallest z in [z_low, z_high] where function(z) ≥ output (z_high if there is none), by bisection."""
    if function(z_low) >= output:
        return z_low
    if function(z_high) < output:
        return z_high
    for _ in range(50):  # halves the interval 50 times: far below a pixel
        middle = (z_low + z_high) / 2
        if function(middle) >= output:
            z_high = middle
        else:
            z_low = middle
    return z_high


def output_bands(
    scale: OutputScale, w1: float, w2: float, b: float, rectangle: list[Point]
) -> list[tuple[list[Point], Band]]:
    """Each band's polygon inside the (convex) ``rectangle``: where its lower z-level ≤ w1·x1 + w2·x2 + b ≤ its upper.

    The first band reaches down to z = -∞ and the last up to +∞, so the bands cover the rectangle.
    Bands with no area inside it are left out.
    """
    function = get_activation(scale.activation).function
    corners = [w1 * x + w2 * y + b for x, y in rectangle]
    z_low, z_high = min(corners), max(corners)
    levels = [z_level(function, band.low, z_low, z_high) for band in scale.bands[1:]]
    lower, upper = [-math.inf, *levels], [*levels, math.inf]
    bands = []
    for band, z_from, z_to in zip(scale.bands, lower, upper):
        polygon = rectangle
        if z_from > -math.inf:
            polygon = clip_polygon(polygon, w1, w2, b - z_from)  # z - z_from ≥ 0
        if z_to < math.inf:
            polygon = clip_polygon(polygon, -w1, -w2, z_to - b)  # z_to - z ≥ 0
        if _area(polygon) > 1e-12 * _area(rectangle):
            bands.append((polygon, band))
    return bands


def _area(polygon: list[Point]) -> float:
    """The area of a polygon (shoelace formula); 0 for fewer than three points."""
    pairs = zip(polygon, polygon[1:] + polygon[:1])
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in pairs)) / 2
