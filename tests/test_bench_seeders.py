"""The benchmark's bulk seeders: a tiny network has every feature's share, a consistent
search index, and every main page and the timer poll answer on it as the benchmark needs."""

from sqlalchemy import func, select

from bench import seeders
from bench.seeders import SIZES
from bench.targets import POLL_TARGETS
from leernet.board.models import BoardItem
from leernet.decisions.models import Decision
from leernet.discussion.models import ProposalComment
from leernet.extensions import db
from leernet.intervision.models import Session
from leernet.meetings.models import Attendance, Meeting
from leernet.members.models import User
from leernet.minutes.models import ActionItem, Minutes
from leernet.polls.models import DatePoll
from leernet.questions.models import Question
from leernet.resources.models import Resource
from leernet.search import SearchDocument
from leernet.value.models import CheckOut, Story

from .conftest import login_as
from .main_pages import MAIN_PAGES

TINY = SIZES["tiny"]


def count(model, *where):
    return db.session.scalar(select(func.count()).select_from(model).where(*where))


def seed_tiny(app):
    with app.app_context():
        return seeders.seed("tiny")


def login(client, email):
    response = login_as(client, email, password=seeders.PASSWORD)
    assert response.status_code in (302, 303), email


def test_a_tiny_seed_holds_each_features_share(app):
    context = seed_tiny(app)
    with app.app_context():
        assert count(User) == TINY["members"]
        assert count(Meeting) == TINY["meetings"]
        assert count(Session) == TINY["sessions"]
        assert count(Session, Session.status == "running") == 1
        assert count(Resource) == TINY["resources"]
        assert count(Decision) == TINY["decisions"]
        assert count(Question) == TINY["questions"]
        assert count(Story) == TINY["stories"]
        assert count(ActionItem) == TINY["actions"]
        assert count(DatePoll) == TINY["polls"]
        assert count(BoardItem) == TINY["board_items"]
        assert count(ProposalComment) == max(TINY["comments"], 25)
        past = context["meetings"]["past"]
        assert count(Minutes) == len(past)
        assert count(Attendance) > 0 and count(CheckOut) > 0
        member = context["user_ids"]["member"]
        assert count(Attendance, Attendance.user_id == member) > 0
        kinds = dict(
            db.session.execute(
                select(SearchDocument.kind, func.count()).group_by(SearchDocument.kind)
            ).all()
        )
        assert kinds["resource"] == TINY["resources"]
        assert kinds["member"] == count(User, User.active.is_(True))


def test_every_main_page_and_the_timer_poll_answer_on_the_tiny_network(app):
    context = seed_tiny(app)
    clients = {"anonymous": app.test_client()}
    for role, email in context["logins"].items():
        clients[role] = app.test_client()
        login(clients[role], email)
    for page in MAIN_PAGES:
        response = clients[page.role].get(page.url(context["values"]))
        assert response.status_code == 200, page.name
    for make_target in POLL_TARGETS.values():
        target = make_target(context)
        poller = app.test_client()
        login(poller, context["logins"][target.role])
        assert poller.get(target.path, headers=target.headers).status_code == 204
