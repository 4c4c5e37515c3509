"""The browser bundle ``npm run build`` wrote: its files have content-hashed names.

``entries.json`` (written by web/build.mjs from esbuild's metafile) maps each
entry's stable name to the file a page loads, ``course.js`` to
``course-KZQ6S3DE.js``, so a new deploy never mixes an old page with new
scripts or an old script with new chunks.
"""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.exceptions import PluginError

ENTRIES = "entries.json"
#: The entries pages load by name: the page script, the workers, the stylesheets.
LOADED = ("course.js", "worker.js", "search-later.js", "course-style.css", "course-widgets.css")
#: Unhashed files the plugin reads: inlined into pages, or filled in and written to the site's root.
FIXED = ("preboot.js", "sw.js", "sw-retire.js")
REQUIRED = (ENTRIES, *FIXED)


def read_entries(bundle_dir: Path) -> dict[str, str]:
    """Stable name to hashed file for every loaded entry; a PluginError naming what is missing."""
    try:
        entries = json.loads((bundle_dir / ENTRIES).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise PluginError(
            f"course plugin: cannot read {bundle_dir / ENTRIES} ({error}). Run `npm run build`."
        ) from error
    missing = [name for name in LOADED if not (bundle_dir / entries.get(name, name)).is_file()]
    if missing:
        raise PluginError(
            f"course plugin: the browser bundle at {bundle_dir} is incomplete (no {', '.join(missing)}). "
            "Run `npm run build` (or `make build`) first."
        )
    return {name: entries[name] for name in LOADED}
