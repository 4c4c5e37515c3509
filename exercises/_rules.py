"""Rules on the structure of the learner's code that several exercises state in their prompt.

Not an exercise module (its name starts with ``_``): the exercise modules import it.
"""

from __future__ import annotations

from coursekit import Learner, expect


def without_the_package(learner: Learner, what: str) -> None:
    """Fail when the code imports the ``neuron`` package, where the prompt asks for plain Python.

    ``what`` says what to write instead, e.g. "write sigmoid with math.exp".
    """
    lines = learner.imports("neuron")
    expect(
        not lines,
        f"Line {lines[0] if lines else 0} imports the `neuron` package, but this exercise is about writing it "
        f"yourself: {what}. Remove that import.",
    )
