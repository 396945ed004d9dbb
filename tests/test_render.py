"""Markdown output of HTML pages: exact output for small hand-made pages.

Pages go through ``boilerstrip.extract`` with no filters, so every block is kept, and the
result's metadata is set to a known title: these tests pin the rendering, not the filters'
verdicts nor the metadata heuristics.
"""

from __future__ import annotations

import dataclasses

import pytest

import boilerstrip
from boilerstrip import Pipeline
from boilerstrip.blocks import BlockKind
from boilerstrip.render import escape_line, pipe_table, render_markdown, render_text
from boilerstrip.result import Metadata

TITLE = "Rendering test page"


def markdown(body: str, pipeline: Pipeline | None = None) -> str:
    """The Markdown of a page holding ``body``, titled ``TITLE``."""
    page = f"<!doctype html><html><body><article>{body}</article></body></html>"
    result = boilerstrip.extract(page, pipeline=pipeline or Pipeline())
    assert result.document.source_kind == "html"
    return render_markdown(dataclasses.replace(result, metadata=Metadata(title=TITLE)))


def body_of(rendered: str) -> str:
    head = f"# {TITLE}\n\n"
    assert rendered.startswith(head)
    return rendered[len(head) :]


def test_headings_keep_their_level() -> None:
    html = "".join(f"<h{n}>Level {n}</h{n}>" for n in range(2, 7))
    assert body_of(markdown(html)) == "\n\n".join("#" * n + f" Level {n}" for n in range(2, 7))


def test_heading_ending_in_hashes_is_not_a_closing_sequence() -> None:
    assert body_of(markdown("<h2>Learn C#</h2><h2>Part ##</h2>")) == ("## Learn C#\n\n## Part \\##")


def test_unordered_ordered_and_nested_lists() -> None:
    html = (
        "<ul><li>Apples<ul><li>Red</li><li>Green<ol><li>Granny</li><li>Smith</li></ol></li>"
        "</ul></li><li>Pears</li></ul>"
        "<ol><li>First</li><li>Second</li></ol>"
    )
    assert body_of(markdown(html)) == (
        "- Apples\n  - Red\n  - Green\n    1. Granny\n    2. Smith\n- Pears\n\n1. First\n2. Second"
    )


def test_nested_item_indented_under_a_wide_number() -> None:
    items = "".join(f"<li>Item {n}</li>" for n in range(1, 10))
    html = f"<ol>{items}<li>Ten<ul><li>Inside ten</li></ul></li></ol>"
    assert body_of(markdown(html)).endswith("9. Item 9\n10. Ten\n    - Inside ten")


def test_definition_list_nests_definitions_under_terms() -> None:
    html = "<dl><dt>Term</dt><dd>What it means</dd></dl>"
    assert body_of(markdown(html)) == "- Term\n  - What it means"


def test_list_item_paragraphs_are_items() -> None:
    html = "<ul><li><p>One paragraph</p></li><li><p>Another</p></li></ul>"
    assert body_of(markdown(html)) == "- One paragraph\n- Another"


def test_lists_split_by_a_removed_block_stay_two_lists() -> None:
    """A blank line alone would join them into one loose list: the second changes its
    markers, and the ordered list right after it keeps the changed style."""
    drop = Pipeline().add(
        lambda block: "test removal" if block.text == "DROP" else None, name="drop_marked"
    )
    html = (
        "<ul><li>a</li></ul><p>DROP</p><ul><li>b</li></ul><ol><li>c</li></ol>"
        "<p>DROP</p><ul><li>d</li></ul><p>kept</p><ul><li>e</li></ul>"
    )
    assert body_of(markdown(html, drop)) == "- a\n\n* b\n\n1) c\n\n- d\n\nkept\n\n- e"


def test_item_text_that_looks_like_markup_is_escaped() -> None:
    html = "<ul><li>- dash</li><li>1. number</li><li># hash</li></ul>"
    assert body_of(markdown(html)) == "- \\- dash\n- 1\\. number\n- \\# hash"


