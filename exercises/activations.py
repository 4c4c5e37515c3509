"""Exercises of lesson 3, "Activation functions": sigmoid, leaky ReLU and ELU.

Softmax is in ``activations_softmax.py``.
"""

from __future__ import annotations

import math

from coursekit import CheckFailed, Exercise, LearnerError, expect, expect_close, expect_number, fail, numbers

from ._rules import without_the_package


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z)) if z >= 0 else math.exp(z) / (1.0 + math.exp(z))


def _leaky_relu(z: float, slope: float) -> float:
    return z if z > 0 else slope * z


def _elu(z: float, alpha: float) -> float:
    return z if z > 0 else alpha * (math.exp(z) - 1.0)


#: Values of z where a plain formula cannot overflow: e^30 is about 1e13.
MODERATE = [z for z in numbers() if abs(z) <= 30] + [-30.0, -4.0, 3.0, 30.0]


# --- sigmoid, leaky ReLU and ELU ------------------------------------------------------

write_activations = Exercise(
    id="write-activations",
    title="Three activations from their formulas",
    prompt=(
        "Write three activation functions from their formulas (`math.exp(x)` computes $e^x$), "
        "yourself, without the `neuron` package:\n\n"
        "- `sigmoid(z)` returns $\\frac{1}{1 + e^{-z}}$;\n"
        "- `leaky_relu(z, slope)` returns $z$ if $z > 0$, else $\\text{slope} \\cdot z$;\n"
        "- `elu(z, alpha)` returns $z$ if $z > 0$, else $\\alpha (e^{z} - 1)$.\n"
    ),
    starter="""\
import math

def sigmoid(z):
    return 0.0

def leaky_relu(z, slope):
    return 0.0

def elu(z, alpha):
    return 0.0


print(sigmoid(0))            # 0.5
print(leaky_relu(-2, 0.1))   # -0.2
print(elu(-1, 1.0))          # about -0.632
""",
    solution="""\
import math

def sigmoid(z):
    return 1 / (1 + math.exp(-z))

def leaky_relu(z, slope):
    if z > 0:
        return z
    return slope * z

def elu(z, alpha):
    if z > 0:
        return z
    return alpha * (math.exp(z) - 1)


print(sigmoid(0))            # 0.5
print(leaky_relu(-2, 0.1))   # -0.2
print(elu(-1, 1.0))          # about -0.632
""",
    hints=[
        "sigmoid: `1 / (1 + math.exp(-z))`. Mind the minus sign: a large positive z must give almost 1.",
        "leaky_relu and elu both return z itself when z > 0; only the negative side differs: "
        "`slope * z` for leaky ReLU, `alpha * (math.exp(z) - 1)` for ELU.",
    ],
    mistakes=[
        (
            "import math\n"
            "def sigmoid(z):\n    return 1 / (1 + math.exp(z))\n"
            "def leaky_relu(z, slope):\n    return z if z > 0 else slope * z\n"
            "def elu(z, alpha):\n    return z if z > 0 else alpha * (math.exp(z) - 1)\n",
            "the minus sign",
        ),
        (
            "import math\n"
            "def sigmoid(z):\n    return 1 / (1 + math.exp(-z))\n"
            "def leaky_relu(z, slope):\n    return max(0, z)\n"
            "def elu(z, alpha):\n    return z if z > 0 else alpha * (math.exp(z) - 1)\n",
            "that is plain ReLU",
        ),
        (
            "import math\n"
            "def sigmoid(z):\n    return 1 / (1 + math.exp(-z))\n"
            "def leaky_relu(z, slope):\n    return z if z > 0 else slope * z\n"
            "def elu(z, alpha):\n    return z if z > 0 else alpha * math.exp(z)\n",
            "forget the - 1",
        ),
        (
            "import math\n"
            "def sigmoid(z):\n    return 1 / (1 + math.exp(-z))\n"
            "def leaky_relu(z, slope):\n    return z if z > 0 else slope * z\n"
            "def elu(z, alpha):\n    return z if z > 0 else math.exp(z) - 1\n",
            "does not use alpha",
        ),
        (
            "import math\n"
            "def sigmoid(z):\n    return 1 / 1 + math.exp(-z)\n"
            "def leaky_relu(z, slope):\n    return z if z > 0 else slope * z\n"
            "def elu(z, alpha):\n    return z if z > 0 else alpha * (math.exp(z) - 1)\n",
            "Put brackets round the bottom line",
        ),
        (
            "import math\n"
            "def sigmoid(z):\n    return 1 / (1 - math.exp(-z))\n"
            "def leaky_relu(z, slope):\n    return z if z > 0 else slope * z\n"
            "def elu(z, alpha):\n    return z if z > 0 else alpha * (math.exp(z) - 1)\n",
            "with a plus",
        ),
        (
            "import math\n"
            "def sigmoid(z):\n    return 1 / (1 + math.exp(-z))\n"
            "def leaky_relu(z, slope):\n    return slope * z if z > 0 else z\n"
            "def elu(z, alpha):\n    return z if z > 0 else alpha * (math.exp(z) - 1)\n",
            "your two cases are swapped",
        ),
        (
            "import math\n"
            "def sigmoid(z):\n    return 1 / (1 + math.exp(-z))\n"
            "def leaky_relu(z, slope):\n    return z if z > 0 else slope * z\n"
            "def elu(z, alpha):\n    return z if z > 0 else alpha * math.exp(z) - 1\n",
            "Put brackets round",
        ),
        (
            "from neuron import sigmoid, leaky_relu, elu\n",
            "imports the `neuron` package",
        ),
    ],
)


