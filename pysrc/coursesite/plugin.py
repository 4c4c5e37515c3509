"""The ``course`` MkDocs plugin: ships a Python runtime with the site.

At build time it
- registers the ```` ```panel ```` fence with pymdownx.superfences;
- adds the course's blocks (quiz, recall, exercise, progress: coursesite.blocks);
- reports author mistakes found by the fences and blocks as errors naming the page;
- writes an index of each lesson's quizzes and exercises (coursesite.progress);
- copies the browser bundle (esbuild's output), the self-hosted Pyodide from
  npm, and a zip of the course's Python packages to ``assets/course/``;
- writes the versioned names of those files into every page's head, where the
  browser code finds them, so nothing is ever fetched from another origin;
- writes one Content-Security-Policy into every page (coursesite.csp), so the
  browser itself refuses any request to another origin, the learner's code's too
  (not under ``mkdocs serve``, whose live reload is an inline script).
"""

from __future__ import annotations

import hashlib
import html
import io
import json
import logging
import posixpath
import re
import shutil
import unicodedata
import zipfile
from importlib.util import find_spec
from pathlib import Path

from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.utils import get_relative_url

from . import (
    blocks,
    built_output,
    bundle,
    context,
    csp,
    offline,
    page_head,
    panels,
    progress,
    review,
    search_later,
    serve_errors,
    setup_block,
    site_exercises,
    source_lines,
)
from .config import CourseConfig
from .panel_check import check_panels

log = logging.getLogger("mkdocs.plugins.course")

ASSETS = "assets/course"
#: What the browser fetches to boot Pyodide (web/src/runner/worker.js loads them from the site, never a CDN).
#: Where `make dist` puts the browser bundle and Pyodide inside the wheel, for
#: sites built with nothing but `pip install` (no npm, no Node).
PACKAGED = Path(__file__).parent / "static"
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip.gz", "pyodide-lock.json")
#: What `npm run build` writes (the hashed files pages load are named in entries.json: coursesite.bundle).
BUNDLE_FILES = bundle.REQUIRED
SUPERFENCES = "pymdownx.superfences"
BLOCKS = "coursesite.blocks"
#: Widgets whose page boots Python as soon as it loads.
PYTHON_WIDGETS = {"panel", "exercise", "parsons"}
STORAGE_PREFIX = re.compile(r"^[a-z0-9][a-z0-9-]*$")
#: The package the browser's Python always needs (it runs panels and checks exercises).
ENGINE_PACKAGE = "coursekit"


