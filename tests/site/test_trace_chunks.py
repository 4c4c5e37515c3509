"""coursekit.trace_chunks: a trace sent to the page in chunks while it is recorded.

The chunks, unpacked, must be exactly the steps and output of
coursekit.tracing.trace; they must go while the code runs (the page keeps
them if the worker is terminated), not only at the end, and a step before a
line that blocks must not wait for the next one."""

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


def test_the_steps_before_a_line_that_never_ends_are_sent_before_it_runs():
    sent = []
    code = "n = 0\nfor i in range(3):\n    n += i\nimport time\ntime.sleep(0.3)\n"
    start = time.perf_counter()
    trace_for_page(code, "", lambda chunk: sent.append((time.perf_counter() - start, json.loads(chunk)["steps"])))
    before_sleep = [step for at, steps in sent if at < 0.25 for step in steps]
    assert before_sleep and before_sleep[-1][0] == 5, "the sleep's own line, sent before it slept"


def test_a_quick_loop_sends_few_chunks():
    chunks = []
    trace_for_page("for i in range(900):\n    pass\n", "", chunks.append)
    assert len(unpack(chunks)["steps"]) == 1802
    assert len(chunks) <= tracing._Recorder.EAGER + 5


def test_a_run_cut_at_the_step_limit_sends_every_step_but_no_end():
    chunks = []
    report = trace_for_page("while True:\n    pass\n", "", chunks.append)
    steps = unpack(chunks)["steps"]
    assert report["truncated"] is True and len(steps) == tracing.STEP_LIMIT and steps[-1]["line"] == 2