@write_activations.check("sigmoid(0) is 0.5, and sigmoid matches 1 / (1 + e^-z)")
def check_sigmoid(learner):
    sigmoid = learner.function("sigmoid", "z")
    try:
        at_zero = expect_number(sigmoid(0.0), "sigmoid(0.0)")
    except LearnerError as error:
        if "ZeroDivisionError" not in error.message:
            raise
        raise CheckFailed(
            f"{error.message}: at z = 0 your bottom line is 0. The sigmoid is 1 / (1 + e^-z), with a plus.",
            error.details,
        ) from None
    expect(
        at_zero != 2.0,
        "sigmoid(0) gives 2.0: Python divides before it adds, so `1 / 1 + math.exp(-z)` is 1 + e^-z. "
        "Put brackets round the bottom line: 1 / (1 + math.exp(-z)).",
    )
    expect_close(at_zero, 0.5, "sigmoid(0) should be 1 / (1 + e^0) = 0.5, but yours gives {actual}.")
    at_two = expect_number(sigmoid(2.0), "sigmoid(2.0)")
    expect(
        not math.isclose(at_two, _sigmoid(-2.0), rel_tol=1e-6),
        f"sigmoid(2) should be about 0.8808, close to 1, but yours gives {at_two:.4f}: check the minus sign, "
        "it is e to the power -z.",
    )
    for z in MODERATE:
        expect_close(sigmoid(z), _sigmoid(z), f"sigmoid({z:g}) should be {{expected}}, but yours gives {{actual}}.")


@write_activations.check("written from the formulas, without the neuron package")
def from_the_formulas(learner):
    without_the_package(learner, "write sigmoid, leaky_relu and elu with `math.exp`, `if` and arithmetic")


@write_activations.check("leaky_relu keeps z > 0 and multiplies z <= 0 by the slope")
def check_leaky_relu(learner):
    leaky_relu = learner.function("leaky_relu", "z", "slope")
    below = expect_number(leaky_relu(-2.0, 0.1), "leaky_relu(-2.0, 0.1)")
    expect(
        below != 0.0,
        "leaky_relu(-2, 0.1) gives 0: that is plain ReLU. Below zero, leaky ReLU returns slope * z, here -0.2.",
    )
    above = leaky_relu(2.0, 0.1)
    expect(
        not (below == -2.0 and above == 0.2),
        "leaky_relu(2, 0.1) gives 0.2 and leaky_relu(-2, 0.1) gives -2: your two cases are swapped. "
        "A positive z comes out unchanged; only a negative z is multiplied by the slope.",
    )
    for slope in (0.01, 0.1, 0.3):
        for z in MODERATE:
            expect_close(
                leaky_relu(z, slope),
                _leaky_relu(z, slope),
                f"leaky_relu({z:g}, {slope}) should be {{expected}}, but yours gives {{actual}}: "
                "z itself when z > 0, slope * z otherwise.",
            )


@write_activations.check("elu keeps z > 0 and gives alpha (e^z - 1) below")
def check_elu(learner):
    elu = learner.function("elu", "z", "alpha")
    at_zero = expect_number(elu(0.0, 1.0), "elu(0.0, 1.0)")
    expect(
        math.isclose(at_zero, 0.0, abs_tol=1e-9),
        f"elu(0, 1) should be 1 · (e^0 - 1) = 0, but yours gives {at_zero:g}: did you forget the - 1 in alpha * "
        "(e^z - 1)?",
    )
    for alpha in (1.0, 0.5, 2.0):
        for z in MODERATE:
            got = elu(z, alpha)
            if alpha != 1.0 and z < 0 and type(got) is float and math.isclose(got, _elu(z, 1.0), rel_tol=1e-6):
                fail(
                    f"elu({z:g}, {alpha}) gives the same as elu({z:g}, 1): your elu does not use alpha. Below zero "
                    "it is alpha times (e^z - 1), so alpha scales how far down the curve goes."
                )
            if (
                alpha != 1.0
                and z <= 0
                and type(got) is float
                and math.isclose(got, alpha * math.exp(z) - 1, rel_tol=1e-6)
            ):
                fail(
                    f"elu({z:g}, {alpha}) gives alpha · e^z - 1: Python multiplies before it subtracts, so "
                    "`alpha * math.exp(z) - 1` takes the 1 away after multiplying. Put brackets round "
                    "(math.exp(z) - 1)."
                )
            expect_close(
                got,
                _elu(z, alpha),
                f"elu({z:g}, {alpha}) should be {{expected}}, but yours gives {{actual}}: "
                "z itself when z > 0, alpha * (e^z - 1) otherwise.",
            )