class CoursePlugin(BasePlugin[CourseConfig]):
    command = "build"

    def on_config(self, config):
        if not self.config.enabled:
            return config
        if self.command == "serve":  # a build with mistakes is served with them listed on the page
            self.mistakes = serve_errors.watch()
        self._register_fence(config)
        if BLOCKS not in config.markdown_extensions:
            config.markdown_extensions.append(BLOCKS)
        root = Path(config.config_file_path).parent
        self.bundle_dir = _require(
            _prefer(root / self.config.bundle_dir, PACKAGED / "web", BUNDLE_FILES),
            BUNDLE_FILES,
            "the browser bundle",
            "npm ci && npm run build",
        )
        self.entries = bundle.read_entries(self.bundle_dir)
        config.extra_css.append(f"{ASSETS}/{self.entries['course-style.css']}")
        config.extra_css.append(f"{ASSETS}/{self.entries['course-widgets.css']}")
        script = ExtraScriptValue(f"{ASSETS}/{self.entries['course.js']}")
        script.type = "module"
        script.async_ = True  # runs as soon as it arrives, so Python starts booting early
        config.extra_javascript.append(script)
        return config

    def _register_fence(self, config) -> None:
        if SUPERFENCES not in config.markdown_extensions:
            config.markdown_extensions.append(SUPERFENCES)
        fences = config.mdx_configs.setdefault(SUPERFENCES, {}).setdefault("custom_fences", [])
        fences[:] = [fence for fence in fences if fence.get("name") != panels.FENCE_NAME]
        fences.append(panels.fence_config())

    def on_pre_build(self, config):
        if not self.config.enabled:
            return
        root = Path(config.config_file_path).parent
        self.pyodide_dir = _require(
            _prefer(root / self.config.pyodide_dir, PACKAGED / "pyodide", PYODIDE_FILES),
            PYODIDE_FILES,
            "Pyodide",
            "npm ci && npm run build",
        )
        self.pyodide_version = json.loads((self.pyodide_dir / "package.json").read_text())["version"]
        self.exercises_dir = site_exercises.folder_of(root, self.config.exercises_dir)
        site_exercises.load(self.exercises_dir, serving=self.command == "serve")  # afresh, for `mkdocs serve`
        self.packages = shipped_packages(self.config.python_packages)
        self.package_zip = python_package_zip(self.packages, site_exercises.shipped(self.exercises_dir))
        self.runs_python: dict[str, bool] = {}
        self.page_entries: dict[str, dict] = {}
        self.nav_order: list[str] = []
        self.lessons: list = []
        self.review_url: str | None = None
        self.preboot = (self.bundle_dir / "preboot.js").read_text(encoding="utf-8").strip()
        if "</script" in self.preboot:
            raise PluginError("course plugin: preboot.js cannot be inlined (it contains '</script')")
        digest = hashlib.sha256(self.package_zip).hexdigest()[:12]
        self.runtime = {
            "pyodide": f"pyodide/{self.pyodide_version}/",
            "package": f"python/course-{digest}.zip",
            "worker": self.entries["worker.js"],
            # The service worker, from the bundle folder (none under `mkdocs serve`: it would cache a live site).
            "offline": None if self.command == "serve" else f"../../{offline.SERVICE_WORKER}",
            # What a worker's memory snapshot of Python is valid for: this Pyodide, its stdlib, these packages.
            "snapshot": "-".join(
                (
                    self.pyodide_version,
                    hashlib.sha256((self.pyodide_dir / "python_stdlib.zip.gz").read_bytes()).hexdigest()[:12],
                    digest,
                )
            ),
            "storage": storage_prefix(self.config.storage_prefix, config.site_name),
            # The teacher's packages, which the worker imports as Python starts (and before a snapshot).
            "packages": [name for name in self.packages if name != ENGINE_PACKAGE],
        }

    def on_page_markdown(self, markdown, page, config, files):
        if self.config.enabled:
            here = context.begin(page.file.src_uri)
            source = source_lines.scan(markdown, blocks.NAMES)
            for line, problem in source.problems:
                here.error(problem, line)
            expanded, found = review.expand(markdown, self._lessons_seen_from(page), here.stem)
            if found:
                self.review_url = page.url
            if expanded == markdown:  # lines of the review page's gathered prompts are not its own
                here.lines = source.lines
            markdown = expanded
        return markdown

    def _lessons_seen_from(self, page) -> list[review.Lesson]:
        """The lessons in course order, with links relative to ``page``."""
        here = posixpath.dirname(page.file.src_uri)
        return [
            review.Lesson(
                lesson.title,
                posixpath.relpath(lesson.file.src_uri, here or "."),
                Path(lesson.file.abs_src_path).read_text(encoding="utf-8"),
                lesson.file.src_uri,
            )
            for lesson in self.lessons
        ]

    def on_page_content(self, html_text, page, config, files):
        finished = context.end()
        if finished:
            if setup_block.check_page(finished, run=self.config.run_panels) and self.config.run_panels:
                check_panels(finished)
            for message in finished.errors:
                log.error(message)
            html_text = built_output.write_into(html_text, finished.widgets)
            self.runs_python[page.file.src_uri] = any(w["kind"] in PYTHON_WIDGETS for w in finished.widgets)
            self.page_entries[page.file.src_uri] = progress.lesson_entry(
                page.file.src_uri, page.title, page.url, finished.widgets
            )
        return html_text

    def on_nav(self, nav, config, files):
        self.nav_order = [page.file.src_uri for page in nav.pages]
        pages = [page.file.src_uri for page in nav.pages]
        self.is_lesson = progress.lesson_rule(self.config.lessons_dir, pages)
        # The review page gathers from lessons: before their widgets are known, any page that might be one.
        self.lessons = [page for page in nav.pages if self.is_lesson({"src": page.file.src_uri, "items": [None]})]
        return nav

    def on_post_page(self, output, page, config):
        if not self.config.enabled:
            return output
        if self.command == "serve":
            output = self.mistakes.shown_in(output)
        boot = self.runs_python.get(page.file.src_uri, False)
        runtime = {**self.runtime, "assets": get_relative_url(ASSETS + "/", page.url), "boot": boot}
        head = f'<meta name="course-runtime" content="{html.escape(json.dumps(runtime))}">'
        head += offline.head_links(get_relative_url(offline.WEB_MANIFEST, page.url))
        if boot:  # start Python while the rest of the page loads
            head += f"<script>{self.preboot}</script>"
        output = search_later.defer_search(output, page.url, f"{ASSETS}/{self.entries['search-later.js']}")
        return _insert_early_in_head(output, head)

    def _copy_runtime(self, config):
        if not self.config.enabled:
            return
        assets = Path(config.site_dir) / ASSETS
        _copy_tree(self.bundle_dir, assets)
        for name in PYODIDE_FILES:
            _copy_file(self.pyodide_dir / name, assets / self.runtime["pyodide"] / name)
        target = assets / self.runtime["package"]
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(self.package_zip)
        index = progress.lesson_index(self.page_entries, self.nav_order, self.is_lesson)
        index["review"] = self.review_url  # the page whose review block schedules the cards (or None)
        (assets / progress.FILENAME).write_text(json.dumps(index, ensure_ascii=False), encoding="utf-8")
        if self.command != "serve":  # mkdocs serve injects an inline live-reload script each time
            csp.apply_to_site(Path(config.site_dir))

    @event_priority(-100)  # last: after every plugin (the search index) has written its files
    def _write_offline(self, config):
        if not self.config.enabled:
            return
        if self.command == "serve":  # a live site caches nothing
            _copy_file(self.bundle_dir / offline.RETIRING_WORKER, Path(config.site_dir) / offline.SERVICE_WORKER)
            return
        manifest = offline.web_manifest(config.site_name, config.site_description, f"{ASSETS}/icons")
        source = (self.bundle_dir / offline.SERVICE_WORKER).read_text(encoding="utf-8")
        count = offline.write_site_files(Path(config.site_dir), source, manifest)
        log.info("course: the service worker precaches %d files", count)

    on_post_build = CombinedEvent(_copy_runtime, _write_offline)

    def on_startup(self, *, command, dirty):
        self.command = command

    def on_serve(self, server, config, builder):
        root = Path(config.config_file_path).parent
        folders = [root / self.config.bundle_dir, *map(_package_dir, shipped_packages(self.config.python_packages))]
        for path in [*folders, site_exercises.folder_of(root, self.config.exercises_dir)]:
            if path is not None and path.exists():
                server.watch(str(path))
        return server


