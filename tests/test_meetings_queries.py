"""Pages stay within 12 SQL queries, however many meetings and answers there are."""

from datetime import timedelta

import pytest

from leernet.extensions import db
from leernet.meetings.models import Attendance, Meeting, Rsvp
from leernet.timeutil import utcnow

from . import factories
from .conftest import login_as
from .queries import counting

LIMIT = 12


def grow(app, people, meetings, members):
    """``meetings`` meetings around now, each answered by ``members`` extra members."""
    with app.app_context():
        users = [factories.user(f"Lid {n}") for n in range(members)]
        users += [db.session.get(factories.User, people[k][0]) for k in ("member", "other")]
        start = utcnow().replace(microsecond=0)
        made = []
        for n in range(meetings):
            begin = start + timedelta(days=n - meetings // 2, hours=1)
            made.append(
                Meeting(
                    title=f"Bijeenkomst {n}",
                    starts_at=begin,
                    ends_at=begin + timedelta(hours=2),
                    capacity=members,
                )
            )
        db.session.add_all(made)
        db.session.flush()
        for meeting in made:
            for index, user in enumerate(users):
                answer = ("yes", "maybe", "no")[index % 3]
                db.session.add(
                    Rsvp(
                        meeting_id=meeting.id,
                        user_id=user.id,
                        answer=answer,
                        said_yes_at=start,
                        note="Iets later",
                    )
                )
                if meeting.ends_at < start and index % 2:
                    db.session.add(Attendance(meeting_id=meeting.id, user_id=user.id))
        db.session.commit()
        return made[meetings // 2].id, made[0].id


PAGES = [
    "/",
    "/meetings/",
    "/meetings/?when=past",
    "/meetings/{next}",
    "/meetings/{past}",
    "/polls/",
    "/calendar/",
    "/meetings/{next}/attendance",
]


@pytest.mark.parametrize("size", [(4, 2), (60, 40)])
def test_pages_stay_within_the_query_budget(app, client, people, size):
    next_id, past_id = grow(app, people, *size)
    login_as(client, people, "coordinator")
    for template in PAGES:
        url = template.format(next=next_id, past=past_id)
        client.get(url)  # warm up (the calendar page creates its token once)
        with counting(app) as seen:
            response = client.get(url)
        assert response.status_code == 200, url
        assert len(seen) <= LIMIT, f"{url}: {len(seen)} queries\n" + "\n".join(seen)


def test_query_count_does_not_grow_with_data(app, client, people):
    small = {}
    next_id, past_id = grow(app, people, 3, 2)
    login_as(client, people, "member")
    for template in PAGES[:6]:
        url = template.format(next=next_id, past=past_id)
        with counting(app) as seen:
            client.get(url)
        small[template] = len(seen)
    next_id, past_id = grow(app, people, 80, 30)
    for template in PAGES[:6]:
        url = template.format(next=next_id, past=past_id)
        with counting(app) as seen:
            client.get(url)
        assert len(seen) == small[template], url
