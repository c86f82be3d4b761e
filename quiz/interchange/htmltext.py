"""HTML in question text: entities decoded strictly, tags stripped to plain text."""

from __future__ import annotations

import html
import re
from html.entities import html5
from html.parser import HTMLParser

_ENTITY = re.compile(r"&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
# Tags after which the text goes on on a new line.
_BLOCK_TAGS = frozenset({"br", "div", "p", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6"})


class EntityError(ValueError):
    """An entity that names no character: the text is not the HTML it claims to be."""


def decode_entities(text: str) -> str:
    """``&quot;``, ``&#039;``, ``&deg;`` ... decoded; raises EntityError for an unknown one."""
    for match in _ENTITY.finditer(text):
        body = match.group(1)
        if body.startswith("#"):
            code = int(body[2:], 16) if body[1] in "xX" else int(body[1:])
            if code == 0 or 0xD800 <= code <= 0xDFFF or code > 0x10FFFF:
                raise EntityError(f"'{match.group()}' is not a character")
        elif f"{body};" not in html5:
            raise EntityError(f"unknown HTML entity '{match.group()}'")
    return html.unescape(text)


class _TextOnly(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)

    def handle_entityref(self, name: str) -> None:
        self.parts.append(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self.parts.append(f"&#{name};")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")


def strip_html(text: str) -> str:
    """The text a browser would show, line breaks kept; raises EntityError like above."""
    parser = _TextOnly()
    parser.feed(text)
    parser.close()
    lines = decode_entities("".join(parser.parts)).replace("\xa0", " ").splitlines()
    return "\n".join(" ".join(line.split()) for line in lines if line.strip())