def shipped_packages(chosen: list[str]) -> list[str]:
    """The packages in the site's Python zip: the engine's, then the teacher's, each once."""
    return list(dict.fromkeys([ENGINE_PACKAGE, *chosen]))


def storage_prefix(chosen: str | None, site_name: str) -> str:
    """The site's storage prefix: the plugin's ``storage_prefix``, or one made from the site's name."""
    if chosen is not None:
        if not STORAGE_PREFIX.match(chosen):
            raise PluginError(f"course: storage_prefix {chosen!r} must be lowercase letters, digits and '-'")
        return chosen
    ascii_name = unicodedata.normalize("NFKD", site_name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-") or "course"


def _insert_early_in_head(page_html: str, markup: str) -> str:
    updated = page_head.insert_early_in_head(page_html, markup)
    if updated is None:
        raise PluginError("course plugin: a page without <head> cannot load the runtime")
    return updated


def _prefer(configured: Path, packaged: Path, names: tuple[str, ...]) -> Path:
    """The configured folder (a checkout of this repository, after npm), else the one inside the installed wheel."""
    if all((configured / name).is_file() for name in names):
        return configured
    return packaged if all((packaged / name).is_file() for name in names) else configured


def _require(path: Path, names: tuple[str, ...], what: str, command: str) -> Path:
    """The folder, if it holds every named file; else a PluginError saying what to run."""
    missing = [name for name in names if not (path / name).is_file()]
    if not path.is_dir() or missing:
        detail = f" (no {', '.join(missing)})" if path.is_dir() else ""
        raise PluginError(
            f"course plugin: {what} is missing at {path}{detail}. Run `{command}` (or `make build`) first."
        )
    return path


def _package_dir(name: str) -> Path:
    spec = find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise PluginError(f"course plugin: cannot find the Python package {name!r}. Run `pip install -e .` first.")
    return Path(next(iter(spec.submodule_search_locations)))


def python_package_zip(names: list[str], extra: list[tuple[str, bytes]] = ()) -> bytes:
    """A zip of the packages' source files (and ``extra`` (name, bytes) entries), byte-for-byte the same
    for the same sources."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in names:
            package = _package_dir(name)
            for path in sorted(package.rglob("*.py")):
                if "__pycache__" in path.parts:
                    continue
                entry = zipfile.ZipInfo(
                    f"{name}/{path.relative_to(package).as_posix()}", date_time=(1980, 1, 1, 0, 0, 0)
                )
                entry.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(entry, path.read_bytes())
        for name, data in extra:
            entry = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(entry, data)
    return buffer.getvalue()


def _copy_file(source: Path, target: Path) -> None:
    """Copy unless an identical-looking copy is already there (mkdocs serve rebuilds often)."""
    if not source.is_file():
        raise PluginError(f"course plugin: {source} is missing. Run `npm ci` first.")
    if (
        target.is_file()
        and target.stat().st_size == source.stat().st_size
        and target.stat().st_mtime >= source.stat().st_mtime
    ):
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(source, target)


def _copy_tree(source: Path, target: Path) -> None:
    for path in source.rglob("*"):
        if path.is_file():
            _copy_file(path, target / path.relative_to(source))
