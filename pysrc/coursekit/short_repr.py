"""Values as the stepper's variables table shows them: short, and never failing.

:func:`short_repr` gives some 120 characters at most, 3 levels deep; a
``__repr__`` that raises shows as ``<repr failed: ValueError>``.
:func:`text_key` says when a value's text cannot have changed, so a recorder
may keep it: while the variable holds the same number, string or function;
while a list holds the same items in the places its text shows.
"""

from __future__ import annotations

import operator
import reprlib
import types


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
_PLAIN_TYPES = frozenset(_PLAIN)
#: Types whose text depends on nothing but the object, which cannot change.
_FIXED = frozenset({*_PLAIN, str, bytes, complex, range, types.FunctionType, types.BuiltinFunctionType, type})


def short_repr(value: object) -> str:
    """A value as the variables table shows it: at most about 120 characters, 3 levels deep."""
    kind = type(value)
    if kind in _PLAIN:  # the common case, quickly (an int may still be long)
        return _cut(repr(value))
    if kind in (list, tuple) and _plain_start(value):  # a list of numbers: no reprlib either
        shown = ", ".join(map(repr, value[: _short.maxlist]))
        more = ", ..." if len(value) > _short.maxlist else ("," if len(value) == 1 and kind is tuple else "")
        return _cut(f"[{shown}{more}]" if kind is list else f"({shown}{more})")
    if callable(value) and hasattr(value, "__code__"):
        return f"<function {value.__name__}>"
    if kind.__name__ == "module":
        return f"<module {value.__name__}>"
    if isinstance(value, type):
        return f"<class {value.__name__}>"
    return _short.repr(value)


def text_key(value: object) -> bool | tuple:
    """What ``value``'s short repr depends on, for :func:`same_text`: True when
    only the object itself (it cannot change), the items a list shows (when
    each of them cannot change), else False (its text must be taken again)."""
    kind = type(value)
    if kind in _FIXED or kind is types.ModuleType:
        return True
    if kind is tuple or kind is list:
        shown = value[: _short.maxlist + 1]  # one more: whether "..." follows
        if _FIXED.issuperset(map(type, shown)):
            return True if kind is tuple else tuple(shown)
    return False


def same_text(key: bool | tuple, value: object) -> bool:
    """Whether the value whose :func:`text_key` was ``key`` still has the same text (``value`` is that object)."""
    if key is True or key is False:
        return key
    shown = value[: _short.maxlist + 1]
    return len(shown) == len(key) and all(map(operator.is_, shown, key))


def _cut(text: str) -> str:
    return text if len(text) <= _short.maxother else text[: _short.maxother - 1] + "…"


def _plain_start(items: list | tuple) -> bool:
    return _PLAIN_TYPES.issuperset(map(type, items[: _short.maxlist]))