def test_table_rows_become_a_pipe_table() -> None:
    html = (
        "<table><thead><tr><th>Name</th><th>Value</th></tr></thead>"
        "<tbody><tr><td>a|b</td><td>1</td></tr><tr><td>c</td><td>2</td></tr></tbody></table>"
    )
    assert body_of(markdown(html)) == ("| Name | Value |\n| --- | --- |\n| a\\|b | 1 |\n| c | 2 |")


def test_a_hand_made_table_keeps_its_columns_and_empty_cells() -> None:
    html = (
        "<table><tr><th>City</th><th> Population </th><th>Note</th></tr>"
        "<tr><td>Oslo</td><td>709 037</td><td></td></tr>"
        "<tr><td>  Bergen\n</td><td>291 940</td><td>second <b>largest</b></td></tr>"
        "<tr><td>Tromsø</td><td>78 745</td></tr></table>"
    )
    assert body_of(markdown(html)) == (
        "| City | Population | Note |\n"
        "| --- | --- | --- |\n"
        "| Oslo | 709 037 |  |\n"
        "| Bergen | 291 940 | second largest |\n"
        "| Tromsø | 78 745 |  |"
    )


def test_a_second_header_row_starts_a_second_table() -> None:
    table = "<table><thead><tr><th>H{n}</th></tr></thead><tr><td>r{n}</td></tr></table>"
    html = table.format(n=1) + table.format(n=2)
    assert body_of(markdown(html)) == ("| H1 |\n| --- |\n| r1 |\n\n| H2 |\n| --- |\n| r2 |")


def test_one_row_table_is_a_paragraph() -> None:
    html = "<table><tr><td>- Only a layout cell</td></tr></table>"
    assert body_of(markdown(html)) == "\\- Only a layout cell"


def test_pipe_table_pads_short_rows_and_escapes_cells() -> None:
    rows = [("Name", "Price"), ("*Pro*", "5 | 6"), ("Lite",)]
    assert pipe_table(rows) == (
        "| Name | Price |\n| --- | --- |\n| \\*Pro\\* | 5 \\| 6 |\n| Lite |  |"
    )


def test_pre_is_fenced_code_with_its_indentation() -> None:
    html = "<pre><code>def f():\n    if x:\n        return '*'\n</code></pre>"
    assert body_of(markdown(html)) == ("```\ndef f():\n    if x:\n        return '*'\n```")


def test_fence_is_longer_than_any_backtick_run_inside() -> None:
    html = "<pre>text = '''\n```python\n````\n'''</pre>"
    assert body_of(markdown(html)) == "`````\ntext = '''\n```python\n````\n'''\n`````"


def test_blockquote_paragraphs_and_list() -> None:
    html = (
        "<blockquote><p>First quoted.</p><p>Second quoted.</p>"
        "<ul><li>quoted item</li></ul></blockquote>"
    )
    assert body_of(markdown(html)) == ("> First quoted.\n>\n> Second quoted.\n\n> - quoted item")


def test_nested_blockquote() -> None:
    html = "<blockquote><blockquote><p># Deep</p></blockquote></blockquote>"
    assert body_of(markdown(html)) == "> > \\# Deep"


def test_line_breaks_are_hard_breaks() -> None:
    html = "<p>Roses are red<br>- violets blue<br>1. rhyme</p>"
    assert body_of(markdown(html)) == "Roses are red\\\n\\- violets blue\\\n1\\. rhyme"


