"""The main pages, in one list: the accessibility tests and the benchmark visit each.

A feature adds its pages here: a path with ``{argument}`` placeholders (filled from
``tests/world.py`` in the tests and from the seeders in the benchmark), who sees it
(``anonymous``, ``member`` or ``coordinator``), and ``live=True`` for the live intervision
page, whose page-weight budget is tighter.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class MainPage:
    name: str
    path: str
    role: str
    live: bool = False

    def url(self, values):
        return self.path.format(**values)


MAIN_PAGES = [
    MainPage("login", "/login", "anonymous"),
    MainPage("home", "/", "member"),
    MainPage("home-coordinator", "/", "coordinator"),
    MainPage("members", "/members/", "member"),
    MainPage("members-by-tag", "/members/?tag=subsidies", "member"),
    MainPage("profile", "/members/{member_id}", "member"),
    MainPage("my-profile", "/members/me", "member"),
    MainPage("admin-settings", "/admin/", "coordinator"),
    MainPage("admin-invitations", "/admin/invitations", "coordinator"),
    MainPage("admin-members", "/admin/members", "coordinator"),
    MainPage("admin-outbox", "/admin/outbox", "coordinator"),
]
