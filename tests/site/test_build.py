"""`mkdocs build --strict` on small sites: it passes on a good one and fails,
naming the file, on author mistakes."""

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def build_site(tmp_path: Path, pages: dict[str, str]) -> subprocess.CompletedProcess:
    (tmp_path / "docs").mkdir()
    for name, text in pages.items():
        path = tmp_path / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text))
    (tmp_path / "mkdocs.yml").write_text(
        textwrap.dedent(f"""\
            site_name: Test
            theme:
              name: material
              font: false
            plugins:
              - course:
                  bundle_dir: {ROOT / "build" / "web"}
                  pyodide_dir: {ROOT / "node_modules" / "pyodide"}
            """)
    )
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=tmp_path, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )


@pytest.fixture(autouse=True)
def needs_npm_build():
    if not (ROOT / "build" / "web" / "course.js").exists():
        pytest.fail("run `npm ci && npm run build` (or `make test`) first", pytrace=False)


def runtime_meta(page_html: str) -> dict:
    import html
    import json
    import re

    (content,) = re.findall(r'<meta name="course-runtime" content="([^"]*)">', page_html)
    return json.loads(html.unescape(content))


def test_a_good_site_builds_and_ships_the_runtime(tmp_path):
    result = build_site(tmp_path, {"index.md": "# Hi\n\n```panel\nprint(1)\n```\n", "notes/plain.md": "# Plain\n"})
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    assert (site / "assets/course/course.js").is_file()
    assert (site / "assets/course/worker.js").is_file()
    assert list(site.glob("assets/course/pyodide/*/pyodide.asm.wasm"))
    (package,) = site.glob("assets/course/python/course-*.zip")
    html = (site / "index.html").read_text()
    assert '<meta name="course-runtime"' in html
    assert package.name in html
    assert '<script src="assets/course/course.js" type="module" async>' in html
    meta = runtime_meta(html)
    assert meta["boot"] is True and meta["assets"] == "assets/course/"
    assert (site / "assets/course" / meta["package"]).is_file()
    assert (site / "assets/course" / meta["pyodide"] / "pyodide.mjs").is_file()
    assert "coursePreboot" in html  # Python starts while the page is parsing
    plain = (site / "notes/plain/index.html").read_text()
    assert runtime_meta(plain)["boot"] is False and runtime_meta(plain)["assets"] == "../../assets/course/"
    assert "coursePreboot" not in plain


def test_a_malformed_panel_fails_the_strict_build_naming_the_file(tmp_path):
    result = build_site(
        tmp_path,
        {"index.md": "# Home\n", "lessons/bad.md": '# Bad\n\n```panel colour="red"\nprint(1)\n```\n'},
    )
    assert result.returncode != 0
    assert "lessons/bad.md: code panel 1: unknown option 'colour'" in result.stderr


def test_a_missing_bundle_is_explained(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Hi\n")
    (tmp_path / "mkdocs.yml").write_text(
        f"site_name: T\nplugins:\n  - course:\n      bundle_dir: nowhere\n      pyodide_dir: {ROOT / 'node_modules' / 'pyodide'}\n"
    )
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build"], cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode != 0
    assert "the browser bundle is missing" in result.stderr
    assert "npm run build" in result.stderr


def test_a_half_built_bundle_is_explained(tmp_path):
    bundle = tmp_path / "bundle"
    bundle.mkdir()
    (bundle / "course.js").write_text("// only this")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Hi\n")
    (tmp_path / "mkdocs.yml").write_text(
        f"site_name: T\nplugins:\n  - course:\n      bundle_dir: {bundle}\n      pyodide_dir: {ROOT / 'node_modules' / 'pyodide'}\n"
    )
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build"], cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode != 0
    assert "(no worker.js, preboot.js, course-style.css)" in result.stderr
