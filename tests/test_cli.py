"""The command line, run as a real process: ``python -m boilerstrip ...``."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from functools import cache
from pathlib import Path
from typing import Any

import pytest

import boilerstrip

SEED_DIR: Path = Path(__file__).resolve().parent.parent / "fixtures" / "seed"
SEED_PAGE: Path = SEED_DIR / "000_82ea82c038948d2e.txt"
ANSI = re.compile(r"\x1b\[")
CORRESPONDENT_LINE = "UN correspondent Margaret Besheer contributed to this report"
RULES_TOML = """\
[[rule]]
name = "correspondent_credit"
category = "other"
phrases = ["contributed to this report"]
"""


@cache
def expected() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((SEED_DIR / "expected.json").read_text(encoding="utf-8"))
    return data


def seed_body() -> str:
    return "\n\n".join(expected()["body"])


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    """Run the CLI with stdout/stderr captured (so not a tty) and colours not forbidden."""
    env = {k: v for k, v in os.environ.items() if k not in {"NO_COLOR", "FORCE_COLOR"}}
    env["PYTHONIOENCODING"] = "utf-8"
    completed = subprocess.run(
        [sys.executable, "-m", "boilerstrip", *args],
        input=stdin,
        capture_output=True,
        env=env,
        timeout=120,
        check=False,
    )
    return subprocess.CompletedProcess(
        completed.args,
        completed.returncode,
        completed.stdout.decode("utf-8"),
        completed.stderr.decode("utf-8"),
    )


def ok(*args: str, stdin: bytes | None = None) -> str:
    done = run(*args, stdin=stdin)
    assert done.returncode == 0, f"exit {done.returncode}; stderr: {done.stderr}"
    assert done.stderr == ""
    return done.stdout


def test_prints_the_seed_body() -> None:
    assert ok(str(SEED_PAGE)) == seed_body() + "\n"


def test_reads_stdin_with_dash() -> None:
    assert ok("-", stdin=SEED_PAGE.read_bytes()) == seed_body() + "\n"


def test_empty_stdin_prints_nothing() -> None:
    assert ok("-", stdin=b"") == ""


def test_json_format() -> None:
    data = json.loads(ok("--format", "json", str(SEED_PAGE)))
    assert data["body"] == seed_body()
    assert data["title"] == expected()["title"]
    assert data["byline"] == expected()["byline"]
    assert data["date"] == expected()["date"]
    assert data["removed"], "the seed page has removals"
    for removal in data["removed"]:
        assert removal["category"] in {c.value for c in boilerstrip.Category}
        assert removal["filter"]
        assert removal["reason"]
    assert {r["text"] for r in data["removed"]} >= {
        line for entry in expected()["removed"] for line in entry["text"].split("\n")
    }


def test_markdown_format_starts_with_title() -> None:
    out = ok("--format", "markdown", str(SEED_PAGE))
    assert out.startswith("# " + expected()["title"] + "\n")
    assert expected()["body"][0] in out


def test_explain_lists_every_block() -> None:
    out = ok("--explain", str(SEED_PAGE))
    assert not ANSI.search(out), "colour codes in output that is not a terminal"
    lines = out.rstrip("\n").split("\n")
    blocks = boilerstrip.extract(SEED_PAGE.read_bytes()).verdicts()
    assert len(lines) == len(blocks)
    verdicts = {"KEEP", *(c.value.upper() for c in boilerstrip.Category)}
    for line, (block, decision) in zip(lines, blocks, strict=True):
        verdict = line.split()[0]
        assert verdict in verdicts, line
        assert verdict == ("KEEP" if decision is None else decision.category.value.upper())
        assert block.text[:50] in line
        if decision is not None:
            assert f"[{decision.filter}: {decision.reason}]" in line


def test_explain_shows_kept_and_removed() -> None:
    out = ok("--explain", str(SEED_PAGE))
    first_words = {line.split()[0] for line in out.splitlines()}
    assert {"KEEP", "ADVERTISEMENT", "NAVIGATION", "TITLE", "DUPLICATE"} <= first_words


def test_rules_file_removes_a_matching_line(tmp_path: Path) -> None:
    rules = tmp_path / "rules.toml"
    rules.write_text(RULES_TOML, encoding="utf-8")
    assert CORRESPONDENT_LINE in ok(str(SEED_PAGE))
    out = ok("--rules", str(rules), str(SEED_PAGE))
    assert CORRESPONDENT_LINE not in out
    assert expected()["body"][0] in out
    explained = ok("--rules", str(rules), "--explain", str(SEED_PAGE))
    [line] = [line for line in explained.splitlines() if CORRESPONDENT_LINE in line]
    assert line.startswith("OTHER")
    assert "correspondent_credit" in line


def test_without_switches_a_filter_off() -> None:
    assert "JOIN NOW" not in ok(str(SEED_PAGE))
    out = ok("--without", "advertisement", "--explain", str(SEED_PAGE))
    assert "[advertisement:" not in out


@pytest.mark.parametrize("favor", ["precision", "balanced", "recall"])
def test_favor_choices_are_accepted(favor: str) -> None:
    assert expected()["body"][0] in ok("--favor", favor, str(SEED_PAGE))


def _assert_one_line_error(done: subprocess.CompletedProcess[str], *words: str) -> None:
    assert done.returncode != 0
    assert done.stdout == ""
    lines = done.stderr.rstrip("\n").split("\n")
    assert len(lines) == 1, f"expected one line on stderr, got: {done.stderr!r}"
    assert lines[0].startswith("boilerstrip: error:"), lines[0]
    for word in words:
        assert word in lines[0]


def test_unknown_filter_is_an_error() -> None:
    done = run("--without", "no_such_filter", str(SEED_PAGE))
    _assert_one_line_error(done, "no_such_filter", "navigation")


def test_missing_file_is_an_error(tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    _assert_one_line_error(run(str(missing)), "missing.txt")


@pytest.mark.parametrize(
    ("content", "named"),
    [
        pytest.param("[[rule]\nname = ", "bad.toml", id="invalid-toml"),
        pytest.param('title = "no rules here"\n', "bad.toml", id="no-rules"),
        pytest.param(
            '[[rule]]\nname = "x"\ncategory = "nonsense"\nphrases = ["a"]\n', "nonsense", id="cat"
        ),
        pytest.param('[[rule]]\nname = "x"\nphrases = ["a"]\nextra = 1\n', "extra", id="key"),
        pytest.param('[[rule]]\nname = "x"\npatterns = ["(unclosed"]\n', "(unclosed", id="regex"),
    ],
)
def test_bad_rules_file_is_an_error(tmp_path: Path, content: str, named: str) -> None:
    """One line naming the mistake (the file, the key, the category or the pattern)."""
    rules = tmp_path / "bad.toml"
    rules.write_text(content, encoding="utf-8")
    _assert_one_line_error(run("--rules", str(rules), str(SEED_PAGE)), named)


def test_missing_rules_file_is_an_error(tmp_path: Path) -> None:
    done = run("--rules", str(tmp_path / "nope.toml"), str(SEED_PAGE))
    _assert_one_line_error(done, "nope.toml")


def test_version() -> None:
    out = ok("--version")
    assert out.strip() == f"boilerstrip {boilerstrip.__version__}"
