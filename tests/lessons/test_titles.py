"""The navigation and the pages agree: a lesson's nav title is its number, then its page heading."""

import re
from pathlib import Path

import yaml
from mkdocs.config import load_config

ROOT = Path(__file__).resolve().parents[2]


def nav_entries(items, section=""):
    """(section, title, source path) for every page of the nav, in order."""
    for item in items:
        for title, value in item.items():
            if isinstance(value, list):
                yield from nav_entries(value, title)
            else:
                yield section, title, value


def split_page(src):
    """A page's front matter (the YAML between '---' lines, or '') and its Markdown."""
    text = (ROOT / "docs" / src).read_text(encoding="utf-8")
    match = re.match(r"---\n(.*?)\n---\n+", text, re.DOTALL)
    return (match[1], text[match.end() :]) if match else ("", text)


def heading(src):
    """The page's H1: its first line after the front matter, '# Title'."""
    first = split_page(src)[1].splitlines()[0]
    assert first.startswith("# "), f"docs/{src} should start with its '# Title'"
    return first[2:].strip()


NAV = list(nav_entries(load_config(str(ROOT / "mkdocs.yml"))["nav"]))


def test_every_lesson_is_numbered_in_order_and_titled_as_its_page():
    lessons = [(title, src) for _, title, src in NAV if src.startswith("lessons/")]
    assert len(lessons) == 8
    for number, (title, src) in enumerate(lessons, start=1):
        assert title == f"{number}. {heading(src)}", src


def test_other_pages_are_titled_as_their_heading():
    for _, title, src in NAV:
        if not src.startswith("lessons/") and src != "index.md":
            assert title == heading(src), src


def test_the_authors_page_sits_in_its_own_section_after_the_course():
    sections = [section for section, _, _ in NAV]
    first = sections.index("For authors")
    assert set(sections[first:]) == {"For authors"}  # nothing for learners after it
    assert ("For authors", "How to write a lesson", "authors.md") in NAV[first:]
    last_for_learners = NAV[first - 1][2]
    assert yaml.safe_load(split_page(last_for_learners)[0])["hide"] == ["footer"]  # no "Next" into it


def test_the_home_page_lists_the_lessons_by_their_titles():
    home = (ROOT / "docs" / "index.md").read_text(encoding="utf-8")
    listed = re.findall(r"^\d+\. \[\*\*(.+?)\*\*\]\((lessons/[^)]+)\)", home, re.MULTILINE)
    assert listed == [(heading(src), src) for _, _, src in NAV if src.startswith("lessons/")]
