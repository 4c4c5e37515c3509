"""coursekit.tracing's shortcuts, which keep a 2,000-step trace quick, record what the long way would."""

import textwrap

from coursekit import runtime
from coursekit.tracing import trace


def test_a_call_from_a_generator_has_the_depth_where_the_generator_is_resumed():
    code = """\
        def inner(v):
            return v
        def numbers():
            while True:
                yield inner(1)
        def start():
            made = numbers()
            next(made)
            return made
        made = start()
        next(made)
        """
    steps = trace(textwrap.dedent(code))["steps"]
    # start -> numbers -> inner, then the module -> numbers -> inner (the generator's own depth is its first)
    assert [step["depth"] for step in steps if step["function"] == "inner"] == [3, 2]
    assert {step["depth"] for step in steps if step["function"] == "numbers"} == {2}


def test_a_trace_stopped_at_the_step_limit_builds_no_error_report(monkeypatch):
    def no_report(error):
        raise AssertionError(f"a report of {error!r}, to be thrown away")

    monkeypatch.setattr(runtime, "error_report", no_report)
    result = trace("while True:\n    pass\n", limit=20)
    assert result["status"] == "ok" and result["truncated"] is True and len(result["steps"]) == 20
    result = trace("def f():\n    while True:\n        pass\n", limit=20, call="f()")
    assert result["status"] == "ok" and result["truncated"] is True and len(result["steps"]) == 20
