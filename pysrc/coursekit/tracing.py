"""Step through a learner's code: record each line it runs, with its variables.

:func:`trace` runs a panel's code as :func:`coursekit.runtime.run` does, under
``sys.settrace``, and returns plain data that the page draws (the same in
CPython and in Pyodide):

- one step per line executed in the learner's own frames (code compiled from
  the panel: the module, their functions, loops, comprehensions); a call into
  ``neuron`` or the standard library is part of the line that makes it;
- at each step: the line, the function running and the call depth, the
  variables of that frame as short reprs (some 120 characters at most; a
  ``__repr__`` that raises shows as ``<repr failed: ValueError>``) with a
  mark on the ones that changed, and how much output was printed before it
  (in UTF-16 code units, as the page's JavaScript counts);
- when the code ends, one more step with no line: the variables as it left them;
- when the code raises, the exception is reported as ``run`` reports it (its
  last step is the line that raised);
- after ``limit`` steps recording stops, and so does the code (a loop that
  never ends is cut there too).

The step's line is the line *about to run*: its variables are those before it.

It is quick (a 2,000-step loop, the worst case, must record in well under
50 ms in Pyodide; ``make bench`` measures it): a step takes again only the
texts of variables that may have changed, an entry that did not change is
shared by the steps that show it, and the steps are kept packed until
:func:`trace` returns them (or coursekit.trace_chunks sends them as they are).
"""

from __future__ import annotations

import ast
import sys
import time
from collections.abc import Callable
from itertools import compress
from operator import is_not
from types import FrameType

from coursekit import runtime
from coursekit.short_repr import same_text, short_repr, text_key
from coursekit.trace_output import TracedOutput

__all__ = ["OUTPUT_LIMIT", "STEP_LIMIT", "StepLimitReached", "short_repr", "trace"]

#: The most steps one trace records.
STEP_LIMIT = 2000
#: The most characters of output a trace keeps.
OUTPUT_LIMIT = 20_000
#: Names a panel starts with, not shown unless the learner sets them (and those a page's setup defined).
_STARTING = runtime.fresh_namespace()
_RETURNED = "__returned__"
#: Comprehensions that Python 3.11 runs in a frame of their own, and 3.12+ inline (PEP 709).
_INLINED = ("<listcomp>", "<setcomp>", "<dictcomp>") if sys.version_info < (3, 12) else ()
#: Code flags of frames that are suspended and resumed (generators, coroutines).
_RESUMABLE = 0x20 | 0x80 | 0x200


class StepLimitReached(BaseException):
    """Raised in the learner's code once the trace has its ``limit`` steps."""


