"""Directory, profiles, one's own data, roles and deactivation."""

import json

from sqlalchemy import select

from leernet.extensions import db
from leernet.members import accounts
from leernet.members.models import ExpertiseTag, User

from . import factories
from .conftest import login_as


def test_directory_answers_who_can_i_ask(client, people):
    login_as(client, people, "other")
    by_tag = client.get("/members/?tag=subsidies").get_data(as_text=True)
    assert "Bram Lid" in by_tag and "Chris Ander" not in by_tag
    by_text = client.get("/members/?q=SUBSID").get_data(as_text=True)
    assert "Bram Lid" in by_text and "Chris Ander" not in by_text
    by_name = client.get("/members/?q=chris").get_data(as_text=True)
    assert "Chris Ander" in by_name and "Bram Lid" not in by_name
    nothing = client.get("/members/?q=%25_%5C'%22").get_data(as_text=True)
    assert "Nobody found" in nothing


def test_directory_search_returns_a_fragment_for_htmx(client, people):
    login_as(client, people, "member")
    response = client.get("/members/?q=chris", headers={"HX-Request": "true"})
    body = response.get_data(as_text=True)
    assert "Chris Ander" in body and "<html" not in body
    assert "HX-Request" in response.headers["Vary"]
    boosted = client.get("/members/?q=chris", headers={"HX-Request": "true", "HX-Boosted": "true"})
    assert "<html" in boosted.get_data(as_text=True)


def test_directory_hides_deactivated_and_paginates(app, client, people):
    with app.app_context():
        factories.user("Verdwenen Lid", active=False)
        for n in range(35):
            factories.user(f"Zz Lid {n:02d}")
    login_as(client, people, "member")
    first = client.get("/members/").get_data(as_text=True)
    assert "Verdwenen" not in first and "Page 1 of 2" in first
    assert "Zz Lid 34" in client.get("/members/?page=2").get_data(as_text=True)
    assert client.get("/members/?page=999").status_code == 200


def test_a_tag_added_by_someone_else_at_the_same_moment_is_shared(app, people):
    """The tag "subsidies" exists by the time this member's new tag is inserted: the
    insert gives way and the member gets that tag (under load: no 500, one tag)."""
    with app.app_context():
        other = db.session.get(User, people["other"][0])
        other.tags = [accounts.new_tag("subsidies")]
        db.session.commit()
        tags = db.session.scalars(select(ExpertiseTag).where(ExpertiseTag.name == "subsidies"))
        assert [t.id for t in tags.all()] == [t.id for t in other.tags]


def test_edit_profile_and_tags(app, client, people):
    login_as(client, people, "member")
    response = client.post(
        "/members/me",
        data={
            "name": "Bram de Lid",
            "bio": "Zakelijk leider",
            "expertise": "Subsidies,  fondsen , subsidies",
            "contact": "phone",
            "contact_detail": "06-12345678",
            "language": "en",
        },
    )
    assert response.status_code == 303
    with app.app_context():
        user = db.session.get(User, people["member"][0])
        assert [t.name for t in user.tags] == ["fondsen", "subsidies"]
        assert user.contact == "phone"
    page = client.get(f"/members/{people['member'][0]}").get_data(as_text=True)
    assert "Bram de Lid" in page and "06-12345678" in page
    bad = client.post(
        "/members/me",
        data={
            "name": "",
            "bio": "Blijft staan",
            "expertise": "x",
            "contact": "pigeon",
            "language": "en",
        },
    )
    assert bad.status_code == 422
    assert "Blijft staan" in bad.get_data(as_text=True)


def test_export_contains_my_data_only(client, people):
    login_as(client, people, "member")
    response = client.get("/members/me/export")
    assert response.headers["Content-Disposition"].startswith("attachment")
    data = json.loads(response.get_data(as_text=True))
    assert data["profile"]["email"] == people["member"][1]
    assert data["profile"]["expertise"] == ["hr", "subsidies"]
    assert people["other"][1] not in response.get_data(as_text=True)


def test_erase_keeps_history_as_former_member(app, client, people):
    login_as(client, people, "member")
    wrong = client.post("/members/me/erase", data={"password": "wrong password"})
    assert wrong.status_code == 422
    assert (
        client.post("/members/me/erase", data={"password": factories.PASSWORD}).status_code == 303
    )
    with app.app_context():
        user = db.session.get(User, people["member"][0])
        assert user.erased and not user.active and user.tags == []
        assert user.email.endswith("@invalid") and str(user.display_name) == "Former member"
    assert client.get("/members/").status_code == 302
    relog = client.post(
        "/login", data={"email": people["member"][1], "password": factories.PASSWORD}
    )
    assert relog.status_code == 422


def test_last_coordinator_cannot_be_demoted_deactivated_or_erased(app, client, people):
    login_as(client, people, "coordinator")
    me = people["coordinator"][0]
    assert "only coordinator" in client.post(
        f"/admin/members/{me}/role", data={"coordinator": "0"}, follow_redirects=True
    ).get_data(as_text=True)
    client.post(f"/admin/members/{me}/active", data={"active": "0"})
    erase = client.post("/members/me/erase", data={"password": factories.PASSWORD})
    assert "only coordinator" in erase.get_data(as_text=True)
    with app.app_context():
        user = db.session.get(User, me)
        assert user.is_coordinator and user.active and not user.erased


def test_promote_demote_deactivate_reactivate(app, client, people):
    login_as(client, people, "coordinator")
    member_id = people["member"][0]
    client.post(f"/admin/members/{member_id}/role", data={"coordinator": "1"})
    with app.app_context():
        assert db.session.get(User, member_id).is_coordinator
    client.post(f"/admin/members/{member_id}/role", data={"coordinator": "0"})
    client.post(f"/admin/members/{member_id}/active", data={"active": "0"})
    member = app.test_client()
    login_as(member, people, "member")
    with app.app_context():
        user = db.session.get(User, member_id)
        assert not user.is_coordinator and not user.active
    assert member.get("/members/").status_code == 302
    client.post(f"/admin/members/{member_id}/active", data={"active": "1"})
    login_as(member, people, "member")
    assert member.get("/members/").status_code == 200
    with app.app_context():
        assert db.session.scalar(select(User).where(User.id == member_id)).active