def test_caption_is_a_paragraph() -> None:
    html = "<figure><img src='x.png'><figcaption>A *caption*</figcaption></figure>"
    assert body_of(markdown(html)) == "A \\*caption\\*"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("# not a heading", "\\# not a heading", id="atx"),
        pytest.param("#hashtag stays", "#hashtag stays", id="hashtag"),
        pytest.param("1. not a list", "1\\. not a list", id="ordered"),
        pytest.param("2019) a year", "2019\\) a year", id="ordered-paren"),
        pytest.param("2019 was a year", "2019 was a year", id="number"),
        pytest.param("- not a bullet", "\\- not a bullet", id="dash"),
        pytest.param("+ plus", "\\+ plus", id="plus"),
        pytest.param("-5 degrees", "-5 degrees", id="negative"),
        pytest.param("> not a quote", "\\> not a quote", id="quote"),
        pytest.param("a > b", "a > b", id="greater"),
        pytest.param("---", "\\---", id="rule"),
        pytest.param("===", "\\===", id="setext"),
        pytest.param("* * *", "\\* * *", id="star-rule"),
        pytest.param("~~~", "\\~~~", id="tilde-fence"),
        pytest.param("[1]: a note", "\\[1]: a note", id="reference"),
        pytest.param("see [1] and [2]", "see [1] and [2]", id="brackets"),
        pytest.param("a [link](http://x)", "a \\[link](http://x)", id="link"),
        pytest.param("*bold* and **more**", "\\*bold\\* and \\*\\*more\\*\\*", id="stars"),
        pytest.param("5 * 3 = 15", "5 * 3 = 15", id="lone-star"),
        pytest.param("snake_case_name", "snake_case_name", id="intraword-underscore"),
        pytest.param("_emph_ and __init__", "\\_emph\\_ and \\_\\_init\\_\\_", id="underscore"),
        pytest.param("use `ls`", "use \\`ls\\`", id="backtick"),
        pytest.param("the <br> tag", "the \\<br> tag", id="tag"),
        pytest.param("if a < b", "if a < b", id="less"),
        pytest.param("&amp; is an entity", "\\&amp; is an entity", id="entity"),
        pytest.param("Q&A", "Q&A", id="ampersand"),
        pytest.param("C:\\dir\\*", "C:\\dir\\\\\\*", id="backslash"),
        pytest.param("C:\\dir", "C:\\dir", id="plain-backslash"),
    ],
)
def test_escape_line(text: str, expected: str) -> None:
    assert escape_line(text) == expected


def test_paragraph_is_escaped() -> None:
    html = "<p>1. Debugging: read *every* line &amp;amp; <code>&lt;br&gt;</code></p>"
    assert body_of(markdown(html)) == "1\\. Debugging: read \\*every\\* line \\&amp; \\<br>"


def test_title_is_escaped() -> None:
    result = boilerstrip.extract("<html><body><p>Body text.</p></body></html>", pipeline=Pipeline())
    titled = dataclasses.replace(result, metadata=Metadata(title="*Big* news #"))
    assert render_markdown(titled) == "# \\*Big\\* news \\#\n\nBody text."


def test_plain_text_renders_as_before() -> None:
    """Plain text carries no structure: lines print as they are, nothing is escaped."""
    text = "Some title line here\n\n# a line\n- another *line*\n\n1. Last paragraph."
    result = boilerstrip.extract(text, pipeline=Pipeline())
    assert result.document.source_kind == "text"
    assert {block.kind for block in result.kept} == {BlockKind.LINE}
    expected = render_text(result)
    if result.metadata.title:
        expected = f"# {result.metadata.title}\n\n{expected}"
    assert render_markdown(result) == expected


def test_every_kept_word_is_in_the_markdown() -> None:
    html = (
        "<h2>Mixed</h2><p>Text with *stars*.</p><ul><li>item</li></ul>"
        "<table><tr><td>x</td></tr><tr><td>y</td></tr></table><pre>  code</pre>"
        "<blockquote>quote</blockquote>"
    )
    page = f"<html><body>{html}</body></html>"
    result = boilerstrip.extract(page, pipeline=Pipeline())
    rendered = render_markdown(result)
    for block in result.kept:
        assert block.text.replace("*", "\\*") in rendered
