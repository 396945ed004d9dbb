"""Contracts of ``clean``/``extract``, the ``Pipeline`` API, user rules and rules files."""

from __future__ import annotations

import codecs
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
import regex

import boilerstrip
from boilerstrip import (
    Block,
    Category,
    Context,
    DocumentFilter,
    FilterContractError,
    Pipeline,
    Removal,
    RuleError,
)

if TYPE_CHECKING:
    from conftest import Kit

DEFAULT_NAMES = (
    "metadata", "dom", "advertisement", "newsletter", "cookie", "social", "legal",
    "navigation", "related", "comments", "duplicates", "main_body", "site_template",
)  # fmt: skip
PUBLIC = [
    "BatchItem", "Block", "BlockFilter", "BlockKind", "BoilerstripError", "Category", "Context",
    "Decision", "Document", "DocumentFilter", "ExtractionTimeoutError", "Favor",
    "FilterContractError", "InputTooLargeError", "InputTypeError", "InvalidOptionError",
    "Metadata", "MissingExtraError", "PageResult", "PageType", "PatternRule",
    "PhraseRule", "Pipeline", "Removal", "Result", "RuleError", "RuleTimeoutError",
    "SiteTemplate", "TemplateError",
    "TextStats", "UnknownFilterError", "__version__", "clean", "clean_many", "extract",
    "extract_many", "learn_templates_by_host", "load_rules",
    "register", "registered_names", "rule", "unregister",
]  # fmt: skip
PROMO = "Use code SAVE20 at checkout"


def test_public_surface_is_pinned() -> None:
    assert sorted(boilerstrip.__all__) == PUBLIC
    assert all(hasattr(boilerstrip, name) for name in PUBLIC)


# --- clean / extract ---------------------------------------------------------------------
def _sources(body: str) -> list[bytes]:
    return [
        body.encode("utf-8"),
        codecs.BOM_UTF8 + body.encode("utf-8"),
        codecs.BOM_UTF16_LE + body.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + body.encode("utf-16-be"),
        body.encode("utf-16"),
    ]


def test_bytes_in_any_bom_encoding_match_str(kit: type[Kit]) -> None:
    body = kit.text(kit.prose)
    expected = boilerstrip.clean(body)
    assert expected == body
    for data in _sources(body):
        assert boilerstrip.clean(data) == expected


def test_latin1_bytes_are_decoded(kit: type[Kit]) -> None:
    text = "Le café était plein, et la conversation portait sur le budget de la ville."
    out = boilerstrip.clean((text + "\n\n" + kit.prose[0]).encode("latin-1"))
    assert "café était" in out


@pytest.mark.parametrize(
    "data", [b"abc \xc3\x28 def \xff\xfe", b"\x80\x81\x82 The quick.", b"\xc3", bytes(range(256))]
)
def test_invalid_bytes_never_raise(data: bytes) -> None:
    assert isinstance(boilerstrip.clean(data), str)
    assert isinstance(boilerstrip.extract(bytearray(data)).body, str)


@pytest.mark.parametrize(("source", "type_name"), [(None, "NoneType"), (3, "int"), ([], "list")])
def test_wrong_input_type(source: object, type_name: str) -> None:
    with pytest.raises(boilerstrip.InputTypeError, match=type_name) as info:
        boilerstrip.clean(source)  # type: ignore[arg-type]
    assert isinstance(info.value, TypeError)
    assert isinstance(info.value, boilerstrip.BoilerstripError)


@pytest.mark.parametrize("source", ["", "   ", "\n\n\t \n", b"", b"  \r\n "])
def test_empty_input_returns_empty(source: str | bytes) -> None:
    assert boilerstrip.clean(source) == ""
    assert boilerstrip.extract(source).removed == ()


@pytest.mark.parametrize("source", ["x" * 100, b"x" * 100])
def test_max_bytes(source: str | bytes) -> None:
    with pytest.raises(boilerstrip.InputTooLargeError, match="max_bytes=10"):
        boilerstrip.clean(source, max_bytes=10)
    assert boilerstrip.clean(source, max_bytes=None) == "x" * 100


@pytest.mark.parametrize("favor", ["precision", "balanced", "recall", boilerstrip.Favor.RECALL])
def test_favor_settings_accepted(kit: type[Kit], favor: str) -> None:
    assert boilerstrip.clean(kit.text(kit.prose), favor=favor) == kit.text(kit.prose)


def test_unknown_favor_rejected() -> None:
    with pytest.raises(boilerstrip.InvalidOptionError, match="precision, balanced, recall"):
        boilerstrip.clean("Some text.", favor="fast")
    # It is a ValueError too, for callers that catch the builtin.
    assert issubclass(boilerstrip.InvalidOptionError, ValueError)


