"""Offline and installable: the service worker's precache manifest and the web app manifest.

The service worker (web/sw/sw.js) is Workbox's runtime, bundled by ``npm run
build`` with the placeholder ``self.__WB_MANIFEST`` where its precache list
goes (Workbox's injectManifest convention). At site build the plugin fills in
the list from the files MkDocs and the plugin wrote, so a site builds without
Node (the wheel of ``make dist``). Each entry is ``{"url", "revision"}``:
a URL that changes whenever its content does (esbuild's ``[hash]``, Pyodide's
version folder, the Python zip's digest, Material's hashed assets) needs no
revision, and Workbox may then take it from the HTTP cache the page just
filled; any other file is revised by its content's hash.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
from pathlib import Path, PurePosixPath

from mkdocs.exceptions import PluginError

PLACEHOLDER = "self.__WB_MANIFEST"
SERVICE_WORKER = "sw.js"
#: What `mkdocs serve` serves as sw.js: a worker that removes one an earlier built copy left (web/sw/retire.js).
RETIRING_WORKER = "sw-retire.js"
WEB_MANIFEST = "manifest.webmanifest"
THEME_COLOUR = "#3f51b5"  # Material's indigo, the site's primary colour
ICONS = [("icon-192.png", "192x192", "image/png"), ("icon-512.png", "512x512", "image/png")]
ICON_SVG = "icon.svg"

#: Files a browser never asks for: maps, licences, the gzipped sitemap, the bundle's
#: own bookkeeping, KaTeX's fallback font formats, lunr's other languages.
SKIPPED = re.compile(
    r"""(^sw\.js$)|(\.map$)|(\.LEGAL\.txt$)|(^sitemap\.xml\.gz$)
    |(^assets/course/(entries\.json|preboot\.js|sw\.js|sw-retire\.js)$)
    |(^assets/course/fonts/.*\.(woff|ttf)$)|(^assets/javascripts/lunr/)""",
    re.VERBOSE,
)
#: Files whose URL changes with their content.
IMMUTABLE = re.compile(
    r"""(^assets/course/([^/]+/)?[^/]+-[A-Z0-9]{8}\.[a-z0-9]+$)
    |(^assets/course/(pyodide|python)/)
    |(^assets/(javascripts|stylesheets)/(workers/)?[^/]+\.[0-9a-f]{8}\.min\.(js|css)$)""",
    re.VERBOSE,
)


#: KaTeX's fonts that only some of its commands use, by those commands. A browser asks for a font only
#: when a formula is set in it, so one that no page's maths can use is left out of the precache (it is
#: still on the host): 111 kB gzipped of a first visit for this course.
COMMAND_FONTS = {
    "Caligraphic": ("mathcal", "cal"),
    "Fraktur": ("mathfrak", "frak"),
    "SansSerif": ("mathsf", "mathsfit", "sf", "textsf"),
    "Script": ("mathscr",),
    "Typewriter": ("mathtt", "texttt", "tt", "verb"),
    "Math-BoldItalic": ("boldsymbol", "bm"),
}


def unused_fonts(site_dir: Path) -> re.Pattern | None:
    """The font files of the families in COMMAND_FONTS whose commands no page of the site has."""
    pages = "".join(path.read_text(encoding="utf-8", errors="replace") for path in site_dir.rglob("*.html"))
    unused = [
        family
        for family, commands in COMMAND_FONTS.items()
        if not re.search(r"\\(" + "|".join(commands) + r")(?![A-Za-z])", pages)
    ]
    return re.compile(r"^assets/course/fonts/KaTeX_(" + "|".join(unused) + r")-") if unused else None


def precache_entries(site_dir: Path) -> list[dict]:
    """Every file of the built site a browser may fetch, as Workbox precache entries, in path order."""
    entries = []
    unused = unused_fonts(site_dir)
    for path in sorted(p for p in site_dir.rglob("*") if p.is_file()):
        url = PurePosixPath(path.relative_to(site_dir)).as_posix()
        if SKIPPED.search(url) or (unused and unused.search(url)):
            continue
        revision = None if IMMUTABLE.search(url) else hashlib.sha256(path.read_bytes()).hexdigest()[:16]
        entries.append({"url": url, "revision": revision})
    return entries


def service_worker(runtime_source: str, entries: list[dict]) -> str:
    """Workbox's runtime with its precache list filled in."""
    if runtime_source.count(PLACEHOLDER) != 1:
        raise PluginError(
            f"course plugin: the bundle's {SERVICE_WORKER} has no single {PLACEHOLDER}; run `npm run build`"
        )
    return runtime_source.replace(PLACEHOLDER, json.dumps(entries, separators=(",", ":")))


def web_manifest(site_name: str, description: str | None, icons_dir: str) -> dict:
    """The web app manifest: the course's name, icons and colours; it starts, and stays, at the site's base."""
    icons = [{"src": f"{icons_dir}/{name}", "sizes": sizes, "type": kind} for name, sizes, kind in ICONS]
    icons.append({"src": f"{icons_dir}/{ICON_SVG}", "sizes": "any", "type": "image/svg+xml"})
    return {
        "name": site_name,
        "short_name": site_name,
        "description": description or site_name,
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "theme_color": THEME_COLOUR,
        "background_color": "#ffffff",
        "icons": icons,
    }


def write_site_files(site_dir: Path, runtime_source: str, manifest: dict) -> int:
    """Write the web app manifest, then the service worker that precaches every file; returns their count."""
    (site_dir / WEB_MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    entries = precache_entries(site_dir)
    (site_dir / SERVICE_WORKER).write_text(service_worker(runtime_source, entries), encoding="utf-8")
    return len(entries)


def head_links(manifest_url: str) -> str:
    """The tags that make a page installable: its manifest (relative to the page) and the theme colour."""
    return f'<link rel="manifest" href="{html.escape(manifest_url)}"><meta name="theme-color" content="{THEME_COLOUR}">'
