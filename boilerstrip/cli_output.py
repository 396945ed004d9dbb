"""What the command line writes: one page's rendering, and a batch's results in turn.

A batch of files goes to standard output under ``==> FILE <==`` header lines (JSON Lines
for ``--format json``) or to a file per page; records (JSON Lines or WARC input) always come
out as JSON Lines, each carrying the record's id and url. Every write is whole: Ctrl-C
during a batch leaves complete lines behind.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from boilerstrip.batch import Identifier
from boilerstrip.errors import BoilerstripError
from boilerstrip.render import render_json, render_markdown, render_text, result_to_dict
from boilerstrip.result import Category, Result
from boilerstrip.sources import STDIN

RENDERERS = {"text": render_text, "markdown": render_markdown, "json": render_json}
_SUFFIXES = {"text": ".txt", "markdown": ".md", "json": ".json"}
# The key of a record's rendering in its JSON line (--format json spreads the whole result).
_RECORD_KEYS = {"text": "body", "markdown": "markdown"}
# ANSI colours for --explain: kept text plain, metadata blue, everything removed dim/red.
_GREEN, _BLUE, _RED, _DIM, _RESET = "\033[32m", "\033[34m", "\033[31m", "\033[2m", "\033[0m"


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a result's page came from: its file, and a record's id and url."""

    file: str
    id: Identifier | None = None
    url: str | None = None


def rendered(result: Result, args: argparse.Namespace, colour: bool) -> str:
    output = explain(result, colour) if args.explain else RENDERERS[args.format](result)
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


def stdout_colour() -> bool:
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ


@contextmanager
def _uninterruptible() -> Iterator[None]:
    """Ctrl-C held back until the block is done: a write cut by a signal could leave half a
    line, which a reader of JSON Lines would choke on. (POSIX only; elsewhere a no-op.)"""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def write_whole(out: TextIO, text: str) -> None:
    """Write and flush ``text`` in one piece; flushed page by page, a reader sees progress
    and errors on stderr fall in place."""
    with _uninterruptible():
        out.write(text)
        out.flush()


class StdoutSink:
    """Results one after another on standard output, each found again by its file name:
    JSON Lines with a "file" key, or a ``==> FILE <==`` header line (as ``head`` writes)."""

    def __init__(self, args: argparse.Namespace, out: TextIO) -> None:
        self._args = args
        self._out = out
        self._colour = stdout_colour()
        self._written = 0

    def write(self, origin: Origin, result: Result) -> None:
        if self._args.format == "json" and not self._args.explain:
            entry = {"file": origin.file, **result_to_dict(result)}
            text = json.dumps(entry, ensure_ascii=False) + "\n"
        else:
            separator = "\n" if self._written else ""
            header = f"{separator}==> {origin.file} <==\n"
            text = header + rendered(result, self._args, self._colour)
        write_whole(self._out, text)
        self._written += 1

    def fail(self, origin: Origin, message: str) -> None:
        """A failed page leaves no output here; the caller reports it on stderr."""


class RecordSink:
    """One JSON line per record, in input order, failures included (with "error"), so the
    output lines up with the input: {"file", "id", "url", then the rendering}."""

    def __init__(self, args: argparse.Namespace, out: TextIO) -> None:
        self._format: str = args.format
        self._out = out

    def write(self, origin: Origin, result: Result) -> None:
        entry = self._head(origin)
        if self._format == "json":
            entry.update((k, v) for k, v in result_to_dict(result).items() if k != "url")
        else:
            entry[_RECORD_KEYS[self._format]] = RENDERERS[self._format](result)
        self._emit(entry)

    def fail(self, origin: Origin, message: str) -> None:
        self._emit({**self._head(origin), "error": message})

    def _head(self, origin: Origin) -> dict[str, object]:
        return {"file": origin.file, "id": origin.id, "url": origin.url}

    def _emit(self, entry: dict[str, object]) -> None:
        write_whole(self._out, json.dumps(entry, ensure_ascii=False) + "\n")


class DirectorySink:
    """One output file per page, named after it: ``page.html.gz`` -> ``DIR/page.md``."""

    def __init__(self, args: argparse.Namespace, names: Sequence[str]) -> None:
        self._args = args
        self._directory: Path = args.output_dir
        self._suffix = ".txt" if args.explain else _SUFFIXES[args.format]
        self._inputs = {Path(n).resolve() for n in names if n != STDIN}
        self._claimed: dict[Path, str] = {}
        try:
            self._directory.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise BoilerstripError(
                f"cannot create {self._directory}: {error.strerror or error}"
            ) from None

    def write(self, origin: Origin, result: Result) -> None:
        path = self._path_for(origin.file)
        try:
            path.write_text(rendered(result, self._args, colour=False), encoding="utf-8")
        except OSError as error:
            raise BoilerstripError(f"cannot write {path}: {error.strerror or error}") from None

    def fail(self, origin: Origin, message: str) -> None:
        """A failed page gets no file; the caller reports it on stderr."""

    def _path_for(self, name: str) -> Path:
        base = "stdin" if name == STDIN else Path(name).name
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


Sink = StdoutSink | RecordSink | DirectorySink
