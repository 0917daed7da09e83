"""Hostile input on open decisions (the shared fuzz test only sees a closed one); migration."""

import pytest
from alembic.config import Config
from alembic.script import ScriptDirectory
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select, text

from leernet.decisions.models import Decision, Stance
from leernet.extensions import db
from leernet.members.models import User

from . import factories
from .conftest import login_as
from .test_hostile_input import PAYLOADS, RAW, XSS

FIELDS = ["kind", "reason", "proposal", "note", "result", "resolution", "weighing", "title",
          "background", "method", "closes_at", "review_on", "quorum", "threshold", "action",
          "notify"]  # fmt: skip
KINDS = ["agree", "objection", "block", "yes", "abstain", "support", "concern", "no_objection"]
values = st.one_of(st.sampled_from(PAYLOADS + KINDS), st.text(max_size=200))


@pytest.mark.parametrize("method", ["consent", "majority", "consensus", "advice"])
def test_no_decisions_route_answers_500_on_an_open_decision(app, client, people, method):
    with app.app_context():
        proposer = db.session.get(User, people["member"][0])
        decision_id = factories.decision(proposer, method=method).id
        draft_id = factories.decision(proposer, status="draft").id
    login_as(client, people, "member")
    token = client.csrf_token()
    urls = [f"/decisions/{decision_id}/{action}" for action in ("stance", "amend", "decide")]
    urls += ["/decisions/new", f"/decisions/{draft_id}/edit"]

    @settings(max_examples=30, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))  # fmt: skip
    @given(url=st.sampled_from(urls), data=st.dictionaries(st.sampled_from(FIELDS), values))
    def fuzz(url, data):
        response = client.post(url, data={**data, "csrf_token": token}, csrf=False)
        assert response.status_code < 500, f"{url} {data!r}: {response.status_code}"

    fuzz()
    assert client.get(f"/decisions/{decision_id}").status_code == 200


def test_xss_in_stances_and_proposals_comes_back_escaped(app, client, people):
    with app.app_context():
        proposer = db.session.get(User, people["coordinator"][0])
        decision_id = factories.decision(proposer, method="advice").id
    login_as(client, people, "member")
    for payload in XSS:
        client.post(f"/decisions/{decision_id}/stance", data={"kind": "concern", "reason": payload})
        client.post("/decisions/new", data={"title": payload, "proposal": payload,
                                            "background": payload, "method": "consent",
                                            "action": "draft"})  # fmt: skip
    with app.app_context():
        assert db.session.scalar(select(Stance.reason)) == XSS[-1]
        drafts = db.session.scalars(select(Decision.id).where(Decision.status == "draft")).all()
    for url in ["/", "/decisions/", f"/decisions/{decision_id}"] + [
        f"/decisions/{i}" for i in drafts
    ]:
        assert not RAW.search(client.get(url).text), url


def test_migration_upgrades_a_network_that_has_data(app):
    """Downgrade below the decisions migration, add a network, upgrade: it gets the setting."""
    from flask_migrate import downgrade, upgrade

    with app.app_context():
        config = Config()
        config.set_main_option("script_location", app.extensions["migrate"].directory)
        ours = next(
            s for s in ScriptDirectory.from_config(config).walk_revisions()
            if s.doc.startswith("decisions:")
        )  # fmt: skip
        db.session.remove()
        downgrade(revision=ours.down_revision)
        db.session.execute(
            text(
                "INSERT INTO network (name, description, language, timezone, "
                "members_may_schedule) VALUES ('Oud netwerk', '', 'nl', 'Europe/Amsterdam', "
                ":no)"
            ),
            {"no": False},
        )
        db.session.commit()
        db.session.remove()
        upgrade()
        row = db.session.execute(text("SELECT name, anonymous_tallies FROM network")).one()
        assert row[0] == "Oud netwerk" and not row[1]
        db.session.remove()
