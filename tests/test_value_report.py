"""The dashboard and the funder report: figures per month, CSV, periods, pluggable parts,
and never a word of intervision or of anything not chosen for the report."""

import csv
import io
import re
from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import String, Text, func, literal, select

from leernet.extensions import db
from leernet.meetings.models import Meeting, Rsvp
from leernet.timeutil import utcnow
from leernet.value import cache, sources
from leernet.value.figures import local_today
from leernet.value.sources import FiguresOnly, Table

from . import factories, world
from .conftest import login_as
from .queries import counting

AMSTERDAM = ZoneInfo("Europe/Amsterdam")  # the test network's zone: its dates, not UTC's

MARKER = "VERTROUWELIJK-7f3a"


def user(people, key):
    return db.session.get(factories.User, people[key][0])


def held(people, title="Netwerkdag", days=-3, present=("member", "other"), scores=(4, 5)):
    meeting = factories.meeting(title, days=days, hours=2)
    for key, score in zip(present, scores, strict=False):
        factories.attend(meeting, user(people, key))
        factories.checkout(meeting, user(people, key), score, ("immediate", "applied"))
    for key in present:
        db.session.add(Rsvp(meeting_id=meeting.id, user_id=user(people, key).id, answer="yes"))
    db.session.commit()
    return meeting


def period_args(days=40):
    today = local_today(AMSTERDAM.key)  # the network's date, as the report reads it
    return f"start={(today - timedelta(days=days)).isoformat()}&end={today.isoformat()}"


def test_the_dashboard_shows_charts_tables_stories_and_my_journey(app, client, people):
    with app.app_context():
        held(people)
        factories.story(user(people, "member"), "Het netwerk hielp")
    login_as(client, people, "member")
    page = client.get("/value/").get_data(as_text=True)
    assert page.count('role="img"') >= 3 and "<table" in page
    assert "style=" not in page.split("<main", 1)[1]
    assert "Het netwerk hielp" in page
    assert "My journey" in page and "Meetings attended" in page
    assert 'id="journey"' in page
    assert "4.5" in page  # the mean usefulness of this month (English number format)


def test_the_me_page_links_to_my_journey(client, people):
    login_as(client, people, "member")
    assert "/value/#journey" in client.get("/members/me").get_data(as_text=True)


def test_the_report_has_the_figures_and_only_chosen_stories(app, client, people):
    with app.app_context():
        held(people)
        factories.story(user(people, "member"), "Gekozen verhaal", in_report=True)
        factories.story(user(people, "member"), "Niet gekozen verhaal")
        factories.decision(user(people, "member"), "Een besloten voorstel", status="closed",
                           outcome="adopted", closed_at=utcnow() - timedelta(days=2))  # fmt: skip
    login_as(client, people, "coordinator")
    page = client.get(f"/value/report?{period_args()}").get_data(as_text=True)
    assert "Meetings held" in page and "Gekozen verhaal" in page
    assert "Niet gekozen verhaal" not in page
    assert "Een besloten voorstel" in page and "Adopted" in page
    assert people["member"][1] not in page and "Bram Lid" not in page  # no author names
    assert "@media print" in client.get("/static/css/app.css").get_data(as_text=True)


def test_members_cannot_see_the_report(client, people):
    login_as(client, people, "member")
    assert client.get("/value/report").status_code == 403
    assert client.get("/value/report.csv").status_code == 403


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("start=&end=", "Choose both a start date and an end date."),
        ("start=2026-05-01&end=2026-01-01", "The end date comes before the start date."),
        ("start=2026-02-30&end=2026-03-01", "Use real dates"),
        ("start=1990-01-01&end=2026-01-01", "at most ten years"),
        ("start=<script>&end=x", "Use real dates"),
    ],
)
def test_a_wrong_period_gets_a_clear_message(client, people, query, message):
    login_as(client, people, "coordinator")
    response = client.get(f"/value/report?{query}")
    assert response.status_code == 200
    assert message in response.get_data(as_text=True)
    csv_response = client.get(f"/value/report.csv?{query}")
    assert csv_response.status_code == 303 and "/value/report?" in csv_response.headers["Location"]


def test_an_empty_period_says_nothing_happened(client, people):
    login_as(client, people, "coordinator")
    page = client.get("/value/report?start=2001-01-01&end=2001-12-31").get_data(as_text=True)
    assert "Nothing happened in this period" in page


def read_csv(response):
    assert response.mimetype == "text/csv"
    assert response.headers["Content-Disposition"].startswith("attachment")
    return list(csv.reader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))


