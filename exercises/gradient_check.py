"""Practice for lesson 6, "Gradient descent": a numerical gradient check.

``gradient-check``: estimate every slope of a loss by nudging one parameter up
and down, (L(p + h) - L(p - h)) / 2h, and compare with the chain rule's slopes.
"""

# X, y: the names the lessons use for a dataset (as pysrc/neuron does)
# ruff: noqa: N806

from __future__ import annotations

import math

from coursekit import Exercise, brief, describe, expect, expect_number, fail
from neuron import OR, Neuron, compute_loss, gradients


def _cubic(parameters: list[float]) -> float:
    """The test loss of the first check: L(a, b) = a³ + 2ab, whose slopes are 3a² + 2b and 2a."""
    a, b = parameters
    return a**3 + 2 * a * b


def _nudged(parameters: list[float], k: int, step: float) -> list[float]:
    moved = list(parameters)
    moved[k] += step
    return moved


def _slopes(loss, parameters: list[float], h: float, how: str = "central") -> list[float]:
    """The reference (``central``) and the wrong versions the checks recognise."""
    p, n = list(parameters), len(parameters)
    if how == "together":  # every parameter nudged at once
        up, down = [v + h for v in p], [v - h for v in p]
        return [(loss(up) - loss(down)) / (2 * h)] * n
    if how == "cumulative":  # one copy for all the parameters, never reset
        up, down, slopes = list(p), list(p), []
        for k in range(n):
            up[k] += h
            down[k] -= h
            slopes.append((loss(up) - loss(down)) / (2 * h))
        return slopes
    ups = [loss(_nudged(p, k, h)) for k in range(n)]
    downs = [loss(_nudged(p, k, -h)) for k in range(n)]
    if how == "forward":
        return [(up - loss(p)) / h for up in ups]
    if how == "half-forward":  # down left at p itself
        return [(up - loss(p)) / (2 * h) for up in ups]
    if how == "over-h":
        return [(up - down) / h for up, down in zip(ups, downs)]
    return [(up - down) / (2 * h) for up, down in zip(ups, downs)]


SLIPS = [
    (
        "forward",
        "that is the one-sided slope (L(p + h) - L(p)) / h. Nudge both ways, up by h and down by h, and "
        "divide the difference by 2h: the two-sided slope is far more accurate.",
    ),
    ("over-h", "the two nudges are 2h apart, from p - h to p + h: divide the difference by 2 * h, not by h."),
    (
        "half-forward",
        "your down value is the loss at p itself, not at p - h: did you add h to the parameter, then "
        "subtract h again? Make two copies of the parameters, one with + h and one with - h.",
    ),
    (
        "together",
        "every slope is the same: you nudged all the parameters at once. Nudge one parameter at a time "
        "(parameter k of a copy), keeping the others as they are.",
    ),
    (
        "cumulative",
        "the first slope is right but the later ones are not: the nudges add up, because one copy is "
        "used for every parameter. Make fresh copies of the parameters for each k.",
    ),
]


def _slopes_of(learner, loss, parameters: list[float], h: float, what: str) -> list[float]:
    numerical_gradient = learner.function("numerical_gradient", "loss", "parameters", "h")
    result = numerical_gradient(loss, list(parameters), h)
    if not isinstance(result, (list, tuple)) or len(result) != len(parameters):
        fail(
            f"{what} should return a list with one slope per parameter ({len(parameters)}), but it returned "
            f"{describe(result)}."
        )
    return [expect_number(slope, f"each slope of {what}") for slope in result]


def _close(a: list[float], b: list[float], tol: float = 1e-9) -> bool:
    return all(math.isclose(x, y, rel_tol=tol, abs_tol=tol) for x, y in zip(a, b))


STARTER_FUNCTIONS = '''\
from neuron import OR, Neuron, compute_loss, gradients


def numerical_gradient(loss, parameters, h=1e-5):
    """One slope per parameter, by nudging: (loss(p + h) - loss(p - h)) / 2h,
    where only parameter k is nudged and the others stay as they are."""
    slopes = []
    return slopes


def gradients_match(analytic, numeric, tolerance=1e-6):
    """True if every analytic slope is within tolerance of its numeric slope."""
    return False
'''

