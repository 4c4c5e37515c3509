"""Settings shared by every test folder."""

import os

from hypothesis import settings

# CI runs are reproducible: Hypothesis draws the same examples every time
# (locally it explores new ones on each run, and remembers failures).
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")
