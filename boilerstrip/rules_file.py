"""Phrase and pattern rules from a TOML file: data only, never code.

```toml
[[rule]]
name = "promo_code"            # unique; shows up as the filter name in every decision
category = "advertisement"     # one of boilerstrip.Category
phrases = ["use code", "promo code"]      # whole words, any case
patterns = ['\\bcode\\s+[A-Z0-9]{4,}\\b']   # `regex` syntax, run with a time budget
max_words = 30                 # optional: only judge blocks this short
timeout = 0.25                 # optional: seconds per block for each pattern
```
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from boilerstrip.errors import RuleError
from boilerstrip.filters.base import BlockFilter
from boilerstrip.filters.rules import DEFAULT_PATTERN_TIMEOUT, PatternRule, PhraseRule, to_category

_KEYS = frozenset({"name", "category", "phrases", "patterns", "max_words", "timeout"})


def load_rules(path: str | Path) -> list[BlockFilter]:
    """The rules of the TOML file at ``path``; any mistake is a ``RuleError`` naming it."""
    file = Path(path)
    try:
        data = tomllib.loads(file.read_text(encoding="utf-8"))
    except OSError as error:
        raise RuleError(f"cannot read rules file {file}: {error.strerror or error}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise RuleError(f"rules file {file} is not valid TOML: {error}") from None
    entries = data.get("rule")
    if not isinstance(entries, list) or not entries:
        raise RuleError(f"rules file {file} has no [[rule]] tables")
    rules: list[BlockFilter] = []
    for number, entry in enumerate(entries, start=1):
        rules.extend(_rules_of(entry, f"{file} rule #{number}"))
    return rules


def _rules_of(entry: object, where: str) -> list[BlockFilter]:
    if not isinstance(entry, dict):
        raise RuleError(f"{where}: a [[rule]] must be a table")
    unknown = sorted(set(entry) - _KEYS)
    if unknown:
        raise RuleError(f"{where}: unknown key {unknown[0]!r}; allowed: {', '.join(sorted(_KEYS))}")
    name = entry.get("name")
    if not isinstance(name, str) or not name:
        raise RuleError(f"{where}: 'name' must be a non-empty string")
    category = to_category(str(_typed(entry, "category", str, where, "other")), name)
    max_words = _optional_int(_typed(entry, "max_words", int, where, None))
    timeout = float(str(_typed(entry, "timeout", (int, float), where, DEFAULT_PATTERN_TIMEOUT)))
    phrases = _string_list(entry, "phrases", where)
    patterns = _string_list(entry, "patterns", where)
    if not phrases and not patterns:
        raise RuleError(f"{where} ({name!r}): give 'phrases' or 'patterns'")
    rules: list[BlockFilter] = []
    if phrases:
        rules.append(PhraseRule(name, tuple(phrases), category, max_words))
    for number, pattern in enumerate(patterns, start=1):
        rule_name = name if not phrases and len(patterns) == 1 else f"{name}.pattern{number}"
        rules.append(PatternRule(rule_name, pattern, category, max_words, timeout))
    return rules


def _optional_int(value: object) -> int | None:
    return value if isinstance(value, int) else None


def _typed(
    entry: dict[str, object],
    key: str,
    kind: type | tuple[type, ...],
    where: str,
    default: object,
) -> object:
    value = entry.get(key, default)
    if value is not default and (not isinstance(value, kind) or isinstance(value, bool)):
        raise RuleError(f"{where}: {key!r} has the wrong type ({type(value).__name__})")
    return value


def _string_list(entry: dict[str, object], key: str, where: str) -> list[str]:
    value = entry.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise RuleError(f"{where}: {key!r} must be a list of strings")
    return list(value)
