"""Every Parsons problem of the course, in CPython through the real checker: the
author's solution passes, the shuffled start and shuffled orders fail, another
correct order passes, each distractor gets its explanation, and the first line
out of place, left out or indented wrongly is named."""

from __future__ import annotations

import random

import pytest

from coursekit import parsons

PROBLEMS = sorted(parsons.load())


@pytest.fixture(params=PROBLEMS)
def problem(request) -> parsons.Parsons:
    return parsons.get(request.param)


def solution(problem: parsons.Parsons) -> list[dict]:
    return [{"line": i, "indent": line.indent} for i, line in enumerate(problem.lines) if not line.distractor]


def test_the_course_has_parsons_problems_in_lessons_1_6_and_7():
    assert {"neuron-function", "descent-loop", "train-loop-order"} <= set(PROBLEMS)


def test_the_spec_has_no_mistakes_and_its_solution_passes_its_checks(problem):
    assert problem.problems() == []
    result = parsons.check(problem.id, solution(problem))
    assert result["passed"] is True, result
    assert "placement" not in result


def test_the_shuffled_start_is_not_yet_an_attempt(problem):
    start = [{"line": index, "indent": 0} for index in problem.order]
    result = parsons.check(problem.id, start)
    assert result["passed"] is False and result["starter"] is True
    assert result["checks"][0]["message"] == parsons.SHUFFLED


def test_the_order_is_shuffled_the_same_way_every_time_and_never_in_order(problem):
    lines = problem.lines
    order = problem.order
    assert sorted(order) == list(range(len(lines)))
    assert order == parsons.get(problem.id).order  # deterministic per id
    kept = [index for index in order if not lines[index].distractor]
    assert kept != sorted(kept)


def test_shuffled_orders_of_the_right_lines_fail_and_name_a_line_out_of_place(problem):
    right = solution(problem)
    shuffler = random.Random(14)
    for _ in range(5):
        order = right[:]
        while order == right:
            shuffler.shuffle(order)
        result = parsons.check(problem.id, order)
        assert result["passed"] is False, order
        first = result["placement"][0]
        assert first["kind"] == "order" and "should come" in first["message"], result["placement"]


def test_each_distractor_gets_its_explanation_even_where_the_checks_pass(problem):
    for index, line in enumerate(problem.lines):
        if not line.distractor:
            continue
        with_it = [*solution(problem), {"line": index, "indent": 0}]
        result = parsons.check(problem.id, with_it)
        assert result["passed"] is False
        number = len(with_it)
        assert {
            "line": number,
            "kind": "distractor",
            "message": f"Line {number} does not belong: {line.explanation}",
        } in (result["placement"])


def test_a_wrong_indent_is_named_with_the_indent_expected(problem):
    right = solution(problem)
    deepest = max(range(len(right)), key=lambda i: right[i]["indent"])
    wrong = [dict(item) for item in right]
    wrong[deepest]["indent"] -= 1
    result = parsons.check(problem.id, wrong)
    assert result["passed"] is False
    text = problem.lines[wrong[deepest]["line"]].text
    expected = right[deepest]["indent"]
    assert result["placement"] == [
        {
            "line": deepest + 1,
            "kind": "indent",
            "message": f"Line {deepest + 1}, `{text}`, is indented {expected - 1}, expected {expected}.",
        }
    ]


def test_a_line_left_out_is_named():
    problem = parsons.get("neuron-function")
    without_return = [item for item in solution(problem) if problem.lines[item["line"]].text != "return relu(z)"]
    result = parsons.check(problem.id, without_return)
    assert result["passed"] is False
    assert result["placement"][-1]["message"] == "`return relu(z)` is left out, but the program needs it."


def test_another_correct_order_passes_not_only_the_authors():
    problem = parsons.get("descent-loop")
    right = solution(problem)
    swapped = [right[0], right[2], right[1], *right[3:]]  # the neuron before the data: just as good
    assert parsons.check(problem.id, swapped)["passed"] is True


def test_the_message_for_an_order_names_the_line_it_should_follow():
    problem = parsons.get("train-loop-order")
    right = solution(problem)
    swapped = [right[0], right[1], right[2], right[4], right[3], *right[5:]]  # the step before the gradients
    result = parsons.check(problem.id, swapped)
    assert result["placement"][0] == {
        "line": 4,
        "kind": "order",
        "message": "Line 4, `neuron.weights = [w - learning_rate * g for w, g in zip(neuron.weights, dw)]`, "
        "should come after `dw, db = gradients(neuron, X, y)`.",
    }
    assert any(not item["passed"] and not item.get("skipped") for item in result["checks"])  # the checker's message


@pytest.mark.parametrize(
    "arrangement",
    [
        '{"line": 0}',
        [{"line": 0, "indent": 0}, {"line": 0, "indent": 1}],
        [{"line": 99, "indent": 0}],
        [{"line": 0, "indent": 9}],
        [{"line": "0", "indent": 0}],
        "not json",
    ],
    ids=["not-a-list", "twice", "unknown-line", "too-deep", "a-string", "not-json"],
)
def test_a_malformed_arrangement_gets_a_clear_message_not_a_crash(arrangement):
    result = parsons.check("neuron-function", arrangement)
    assert result["status"] == "checked" and result["passed"] is False
    assert result["checks"][0]["message"]


def test_an_unknown_problem_gets_a_clear_message():
    result = parsons.check("no-such-problem", [])
    assert "there is no Parsons problem 'no-such-problem'" in result["checks"][0]["message"]


def test_the_page_is_never_told_which_lines_are_distractors(problem):
    public = problem.public()
    assert set(public) == {"id", "version", "title", "lines", "order", "maxIndent", "timeout"}
    assert sorted(public["lines"]) == sorted(line.text for line in problem.lines)


def test_spec_mistakes_are_found():
    short = parsons.Parsons(id="short", title="Short", solution="x = 1\ny = 2\n")
    assert any("at least three" in problem for problem in short.problems())
    twice = parsons.Parsons(id="twice", title="T", solution="x = 1\nx = 1\ny = 2\n", distractors=[("z = 3", " ")])
    found = twice.problems()
    assert any("is there twice" in p for p in found) and any("needs an explanation" in p for p in found)
    assert any("no checks" in p for p in found)
