"""The demonstration exercise of the authors' page ("How to write a lesson").

It has its own id, so trying it on the authors' page never touches a lesson's
saved code or progress. See ``first_neuron.py`` for how exercises are written.
"""

from __future__ import annotations

from coursekit import Exercise, expect_all_close, numbers


def _double(x: float) -> float:
    return 2 * x


demo_double = Exercise(
    id="demo-double",
    title="Double a number (a demonstration)",
    prompt="Write `double(x)` so that it returns twice `x`, for any number, negative or not.",
    starter='''\
def double(x):
    """Twice x."""
    return x


print(double(21))  # 42
''',
    solution='''\
def double(x):
    """Twice x."""
    return 2 * x


print(double(21))  # 42
''',
    hints=[
        "Twice a number is the number multiplied by 2.",
        "`return 2 * x`",
    ],
    mistakes=[
        ("def double(x):\n    return x * x\n", "squares"),
        ("def double(x):\n    return x + 2\n", "adds 2"),
        ("def double(x):\n    print(2 * x)\n", "print the answer instead of returning it"),
    ],
)


@demo_double.check("doubles 21 to 42")
def doubles_the_example(learner):
    double = learner.function("double", "x")
    result = double(21)
    if result is None:
        return "double(21) gave None: did you print the answer instead of returning it? End with `return 2 * x`."
    if result == 21 * 21:
        return "double(21) gave 441: your function squares x instead of doubling it."
    if result == 23:
        return "double(21) gave 23: your function adds 2 instead of multiplying by 2."
    if result != 42:
        return f"double(21) should be 42, but yours gives {result!r}."
    return None


@demo_double.check("doubles every number: zero, negative and large")
def doubles_every_number(learner):
    double = learner.function("double", "x")
    expect_all_close(
        double, [(x,) for x in numbers()], _double, "double({args}) should be {expected}, but yours gives {actual}"
    )
