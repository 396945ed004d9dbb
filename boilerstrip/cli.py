"""Command line: ``boilerstrip FILE...`` prints the clean body of scraped pages.

One file prints its result as it is. Several files, a glob pattern, ``--output-dir``, JSON
Lines records (``--input-jsonl FIELD``) or WARC/WET archives run a batch (``--jobs N``
worker processes, a progress bar on a terminal's stderr): each result goes to standard
output under a header line (JSON Lines for ``--format json`` and for records) or to a file
of its own, and a page that fails is reported on standard error while the others still run.
Ctrl-C stops a batch with exit code 130, keeping every line already written.
"""

from __future__ import annotations

import argparse
import glob
import os
import sys
from collections import deque
from collections.abc import Iterator, Sequence
from contextlib import closing
from pathlib import Path

from boilerstrip import __version__, compiled
from boilerstrip.batch import BatchItem, extract_many, identity_of
from boilerstrip.cli_output import (
    RENDERERS,
    DirectorySink,
    Origin,
    RecordSink,
    Sink,
    StdoutSink,
    rendered,
    stdout_colour,
)
from boilerstrip.errors import BoilerstripError
from boilerstrip.filters.base import Favor
from boilerstrip.pipeline import Pipeline
from boilerstrip.sources import STDIN, is_archive, iter_jsonl, iter_warc, read_page

# What a shell reports for a program ended by Ctrl-C (128 + SIGINT).
_INTERRUPTED = 130


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
        " glob pattern ('pages/*.html.gz') is expanded; .warc, .warc.gz, .wet and .wet.gz"
        " files are archives of pages (the 'warc' extra)",
    )
    parser.add_argument("--format", choices=sorted(RENDERERS), default="text")
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
    _batch_arguments(parser)
    parser.add_argument("--version", action="version", version=_version())
    return parser


def _batch_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--jobs",
        type=_jobs,
        default=1,
        metavar="N",
        help="clean a batch in N worker processes (0: one per core; default 1, this process)",
    )
    parser.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="a progress bar on standard error for a batch (default: when it is a terminal;"
        " needs the 'progress' extra)",
    )
    parser.add_argument(
        "--input-jsonl",
        metavar="FIELD",
        help="the files are JSON Lines, one object a line with the page in FIELD (and"
        " optional id and url, carried to the JSON Lines output)",
    )


def _jobs(value: str) -> int:
    try:
        jobs = int(value)
    except ValueError:
        jobs = -1
    if jobs < 0:
        raise argparse.ArgumentTypeError(f"must be a whole number >= 0, got {value!r}")
    return jobs


# --- which files ---------------------------------------------------------------------------
def _expand(arguments: Sequence[str]) -> tuple[list[str], list[str], bool]:
    """The files the arguments name (each once, in order), the patterns that matched
    nothing, and whether any pattern was expanded: a pattern means a batch, however many
    files it matches, so that a script's output does not change shape with the count."""
    names: list[str] = []
    unmatched: list[str] = []
    patterned = False
    for argument in arguments:
        # A file whose name holds '*' or '[' is still that file.
        if argument == STDIN or not glob.has_magic(argument) or Path(argument).exists():
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


def _extract_one(pipeline: Pipeline, name: str, args: argparse.Namespace) -> str:
    result = pipeline.extract(
        read_page(name),
        favor=args.favor,
        language=args.language,
        input_format=args.input_format,
        url=args.url,
    )
    return rendered(result, args, stdout_colour())


# --- batches ---------------------------------------------------------------------------------
class _Inputs:
    """The pages of a batch's files, read lazily, with where each came from. A file that
    cannot be read (or a bad line of one) is reported and counted, and the batch goes on."""

    def __init__(self, names: Sequence[str], args: argparse.Namespace) -> None:
        self._names = names
        self._field: str | None = args.input_jsonl
        self.failures = 0
        # The origins of the pages handed out and not yet back: results come in input order,
        # and the batch reads only a bounded window ahead.
        self.origins: deque[Origin] = deque()

    def report(self, message: str) -> None:
        self.failures += 1
        _error(message)

    def pages(self) -> Iterator[object]:
        for name in self._names:
            try:
                for page, origin in self._read(name):
                    self.origins.append(origin)
                    yield page
            except BoilerstripError as error:  # unreadable, or an archive without warcio
                self.report(str(error))

    def _read(self, name: str) -> Iterator[tuple[object, Origin]]:
        if self._field is not None:
            for record in iter_jsonl(name, self._field, self.report):
                yield record, Origin(name, *identity_of(record))
        elif is_archive(name):
            for item in iter_warc(name, self.report):
                yield item, Origin(name, item.id, item.url)
        else:
            yield BatchItem(read_page(name)), Origin(name)


def _sink(args: argparse.Namespace, names: Sequence[str], records: bool) -> Sink:
    if records and (args.output_dir or args.explain):
        option = "--output-dir" if args.output_dir else "--explain"
        raise BoilerstripError(
            f"{option} takes pages, not JSON Lines or WARC records (their output is JSON Lines)"
        )
    if records:
        return RecordSink(args, sys.stdout)
    return DirectorySink(args, names) if args.output_dir else StdoutSink(args, sys.stdout)


def _run_batch(
    pipeline: Pipeline, names: Sequence[str], unmatched: Sequence[str], args: argparse.Namespace
) -> int:
    """Every page in turn; a page that fails is reported and the others still run."""
    for pattern in unmatched:
        _error(f"no file matches {pattern}")
    inputs = _Inputs(names, args)
    try:
        sink = _sink(args, names, bool(args.input_jsonl) or any(map(is_archive, names)))
        results = extract_many(
            inputs.pages(),
            jobs=args.jobs or None,
            progress="auto" if args.progress is None else args.progress,
            page_key=args.input_jsonl,
            pipeline=pipeline,
            favor=args.favor,
            language=args.language,
            input_format=args.input_format,
            url=args.url,
        )
    except BoilerstripError as error:
        _error(str(error))
        return 1
    failures = len(unmatched)
    with closing(results):
        for result in results:
            origin = inputs.origins.popleft()
            where = origin.file if origin.id is None else f"{origin.file} [{origin.id}]"
            try:
                if result.value is None:
                    sink.fail(origin, str(result.error))
                    raise BoilerstripError(str(result.error))
                sink.write(origin, result.value)
            except BoilerstripError as error:
                failures += 1
                _error(f"{where}: {error}")
    return 1 if failures or inputs.failures else 0


# --- entry point -----------------------------------------------------------------------------
def _error(message: str) -> None:
    print(f"boilerstrip: error: {message}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``boilerstrip`` command; returns the exit code."""
    try:
        return _main(_parser().parse_args(argv))
    except KeyboardInterrupt:
        # Ctrl-C: every line written so far is whole and flushed (cli_output.write_whole).
        print("boilerstrip: interrupted", file=sys.stderr)
        return _INTERRUPTED
    except BrokenPipeError:
        # The reader went away (``| head``): stop quietly, and keep Python from failing
        # again on flushing the closed stdout at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


def _main(args: argparse.Namespace) -> int:
    names, unmatched, patterned = _expand(args.files)
    try:
        pipeline = _pipeline(args)
        single = not (patterned or unmatched or args.output_dir or args.input_jsonl)
        if len(names) == 1 and single and not is_archive(names[0]):
            sys.stdout.write(_extract_one(pipeline, names[0], args))
            return 0
    except BoilerstripError as error:
        _error(str(error))
        return 1
    return _run_batch(pipeline, names, unmatched, args)


if __name__ == "__main__":
    sys.exit(main())
