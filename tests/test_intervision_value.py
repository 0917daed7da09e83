"""Intervision in value creation: my journey, the dashboard's sessions and fair rotation,
the report's figures (never a name or a word said), and value stories about a session."""

import csv
import io
import re
from decimal import Decimal

import pytest
from sqlalchemy import select

from leernet.extensions import db
from leernet.intervision.plugins.value import Summary, per_month, role_counts
from leernet.value.models import Story

from . import factories
from .conftest import login_as
from .queries import counting

CASE = "Hoe vertel ik mijn bestuur over het tekort op de begroting?"
OTHER_CASE = "Mag ik een opdracht weigeren van een vaste opdrachtgever?"


def test_role_counts_keep_members_without_a_role():
    rows = [(1, 2, 0, Decimal(1), 0), (2, 0, 0, 0, 0)]
    assert role_counts(rows) == {
        1: {"facilitator": 2, "case_bringer": 0, "timekeeper": 1, "minute_taker": 0},
        2: {"facilitator": 0, "case_bringer": 0, "timekeeper": 0, "minute_taker": 0},
    }


def test_sessions_per_month_fill_empty_months_and_ignore_strays():
    rows = [(0, 2, 9), (2, 1, Decimal(4)), (5, 7, 7), (None, 1, 1)]
    assert per_month(rows, 3) == ([2, 0, 1], [9, 0, 4])
    assert per_month([], 2) == ([0, 0], [0, 0])


def test_a_summary_names_every_figure_of_its_row():
    row = [3, 11, 5, 3, 2, 3, 1, 2, 2, 3, 1, Decimal(4), 3, 2, 1, None]
    summary = Summary.from_row(row)
    assert (summary.sessions, summary.places, summary.members) == (3, 11, 5)
    assert summary.role_rows() == [
        ("facilitator", 3, 2), ("case_bringer", 2, 2), ("timekeeper", 3, 3),
        ("minute_taker", 1, 1),
    ]  # fmt: skip
    assert (summary.made, summary.reported) == (4, 3)
    assert summary.status_rows() == [("done", 2), ("partly", 1), ("not_yet", 0)]
    with pytest.raises(ValueError):
        Summary.from_row(row[:-1])


def user(people, key):
    return db.session.get(factories.User, people[key][0])


def sessions(people):
    """Two finished sessions of four people (Dirk and Eva join the fixture's members), one
    not started; a commitment kept, one made and not reported on. Ids by name."""
    member, other = user(people, "member"), user(people, "other")
    dirk, eva = factories.user("Dirk Doet"), factories.user("Eva Eerlijk")
    four = [member, other, dirk, eva]
    first = factories.intervision(
        factories.meeting("Intervisie januari", days=-20),
        four,
        roles={"facilitator": member, "case_bringer": other, "timekeeper": dirk,
               "minute_taker": eva},
        status="finished",
        case_question=CASE,
    )  # fmt: skip
    second = factories.intervision(
        factories.meeting("Intervisie februari", days=-10),
        four,
        method="balint",
        roles={"facilitator": other, "case_bringer": member, "timekeeper": eva},
        status="finished",
        case_question=OTHER_CASE,
        name="Groep Zuid",
    )
    coming = factories.intervision(
        factories.meeting("Intervisie maart", days=10),
        four,
        roles={"facilitator": dirk, "case_bringer": eva},
        case_question="Nog niet begonnen",
    )
    kept = factories.commitment(first, other, action="Ik bel de penningmeester.")
    kept.report_status, kept.report_session_id = "done", second.id
    factories.commitment(second, member, action="Ik schrijf het bestuur.")
    db.session.commit()
    return {"first": first.id, "second": second.id, "coming": coming.id, "dirk": dirk.id}


def journey(page):
    """``{label: value}`` of the journey on the dashboard."""
    part = page.split('id="journey"', 1)[1].split("</dl>", 1)[0]
    return dict(re.findall(r"<dt>(.*?)</dt><dd>(.*?)</dd>", part))


