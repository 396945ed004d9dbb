"""Command line: ``boilerstrip FILE...`` prints the clean body of scraped pages.

One file prints its result as it is. Several files, a glob pattern or ``--output-dir`` run
a batch: each result goes to standard output under a header line (JSON Lines for
``--format json``) or to a file of its own, and a page that fails is reported on standard
error while the others still run.
"""

from __future__ import annotations

import argparse
import glob
import gzip
import io
import json
import os
import sys
import zlib
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from boilerstrip import __version__, compiled
from boilerstrip.document import DEFAULT_MAX_BYTES
from boilerstrip.errors import BoilerstripError
from boilerstrip.filters.base import Favor
from boilerstrip.pipeline import Pipeline
from boilerstrip.render import render_json, render_markdown, render_text, result_to_dict
from boilerstrip.result import Category, Result

_RENDERERS = {"text": render_text, "markdown": render_markdown, "json": render_json}
_SUFFIXES = {"text": ".txt", "markdown": ".md", "json": ".json"}
# ANSI colours for --explain: kept text plain, metadata blue, everything removed dim/red.
_GREEN, _BLUE, _RED, _DIM, _RESET = "\033[32m", "\033[34m", "\033[31m", "\033[2m", "\033[0m"
_GZIP_MAGIC = b"\x1f\x8b"
_STDIN = "-"


def _version() -> str:
    """The version, and whether the compiled speedups run (they change speed, not output)."""
    speedups = "compiled speedups" if compiled.ACTIVE else "pure Python"
    return f"boilerstrip {__version__} ({speedups})"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="boilerstrip",
        description="Strip boilerplate from scraped pages and print the article body.",
    )
    parser.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="a page as text or HTML, gzipped or not; '-' reads standard input; a quoted"
        " glob pattern ('pages/*.html.gz') is expanded",
    )
    parser.add_argument("--format", choices=sorted(_RENDERERS), default="text")
    parser.add_argument(
        "--explain", action="store_true", help="print every block with its verdict and reason"
    )
    parser.add_argument(
        "--output-dir",
        type=Path,
        metavar="DIR",
        help="write one file per page into DIR (NAME.txt, .md or .json) instead of stdout",
    )
    parser.add_argument("--rules", type=Path, help="a TOML file of extra phrase/pattern rules")
    parser.add_argument("--favor", choices=[f.value for f in Favor], default="balanced")
    parser.add_argument("--language", help="ISO 639-1 code, instead of the guess")
    parser.add_argument(
        "--url", help="the page's address (absolute http/https): metadata and site name"
    )
    parser.add_argument(
        "--input",
        choices=["auto", "text", "html"],
        default="auto",
        dest="input_format",
        help="what the files hold (auto: HTML is recognised by its start)",
    )
    parser.add_argument(
        "--without",
        action="append",
        default=[],
        metavar="FILTER",
        help="switch a built-in filter off (repeatable)",
    )
    parser.add_argument("--version", action="version", version=_version())
    return parser


# --- reading ---------------------------------------------------------------------------------
class _ReadError(BoilerstripError):
    """A page could not be read; the message names the file already."""


def _read_source(name: str) -> bytes:
    """The bytes of a page, gunzipped when they are gzip data, whatever the file is called."""
    if name == _STDIN:
        return _gunzipped(sys.stdin.buffer.read(), "standard input")
    path = Path(name)
    if path.is_dir():
        raise _ReadError(f"{name} is a directory, not a page")
    try:
        return _gunzipped(path.read_bytes(), name)
    except FileNotFoundError:
        raise _ReadError(f"no such file: {name}") from None
    except OSError as error:
        raise _ReadError(f"cannot read {name}: {error.strerror or error}") from None


def _gunzipped(data: bytes, name: str) -> bytes:
    if not data.startswith(_GZIP_MAGIC):
        return data
    try:
        # Reading stops one byte past the size limit: a small file that inflates to
        # gigabytes never fills memory.
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as unzipped:
            page = unzipped.read(DEFAULT_MAX_BYTES + 1)
    except (OSError, EOFError, zlib.error) as error:
        raise _ReadError(f"{name} is not valid gzip data: {error}") from None
    if len(page) > DEFAULT_MAX_BYTES:
        raise _ReadError(
            f"{name} decompresses to more than {DEFAULT_MAX_BYTES:,} bytes, the size limit"
        )
    return page


def _expand(arguments: Sequence[str]) -> tuple[list[str], list[str], bool]:
    """The files the arguments name (each once, in order), the patterns that matched
    nothing, and whether any pattern was expanded: a pattern means a batch, however many
    files it matches, so that a script's output does not change shape with the count."""
    names: list[str] = []
    unmatched: list[str] = []
    patterned = False
    for argument in arguments:
        # A file whose name holds '*' or '[' is still that file.
        if argument == _STDIN or not glob.has_magic(argument) or Path(argument).exists():
            names.append(argument)
            continue
        patterned = True
        matches = sorted(m for m in glob.glob(argument, recursive=True) if not Path(m).is_dir())
        if not matches:
            unmatched.append(argument)
        names.extend(matches)
    return list(dict.fromkeys(names)), unmatched, patterned


