"""Markdown from members, made harmless: rendered with ``markdown``, cleaned with ``nh3``.

Scripts, iframes, event attributes and ``javascript:`` links never survive; links get
``rel="noopener noreferrer nofollow ugc"`` because anyone in the network may write them.
"""

import html

import markdown as _markdown
import nh3
from markupsafe import Markup

TAGS = {
    "a", "abbr", "blockquote", "br", "code", "del", "em", "h1", "h2", "h3", "h4", "h5", "h6",
    "hr", "li", "ol", "p", "pre", "s", "strong", "sub", "sup", "table", "tbody", "td", "th",
    "thead", "tr", "ul",
}  # fmt: skip
ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "td": {"align"}, "th": {"align"}}
SCHEMES = {"http", "https", "mailto"}
EXTENSIONS = ["extra", "sane_lists"]


def _html(text):
    return _markdown.markdown(text or "", extensions=EXTENSIONS, output_format="html")


def render_markdown(text) -> Markup:
    """Safe HTML for ``text`` written in Markdown."""
    cleaned = nh3.clean(
        _html(text),
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes=SCHEMES,
        link_rel="noopener noreferrer nofollow ugc",
    )
    return Markup(cleaned)


def plain_text(text) -> str:
    """The words of a Markdown text without its markup, for search and previews."""
    stripped = nh3.clean(_html(text).replace("<", " <"), tags=set())
    return " ".join(html.unescape(stripped).split())


def register(app):
    app.add_template_filter(render_markdown, "markdown")
