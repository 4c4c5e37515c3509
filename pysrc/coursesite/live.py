"""Live panels: the ``live`` and ``sliders`` options of the ```` ```panel ```` fence.

````markdown
```panel live sliders="w1=-3..3, b=-3..3"
w1 = 0.5
b = -1.0
print(w1 * 2 + b)
```
````

In a live panel every number in the code can be dragged (or moved with
Alt+Up / Alt+Down) and the code runs again as it moves. ``sliders`` names
variables to get a slider each: ``name=low..high``, separated by commas. Each
variable must be set exactly once, at the top level of the starter code, to a
number (``w1 = 0.5`` or ``b = -1``), and that number must lie in the range.

The checks here run at build time; the page finds the same assignment with
the editor's Python syntax tree.
"""

from __future__ import annotations

import ast
import math
import re
from dataclasses import dataclass

#: The numbers the page can move, as written: 2, 0.5, .25 or 3. (not 1e-3, 0x10, 1_000 or 2j);
#: the same rule as web/src/live/literals.js.
MOVABLE = re.compile(r"^(\d+\.?\d*|\.\d+)$")
_SLIDER = re.compile(r"^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(\S+?)\s*\.\.\s*(\S+)\s*$")
SLIDER_FORM = "name=low..high, e.g. w1=-3..3"


@dataclass(frozen=True)
class Slider:
    name: str
    low: float
    high: float

    def as_data(self) -> dict:
        return {"name": self.name, "min": self.low, "max": self.high}


def parse_sliders(spec: str) -> tuple[list[Slider], list[str]]:
    """The sliders a ``sliders="…"`` option asks for, and what is wrong with it."""
    sliders: list[Slider] = []
    problems: list[str] = []
    for part in spec.split(","):
        if not part.strip():
            problems.append(f"sliders {spec!r} has an empty entry; write {SLIDER_FORM}")
            continue
        slider, problem = _parse_one(part)
        if problem:
            problems.append(problem)
        elif any(other.name == slider.name for other in sliders):
            problems.append(f"slider {slider.name!r} is given twice")
        else:
            sliders.append(slider)
    return sliders, problems


def _parse_one(part: str) -> tuple[Slider | None, str]:
    match = _SLIDER.match(part)
    if not match:
        return None, f"cannot read the slider {part.strip()!r}; write {SLIDER_FORM}"
    name, low_text, high_text = match.groups()
    try:
        low, high = float(low_text), float(high_text)
    except ValueError:
        return None, f"slider {name!r}: the range {low_text}..{high_text} is not two numbers"
    if not (math.isfinite(low) and math.isfinite(high)):
        return None, f"slider {name!r}: the range must be finite numbers"
    if not low < high:
        return None, f"slider {name!r}: the range {low_text}..{high_text} must go from low to high"
    return Slider(name, low, high), ""


def movable(node: ast.AST, src: str) -> bool:
    """Whether ``node`` is a number the page can move (see MOVABLE)."""
    if not (isinstance(node, ast.Constant) and type(node.value) in (int, float)):
        return False
    return bool(MOVABLE.match(ast.get_source_segment(src, node) or ""))


def number_literal(node: ast.expr, src: str) -> float | None:
    """The value of ``0.5``, ``-1`` or ``+2`` written in code, else None (bools are not numbers here)."""
    sign = 1
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
        sign = -1 if isinstance(node.op, ast.USub) else 1
        node = node.operand
    return sign * node.value if movable(node, src) else None


def top_level_assignments(tree: ast.Module) -> dict[str, list[ast.stmt]]:
    """Every statement at the top level that sets each name (``=``, ``+=``, ``x: int =``, unpacking)."""
    found: dict[str, list[ast.stmt]] = {}
    for statement in tree.body:
        if isinstance(statement, ast.Assign):
            targets = statement.targets
        elif isinstance(statement, (ast.AugAssign, ast.AnnAssign)) and statement.value is not None:
            targets = [statement.target]
        else:
            continue
        for target in targets:
            for node in ast.walk(target):
                if isinstance(node, ast.Name):
                    found.setdefault(node.id, []).append(statement)
    return found


def has_number(tree: ast.Module, src: str) -> bool:
    return any(movable(node, src) for node in ast.walk(tree))


def check_live(src: str, options: dict) -> tuple[list[Slider], list[str]]:
    """The sliders of a live panel and the author's mistakes in it, as sentences."""
    problems: list[str] = []
    if "live" in options and options["live"] != "live":
        problems.append(f"live takes no value: write just `live`, not live={options['live']!r}")
    sliders, slider_problems = parse_sliders(options["sliders"]) if "sliders" in options else ([], [])
    problems += slider_problems
    try:
        tree = ast.parse(src)
    except SyntaxError as error:
        return sliders, [*problems, f"a live panel's code must be valid Python (line {error.lineno}: {error.msg})"]
    if not has_number(tree, src):
        problems.append("a live panel needs at least one number in its code to move (such as 0.5 or 2)")
    assignments = top_level_assignments(tree)
    for slider in sliders:
        problems += _slider_problems(slider, assignments.get(slider.name, []), src)
    return sliders, problems


def _slider_problems(slider: Slider, statements: list[ast.stmt], src: str) -> list[str]:
    name = slider.name
    if not statements:
        return [f"slider {name!r}: the code never sets {name} (write a line such as `{name} = 0.5`)"]
    if len(statements) > 1:
        lines = ", ".join(str(statement.lineno) for statement in statements)
        return [f"slider {name!r}: {name} is set more than once (lines {lines}); a slider needs exactly one"]
    statement = statements[0]
    value = None
    if isinstance(statement, ast.Assign) and len(statement.targets) == 1 and isinstance(statement.targets[0], ast.Name):
        value = number_literal(statement.value, src)
    if value is None:
        return [f"slider {name!r}: line {statement.lineno} must set {name} to a plain number, as in `{name} = 0.5`"]
    if not slider.low <= value <= slider.high:
        return [f"slider {name!r}: {name} = {value} in the code is outside the range {slider.low}..{slider.high}"]
    return []
