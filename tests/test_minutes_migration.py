"""The minutes migration upgrades a network that already has decisions and resources."""

from alembic.script import ScriptDirectory
from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect, text

from leernet.extensions import db


def test_upgrade_keeps_decisions_and_resources_and_the_search_triggers(app):
    with app.app_context():
        config = app.extensions["migrate"].migrate.get_config()
        ours = next(
            s for s in ScriptDirectory.from_config(config).walk_revisions()
            if s.doc.startswith("minutes:")
        )  # fmt: skip
        db.session.remove()
        downgrade(revision=ours.down_revision)
        with db.engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO decision (id, title, proposal, background, method, status, "
                    "quorum, threshold, version, revision, resolution, weighing) VALUES (1, "
                    "'Oud besluit', 'Tekst', '', 'consent', 'draft', 50, 'simple', 1, 0, '', '')"
                )
            )
            conn.execute(
                text(
                    "INSERT INTO resource (id, kind, title, description, url, file_key, file_name, "
                    "file_type, file_family, file_size) VALUES "
                    "(1, 'note', 'Oude notitie', 'Inhoud', '', '', '', '', '', 0)"
                )
            )
        upgrade()
        rows = db.session.execute(
            text("SELECT d.title, d.meeting_id, r.title, r.meeting_id FROM decision d, resource r")
        ).one()
        assert tuple(rows) == ("Oud besluit", None, "Oude notitie", None)
        tables = set(inspect(db.engine).get_table_names())
        assert {"minutes", "minutes_revision", "minutes_event", "action_item"} <= tables
        if db.engine.dialect.name == "sqlite":
            triggers = db.session.execute(
                text("SELECT name FROM sqlite_master WHERE type = 'trigger'")
            ).scalars()
            assert set(triggers) >= {
                "search_document_ai",
                "search_document_ad",
                "search_document_au",
            }
        db.session.execute(text("DELETE FROM decision"))
        db.session.execute(text("DELETE FROM resource"))
        db.session.commit()
        db.session.remove()