SOLUTION_FUNCTIONS = '''\
from neuron import OR, Neuron, compute_loss, gradients


def numerical_gradient(loss, parameters, h=1e-5):
    """One slope per parameter, by nudging: (loss(p + h) - loss(p - h)) / 2h,
    where only parameter k is nudged and the others stay as they are."""
    slopes = []
    for k in range(len(parameters)):
        up = list(parameters)    # copies: the caller's list stays as it is
        down = list(parameters)
        up[k] += h
        down[k] -= h
        slopes.append((loss(up) - loss(down)) / (2 * h))
    return slopes


def gradients_match(analytic, numeric, tolerance=1e-6):
    """True if every analytic slope is within tolerance of its numeric slope."""
    if len(analytic) != len(numeric):
        return False
    return all(abs(a - n) <= tolerance for a, n in zip(analytic, numeric))
'''

PIPELINE = '''

X, y = OR
neuron = Neuron.random(2, seed=7)


def loss_of(parameters):
    """The loss of a neuron with these weights and bias."""
    return compute_loss(Neuron(parameters[:2], parameters[2]), X, y)


weight_gradients, bias_gradient = gradients(neuron, X, y)
analytic = weight_gradients + [bias_gradient]
numeric = numerical_gradient(loss_of, neuron.parameters())
print("chain rule:", [round(g, 6) for g in analytic])
print("nudging:   ", [round(g, 6) for g in numeric])
print("match:", gradients_match(analytic, numeric))
print("a wrong formula matches:", gradients_match([-g for g in analytic], numeric))
'''


def _with(*replace: tuple[str, str]) -> str:
    """The solution's functions with some text replaced (a documented mistake), without the pipeline."""
    functions = SOLUTION_FUNCTIONS
    for old, new in replace:
        assert old in functions, old
        functions = functions.replace(old, new)
    return functions


LOOP = """        up = list(parameters)    # copies: the caller's list stays as it is
        down = list(parameters)
"""

gradient_check = Exercise(
    id="gradient-check",
    title="A numerical gradient check",
    prompt=(
        "Write `numerical_gradient(loss, parameters, h)`: for each parameter $k$, copy the list twice, add `h` to "
        "parameter $k$ of one copy and subtract it in the other, and append "
        "$\\frac{L(p + h) - L(p - h)}{2h}$; return the list of slopes. Then `gradients_match(analytic, numeric, "
        "tolerance)`: `True` when the lists have the same length and **every** pair differs by at most "
        "`tolerance`. The last lines check the chain rule's slopes for the OR neuron of the lesson."
    ),
    starter=STARTER_FUNCTIONS + PIPELINE,
    solution=SOLUTION_FUNCTIONS + PIPELINE,
    hints=[
        "Loop with `for k in range(len(parameters)):`. Make fresh copies inside the loop, `up = list(parameters)` "
        "and `down = list(parameters)`, so that only parameter k moves, and only by h.",
        "Then `up[k] += h`, `down[k] -= h`, and the slope is `(loss(up) - loss(down)) / (2 * h)`.",
        "For the match, `abs(a - n) <= tolerance` for every pair: `all(... for a, n in zip(analytic, numeric))`. "
        "Without `abs`, a slope far below its partner would pass.",
    ],
    mistakes=[
        (_with(("(loss(up) - loss(down)) / (2 * h)", "(loss(up) - loss(parameters)) / h")), "one-sided slope"),
        (
            _with(("(loss(up) - loss(down)) / (2 * h)", "(loss(up) - loss(down)) / h")),
            "divide the difference by 2 * h",
        ),
        (_with((LOOP, "        up = parameters\n        down = parameters\n")), "the same list"),
        (
            _with(
                (
                    "    for k in range(len(parameters)):\n" + LOOP,
                    "    up = list(parameters)\n    down = list(parameters)\n    for k in range(len(parameters)):\n",
                )
            ),
            "the nudges add up",
        ),
        (
            _with(("    slopes = []\n    for k", "    h = 0.00001\n    slopes = []\n    for k")),
            "use the h it is given",
        ),
        (
            _with(("return all(abs(a - n) <= tolerance", "return any(abs(a - n) <= tolerance")),
            "use all instead of any",
        ),
        (_with(("return all(abs(a - n) <= tolerance", "return all(a - n <= tolerance")), "abs(a - n)"),
        (_with(("return all(abs(a - n) <= tolerance", "return all(abs(a - n) <= 1e-6")), "the tolerance it is given"),
    ],
)


