"""Markdown that members write (proposals, minutes), rendered and then sanitised.

Members paste text from anywhere, and Markdown lets raw HTML through; nh3 keeps only
harmless tags and safe link schemes afterwards, so the result may be marked safe.
"""

import markdown
import nh3
from markupsafe import Markup

TAGS = {
    "p", "br", "hr", "strong", "em", "b", "i", "del", "code", "pre", "blockquote",
    "ul", "ol", "li", "a", "h1", "h2", "h3", "h4", "h5", "h6",
    "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}}
URL_SCHEMES = {"http", "https", "mailto"}
EXTENSIONS = ["sane_lists", "tables", "fenced_code"]


def render_markdown(text) -> Markup:
    """HTML for ``text`` (Markdown), with anything unsafe removed."""
    if not text or not text.strip():
        return Markup("")
    html = markdown.markdown(text, extensions=EXTENSIONS, output_format="html")
    cleaned = nh3.clean(
        html,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
    )
    return Markup(cleaned)
