"""Site templates: learning, the JSON file, the ``site_template`` pass, per-host learning."""

from __future__ import annotations

import json
import pickle
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import boilerstrip
from boilerstrip import (
    BoilerstripError,
    Category,
    InvalidOptionError,
    Pipeline,
    SiteTemplate,
    TemplateError,
    learn_templates_by_host,
)
from boilerstrip.document import document_from_text
from boilerstrip.filters.site import SiteTemplateFilter
from boilerstrip.template import (
    TemplateLearner,
    _Counter,
    block_hash,
    host_of,
    page_hashes,
)

if TYPE_CHECKING:
    from conftest import Kit

MENU = "Home Shop Stories Contact"
ABOUT = (
    "Example Outdoors is a member-owned co-op selling gear for hiking, climbing and cycling, "
    "with stores in forty states and a repair shop in every one of them."
)
FOOTER = "Copyright 2025 Example Outdoors, all rights reserved"
RARE = "Our spring catalogue is out now, ask for one at the counter"


def article(number: int) -> list[str]:
    """Two paragraphs only page ``number`` has."""
    return [
        f"Story {number}: the trail crew rebuilt bridge number {number} over the river this "
        f"week, after the spring floods had washed away its old timber supports.",
        f"Volunteers carried {number * 10} kilograms of tools up the valley, and the work took "
        f"them {number + 2} days of long shifts in the rain before the path reopened.",
    ]


def site_pages(count: int = 6) -> list[str]:
    """``count`` plain-text pages: menu, article, about box and footer on every page, and
    the catalogue line on the first two only."""
    pages = []
    for number in range(count):
        lines = [MENU, *article(number), ABOUT, FOOTER]
        if number < 2:
            lines.insert(3, RARE)
        pages.append("\n\n".join(lines))
    return pages


def only_template(source: str, template: SiteTemplate | None) -> boilerstrip.Result:
    return Pipeline([SiteTemplateFilter()]).extract(source, template=template)


def verdict(result: boilerstrip.Result, text: str) -> boilerstrip.Decision | None:
    for block, decision in result.verdicts():
        if block.text == text:
            return decision
    raise AssertionError(f"no block {text!r}")


# --- learning ------------------------------------------------------------------------------
def test_learn_counts_pages_a_block_appears_on() -> None:
    template = SiteTemplate.learn(site_pages(), host="example.com")
    assert template.pages == 6
    assert template.host == "example.com"
    menu = document_from_text(MENU).blocks[0]
    rare = document_from_text(RARE).blocks[0]
    own = document_from_text(article(3)[0]).blocks[0]
    assert template.seen_on(menu) == 6
    assert template.seen_on(rare) == 2
    assert template.seen_on(own) == 0  # one page only: not kept in the template


def test_a_block_repeated_within_one_page_counts_once() -> None:
    page = "\n\n".join([MENU, *article(1), MENU])
    template = SiteTemplate.learn([page, page, "\n\n".join(article(2))])
    assert template.seen_on(document_from_text(MENU).blocks[0]) == 2


def test_learn_reads_any_iterable_once_of_str_and_bytes() -> None:
    pages = site_pages()

    def generated() -> Iterator[str | bytes]:
        for number, page in enumerate(pages):
            yield page.encode("utf-8") if number % 2 else page

    assert SiteTemplate.learn(generated()) == SiteTemplate.learn(pages)


def test_learner_in_steps_equals_learn() -> None:
    learner = TemplateLearner("example.com")
    for page in site_pages():
        learner.add(page)
    assert learner.template() == SiteTemplate.learn(site_pages(), host="example.com")


def test_page_hashes_keep_both_ends_of_a_long_page() -> None:
    blocks = document_from_text("\n\n".join(f"line number {i}" for i in range(10))).blocks
    kept = page_hashes(blocks, limit=4)
    expected = {block_hash(blocks[i].words) for i in (0, 1, 8, 9)}
    assert kept == expected


def test_counter_stays_bounded_and_keeps_frequent_hashes() -> None:
    counter = _Counter(limit=100)
    for page in range(200):
        counter.add({1, 2, 3, 1_000 + page})  # three template hashes, one of the page's own
        assert len(dict(counter.items())) <= 100
    counts = dict(counter.items())
    assert counts[1] == counts[2] == counts[3] == 200


# --- the JSON file -------------------------------------------------------------------------
def test_save_and_load_round_trip(tmp_path: Path) -> None:
    template = SiteTemplate.learn(site_pages(), host="example.com")
    path = tmp_path / "example.json"
    template.save(path)
    loaded = SiteTemplate.load(path)
    assert loaded == template
    assert SiteTemplate.from_json(template.to_json()) == template
    data = json.loads(path.read_text("utf-8"))
    assert data["version"] == 1 and data["format"] == "boilerstrip-site-template"
    assert data["pages"] == 6 and len(data["counts"]) == len(template.counts)


def test_a_template_pickles_for_worker_processes() -> None:
    template = SiteTemplate.learn(site_pages(), host="example.com")
    copy = pickle.loads(pickle.dumps(template))
    assert copy == template and copy.counts == template.counts


def _valid() -> dict[str, object]:
    return json.loads(SiteTemplate.learn(site_pages()).to_json())


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"format": "other"}, "not a site template"),
        ({"version": 99}, "version 99 is not supported"),
        ({"pages": -1}, "'pages' must be a whole number"),
        ({"pages": "6"}, "'pages' must be a whole number"),
        ({"host": 3}, "'host' must be a string or null"),
        ({"counts": []}, "'counts' must be an object"),
        ({"counts": {"xyz": 2}}, "is not a 16-digit hex hash"),
        ({"counts": {"00000000000000ff": 7}}, "from 2 to the template's 6 pages"),
        ({"counts": {"00000000000000ff": 1}}, "from 2 to the template's 6 pages"),
    ],
)
def test_a_bad_template_says_what_is_wrong(change: dict[str, object], message: str) -> None:
    with pytest.raises(TemplateError, match=message):
        SiteTemplate.from_json(json.dumps(_valid() | change))


