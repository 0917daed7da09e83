"""The new pages (board, a notice, a decision with its discussion, the directory with
learners, the home cards) run the same few statements however much they hold."""

from leernet.extensions import db
from leernet.members.accounts import set_tags
from leernet.members.models import User

from . import factories
from .conftest import login_as
from .queries import counting

LIMIT = 12


def grow(people, size):
    users = [db.session.get(User, people[k][0]) for k in ("member", "other", "coordinator")]
    decision = factories.decision(users[0], "Voorstel met discussie")
    for n in range(size):
        item = factories.board_item(users[n % 3], f"Oproep {n}", tags=f"subsidies, onderwerp {n}")
        for m in range(3):
            factories.board_reply(item, users[m], f"Reactie {m}")
        factories.comment(decision, users[n % 3], f"Opmerking {n}")
        learner = factories.user(f"Leerling {n}", tags=f"vak {n}")
        set_tags(learner, "subsidies, marketing", "wishes")
    db.session.commit()
    return item.id, decision.id


def counts(client, urls):
    found = {}
    for url in urls:
        with counting(client.application) as statements:
            assert client.get(url).status_code == 200, url
        found[url] = len(statements)
    return found


def test_new_pages_stay_few_and_independent_of_data_size(app, client, people):
    with app.app_context():
        item_id, decision_id = grow(people, 2)
    login_as(client, people, "member")
    urls = [
        "/board/",
        "/board/?show=archive",
        f"/board/{item_id}",
        f"/decisions/{decision_id}",
        "/members/?tag=subsidies",
        "/cards/board",
        "/cards/suggestions",
    ]
    small = counts(client, urls)
    assert max(small.values()) <= LIMIT, small
    with app.app_context():
        grow(people, 25)
    assert counts(client, urls) == small
