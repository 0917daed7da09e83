"""The migration that creates the search index also indexes the members already there."""

from alembic.script import ScriptDirectory
from flask_migrate import downgrade, upgrade
from sqlalchemy import text

from leernet.extensions import db
from leernet.members.models import User
from leernet.search.engine import search

LIBRARY = "3a447e9299b6"


def test_upgrade_indexes_existing_members(app):
    with app.app_context():
        config = app.extensions["migrate"].migrate.get_config()
        before = ScriptDirectory.from_config(config).get_revision(LIBRARY).down_revision
        db.session.remove()
        downgrade(revision=before)
        with db.engine.begin() as conn:
            for n, (name, active, tags) in enumerate(
                [("Fleur Fondsen", True, ["fondsenwerving"]), ("Oud Lid", False, ["archief"])]
            ):
                conn.execute(
                    text(
                        'INSERT INTO "user" (id, email, name, password_hash, is_coordinator, '
                        "active, erased, bio, contact, contact_detail, locale, session_version) "
                        "VALUES (:id, :email, :name, '', :no, :active, :no, 'Bio', 'email', '', "
                        "'nl', 1)"
                    ),
                    {
                        "id": n + 1,
                        "email": f"u{n}@x.nl",
                        "name": name,
                        "active": active,
                        "no": False,
                    },
                )
                for tag in tags:
                    conn.execute(
                        text("INSERT INTO expertise_tag (id, name) VALUES (:id, :name)"),
                        {"id": n + 1, "name": tag},
                    )
                    conn.execute(
                        text("INSERT INTO user_tag (user_id, tag_id) VALUES (:u, :t)"),
                        {"u": n + 1, "t": n + 1},
                    )
        upgrade()
        with app.test_request_context():
            fleur = db.session.get(User, 1)
            page, _query = search(fleur, "fondsen")
            assert [r.document.title for r in page.items] == ["Fleur Fondsen"]
            assert search(fleur, "archief")[0].total == 0, "a deactivated member is not indexed"
