"""The Plot: axes, ranges and the series drawn on them, rendered as one SVG picture.

Sizes are in SVG units; text and axes use ``currentColor`` and the series
``PALETTE`` (see :mod:`neuron.plot`).
"""

from __future__ import annotations

import textwrap
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..formatting import format_number
from .clipping import Point, visible_pieces
from .svg import add_marker, add_text, line_attributes
from .ticks import nice_step, nice_ticks, tick_label

#: Colours for curves and classes, in order: blue, vermilion, green, purple, amber, pink, olive, teal.
PALETTE = ["#2b83d6", "#d55e00", "#1a9e5c", "#9a6fd0", "#cc7a00", "#d6477b", "#8a8f00", "#2a9d8f"]
#: Dash patterns, used with the colours so curves differ in more than colour.
DASHES = ["", "6 3", "2 3", "8 3 2 3"]

# Sizes in SVG units. The picture is drawn 480 wide and scales with the page: on a
# phone (about 330 px for the output area) 14-unit text is still about 9.6 px.
WIDTH = 480  # the whole picture; its height grows with the legend's rows
FONT, TITLE_FONT = 14, 16  # text size, and the title's
LEFT, RIGHT, TOP = 62, 22, 32  # margins of the plotting area: tick values and y label on the left, title above
PLOT_HEIGHT = 240  # height of the plotting area
AXIS_SPACE = 48  # below the plotting area: tick values, then the x label
LEGEND_ROW = 22  # height of one legend row, below the x label
LEGEND_SAMPLE = 28  # width of a legend entry's sample (line, marker or swatch) and the gap after it
LEGEND_GAP = 18  # space between two legend entries in a row
CHAR_WIDTH = 0.6 * FONT  # a generous guess at the average width of a character
NOTE_LINE = 1.3 * FONT  # distance between two lines of a note
COLOR_BAR_SPACE = 44  # below the legend: a colour bar, its caption and its labels
COLOR_BAR_WIDTH = 240  # at most; narrower when the caption is long


@dataclass
class Series:
    """One thing drawn on a plot: a line, a set of points, or a shaded area."""

    kind: str  # "line", "points" or "area"
    points: list[Point]
    label: str | None
    color: str
    dash: str = ""
    marker: str = "circle"
    opacity: float = 1.0


@dataclass
class ColorBar:
    """The legend of a shading by value: a caption, then swatches from left to right with labels under them."""

    caption: str  # e.g. "sigmoid output"
    swatches: list[tuple[float, float, str, float]]  # (start, end, colour, fill-opacity); start, end as in stops
    stops: list[tuple[float, str]]  # (place along the bar, 0 = left end, 1 = right end; label)
    description: str = ""  # the shading in words, for screen readers


