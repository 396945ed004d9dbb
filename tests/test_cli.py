"""The command line, run as a real process: ``python -m boilerstrip ...``."""

from __future__ import annotations

import gzip
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
from boilerstrip import compiled

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


def test_url_goes_into_the_json_metadata() -> None:
    data = json.loads(
        ok("--format", "json", "--url", "https://www.globalsecurity.org/a.htm", str(SEED_PAGE))
    )
    assert data["url"] == "https://www.globalsecurity.org/a.htm"
    assert data["site_name"] == "globalsecurity.org"
    assert data["body"] == seed_body()


def test_relative_url_is_a_clear_error() -> None:
    result = run("--url", "a.htm", str(SEED_PAGE))
    assert result.returncode != 0
    assert "url" in result.stderr and "Traceback" not in result.stderr


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
    speedups = "compiled speedups" if compiled.ACTIVE else "pure Python"
    assert out.strip() == f"boilerstrip {boilerstrip.__version__} ({speedups})"


# --- HTML, gzip and batches ------------------------------------------------------------------
HTML_PAGE = """<!doctype html><html><head><title>Harbour works resume - Example News</title>
</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article>
<h1>Harbour works resume</h1>
<p>Work on the harbour wall resumed on Monday, after a winter in which storms delayed the
contractors, the council said in a statement that also set out the new timetable.</p>
<h2>What changes</h2>
<ul><li>The north quay reopens in May.</li><li>Ferries use the east pier until then.</li></ul>
<p>The council expects the whole project to be finished by the end of next year, and it
will publish monthly reports on its website so residents can follow the progress.</p>
</article><footer>Copyright 2024 Example News. All rights reserved.</footer></body></html>
"""


def write_page(directory: Path, name: str, data: bytes) -> Path:
    path = directory / name
    path.write_bytes(data)
    return path


def test_gzip_file_is_decompressed(tmp_path: Path) -> None:
    page = write_page(tmp_path, "seed.txt.gz", gzip.compress(SEED_PAGE.read_bytes()))
    assert ok(str(page)) == seed_body() + "\n"


def test_gzip_is_recognised_by_its_bytes_not_its_name(tmp_path: Path) -> None:
    html = HTML_PAGE.encode("utf-8")
    page = write_page(tmp_path, "page.html", gzip.compress(html))
    plain = write_page(tmp_path, "plain.html", html)
    assert ok("--format", "markdown", str(page)) == ok("--format", "markdown", str(plain))
    assert ok("-", stdin=gzip.compress(html)) == ok(str(plain))


def test_corrupt_gzip_is_an_error(tmp_path: Path) -> None:
    broken = gzip.compress(SEED_PAGE.read_bytes())[:200]
    page = write_page(tmp_path, "broken.txt.gz", broken)
    _assert_one_line_error(run(str(page)), "broken.txt.gz", "gzip")


def test_gzip_bomb_stops_at_the_size_limit(tmp_path: Path) -> None:
    bomb = gzip.compress(b" " * (65 * 1024 * 1024), compresslevel=1)
    page = write_page(tmp_path, "bomb.txt.gz", bomb)
    _assert_one_line_error(run(str(page)), "bomb.txt.gz", "decompresses to more than")


def test_markdown_of_html_has_structure(tmp_path: Path) -> None:
    page = write_page(tmp_path, "page.html", HTML_PAGE.encode("utf-8"))
    out = ok("--format", "markdown", str(page))
    assert out.startswith("# Harbour works resume\n\n")
    assert "\n\n## What changes\n\n- The north quay reopens in May.\n- Ferries use" in out
    assert "Copyright" not in out


def test_explain_works_for_html(tmp_path: Path) -> None:
    page = write_page(tmp_path, "page.html", HTML_PAGE.encode("utf-8"))
    lines = ok("--explain", str(page)).rstrip("\n").split("\n")
    verdicts = boilerstrip.extract(HTML_PAGE).verdicts()
    assert len(lines) == len(verdicts)
    for line, (block, decision) in zip(lines, verdicts, strict=True):
        assert line.split()[0] == ("KEEP" if decision is None else decision.category.value.upper())
        assert block.text[:50] in line
    assert lines[0].startswith("TITLE"), "the <title> line is metadata"
    assert any(line.startswith("KEEP") and "What changes" in line for line in lines)


