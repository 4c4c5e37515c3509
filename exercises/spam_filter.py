"""Practice for lesson 7, "Training a neuron on the OR gate": a spam filter end to end.

``spam-filter``: turn e-mail text into the four numbers of ``SPAM_FEATURES``,
train a neuron on ``SPAM``, and measure its accuracy on e-mails it never saw.
"""

# X, y: the names the lessons use for a dataset (as pysrc/neuron does)
# ruff: noqa: N803, N806

from __future__ import annotations

import ast
import math

from coursekit import CheckFailed, Exercise, LearnerError, brief, describe, expect, fail
from neuron import SPAM, Neuron

#: The held-out e-mails, as the starter code writes them: (text, known sender, label).
HELD_OUT_CODE = """\
HELD_OUT = [  # e-mails the filter never sees in training: (text, known sender, label)
    ("Hi Sam, the minutes of today's meeting are attached. See you on Monday.", True, 0),
    ("Your parcel is on its way: track it at http://post.example/track", False, 0),
    ("Photos from the weekend! http://photos.example/album and http://photos.example/more", True, 0),
    ("WIN A FREE CRUISE!!! Click http://cheap.example NOW!!! Only TODAY!!!", False, 1),
    ("URGENT!!! Your PRIZE is waiting!!! http://prize.example http://claim.example http://win.example", False, 1),
    ("Dear customer, please confirm your account details at http://bank.example/login", False, 1),
]
"""
HELD_OUT: list[tuple[str, bool, int]] = ast.literal_eval(HELD_OUT_CODE.split("=", 1)[1])
LEARNING_RATE, EPOCHS, SEED = 0.1, 1000, 0


def _features(text: str, known_sender: bool) -> list[float]:
    """The reference: links ("http"), "!", the fraction of the letters that are capitals, known sender 1 or 0."""
    letters = [c for c in text if c.isalpha()]
    capitals = sum(c.isupper() for c in letters) / len(letters) if letters else 0.0
    return [text.count("http"), text.count("!"), capitals, 1 if known_sender else 0]


def _trained(X, y) -> Neuron:
    neuron = Neuron.random(4, seed=SEED)
    neuron.fit(X, y, learning_rate=LEARNING_RATE, epochs=EPOCHS)
    return neuron


def _accuracy(neuron: Neuron, X, y, threshold_included: bool = True) -> float:
    guesses = [1 if (neuron(row) >= 0.5 if threshold_included else neuron(row) > 0.5) else 0 for row in X]
    return sum(guess == label for guess, label in zip(guesses, y)) / len(y)


STARTER_FUNCTIONS = '''\
from neuron import SPAM, SPAM_FEATURES, Neuron


def features(text, known_sender):
    """The numbers of SPAM_FEATURES for one e-mail, in that order."""
    links = 0              # how many times "http" appears
    exclamation_marks = 0  # how many "!"
    capital_letters = 0.0  # the fraction of the letters that are capitals
    known = 0              # 1 for a known sender, else 0
    return [links, exclamation_marks, capital_letters, known]


def train_filter(X, y):
    """A sigmoid neuron trained on the e-mails X with labels y."""
    neuron = Neuron.random(4, seed=0)
    return neuron


def accuracy(neuron, X, y):
    """The fraction of the e-mails whose guess matches the label."""
    return 0.0
'''

SOLUTION_FUNCTIONS = '''\
from neuron import SPAM, SPAM_FEATURES, Neuron


def features(text, known_sender):
    """The numbers of SPAM_FEATURES for one e-mail, in that order."""
    links = text.count("http")
    exclamation_marks = text.count("!")
    letters = [c for c in text if c.isalpha()]
    capitals = [c for c in letters if c.isupper()]
    capital_letters = len(capitals) / len(letters) if letters else 0.0
    return [links, exclamation_marks, capital_letters, 1 if known_sender else 0]


def train_filter(X, y):
    """A sigmoid neuron trained on the e-mails X with labels y."""
    neuron = Neuron.random(4, seed=0)
    neuron.fit(X, y, learning_rate=0.1, epochs=1000)
    return neuron


def accuracy(neuron, X, y):
    """The fraction of the e-mails whose guess matches the label."""
    right = 0
    for row, label in zip(X, y):
        guess = 1 if neuron(row) >= 0.5 else 0
        if guess == label:
            right += 1
    return right / len(y)
'''