class _Frame:
    """A frame of the learner's code as the recorder follows it, with what its last step showed.

    For each of its names at the last step, in order: ``names``, ``values``,
    ``numbers`` (its entry in the recorder's ``entries``, None if not shown) and
    ``keys`` (its short_repr.text_key). A step takes again only the texts that
    may have changed: of a name now holding another object, of a list or other
    value that may have changed inside (``watched``), and of one marked changed
    at the last step (``marked``: no longer). An unchanged number, string,
    function or list of numbers keeps its entry.
    """

    __slots__ = ("at_module", "depth", "frame", "function", "keys", "marked", "names", "numbers", "recorder")
    __slots__ += ("stays", "values", "watched")

    def __init__(self, recorder: _Recorder, frame: FrameType | None, depth: int) -> None:
        self.recorder = recorder
        self.frame = frame  # kept alive, so that its id names no other frame meanwhile
        self.depth = depth
        code = frame.f_code if frame is not None else None
        self.at_module = code is None or code.co_name == "<module>"
        self.function = "" if self.at_module else code.co_name
        # The module's variables outlive a frame (the last expression runs apart), and so
        # do a generator's (it is suspended and resumed): their frames are kept.
        self.stays = self.at_module or bool(code.co_flags & _RESUMABLE)
        self.names: tuple[str, ...] = ()
        self.values: list[object] = []
        self.numbers: list[int | None] = []
        self.keys: list[object] = []
        self.watched: set[int] = set()
        self.marked: list[int] = []

    def on_event(self, frame: FrameType, event: str, arg: object):
        if event == "line":
            names = frame.f_locals
            if self.at_module and names is not frame.f_globals:  # in a comprehension, inlined (3.12+)
                names = {**frame.f_globals, **names}
            self.recorder.step(self, frame.f_lineno, names)
        elif event == "return" and not self.stays:
            self.recorder.frames.pop(id(frame), None)
        return self.on_event

    def variables(self, names) -> list[int]:
        """The entries of ``names`` worth showing, each marked changed if its text is not the last step's."""
        now, values = tuple(names), list(names.values())
        if now == self.names:  # the same names: look again only where something may have changed
            old, numbers, keys = self.values, self.numbers, self.keys
            again = list(map(is_not, values, old))
            for i in (*self.watched, *self.marked):
                again[i] = True
            self.values, self.marked = values, []
            for i in compress(range(len(again)), again):
                self.update(i, now[i], values[i], old[i], numbers[i], keys[i])
        else:
            olds = self.renamed(now, values)
            self.names, self.values, self.marked = now, values, []
            for i, old_value, number, key in olds:
                self.update(i, now[i], values[i], old_value, number, key)
        return [number for number in self.numbers if number is not None]

    def renamed(self, now: tuple[str, ...], values: list[object]) -> list[tuple]:
        """For new names: one still holding the same unchanging value keeps its entry; the rest, to update."""
        at = {name: j for j, name in enumerate(self.names)}
        again = {*self.watched, *self.marked}
        numbers, olds = [None] * len(now), []
        for i, name in enumerate(now):
            j = at.get(name)
            if j is None:
                olds.append((i, _ABSENT, None, False))
            elif values[i] is self.values[j] and j not in again:
                numbers[i] = self.numbers[j]  # its key is True: it is not watched
            else:
                olds.append((i, self.values[j], self.numbers[j], self.keys[j]))
        self.numbers, self.keys, self.watched = numbers, [True] * len(now), set()
        return olds

    def update(self, i: int, name: str, value: object, old_value: object, number: int | None, key) -> None:
        """Name ``i``'s entry, given what it held at the last step."""
        entries = self.recorder.entries
        if value is old_value and (key is True or (key is not False and same_text(key, value))):
            if number is not None and entries[number][2]:  # it changed at the last step, not at this one
                number = _entry(entries, name, entries[number][1], 0)
        elif name.startswith(("__", ".")) or (self.at_module and value is self.recorder.starting.get(name, _ABSENT)):
            number, key = None, True  # not the learner's: never shown
        else:
            text = short_repr(value)
            if number is None or entries[number][1] != text:
                number = _entry(entries, name, text, 1)
                self.marked.append(i)
            elif entries[number][2]:
                number = _entry(entries, name, text, 0)
            key = text_key(value)
        self.numbers[i], self.keys[i] = number, key
        if key is True:
            self.watched.discard(i)
        else:
            self.watched.add(i)


class _Inlined:
    """A list, set or dict comprehension in Python 3.11, stepped as 3.12+ runs it
    (PEP 709): inside the frame that makes it, with that frame's variables and its own."""

    __slots__ = ("followed", "frames", "started")

    def __init__(self, followed: _Frame, frames: list[FrameType]) -> None:
        self.followed = followed
        self.frames = frames  # the frame that makes it, then each comprehension, outermost first
        self.started = False

    def on_event(self, frame: FrameType, event: str, arg: object):
        if event == "line" and not self.started:
            self.started = True  # its first line is the line that makes it, already stepped (inline: no step)
            if frame.f_lineno == frame.f_back.f_lineno:
                return self.on_event
        if event == "line":
            names: dict[str, object] = {}
            for each in self.frames:
                names.update(each.f_locals)
            self.followed.recorder.step(self.followed, frame.f_lineno, names)
        return self.on_event


def _entry(entries: list[list[object]], name: str, text: str, changed: int) -> int:
    entries.append([name, text, changed])
    return len(entries) - 1