def test_my_journey_counts_my_roles_cases_and_kept_commitments(app, client, people):
    with app.app_context():
        sessions(people)
    login_as(client, people, "member")
    mine = journey(client.get("/value/").get_data(as_text=True))
    assert mine["Intervision sessions taken part in"] == "2"
    assert mine["Intervision sessions facilitated"] == "1"
    assert mine["Cases brought to intervision"] == "1"
    assert mine["Intervision sessions as timekeeper"] == "0"
    assert mine["Intervision commitments kept"] == "0 of 1"
    login_as(client, people, "other")
    theirs = journey(client.get("/value/").get_data(as_text=True))
    assert theirs["Intervision commitments kept"] == "1 of 1"
    login_as(client, people, "coordinator")
    never = journey(client.get("/value/").get_data(as_text=True))
    assert never["Intervision sessions taken part in"] == "0"
    assert "Cases brought to intervision" not in never


def test_the_dashboard_shows_sessions_per_month_and_role_rotation(app, client, people):
    with app.app_context():
        sessions(people)
    login_as(client, people, "member")
    page = client.get("/value/").get_data(as_text=True)
    assert "Intervision sessions" in page and "2 sessions, 8 places taken." in page
    rotation = page.split('id="intervision-roles-title"', 1)[1]
    assert "Intervision roles held per member" in rotation
    for name in ("Bram Lid", "Chris Ander", "Dirk Doet", "Eva Eerlijk"):
        assert name in rotation
    # Dirk held no facilitator role where Bram and Chris each held one; Eva took minutes once.
    assert "Every role went round evenly" in rotation
    assert CASE not in page and "Nog niet begonnen" not in page


def test_without_intervision_the_dashboard_has_no_empty_intervision_charts(client, people):
    login_as(client, people, "member")
    page = client.get("/value/").get_data(as_text=True)
    assert "Intervision roles held per member" not in page
    assert "intervision-sessions" not in page


def read_csv(response):
    assert response.status_code == 200 and response.mimetype == "text/csv"
    return list(csv.reader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))


def test_the_report_counts_sessions_methods_roles_and_commitments(app, client, people):
    with app.app_context():
        sessions(people)
    login_as(client, people, "coordinator")
    page = client.get("/value/report").get_data(as_text=True)
    assert "Intervision sessions by method" in page and "Balint method" in page
    for name in ("Bram Lid", "Chris Ander", "Dirk Doet", "Eva Eerlijk", "Groep Zuid"):
        assert name not in page  # no names in a funder's report
    assert CASE not in page and OTHER_CASE not in page
    assert read_csv(client.get("/value/report.csv?table=intervision")) == [
        ["Figure", "Number"], ["Sessions held", "2"], ["Places taken", "8"],
        ["Different members taking part", "4"], ["Cases brought", "2"],
    ]  # fmt: skip
    methods = read_csv(client.get("/value/report.csv?table=intervision-methods"))
    assert methods[0] == ["Method", "Sessions"] and sorted(methods[1:]) == [
        ["Balint method", "1"], ["Incident method", "1"],
    ]  # fmt: skip
    assert read_csv(client.get("/value/report.csv?table=intervision-roles")) == [
        ["Role", "Times held", "Members who held it"], ["Facilitator", "2", "2"],
        ["Case-bringer", "2", "2"], ["Timekeeper", "2", "2"], ["Minute-taker", "1", "1"],
    ]  # fmt: skip
    assert read_csv(client.get("/value/report.csv?table=intervision-commitments")) == [
        ["Commitments", "Number"], ["Made", "2"], ["Reported back on", "1"], ["Reported done", "1"],
        ["Reported partly done", "0"], ["Reported not done yet", "0"],
    ]  # fmt: skip


def test_a_period_without_sessions_has_no_intervision_tables(app, client, people):
    with app.app_context():
        sessions(people)
    login_as(client, people, "coordinator")
    page = client.get("/value/report?start=2001-01-01&end=2001-12-31").get_data(as_text=True)
    assert "Intervision sessions by method" not in page
    assert client.get("/value/report.csv?start=2001-01-01&end=2001-12-31&table=intervision")\
        .status_code == 404  # fmt: skip


def story_form(client):
    return client.get("/value/stories/new").get_data(as_text=True)