PIPELINE = (
    """

"""
    + HELD_OUT_CODE
    + """
X, y = SPAM
spam_filter = train_filter(X, y)
test_X = [features(text, known) for text, known, label in HELD_OUT]
test_y = [label for text, known, label in HELD_OUT]
held_out_accuracy = accuracy(spam_filter, test_X, test_y)
print(SPAM_FEATURES)
for row, label in zip(test_X, test_y):
    print([round(value, 3) for value in row], "label", label, "P(spam)", round(spam_filter(row), 3))
print("accuracy on the training e-mails:", round(accuracy(spam_filter, X, y), 3))
print("accuracy on the held-out e-mails:", round(held_out_accuracy, 3))
"""
)


def _with(functions: str, *replace: tuple[str, str]) -> str:
    """The solution's functions with some text replaced (a documented mistake), without the pipeline."""
    for old, new in replace:
        assert old in functions, old
        functions = functions.replace(old, new)
    return functions


spam_filter = Exercise(
    id="spam-filter",
    title="A spam filter, end to end",
    prompt=(
        "Build the whole filter. `features(text, known_sender)` returns the four numbers of `SPAM_FEATURES`, in "
        'that order: how many times `"http"` appears, how many `"!"`, the fraction of the **letters** that are '
        "capitals (0.0 if there are no letters), and `1` or `0` for the sender. `train_filter(X, y)` starts from "
        "`Neuron.random(4, seed=0)`, trains it with `fit(X, y, learning_rate=0.1, epochs=1000)` and returns the "
        "neuron. `accuracy(neuron, X, y)` returns the fraction of e-mails whose guess, 1 when the neuron says "
        "$P(\\text{spam}) \\ge 0.5$ and else 0, equals the label. The last lines train on `SPAM` and test on six "
        "e-mails the filter never saw."
    ),
    starter=STARTER_FUNCTIONS + PIPELINE,
    solution=SOLUTION_FUNCTIONS + PIPELINE,
    hints=[
        '`text.count("http")` counts the links and `text.count("!")` the exclamation marks. For the capitals, '
        "keep the letters, `[c for c in text if c.isalpha()]`, and count those with `c.isupper()`.",
        "In `train_filter`, `neuron.fit(X, y, learning_rate=0.1, epochs=1000)` trains the neuron in place; "
        "return the neuron itself, not what `fit` returns.",
        "In `accuracy`, loop over `zip(X, y)`, turn `neuron(row)` into a guess, `1 if p >= 0.5 else 0`, count the "
        "guesses equal to their label, and divide by `len(y)`.",
    ],
    mistakes=[
        (
            _with(
                SOLUTION_FUNCTIONS, ("len(capitals) / len(letters) if letters else 0.0", "len(capitals) / len(text)")
            ),
            "among the letters only",
        ),
        (_with(SOLUTION_FUNCTIONS, ("1 if known_sender else 0]", "known_sender]")), "the number 1 or 0"),
        (
            _with(SOLUTION_FUNCTIONS, ("[links, exclamation_marks,", "[exclamation_marks, links,")),
            "in the order of SPAM_FEATURES",
        ),
        (
            _with(
                SOLUTION_FUNCTIONS,
                ("len(capitals) / len(letters) if letters else 0.0", "len(capitals) / len(letters)"),
            ),
            "may have no letters at all",
        ),
        (
            _with(
                SOLUTION_FUNCTIONS,
                (
                    "capital_letters = len(capitals) / len(letters) if letters else 0.0",
                    "capital_letters = len(capitals)",
                ),
            ),
            "a fraction",
        ),
        (_with(SOLUTION_FUNCTIONS, ("return right / len(y)", "return right")), "a count"),
        (_with(SOLUTION_FUNCTIONS, ("return right / len(y)", "return 100 * right / len(y)")), "not a percentage"),
        (_with(SOLUTION_FUNCTIONS, ("if neuron(row) >= 0.5", "if neuron(row) > 0.5")), "exactly 0.5 counts as spam"),
        (_with(SOLUTION_FUNCTIONS, ("if guess == label:", "if neuron(row) == label:")), "not the probability"),
        (
            _with(
                SOLUTION_FUNCTIONS,
                (
                    "    neuron.fit(X, y, learning_rate=0.1, epochs=1000)\n    return neuron",
                    "    return neuron.fit(X, y, learning_rate=0.1, epochs=1000)",
                ),
            ),
            "return the neuron itself",
        ),
        (_with(SOLUTION_FUNCTIONS, ("neuron.fit(X, y,", "neuron.fit(*SPAM,")), "the X, y it is given"),
        (
            _with(SOLUTION_FUNCTIONS, ("    neuron.fit(X, y, learning_rate=0.1, epochs=1000)\n", "")) + PIPELINE,
            "was not trained",
        ),
    ],
)


