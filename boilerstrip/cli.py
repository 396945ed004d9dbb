"""Command line: ``boilerstrip FILE`` prints the clean body of a scraped page."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from boilerstrip import __version__
from boilerstrip.errors import BoilerstripError
from boilerstrip.filters.base import Favor
from boilerstrip.pipeline import Pipeline
from boilerstrip.render import render_json, render_markdown, render_text
from boilerstrip.result import Category, Result

_RENDERERS = {"text": render_text, "markdown": render_markdown, "json": render_json}
# ANSI colours for --explain: kept text plain, metadata blue, everything removed dim/red.
_GREEN, _BLUE, _RED, _DIM, _RESET = "\033[32m", "\033[34m", "\033[31m", "\033[2m", "\033[0m"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="boilerstrip",
        description="Strip boilerplate from a scraped page and print the article body.",
    )
    parser.add_argument("file", help="the page as text ('-' reads standard input)")
    parser.add_argument("--format", choices=sorted(_RENDERERS), default="text")
    parser.add_argument(
        "--explain", action="store_true", help="print every block with its verdict and reason"
    )
    parser.add_argument("--rules", type=Path, help="a TOML file of extra phrase/pattern rules")
    parser.add_argument("--favor", choices=[f.value for f in Favor], default="balanced")
    parser.add_argument("--language", help="ISO 639-1 code, instead of the guess")
    parser.add_argument(
        "--input",
        choices=["auto", "text", "html"],
        default="auto",
        dest="input_format",
        help="what the file holds (auto: HTML is recognised by its start)",
    )
    parser.add_argument(
        "--without",
        action="append",
        default=[],
        metavar="FILTER",
        help="switch a built-in filter off (repeatable)",
    )
    parser.add_argument("--version", action="version", version=f"boilerstrip {__version__}")
    return parser


def _read_source(name: str) -> bytes:
    if name == "-":
        return sys.stdin.buffer.read()
    path = Path(name)
    if path.is_dir():
        raise BoilerstripError(f"{name} is a directory, not a page")
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise BoilerstripError(f"no such file: {name}") from None
    except OSError as error:
        raise BoilerstripError(f"cannot read {name}: {error.strerror or error}") from None


def explain(result: Result, colour: bool) -> str:
    """Every block, one per line: verdict, category, filter, reason and the text."""
    lines = []
    for block, decision in result.verdicts():
        if decision is None:
            verdict, paint = "KEEP", _GREEN
            detail = ""
        else:
            meta = decision.category in (Category.TITLE, Category.METADATA)
            verdict, paint = decision.category.value.upper(), _BLUE if meta else _RED
            detail = f" [{decision.filter}: {decision.reason}]"
        text = block.text if len(block.text) <= 100 else block.text[:97] + "..."
        if colour:
            lines.append(
                f"{paint}{verdict:<13}{_RESET}{block.index:>4} {text}{_DIM}{detail}{_RESET}"
            )
        else:
            lines.append(f"{verdict:<13}{block.index:>4} {text}{detail}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``boilerstrip`` command; returns the exit code."""
    args = _parser().parse_args(argv)
    try:
        pipeline = Pipeline.default().without(*args.without)
        if args.rules is not None:
            pipeline = pipeline.with_rules(args.rules)
        result = pipeline.extract(
            _read_source(args.file),
            favor=args.favor,
            language=args.language,
            input_format=args.input_format,
        )
    except BoilerstripError as error:
        print(f"boilerstrip: error: {error}", file=sys.stderr)
        return 1
    if args.explain:
        colour = sys.stdout.isatty() and "NO_COLOR" not in os.environ
        output = explain(result, colour)
    else:
        output = _RENDERERS[args.format](result)
    sys.stdout.write(output + "\n" if output else "")
    return 0


if __name__ == "__main__":
    sys.exit(main())
