"""User rules: plain functions, regex patterns and phrase lists wrapped as block filters."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass, field

import regex

from boilerstrip.blocks import Block
from boilerstrip.errors import FilterContractError, RuleError, RuleTimeoutError
from boilerstrip.filters.base import BlockFilter, Context
from boilerstrip.lexicon.tokens import phrase_key
from boilerstrip.result import Category, Removal

# Seconds one user pattern may spend on one block before the rule is declared broken.
DEFAULT_PATTERN_TIMEOUT = 0.25

RuleFunction = Callable[..., object]


def to_category(value: Category | str, rule_name: str) -> Category:
    """``value`` as a ``Category``; an unknown name is a ``RuleError`` naming the rule."""
    try:
        return Category(value)
    except ValueError:
        known = ", ".join(c.value for c in Category)
        raise RuleError(f"rule {rule_name!r}: unknown category {value!r}; known: {known}") from None


@dataclass(frozen=True)
class FunctionRule(BlockFilter):
    """A function ``(block) -> reason | None`` (or ``(block, ctx)``) used as a block filter.

    The function may return a reason string, a ``Removal``, ``None``/``False`` to keep the
    block; anything else is a contract error that names the rule.
    """

    function: RuleFunction
    category: Category = Category.OTHER
    name: str = ""
    _wants_context: bool = field(init=False, repr=False, compare=False, default=False)

    def __post_init__(self) -> None:
        if not self.name:
            object.__setattr__(self, "name", getattr(self.function, "__name__", "rule"))
        object.__setattr__(self, "category", to_category(self.category, self.name))
        object.__setattr__(self, "_wants_context", _takes_two_arguments(self.function))

    def check(self, block: Block, ctx: Context) -> Removal | None:
        answer = self.function(block, ctx) if self._wants_context else self.function(block)
        if answer is None or answer is False:
            return None
        if isinstance(answer, Removal):
            return answer
        if isinstance(answer, str):
            return Removal(self.category, self.name, answer or f"matched rule {self.name!r}")
        raise FilterContractError(
            f"rule {self.name!r} returned {type(answer).__name__}; a rule returns a reason "
            "string, a boilerstrip.Removal, or None to keep the block"
        )


def _takes_two_arguments(function: RuleFunction) -> bool:
    try:
        parameters = inspect.signature(function).parameters.values()
    except (TypeError, ValueError):
        return False
    positional = [p for p in parameters if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    return len(positional) >= 2


@dataclass(frozen=True)
class PatternRule(BlockFilter):
    """Removes blocks a user regex (``regex`` syntax) finds, with a per-block time budget."""

    name: str
    pattern: str
    category: Category = Category.OTHER
    max_words: int | None = None
    timeout: float = DEFAULT_PATTERN_TIMEOUT
    _compiled: regex.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "category", to_category(self.category, self.name))
        try:
            compiled = regex.compile(self.pattern, regex.IGNORECASE | regex.VERSION1)
        except regex.error as error:
            raise RuleError(f"rule {self.name!r}: bad pattern {self.pattern!r}: {error}") from None
        object.__setattr__(self, "_compiled", compiled)

    def check(self, block: Block, ctx: Context) -> Removal | None:
        if self.max_words is not None and block.stats.words > self.max_words:
            return None
        try:
            match = self._compiled.search(block.text, timeout=self.timeout)
        except TimeoutError:
            raise RuleTimeoutError(
                f"rule {self.name!r}: pattern {self.pattern!r} ran over {self.timeout}s on "
                f"block {block.index} ({len(block.text)} chars); simplify the pattern"
            ) from None
        if match is None:
            return None
        return Removal(
            self.category, self.name, f"pattern {self.name!r} matched {match.group(0)!r}"
        )


@dataclass(frozen=True)
class PhraseRule(BlockFilter):
    """Removes blocks containing one of ``phrases`` (whole words, any case)."""

    name: str
    phrases: tuple[str, ...]
    category: Category = Category.OTHER
    max_words: int | None = None
    _keys: dict[tuple[str, ...], str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "category", to_category(self.category, self.name))
        keys = {phrase_key(p): p for p in self.phrases if phrase_key(p)}
        if not keys:
            raise RuleError(f"rule {self.name!r}: no usable phrase in {list(self.phrases)!r}")
        object.__setattr__(self, "_keys", keys)

    def check(self, block: Block, ctx: Context) -> Removal | None:
        if self.max_words is not None and block.stats.words > self.max_words:
            return None
        phrase = _find_key(block.words, self._keys)
        if phrase is None:
            return None
        return Removal(self.category, self.name, f"phrase {phrase!r} of rule {self.name!r}")


def _find_key(words: tuple[str, ...], keys: dict[tuple[str, ...], str]) -> str | None:
    sizes = sorted({len(k) for k in keys}, reverse=True)
    for start in range(len(words)):
        for size in sizes:
            found = keys.get(tuple(words[start : start + size]))
            if found is not None:
                return found
    return None