@gradient_check.check("numerical_gradient nudges each parameter by h both ways (L(a, b) = a³ + 2ab)")
def nudges(learner):
    parameters, h = [2.0, -1.0], 0.1
    what = "numerical_gradient(L, [2.0, -1.0], 0.1)"
    got = _slopes_of(learner, _cubic, parameters, h, what)
    want = _slopes(_cubic, parameters, h)
    if _close(got, want):
        return
    shown = brief([round(g, 4) for g in got])
    expect(
        any(got),
        f"{what} gave {shown}: up and down are the same list, so both nudges cancel out. Copy the "
        "parameters, up = list(parameters), down = list(parameters), before you nudge.",
    )
    for how, message in SLIPS:
        if _close(got, _slopes(_cubic, parameters, h, how)):
            fail(f"{what} gave {shown}: {message}")
    if _close(got, _slopes(_cubic, parameters, 1e-5), tol=1e-6):
        fail(f"{what} gave {shown}, the slopes for a tiny h, not for h = 0.1: use the h it is given.")
    fail(f"{what}: for L(a, b) = a³ + 2ab expected {brief([round(g, 4) for g in want])}, got {shown}.")


@gradient_check.check("gradients_match is True only when every slope is within the tolerance")
def matches(learner):
    match = learner.function("gradients_match", "analytic", "numeric", "tolerance")
    cases = [
        (([1.0, 2.0], [1.0, 2.0000005], 1e-6), True, ""),
        (
            ([1.0, 5.0], [1.0, 2.0], 1e-6),
            False,
            "only one pair is close: use all instead of any, so that every pair must be close",
        ),
        (
            ([1.0, 1.5], [1.0, 2.0], 1e-6),
            False,
            "1.5 is 0.5 below 2.0, and 1.5 - 2.0 = -0.5 is below the tolerance: "
            "compare the size of the difference, abs(a - n)",
        ),
        (([1.0, 2.0], [1.05, 2.0], 0.1), True, "use the tolerance it is given"),
        (([1.0, 2.0], [1.0], 1e-6), False, "the lists have different lengths"),
    ]
    for args, want, why in cases:
        got = match(*args)
        expect(type(got) is bool, f"gradients_match{args} should be True or False, but it is {describe(got)}.")
        if got != want:
            tail = f": {why}." if why else "."
            if why.startswith("only one") and match([5.0, 1.0], [2.0, 1.0], 1e-6) is False:
                tail = ": is `return` inside the loop? It decides after the first pair; decide after looking at all."
            fail(f"gradients_match({', '.join(map(brief, args))}) gave {got}, but should give {want}{tail}")


@gradient_check.check("the nudged slopes agree with the chain rule for the lesson's OR neuron")
def agrees(learner):
    X, y = OR
    neuron = Neuron.random(2, seed=7)

    def loss_of(parameters):
        return compute_loss(Neuron(list(parameters[:2]), parameters[2]), X, y)

    got = _slopes_of(learner, loss_of, neuron.parameters(), 1e-5, "numerical_gradient(loss_of, ...)")
    weight_gradients, bias_gradient = gradients(neuron, X, y)
    want = [*weight_gradients, bias_gradient]
    expect(
        _close(got, want, tol=1e-7),
        f"for the OR neuron, nudging gave {brief([round(g, 6) for g in got])} but the chain rule gives "
        f"{brief([round(g, 6) for g in want])}.",
    )