def test_batch_json_is_one_object_per_line(tmp_path: Path) -> None:
    html = write_page(tmp_path, "page.html", HTML_PAGE.encode("utf-8"))
    out = ok("--format", "json", str(SEED_PAGE), str(html))
    records = [json.loads(line) for line in out.splitlines()]
    assert [r["file"] for r in records] == [str(SEED_PAGE), str(html)]
    assert records[0]["body"] == seed_body()
    assert records[1] == {"file": str(html), **json.loads(ok("--format", "json", str(html)))}


def test_batch_expands_a_quoted_glob_in_order(tmp_path: Path) -> None:
    for name in ("b.html.gz", "a.html.gz"):
        write_page(tmp_path, name, gzip.compress(HTML_PAGE.encode("utf-8")))
    write_page(tmp_path, "skipped.txt", b"not matched")
    out = ok("--format", "json", str(tmp_path / "*.html.gz"))
    files = [json.loads(line)["file"] for line in out.splitlines()]
    assert files == [str(tmp_path / "a.html.gz"), str(tmp_path / "b.html.gz")]


def test_one_file_from_a_glob_is_still_a_batch(tmp_path: Path) -> None:
    write_page(tmp_path, "only.txt", SEED_PAGE.read_bytes())
    out = ok(str(tmp_path / "*.txt"))
    assert out == f"==> {tmp_path / 'only.txt'} <==\n{seed_body()}\n"


def test_batch_text_has_a_header_line_per_file(tmp_path: Path) -> None:
    html = write_page(tmp_path, "page.html", HTML_PAGE.encode("utf-8"))
    out = ok(str(SEED_PAGE), str(html))
    expected_out = f"==> {SEED_PAGE} <==\n{ok(str(SEED_PAGE))}\n==> {html} <==\n{ok(str(html))}"
    assert out == expected_out


def test_failing_file_is_reported_and_the_batch_goes_on(tmp_path: Path) -> None:
    broken = write_page(tmp_path, "broken.html.gz", b"\x1f\x8b not gzip at all")
    missing = tmp_path / "missing.html"
    done = run("--format", "json", str(broken), str(SEED_PAGE), str(missing), "nothing/*.gz")
    assert done.returncode == 1
    assert [json.loads(line)["file"] for line in done.stdout.splitlines()] == [str(SEED_PAGE)]
    errors = done.stderr.splitlines()
    assert len(errors) == 3
    assert all(line.startswith("boilerstrip: error: ") for line in errors)
    assert any("broken.html.gz" in line and "gzip" in line for line in errors)
    assert any("missing.html" in line for line in errors)
    assert any("no file matches nothing/*.gz" in line for line in errors)


def test_output_dir_writes_a_file_per_page(tmp_path: Path) -> None:
    html = write_page(tmp_path, "page.html.gz", gzip.compress(HTML_PAGE.encode("utf-8")))
    out_dir = tmp_path / "out" / "md"
    assert ok("--format", "markdown", "--output-dir", str(out_dir), str(SEED_PAGE), str(html)) == ""
    assert sorted(p.name for p in out_dir.iterdir()) == [SEED_PAGE.stem + ".md", "page.md"]
    page_md = (out_dir / "page.md").read_text(encoding="utf-8")
    assert page_md == ok("--format", "markdown", str(html))


def test_output_dir_never_overwrites(tmp_path: Path) -> None:
    for sub in ("a", "b"):
        (tmp_path / sub).mkdir()
        write_page(tmp_path / sub, "page.txt", SEED_PAGE.read_bytes())
    done = run("--output-dir", str(tmp_path / "a"), str(tmp_path / "a" / "page.txt"))
    assert done.returncode == 1
    assert "is an input" in done.stderr
    assert (tmp_path / "a" / "page.txt").read_bytes() == SEED_PAGE.read_bytes()
    out_dir = tmp_path / "out"
    done = run("--output-dir", str(out_dir), str(tmp_path / "*" / "page.txt"))
    assert done.returncode == 1
    assert "already holds the output of" in done.stderr
    assert (out_dir / "page.txt").read_text(encoding="utf-8") == seed_body() + "\n"
