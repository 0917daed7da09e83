"""The dashboard's kept rows: used until a write or a meeting's end could change them."""

from datetime import timedelta

from sqlalchemy import select, update

from leernet.extensions import db
from leernet.intervision.models import Session
from leernet.meetings.models import Meeting
from leernet.timeutil import utcnow
from leernet.value import aggregate, cache, figures
from leernet.value.models import FiguresCache

from . import factories
from .conftest import login_as
from .queries import counting

READERS = ["meetings", "checkouts", "intervision.sessions", "intervision.roles", "board.items"]


def user(people, key):
    return db.session.get(factories.User, people[key][0])


def bounds():
    return aggregate.last_months(figures.local_today(), 12).bounds("Europe/Amsterdam")


def meetings_held(now=None):
    """Meetings counted in the period, through the cache."""
    found = cache.rows(["meetings"], bounds(), now or utcnow())["meetings"]
    return sum(count for _bucket, count, *_rest in found)


def generation():
    kept = db.session.get(FiguresCache, cache.GENERATION)
    return kept.generation if kept else 0


def test_every_table_a_reader_reads_is_watched(app):
    assert set(READERS) <= set(cache.READERS)
    assert {
        "meeting", "attendance", "rsvp", "value_checkout", "intervision_session",
        "intervision_participant", "user",
    } <= cache.WATCHED  # fmt: skip
    assert "value_figures_cache" not in cache.WATCHED


def test_a_second_visit_reads_the_kept_rows_in_one_statement(app, client, people):
    with app.app_context():
        factories.meeting("Netwerkdag", days=-3, hours=2)
    login_as(client, people, "member")
    with counting(app) as first:
        assert client.get("/value/").status_code == 200
    with counting(app) as second:
        page = client.get("/value/").get_data(as_text=True)
    assert "1 meeting, " in page
    kept = [s for s in second if "value_figures_cache" in s]
    assert len(kept) == 1 and not any("sum(value_checkout.usefulness)" in s for s in second)
    assert len(second) == len(first) - len(READERS) - 1  # no readers, nothing to store


def test_a_write_to_a_watched_table_shows_at_once(app, client, people):
    with app.app_context():
        meeting_id = factories.meeting("Netwerkdag", days=-3, hours=2).id
    login_as(client, people, "member")
    assert "No check-outs in this period yet." in client.get("/value/").get_data(as_text=True)
    with app.app_context():
        meeting = db.session.get(Meeting, meeting_id)
        factories.attend(meeting, user(people, "member"))
        factories.checkout(meeting, user(people, "member"), 5)
    page = client.get("/value/").get_data(as_text=True)
    assert "1 check-out, on average 5" in page


def test_bulk_statements_move_the_generation_on(app, people):
    with app.app_context():
        meeting = factories.meeting("Intervisie", days=-1)
        members = [user(people, key) for key in ("coordinator", "member", "other")]
        session = factories.intervision(meeting, members)
        before = generation()
        db.session.execute(update(Session).where(Session.id == session.id).values(version=7))
        db.session.commit()
        assert generation() == before + 1


def test_unwatched_and_rolled_back_writes_leave_the_generation(app, people):
    with app.app_context():
        before = generation()
        factories.question(user(people, "member"))  # the dashboard reads no questions
        assert generation() == before
        factories.meeting("Netwerkdag", days=-3)
        assert generation() == before + 1
        db.session.add(Meeting(title="Nooit", starts_at=utcnow(), ends_at=utcnow()))
        db.session.flush()
        db.session.rollback()
        factories.question(user(people, "other"))
        assert generation() == before + 1


def test_a_meeting_counts_once_it_has_ended_without_a_write(app, people):
    with app.app_context():
        factories.meeting("Al geweest", days=-3, hours=2)
        factories.meeting("Loopt nog", days=0, hours=2)  # started now, ends in two hours
        assert meetings_held() == 1
        assert meetings_held() == 1  # kept, until...
        assert meetings_held(utcnow() + timedelta(hours=3)) == 2  # ...the second one ended


def test_rows_of_an_older_generation_are_neither_used_nor_kept(app, people):
    with app.app_context():
        factories.meeting("Netwerkdag", days=-3, hours=2)
        assert meetings_held() == 1
        current = generation()
        key = db.session.scalar(
            select(FiguresCache.key).where(FiguresCache.key != cache.GENERATION)
        )
        older = {"generation": current - 1, "rows": {"meetings": [[0, 99, 0, 0, 0]]}}
        cache._keep(key, older["generation"], older["rows"], None)
        assert meetings_held() == 1  # a late writer of older rows did not replace these
        db.session.execute(update(FiguresCache).where(FiguresCache.key == key).values(**older))
        db.session.commit()
        assert meetings_held() == 1  # rows of an older generation are read afresh


def test_rows_kept_by_a_changed_statement_are_not_read(app, people, monkeypatch):
    with app.app_context():
        factories.meeting("Netwerkdag", days=-3, hours=2)
        assert meetings_held() == 1
        # The next release counts differently: its rows are kept under another key.
        counted = []
        original = cache.READERS["meetings"].build
        monkeypatch.setitem(
            cache.READERS,
            "meetings",
            cache.Reader(lambda *args: counted.append(1) or original(*args), "meetings@nieuw"),
        )
        assert meetings_held() == 1 and counted == [1]
        assert meetings_held() == 1 and counted == [1]  # and kept again


def test_only_the_apps_own_sessions_are_watched(app, people):
    from sqlalchemy.orm import Session as OrmSession

    with app.app_context():
        before = generation()
        with OrmSession(db.engine) as other:  # a session made outside ``db.session``
            other.add(Meeting(title="Elders", starts_at=utcnow(), ends_at=utcnow()))
            other.commit()
        assert generation() == before
        factories.meeting("Netwerkdag", days=-3)
        assert generation() == before + 1
