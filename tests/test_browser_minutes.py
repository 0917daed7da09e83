"""On phones: write minutes with the live preview; a conflicting save ends on the merge
screen with both texts; pages pass an accessibility audit."""

import re

from playwright.sync_api import expect

from leernet.extensions import db

from . import factories
from .browser import audit, browser, live_server, log_in, no_horizontal_scroll, phone  # noqa: F401
from .test_browser_meetings import mark, still_the_same_page


def crew(app):
    with app.app_context():
        host = factories.user("Hanna Gastvrouw")
        sanne = factories.user("Sanne de Vries")
        daan = factories.user("Daan Jansen")
        meeting = factories.meeting("Netwerkdag", days=-1, host=host, agenda="- Subsidies")
        factories.attend(meeting, sanne, daan)
        db.session.commit()
        return meeting.id, sanne.email, daan.email, host.email


def test_write_minutes_on_a_phone_and_merge_a_conflicting_edit(app, live_server, phone):  # noqa: F811
    meeting_id, sanne_email, daan_email, _host = crew(app)
    minutes = f"{live_server.url}/meetings/{meeting_id}/minutes"

    sanne = phone()
    log_in(sanne, live_server.url, sanne_email)
    sanne.goto(f"{live_server.url}/meetings/{meeting_id}")
    sanne.get_by_role("link", name="Write the minutes").click()
    expect(sanne).to_have_url(minutes + "/edit")
    mark(sanne)
    text = sanne.get_by_label("Minutes", exact=True)
    expect(text).to_have_value(re.compile(r"Present"))
    text.fill("## Besproken\n\nDe subsidieronde is **spannend**.\n")
    preview = sanne.locator("#minutes-preview")
    expect(preview.locator("strong")).to_have_text("spannend")  # live, without a reload
    expect(preview.locator("h2")).to_have_text("Besproken")
    assert still_the_same_page(sanne)
    assert no_horizontal_scroll(sanne)
    save = sanne.get_by_role("button", name="Save")
    box = save.bounding_box()
    assert box["height"] >= 44
    save.click()
    expect(sanne.locator(".flashes")).to_contain_text("Saved as revision 1.")
    sanne.get_by_role("button", name="Share with the attendees").click()
    expect(sanne.locator(".flashes")).to_contain_text("shared for amendment")

    # Both open the editor at revision 1; Sanne saves first, Daan's save conflicts.
    daan = phone()
    log_in(daan, live_server.url, daan_email)
    daan.goto(minutes + "/edit")
    sanne.goto(minutes + "/edit")
    sanne.get_by_label("Minutes", exact=True).fill(
        "## Besproken\n\nDe subsidieronde is **spannend**.\n\n"
        "## Afspraken\n- Sanne belt het fonds\n"
    )
    sanne.get_by_role("button", name="Save").click()
    expect(sanne.locator(".flashes")).to_contain_text("Saved as revision 2.")

    daans = daan.get_by_label("Minutes", exact=True)
    daans.fill("## Besproken\n\nDe subsidieronde is **spannend**, zegt Daan.\n")
    daan.get_by_role("button", name="Save").click()
    expect(daan.locator("#conflict")).to_contain_text("Sanne de Vries saved the minutes")
    expect(daan.locator(".minutes-source")).to_contain_text("Sanne belt het fonds")  # theirs
    expect(daans).to_have_value(re.compile("zegt Daan"))  # mine, not lost
    expect(daan.locator(".diff ins").first).to_be_visible()
    assert no_horizontal_scroll(daan)

    # Daan merges both and saves on top of Sanne's revision.
    daans.fill(
        "## Besproken\n\nDe subsidieronde is **spannend**, zegt Daan.\n\n"
        "## Afspraken\n- Sanne belt het fonds\n"
    )
    daan.get_by_role("button", name="Save").click()
    expect(daan.locator(".flashes")).to_contain_text("Saved as revision 3.")
    expect(daan.locator(".minutes-text")).to_contain_text("zegt Daan")
    expect(daan.locator(".minutes-text")).to_contain_text("Sanne belt het fonds")


def test_unsaved_text_survives_a_reload(app, live_server, phone):  # noqa: F811
    meeting_id, sanne_email, _daan, _host = crew(app)
    sanne = phone()
    log_in(sanne, live_server.url, sanne_email)
    sanne.goto(f"{live_server.url}/meetings/{meeting_id}/minutes/edit")
    sanne.get_by_label("Minutes", exact=True).fill("Bijna kwijt geraakte aantekeningen")
    sanne.reload()  # e.g. the connection dropped and the page came back
    offer = sanne.get_by_role("button", name="Put my unsaved text back")
    expect(offer).to_be_visible()
    offer.click()
    expect(sanne.get_by_label("Minutes", exact=True)).to_have_value(
        "Bijna kwijt geraakte aantekeningen"
    )
    expect(offer).to_be_hidden()


def test_minutes_pages_pass_an_accessibility_audit(app, live_server, phone):  # noqa: F811
    meeting_id, sanne_email, _daan, host_email = crew(app)
    with app.app_context():
        from leernet.meetings.models import Meeting
        from leernet.members.models import User

        meeting = db.session.get(Meeting, meeting_id)
        sanne = db.session.scalar(db.select(User).where(User.email == sanne_email))
        factories.minutes(meeting, sanne, "Eerste\nversie", "Tweede\nversie", state="shared")
        factories.action(sanne, "Fonds bellen", meeting=meeting, due_in=-2)
    base = f"/meetings/{meeting_id}"
    paths = [
        "/",
        base,
        f"{base}/minutes",
        f"{base}/minutes/edit",
        f"{base}/minutes/history",
        f"{base}/minutes/diff",
        f"{base}/actions",
        "/meetings/actions/mine",
        "/meetings/actions/new",
    ]
    page = phone()
    log_in(page, live_server.url, host_email)
    assert audit(page, live_server.url, paths) == []
