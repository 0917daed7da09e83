"""Markdown that members write (agendas, minutes, notes), rendered safely.

Markdown lets raw HTML through, so its output always goes through nh3 (an allow-list
sanitiser): scripts, iframes, event handlers and ``javascript:`` links never survive,
and every link gets ``rel="noopener nofollow"``. One helper, reused by every feature.
"""

import html as _html
import re
from html.parser import HTMLParser

import markdown as _markdown
import nh3
from markupsafe import Markup

TAGS = {
    "a",
    "abbr",
    "b",
    "blockquote",
    "br",
    "code",
    "dd",
    "del",
    "dl",
    "dt",
    "em",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "li",
    "ol",
    "p",
    "pre",
    "s",
    "strong",
    "sub",
    "sup",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "tr",
    "ul",
}
ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "th": {"align"}, "td": {"align"}}
URL_SCHEMES = {"http", "https", "mailto", "tel"}
EXTENSIONS = ["sane_lists", "tables", "fenced_code", "nl2br"]
#: Longer text is cut before rendering: Markdown's cost grows with pathological input.
MAX_LENGTH = 100_000


def render_markdown(text):
    """Markdown to sanitised HTML, ready for a template (``{{ text|markdown }}``)."""
    if not text:
        return Markup("")
    html = _markdown.markdown(str(text)[:MAX_LENGTH], extensions=EXTENSIONS)
    clean = nh3.clean(
        html,
        tags=TAGS,
        clean_content_tags={"script", "style", "iframe", "object", "embed", "template"},
        attributes=ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener nofollow",
    )
    return Markup(clean)  # noqa: S704 - sanitised by nh3 just above


def plain_text(text) -> str:
    """The words of a Markdown text without its markup, for search and previews."""
    rendered = _markdown.markdown(str(text or "")[:MAX_LENGTH], extensions=EXTENSIONS)
    stripped = nh3.clean(rendered.replace("<", " <"), tags=set())
    return " ".join(_html.unescape(stripped).split())


def as_text(text) -> str:
    """Markdown as plain text for places without HTML (calendar descriptions): blocks on
    lines of their own, list items with a dash or number, links as "text (address)"."""
    reader = _TextReader()
    reader.feed(render_markdown(text))
    reader.close()
    lines = (" ".join(line.split()) for line in "".join(reader.parts).splitlines())
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


class _TextReader(HTMLParser):
    """Reads sanitised HTML (``render_markdown``'s) into ``parts`` of plain text."""

    BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "tr",
              "dl", "dt", "dd", "hr"}  # fmt: skip

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.lists, self.links = [], [], []

    def handle_starttag(self, tag, attrs):
        if tag == "br":
            self.parts.append("\n")
        elif tag in ("ul", "ol"):
            self.lists.append(0 if tag == "ol" else None)
            self.parts.append("\n")
        elif tag == "li":
            number = self.lists[-1] if self.lists else None
            if number is not None:
                self.lists[-1] = number + 1
            self.parts.append("\n- " if number is None else f"\n{number + 1}. ")
        elif tag == "a":
            self.links.append((dict(attrs).get("href") or "", len(self.parts)))
        elif tag in ("td", "th"):
            self.parts.append(" ")
        elif tag in self.BLOCKS and not self.lists:
            self.parts.append("\n\n")

    def handle_endtag(self, tag):
        if tag in ("ul", "ol") and self.lists:
            self.lists.pop()
            self.parts.append("\n\n")
        elif tag == "a" and self.links:
            href, start = self.links.pop()
            label = "".join(self.parts[start:]).strip()
            if href and href not in (label, f"mailto:{label}"):
                self.parts.append(f" ({href})")
        elif tag in self.BLOCKS and not self.lists:
            self.parts.append("\n\n")

    def handle_data(self, data):
        self.parts.append(re.sub(r"\s*\n\s*", " ", data))


def register(app):
    app.jinja_env.filters["markdown"] = render_markdown
