"""The ``predict`` option of the ```` ```panel ```` fence: predict, then run.

````markdown
```panel predict
z = 0.5 * 2.0 - 1.0
print(z)
```

```panel predict="0.0 | 1.0 | -1.0"
z = 0.5 * 2.0 - 1.0
print(z)
```
````

Before its first Run the panel asks "What will this print?": in a text box
(``predict`` alone), or as a choice among the options listed, separated by
``|``. Run then shows the output beside the prediction with match / no match,
by the rule of :mod:`coursekit.predict`.

Checked here, at build: the option's form, at least two distinct choices, no
``live`` (a live panel runs by itself as soon as it is seen). When the build
runs the panels (:mod:`coursesite.panel_check`), the code must print
something, and exactly one of the choices must match what it prints.
"""

from __future__ import annotations

from coursekit.predict import matches

FORM = 'write `predict` alone for a text box, or list choices: predict="0.5 | 0.73 | 1.0"'


def choices(options: dict) -> list[str]:
    """The listed choices of a predict panel ([] for a text box)."""
    value = options.get("predict", "predict")
    return [] if value == "predict" else [choice.strip() for choice in value.split("|")]


def check_predict(options: dict) -> list[str]:
    """The author's mistakes in a panel's ``predict`` option, as sentences."""
    value = options["predict"]
    problems = []
    if "live" in options or "sliders" in options:
        problems.append("a live panel cannot ask for a prediction: it runs by itself as soon as it is seen")
    if value == "predict":
        return problems
    listed = choices(options)
    if "|" not in value:
        return [*problems, f"cannot read predict={value!r}; {FORM}"]
    if any(not choice for choice in listed):
        problems.append(f"predict={value!r} has an empty choice; {FORM}")
    repeated = sorted({choice for choice in listed if choice and listed.count(choice) > 1})
    if repeated:
        problems.append(f"predict lists {', '.join(map(repr, repeated))} more than once")
    return problems


def output_problems(options: dict, output: str, error: str = "") -> list[str]:
    """What is wrong with a predict panel given what its code printed when the build ran it."""
    if not output.strip() and not error.strip():
        return ["a predict panel's code must print something for the learner to predict; it printed nothing"]
    listed = choices(options)
    if not listed:
        return []
    right = [choice for choice in listed if matches(choice, output, error)]
    if len(right) == 1:
        return []
    if not right:
        return [f"none of the predict choices matches what the code prints ({output.strip()[:160]!r})"]
    return [f"more than one predict choice matches what the code prints: {', '.join(map(repr, right))}"]
