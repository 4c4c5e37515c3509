"""neuron.selfcheck: the checks the browser runs pass here, quickly, and can fail."""

import re
import time

import pytest

from neuron import activations, selfcheck


def test_every_selfcheck_passes():
    results = selfcheck.run()
    assert len(results) >= 20
    assert [r for r in results if not r.passed] == []
    names = [r.name for r in results]
    for expected in (
        "sigmoid derivative",
        "binary_cross_entropy gradient",
        "stability",
        "hand-worked examples",
        "OR training",
    ):
        assert expected in names


def test_main_prints_a_summary_line(capsys):
    assert selfcheck.main() == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines == [f"selfcheck: {len(selfcheck.run())} passed, 0 failed"]


def test_it_runs_in_well_under_a_second():
    start = time.perf_counter()
    selfcheck.run()
    assert time.perf_counter() - start < 1.0


def test_a_wrong_derivative_is_reported(monkeypatch, capsys):
    wrong = activations.Activation("sigmoid", activations.sigmoid, lambda z: activations.sigmoid(z))  # forgot (1 - s)
    monkeypatch.setitem(activations.ACTIVATIONS, "sigmoid", wrong)
    failures = selfcheck.main()
    out = capsys.readouterr().out
    assert failures >= 1
    assert "FAILED sigmoid derivative: AssertionError: sigmoid'(-6.3): formula gives" in out
    assert out.splitlines()[-1].endswith(f"{failures} failed")


def test_a_broken_loss_gradient_is_reported(monkeypatch):
    from neuron import losses

    broken = losses.Loss("hinge", losses.hinge, lambda y, p: [0.0 for _ in p])
    monkeypatch.setitem(losses.LOSSES, "hinge", broken)
    failed = [r.name for r in selfcheck.run() if not r.passed]
    assert "hinge gradient" in failed


def test_assert_close_has_an_explicit_tolerance():
    selfcheck.assert_close(1.0, 1.0 + 5e-7, "close")
    with pytest.raises(AssertionError, match=re.escape("far: formula gives 1.0, finite difference 1.00001")):
        selfcheck.assert_close(1.0, 1.00001, "far")