def test_csv_exports_per_month_and_the_chosen_stories(app, client, people):
    with app.app_context():
        held(people)
        factories.story(user(people, "member"), '=HYPERLINK("x")', "-2+3", in_report=True)
    login_as(client, people, "coordinator")
    rows = read_csv(client.get(f"/value/report.csv?{period_args(10)}&table=months"))
    assert rows[0][:7] == [
        "Month", "Meetings", "Present", "Said yes", "Said yes and came", "Check-outs",
        "Average usefulness (1–5)",
    ]  # fmt: skip
    this_month = local_today(AMSTERDAM.key).strftime("%Y-%m")
    figures = {row[0]: row for row in rows[1:]}
    meeting_month = (utcnow() - timedelta(days=3)).astimezone(AMSTERDAM).strftime("%Y-%m")
    assert figures[meeting_month][1:7] == ["1", "2", "2", "2", "2", "4.5"]
    assert this_month in figures
    stories = read_csv(client.get(f"/value/report.csv?{period_args(10)}&table=stories"))
    assert stories[1][1] == '\'=HYPERLINK("x")' and stories[1][2] == "'-2+3"  # no formulas
    cycles = read_csv(client.get(f"/value/report.csv?{period_args(10)}&table=cycles"))
    assert cycles[1] == ["Immediate value", "2", "0"] and cycles[3] == ["Applied value", "2", "1"]
    assert client.get(f"/value/report.csv?{period_args()}&table=nope").status_code == 404


