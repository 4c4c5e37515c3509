"""coursekit.trace_chunks: a trace sent to the page in chunks while it is recorded.

The chunks, unpacked, must be exactly the steps and output of
coursekit.tracing.trace; they must go while the code runs (the page keeps
them if the worker is terminated), not only at the end."""

import json
import textwrap
import time

from coursekit import tracing
from coursekit.trace_chunks import trace_for_page, unpack

CODE = textwrap.dedent(
    """\
    def double(x):
        y = x * 2
        return y
    values = []
    for i in range(40):
        values.append(double(i))
        print(i)
    double(None)
    """
)


def test_the_chunks_carry_the_steps_and_output_of_trace():
    chunks = []
    report = trace_for_page(CODE, "", chunks.append)
    expected = tracing.trace(CODE)
    assert unpack(chunks) == {"steps": expected["steps"], "output": expected["output"]}
    assert report == {key: value for key, value in expected.items() if key not in ("steps", "output")}
    assert report["status"] == "error" and report["type"] == "TypeError"
    assert all(json.loads(chunk)["limit"] == tracing.STEP_LIMIT for chunk in chunks)


def test_an_unchanged_value_is_sent_once():
    chunks = []
    trace_for_page("a = 'some text'\nfor i in range(50):\n    pass\n", "", chunks.append)
    values = [value for chunk in chunks for value in json.loads(chunk)["values"]]
    assert [name for name, _, _ in values].count("a") == 2  # just changed, then unchanged for good
    assert len(unpack(chunks)["steps"]) == 1 + 2 * 50 + 2  # the loop ends on its line 2; then the end


def test_a_call_is_traced_in_chunks_too():
    code = "def f(a, b):\n    c = a + b\n    return [c] * 3\nprint('demo')\n"
    chunks = []
    report = trace_for_page(code, "f(1, 2)", chunks.append)
    expected = tracing.trace(code, call="f(1, 2)")
    assert unpack(chunks)["steps"] == expected["steps"] and report["call"] == "f(1, 2)"
    assert json.loads(chunks[0])["call"] == "f(1, 2)"


def test_chunks_go_while_the_code_runs():
    sent = []
    code = "import time\nfor i in range(6):\n    time.sleep(0.03)\n"
    trace_for_page(code, "", lambda chunk: sent.append((time.perf_counter(), len(json.loads(chunk)["steps"]))))
    assert len(sent) >= 3, "a chunk every 50 ms or so, and the rest at the end"
    assert sum(count for _, count in sent) == len(tracing.trace(code)["steps"])
    assert sent[-1][0] - sent[0][0] >= 0.05


def test_a_run_cut_at_the_step_limit_sends_every_step_but_no_end():
    chunks = []
    report = trace_for_page("while True:\n    pass\n", "", chunks.append)
    steps = unpack(chunks)["steps"]
    assert report["truncated"] is True and len(steps) == tracing.STEP_LIMIT and steps[-1]["line"] == 2
