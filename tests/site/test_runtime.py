"""coursekit.runtime in CPython: the same function the browser's worker calls."""

import xml.etree.ElementTree as ElementTree

import pytest

from coursekit.runtime import FILENAME, run


def run_capturing(code, capsys):
    pictures = []
    result = run(code, display=lambda mime, data: pictures.append((mime, data)))
    out, err = capsys.readouterr()
    return result, out, err, pictures


def test_prints_go_to_stdout_and_the_run_is_ok(capsys):
    result, out, err, _ = run_capturing("for i in range(3):\n    print(i)", capsys)
    assert result == {"status": "ok"}
    assert out == "0\n1\n2\n"
    assert err == ""


def test_last_expression_is_shown_like_a_notebook_cell(capsys):
    result, out, _, _ = run_capturing("x = 20\nx + 22", capsys)
    assert result == {"status": "ok"}
    assert out == "42\n"


def test_none_and_statements_show_nothing(capsys):
    _, out, _, _ = run_capturing("x = 1\nNone", capsys)
    assert out == ""


def test_each_run_starts_with_a_fresh_namespace(capsys):
    run("leftover = 1")
    result, _, _, _ = run_capturing("print(leftover)", capsys)
    assert result["status"] == "error"
    assert result["type"] == "NameError"


class Picture:
    def _repr_svg_(self):
        return '<svg xmlns="http://www.w3.org/2000/svg"><circle r="1"/></svg>'


class Table:
    def _repr_html_(self):
        return "<table><tr><td>1</td></tr></table>"


def test_objects_that_draw_themselves_are_displayed(capsys):
    code = "show(pic, table)\npic"
    pictures = []
    namespace_code = "from tests.site.test_runtime import Picture, Table\npic, table = Picture(), Table()\n" + code
    result = run(namespace_code, display=lambda mime, data: pictures.append((mime, data)))
    assert result == {"status": "ok"}
    assert [mime for mime, _ in pictures] == ["image/svg+xml", "text/html", "image/svg+xml"]
    ElementTree.fromstring(pictures[0][1])


def test_a_neuron_plot_displays_as_svg(capsys):
    result, _, _, pictures = run_capturing(
        "from neuron.plot import plot_functions\n"
        "from neuron.activations import relu\n"
        "plot_functions({'relu': relu}, -2, 2)",
        capsys,
    )
    assert result == {"status": "ok"}, result
    assert len(pictures) == 1 and pictures[0][0] == "image/svg+xml"
    assert ElementTree.fromstring(pictures[0][1]).tag.endswith("svg")


def test_traceback_is_trimmed_to_the_learners_lines(capsys):
    result, _, _, _ = run_capturing("def f(x):\n    return 1 / x\n\nf(0)", capsys)
    assert result["status"] == "error"
    assert result["type"] == "ZeroDivisionError"
    assert result["line"] == 2
    error = result["error"]
    assert error.startswith("Traceback (most recent call last):\n")
    assert f'File "{FILENAME}", line 4, in <module>' in error
    assert f'File "{FILENAME}", line 2, in f' in error
    assert "    return 1 / x" in error  # the learner's own line is quoted
    assert "runtime.py" not in error
    assert error.rstrip().endswith("ZeroDivisionError: division by zero")


def test_an_error_inside_neuron_points_at_the_learners_call(capsys):
    code = "from neuron import Neuron\nn = Neuron([1.0, 2.0], 0.0)\nn([1.0, 2.0, 3.0])"
    result, _, _, _ = run_capturing(code, capsys)
    assert result["type"] == "ValueError"
    assert result["line"] == 3
    assert "neuron.py" not in result["error"]
    assert "2 weights" in result["error"] and "3 inputs" in result["error"]


def test_syntax_error_names_the_line(capsys):
    result, _, _, _ = run_capturing("x = 1\ny = (2 +\n", capsys)
    assert result["status"] == "error"
    assert result["type"] == "SyntaxError"
    assert result["line"] == 2
    assert f'File "{FILENAME}", line 2' in result["error"]


def test_chained_exceptions_are_trimmed_too(capsys):
    code = "try:\n    {}['missing']\nexcept KeyError as e:\n    raise ValueError('no such key') from e"
    result, _, _, _ = run_capturing(code, capsys)
    assert result["type"] == "ValueError"
    assert "KeyError: 'missing'" in result["error"]
    assert "runtime.py" not in result["error"]


def test_keyboard_interrupt_is_a_quiet_stop(capsys):
    result, _, _, _ = run_capturing("raise KeyboardInterrupt", capsys)
    assert result == {"status": "interrupted"}


def test_exit_ends_the_run_without_an_error(capsys):
    result, out, _, _ = run_capturing("print('bye')\nexit()\nprint('never')", capsys)
    assert result == {"status": "ok"}
    assert out == "bye\n"


def test_input_explains_itself(capsys):
    result, _, _, _ = run_capturing("input('name? ')", capsys)
    assert result["type"] == "RuntimeError"
    assert "input() is not available" in result["error"]


@pytest.mark.parametrize("name", ["numpy", "matplotlib"])
def test_missing_packages_get_a_course_message(name, capsys, monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, name, None)  # as if not installed, even where it is
    result, _, _, _ = run_capturing(f"import {name}", capsys)
    assert result["type"] == "ModuleNotFoundError"
    assert f"{name} is not available here" in result["error"]
