"""Safety: hostile pages cannot make ``clean`` read files, reach the network, blow up through
entities or show invisible content; rules files are data, never code.

Each probe has a control that proves it can see what it looks for: an entity-resolving XML
parser does read the secret file, a real connection does reach the listener, a prose paragraph
outside the hidden element does reach the output.
"""

from __future__ import annotations

import json
import select
import socket
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import lxml.etree
import pytest

import boilerstrip
from boilerstrip import Pipeline

SECRET = "zqxjkv-secret-marker-7741"
PROSE = (
    "The city council voted on Tuesday to approve a new budget for the coming year, after "
    "months of debate among its members about schools, roads and the state of the parks."
)
MORE_PROSE = (
    "Officials said the plan would raise spending on public transport by a modest amount, "
    "while holding property taxes at their current level for most of the homeowners."
)


def _page(body: str, prolog: str = "") -> str:
    return (
        f"{prolog}<html><head><title>Budget approved</title></head><body><article>"
        f"<p>{PROSE}</p>{body}<p>{MORE_PROSE}</p></article></body></html>"
    )


@pytest.fixture
def secret_url(tmp_path: Path) -> str:
    """A local file whose content must never appear: ``file://`` URL of it."""
    path = tmp_path / "secret.txt"
    path.write_text(f"{SECRET} root:x:0:0:root:/root:/bin/bash\n", encoding="utf-8")
    return path.as_uri()


@pytest.fixture
def listener() -> Iterator[tuple[str, socket.socket]]:
    """A listening TCP socket on 127.0.0.1: an http:// URL to it and the socket. A connection
    attempt, even one never accepted, makes the socket readable."""
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    try:
        yield f"http://127.0.0.1:{server.getsockname()[1]}/payload", server
    finally:
        server.close()


def _was_contacted(server: socket.socket) -> bool:
    readable, _, _ = select.select([server], [], [], 0.05)
    return bool(readable)


