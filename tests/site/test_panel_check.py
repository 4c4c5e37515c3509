"""The build runs every panel once: a promise its code breaks fails the strict build, naming file and line."""

from coursesite.panel_check import panel_problems

from .test_build_widgets import expect_failure


def test_a_panel_that_keeps_its_promise_has_no_problem():
    assert panel_problems({"code": "print('z =', 2 * 0.5)", "expect": "z = 1.0"}) == []
    assert panel_problems({"code": "int('x')", "raises": "ValueError"}) == []
    assert panel_problems({"code": "x = 1"}) == []


def test_an_expected_text_not_printed_is_quoted_with_what_was_printed():
    problems = panel_problems({"code": "print('z =', 2 * 0.5 + 1)", "expect": "z = 1.0"})
    assert problems == ["its code does not print the expected 'z = 1.0'; it printed 'z = 2.0'"]


def test_a_crash_or_a_missing_or_other_exception_is_named():
    assert panel_problems({"code": "x = 1\n1 / 0"}) == [
        "its code failed on line 2 when the build ran it: ZeroDivisionError: division by zero"
    ]
    assert panel_problems({"code": "x = 1", "raises": "ValueError"}) == [
        "its code should raise ValueError but ran without an error"
    ]
    assert panel_problems({"code": "[][1]", "raises": "ValueError"}) == [
        "its code should raise ValueError but raised IndexError: list index out of range"
    ]


def test_long_output_is_cut_in_the_message():
    (problem,) = panel_problems({"code": "print('x' * 1000)", "expect": "y"})
    assert len(problem) < 250 and problem.endswith("…'")


def test_the_strict_build_fails_when_a_panel_does_not_print_its_expect(tmp_path, caplog):
    page = '# Bad\n\nSome text.\n\n```panel expect="z = 1.0"\nprint("z =", 2.0)\n```\n'
    expect_failure(
        tmp_path,
        caplog,
        {"index.md": "# Home\n", "lessons/bad.md": page},
        "lessons/bad.md:5: code panel 1: its code does not print the expected 'z = 1.0'; it printed 'z = 2.0'",
    )