class _Recorder:
    """The trace function and what it has recorded so far.

    ``sink``, if given, is called with the recorder to take the steps so far
    (the page keeps them: they survive a worker terminated mid-run). It is
    called at once at each step while the code is slow: the first EAGER
    steps, and EAGER steps after any line that took SLOW seconds or more
    (so the steps before a line that never ends are not held back), else once
    ``every`` seconds (a quick loop does not pay for a message per step).
    """

    EAGER = 16
    SLOW = 0.001

    def __init__(self, limit: int, output: TracedOutput, base_depth: int = 0, sink=None, every: float = 0.05) -> None:
        self.limit = limit
        self.starting: dict[str, object] = _STARTING  # the module's names before the run: hidden until set
        self.base_depth = base_depth  # 1 when a call is traced: the learner's function is one call deep
        self.output = output
        # Packed (see coursekit.trace_chunks): [name, text, changed 1 or 0] per entry, and
        # [line, depth, function, output, [entry number, ...]] per step.
        self.entries: list[list[object]] = []
        self.steps: list[list[object]] = []
        self.frames: dict[int, _Frame] = {}  # by _key
        self.truncated = False
        self.sink, self.every = sink, every
        self.stepped_at = time.perf_counter()  # when the recorder last gave the code back
        self.sink_at = self.stepped_at + every
        self.eager_until = self.EAGER

    def on_call(self, frame: FrameType, event: str, arg: object):
        """The global trace function: follow only frames of the learner's code."""
        if frame.f_code.co_filename != runtime.FILENAME:
            return None
        if frame.f_code.co_name in _INLINED:
            inlined = self._inlined(frame)
            if inlined is not None:
                return inlined.on_event
        key = _key(frame)
        followed = self.frames.get(key)
        if followed is None:
            followed = self.frames[key] = _Frame(self, frame, self._depth(frame))
        return followed.on_event

    def _inlined(self, frame: FrameType) -> _Inlined | None:
        chain, maker = [frame], frame.f_back
        while maker is not None and maker.f_code.co_name in _INLINED:
            chain.append(maker)
            maker = maker.f_back
        followed = self.frames.get(_key(maker)) if maker is not None else None
        return None if followed is None else _Inlined(followed, [maker, *reversed(chain)])

    def _depth(self, frame: FrameType) -> int:
        """The learner's frames above: counted up to one followed since its call (not a generator: resumed anywhere)."""
        depth, caller = self.base_depth, frame.f_back
        while caller is not None:
            code = caller.f_code
            if code.co_filename == runtime.FILENAME and code.co_name not in _INLINED:
                maker = self.frames.get(_key(caller))
                if maker is not None and maker.frame is caller and not code.co_flags & _RESUMABLE:
                    return depth + 1 + maker.depth - self.base_depth
                depth += 1
            caller = caller.f_back
        return depth

    def step(self, followed: _Frame, line: int, names) -> None:
        """Record the step before ``line`` runs."""
        if len(self.steps) >= self.limit:
            self.truncated = True
            raise StepLimitReached
        if self.sink is None:
            self.record(followed, line, names)
            return
        now = time.perf_counter()
        if now - self.stepped_at >= self.SLOW:  # the last line took a while
            self.eager_until = len(self.steps) + 1 + self.EAGER
        self.record(followed, line, names)
        if len(self.steps) <= self.eager_until or now >= self.sink_at:
            self.sink(self)
            self.sink_at = time.perf_counter() + self.every
        self.stepped_at = time.perf_counter()

    def end(self, namespace: dict[str, object]) -> None:
        """The step after the last line: the module's variables as the run left them."""
        self.record(self.frames.get(id(namespace)) or _Frame(self, None, 0), None, namespace)

    def record(self, followed: _Frame, line: int | None, names) -> None:
        self.output.muted = True  # a repr may print
        try:
            variables = followed.variables(names)
        finally:
            self.output.muted = False
        if line is None:
            self.steps.append([None, 0, "", self.output.units, variables])
        else:
            self.steps.append([line, followed.depth, followed.function, self.output.units, variables])


_ABSENT = object()


def _key(frame: FrameType) -> int:
    """Which variables a frame's steps compare: the module's (its run, and the
    last expression evaluated apart) or the function call's own."""
    return id(frame.f_globals) if frame.f_code.co_name == "<module>" else id(frame)


