"""Settings shared by every test folder."""

import os
from pathlib import Path

import pytest
from hypothesis import settings

from coursekit import exercises

# CI runs are reproducible: Hypothesis draws the same examples every time
# (locally it explores new ones on each run, and remembers failures).
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

# The course's exercises live in the repository's exercises/ folder, as a teacher's would in their site.
COURSE_EXERCISES = Path(__file__).resolve().parents[1] / "exercises"
exercises.use(COURSE_EXERCISES)


@pytest.fixture(autouse=True)
def course_exercises():
    """After a test that built a site with exercises of its own, the course's are back."""
    yield
    if exercises.folder() != COURSE_EXERCISES:
        exercises.use(COURSE_EXERCISES)