@dataclass
class Plot:
    """A 2-D plot that renders as SVG: a title, axis labels, ranges, the series drawn on it, and an optional note.

    The ``note`` is a sentence written across the middle of the plotting area,
    for what the picture must say in words (such as "No boundary: ...");
    the ``caption`` is a sentence under everything else, saying what the picture shows.
    """

    title: str
    x_label: str
    y_label: str
    x_range: tuple[float, float]
    y_range: tuple[float, float]
    series: list[Series] = field(default_factory=list)
    note: str = ""
    color_bar: ColorBar | None = None
    caption: str = ""

    def next_color(self) -> str:
        """The next palette colour not yet used by a line."""
        return PALETTE[sum(s.kind == "line" for s in self.series) % len(PALETTE)]

    def add_line(self, points: list[Point], label: str | None = None, color: str | None = None, dash: str = "") -> None:
        """Draw a curve through ``points`` (x, y), clipped to the plot; non-finite points leave a gap."""
        self.series.append(Series("line", points, label, color or self.next_color(), dash))

    def add_points(self, points: list[Point], label: str | None, color: str, marker: str = "circle") -> None:
        """Draw a marker ("circle", "square" or a small "dot") at each point."""
        self.series.append(Series("points", points, label, color, marker=marker))

    def add_area(self, polygon: list[Point], color: str, opacity: float = 0.15, label: str | None = None) -> None:
        """Shade a polygon lightly."""
        self.series.append(Series("area", polygon, label, color, opacity=opacity))

    # -- from data coordinates to picture coordinates --

    def _px(self, x: float) -> float:
        """Horizontal picture position of data x."""
        low, high = self.x_range
        return LEFT + (x - low) / (high - low) * (WIDTH - LEFT - RIGHT)

    def _py(self, y: float) -> float:
        """Vertical picture position of data y (SVG's y axis points down)."""
        low, high = self.y_range
        return TOP + (high - y) / (high - low) * PLOT_HEIGHT

    def _coords(self, points: Sequence[Point]) -> str:
        """Points as the SVG attribute text 'x1,y1 x2,y2 ...' (2 decimals: far below a pixel)."""
        return " ".join(f"{self._px(x):.2f},{self._py(y):.2f}" for x, y in points)

    def legend_layout(self) -> list[tuple[Series, float, float]]:
        """Where each labelled series' legend entry goes, below the x label: (series, x, y).

        Entries run left to right from the plot's left edge and wrap to a new row
        when the next would pass the right edge (text widths are estimated).
        """
        placed: list[tuple[Series, float, float]] = []
        x, y = LEFT, TOP + PLOT_HEIGHT + AXIS_SPACE + LEGEND_ROW / 2 + 4
        for series in (s for s in self.series if s.label):
            width = LEGEND_SAMPLE + len(series.label or "") * CHAR_WIDTH
            if x > LEFT and x + width > WIDTH - RIGHT:
                x, y = LEFT, y + LEGEND_ROW  # no room left in this row
            placed.append((series, x, y))
            x += width + LEGEND_GAP
        return placed

    def legend_bottom(self) -> float:
        """Where the legend's rows end (and a colour bar, if any, begins)."""
        rows = len({y for _, _, y in self.legend_layout()})
        return TOP + PLOT_HEIGHT + AXIS_SPACE + rows * LEGEND_ROW

    def caption_top(self) -> float:
        """Where the caption begins: below the legend and the colour bar."""
        return self.legend_bottom() + (COLOR_BAR_SPACE if self.color_bar else 0)

    def height(self) -> float:
        """The picture's height: title, plotting area, axis text, legend rows, the colour bar, the caption's lines."""
        return self.caption_top() + len(self._wrap(self.caption)) * NOTE_LINE + 6

    # -- drawing --

    def to_svg(self) -> str:
        """The complete SVG document, as text. The same plot always gives the same text."""
        height = f"{self.height():g}"
        svg = ET.Element(
            "svg",
            {
                "xmlns": "http://www.w3.org/2000/svg",
                "viewBox": f"0 0 {WIDTH} {height}",
                "width": str(WIDTH),
                "height": height,
                "role": "img",
                "font-family": "system-ui, sans-serif",
                "font-size": str(FONT),
            },
        )
        ET.SubElement(svg, "title").text = self.title or "plot"
        ET.SubElement(svg, "desc").text = self._description()
        self._draw_grid(svg)
        for kind in ("area", "line", "points"):  # areas underneath, points on top
            for series in self.series:
                if series.kind == kind:
                    getattr(self, f"_draw_{kind}")(svg, series)
        self._draw_axes(svg)
        self._draw_note(svg)
        self._draw_legend(svg)
        self._draw_color_bar(svg)
        self._draw_caption(svg)
        return ET.tostring(svg, encoding="unicode")

    def _repr_svg_(self) -> str:
        """Shown as a picture by Jupyter and by the course's code panels."""
        return self.to_svg()

    def __repr__(self) -> str:
        labels = [s.label for s in self.series if s.label]
        return f"<Plot {self.title!r}: {', '.join(labels) or 'empty'}>"

    def _description(self) -> str:
        """A one-sentence text alternative for screen readers."""
        labels = [s.label for s in self.series if s.label]
        shown = f" Shows: {', '.join(labels)}." if labels else ""
        low, high = (format_number(x) for x in self.x_range)
        note = "".join(f" {words}" for words in (self.note, self.caption) if words)
        shading = f" {self.color_bar.description}" if self.color_bar and self.color_bar.description else ""
        return f"{self.y_label} against {self.x_label}, {self.x_label} from {low} to {high}.{shown}{shading}{note}"

    def _box(self) -> tuple[float, float, float, float]:
        return (*self.x_range, *self.y_range)

    def _draw_grid(self, svg: ET.Element) -> None:
        """Faint grid lines at the ticks, and stronger lines for x = 0 and y = 0."""
        grid = ET.SubElement(svg, "g", {"stroke": "currentColor", "stroke-opacity": "0.12", "stroke-width": "1"})
        for x in nice_ticks(*self.x_range):
            ET.SubElement(
                grid,
                "line",
                line_attributes(self._px(x), self._py(self.y_range[0]), self._px(x), self._py(self.y_range[1])),
            )
        for y in nice_ticks(*self.y_range):
            ET.SubElement(
                grid,
                "line",
                line_attributes(self._px(self.x_range[0]), self._py(y), self._px(self.x_range[1]), self._py(y)),
            )
        zero = ET.SubElement(svg, "g", {"stroke": "currentColor", "stroke-opacity": "0.45", "stroke-width": "1"})
        if self.x_range[0] < 0 < self.x_range[1]:
            ET.SubElement(
                zero,
                "line",
                line_attributes(self._px(0), self._py(self.y_range[0]), self._px(0), self._py(self.y_range[1])),
            )
        if self.y_range[0] < 0 < self.y_range[1]:
            ET.SubElement(
                zero,
                "line",
                line_attributes(self._px(self.x_range[0]), self._py(0), self._px(self.x_range[1]), self._py(0)),
            )

    def _draw_area(self, svg: ET.Element, series: Series) -> None:
        if len(series.points) >= 3:
            attributes = {
                "points": self._coords(series.points),
                "fill": series.color,
                "fill-opacity": f"{series.opacity:g}",
            }
            ET.SubElement(svg, "polygon", attributes)

    def _draw_line(self, svg: ET.Element, series: Series) -> None:
        for piece in visible_pieces(series.points, self._box()):
            attributes = {"points": self._coords(piece), "fill": "none", "stroke": series.color, "stroke-width": "2.5"}
            if series.dash:
                attributes["stroke-dasharray"] = series.dash
            ET.SubElement(svg, "polyline", attributes)

    def _draw_points(self, svg: ET.Element, series: Series) -> None:
        group = ET.SubElement(svg, "g", {"fill": series.color, "stroke": "currentColor", "stroke-width": "1"})
        for x, y in series.points:
            add_marker(group, series.marker, self._px(x), self._py(y), 6)

    def _draw_axes(self, svg: ET.Element) -> None:
        """The frame, ticks with their values, the axis labels and the title, all in currentColor."""
        x_low, x_high = self.x_range
        y_low, y_high = self.y_range
        bottom = TOP + PLOT_HEIGHT  # the plotting area's lower edge
        axes = ET.SubElement(svg, "g", {"stroke": "currentColor", "fill": "none", "stroke-width": "1"})
        ET.SubElement(
            axes,
            "rect",
            {"x": f"{LEFT}", "y": f"{TOP}", "width": f"{WIDTH - LEFT - RIGHT}", "height": f"{PLOT_HEIGHT}"},
        )
        text = ET.SubElement(svg, "g", {"fill": "currentColor"})
        x_step, y_step = nice_step(x_low, x_high), nice_step(y_low, y_high)
        for x in nice_ticks(x_low, x_high):
            ET.SubElement(axes, "line", line_attributes(self._px(x), bottom, self._px(x), bottom + 5))
            add_text(text, tick_label(x, x_step), self._px(x), bottom + 20, "middle")
        for y in nice_ticks(y_low, y_high):
            ET.SubElement(axes, "line", line_attributes(LEFT - 5, self._py(y), LEFT, self._py(y)))
            add_text(text, tick_label(y, y_step), LEFT - 8, self._py(y) + 5, "end")
        middle = (LEFT + WIDTH - RIGHT) / 2
        add_text(text, self.x_label, middle, bottom + 40, "middle")
        y_label = add_text(text, self.y_label, 18, TOP + PLOT_HEIGHT / 2, "middle")
        y_label.set("transform", f"rotate(-90 18 {TOP + PLOT_HEIGHT / 2:g})")
        add_text(text, self.title, middle, 21, "middle").set("font-size", str(TITLE_FONT))

    @staticmethod
    def _wrap(words: str) -> list[str]:
        """Lines that fit across the plotting area (text widths are estimated)."""
        return textwrap.wrap(words, int((WIDTH - LEFT - RIGHT - FONT) / CHAR_WIDTH)) if words else []

    def note_lines(self) -> list[str]:
        """The note, wrapped into lines that fit across the plotting area."""
        return self._wrap(self.note)

    def _draw_caption(self, svg: ET.Element) -> None:
        """The caption's lines, from the left edge of the plotting area."""
        caption = ET.SubElement(svg, "g", {"fill": "currentColor"})
        for number, line in enumerate(self._wrap(self.caption)):
            add_text(caption, line, LEFT, self.caption_top() + (number + 1) * NOTE_LINE, "start")

    def _draw_note(self, svg: ET.Element) -> None:
        """The note's lines, centred in the plotting area."""
        lines = self.note_lines()
        middle_x, middle_y = (LEFT + WIDTH - RIGHT) / 2, TOP + PLOT_HEIGHT / 2
        note = ET.SubElement(svg, "g", {"fill": "currentColor"})
        for number, line in enumerate(lines):
            y = middle_y + (number - (len(lines) - 1) / 2) * NOTE_LINE + FONT / 3  # a third of FONT: baseline
            add_text(note, line, middle_x, y, "middle")

    def _draw_legend(self, svg: ET.Element) -> None:
        """One entry per labelled series, in rows below the plot: a small sample, then the label."""
        legend = ET.SubElement(svg, "g", {"fill": "currentColor"})
        for series, x, y in self.legend_layout():
            if series.kind == "line":
                attributes = line_attributes(x, y, x + 22, y)
                attributes.update({"stroke": series.color, "stroke-width": "2.5"})
                if series.dash:
                    attributes["stroke-dasharray"] = series.dash
                ET.SubElement(legend, "line", attributes)
            elif series.kind == "points":
                marker = ET.SubElement(legend, "g", {"fill": series.color, "stroke": "currentColor"})
                add_marker(marker, series.marker, x + 11, y, 6)
            else:
                swatch = {"x": f"{x + 3:.2f}", "y": f"{y - 7:.2f}", "width": "16", "height": "14"}
                swatch.update({"fill": series.color, "fill-opacity": f"{series.opacity:g}"})
                ET.SubElement(legend, "rect", swatch)
            add_text(legend, series.label or "", x + LEGEND_SAMPLE, y + 5, "start")

    def _draw_color_bar(self, svg: ET.Element) -> None:
        """The caption, the swatches side by side in a thin frame, and the labels under their places."""
        bar = self.color_bar
        if bar is None or not bar.swatches:
            return
        top = self.legend_bottom() + 6
        left = LEFT + len(bar.caption) * CHAR_WIDTH + 12
        width = min(COLOR_BAR_WIDTH, WIDTH - RIGHT - FONT - left)  # room for half a label past the right end
        group = ET.SubElement(svg, "g", {"fill": "currentColor"})
        add_text(group, bar.caption, LEFT, top + 12, "start")
        for start, end, colour, opacity in bar.swatches:
            swatch = {"x": f"{left + start * width:.2f}", "y": f"{top:.2f}", "width": f"{(end - start) * width:.2f}"}
            ET.SubElement(group, "rect", {**swatch, "height": "16", "fill": colour, "fill-opacity": f"{opacity:g}"})
        frame = {"x": f"{left:.2f}", "y": f"{top:.2f}", "width": f"{width:.2f}", "height": "16"}
        ET.SubElement(group, "rect", {**frame, "fill": "none", "stroke": "currentColor", "stroke-opacity": "0.5"})
        for place, label in bar.stops:
            x = left + place * width
            ET.SubElement(group, "line", {**line_attributes(x, top + 16, x, top + 20), "stroke": "currentColor"})
            add_text(group, label, x, top + 34, "middle")