#: E-mails for the features checks: capitals among letters, links, "!", no letters at all.
FEATURE_CASES = [
    ("Hi Sam, see you at 10!", True),
    ("FREE money http://a.example http://b.example", False),
    ("WIN!!! http://win.example", False),
]


def _features_of(learner, text: str, known: bool) -> list[object]:
    features = learner.function("features", "text", "known_sender")
    call = f"features({brief(text)}, {known})"
    try:
        result = features(text, known)
    except LearnerError as error:
        if "ZeroDivisionError" not in error.message:
            raise
        raise CheckFailed(
            f"{error.message}: an e-mail may have no letters at all, and then there is nothing to divide by. "
            "Give capital_letters 0.0 in that case: ... / len(letters) if letters else 0.0.",
            error.details,
        ) from None
    if not isinstance(result, list) or len(result) != 4:
        fail(f"{call} should return a list of the 4 numbers of SPAM_FEATURES, but it returned {describe(result)}.")
    return result


@spam_filter.check("features gives [links, exclamation marks, fraction of capitals, known sender]")
def counts_features(learner):
    for text, known in FEATURE_CASES:
        got, want = _features_of(learner, text, known), _features(text, known)
        call = f"features({brief(text)}, {known})"
        shown = brief([round(v, 4) if type(v) is float else v for v in got])
        if type(got[3]) is bool:
            fail(f"{call} gave {shown}: the known sender should be the number 1 or 0, not {got[3]}.")
        if sorted(map(float, got)) == sorted(want) and got != want:
            fail(
                f"{call} gave {shown}, the right numbers in another order: give them in the order of "
                "SPAM_FEATURES, links, exclamation_marks, capital_letters, known_sender."
            )
        expect(got[0] == want[0], f'{call} counted {brief(got[0])} links, but "http" appears {want[0]} times.')
        expect(got[1] == want[1], f'{call} counted {brief(got[1])} "!", but there are {want[1]}.')
        capitals = got[2]
        letters = sum(c.isalpha() for c in text)
        if capitals == sum(c.isupper() for c in text) and capitals > 1:
            fail(
                f"{call} gave {capitals} capital letters: that is a count; capital_letters is a fraction, "
                "capitals / letters."
            )
        if type(capitals) in (int, float) and math.isclose(capitals, sum(c.isupper() for c in text) / len(text)):
            fail(
                f'{call} gave the fraction {capitals:.4f} of all the characters, spaces and "!" included: count '
                f"the capitals among the letters only ({letters} letters here), which gives {want[2]:.4f}."
            )
        expect(
            type(capitals) in (int, float) and math.isclose(capitals, want[2]),
            f"{call} gave capital_letters {brief(capitals)}: of its {letters} letters, "
            f"{sum(c.isupper() for c in text)} are capitals, so it is {want[2]:.4f}.",
        )
        expect(got[3] == want[3], f"{call} gave {brief(got[3])} for the sender: 1 for a known sender, else 0.")
    got = _features_of(learner, "!!!", False)
    expect(
        got[2] == 0.0, f"features('!!!', False) gave {brief(got)}: an e-mail with no letters has capital_letters 0.0."
    )


#: Labels for the accuracy checks, and an undecided neuron (it says 0.5 for every e-mail).
UNSURE = Neuron([0.0, 0.0, 0.0, 0.0], 0.0)
HAND = Neuron([0.3, 0.4, 5.0, -3.0], -2.5)  # lesson 4's hand-made filter: right on all 16 e-mails


