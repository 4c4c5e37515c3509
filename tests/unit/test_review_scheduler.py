"""The review's scheduler (web/src/review/scheduler.js, run in Node): ts-fsrs with
the course's parameters, the ratings it maps, due today by the local day, and a
clock gone backwards that never reaches FSRS as a negative interval."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCHEDULER = ROOT / "web/src/review/scheduler.js"
RECORD = ROOT / "web/src/review/card-record.js"

pytestmark = pytest.mark.skipif(
    shutil.which("node") is None or not (ROOT / "node_modules/ts-fsrs").is_dir(), reason="needs Node and npm ci"
)


def run(body: str) -> dict:
    """Run ``body`` as an ES module with the scheduler imported; it prints one JSON value."""
    script = (
        f"import * as s from {json.dumps(SCHEDULER.as_uri())};\n"
        f"import * as r from {json.dumps(RECORD.as_uri())};\n{body}"
    )
    done = subprocess.run(
        ["node", "--input-type=module", "-e", script],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"TZ": "Europe/Paris", "PATH": "/usr/bin:/bin:/usr/local/bin"},
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_harder_ratings_come_back_sooner_and_only_in_whole_days():
    due = run(
        """const at = new Date("2026-12-02T10:00:00+01:00");
        const out = {};
        for (const rating of ["not-yet", "partly", "got", "wrong", "right"]) {
          const card = s.nextCard(null, rating, at);
          out[rating] = [card.scheduled_days, (card.due - at) / 86400000];
        }
        console.log(JSON.stringify(out));"""
    )
    assert due["not-yet"][0] < due["partly"][0] < due["got"][0]
    assert due["wrong"] == due["not-yet"] and due["right"] == due["got"]
    assert all(days >= 1 and days == whole for days, whole in due.values())  # no minute-long learning steps


def test_due_today_means_before_the_local_midnight():
    due = run(
        """const card = { due: new Date("2026-12-02T23:30:00+01:00") };
        console.log(JSON.stringify([
          s.isDue(card, new Date("2026-12-02T08:00:00+01:00")),
          s.isDue(card, new Date("2026-12-01T23:59:00+01:00")),
        ]));"""
    )
    assert due == [True, False]


def test_a_review_before_the_last_one_is_dated_at_the_last_one():
    card = run(
        """const last = new Date("2026-12-05T10:00:00Z");
        const first = s.nextCard(null, "got", last);
        const back = s.nextCard(first, "not-yet", new Date("2026-12-01T10:00:00Z"));
        console.log(JSON.stringify(r.cardToRecord(back)));"""
    )
    assert card["last_review"] == "2026-12-05T10:00:00.000Z"
    assert card["due"] > card["last_review"]
    assert card["elapsed_days"] >= 0 and card["scheduled_days"] >= 1
    assert run(f"console.log(JSON.stringify(r.cardProblem({json.dumps(card)})))") is None


@pytest.mark.parametrize(
    "change, problem",
    [
        ({"due": "soon"}, "its due date is not a date"),
        ({"stability": -1}, "stability is not a number of the schedule"),
        ({"reps": 1.5}, "reps is not a whole number"),
        ({"state": 7}, "its state is not one of FSRS's"),
        ({"due": "2026-11-01T00:00:00Z"}, "it is due before it was last reviewed"),
        ({"extra": 1}, 'it has an unknown field "extra"'),
    ],
)
def test_a_malformed_card_is_named(change, problem):
    good = run('console.log(JSON.stringify(r.cardToRecord(s.nextCard(null, "got", new Date("2026-12-02T10:00:00Z")))))')
    assert run(f"console.log(JSON.stringify(r.cardProblem({json.dumps({**good, **change})})))") == problem
