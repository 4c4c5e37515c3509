"""Browser tests: one build of the site, one server, one Chromium per run.

The site is built once per session with ``SITE_URL`` set to the address it is
served on (Material's instant navigation needs that). Every test fails if the
page requests anything off that origin or logs a console error.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .pages import Lesson
from .server import SiteServer

ROOT = Path(__file__).resolve().parents[2]
QUIET_FLAGS = [
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def system_chromium() -> str | None:
    """A Chromium from the system (env var, Debian's package), or None for Playwright's own."""
    for variable in ("CHROMIUM_PATH", "PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH"):
        path = os.environ.get(variable)
        if path:
            if not os.access(path, os.X_OK):
                raise pytest.UsageError(f"{variable}={path} is not an executable browser")
            return path
    for name in ("/usr/bin/chromium", "chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return None


def pytest_collection_modifyitems(items):
    for item in items:
        if Path(item.fspath).is_relative_to(Path(__file__).parent):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    args = {**browser_type_launch_args}
    executable = system_chromium()
    flags = list(QUIET_FLAGS)
    if executable:
        args["executable_path"] = executable
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        flags.append("--no-sandbox")  # Chromium refuses to run as root otherwise
    args["args"] = [*args.get("args", []), *flags]
    return args


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    """No service worker unless a test asks for one (tests/e2e/test_offline.py does, in its own
    contexts): the site's worker precaches, and reloads a first visit once to be isolated."""
    return {**browser_context_args, "service_workers": "block"}


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> SiteServer:
    """Build the site once and serve it on a free loopback port."""
    out = tmp_path_factory.mktemp("site")
    server = SiteServer(out)
    env = {**os.environ, "SITE_URL": server.origin + "/", "NO_MKDOCS_2_WARNING": "1"}
    build = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    if build.returncode:
        pytest.fail(f"mkdocs build failed:\n{build.stdout}\n{build.stderr}", pytrace=False)
    with server:
        yield server


@pytest.fixture(scope="session")
def base_url(site) -> str:
    return site.origin


@pytest.fixture
def watched(context, site):
    """Record requests off the site's origin and console errors; fail the test on any."""
    offsite, errors = [], []

    def on_request(request):
        if not request.url.startswith((site.origin + "/", "data:", "blob:")):
            offsite.append(request.url)

    context.on("request", on_request)
    context.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    context.on("weberror", lambda error: errors.append(str(error.error)))
    yield {"offsite": offsite, "errors": errors}
    assert not offsite, f"the page requested files off its origin: {offsite}"
    assert not errors, f"console errors: {errors}"


@pytest.fixture
def lesson(page, watched) -> Lesson:
    return Lesson(page)