@spam_filter.check("accuracy is the fraction of e-mails guessed right (P(spam) ≥ 0.5 means spam)")
def counts_right_guesses(learner):
    accuracy = learner.function("accuracy", "neuron", "X", "y")
    X, y = SPAM
    flipped = [1 - label if i % 4 == 0 else label for i, label in enumerate(y)]  # 4 of 16 labels turned round
    got = accuracy(HAND, X, flipped)
    expect(type(got) in (int, float), f"accuracy(...) should be a number, but it returned {describe(got)}.")
    expect(
        got != 12, "accuracy gave 12 for 12 right guesses out of 16: that is a count. Divide by the number of e-mails."
    )
    expect(got != 75, "accuracy gave 75 for 12 right guesses out of 16: give a fraction from 0 to 1, not a percentage.")
    if got < 0.5:
        fail(
            f"for a filter that guesses 12 of 16 e-mails right, your accuracy is {got:.4g}: compare the guess "
            "(1 if P(spam) >= 0.5 else 0) with the label, not the probability itself, which is never exactly 0 or 1."
        )
    expect(math.isclose(got, 0.75), f"for a filter that guesses 12 of 16 e-mails right, expected 0.75, got {got:.4g}.")
    unsure = accuracy(UNSURE, X[:4], [1, 0, 1, 1])
    expect(
        not math.isclose(unsure, 0.25),
        "a neuron that says exactly 0.5 for every e-mail guesses spam for all four, so 3 of 4 are right, but your "
        "accuracy gives 0.25: exactly 0.5 counts as spam, p >= 0.5, not p > 0.5 (and round(0.5) is 0).",
    )
    expect(
        math.isclose(unsure, 0.75),
        f"a neuron that always says 0.5 should get 0.75 for labels [1, 0, 1, 1], not {unsure!r}.",
    )


def _parameters(neuron: object) -> list[float]:
    return [*getattr(neuron, "weights", []), getattr(neuron, "bias", math.nan)]


def _same(a: object, b: Neuron) -> bool:
    mine, other = _parameters(a), _parameters(b)
    return len(mine) == len(other) and all(
        type(p) in (int, float) and math.isclose(p, q, rel_tol=1e-6, abs_tol=1e-9) for p, q in zip(mine, other)
    )


@spam_filter.check("train_filter trains Neuron.random(4, seed=0) on the e-mails it is given")
def trains(learner):
    train_filter = learner.function("train_filter", "X", "y")
    X, y = SPAM[0][:12], SPAM[1][:12]
    result = train_filter(X, y)
    if not isinstance(result, Neuron):
        hint = (
            " fit trains the neuron in place and returns its History: return the neuron itself."
            if type(result).__name__ == "History"
            else ""
        )
        fail(f"train_filter(X, y) returned {describe(result)}, but it should return the trained neuron.{hint}")
    if _same(result, Neuron.random(4, seed=SEED)):
        fail("train_filter returned Neuron.random(4, seed=0) as it was: it was not trained. Call its fit method.")
    if _same(result, _trained(*SPAM)):
        fail("train_filter trained on all of SPAM, whatever it was given: train on the X, y it is given.")
    expect(
        _same(result, _trained(X, y)),
        "train_filter(X, y) gave a neuron other than Neuron.random(4, seed=0) trained with "
        "fit(X, y, learning_rate=0.1, epochs=1000): check the seed, the learning rate and the epochs.",
    )


@spam_filter.check("the trained filter is tested on the six held-out e-mails")
def held_out(learner):
    expect(
        _same(learner["spam_filter"], _trained(*SPAM)),
        "spam_filter is not the neuron trained on SPAM: keep the last lines as the starter has them, "
        "spam_filter = train_filter(X, y) with X, y = SPAM.",
    )
    want = _accuracy(_trained(*SPAM), [_features(t, k) for t, k, _ in HELD_OUT], [label for *_, label in HELD_OUT])
    got = learner["held_out_accuracy"]
    expect(
        type(got) in (int, float) and math.isclose(got, want),
        f"held_out_accuracy is {brief(got)}, but the filter gets 5 of the 6 held-out e-mails right ({want:.4f}): "
        "compute it with accuracy(spam_filter, test_X, test_y), on the held-out e-mails.",
    )