def test_a_member_tells_a_story_about_a_session_they_took_part_in(app, client, people):
    with app.app_context():
        ids = sessions(people)
    login_as(client, people, "member")
    form = story_form(client)
    assert f'value="session:{ids["first"]}"' in form and f'value="session:{ids["second"]}"' in form
    assert f'value="session:{ids["coming"]}"' not in form  # not held yet
    assert "Hoe vertel ik mijn bestuur over het tekort op de begroting?" in form
    response = client.post(
        "/value/stories/new",
        data={"title": "Ik durfde het tekort te melden", "text": "Het bestuur reageerde goed.",
              "about": f"session:{ids['first']}", "visibility": "network"},
    )  # fmt: skip
    assert response.status_code == 303
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert CASE in page and f'href="/intervision/{ids["first"]}"' in page


def test_only_those_who_took_part_read_the_case_a_story_is_about(app, client, people):
    with app.app_context():
        ids = sessions(people)
        outsider = factories.user("Olga Buiten")
        story = factories.story(user(people, "member"), "Over de intervisie",
                                link=("session", ids["first"]))  # fmt: skip
        people = {**people, "outsider": (outsider.id, outsider.email)}
        story_id, meeting_id = story.id, story_meeting(ids["first"])
    login_as(client, people, "outsider")
    for url in ("/value/stories/", f"/value/stories/{story_id}"):
        page = client.get(url).get_data(as_text=True)
        assert "Over de intervisie" in page and "Intervision session, " in page
        assert CASE not in page and f'href="/meetings/{meeting_id}"' in page
    assert f"session:{ids['first']}" not in story_form(client)
    login_as(client, people, "coordinator")  # a coordinator sees that it exists, not the case
    page = client.get(f"/value/stories/{story_id}").get_data(as_text=True)
    assert CASE not in page and f'href="/intervision/{ids["first"]}"' in page
    login_as(client, people, "other")  # took part
    assert CASE in client.get(f"/value/stories/{story_id}").get_data(as_text=True)


def story_meeting(session_id):
    from leernet.intervision.models import Session

    return db.session.get(Session, session_id).meeting_id


def test_a_story_cannot_point_at_a_session_i_was_not_in(app, client, people):
    with app.app_context():
        ids = sessions(people)
    login_as(client, people, "coordinator")
    response = client.post(
        "/value/stories/new",
        data={"title": "Stiekem", "text": "Iets.", "about": f"session:{ids['first']}",
              "visibility": "network"},
    )  # fmt: skip
    assert response.status_code == 422
    with app.app_context():
        assert db.session.scalars(select(Story)).all() == []


def test_an_expired_case_is_no_longer_in_a_story_link(app, client, people):
    with app.app_context():
        ids = sessions(people)
        from leernet.intervision.models import Session

        first = db.session.get(Session, ids["first"])
        first.expires_after_days = 7
        db.session.commit()
        factories.story(user(people, "member"), "Over de intervisie", link=("session", first.id))
    login_as(client, people, "member")
    page = client.get("/value/stories/").get_data(as_text=True)
    assert CASE not in page and "Intervision session, " in page
    assert CASE not in story_form(client) and OTHER_CASE in story_form(client)


def grow(app, people, count):
    """``count`` more sessions of four new members, each with a commitment and a story."""
    with app.app_context():
        member = user(people, "member")
        extra = [factories.user(f"Deelnemer {n}") for n in range(3)]
        for n in range(count):
            meeting = factories.meeting(f"Intervisie {n}", days=-5 - 20 * n)
            session = factories.intervision(
                meeting, [member, *extra], roles={"facilitator": extra[n % 3],
                "case_bringer": member}, status="finished", case_question=f"Casus {n}",
            )  # fmt: skip
            factories.commitment(session, member, action=f"Actie {n}")
            factories.story(member, f"Verhaal {n}", link=("session", session.id))


@pytest.mark.parametrize("who", ["member", "coordinator"])
def test_value_pages_stay_within_budget_with_intervision(app, client, people, who):
    login_as(client, people, who)
    urls = ["/value/", "/value/stories/", "/value/stories/new"]
    if who == "coordinator":
        urls += ["/value/report", "/value/report.csv?table=intervision-roles"]
    counts = {}
    for size in (1, 12):
        grow(app, people, size)
        for url in urls:
            client.get(url)
            with counting(app) as statements:
                assert client.get(url).status_code == 200
            assert len(statements) <= 12, (url, len(statements))
            counts.setdefault(url, set()).add(len(statements))
    assert all(len(seen) == 1 for seen in counts.values()), counts
