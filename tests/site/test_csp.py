"""The Content-Security-Policy the build writes into every page."""

from __future__ import annotations

import base64
import hashlib

from coursesite import csp

PAGE = """<!doctype html><html><head><meta charset="utf-8"><title>t</title>
<script>var palette = 1;</script>
<script type="module">import "./x.js";</script>
<script src="bundle.js"></script>
<script type="application/json" class="data">{"not": "run"}</script>
</head><body><script>__md_scope = new URL("..", location)</script></body></html>"""


def sha256_source(body: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() + "'"


def test_hashes_exactly_the_inline_scripts_a_browser_runs():
    expected = {
        sha256_source(body) for body in ("var palette = 1;", 'import "./x.js";', '__md_scope = new URL("..", location)')
    }
    assert csp.inline_script_hashes(PAGE) == expected


def test_the_policy_keeps_everything_on_the_site_and_allows_no_eval():
    content = csp.policy({"'sha256-abc'"})
    directives = dict(part.split(" ", 1) for part in content.split("; "))
    assert directives["connect-src"] == "'self'"
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self' blob: 'wasm-unsafe-eval' 'sha256-abc'"
    assert directives["worker-src"] == "'self' blob:"
    assert directives["object-src"] == "'none'"
    assert "'unsafe-eval'" not in content and "*" not in content and "http" not in content


def test_the_policy_comes_right_after_the_charset_before_any_script():
    updated = csp.with_policy(PAGE, "default-src 'self'")
    head = updated.split("<title>")[0]
    assert (
        head
        == '<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src \'self\'">'
    )
    assert csp.with_policy(updated, "default-src 'none'").count("Content-Security-Policy") == 1


def test_every_page_gets_one_policy_naming_the_inline_scripts_of_all_pages(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text(PAGE)
    (tmp_path / "a" / "index.html").write_text(PAGE.replace('URL("..", location)', 'URL("../..", location)'))
    content = csp.apply_to_site(tmp_path)
    for page in (tmp_path / "index.html", tmp_path / "a" / "index.html"):
        assert f'content="{content}"' in page.read_text()
    assert sha256_source('__md_scope = new URL("..", location)') in content
    assert sha256_source('__md_scope = new URL("../..", location)') in content