# --- extracting and rendering ----------------------------------------------------------------
def _pipeline(args: argparse.Namespace) -> Pipeline:
    pipeline = Pipeline.default().without(*args.without)
    if args.rules is not None:
        pipeline = pipeline.with_rules(args.rules)
    return pipeline


def _extract(pipeline: Pipeline, name: str, args: argparse.Namespace) -> Result:
    return pipeline.extract(
        _read_source(name),
        favor=args.favor,
        language=args.language,
        input_format=args.input_format,
        url=args.url,
    )


def _rendered(result: Result, args: argparse.Namespace, colour: bool) -> str:
    output = explain(result, colour) if args.explain else _RENDERERS[args.format](result)
    return output + "\n" if output else ""


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


def _stdout_colour() -> bool:
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ


# --- batch output ----------------------------------------------------------------------------
class _StdoutSink:
    """Results one after another on standard output, each found again by its file name:
    JSON Lines with a "file" key, or a ``==> FILE <==`` header line (as ``head`` writes)."""

    def __init__(self, args: argparse.Namespace, out: TextIO) -> None:
        self._args = args
        self._out = out
        self._colour = _stdout_colour()
        self._written = 0

    def write(self, name: str, result: Result) -> None:
        if self._args.format == "json" and not self._args.explain:
            entry = {"file": name, **result_to_dict(result)}
            text = json.dumps(entry, ensure_ascii=False) + "\n"
        else:
            separator = "\n" if self._written else ""
            text = f"{separator}==> {name} <==\n" + _rendered(result, self._args, self._colour)
        self._out.write(text)
        # Flushed page by page: a reader sees progress, and errors on stderr fall in place.
        self._out.flush()
        self._written += 1


class _DirectorySink:
    """One output file per page, named after it: ``page.html.gz`` -> ``DIR/page.md``."""

    def __init__(self, args: argparse.Namespace, names: Sequence[str]) -> None:
        self._args = args
        self._directory: Path = args.output_dir
        self._suffix = ".txt" if args.explain else _SUFFIXES[args.format]
        self._inputs = {Path(n).resolve() for n in names if n != _STDIN}
        self._claimed: dict[Path, str] = {}
        try:
            self._directory.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise BoilerstripError(
                f"cannot create {self._directory}: {error.strerror or error}"
            ) from None

    def write(self, name: str, result: Result) -> None:
        path = self._path_for(name)
        try:
            path.write_text(_rendered(result, self._args, colour=False), encoding="utf-8")
        except OSError as error:
            raise BoilerstripError(f"cannot write {path}: {error.strerror or error}") from None

    def _path_for(self, name: str) -> Path:
        base = "stdin" if name == _STDIN else Path(name).name
        if base.lower().endswith(".gz"):
            base = base[: -len(".gz")]
        path = self._directory / (Path(base).stem + self._suffix)
        # Never overwrite a page of this batch, nor the output of another one.
        if path.resolve() in self._inputs:
            raise BoilerstripError(f"{path} is an input; choose another --output-dir")
        other = self._claimed.setdefault(path, name)
        if other != name:
            raise BoilerstripError(f"{path} already holds the output of {other}")
        return path


def _run_batch(
    pipeline: Pipeline, names: Sequence[str], unmatched: Sequence[str], args: argparse.Namespace
) -> int:
    """Every page in turn; a page that fails is reported and the others still run."""
    failures = len(unmatched)
    for pattern in unmatched:
        _error(f"no file matches {pattern}")
    sink: _StdoutSink | _DirectorySink
    try:
        sink = _DirectorySink(args, names) if args.output_dir else _StdoutSink(args, sys.stdout)
    except BoilerstripError as error:
        _error(str(error))
        return 1
    for name in names:
        try:
            sink.write(name, _extract(pipeline, name, args))
        except _ReadError as error:
            failures += 1
            _error(str(error))
        except BoilerstripError as error:
            failures += 1
            _error(f"{name}: {error}")
        except BrokenPipeError:
            raise
        except Exception as error:
            # A bug on one page must not lose the rest of a long batch; it still fails it.
            failures += 1
            _error(f"{name}: unexpected {type(error).__name__}: {error}")
    return 1 if failures else 0


# --- entry point -----------------------------------------------------------------------------
def _error(message: str) -> None:
    print(f"boilerstrip: error: {message}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``boilerstrip`` command; returns the exit code."""
    try:
        return _main(_parser().parse_args(argv))
    except BrokenPipeError:
        # The reader went away (``| head``): stop quietly, and keep Python from failing
        # again on flushing the closed stdout at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


def _main(args: argparse.Namespace) -> int:
    names, unmatched, patterned = _expand(args.files)
    try:
        pipeline = _pipeline(args)
        if len(names) == 1 and not (patterned or unmatched or args.output_dir):
            output = _rendered(_extract(pipeline, names[0], args), args, _stdout_colour())
            sys.stdout.write(output)
            return 0
    except BoilerstripError as error:
        _error(str(error))
        return 1
    return _run_batch(pipeline, names, unmatched, args)


if __name__ == "__main__":
    sys.exit(main())
