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
"""

from __future__ import annotations

import ast
import reprlib
import sys
from collections.abc import Callable
from types import FrameType

from coursekit import runtime

#: The most steps one trace records.
STEP_LIMIT = 2000
#: The most characters of output a trace keeps.
OUTPUT_LIMIT = 20_000
#: Names a panel starts with, not shown unless the learner sets them.
_STARTING = runtime.fresh_namespace()
_RETURNED = "__returned__"
#: Code flags of frames that are suspended and resumed (generators, coroutines).
_RESUMABLE = 0x20 | 0x80 | 0x200


class StepLimitReached(BaseException):
    """Raised in the learner's code once the trace has its ``limit`` steps."""


class _ShortRepr(reprlib.Repr):
    """reprlib with room for a neuron's repr, and a failed repr said as such."""

    def __init__(self) -> None:
        super().__init__()
        self.maxlevel = 3
        self.maxstring = 60
        self.maxother = 120
        self.maxlist = self.maxtuple = self.maxset = self.maxdict = 8

    def repr_instance(self, obj: object, level: int) -> str:
        try:
            text = repr(obj)
        except Exception as error:  # noqa: BLE001 - the learner's __repr__, reported
            return f"<repr failed: {type(error).__name__}>"
        if len(text) > self.maxother:
            return text[: self.maxother - 1] + "…"
        return text

    def repr1(self, obj: object, level: int) -> str:
        try:
            return super().repr1(obj, level)
        except Exception as error:  # noqa: BLE001 - e.g. a __len__ that raises inside a container
            return f"<repr failed: {type(error).__name__}>"


_short = _ShortRepr()


_PLAIN = (int, float, bool, type(None))


def short_repr(value: object) -> str:
    """A value as the variables table shows it: at most about 120 characters, 3 levels deep."""
    if type(value) in _PLAIN:  # the common case, quickly (an int may still be long)
        return _cut(repr(value))
    if type(value) in (list, tuple) and _plain_start(value):  # a list of numbers: no reprlib either
        shown = ", ".join(repr(item) for item in value[: _short.maxlist])
        more = ", ..." if len(value) > _short.maxlist else ("," if len(value) == 1 and type(value) is tuple else "")
        return _cut(f"[{shown}{more}]" if type(value) is list else f"({shown}{more})")
    if callable(value) and hasattr(value, "__code__"):
        return f"<function {value.__name__}>"
    if type(value).__name__ == "module":
        return f"<module {value.__name__}>"
    if isinstance(value, type):
        return f"<class {value.__name__}>"
    return _short.repr(value)


def _cut(text: str) -> str:
    return text if len(text) <= _short.maxother else text[: _short.maxother - 1] + "…"


def _plain_start(items: list | tuple) -> bool:
    return all(type(item) in _PLAIN for item in items[: _short.maxlist])


class _Output:
    """Stands in for ``sys.stdout`` and ``sys.stderr``: keeps what is printed, up to a limit."""

    def __init__(self, limit: int) -> None:
        self.parts: list[str] = []
        self.size = 0
        self.units = 0  # the size in UTF-16 code units, as the page's JavaScript slices text
        self.limit = limit
        self.muted = False  # while the recorder itself takes reprs

    def write(self, text: str) -> int:
        if self.muted:
            return len(text)
        room = self.limit - self.size
        if room > 0:
            kept = text[:room]
            self.parts.append(kept)
            self.size += len(kept)
            self.units += len(kept.encode("utf-16-le")) // 2
        return len(text)

    def flush(self) -> None:
        pass

    def text(self) -> str:
        return "".join(self.parts)


