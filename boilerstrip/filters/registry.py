"""The explicit registry of named filters (built-in and user), with helpful errors."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from boilerstrip.errors import FilterContractError, RuleError, UnknownFilterError
from boilerstrip.filters.base import BlockFilter, DocumentFilter, Filter
from boilerstrip.filters.rules import FunctionRule, RuleFunction, to_category
from boilerstrip.result import Category

_REGISTRY: dict[str, Filter] = {}
_BUILTIN_NAMES: set[str] = set()
F = TypeVar("F", bound=RuleFunction)


def register(
    name: str,
    obj: Filter | type[Filter] | RuleFunction,
    *,
    category: Category | str = Category.OTHER,
) -> Filter:
    """Register ``obj`` (a filter, a filter class or a rule function) under ``name``.

    A name can be registered once; registering it again is a ``RuleError``.
    """
    if not name or not isinstance(name, str):
        raise RuleError(f"a filter name must be a non-empty string, got {name!r}")
    if name in _REGISTRY:
        raise RuleError(f"a filter named {name!r} is already registered; choose another name")
    filter_ = as_filter(obj, name=name, category=category)
    _REGISTRY[name] = filter_
    return filter_


def rule(name: str, *, category: Category | str = Category.OTHER) -> Callable[[F], F]:
    """Decorator registering a per-block rule function under ``name``.

    The function takes a ``Block`` (and optionally the call's ``Context``) and returns a
    reason string when the block is boilerplate, ``None`` otherwise.
    """

    def decorate(function: F) -> F:
        register(name, function, category=category)
        return function

    return decorate


def unregister(name: str) -> None:
    """Remove a user registration (tests and interactive sessions need to undo one).

    Built-in filters stay: switch one off per pipeline with ``Pipeline.without``.
    """
    get_filter(name)
    if name in _BUILTIN_NAMES:
        raise RuleError(
            f"{name!r} is a built-in filter and cannot be unregistered; "
            f"use Pipeline.default().without({name!r})"
        )
    del _REGISTRY[name]


def mark_builtin(*names: str) -> None:
    """Protect the named (already registered) filters from ``unregister``."""
    _BUILTIN_NAMES.update(names)


def get_filter(name: str) -> Filter:
    """The filter registered as ``name``; an unknown name lists the known ones."""
    try:
        return _REGISTRY[name]
    except KeyError:
        known = ", ".join(sorted(_REGISTRY))
        raise UnknownFilterError(f"no filter named {name!r}; known filters: {known}") from None


def registered_names() -> tuple[str, ...]:
    return tuple(sorted(_REGISTRY))


def as_filter(
    obj: object, *, name: str | None = None, category: Category | str = Category.OTHER
) -> Filter:
    """Normalise a filter, filter class, registered name or function into a filter."""
    if isinstance(obj, str):
        return get_filter(obj)
    if isinstance(obj, type) and issubclass(obj, (BlockFilter, DocumentFilter)):
        obj = obj()
    if isinstance(obj, (BlockFilter, DocumentFilter)):
        return _named(obj, name)
    if callable(obj):
        rule_name = name or str(getattr(obj, "__name__", "rule"))
        return FunctionRule(obj, category=to_category(category, rule_name), name=rule_name)
    raise FilterContractError(
        f"cannot use {obj!r} as a filter: pass a registered name, a BlockFilter or "
        "DocumentFilter (instance or class), or a function (block) -> reason | None"
    )


def _named(filter_: Filter, name: str | None) -> Filter:
    if not getattr(filter_, "name", "") and not name:
        raise RuleError(f"filter {filter_!r} has no name; give it a 'name' attribute")
    if name and getattr(filter_, "name", "") != name:
        try:
            filter_.name = name
        except (AttributeError, TypeError):
            import dataclasses

            if dataclasses.is_dataclass(filter_):
                return dataclasses.replace(filter_, name=name)
            raise
    return filter_
