"""Under `mkdocs serve`, a build with mistakes is still served, with the mistakes at the top of every
page (MkDocs would otherwise keep waiting for a good build, and the page would seem stuck);
`mkdocs build --strict` still fails on them."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from coursesite import serve_errors

from .small_site import needs_npm_build, write_site  # noqa: F401 (an autouse fixture)

BAD_QUIZ = "# Bad\n\n/// quiz | Sum?\n- [ ] 2\n    No.\n///\n"


@pytest.fixture(autouse=True)
def stop_watching():
    yield
    for handler in list(serve_errors.MKDOCS.handlers):
        if isinstance(handler, serve_errors.BuildMistakes):
            serve_errors.MKDOCS.removeHandler(handler)


def build_as(command: str, tmp_path: Path, pages: dict[str, str], spec_files: dict[str, str] | None = None) -> Path:
    config = load_config(str(write_site(tmp_path, pages, extra="strict: true\n", exercises=spec_files)))
    config.plugins.on_startup(command=command, dirty=False)
    try:
        build(config, serve_url="http://127.0.0.1:8000/" if command == "serve" else None)
    finally:
        config.plugins.on_shutdown()
    return tmp_path / "site"


def test_served_with_a_mistake_every_page_lists_it_and_the_build_goes_through(tmp_path):
    site = build_as("serve", tmp_path, {"index.md": "# Home\n", "lessons/bad.md": BAD_QUIZ})
    for page in (site / "index.html", site / "lessons" / "bad" / "index.html"):
        html = page.read_text()
        assert 'class="admonition failure course-build-mistakes" role="alert"' in html
        assert "This build has 1 mistake (mkdocs build --strict would stop here)" in html
        assert "<li><code>lessons/bad.md:3: quiz 1 ('Sum?'): a quiz needs at least two options" in html


def test_a_spec_that_does_not_import_is_listed_and_the_build_goes_on(tmp_path):
    good = "from coursekit import Exercise\n"  # a module with no exercise: loads fine
    pages = {"index.md": "# Home\n"}
    site = build_as("serve", tmp_path, pages, {"good.py": good, "broken.py": "x = (\n"})
    html = (site / "index.html").read_text()
    assert "<li><code>exercises/broken.py:1: SyntaxError: '(' was never closed</code></li></ul>" in html


def test_a_clean_build_shows_nothing_and_a_real_build_still_fails(tmp_path):
    clean = build_as("serve", tmp_path / "clean", {"index.md": "# Home\n"})
    assert "course-build-mistakes" not in (clean / "index.html").read_text()
    with pytest.raises(Abort):
        build_as("build", tmp_path / "strict", {"index.md": "# Home\n", "lessons/bad.md": BAD_QUIZ})


def test_the_banner_escapes_what_it_lists():
    mistakes = serve_errors.BuildMistakes()
    mistakes.messages = ["docs/x.md:1: <script>alert(1)</script>"]
    shown = mistakes.shown_in('<body><article class="md-content__inner md-typeset"><h1>X</h1></article></body>')
    assert "<script>" not in shown and "&lt;script&gt;" in shown
    assert shown.index("course-build-mistakes") < shown.index("<h1>X</h1>")
    assert serve_errors.BuildMistakes().shown_in("<body>same</body>") == "<body>same</body>"
