"""coursekit.tracing in CPython: the recorder behind a panel's "Step through"."""

import json
import pathlib
import shutil
import subprocess
import textwrap

import pytest

import coursekit
from coursekit.tracing import OUTPUT_LIMIT, STEP_LIMIT, short_repr, trace


def steps_of(code, **options):
    return trace(textwrap.dedent(code), **options)["steps"]


def lines(steps):
    return [step["line"] for step in steps]


def variables(step):
    return {variable["name"]: variable["value"] for variable in step["variables"]}


def changed(step):
    return {variable["name"] for variable in step["variables"] if variable["changed"]}


def test_a_loop_is_one_step_per_line_run_with_the_variables_before_the_line():
    steps = steps_of(
        """\
        total = 0
        for x in [1, 2]:
            total += x
        """
    )
    assert lines(steps) == [1, 2, 3, 2, 3, 2, None]
    assert variables(steps[0]) == {}
    assert variables(steps[2]) == {"total": "0", "x": "1"}
    assert variables(steps[4]) == {"total": "1", "x": "2"}
    assert variables(steps[5]) == variables(steps[6]) == {"total": "3", "x": "2"}
    assert changed(steps[3]) == {"total"} and changed(steps[4]) == {"x"} and changed(steps[5]) == {"total"}
    assert all(step["depth"] == 0 and step["function"] == "" for step in steps)


@pytest.mark.parametrize("code", ["print(1)", "1 + 1", "x = 1\nx"])
def test_code_ending_in_an_expression_has_no_step_at_line_0(code):
    """The last expression runs apart (its value is shown): what comes before it may be nothing at all."""
    assert lines(steps_of(code)) == [*range(1, code.count("\n") + 2), None]


def test_the_result_is_runs_report_with_plain_json_data():
    result = trace("x = 1\nprint(x)")
    assert result["status"] == "ok" and result["truncated"] is False and result["limit"] == STEP_LIMIT
    assert json.loads(json.dumps(result)) == result


def test_nested_calls_and_recursion_have_their_function_and_depth():
    steps = steps_of(
        """\
        def fact(n):
            if n <= 1:
                return 1
            return n * fact(n - 1)
        def twice(n):
            return 2 * fact(n)
        result = twice(3)
        """
    )
    inside = [(step["function"], step["depth"], variables(step).get("n")) for step in steps if step["function"]]
    assert inside[0] == ("twice", 1, "3")
    assert ("fact", 1 + 3, "1") in inside  # twice → fact(3) → fact(2) → fact(1)
    assert max(depth for _, depth, _ in inside) == 4
    assert steps[-1]["line"] is None and variables(steps[-1])["result"] == "12"  # the end: after the last line


def test_each_frame_compares_with_its_own_last_step():
    steps = steps_of(
        """\
        def f(x):
            y = x + 1
            return y
        a = f(1)
        b = f(2)
        """
    )
    first_call = [step for step in steps if step["function"] == "f"]
    assert changed(first_call[0]) == {"x"}  # the argument has just arrived
    assert changed(first_call[1]) == {"y"}
    module = [step for step in steps if not step["function"]]
    assert changed(module[-2]) == {"a"}  # b's line: a changed while f ran
    assert module[-1]["line"] is None and changed(module[-1]) == {"b"}


def test_calls_into_the_library_and_standard_library_are_one_step():
    steps = steps_of(
        """\
        import math
        from neuron import Neuron
        n = Neuron([0.5, -1.0], bias=0.25)
        z = n([1.0, 2.0])
        r = math.sqrt(4.0)
        """
    )
    assert lines(steps) == [1, 2, 3, 4, 5, None]
    assert variables(steps[4])["n"].startswith("Neuron(")
    assert variables(steps[1])["math"] == "<module math>"


def test_a_function_of_the_learner_called_by_the_library_is_stepped():
    steps = steps_of(
        """\
        def key(v):
            return -v
        ordered = sorted([1, 2], key=key)
        """
    )
    assert [step["function"] for step in steps].count("key") == 2
    assert {step["depth"] for step in steps if step["function"] == "key"} == {1}