class _Recorder:
    """The trace function and what it has recorded so far."""

    def __init__(self, limit: int, output: _Output, base_depth: int = 0) -> None:
        self.limit = limit
        self.base_depth = base_depth  # 1 when a call is traced: the learner's function is one call deep
        self.output = output
        self.steps: list[dict[str, object]] = []
        self.frames: dict[int, tuple[FrameType, int, dict[str, str]]] = {}  # id -> (frame, depth, reprs)
        self.truncated = False

    def on_call(self, frame: FrameType, event: str, arg: object):
        """The global trace function: follow only frames of the learner's code."""
        if frame.f_code.co_filename != runtime.FILENAME:
            return None
        if _key(frame) not in self.frames:
            self.frames[_key(frame)] = (frame, self._depth(frame), {})
        return self.on_event

    def on_event(self, frame: FrameType, event: str, arg: object):
        if event == "line":
            self._step(frame)
        elif event == "return" and not frame.f_code.co_flags & _RESUMABLE and frame.f_code.co_name != "<module>":
            self.frames.pop(_key(frame), None)
        return self.on_event

    def _depth(self, frame: FrameType) -> int:
        depth, caller = self.base_depth, frame.f_back
        while caller is not None:
            depth += caller.f_code.co_filename == runtime.FILENAME
            caller = caller.f_back
        return depth

    def _step(self, frame: FrameType) -> None:
        if len(self.steps) >= self.limit:
            self.truncated = True
            raise StepLimitReached
        entry = self.frames.get(_key(frame))
        if entry is None:  # a frame already running when the trace started: not the learner's usual case
            entry = self.frames[_key(frame)] = (frame, self._depth(frame), {})
        _, depth, previous = entry
        self.record(frame.f_lineno, depth, frame.f_code.co_name, _visible(frame.f_locals, frame.f_code), previous)

    def end(self, namespace: dict[str, object]) -> None:
        """The step after the last line: the module's variables as the run left them."""
        entry = self.frames.get(id(namespace))
        previous = entry[2] if entry else {}
        self.record(None, 0, "<module>", _visible(namespace, None), previous)

    def record(self, line, depth, name, names, previous: dict[str, str]) -> None:
        self.output.muted = True
        try:
            current = {name: short_repr(value) for name, value in names}
        finally:
            self.output.muted = False
        variables = [
            {"name": name, "value": text, "changed": previous.get(name) != text} for name, text in current.items()
        ]
        previous.clear()
        previous.update(current)
        self.steps.append(
            {
                "line": line,
                "depth": depth,
                "function": "" if name == "<module>" else name,
                "variables": variables,
                "output": self.output.units,
            }
        )


def _key(frame: FrameType) -> int:
    """Which variables a frame's steps compare: the module's (its run, and the
    last expression evaluated apart) or the function call's own."""
    return id(frame.f_globals) if frame.f_code.co_name == "<module>" else id(frame)


def _visible(names, code):
    """The variables worth showing: not dunders, not the names a panel starts with."""
    at_module = code is None or code.co_name == "<module>"
    for name, value in list(names.items()):
        if name.startswith(("__", ".")):
            continue
        if at_module and name in _STARTING and value is _STARTING[name]:
            continue
        yield name, value


def trace(code: str, limit: int = STEP_LIMIT, call: str | None = None) -> dict[str, object]:
    """Run ``code`` as one panel run, recording its steps.

    Returns ``run``'s report (``status`` "ok", "error" with ``error``, ``type`` and
    ``line``, or "interrupted") with ``steps`` (see the module's docstring),
    ``output`` (what was printed, up to OUTPUT_LIMIT characters), ``truncated``
    (recording stopped at ``limit``), ``limit`` and ``call``.

    With ``call``, an expression such as ``neuron_output([2, 3], [0.5, -1.0], 1.0)``
    (the call a failed check made), the code first runs unrecorded, as the
    checker ran it, and only that call is recorded: its end step shows what it
    returned, as ``returned``.
    """
    output = _Output(OUTPUT_LIMIT)
    recorder = _Recorder(limit, output, base_depth=0 if call is None else 1)
    namespace = runtime.fresh_namespace()
    display = _display_in(output)
    streams = sys.stdout, sys.stderr
    sys.stdout = sys.stderr = output
    try:
        if call is None:
            report = _recorded(recorder, lambda: runtime.run(code, display=display, namespace=namespace))
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
    return {
        **report,
        "steps": recorder.steps,
        "output": output.text(),
        "truncated": recorder.truncated,
        "limit": limit,
        "call": call,
    }


def _recorded(recorder: _Recorder, run: Callable[[], dict[str, object]]) -> dict[str, object]:
    previous = sys.gettrace()
    sys.settrace(recorder.on_call)
    try:
        return run()
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
    except KeyboardInterrupt:
        return {"status": "interrupted"}
    except BaseException as error:  # noqa: BLE001 - the learner's exception, reported
        return runtime.error_report(error)
    return {"status": "ok"}


def _display_in(output: _Output):
    def display(mime_type: str, data: str) -> None:
        kind = "a picture" if mime_type.startswith("image/") else "a figure"
        output.write(f"[{kind}: press Run to see it]\n")

    return display
