"""The ```panel fence: Markdown in, panel markup out; author mistakes named."""

import xml.etree.ElementTree as ElementTree

import markdown
import pytest

from coursesite import context, panels


def render(text: str, src_uri: str = "lessons/demo.md"):
    page = context.begin(src_uri)
    try:
        md = markdown.Markdown(
            extensions=["pymdownx.superfences"],
            extension_configs={"pymdownx.superfences": {"custom_fences": [panels.fence_config()]}},
        )
        html = md.convert(text)
    finally:
        context.end()
    return html, page


def sections(html: str):
    root = ElementTree.fromstring(f"<root>{html}</root>")
    return root.findall(".//section")


def test_a_panel_becomes_a_named_region_with_its_starter_code():
    html, page = render('```panel title="Sum & product" expect="z = -1"\nprint("z =", 2 * 0.5 + 3 * -1 + 1 < 5)\n```')
    (section,) = sections(html)
    assert section.get("class") == "course-panel"
    assert section.get("aria-label") == "Code panel: Sum & product"
    assert section.get("data-panel-id") == "lessons/demo#1"
    assert section.get("data-expect") == "z = -1"
    assert section.get("data-timeout") == "10"
    code = section.find("pre/code")
    assert code.text == 'print("z =", 2 * 0.5 + 3 * -1 + 1 < 5)\n'  # escaped in HTML, intact as text
    assert "&lt; 5" in html and "Sum &amp; product" in html
    assert page.errors == []
    assert page.widgets == [
        {
            "kind": "panel",
            "number": 1,
            "id": "lessons/demo#1",
            "code": 'print("z =", 2 * 0.5 + 3 * -1 + 1 < 5)',
            "title": "Sum & product",
            "expect": "z = -1",
        }
    ]


def test_panels_are_numbered_and_explicit_ids_are_kept():
    html, _ = render('```panel\nprint(1)\n```\n\n```panel id="second" timeout="30"\nprint(2)\n```')
    first, second = sections(html)
    assert first.get("data-panel-id") == "lessons/demo#1"
    assert first.get("aria-label") == "Code panel 1"
    assert second.get("data-panel-id") == "lessons/demo/second"
    assert second.get("data-timeout") == "30"


def test_a_panel_with_an_id_leaves_the_numbers_of_the_others_as_they_were():
    html, _ = render('```panel\nprint(1)\n```\n\n```panel id="new"\nprint(2)\n```\n\n```panel\nprint(3)\n```')
    ids = [section.get("data-panel-id") for section in sections(html)]
    assert ids == ["lessons/demo#1", "lessons/demo/new", "lessons/demo#2"]
    assert [section.get("aria-label") for section in sections(html)][2] == "Code panel 3"  # its place on the page


def test_index_pages_use_their_folder_as_the_id_prefix():
    html, _ = render("```panel\nprint(1)\n```", src_uri="lessons/index.md")
    assert sections(html)[0].get("data-panel-id") == "lessons#1"


@pytest.mark.parametrize(
    "header, body, message",
    [
        ('panel colour="red"', "print(1)", "unknown option 'colour'"),
        ("panel", "   ", "the panel has no code"),
        ('panel timeout="forever"', "print(1)", "timeout must be a number of seconds"),
        ('panel timeout="0"', "print(1)", "timeout must be a number of seconds"),
        ('panel id="Bad Id"', "print(1)", "id 'Bad Id' must use only lowercase"),
        ('panel expect=""', "print(1)", "expect is empty"),
    ],
)
def test_author_mistakes_name_the_page_and_panel(header, body, message):
    html, page = render(f"```{header}\n{body}\n```")
    assert len(page.errors) == 1
    assert page.errors[0].startswith("lessons/demo.md: code panel 1: ")
    assert message in page.errors[0]
    assert "This code panel has a mistake" in html
    assert sections(html) == []


def test_a_duplicate_id_is_a_mistake():
    _, page = render('```panel id="same"\nprint(1)\n```\n\n```panel id="same"\nprint(2)\n```')
    assert page.errors == ["lessons/demo.md: code panel 2: id 'same' is used twice on this page"]
