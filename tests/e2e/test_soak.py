"""The soak test (issue #10): a seeded random session of learner actions across the site
(type, run, stop, reset, undo, check, hints, the solution, quizzes, recall prompts,
instant navigation, full loads, reloads, going back, export and import), checking on
every arrival on a page that every edit and answer made so far is still there, and at
the end once more on every page the learner changed.

    make soak SEED=7 N=600          # or SOAK_SEED=7 SOAK_N=600 pytest tests/e2e/test_soak.py -s

The default suite runs a short session. It prints its figure: actions, reloads, pages, losses.
"""

from __future__ import annotations

import os
import time

from tests.lesson_widgets import page_url

from .soak_learner import Learner

SEED = int(os.environ.get("SOAK_SEED", "1"))
LENGTH = int(os.environ.get("SOAK_N", "30"))  # about 40 s here; make soak plays 300
START = page_url("lessons/first-neuron.md")
#: Saving broken on purpose: the browser silently drops every save of a panel's code.
DROP_CODE_SAVES = """
const setItem = Storage.prototype.setItem;
Storage.prototype.setItem = function (key, value) {
  if (!String(key).includes(":code:")) setItem.call(this, key, value);
};
"""


def sweep(learner: Learner) -> None:
    """Load every page showing a widget the learner changed, and compare it with the model."""
    for path in sorted({path for key in learner.model.items for path in learner.seen_on[key]}):
        learner.full(path)


def figure(learner: Learner, seconds: float) -> str:
    f = learner.figures
    navigations = f["instant"] + f["full"] + f["back"]
    return (
        f"soak seed={SEED} N={LENGTH}: {f['actions']} actions, {f['reloads']} reloads, "
        f"{navigations} navigations ({f['instant']} instant, {f['full']} full loads, {f['back']} back), "
        f"{len(learner.visited)} pages, {f['exports']} exports, {f['imports']} imports, "
        f"{len(learner.model.losses)} losses, {seconds:.0f} s"
    )


def test_a_long_session_loses_no_edit_and_no_answer(page, watched, tmp_path, capsys):
    learner = Learner(page, SEED, tmp_path)
    started = time.monotonic()
    try:
        learner.full(START)
        for _ in range(LENGTH):
            learner.step()
        sweep(learner)
    except Exception as error:
        raise AssertionError(f"seed {SEED}, the last actions: {learner.log[-8:]}") from error
    with capsys.disabled():
        print("\n" + figure(learner, time.monotonic() - started))
    losses = learner.model.losses
    assert not losses, f"{len(losses)} losses (seed {SEED}):\n" + "\n".join(map(str, losses[:20]))


def test_the_soak_notices_an_edit_that_was_not_kept(page, watched, tmp_path):
    page.add_init_script(DROP_CODE_SAVES)
    learner = Learner(page, SEED, tmp_path)
    learner.full(START)
    learner.type_code()
    (typed,) = learner.model.items
    learner.reload()
    assert [loss.key for loss in learner.model.losses] == [typed]