def test_tiny_timeout_on_large_input(kit: type[Kit]) -> None:
    big = kit.text(list(kit.prose) * 2000)
    with pytest.raises(boilerstrip.ExtractionTimeoutError):
        boilerstrip.clean(big, timeout=0)


def test_extract_reports_removals_with_filter_category_and_code(kit: type[Kit]) -> None:
    result = boilerstrip.extract(kit.text(["Skip to content", *kit.prose, "Share this article"]))
    assert [(d.filter, d.category.value, d.code) for d in result.removed] == [
        ("navigation", "navigation", "navigation_prompt"),
        ("social", "social", "share_prompt"),
    ]
    assert result.counts() == {"navigation": 1, "social": 1}
    assert result.body == kit.text(kit.prose)


# --- Pipeline editing --------------------------------------------------------------------
def _promo(block: Block) -> str | None:
    return "promo code line" if "SAVE20" in block.text else None


def test_default_names_and_without() -> None:
    assert Pipeline.default().names == DEFAULT_NAMES
    assert "navigation" not in Pipeline.default().without("navigation").names
    assert len(Pipeline.default().without("navigation", "legal").names) == len(DEFAULT_NAMES) - 2


def test_unknown_filter_name_lists_known_names() -> None:
    with pytest.raises(boilerstrip.UnknownFilterError) as info:
        Pipeline.default().without("navigaton")
    message = str(info.value)
    assert "'navigaton'" in message
    assert all(name in message for name in DEFAULT_NAMES)
    assert isinstance(info.value, KeyError)


def test_add_before_and_run(kit: type[Kit]) -> None:
    pipeline = Pipeline.default().add(_promo, before="duplicates")
    assert pipeline.names[-4:] == ("_promo", "duplicates", "main_body", "site_template")
    assert Pipeline.default().names == DEFAULT_NAMES  # the original is unchanged
    p0, p1, p2 = kit.prose
    decision = kit.verdict(pipeline.extract(kit.text([p0, p1, PROMO, p2])), PROMO)
    assert decision is not None
    assert (decision.filter, decision.category, decision.code) == ("_promo", "other", "_promo")
    assert decision.reason == "promo code line"


def test_add_refuses_duplicate_name_and_both_positions() -> None:
    with pytest.raises(RuleError, match="_promo"):
        Pipeline.default().add(_promo).add(_promo)
    with pytest.raises(RuleError, match="before= or after="):
        Pipeline.default().add(_promo, before="legal", after="legal")


def test_rule_decorator_registration(kit: type[Kit]) -> None:
    name = "test_api_pipeline_promo_rule"
    boilerstrip.rule(name, category="advertisement")(_promo)
    try:
        assert name in boilerstrip.registered_names()
        result = Pipeline.default().add(name).extract(kit.text([*kit.prose, PROMO]))
        assert kit.code(result, PROMO) == ("advertisement", name)
        with pytest.raises(RuleError, match="already registered"):
            boilerstrip.rule(name)(_promo)
    finally:
        boilerstrip.unregister(name)
    assert name not in boilerstrip.registered_names()
    with pytest.raises(boilerstrip.UnknownFilterError):
        boilerstrip.unregister(name)


def test_rule_with_unknown_category_is_refused() -> None:
    name = "test_api_pipeline_bad_category"
    with pytest.raises(RuleError, match=name):
        boilerstrip.rule(name, category="spam")(_promo)
    assert name not in boilerstrip.registered_names()


def test_rule_returning_int_is_a_contract_error(kit: type[Kit]) -> None:
    def counts_words(block: Block) -> int:
        return block.stats.words

    with pytest.raises(FilterContractError, match=r"counts_words.*int"):
        Pipeline([counts_words]).extract(kit.text(kit.prose))


class _Yields(DocumentFilter):
    def __init__(self, name: str, make: object) -> None:
        self.name = name
        self.make = make

    def run(self, ctx: Context, kept: Sequence[Block]) -> Iterable[tuple[Block, Removal]]:
        return self.make(ctx, kept)  # type: ignore[operator, no-any-return]


def _items(*items: object) -> object:
    def make(ctx: Context, kept: Sequence[Block]) -> Iterator[object]:
        yield from items

    return make


FOREIGN = boilerstrip.extract("Another document entirely.").document.blocks[0]
WRONG_PASSES = [
    ("yields_str", _items("nope"), "yielded 'nope'"),
    ("yields_none", lambda ctx, kept: None, "returned None"),
    ("yields_foreign", _items((FOREIGN, Removal(Category.OTHER, "x", "y"))), "not of this"),
    ("yields_reason", lambda ctx, kept: iter([(kept[0], "reason")]), "returned str"),
]