def test_generators_and_comprehensions_are_stepped():
    steps = steps_of(
        """\
        def count(n):
            i = 0
            while i < n:
                yield i
                i += 1
        squares = [v * v for v in count(2)]
        """
    )
    in_generator = [variables(step).get("i") for step in steps if step["function"] == "count"]
    assert in_generator == [None, "0", "0", "0", "1", "1", "1", "2"]
    assert changed([step for step in steps if step["function"] == "count"][3]) == set()  # resumed: nothing new
    assert any("v" in variables(step) for step in steps)


def test_a_comprehension_steps_inside_the_frame_that_makes_it():
    # As Python 3.12+ runs it (PEP 709, Pyodide's 3.14): no frame of its own, the
    # maker's variables and its own; 3.11 gives it a frame, which the recorder hides.
    steps = steps_of(
        """\
        def scaled(values, k):
            base = 1
            out = [base + k * v for v in values]
            return out
        xs = [1, 2]
        result = scaled(xs, 10)
        grid = [[i * j for j in xs] for i in xs]
        """
    )
    inside = [step for step in steps if step["line"] == 3]
    assert [step["function"] for step in inside] == ["scaled"] * 3 and {step["depth"] for step in inside} == {1}
    assert [variables(step) for step in inside[1:]] == [
        {"values": "[1, 2]", "k": "10", "base": "1", "v": "1"},
        {"values": "[1, 2]", "k": "10", "base": "1", "v": "2"},
    ]
    assert changed(inside[1]) == {"v"}  # the maker's own variables did not change
    nested = [step for step in steps if step["line"] == 7]
    loops = [{name: value for name, value in variables(step).items() if name in "ij"} for step in nested]
    assert loops == [{}, {"i": "1", "j": "1"}, {"i": "1", "j": "2"}, {"i": "1"}, {"i": "2", "j": "1"}, *loops[5:]]
    assert loops[5:] == [{"i": "2", "j": "2"}, {"i": "2"}]
    assert [changed(step) for step in nested[1:4]] == [{"i", "j"}, {"j"}, set()]
    assert {step["function"] for step in nested} == {""} and variables(nested[1])["xs"] == "[1, 2]"


def test_print_inside_the_learners_functions_is_counted_where_it_happens():
    result = trace(
        textwrap.dedent(
            """\
            def greet(name):
                print("hi", name)
                return len(name)
            def both():
                a = greet("ada")
                print("--")
                b = greet("bo")
                return a + b
            n = both()
            print(n)
            """
        )
    )
    assert result["output"] == "hi ada\n--\nhi bo\n5\n"
    printed = [(step["line"], step["function"], result["output"][: step["output"]]) for step in result["steps"]]
    assert printed[printed.index((2, "greet", "")) + 1] == (3, "greet", "hi ada\n")
    assert (6, "both", "hi ada\n") in printed and (7, "both", "hi ada\n--\n") in printed
    assert (3, "greet", "hi ada\n--\nhi bo\n") in printed
    assert printed[-1] == (None, "", result["output"])


def test_the_neuron_package_is_one_step_per_call_with_no_library_frames():
    result = trace(
        textwrap.dedent(
            """\
            from neuron import Neuron, OR, fit
            n = Neuron([0.5, -1.0], bias=1.0, activation="relu")
            out = n([2.0, 3.0])
            print(out)
            text = n.explain([2.0, 3.0])
            history = fit(Neuron([0.0, 0.0], 0.0), *OR, epochs=20, print_every=10)
            class Shifted(Neuron):
                def weighted_sum(self, inputs):
                    z = super().weighted_sum(inputs)
                    return z + 1
            y = Shifted([1.0], bias=0.0, activation="identity")([2.0])
            """
        )
    )
    steps = result["steps"]
    assert [step["line"] for step in steps if not step["function"]] == [1, 2, 3, 4, 5, 6, 7, 11, None]
    assert {step["function"] for step in steps} == {"", "Shifted", "weighted_sum"}  # the learner's own only
    called_back = [step for step in steps if step["function"] == "weighted_sum"]
    assert [step["line"] for step in called_back] == [9, 10] and {step["depth"] for step in called_back} == {1}
    assert variables(called_back[1])["z"] == "2.0"
    assert variables(steps[-1])["y"] == "3.0"
    printed = {step["line"]: result["output"][: step["output"]] for step in steps if not step["function"]}
    assert printed[5] == "0.0\n" and printed[7].startswith("0.0\nepoch  0  loss ")  # fit printed in one step
    assert variables(steps[6])["text"].startswith("inputs x = [2.0, 3.0]")  # explain's text, cut short


