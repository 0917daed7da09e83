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
    MainPage("meetings", "/meetings/", "member"),
    MainPage("meeting", "/meetings/{meeting_id}", "member"),
    MainPage("minutes", "/minutes/{minutes_id}", "member"),
    MainPage("my-actions", "/meetings/actions/mine", "member"),
    MainPage("polls", "/polls/", "member"),
    MainPage("intervision", "/intervision/", "member"),
    MainPage("intervision-history", "/intervision/history", "member"),
    MainPage("live-session", "/intervision/{session_id}", "member", live=True),
    MainPage("resources", "/resources/", "member"),
    MainPage("resource", "/resources/{resource_id}", "member"),
    MainPage("questions", "/questions/", "member"),
    MainPage("question", "/questions/{question_id}", "member"),
    MainPage("board", "/board/", "member"),
    MainPage("board-item", "/board/{item_id}", "member"),
    MainPage("search", "/search?q=subsidies", "member"),
    MainPage("decisions", "/decisions/", "member"),
    MainPage("decision", "/decisions/{decision_id}", "member"),
    MainPage("value", "/value/", "member"),
    MainPage("value-stories", "/value/stories/", "member"),
    MainPage("inbox", "/inbox", "member"),
    MainPage("inbox-settings", "/inbox/settings", "member"),
]