def test_a_bad_file_names_itself(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(TemplateError, match=r"broken\.json.*must be JSON") as info:
        SiteTemplate.load(path)
    assert isinstance(info.value, BoilerstripError)
    with pytest.raises(TemplateError, match="cannot read site template"):
        SiteTemplate.load(tmp_path / "missing.json")
    with pytest.raises(TemplateError, match="not a site template"):
        SiteTemplate.from_json("[1, 2]")


# --- the site_template pass ----------------------------------------------------------------
def test_blocks_on_most_pages_are_removed_with_the_page_count() -> None:
    pages = site_pages()
    template = SiteTemplate.learn(pages[1:], host="example.com")  # page 0 held out
    result = only_template(pages[0], template)
    for text in (MENU, ABOUT, FOOTER):
        decision = verdict(result, text)
        assert decision is not None, text
        assert decision.category is Category.TEMPLATE
        assert (decision.filter, decision.code) == ("site_template", "site_template")
        assert decision.reason == "seen on 5 of 5 pages of example.com"
    # On one learned page of five: the site does not repeat it.
    assert verdict(result, RARE) is None
    for text in article(0):
        assert verdict(result, text) is None


def test_a_page_in_its_own_template_keeps_its_article() -> None:
    pages = site_pages()
    template = SiteTemplate.learn(pages)
    for number, page in enumerate(pages):
        result = only_template(page, template)
        assert [b.text for b in result.kept] == article(number) + ([RARE] if number < 2 else [])


def test_without_enough_pages_or_template_nothing_is_removed() -> None:
    pages = site_pages(3)
    assert not only_template(pages[0], SiteTemplate.learn(pages[1:])).decisions
    assert not only_template(pages[0], None).decisions
    assert only_template(pages[0], SiteTemplate.learn(pages)).decisions


def test_clean_and_extract_take_the_template(kit: type[Kit]) -> None:
    pages = site_pages()
    template = SiteTemplate.learn(pages[1:], host="example.com")
    assert ABOUT in boilerstrip.clean(pages[0])
    cleaned = boilerstrip.clean(pages[0], template=template)
    assert ABOUT not in cleaned and article(0)[0] in cleaned
    result = boilerstrip.extract(pages[0], template=template)
    assert result.counts().get("template", 0) >= 1
    # Cleaning again with the same template changes nothing.
    assert boilerstrip.clean(cleaned, template=template) == cleaned
    with pytest.raises(InvalidOptionError, match=r"template must be a boilerstrip\.SiteTemplate"):
        boilerstrip.extract(pages[0], template="example.json")  # type: ignore[arg-type]


def html_page(number: int) -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in article(number))
    return (
        f"<html><head><title>Story {number}</title></head><body>"
        f"<div class='top'>{MENU}</div><main>{paragraphs}<p>{ABOUT}</p></main>"
        f"<div class='bottom'>{FOOTER}</div></body></html>"
    )


def test_html_pages_learn_and_clean_the_same_way() -> None:
    pages = [html_page(n) for n in range(6)]
    template = SiteTemplate.learn(pages[1:], input_format="html")
    result = only_template(pages[0], template)
    assert verdict(result, ABOUT) is not None
    assert verdict(result, article(0)[0]) is None
    # Text and HTML segment the same blocks alike: a template learned from one serves both.
    text_template = SiteTemplate.learn(site_pages()[1:])
    assert verdict(only_template(pages[0], text_template), ABOUT) is not None


# --- a block on one page is never template ---------------------------------------------------
LINES = [f"shared line {word} of the site" for word in "abcdefgh"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(st.sampled_from(LINES), max_size=8), min_size=1, max_size=8))
def test_a_block_on_one_page_only_is_never_removed(picks: list[list[str]]) -> None:
    pages = ["\n\n".join(lines) for lines in picks]
    template = SiteTemplate.learn(pages)
    on_pages = Counter(line for lines in picks for line in set(lines))
    needed = max(2, SiteTemplateFilter.min_share * len(pages))
    for page in pages:
        result = only_template(page, template)
        for decision in result.decisions:
            assert on_pages[decision.text] >= needed
        for block in result.kept:
            assert on_pages[block.text] < needed or len(pages) < SiteTemplateFilter.min_pages


# --- per host -------------------------------------------------------------------------------
def test_learn_templates_by_host() -> None:
    pages = site_pages()
    records = [(f"https://www.example.com/story/{n}", page) for n, page in enumerate(pages)]
    records += [("https://other.org/a", pages[0]), ("http://other.org/b", MENU)]
    templates = learn_templates_by_host(records)
    assert set(templates) == {"example.com", "other.org"}
    assert templates["example.com"] == SiteTemplate.learn(pages, host="example.com")
    assert templates["other.org"].pages == 2
    decision = verdict(only_template(pages[2], templates["example.com"]), FOOTER)
    assert decision is not None and decision.reason == "seen on 6 of 6 pages of example.com"


def test_host_of_needs_a_web_url() -> None:
    assert host_of("https://WWW.Example.com:8080/x") == "example.com"
    with pytest.raises(InvalidOptionError, match="absolute http or https URL"):
        learn_templates_by_host([("example.com/page", "text")])
