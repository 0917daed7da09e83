"""Markdown that members write (agendas, minutes, notes), rendered safely.

Markdown lets raw HTML through, so its output always goes through nh3 (an allow-list
sanitiser): scripts, iframes, event handlers and ``javascript:`` links never survive,
and every link gets ``rel="noopener nofollow"``. One helper, reused by every feature.
"""

import html as _html

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


def register(app):
    app.jinja_env.filters["markdown"] = render_markdown
