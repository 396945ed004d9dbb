"""The golden seed page: the scraped GlobalSecurity.org article the project started from.

``fixtures/seed/expected.json`` says exactly what cleaning it must give: the body paragraphs in
order, the title, byline and date, and every other block of the input with the category under
which it must be left out of the body.
"""

from __future__ import annotations

import codecs
import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest

import boilerstrip
from boilerstrip import Category, Decision, Result

SEED_DIR: Path = Path(__file__).resolve().parent.parent / "fixtures" / "seed"
SEED_PAGE: Path = SEED_DIR / "000_82ea82c038948d2e.txt"
EXPECTED_FILE: Path = SEED_DIR / "expected.json"

# Lines of expected["removed"] that the library currently leaves out under another category.
# Each is a known bug: strict xfail, so fixing it turns the test red until the mark goes.
KNOWN_CATEGORY_BUGS: dict[str, str] = {}


@cache
def expected() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(EXPECTED_FILE.read_text(encoding="utf-8"))
    return data


@cache
def seed_bytes() -> bytes:
    return SEED_PAGE.read_bytes()


@cache
def seed_text() -> str:
    return seed_bytes().decode("utf-8")


@cache
def extracted(source: str | bytes) -> Result:
    return boilerstrip.extract(source)


def expected_body() -> str:
    return "\n\n".join(expected()["body"])


def removed_lines() -> list[tuple[str, str]]:
    """(line, category) for every line of every expected removal, in file order."""
    return [
        (line, entry["category"])
        for entry in expected()["removed"]
        for line in entry["text"].split("\n")
    ]


def _line_params() -> list[Any]:
    params = []
    for line, category in removed_lines():
        marks = []
        if line in KNOWN_CATEGORY_BUGS:
            marks.append(pytest.mark.xfail(strict=True, reason=KNOWN_CATEGORY_BUGS[line]))
        params.append(pytest.param(line, category, marks=marks, id=line[:40]))
    return params


def decisions_for(result: Result, line: str) -> list[Decision | None]:
    """The verdicts of every block whose text is exactly ``line``; fails if there is none."""
    verdicts = [decision for block, decision in result.verdicts() if block.text == line]
    blocks = [block.text for block in result.document.blocks]
    assert verdicts, f"no block is exactly {line!r}; blocks are {blocks}"
    return verdicts


def test_expected_file_is_consistent() -> None:
    data = expected()
    assert data["source"] == SEED_PAGE.name
    assert data["body"] and data["removed"]
    for entry in data["removed"]:
        Category(entry["category"])  # raises on a category the library does not know


def test_clean_returns_exact_body() -> None:
    assert boilerstrip.clean(seed_text()) == expected_body()


def test_extract_body_matches_clean() -> None:
    assert extracted(seed_text()).body == expected_body()


@pytest.mark.parametrize("field", ["title", "byline", "date"])
def test_metadata(field: str) -> None:
    assert getattr(extracted(seed_text()).metadata, field) == expected()[field]


@pytest.mark.parametrize(("line", "category"), _line_params())
def test_removed_line_has_expected_category(line: str, category: str) -> None:
    for decision in decisions_for(extracted(seed_text()), line):
        assert decision is not None, f"{line!r} was kept; expected removal as {category}"
        assert decision.category == Category(category), (
            f"{line!r} removed as {decision.category.value} by {decision.filter} "
            f"({decision.code}: {decision.reason}); expected {category}"
        )


def test_every_input_block_is_body_or_expected_removal() -> None:
    result = extracted(seed_text())
    body = set(expected()["body"])
    removed = {line for line, _ in removed_lines()}
    for block, decision in result.verdicts():
        if decision is None:
            assert block.text in body, f"kept a block that is not body: {block.text!r}"
        else:
            assert block.text in removed, f"unexpected removal: {block.text!r} ({decision.code})"


def test_every_removal_has_a_reason() -> None:
    result = extracted(seed_text())
    assert result.removed
    for decision in result.removed:
        assert isinstance(decision.category, Category)
        assert decision.reason.strip(), f"empty reason for {decision.text!r}"
        assert decision.code.strip(), f"empty code for {decision.text!r}"
        assert decision.filter.strip(), f"no filter name for {decision.text!r}"


@pytest.mark.parametrize(
    "encode",
    [
        pytest.param(lambda text: text.encode("utf-8"), id="utf-8"),
        pytest.param(lambda text: codecs.BOM_UTF8 + text.encode("utf-8"), id="utf-8-bom"),
        pytest.param(lambda text: codecs.BOM_UTF16_LE + text.encode("utf-16-le"), id="utf-16"),
    ],
)
def test_bytes_input_gives_the_same_result(encode: Any) -> None:
    data: bytes = encode(seed_text())
    assert boilerstrip.clean(data) == expected_body()
    result = extracted(data)
    for field in ("title", "byline", "date"):
        assert getattr(result.metadata, field) == expected()[field]
    by_text = {(d.text, d.category) for d in result.removed}
    assert by_text == {(d.text, d.category) for d in extracted(seed_text()).removed}
    assert all(d.reason.strip() for d in result.removed)


def test_seed_file_bytes_are_clean_utf8() -> None:
    assert boilerstrip.clean(seed_bytes()) == expected_body()
