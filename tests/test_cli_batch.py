"""The command line's batches, run as a real process: --jobs, JSON Lines, WARC/WET, Ctrl-C."""

from __future__ import annotations

import gzip
import io
import json
import os
import signal
import subprocess
import sys
import threading
from functools import cache
from pathlib import Path
from typing import Any

import pytest

import boilerstrip

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
PROSE = (
    "The city council voted on Tuesday to approve a new budget for the coming year, after "
    "months of debate among its members about schools and roads."
)
# A page in windows-1252 that says so only in its HTTP header: "café" and curly quotes.
LEGACY_HTML = (
    "<html><body><article><p>The caf\u00e9 on the corner \u201cserves\u201d the best coffee in "
    "town, and its owners have run it for thirty years without a single day off.</p>"
    "</article></body></html>"
)


@cache
def html_files() -> tuple[Path, ...]:
    return tuple(sorted(FIXTURES.glob("html/*.html.gz"))[:4])


def html_of(path: Path) -> str:
    return gzip.decompress(path.read_bytes()).decode("utf-8")


def run(
    *args: str, stdin: bytes | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    completed = subprocess.run(
        [sys.executable, "-m", "boilerstrip", *args],
        input=stdin,
        capture_output=True,
        env={**os.environ, "PYTHONIOENCODING": "utf-8", **(env or {})},
        check=False,
    )
    return subprocess.CompletedProcess(
        completed.args,
        completed.returncode,
        completed.stdout.decode("utf-8"),
        completed.stderr.decode("utf-8"),
    )


def lines(stdout: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in stdout.splitlines()]


# --- --jobs ----------------------------------------------------------------------------------
def test_jobs_gives_the_same_output_as_one_process() -> None:
    files = [str(p) for p in html_files()]
    one = run("--format", "json", *files)
    two = run("--format", "json", "--jobs", "2", *files)
    assert one.returncode == two.returncode == 0, two.stderr
    assert two.stdout == one.stdout
    assert [e["file"] for e in lines(two.stdout)] == files
    assert [e["body"] for e in lines(two.stdout)] == [
        boilerstrip.clean(html_of(p)) for p in html_files()
    ]


def test_jobs_batch_reports_a_missing_file_and_goes_on(tmp_path: Path) -> None:
    page = tmp_path / "a.txt"
    page.write_text(PROSE, encoding="utf-8")
    completed = run("--jobs", "2", str(tmp_path / "missing.txt"), str(page))
    assert completed.returncode == 1
    assert completed.stdout == f"==> {page} <==\n{PROSE}\n"
    assert f"no such file: {tmp_path / 'missing.txt'}" in completed.stderr


@pytest.mark.parametrize("value", ["-1", "two"])
def test_jobs_must_be_a_count(value: str) -> None:
    completed = run("--jobs", value, "-", stdin=PROSE.encode())
    assert completed.returncode == 2
    assert "--jobs: must be a whole number >= 0" in completed.stderr


# --- JSON Lines ------------------------------------------------------------------------------
def records_jsonl() -> bytes:
    records = [
        {"id": n, "url": f"https://example.com/{n}", "html": html_of(p), "extra": "x" * 10}
        for n, p in enumerate(html_files()[:2])
    ]
    body = "".join(json.dumps(r) + "\n" for r in records)
    body += "not json\n\n" + json.dumps({"id": "no-page"}) + "\n" + json.dumps([1, 2]) + "\n"
    body += json.dumps({"html": f"<p>{PROSE}</p>"}) + "\n"
    return body.encode("utf-8")


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_jsonl_records_in_and_out(tmp_path: Path, jobs: str) -> None:
    source = tmp_path / "pages.jsonl"
    source.write_bytes(records_jsonl())
    completed = run("--input-jsonl", "html", "--jobs", jobs, str(source))
    assert completed.returncode == 1  # two bad lines, one record without its page
    out = lines(completed.stdout)
    assert [(e["id"], e["url"]) for e in out] == [
        (0, "https://example.com/0"), (1, "https://example.com/1"), ("no-page", None),
        (None, None),
    ]  # fmt: skip
    assert all(e["file"] == str(source) for e in out)
    for entry, path in zip(out[:2], html_files(), strict=False):
        assert entry["body"] == boilerstrip.clean(html_of(path), url=entry["url"])
    assert "record has no page under 'html'" in out[2]["error"]
    assert out[3]["body"] == PROSE
    assert f"{source}:3: not a JSON line" in completed.stderr
    assert f"{source}:6: a JSON list, not an object" in completed.stderr
    assert f"{source} [no-page]: record has no page" in completed.stderr


def test_jsonl_from_gzipped_stdin_as_full_json() -> None:
    completed = run(
        "--input-jsonl", "html", "--format", "json", "-", stdin=gzip.compress(records_jsonl())
    )
    first = lines(completed.stdout)[0]
    expected = boilerstrip.extract(html_of(html_files()[0]), url="https://example.com/0")
    assert (first["id"], first["url"], first["file"]) == (0, "https://example.com/0", "-")
    assert first["title"] == expected.metadata.title and first["removed"]


def test_records_refuse_explain_and_output_dir(tmp_path: Path) -> None:
    source = tmp_path / "pages.jsonl"
    source.write_bytes(records_jsonl())
    explained = run("--input-jsonl", "html", "--explain", str(source))
    assert explained.returncode == 1
    assert "--explain takes pages, not JSON Lines or WARC records" in explained.stderr


# --- WARC and WET ----------------------------------------------------------------------------
def write_warc(path: Path, *, gzipped: bool) -> list[tuple[str, str]]:
    """An archive as a crawler writes it; returns (record id, url) of the pages in it."""
    warcio = pytest.importorskip("warcio", reason="WARC input is the 'warc' extra (warcio)")
    from warcio.statusandheaders import StatusAndHeaders

    pages: list[tuple[str, str]] = []
    with path.open("wb") as out:
        writer = warcio.warcwriter.WARCWriter(out, gzip=gzipped)

        def add(url: str, kind: str, body: bytes, content_type: str | None) -> None:
            headers = None
            if kind in ("response", "request"):
                fields = [("Content-Type", content_type)] if content_type else []
                status = "200 OK" if kind == "response" else "GET / HTTP/1.1"
                headers = StatusAndHeaders(status, fields, protocol="HTTP/1.1")
            record = writer.create_warc_record(
                url, kind, payload=io.BytesIO(body), http_headers=headers,
                warc_content_type="" if headers else "text/plain",
            )  # fmt: skip
            writer.write_record(record)
            if kind in ("response", "conversion") and "image" not in (content_type or ""):
                pages.append((record.rec_headers.get_header("WARC-Record-ID"), url))

        add("https://example.com/a", "request", b"", None)
        add("https://example.com/a", "response", html_of(html_files()[0]).encode(), "text/html")
        add("https://example.com/logo.png", "response", b"\x89PNG....", "image/png")
        add(
            "https://example.com/cafe", "response", LEGACY_HTML.encode("cp1252"),
            "text/html; charset=windows-1252",
        )  # fmt: skip
        add("https://example.com/a", "conversion", f"<b> is a tag\n\n{PROSE}".encode(), None)
    return pages


@pytest.mark.parametrize("name", ["crawl.warc.gz", "crawl.wet"])
def test_warc_responses_and_wet_conversions(tmp_path: Path, name: str) -> None:
    archive = tmp_path / name
    pages = write_warc(archive, gzipped=name.endswith(".gz"))
    completed = run("--jobs", "2", str(archive))
    assert completed.returncode == 0, completed.stderr
    out = lines(completed.stdout)
    assert [(e["id"], e["url"]) for e in out] == pages
    assert out[0]["body"] == boilerstrip.clean(html_of(html_files()[0]), url=pages[0][1])
    # The HTTP header's charset decoded the page (no <meta> says it).
    assert "caf\u00e9 on the corner \u201cserves\u201d" in out[1]["body"]
    # A conversion record is text, even when it starts like a tag.
    assert out[2]["body"] == f"<b> is a tag\n\n{PROSE}"


def test_warc_without_warcio_names_the_extra(tmp_path: Path) -> None:
    archive = tmp_path / "crawl.warc"
    archive.write_bytes(b"WARC/1.0\r\n\r\n")
    blocker = tmp_path / "block"
    blocker.mkdir()
    (blocker / "warcio.py").write_text("raise ImportError('warcio is not installed')\n")
    completed = run(str(archive), env={"PYTHONPATH": str(blocker)})
    assert completed.returncode == 1
    assert "pip install 'boilerstrip[warc]'" in completed.stderr
    assert "Traceback" not in completed.stderr


# --- progress --------------------------------------------------------------------------------
def test_progress_bar_on_stderr_only_when_asked(tmp_path: Path) -> None:
    pytest.importorskip("tqdm", reason="the progress bar is the 'progress' extra (tqdm)")
    files = []
    for n in range(3):
        files.append(tmp_path / f"{n}.txt")
        files[-1].write_text(PROSE, encoding="utf-8")
    shown = run("--progress", "--format", "json", *map(str, files))
    assert shown.returncode == 0 and len(lines(shown.stdout)) == 3
    assert "3page" in shown.stderr.replace(" ", "")
    # Not a terminal: no bar by default.
    assert run(*map(str, files)).stderr == ""


# --- Ctrl-C ----------------------------------------------------------------------------------
@pytest.mark.parametrize(("jobs", "group"), [("1", False), ("2", False), ("2", True)])
def test_ctrl_c_keeps_whole_lines_and_exits_130(jobs: str, group: bool) -> None:
    """The batch reads records from a pipe that stays open, so it can only end by the
    signal; SIGINT goes once its first line is out, to the process alone or, as a terminal's
    Ctrl-C does, to its whole process group (the workers too)."""
    process = subprocess.Popen(
        [sys.executable, "-m", "boilerstrip", "--input-jsonl", "text", "--jobs", jobs, "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        start_new_session=group,
        bufsize=0,  # unbuffered: readline() takes no bytes that communicate() should get
    )
    assert process.stdin is not None and process.stdout is not None
    record = json.dumps({"text": PROSE}).encode() + b"\n"
    # More records than a batch reads ahead (4 chunks of 8 per worker), so lines come out;
    # written from a thread, as the pipe may fill before the batch reads it.
    feeder = threading.Thread(target=process.stdin.write, args=(record * 200,))
    feeder.start()
    first = process.stdout.readline()
    if group:
        os.killpg(process.pid, signal.SIGINT)
    else:
        process.send_signal(signal.SIGINT)
    # Its input is still open: only the signal can have ended it.
    process.wait(timeout=60)
    feeder.join()
    rest, errors = process.communicate(timeout=60)
    assert process.returncode == 130
    output = (first + rest).decode("utf-8")
    assert output.endswith("\n")
    assert all(json.loads(line)["body"] == PROSE for line in output.splitlines())
    assert len(output.splitlines()) < 200
    assert "Traceback" not in errors.decode()
    assert errors.decode().endswith("boilerstrip: interrupted\n")