@pytest.fixture
def no_sockets(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Python-level network calls raise and are recorded (libxml2's own are caught by the
    listener instead)."""
    attempts: list[str] = []

    def refuse(name: str) -> Any:
        def refused(*args: object, **kwargs: object) -> object:
            attempts.append(f"{name}{args!r}")
            raise OSError(f"network access during clean(): {name}")

        return refused

    for name in ("socket", "create_connection", "getaddrinfo"):
        monkeypatch.setattr(socket, name, refuse(name))
    return attempts


def _hostile_pages(file_url: str, http_url: str) -> dict[str, str]:
    """Pages that would pull ``file_url`` or ``http_url`` in if their DTD or XML features
    were honoured."""
    return {
        "external entity": _page(
            "<p>Entity: &x;</p>", f'<!DOCTYPE html [<!ENTITY x SYSTEM "{file_url}">]>'
        ),
        "external entity, XML declaration": _page(
            "<p>Entity: &x;</p>",
            f'<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<!DOCTYPE html [<!ENTITY x SYSTEM "{file_url}">]>',
        ),
        "external entity over http": _page(
            "<p>Entity: &x;</p>", f'<!DOCTYPE html [<!ENTITY x SYSTEM "{http_url}">]>'
        ),
        "parameter entity": _page("", f'<!DOCTYPE html [<!ENTITY % p SYSTEM "{http_url}"> %p;]>'),
        "public DTD": _page("", f'<!DOCTYPE html PUBLIC "-//X//DTD X//EN" "{http_url}">'),
        "xinclude": _page(
            f'<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="{file_url}" '
            f'parse="text"/><xi:include xmlns:xi="http://www.w3.org/2001/XInclude" '
            f'href="{http_url}"/>'
        ),
        "xml-stylesheet": _page(
            "", f'<?xml version="1.0"?>\n<?xml-stylesheet type="text/xsl" href="{http_url}"?>\n'
        ),
        "entity in an attribute": _page(
            '<p><a href="&x;">a link</a> in text.</p>',
            f'<!DOCTYPE html [<!ENTITY x SYSTEM "{file_url}">]>',
        ),
    }


CASES = list(_hostile_pages("file:///x", "http://x"))


# --- no file read, no network ----------------------------------------------------------------
@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("as_bytes", [False, True], ids=["str", "bytes"])
def test_hostile_page_reads_no_file_and_opens_no_socket(
    case: str,
    as_bytes: bool,
    secret_url: str,
    listener: tuple[str, socket.socket],
    no_sockets: list[str],
) -> None:
    http_url, server = listener
    page = _hostile_pages(secret_url, http_url)[case]
    source: str | bytes = page.encode("utf-8") if as_bytes else page
    result = boilerstrip.extract(source, input_format="html")
    rendered = result.document.text  # every block, kept or removed
    assert SECRET not in rendered and "root:" not in rendered
    assert no_sockets == []
    assert not _was_contacted(server), "libxml2 connected to the listener"
    assert PROSE in result.body and MORE_PROSE in result.body  # the page itself was read


def test_etc_passwd_entity_never_shows() -> None:
    page = _page("<p>Users: &x;</p>", '<!DOCTYPE html [<!ENTITY x SYSTEM "file:///etc/passwd">]>')
    result = boilerstrip.extract(page, input_format="html")
    assert "root:" not in result.document.text
    assert "&x;" in result.body  # kept literally: neither expanded nor silently dropped


def test_control_a_resolving_xml_parser_does_read_the_secret(secret_url: str) -> None:
    """The entity pages are real attacks: an XML parser told to resolve entities reads the
    file, so the tests above would see a parser that did."""
    page = f'<!DOCTYPE p [<!ENTITY x SYSTEM "{secret_url}">]><p>Entity: &x;</p>'
    parser = lxml.etree.XMLParser(resolve_entities=True, load_dtd=True, no_network=False)
    assert SECRET in "".join(lxml.etree.fromstring(page.encode(), parser).itertext())


def test_control_the_listener_sees_a_connection(listener: tuple[str, socket.socket]) -> None:
    http_url, server = listener
    with pytest.raises(OSError):
        urllib.request.urlopen(http_url, timeout=0.2)  # never answered: times out
    assert _was_contacted(server)


# --- entity bombs ----------------------------------------------------------------------------
def _billion_laughs(levels: int = 9) -> str:
    entities = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{level} "{f"&lol{level - 1};" * 10}">' for level in range(1, levels + 1)
    ]
    return _page(f"<p>&lol{levels};</p>", f"<!DOCTYPE html [{''.join(entities)}]>")


def test_billion_laughs_is_not_expanded() -> None:
    page = _billion_laughs()
    body = boilerstrip.clean(page, input_format="html")
    assert len(body) < len(page)  # expanded it would be 3 GB
    assert body.count("lol") <= 1
    assert PROSE in body


def test_quadratic_blowup_is_not_expanded() -> None:
    # One 20 KB entity referenced 5,000 times: 100 MB if expanded, linearly.
    blob = "ha" * 10_000
    page = _page("<p>" + "&b;" * 5_000 + "</p>", f'<!DOCTYPE html [<!ENTITY b "{blob}">]>')
    result = boilerstrip.extract(page, input_format="html")
    assert len(result.document.text) < len(page)
    assert blob not in result.document.text


# --- invisible content never shows -----------------------------------------------------------
# Each hides a sentence of plain prose, which the filters would keep if it reached the text.
LEAK = "The hidden reporter wrote this leaked sentence about the secret council budget."
INVISIBLE = {
    "script": f"<script>var s = '{LEAK}';</script>",
    "script writing markup": f'<script>document.write("<p>{LEAK}</p>");</script>',
    "json-ld script": f'<script type="application/ld+json">{{"articleBody": "{LEAK}"}}</script>',
    "upper-case SCRIPT": f"<SCRIPT>var s = '{LEAK}';</SCRIPT>",
    "style": f"<style>/* {LEAK} */ p {{ color: red }}</style>",
    "template": f"<template><p>{LEAK}</p></template>",
    "noscript": f"<noscript><p>{LEAK}</p></noscript>",
    "hidden": f"<div hidden><p>{LEAK}</p></div>",
    "hidden=hidden, nested": f'<section hidden="hidden"><div><p>{LEAK}</p></div></section>',
    "aria-hidden": f'<div aria-hidden="true"><p>{LEAK}</p></div>',
    "aria-hidden upper case": f'<div aria-hidden="TRUE"><p>{LEAK}</p></div>',
    "display:none": f'<div style="display:none"><p>{LEAK}</p></div>',
    "display: none !important": f'<p style="color:red; DISPLAY: none !important">{LEAK}</p>',
    "visibility:hidden": f'<p style="visibility:hidden">{LEAK}</p>',
    "comment": f"<!-- <p>{LEAK}</p> -->",
    "cdata": f"<![CDATA[ {LEAK} ]]>",
    "svg template": f"<svg><template><p>{LEAK}</p></template></svg>",
    "textarea": f"<textarea>{LEAK}</textarea>",
}


@pytest.mark.parametrize("case", list(INVISIBLE))
def test_invisible_content_never_reaches_the_output(case: str) -> None:
    result = boilerstrip.extract(_page(INVISIBLE[case]))
    assert PROSE in result.body and MORE_PROSE in result.body
    assert "leaked sentence" not in result.document.text  # not kept, not even as a removal
    assert "leaked sentence" not in str(result.metadata)


@pytest.mark.parametrize(
    "visible",
    [
        f'<div aria-hidden="false"><p>{LEAK}</p></div>',
        f'<div style="display:block"><p>{LEAK}</p></div>',
        f'<div class="hidden-xs"><p>{LEAK}</p></div>',
        f"<p>{LEAK}</p>",
    ],
)
def test_control_visible_look_alikes_do_show(visible: str) -> None:
    """The same sentence outside an invisible element is kept: the tests above are not
    passing because the filters drop it."""
    assert LEAK in boilerstrip.clean(_page(visible))


# --- rules files are data --------------------------------------------------------------------
def _code_that_touches(marker: Path) -> str:
    return f"__import__('pathlib').Path({str(marker)!r}).touch()"


def _toml_string(value: str) -> str:
    return json.dumps(value)  # a JSON string of ASCII text is a TOML basic string


def test_python_in_rules_values_is_matched_as_text_never_run(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    code = _code_that_touches(marker)
    rules = tmp_path / "rules.toml"
    rules.write_text(
        f"[[rule]]\nname = {_toml_string(code)}\ncategory = 'other'\n"
        f"phrases = [{_toml_string(code)}]\npatterns = [{_toml_string('touch')}]\n",
        encoding="utf-8",
    )
    pipeline = Pipeline.default().with_rules(rules)
    page = f"{PROSE}\n\n{MORE_PROSE}\n\nCode seen on the page: {code}"
    result = pipeline.extract(page)
    assert not marker.exists()
    removed = {d.filter for d in result.removed if "Code seen" in d.block.text}
    assert removed & {code, f"{code}.pattern1"}, "the rule matched the code as plain text"


@pytest.mark.parametrize(
    "content",
    [
        "[[rule]]\nname = 'x'\nphrases = ['a b']\nexec = {code}\n",
        "[[rule]]\nname = 'x'\nphrases = ['a b']\n[rule.hook]\ncall = {code}\n",
        "import pathlib\n{raw}\n",
    ],
    ids=["exec key", "nested table", "python file"],
)
def test_rules_files_with_code_are_refused_and_never_run(tmp_path: Path, content: str) -> None:
    marker = tmp_path / "ran"
    code = _code_that_touches(marker)
    path = tmp_path / "rules.toml"
    path.write_text(content.format(code=_toml_string(code), raw=code), encoding="utf-8")
    with pytest.raises(boilerstrip.RuleError):
        Pipeline.default().with_rules(path)
    assert not marker.exists()