def test_the_last_step_of_a_run_that_raises_is_the_line_that_raised():
    result = trace("def f(x):\n    return 1 / x\n\nprint('before')\nf(0)\nprint('never')")
    assert result["status"] == "error" and result["type"] == "ZeroDivisionError" and result["line"] == 2
    assert result["steps"][-1]["line"] == 2 and result["steps"][-1]["function"] == "f"
    assert "ZeroDivisionError: division by zero" in result["error"]
    assert result["output"] == "before\n"


def test_output_so_far_is_counted_at_each_step():
    result = trace("print('a')\nx = 1\nprint('bc')\ny = 2")
    assert result["output"] == "a\nbc\n"
    assert [step["output"] for step in result["steps"]] == [0, 2, 2, 5, 5]
    wide = trace("print('é😀')\nx = 1")  # the page slices in UTF-16 code units: 😀 is two
    assert [step["output"] for step in wide["steps"]] == [0, 4, 4]


def test_a_repr_that_raises_is_said_and_the_trace_goes_on():
    result = trace(
        textwrap.dedent(
            """\
            class Bad:
                def __repr__(self):
                    print("repr printed")
                    raise ValueError("no")
            b = Bad()
            items = [b, 1]
            done = True
            """
        )
    )
    assert result["status"] == "ok"
    last = variables(result["steps"][-1])
    assert last["b"] == "<repr failed: ValueError>"
    assert last["items"] == "[<repr failed: ValueError>, 1]"
    assert "repr printed" not in result["output"]  # the recorder's reprs print nothing


def test_huge_values_are_short():
    last = variables(steps_of("big = list(range(100_000))\ntext = 'x' * 10_000\ndeep = [[[[[1]]]]]\nend = 0")[-1])
    assert len(last["big"]) < 60 and last["big"].endswith("...]")
    assert len(last["text"]) <= 70
    assert last["deep"] == "[[[[...]]]]"
    assert short_repr(object()).startswith("<object object")
    assert len(short_repr(10**500)) == 120 and short_repr(0.1) == "0.1" and short_repr(None) == "None"


def test_a_value_changed_in_place_is_shown_changed():
    steps = steps_of(
        """\
        items = [1, 2]
        items[0] = 1.0
        items.append(3)
        grid = [[0], [0]]
        grid[1][0] = 5
        class Box:
            def __init__(self):
                self.v = 0
            def __repr__(self):
                return f"Box({self.v})"
        box = Box()
        box.v = 7
        end = 0
        """
    )
    shown = [(variables(step), changed(step)) for step in steps if step["line"] in (3, 4, 5, 6, 13, 14)]
    assert shown[0] == ({"items": "[1.0, 2]"}, {"items"})  # 1 == 1.0, but not the same text
    assert shown[1][0]["items"] == "[1.0, 2, 3]" and shown[1][1] == {"items"}
    assert shown[3][0]["grid"] == "[[0], [5]]" and "grid" in shown[3][1]  # changed two levels down
    assert shown[-1][0]["box"] == "Box(7)" and shown[-1][1] == {"box"}  # its __repr__, asked again


def test_a_long_list_shows_only_its_start_and_changes_there():
    steps = steps_of("values = list(range(20))\nvalues[15] = -1\nvalues[2] = -1\nend = 0")
    assert [changed(step) for step in steps[1:]] == [{"values"}, set(), {"values"}, {"end"}]
    assert variables(steps[-1])["values"] == "[0, 1, -1, 3, 4, 5, 6, 7, ...]"


