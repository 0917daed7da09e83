"""Minutes and action pages stay within 12 queries, however much there is."""

import pytest

from leernet.extensions import db
from leernet.meetings.models import Attendance
from leernet.minutes import service, subjects
from leernet.minutes.models import ActionItem
from leernet.resources.models import Resource
from leernet.timeutil import utcnow

from . import factories
from .conftest import login_as
from .minutes_helpers import crew, meeting_of, member  # noqa: F401
from .queries import counting

LIMIT = 12
PAGES = [
    "/",
    "/meetings/{meeting}",
    "/meetings/{meeting}/minutes",
    "/minutes/{minutes}",
    "/meetings/{meeting}/minutes/edit",
    "/meetings/{meeting}/minutes/history",
    "/meetings/{meeting}/minutes/history?page=2",
    "/meetings/{meeting}/minutes/diff",
    "/meetings/{meeting}/minutes/diff?a=1&b=3",
    "/meetings/{meeting}/actions",
    "/meetings/actions/mine",
    "/meetings/actions/new?minutes={minutes}",
]


def grow(app, crew, revisions, others):  # noqa: F811
    """Minutes with ``revisions`` revisions; ``others`` attendees, actions, decisions and
    resources on the meeting."""
    with app.app_context():
        meeting = meeting_of(crew)
        me, host = member(crew, "member"), member(crew, "host")
        minutes = service.find("meeting", meeting.id) or service.ensure(
            subjects.get("meeting"), meeting, me.id
        )
        for _n in range(revisions):
            service.save(minutes, minutes.head, f"Versie {minutes.head + 1}\n" * 3, me, utcnow())
        minutes.state = "shared"
        for n in range(others):
            user = factories.user(f"Lid {n}")
            db.session.add(Attendance(meeting_id=meeting.id, user_id=user.id))
            owner = me if n % 2 else user
            db.session.add(
                ActionItem(what=f"Actie {n}", owner_id=owner.id, created_by_id=host.id,
                           meeting_id=meeting.id, minutes_id=minutes.id if n % 3 else None)
            )  # fmt: skip
            factories.decision(host, f"Besluit {n}", meeting_id=meeting.id)
            db.session.add(Resource(kind="note", title=f"Notitie {n}", description="x",
                                    meeting_id=meeting.id, added_by_id=host.id))  # fmt: skip
        db.session.commit()
        return {"meeting": meeting.id, "minutes": minutes.id}


@pytest.mark.parametrize("size", [(3, 2), (70, 40)])
@pytest.mark.parametrize("who", ["member", "coordinator", "outsider"])
def test_pages_stay_within_the_query_budget(app, client, crew, size, who):  # noqa: F811
    ids = grow(app, crew, *size)
    login_as(client, crew, who)
    for template in PAGES:
        url = template.format(**ids)
        client.get(url)
        with counting(app) as seen:
            response = client.get(url)
        if who == "outsider" and "minutes" in template:
            assert response.status_code in (403, 404), url
            continue
        assert response.status_code == 200, url
        assert len(seen) <= LIMIT, f"{url}: {len(seen)} queries\n" + "\n".join(seen)


def test_query_count_does_not_grow_with_data(app, client, crew):  # noqa: F811
    ids = grow(app, crew, 4, 2)
    login_as(client, crew, "member")
    small = {}
    for template in PAGES:
        with counting(app) as seen:
            client.get(template.format(**ids))
        small[template] = len(seen)
    grow(app, crew, 60, 30)
    for template in PAGES:
        with counting(app) as seen:
            client.get(template.format(**ids))
        assert len(seen) <= small[template] + (1 if "history" in template else 0), template