@pytest.mark.parametrize(("name", "make", "message"), WRONG_PASSES)
def test_document_filter_contract(kit: type[Kit], name: str, make: object, message: str) -> None:
    with pytest.raises(FilterContractError, match=message) as info:
        Pipeline([_Yields(name, make)]).extract(kit.text(kit.prose))
    assert name in str(info.value)


def test_non_filter_object_is_refused() -> None:
    with pytest.raises(FilterContractError, match="cannot use"):
        Pipeline([42])


# --- rules files -------------------------------------------------------------------------
RULES = """
[[rule]]
name = "promo_code"
category = "advertisement"
phrases = ["use code", "promo code"]
patterns = ['\\bcode\\s+[A-Z0-9]{4,}\\b']
max_words = 30

[[rule]]
name = "podcast"
patterns = ['^listen to (the|our) podcast']
"""


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "rules.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_load_rules(tmp_path: Path) -> None:
    rules = boilerstrip.load_rules(_write(tmp_path, RULES))
    assert [(type(r).__name__, r.name) for r in rules] == [
        ("PhraseRule", "promo_code"),
        ("PatternRule", "promo_code.pattern1"),
        ("PatternRule", "podcast"),
    ]


def test_with_rules_removes_matches(kit: type[Kit], tmp_path: Path) -> None:
    pipeline = Pipeline.default().with_rules(_write(tmp_path, RULES))
    lines = [*kit.prose, PROMO, "Get 10% off with CODE ABCD1", "Listen to our podcast"]
    result = pipeline.extract(kit.text(lines))
    assert [(d.filter, d.category.value) for d in result.removed] == [
        ("promo_code", "advertisement"),
        ("promo_code.pattern1", "advertisement"),
        ("podcast", "other"),
    ]
    assert result.body == kit.text(kit.prose)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[[rule]\nname=", "not valid TOML"),
        ('[[rule]]\nname="r1"\nphrase=["x"]\n', "unknown key 'phrase'"),
        ('[[rule]]\nname="r2"\ncategory="spam"\nphrases=["x"]\n', "rule 'r2'.*spam"),
        ('[[rule]]\nname="r3"\npatterns=["(unclosed"]\n', "rule 'r3'.*bad pattern"),
        ("", "no \\[\\[rule\\]\\] tables"),
        ('[[rule]]\nname="r4"\n', "'r4'.*phrases' or 'patterns'"),
        ('[[rule]]\nname="r5"\nphrases=["x"]\nmax_words="3"\n', "max_words"),
        ('[[rule]]\nphrases=["x"]\n', "'name' must be"),
    ],
)
def test_bad_rules_files(tmp_path: Path, text: str, message: str) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(RuleError, match=message) as info:
        boilerstrip.load_rules(path)
    with pytest.raises(RuleError):
        Pipeline.default().with_rules(path)
    if "rule '" not in message:
        assert str(path) in str(info.value)


def test_missing_rules_file(tmp_path: Path) -> None:
    with pytest.raises(RuleError, match="cannot read"):
        boilerstrip.load_rules(tmp_path / "missing.toml")


def test_catastrophic_pattern_times_out(kit: type[Kit], tmp_path: Path) -> None:
    # `(a+)+$` is optimised by the `regex` engine; `(a|aa)+$` still backtracks exponentially.
    rules = '[[rule]]\nname="evil"\npatterns=["(a|aa)+$"]\ntimeout=0.05\n'
    pipeline = Pipeline.default().with_rules(_write(tmp_path, rules))
    with pytest.raises(boilerstrip.RuleTimeoutError, match="rule 'evil'"):
        pipeline.extract(kit.text([*kit.prose, "a" * 60 + "!"]))


def test_context_finds_blocks_by_substring_pattern_and_category(kit: type[Kit]) -> None:
    # What custom document filters use to pick candidates without a Python pass per block.
    ctx = kit.context(
        [
            "Home | News | Sport",
            "The COUNCIL met on Tuesday, said the minister.",
            "12 comments",
            "Share on Facebook",
            # A dotted capital I lowers to two characters: later offsets must still map.
            "İSTANBUL İZMİR council",
            "Council budget",
        ]
    )
    assert ctx.blocks_containing("council") == [1, 4, 5]
    assert ctx.blocks_containing("|", "facebook") == [0, 3]
    assert ctx.blocks_containing("nowhere") == []
    assert ctx.blocks_matching(regex.compile(r"^\d+ comments$", regex.MULTILINE)) == [2]
    assert ctx.blocks_with("social") == [3]


def test_context_substring_offsets_survive_letters_that_lower_longer(kit: type[Kit]) -> None:
    # "İ".lower() is two characters: ten of them had moved "comment" into the next block.
    ctx = kit.context(["İ" * 10 + " comment", "Next line here"])
    assert ctx.blocks_containing("comment") == [0]
    assert ctx.blocks_containing("next", "İ".lower()[0]) == [0, 1]
