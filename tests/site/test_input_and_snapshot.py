"""The Python side of input() and of the worker's memory snapshot (coursekit.runtime, coursekit.snapshot)."""

import io
import random
import sys

import pytest

from coursekit import runtime, snapshot


@pytest.fixture
def input_allowed():
    runtime.allow_input(True)
    yield
    runtime.allow_input(False)


def test_input_reads_stdin_where_the_page_can_answer(input_allowed, monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.StringIO("Ada\n\n"))
    result = runtime.run("a = input('name? ')\nb = input('again? ')\nprint(repr(a), repr(b))")
    assert result == {"status": "ok"}
    assert capsys.readouterr().out == "name? again? 'Ada' ''\n"


def test_the_end_of_input_is_an_eoferror(input_allowed, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    result = runtime.run("input('name? ')")
    assert result["type"] == "EOFError"


def test_input_keeps_its_message_where_the_page_cannot_answer(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO("Ada\n"))
    result = runtime.run("input('name? ')")
    assert result["type"] == "RuntimeError"
    assert "input() is not available in the code panels" in result["error"]


def test_prepare_imports_the_engine_and_the_sites_packages_and_skips_missing_ones():
    imported = snapshot.prepare(["neuron", "no_such_package"], ("coursekit.runtime", "coursekit.no_such_module"))
    assert imported == ["coursekit.runtime", "neuron"]
    # A site that ships no package of its own (a teacher's without neuron) imports the engine alone.
    assert snapshot.prepare() == list(snapshot.MODULES)


def test_prepare_does_not_hide_a_broken_module(monkeypatch, tmp_path):
    (tmp_path / "broken_course_module.py").write_text("import no_such_dependency\n")
    monkeypatch.syspath_prepend(tmp_path)
    with pytest.raises(ModuleNotFoundError, match="no_such_dependency"):
        snapshot.prepare(("broken_course_module",))


def test_after_restore_reseeds_random():
    random.seed(1)
    state = random.getstate()
    snapshot.after_restore()
    assert random.getstate() != state
    random.seed(1)
    first = random.random()
    random.setstate(state)
    snapshot.after_restore()
    assert random.random() != first
