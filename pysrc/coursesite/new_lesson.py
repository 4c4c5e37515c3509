"""Write a new lesson: its page (a panel, a quiz, an exercise) and its exercise spec, and add it to the nav.

``make lesson NAME=fractions`` in this repository, or in any site with the wheel installed::

    python -m coursesite.new_lesson fractions

writes ``docs/lessons/fractions.md`` (the plugin's ``lessons_dir``, else
``lessons/``) and ``exercises/fractions.py`` (the plugin's ``exercises_dir``),
adds the page to ``mkdocs.yml``'s ``nav`` after the last lesson there, and says
what it did. Both files build and pass their tests as written: the starter
fails the checks, the solution passes them, and each documented mistake gets
its message. It refuses a name whose page, spec module or exercise id exists.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from mkdocs.config import load_config

from coursekit import exercises
from coursekit.authoring import ID_PATTERN

PAGE = """\
# {title}

What this lesson is about, in a sentence or two.

## Try it

```panel title="A first look" expect="total = 6"
numbers = [1, 2, 3]
print("total =", sum(numbers))
```

/// quiz | What does `sum([1, 2, 3])` give?
    id: {name}-sum

- [x] 6
    Yes: 1 + 2 + 3.
- [ ] 123
    `sum` adds the numbers; it does not join them.
///

## Your turn

/// exercise | {name}
///
"""

SPEC = '''\
"""Exercises of the lesson "{title}" (docs/{page})."""

from __future__ import annotations

from coursekit import Exercise, expect, expect_all_close, numbers

{variable} = Exercise(
    id="{name}",
    title="Add up a list",
    prompt="Write `total(values)` so that it returns the sum of the numbers in `values`.",
    starter="""\\
def total(values):
    return 0


print(total([1, 2, 3]))  # 6
""",
    solution="""\\
def total(values):
    result = 0
    for value in values:
        result = result + value
    return result


print(total([1, 2, 3]))  # 6
""",
    hints=["Start from 0 and add each value in turn.", "`result = result + value` inside a `for` loop."],
    mistakes=[
        ("def total(values):\\n    print(sum(values))\\n", "did you print"),
        ("def total(values):\\n    return values[0]\\n", "only the first"),
    ],
)


@{variable}.check("adds up [1, 2, 3] to 6")
def adds_up_the_example(learner):
    result = learner.function("total", "values")([1, 2, 3])
    expect(result is not None, "total([1, 2, 3]) gave None: did you print the sum instead of returning it?")
    expect(result != 1, "total([1, 2, 3]) gave 1: your function returns only the first value")
    expect(result == 6, f"total([1, 2, 3]) should be 6, but yours gives {{result!r}}")


@{variable}.check("adds up any list: empty, negative, fractional")
def adds_up_any_list(learner):
    total = learner.function("total", "values")
    cases = [([],), ([-1.5, 2.0],)] + [([x, 1.0, x],) for x in numbers()]
    expect_all_close(total, cases, sum, "total({{args}}) should be {{expected}}, but yours gives {{actual}}")
'''


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m coursesite.new_lesson", description=__doc__.split("\n")[0])
    parser.add_argument("name", help="the lesson's name: lowercase letters, digits and '-' (e.g. fractions)")
    parser.add_argument("-f", "--config-file", default="mkdocs.yml", help="the site's mkdocs.yml")
    args = parser.parse_args(argv)
    try:
        for line in write_lesson(args.name, Path(args.config_file)):
            print(line)
    except ValueError as error:
        print(f"new lesson: {error}", file=sys.stderr)
        return 1
    return 0


def write_lesson(name: str, config_file: Path) -> list[str]:
    """Write the lesson ``name`` into the site of ``config_file``; what was done, in sentences."""
    if not ID_PATTERN.match(name) or "_" in name:
        raise ValueError(f"the name {name!r} must use only lowercase letters, digits and '-' (e.g. fractions)")
    root = config_file.resolve().parent
    config = load_config(str(config_file))
    plugin = config.plugins["course"].config if "course" in config.plugins else {}
    lessons = plugin.get("lessons_dir") or "lessons"
    page = f"{lessons}/{name}.md"
    page_path = Path(config.docs_dir) / page
    specs = root / (plugin.get("exercises_dir") or exercises.DEFAULT_FOLDER)
    spec_path = specs / f"{name.replace('-', '_')}.py"
    refuse_existing(name, page_path, spec_path, specs)
    title = name.replace("-", " ").capitalize()
    page_path.parent.mkdir(parents=True, exist_ok=True)
    page_path.write_text(PAGE.format(title=title, name=name), encoding="utf-8")
    specs.mkdir(parents=True, exist_ok=True)
    spec_path.write_text(SPEC.format(title=title, page=page, name=name, variable=name.replace("-", "_")), "utf-8")
    done = [f"wrote {_shown(page_path, root)} (a panel, a quiz and the exercise {name!r})"]
    done.append(f"wrote {_shown(spec_path, root)} (the exercise's starter, solution, hints, checks and mistakes)")
    done.append(add_to_nav(config_file, f"{title}: {page}", lessons))
    done.append(
        f"next: `mkdocs serve`, open {page.removesuffix('.md')}/ and make it yours "
        "(and link it wherever a page lists the lessons, such as the home page)"
    )
    return done


def refuse_existing(name: str, page_path: Path, spec_path: Path, specs: Path) -> None:
    for path in (page_path, spec_path):
        if path.exists():
            raise ValueError(f"{path} exists already: choose another name (nothing was written)")
    if specs.is_dir():
        exercises.use(specs)
        if name in exercises.load():
            raise ValueError(f"an exercise {name!r} exists already ({exercises.where(name)}): choose another name")


NAV_ITEM = re.compile(r"^(?P<indent>\s*)- (?:.*:\s*)?(?P<path>\S+\.md)\s*(?:#.*)?$")


def add_to_nav(config_file: Path, entry: str, lessons: str) -> str:
    """Add ``entry`` to the nav after its last lesson (else at its end); what was done, in a sentence."""
    lines = config_file.read_text(encoding="utf-8").splitlines(keepends=True)
    start = next((number for number, line in enumerate(lines) if line.rstrip() == "nav:"), None)
    if start is None:
        return "mkdocs.yml has no nav: MkDocs lists the new page by itself"
    end = next((n for n in range(start + 1, len(lines)) if lines[n].strip() and not lines[n][0].isspace()), len(lines))
    items = [(n, NAV_ITEM.match(lines[n])) for n in range(start + 1, end)]
    items = [(n, match) for n, match in items if match]
    lesson_items = [(n, match) for n, match in items if match["path"].startswith(lessons + "/")]
    after, match = (lesson_items or items or [(start, None)])[-1]
    indent = match["indent"] if match else "  "
    numbered = re.match(r"\s*- (\d+)\. ", lines[after]) if lesson_items else None
    if numbered:  # the lessons are numbered in the nav ("8. Where one neuron fails"): so is this one
        entry = f"{int(numbered[1]) + 1}. {entry}"
    lines.insert(after + 1, f"{indent}- {entry}\n")
    config_file.write_text("".join(lines), encoding="utf-8")
    return f"added `- {entry}` to the nav in {config_file.name} (line {after + 2})"


def _shown(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root).as_posix()
    except ValueError:
        return str(path)


if __name__ == "__main__":
    sys.exit(main())
