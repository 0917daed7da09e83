"""When a member may check out, who is invited, who reads a story: pure rules."""

from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

from leernet.value import rules

END = datetime(2026, 3, 10, 21, 30, tzinfo=UTC)


def meeting(cancelled=False):
    return SimpleNamespace(
        starts_at=END - timedelta(hours=2),
        ends_at=END,
        cancelled_at=END - timedelta(days=3) if cancelled else None,
    )


def test_check_out_opens_at_the_closing_round_and_closes_a_week_later():
    m = meeting()
    assert rules.refusal(m, True, END - timedelta(hours=1)) == rules.NOT_YET
    assert rules.refusal(m, True, END - timedelta(minutes=30)) is None
    assert rules.refusal(m, True, END + timedelta(days=7)) is None
    assert rules.refusal(m, True, END + timedelta(days=7, seconds=1)) == rules.CLOSED


def test_only_those_who_were_there_check_out():
    assert rules.refusal(meeting(), False, END + timedelta(hours=1)) == rules.ABSENT


def test_a_future_or_cancelled_meeting_is_refused_first():
    assert rules.refusal(meeting(), False, END - timedelta(days=5)) == rules.NOT_YET
    assert rules.refusal(meeting(cancelled=True), True, END + timedelta(hours=1)) == rules.CANCELLED


def test_the_home_card_asks_from_the_closing_round_for_a_week():
    since, until = rules.card_window(END)
    assert since == END - timedelta(days=7) and until == END + timedelta(minutes=30)


def test_invitations_go_once_to_attendees_who_want_notices_and_have_not_checked_out():
    attendees = [(1, True), (2, False), (3, True), (4, True)]
    assert rules.invite_recipients(attendees, checked_out={3}, already_sent={4}) == [1]
    assert rules.invite_recipients([], set(), set()) == []


def test_usefulness_is_one_to_five():
    assert [rules.valid_usefulness(v) for v in (0, 1, 5, 6, "3", None)] == [
        False, True, True, False, False, False
    ]  # fmt: skip


def test_who_reads_and_changes_a_story():
    assert rules.may_read_story("network", 1, 2, False)
    assert not rules.may_read_story("coordinators", 1, 2, False)
    assert rules.may_read_story("coordinators", 1, 1, False)  # the author
    assert rules.may_read_story("coordinators", 1, 2, True)
    assert rules.may_change_story(1, 1, False) and rules.may_change_story(1, 2, True)
    assert not rules.may_change_story(1, 2, False)
    assert not rules.may_change_story(None, 2, False)  # an erased author's story: coordinators
