"""The build's side of offline use: content-hashed bundle names, the web app manifest, and
the service worker's precache list (coursesite.offline), checked against the files on disk."""

from __future__ import annotations

import hashlib
import html
import json
import posixpath
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from coursesite import offline
from coursesite.plugin import CoursePlugin

from .small_site import BUNDLE, build_small_site, needs_npm_build  # noqa: F401 (an autouse fixture)

PAGES = {"index.md": "# Hi\n\n```panel\nprint(1)\n```\n", "notes/plain.md": "# Plain\n"}
HASHED = re.compile(r"-[A-Z0-9]{8}\.(js|css)$")


def build(folder: Path, pages: dict[str, str] = PAGES) -> Path:
    return build_small_site(folder, pages)


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    return build(tmp_path_factory.mktemp("offline"))


def entries_in(service_worker: str) -> list[dict]:
    """The precache list the plugin wrote into sw.js (the one JSON array of {url, revision})."""
    (found,) = re.findall(r'\[\{"url":.*?\}\]', service_worker)
    return json.loads(found)


def test_pages_load_the_bundle_by_content_hashed_names(site):
    page = (site / "index.html").read_text()
    scripts = re.findall(r'<script src="(assets/course/[^"]+)"', page)
    styles = re.findall(r'<link rel="stylesheet" href="(assets/course/[^"]+)"', page)
    assert len(scripts) == 1 and len(styles) == 2
    for url in scripts + styles:
        assert HASHED.search(url) and (site / url).is_file(), url
    (meta,) = re.findall(r'<meta name="course-runtime" content="([^"]*)">', page)
    worker = json.loads(html.unescape(meta))["worker"]
    assert HASHED.search(worker) and (site / "assets/course" / worker).is_file()


def test_the_service_worker_precaches_every_page_and_the_runtime(site):
    entries = entries_in((site / "sw.js").read_text())
    assert offline.PLACEHOLDER not in (site / "sw.js").read_text()
    urls = {entry["url"] for entry in entries}
    pages = {path.relative_to(site).as_posix() for path in site.rglob("*.html")}
    assert pages <= urls and {"manifest.webmanifest", "sitemap.xml"} <= urls
    icons = {name for name, _, _ in offline.ICONS} | {offline.ICON_SVG}
    assert icons <= {posixpath.basename(url) for url in urls}
    for name in ("pyodide.asm.wasm", "python_stdlib.zip.gz", "pyodide.mjs", "pyodide-lock.json"):
        assert any(url.endswith("/" + name) for url in urls), name
    for entry in entries:
        path = site / entry["url"]
        assert path.is_file(), entry["url"]
        assert not entry["url"].endswith((".map", ".ttf", ".woff", "sw.js", "sitemap.xml.gz")), entry["url"]
        if entry["revision"] is not None:  # revised by its content
            assert entry["revision"] == hashlib.sha256(path.read_bytes()).hexdigest()[:16]
    unrevised = {entry["url"] for entry in entries if entry["revision"] is None}
    assert "index.html" not in unrevised and "manifest.webmanifest" not in unrevised
    assert all(re.search(r"-[A-Z0-9]{8}\.|/pyodide/\d|/python/course-|\.[0-9a-f]{8}\.min\.", url) for url in unrevised)


def test_every_page_links_the_web_app_manifest(site):
    manifest = json.loads((site / "manifest.webmanifest").read_text())
    assert manifest["name"] == "Test" and manifest["start_url"] == "./" and manifest["scope"] == "./"
    assert manifest["display"] == "standalone" and manifest["theme_color"].startswith("#")
    sizes = {icon["sizes"] for icon in manifest["icons"]}
    assert {"192x192", "512x512"} <= sizes
    for icon in manifest["icons"]:
        assert (site / icon["src"]).is_file(), icon["src"]
    for page in ("index.html", "notes/plain/index.html"):
        (href,) = re.findall(r'<link rel="manifest" href="([^"]+)">', (site / page).read_text())
        assert (site / posixpath.dirname(page) / href).resolve() == (site / "manifest.webmanifest").resolve()


def test_a_rebuild_changes_the_service_worker_only_when_a_file_changes(tmp_path, site):
    same = build(tmp_path / "same")
    changed = build(tmp_path / "changed", {**PAGES, "notes/plain.md": "# Plain\n\nEdited.\n"})
    before = {e["url"]: e["revision"] for e in entries_in((site / "sw.js").read_text())}
    assert entries_in((same / "sw.js").read_text()) == entries_in((site / "sw.js").read_text())
    after = {e["url"]: e["revision"] for e in entries_in((changed / "sw.js").read_text())}
    assert after["notes/plain/index.html"] != before["notes/plain/index.html"]
    assert after["index.html"] == before["index.html"]


def test_a_bundle_without_its_manifest_placeholder_is_refused():
    with pytest.raises(PluginError, match=re.escape(offline.PLACEHOLDER)):
        offline.service_worker("precacheAndRoute([]);", [])


def test_mkdocs_serve_serves_the_worker_that_retires_an_old_one(tmp_path):
    """A live site caches nothing: at sw.js it serves web/sw/retire.js, which removes a built copy's worker."""
    plugin = CoursePlugin()
    plugin.load_config({})
    plugin.command, plugin.bundle_dir = "serve", BUNDLE
    plugin._write_offline(SimpleNamespace(site_dir=str(tmp_path)))
    assert (tmp_path / "sw.js").read_bytes() == (BUNDLE / "sw-retire.js").read_bytes()
    assert not (tmp_path / "manifest.webmanifest").exists()


def precached_fonts(site: Path) -> set[str]:
    """The fonts in the site's precache, without their hashes ("KaTeX_Main-Regular")."""
    return {
        re.sub(r"-[A-Z0-9]{8}\.woff2$", "", posixpath.basename(entry["url"]))
        for entry in entries_in((site / "sw.js").read_text())
        if entry["url"].startswith("assets/course/fonts/")
    }


def test_katex_fonts_no_formula_can_use_are_left_out_of_the_precache(site, tmp_path):
    """Fonts of KaTeX's commands that no page uses stay on the host but out of the precache;
    a page that uses one (\\mathcal) brings its font in, and only it."""
    plain = precached_fonts(site)
    assert {"KaTeX_Main-Regular", "KaTeX_Math-Italic", "KaTeX_AMS-Regular", "KaTeX_Size1-Regular"} <= plain
    assert not any(name.startswith(("KaTeX_Caligraphic", "KaTeX_Fraktur", "KaTeX_Typewriter")) for name in plain)
    assert list(site.glob("assets/course/fonts/KaTeX_Caligraphic-Regular-*.woff2"))  # still on the host
    with_maths = precached_fonts(build(tmp_path, {**PAGES, "maths.md": "# Loss\n\n$\\mathcal{L}(w) = \\frac{1}{2}$\n"}))
    assert with_maths - plain == {"KaTeX_Caligraphic-Regular", "KaTeX_Caligraphic-Bold"}
