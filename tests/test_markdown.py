"""Markdown from members is rendered harmless."""

import pytest

from leernet.markdown import plain_text, render_markdown


@pytest.mark.parametrize(
    ("source", "forbidden"),
    [
        ("<script>alert(1)</script>", "<script"),
        ("<iframe src='https://evil.example'></iframe>", "<iframe"),
        ("[klik](javascript:alert(1))", "javascript:"),
        ("<a href='x' onclick='alert(1)'>x</a>", "onclick"),
        ("<img src=x onerror=alert(1)>", "onerror"),
        ("<svg onload=alert(1)>", "<svg"),
        ("<style>body{display:none}</style>", "<style"),
        ('<p style="position:fixed">x</p>', "style="),
        ("[x](data:text/html;base64,PHNjcmlwdD4=)", "data:"),
    ],
)
def test_dangerous_markup_is_removed(source, forbidden):
    assert forbidden not in str(render_markdown(source)).lower()


def test_ordinary_markdown_survives():
    html = str(render_markdown("**Vet**, *schuin* en [een link](https://example.org)\n\n- a\n- b"))
    assert "<strong>Vet</strong>" in html and "<em>schuin</em>" in html and "<li>a</li>" in html
    assert 'href="https://example.org"' in html and 'rel="noopener noreferrer nofollow ugc"' in html


def test_plain_text_for_search():
    assert plain_text("# Kop\n\n**Vet** &amp; <b>tag</b>") == "Kop Vet & tag"