def test_functions_classes_and_the_panels_own_names_are_short_or_hidden():
    last = variables(steps_of("def f():\n    pass\nclass C:\n    pass\nshow\nend = 1")[-1])
    assert last == {"f": "<function f>", "C": "<class C>", "end": "1"}


def test_recording_stops_the_code_at_the_step_limit():
    result = trace("i = 0\nwhile True:\n    i += 1\n", limit=50)
    assert result["status"] == "ok" and result["truncated"] is True
    assert len(result["steps"]) == 50 and None not in lines(result["steps"])  # it did not end
    assert len(trace("while True:\n    pass\n")["steps"]) == STEP_LIMIT


def test_output_is_bounded():
    result = trace("for i in range(5000):\n    print('x' * 10)", limit=10**6)
    assert len(result["output"]) == OUTPUT_LIMIT


def test_a_syntax_error_has_no_steps():
    result = trace("x = (")
    assert result["status"] == "error" and result["type"] == "SyntaxError" and result["steps"] == []


def test_an_interrupt_keeps_the_steps_recorded():
    result = trace("x = 1\nraise KeyboardInterrupt\n")
    assert result["status"] == "interrupted" and lines(result["steps"]) == [1, 2]
    assert trace("x = 1\nraise ValueError")["steps"][-1]["line"] == 2


def test_the_trace_leaves_no_tracer_and_the_streams_as_they_were(capsys):
    import sys

    before = sys.stdout
    trace("print('hidden')")
    assert sys.gettrace() is None and sys.stdout is before
    assert capsys.readouterr().out == ""


PYODIDE = pathlib.Path(coursekit.__file__).parent.parent.parent / "node_modules" / "pyodide"
SAME_EVERYWHERE = """\
def f(x):
    y = x * 2
    return y
total = 0
for i in range(3):
    total += f(i)
    print(total)
doubled = [f(v) for v in range(2)]
pairs = {k: [j for j in range(k)] for k in range(3)}
evens = list(v for v in range(4) if v % 2 == 0)
f(None)
"""
PYODIDE_RUNNER = """
const [pyodideDir, sourceDir, code] = process.argv.slice(2);
const { loadPyodide } = await import(pyodideDir + "/pyodide.mjs");
const fs = await import("node:fs");
const pyodide = await loadPyodide({ indexURL: pyodideDir + "/" });
for (const name of fs.readdirSync(sourceDir, { recursive: true }).filter((n) => n.endsWith(".py"))) {
  pyodide.FS.mkdirTree("/home/pyodide/src/" + name.split("/").slice(0, -1).join("/"));
  pyodide.FS.writeFile("/home/pyodide/src/" + name, fs.readFileSync(sourceDir + "/" + name, "utf8"));
}
pyodide.runPython("import sys; sys.path.insert(0, '/home/pyodide/src')");
pyodide.globals.set("code", code);
const out = pyodide.runPython("import json; from coursekit.tracing import trace; json.dumps(trace(code))");
process.stdout.write("TRACE " + out + "\\n");
"""


def test_pyodide_records_the_same_steps(tmp_path):
    node = shutil.which("node")
    if node is None or not (PYODIDE / "pyodide.mjs").exists():
        pytest.skip("needs Node and the npm package pyodide (npm install)")
    script = tmp_path / "trace.mjs"
    script.write_text(PYODIDE_RUNNER, encoding="utf-8")
    source = pathlib.Path(coursekit.__file__).parent.parent
    done = subprocess.run(
        [node, str(script), str(PYODIDE), str(source), SAME_EVERYWHERE], capture_output=True, text=True, timeout=180
    )
    assert done.returncode == 0, done.stderr[-3000:]
    in_browser = json.loads(next(line for line in done.stdout.splitlines() if line.startswith("TRACE "))[6:])
    here = trace(SAME_EVERYWHERE)
    assert in_browser["steps"] == here["steps"]
    assert (in_browser["type"], in_browser["line"], in_browser["output"]) == ("TypeError", 2, "0\n2\n6\n")
