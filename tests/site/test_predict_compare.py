"""Predict, then run: the rule that says whether a prediction matches what the code printed.

The oracle is the rule as the authors' page states it, worked by hand for each case:
whitespace ignored, numbers equal within 1e-6 or to the precision of the one written
with fewer decimals, everything else exactly.
"""

import pytest

from coursekit.predict import compare, half_unit, matches, numbers_match, tokens


@pytest.mark.parametrize(
    "prediction, output",
    [
        ("0.5", "0.5\n"),
        ("  0.5  ", "0.5"),
        ("z=0.5", "z = 0.5\n"),
        ("z =\t0.5", "z = 0.5"),
        ("1 2", "1\n2\n"),  # line breaks are whitespace too
        ("[0.5,1.0]", "[0.5, 1.0]"),
        ("a - 1", "a-1"),
        ("2", "2.0"),  # a whole number taken exactly: 2 == 2.0
        ("0.3", "0.30000000000000004"),  # within the relative 1e-6, and to one decimal
        ("1000000", "1000000.5"),  # relative 1e-6 of a million is 1
        ("1e-05", "0.00001"),
        ("0", "1e-10"),  # absolute 1e-9
        ("True", "True\n"),
        ("", ""),
    ],
)
def test_predictions_that_match(prediction, output):
    assert matches(prediction, output)


@pytest.mark.parametrize(
    "prediction, output",
    [
        ("12", "1 2"),  # whitespace is ignored, not the boundary between numbers
        ("true", "True"),  # case counts outside numbers
        ("0.5", "-0.5"),
        ("1", "0.73"),  # a whole number is not rounded to
        ("0.731", "0.7320508"),
        ("0.5", "0.5 0.5"),  # one number too few
        ("z = 0.5", "w = 0.5"),
        ("0.5", ""),
        ("1000000", "1000002"),
        ("0", "1e-8"),
    ],
)
def test_predictions_that_do_not_match(prediction, output):
    assert not matches(prediction, output)


def test_a_rounded_prediction_matches_to_the_precision_written():
    assert matches("0.73", "0.7310585786300049")  # |diff| 0.001 <= 0.005
    assert matches("0.7", "0.7310585786300049")  # 0.031 <= 0.05
    assert matches("0.7311", "0.7310585786300049")  # 0.0000414 <= 0.00005
    assert not matches("0.730", "0.7310585786300049")  # 0.001 > 0.0005: the 0 is a digit written
    assert not matches("0.74", "0.7310585786300049")  # 0.0089 > 0.005
    assert matches("0.731", "0.73")  # the output rounded: the less precise of the two decides
    assert matches("7.3e-01", "0.7310585")
    assert not matches("1.", "0.73")  # a point with no decimals is a whole number


def test_half_units_of_the_last_decimal_written():
    assert half_unit("0.73") == pytest.approx(0.005)
    assert half_unit("-2.50") == pytest.approx(0.005)
    assert half_unit("1.5e-05") == pytest.approx(5e-7)
    assert half_unit("3") == 0 and half_unit("3.") == 0 and half_unit("2e3") == 0


def test_numbers_match_is_symmetric():
    for a, b in [("0.73", "0.7310585"), ("2", "2.0"), ("0.731", "0.7320508"), ("1", "0.73")]:
        assert numbers_match(a, b) == numbers_match(b, a)


def test_multi_line_output_matches_line_by_line_or_run_together():
    output = "z = 1.0\noutput = 0.7310585786300049\n"
    assert matches("z = 1.0\noutput = 0.73", output)
    assert matches("z = 1  output = 0.731", output)
    assert not matches("z = 1.0", output)
    assert not matches("output = 0.73\nz = 1.0", output)  # the order counts


def test_numbers_alone_are_compared_with_the_outputs_numbers():
    output = "z = -1.0\noutput = 0.0\n"
    assert matches("-1 0", output)
    assert matches("-1.0, 0.0", output) is False  # a comma is not a number: the whole text is compared
    assert not matches("0", output)  # every number, not one of them
    assert not matches("0 -1", output)  # in order
    assert matches("70", "bill = 70")
    assert matches("0 1 1 1", "[0, 1, 1, 1]")
    assert not matches("3", "OR line: 3 of 4 right")


def test_words_brackets_and_signs_are_tokens():
    assert tokens("x1=[-0.5, a-1]") == [
        ("word", "x1"),
        ("other", "="),
        ("other", "["),
        ("number", "-0.5"),
        ("other", ","),
        ("word", "a"),
        ("other", "-"),
        ("number", "1"),
        ("other", "]"),
    ]
    assert matches("Neuron(weights=[0.5, -1.0], bias=1.0)", "Neuron(weights=[0.5, -1], bias=1)")
    assert not matches("nan", "inf") and matches("-inf", "-inf")


def test_an_error_counts_as_printed_after_the_output():
    traceback = (
        'Traceback (most recent call last):\n  File "<your code>", line 2\nZeroDivisionError: division by zero\n'
    )
    assert matches("1.0 ZeroDivisionError: division by zero", "1.0\n", traceback)
    assert not matches("1.0", "1.0\n", traceback)
    assert compare("x", "1.0\n", traceback) == {
        "match": False,
        "prediction": "x",
        "output": "1.0\nZeroDivisionError: division by zero",
    }


def test_compare_reports_the_verdict_and_both_texts():
    assert compare("0.73", "0.7310585786300049\n") == {
        "match": True,
        "prediction": "0.73",
        "output": "0.7310585786300049",
    }
