"""The main navigation: what a phone's bottom bar and the wide top bar offer whom."""

import re

import pytest

from tests.conftest import login_as


def nav_links(html, name):
    nav = re.search(rf'<nav class="{name}"[^>]*>(.*?)</nav>', html, re.S).group(1)
    return re.findall(r'href="([^"]+)"', nav)


@pytest.mark.parametrize("who", ["member", "coordinator"])
def test_bottom_bar_has_six_places_for_everyone(client, people, who):
    login_as(client, people, who)
    html = client.get("/").get_data(as_text=True)
    assert nav_links(html, "bottomnav") == [
        "/",
        "/meetings/",
        "/resources/",
        "/members/",
        "/decisions/",
        "/members/me",
    ]


def test_admin_is_in_the_top_bar_and_on_the_me_page_for_coordinators(client, people):
    login_as(client, people, "coordinator")
    assert "/admin/" in nav_links(client.get("/").get_data(as_text=True), "topnav")
    assert 'href="/admin/"' in client.get("/members/me").get_data(as_text=True)
    settings = client.get("/admin/").get_data(as_text=True)
    current = re.search(r'<nav class="bottomnav".*?</nav>', settings, re.S).group(0)
    assert re.search(r'href="/members/me" aria-current="page"', current)


def test_members_see_no_admin_anywhere(client, people):
    login_as(client, people, "member")
    home = client.get("/").get_data(as_text=True)
    assert "/admin/" not in nav_links(home, "topnav")
    assert 'href="/admin/"' not in client.get("/members/me").get_data(as_text=True)


@pytest.mark.parametrize("path", ["/resources/", "/questions/"])
def test_library_and_questions_link_to_each_other(client, people, path):
    login_as(client, people, "member")
    html = client.get(path).get_data(as_text=True)
    assert 'href="/resources/"' in html and 'href="/questions/"' in html
    current = re.search(r'<nav class="bottomnav".*?</nav>', html, re.S).group(0)
    assert 'href="/resources/" aria-current="page"' in current
