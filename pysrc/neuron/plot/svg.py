"""SVG elements the plots are drawn with (coordinates are picture units, written with 2 decimals)."""

from __future__ import annotations

import xml.etree.ElementTree as ET


def line_attributes(x1: float, y1: float, x2: float, y2: float) -> dict[str, str]:
    """The attributes of a line from (x1, y1) to (x2, y2)."""
    return {"x1": f"{x1:.2f}", "y1": f"{y1:.2f}", "x2": f"{x2:.2f}", "y2": f"{y2:.2f}"}


def add_text(parent: ET.Element, content: str, x: float, y: float, anchor: str) -> ET.Element:
    """A text element; ElementTree escapes <, > and & in it, so any label is safe."""
    element = ET.SubElement(parent, "text", {"x": f"{x:.2f}", "y": f"{y:.2f}", "text-anchor": anchor})
    element.text = content
    return element


def add_marker(parent: ET.Element, shape: str, x: float, y: float, size: float) -> None:
    """A circle, a square or a small dot (a path's steps) centred on (x, y)."""
    if shape == "dot":
        ET.SubElement(parent, "circle", {"cx": f"{x:.2f}", "cy": f"{y:.2f}", "r": f"{size / 2.4:.2f}"})
    elif shape == "square":
        ET.SubElement(
            parent,
            "rect",
            {"x": f"{x - size:.2f}", "y": f"{y - size:.2f}", "width": f"{2 * size:g}", "height": f"{2 * size:g}"},
        )
    else:
        ET.SubElement(parent, "circle", {"cx": f"{x:.2f}", "cy": f"{y:.2f}", "r": f"{size:g}"})