def test_months_are_counted_in_the_networks_time_zone(app, client, people):
    """A meeting at 00:30 on 1 March in Amsterdam is 23:30 UTC on 28 February: March."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from leernet.meetings.models import Meeting

    with app.app_context():
        start = datetime(2025, 3, 1, 0, 30, tzinfo=ZoneInfo("Europe/Amsterdam"))
        db.session.add(
            Meeting(title="Nachtsessie", starts_at=start, ends_at=start + timedelta(hours=1))
        )
        db.session.commit()
    login_as(client, people, "coordinator")
    rows = read_csv(client.get("/value/report.csv?start=2025-02-01&end=2025-03-31&table=months"))
    assert [row[:2] for row in rows[1:]] == [["2025-02", "0"], ["2025-03", "1"]]


def plant_marker(people):
    """The marker in every text that must never reach a report: takeaways, stories not
    chosen, RSVP notes, the agenda of an intervision meeting, and every free-text column of
    every intervision table there is."""
    meeting = held(people, "Intervisie", present=("member",))
    meeting.kind, meeting.agenda = "intervision", MARKER
    for checkout in meeting_checkouts(meeting):
        checkout.takeaway = MARKER
    for rsvp in meeting.rsvps:
        rsvp.note = MARKER
    factories.story(user(people, "member"), MARKER, MARKER, visibility="coordinators")
    factories.story(user(people, "other"), "Netwerkverhaal", MARKER)
    intervision_in_the_period(people)
    for table in db.metadata.sorted_tables:
        if any(word in table.name for word in ("intervision", "session", "case", "reflection")):
            texts = {
                c.name: MARKER
                for c in table.columns
                if isinstance(c.type, Text)
                or isinstance(c.type, String)
                and (c.type.length or 0) >= 200
            }
            if texts:
                db.session.execute(table.update().values(**texts))
    db.session.commit()


def intervision_in_the_period(people):
    """A session the coordinator took part in, with everything a session can hold written
    down (case, phase note, reflection, commitment and its report), and a story about it
    chosen for the report: the report must count it and say none of it."""
    from leernet.intervision.models import PhaseNote

    coordinator, member, other = (user(people, k) for k in ("coordinator", "member", "other"))
    meeting = factories.meeting("Intervisie met casus", days=-4)
    session = factories.intervision(
        meeting, [coordinator, member, other], status="finished",
        roles={"facilitator": member, "case_bringer": coordinator, "timekeeper": other},
    )  # fmt: skip
    db.session.add(PhaseNote(session_id=session.id, phase=0, author_id=other.id))
    commitment = factories.commitment(session, coordinator)
    commitment.report_status = "partly"
    factories.story(coordinator, "Over de intervisie", link=("session", session.id),
                    in_report=True)  # fmt: skip


def meeting_checkouts(meeting):
    from sqlalchemy import select

    from leernet.value.models import CheckOut

    return db.session.scalars(select(CheckOut).where(CheckOut.meeting_id == meeting.id)).all()


def test_the_report_never_holds_confidential_or_unchosen_text(app, client, people):
    with app.app_context():
        world_people, _values = world.build()
        plant_marker(people)
    login_as(client, people, "coordinator")
    pages = [client.get(f"/value/report?{period_args(400)}"), client.get("/value/report")]
    keys = set(re.findall(r"table=([\w-]+)", pages[0].get_data(as_text=True)))
    assert {"months", "decisions", "stories", "intervision", "intervision-methods",
            "intervision-roles", "intervision-commitments"} <= keys  # fmt: skip
    for key in keys:
        pages.append(client.get(f"/value/report.csv?{period_args(400)}&table={key}"))
    for response in pages:
        assert response.status_code == 200
        assert MARKER not in response.get_data(as_text=True)


def test_report_tables_hold_figures_only():
    Table("ok", "Sessies per methode", ["Methode", "Sessies"], [("Incidentmethode", 4)])
    with pytest.raises(FiguresOnly):
        Table("bad", "Casussen", ["Casus", "Tekst"], [("Casus", "Wat er gezegd werd")])
    with pytest.raises(FiguresOnly):
        Table("bad", "Casussen", ["Casus", "Aantal"], [("x" * 500, 1)])
    with pytest.raises(FiguresOnly):
        Table("bad", "Rijen", ["a", "b"], [("a", 1, 2)])


@pytest.fixture
def plugins():
    """Register extra parts as the intervision feature will, and take them away again."""
    before = (list(sources.JOURNEY), list(sources.PANELS), list(sources.SECTIONS))
    registries = [cache.READERS, cache.WATCHED]
    kept = [registry.copy() for registry in registries]
    yield
    sources.JOURNEY[:], sources.PANELS[:], sources.SECTIONS[:] = before
    for registry, copy in zip(registries, kept, strict=True):
        registry.clear()
        registry.update(copy)


def test_other_features_plug_into_journey_dashboard_and_report(app, client, people, plugins):
    @sources.journey_item(20)
    def roles(user):
        return [literal(7)], lambda values: [("Rollen vervuld", values[0])]

    @cache.reader("test.meetings")
    def meetings(bounds, now):
        return select(func.count()).select_from(Meeting).where(Meeting.starts_at < bounds[-1])

    @sources.dashboard_panel(30, "test.meetings")
    def rotation(rows, period):
        assert rows == [[1]]  # the meeting held below, read through the cache
        names = {1: "Ans", 2: "Bo", 3: "Cem"}
        counts = {1: {"facilitator": 2, "timekeeper": 1}, 2: {"facilitator": 1}, 3: {}}
        labels = {"facilitator": "Gespreksleider", "timekeeper": "Tijdbewaker"}
        return sources.fairness_chart(counts, names, labels)

    @sources.report_section(40)
    def methods(period, bounds):
        return [Table("methods", "Sessies per methode", ["Methode", "Sessies"], [("Balint", 3)])]

    @sources.report_section(41)
    def leaky(period, bounds):
        return [Table("leak", "Casussen", ["Casus", "Tekst"], [("Casus", MARKER)])]

    with app.app_context():
        held(people)
    login_as(client, people, "coordinator")
    page = client.get("/value/").get_data(as_text=True)
    assert "Rollen vervuld" in page and "Roles held per member" in page
    assert "Gespreksleider" in page and "Counts for one role differ by 2" in page
    report = client.get("/value/report").get_data(as_text=True)
    assert "Sessies per methode" in report and "Balint" in report
    assert MARKER not in report  # the section that broke the rule is left out
    rows = read_csv(client.get("/value/report.csv?table=methods"))
    assert rows == [["Methode", "Sessies"], ["Balint", "3"]]


def test_fairness_chart_says_when_rotation_is_even():
    chart = sources.fairness_chart(
        {1: {"a": 1}, 2: {"a": 2}}, {1: "Ans", 2: "Bo"}, {"a": "Rol A"}, title="Rollen"
    )
    assert chart.kind == "hbar" and chart.labels == ["Ans", "Bo"]
    assert chart.rows() == [("Ans", ["1"]), ("Bo", ["2"])]
    assert "evenly" in chart.desc
    assert 'role="img"' in str(chart.svg)


PAGES = ["/", "/value/", "/value/stories/", "/value/stories/new", "/value/report",
         "/value/report.csv?table=months"]  # fmt: skip


def grow(app, people, meetings, members):
    with app.app_context():
        extra = [factories.user(f"Lid {n}") for n in range(members)]
        for n in range(meetings):
            meeting = factories.meeting(f"Bijeenkomst {n}", days=-3 - n * 9, hours=2)
            for index, person in enumerate(extra):
                factories.attend(meeting, person) if index % 2 else None
                if index % 3:
                    factories.checkout(meeting, person, 1 + index % 5, ("immediate",))
            factories.story(extra[n % members], f"Verhaal {n}", link=("meeting", meeting.id),
                            in_report=n % 2 == 0)  # fmt: skip


def test_pages_stay_within_the_query_budget_whatever_the_size(app, client, people):
    login_as(client, people, "coordinator")
    counts = {}
    for size in ((2, 3), (30, 12)):
        grow(app, people, *size)
        for url in PAGES:
            client.get(url)
            with counting(app) as statements:
                response = client.get(url)
            assert response.status_code == 200, url
            assert len(statements) <= 12, (url, len(statements), statements)
            counts.setdefault(url, set()).add(len(statements))
    assert all(len(seen) == 1 for seen in counts.values()), counts


def test_fairness_chart_keeps_the_extremes_of_a_large_network():
    counts = {m: {"a": m % 7, "b": 1} for m in range(1, 101)}
    names = {m: f"Lid {m:03d}" for m in counts}
    chart = sources.fairness_chart(counts, names, {"a": "Rol A", "b": "Rol B"}, most=6)
    assert len(chart.labels) == 6
    shown = {int(label.split()[1]) for label in chart.labels}
    assert {m % 7 for m in shown} == {6, 0}  # three who held most, three who held least
    assert "differ by 6" in chart.desc  # the verdict weighs all hundred
    assert any("of 100" in str(note) for note in chart.notes)
