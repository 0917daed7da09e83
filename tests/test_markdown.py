"""Markdown from members renders, and nothing dangerous survives it."""

import pytest

from leernet.markdown import plain_text, render_markdown


def test_markdown_renders_common_formatting():
    html = str(render_markdown("# Agenda\n\n- **Koffie** om 10:00\n- [Zoom](https://zoom.us/j/1)"))
    assert "<h1>Agenda</h1>" in html and "<strong>Koffie</strong>" in html
    assert '<a href="https://zoom.us/j/1" rel="noopener nofollow">Zoom</a>' in html


@pytest.mark.parametrize(
    "hostile",
    [
        "<script>alert(1)</script>",
        "<iframe src='https://evil.example'></iframe>",
        "[klik](javascript:alert(1))",
        "<a href='javascript:alert(1)'>x</a>",
        "<img src=x onerror=alert(1)>",
        "<div onclick='alert(1)'>x</div>",
        "<svg><script>alert(1)</script></svg>",
        "<object data='x'></object><embed src='x'>",
        "<style>body{display:none}</style>",
        "[x](JaVaScRiPt:alert(1))",
        "<a href='data:text/html;base64,PHNjcmlwdD4='>x</a>",
    ],
)
def test_no_script_survives(hostile):
    html = str(render_markdown(f"Tekst {hostile} meer"))
    lowered = html.lower()
    for bad in (
        "<script",
        "<iframe",
        "javascript:",
        "onerror",
        "onclick",
        "<object",
        "<embed",
        "<style",
        "data:text",
    ):
        assert bad not in lowered, f"{bad} survived in {html!r}"
    assert "Tekst" in html


def test_empty_and_none_are_empty_markup():
    assert str(render_markdown("")) == "" and str(render_markdown(None)) == ""


def test_filter_is_available_in_templates(app):
    with app.app_context():
        template = app.jinja_env.from_string("{{ text|markdown }}")
        assert template.render(text="*ja*") == "<p><em>ja</em></p>"


def test_plain_text_for_search():
    assert plain_text("# Kop\n\n**Vet** &amp; <b>tag</b>") == "Kop Vet & tag"
