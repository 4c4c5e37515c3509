"""`mkdocs build --strict` on small sites: it passes on a good one and fails,
naming the file, on author mistakes."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from .small_site import BUNDLE, needs_npm_build, write_site  # noqa: F401 (an autouse fixture)


def build_site(
    tmp_path: Path, pages: dict[str, str], bundle: Path = BUNDLE, strict: bool = True
) -> subprocess.CompletedProcess:
    write_site(tmp_path, pages, bundle=bundle)
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", *(["--strict"] if strict else [])],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )


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
    entries = json.loads((BUNDLE / "entries.json").read_text())  # stable name -> content-hashed file
    assert (site / "assets/course" / entries["course.js"]).is_file()
    assert (site / "assets/course" / entries["worker.js"]).is_file()
    assert list(site.glob("assets/course/pyodide/*/pyodide.asm.wasm"))
    (package,) = site.glob("assets/course/python/course-*.zip")
    html = (site / "index.html").read_text()
    assert '<meta name="course-runtime"' in html
    assert package.name in html
    assert f'<script src="assets/course/{entries["course.js"]}" type="module" async>' in html
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
    assert "lessons/bad.md:3: code panel 1: unknown option 'colour'" in result.stderr  # file and line


def half_a_bundle(tmp_path: Path) -> Path:
    """A bundle folder caught mid-build: course.js is there, the rest is not."""
    bundle = tmp_path / "half"
    bundle.mkdir()
    (bundle / "course.js").write_text("// only this")
    return bundle


def a_bundle_missing_its_worker(tmp_path: Path) -> Path:
    """entries.json names a hashed worker that is not there."""
    bundle = tmp_path / "no-worker"
    bundle.mkdir()
    names = {"course.js": "course-AAAAAAAA.js", "worker.js": "worker-BBBBBBBB.js", "search-later.js": "s-EEEEEEEE.js"}
    names |= {"course-style.css": "course-style-CCCCCCCC.css", "course-widgets.css": "course-widgets-DDDDDDDD.css"}
    (bundle / "entries.json").write_text(json.dumps(names))
    for name in ("preboot.js", "sw.js", "sw-retire.js", *(file for key, file in names.items() if key != "worker.js")):
        (bundle / name).write_text("// stub")
    return bundle


@pytest.mark.parametrize(
    "make_bundle, message",
    [
        (lambda tmp_path: tmp_path / "nowhere", "the browser bundle is missing"),
        (half_a_bundle, "(no entries.json, preboot.js, sw.js, sw-retire.js)"),
        (a_bundle_missing_its_worker, "is incomplete (no worker.js)"),
    ],
    ids=["no bundle", "half a bundle", "a hashed file missing"],
)
def test_a_missing_or_partial_bundle_is_explained(tmp_path, make_bundle, message):
    result = build_site(tmp_path, {"index.md": "# Hi\n"}, bundle=make_bundle(tmp_path), strict=False)
    assert result.returncode != 0
    assert message in result.stderr
    assert "npm run build" in result.stderr


def test_each_site_keeps_its_learners_data_under_its_own_prefix(tmp_path):
    assert build_site(tmp_path / "a", {"index.md": "# Hi\n"}).returncode == 0
    assert runtime_meta((tmp_path / "a/site/index.html").read_text())["storage"] == "test"  # site_name: Test
    write_site(tmp_path / "b", {"index.md": "# Hi\n"}, extra="")
    config = (tmp_path / "b/mkdocs.yml").read_text().replace("site_name: Test", "site_name: Ma classe — Été 2026!")
    (tmp_path / "b/mkdocs.yml").write_text(config)
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=tmp_path / "b", capture_output=True
    )
    assert result.returncode == 0, result.stderr
    assert runtime_meta((tmp_path / "b/site/index.html").read_text())["storage"] == "ma-classe-ete-2026"


def test_a_chosen_storage_prefix_is_used_and_checked(tmp_path):
    for prefix, ok in (("my-course", True), ("My Course", False)):
        folder = tmp_path / prefix.replace(" ", "_")
        write_site(folder, {"index.md": "# Hi\n"})
        text = (
            (folder / "mkdocs.yml").read_text().replace("bundle_dir:", f"storage_prefix: {prefix}\n      bundle_dir:")
        )
        (folder / "mkdocs.yml").write_text(text)
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=folder, capture_output=True, text=True
        )
        if ok:
            assert result.returncode == 0, result.stderr
            assert runtime_meta((folder / "site/index.html").read_text())["storage"] == "my-course"
        else:
            assert result.returncode != 0 and "storage_prefix 'My Course' must be lowercase" in result.stderr


def shipped(folder: Path) -> tuple[list[str], set[str]]:
    """The packages a built site's runtime settings name, and the top-level folders of its Python zip."""
    import zipfile

    meta = runtime_meta((folder / "site/index.html").read_text())
    (package,) = (folder / "site/assets/course").glob("python/course-*.zip")
    return meta["packages"], {name.split("/")[0] for name in zipfile.ZipFile(package).namelist()}


@pytest.mark.parametrize(
    "option, packages",
    [("", []), ("python_packages: [neuron]", ["neuron"]), ("python_packages: [coursekit, neuron]", ["neuron"])],
    ids=["the default: none of the teacher's", "neuron", "coursekit named too"],
)
def test_the_runtime_settings_name_exactly_the_configured_packages(tmp_path, option, packages):
    write_site(tmp_path, {"index.md": "# Hi\n\n```panel\nprint(1)\n```\n"})
    config = (tmp_path / "mkdocs.yml").read_text().replace("bundle_dir:", f"{option}\n      bundle_dir:")
    (tmp_path / "mkdocs.yml").write_text(config)
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=tmp_path, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    named, folders = shipped(tmp_path)
    assert named == packages  # what the worker imports as Python starts, and before its snapshot
    assert folders == {"coursekit", "course_exercises", *packages}  # the engine is always shipped
