"""A trace sent to the page in chunks while it is recorded.

The worker calls :func:`trace_for_page` with ``send``, a function that posts
one chunk (a JSON string) to the page. Chunks go while the code runs (a step
at once while the code is slow, else every 50 ms: see tracing._Recorder), and
once at the end, so the page holds the steps recorded so far even if the
worker is terminated mid-run (a Stop or the time limit where the page is not
cross-origin isolated). Each chunk is::

    {"values": [[name, value, changed], ...],     # entries first seen in this chunk
     "steps": [[line, depth, function, output, [value index, ...]], ...],
     "output": "what was printed since the last chunk",
     "limit": 2000, "call": null}

A value index counts the entries of all chunks so far, from 0; ``changed`` is
1 or 0. Unpacked (web/src/runner/trace-steps.js, or :func:`unpack` here), the
steps and output are exactly those of :func:`coursekit.tracing.trace`. The
entries are shared: an unchanged variable is sent once, not at every step.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from coursekit import page_setup, tracing


class ChunkSender:
    """The recorder's sink: sends the entries, steps and output not yet sent (the recorder keeps them packed)."""

    def __init__(self, send: Callable[[str], object], limit: int, call: str | None) -> None:
        self.send = send
        self.limit, self.call = limit, call
        self.sent = [0, 0, 0]  # entries, steps, output parts

    def __call__(self, recorder) -> None:
        entries, steps, parts = recorder.entries, recorder.steps, recorder.output.parts
        first_entry, first_step, first_part = self.sent
        self.sent = [len(entries), len(steps), len(parts)]
        chunk = {
            "values": entries[first_entry:],
            "steps": steps[first_step:],
            "output": "".join(parts[first_part:]),
            "limit": self.limit,
            "call": self.call,
        }
        # Plain lists, numbers and strings made here, never circular: not checked (a third quicker in Pyodide).
        self.send(json.dumps(chunk, ensure_ascii=False, separators=(",", ":"), check_circular=False))


def trace_for_page(
    code: str, call: str, send: Callable[[str], object], setup: str = "", page: str | None = None
) -> dict[str, object]:
    """:func:`coursekit.tracing.trace` (``call`` "" for none), its steps and output sent
    with ``send`` in chunks; returns the rest of its result (no steps, no output). ``setup``
    and ``page``: the page's setup code and, if it has one namespace, its name (coursekit.page_setup)."""
    limit, call = tracing.STEP_LIMIT, call or None
    try:
        namespace = page_setup.namespace(setup, page)
    except KeyboardInterrupt:
        return {"status": "interrupted", "truncated": False, "limit": limit, "call": call}
    except page_setup.SetupFailed as error:
        return {**page_setup.failure(error), "truncated": False, "limit": limit, "call": call}
    report, recorder = tracing.recorded(code, limit, call, ChunkSender(send, limit, call), namespace)
    return {**report, "truncated": recorder.truncated, "limit": limit, "call": call}


def unpack(chunks: list[str]) -> dict[str, object]:
    """The steps and output that ``chunks`` carry, as :func:`coursekit.tracing.trace` gives them."""
    entries, steps, output = [], [], []
    for text in chunks:
        chunk = json.loads(text)
        entries += chunk["values"]
        steps += chunk["steps"]
        output.append(chunk["output"])
    return {"steps": tracing.unpacked(entries, steps), "output": "".join(output)}