def trace(
    code: str, limit: int = STEP_LIMIT, call: str | None = None, sink=None, namespace: dict | None = None
) -> dict[str, object]:
    """Run ``code`` as one panel run, recording its steps.

    Returns ``run``'s report (``status`` "ok", "error" with ``error``, ``type`` and
    ``line``, or "interrupted") with ``steps`` (see the module's docstring),
    ``output`` (what was printed, up to OUTPUT_LIMIT characters), ``truncated``
    (recording stopped at ``limit``), ``limit`` and ``call``.

    With ``call``, an expression such as ``neuron_output([2, 3], [0.5, -1.0], 1.0)``
    (the call a failed check made), the code first runs unrecorded, as the
    checker ran it, and only that call is recorded: its end step shows what it
    returned, as ``returned``.

    ``sink(recorder)``, if given, is called as steps are recorded (see
    ``_Recorder``) and once at the end, to take the steps so far (see
    coursekit.trace_chunks). ``namespace``: the globals to run in (default: fresh ones; a
    page's setup code has run in them, see coursekit.page_setup).
    """
    report, recorder = recorded(code, limit, call, sink, namespace)
    steps = {"steps": unpacked(recorder.entries, recorder.steps), "output": recorder.output.text()}
    return {**report, **steps, "truncated": recorder.truncated, "limit": limit, "call": call}


def recorded(
    code: str, limit: int, call: str | None, sink, namespace: dict | None = None
) -> tuple[dict[str, object], _Recorder]:
    """:func:`trace`'s run: ``run``'s report, and the recorder with the steps still packed
    (coursekit.trace_chunks sends them so: it need not unpack them)."""
    output = TracedOutput(OUTPUT_LIMIT)
    recorder = _Recorder(limit, output, base_depth=0 if call is None else 1, sink=sink)
    if namespace is None:
        namespace = runtime.fresh_namespace()
    else:  # a page's setup (or, shared, its earlier panels) defined these: not this run's steps
        recorder.starting = {**_STARTING, **namespace}
    display = output.display
    streams = sys.stdout, sys.stderr
    sys.stdout = sys.stderr = output
    try:
        if call is None:
            report = _recorded(recorder, lambda: runtime.run(code, display, namespace, (StepLimitReached,)))
        else:
            output.muted = True  # the definitions and demo lines, as the checks saw them
            runtime.run(code, display=display, namespace=namespace)
            output.muted = False
            report = _recorded(recorder, lambda: _call(call, namespace))
    finally:
        sys.stdout, sys.stderr = streams
    if recorder.truncated:
        report = {"status": "ok"}
    elif report["status"] == "ok" and recorder.steps:
        recorder.end(namespace if call is None else {"returned": namespace.pop(_RETURNED, None)})
    if sink is not None:
        sink(recorder)  # the rest
    return report, recorder


def unpacked(entries: list[list[object]], steps: list[list[object]]) -> list[dict[str, object]]:
    """Packed steps as :func:`trace` gives them (an entry is one dict, shared by the steps that show it)."""
    shown = [{"name": name, "value": text, "changed": bool(changed)} for name, text, changed in entries]
    return [
        {"line": line, "depth": depth, "function": function, "variables": [shown[i] for i in numbers], "output": units}
        for line, depth, function, units, numbers in steps
    ]


def _recorded(recorder: _Recorder, run: Callable[[], dict[str, object]]) -> dict[str, object]:
    previous = sys.gettrace()
    sys.settrace(recorder.on_call)
    try:
        return run()
    except StepLimitReached:
        return {"status": "ok"}  # not reported: trace says it is truncated
    finally:
        sys.settrace(previous)


def _call(call: str, namespace: dict[str, object]) -> dict[str, object]:
    """Make ``call``, ``name(literal, ...)``, on the learner's function (from here: no step of its own)."""
    try:
        node = ast.parse(call, mode="eval").body
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and not node.keywords):
            raise ValueError(call)
        function, args = namespace[node.func.id], [ast.literal_eval(arg) for arg in node.args]
    except (SyntaxError, ValueError, KeyError):
        return {"status": "error", "type": "ValueError", "line": None, "error": f"Cannot make the call {call}\n"}
    try:
        namespace[_RETURNED] = function(*args)
    except StepLimitReached:
        raise
    except KeyboardInterrupt:
        return {"status": "interrupted"}
    except BaseException as error:  # noqa: BLE001 - the learner's exception, reported
        return runtime.error_report(error)
    return {"status": "ok"}
