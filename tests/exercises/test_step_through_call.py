"""A failed check offers to step through the call it made: the checker names the
call, and coursekit.tracing records that call alone on the learner's code."""

from coursekit.checker import check
from coursekit.tracing import trace

RETURN_IN_THE_LOOP = (
    "def neuron_output(inputs, weights, bias):\n"
    "    z = bias\n"
    "    for x, w in zip(inputs, weights):\n"
    "        z += x * w\n"
    "        return max(0.0, z)\n"
    "\n"
    "print('demo')\n"
)


def failed(result):
    return next(item for item in result["checks"] if not item["passed"])


def test_a_failed_check_names_the_call_its_message_is_about_as_code():
    item = failed(check("relu-neuron", RETURN_IN_THE_LOOP))
    assert "for inputs [1, 2, 3], weights [2, 1, 0.5] and bias 0" in item["message"]  # it made more calls
    assert item["call"] == "neuron_output([1.0, 2.0, 3.0], [2.0, 1.0, 0.5], 0.0)"
    assert eval(item["call"], {"neuron_output": lambda *args: args}) == ([1, 2, 3], [2, 1, 0.5], 0)


def test_a_call_that_raised_is_the_one_named():
    item = failed(check("relu-neuron", "def neuron_output(inputs, weights, bias):\n    return 1 / (bias - bias)\n"))
    assert item["message"].startswith(f"`{item['call']}` raised ZeroDivisionError")


def test_a_check_that_made_no_call_names_none():
    item = failed(check("relu-neuron", "def neuron_output(inputs, weights):\n    return 0\n"))
    assert "call" not in item


def test_the_call_is_traced_alone_in_the_learners_lines():
    call = failed(check("relu-neuron", RETURN_IN_THE_LOOP))["call"]
    result = trace(RETURN_IN_THE_LOOP, call=call)
    assert result["status"] == "ok" and result["call"] == call
    assert result["output"] == ""  # the demo line ran, unrecorded
    steps = result["steps"]
    assert [step["line"] for step in steps] == [2, 3, 4, 5, None]
    assert {step["function"] for step in steps[:-1]} == {"neuron_output"}
    assert {step["depth"] for step in steps[:-1]} == {1}
    assert [variable["name"] for variable in steps[-1]["variables"]] == ["returned"]


def test_a_call_that_raises_ends_on_the_line_that_raised():
    code = "def f(x):\n    y = 1\n    return y / x\n"
    result = trace(code, call="f(0)")
    assert result["status"] == "error" and result["type"] == "ZeroDivisionError" and result["line"] == 3
    assert [step["line"] for step in result["steps"]] == [2, 3]


def test_only_a_call_of_a_function_with_literal_arguments_is_made():
    for call in ("__import__('os')", "f(x)", "f(1, key=2)", "f(", "g(1)"):
        result = trace("def f(*args):\n    return 1\n", call=call)
        assert result["status"] == "error" and result["steps"] == [], call
