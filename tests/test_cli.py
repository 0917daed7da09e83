"""The CLI: setup link, create-coordinator, invite and demo."""

from sqlalchemy import func, select

from leernet.admin.models import Invitation
from leernet.extensions import db
from leernet.members.models import User


def test_setup_link_only_while_there_is_no_coordinator(app, runner, client):
    result = runner.invoke(args=["leernet", "setup-link"])
    line = result.output.strip()
    assert line.startswith("Setup: http://127.0.0.1:5000/setup?token=")
    path = line.split("5000", 1)[1]
    assert client.get(path).status_code == 200
    fresh = runner.invoke(args=["leernet", "setup-link"]).output.strip()
    assert client.get(path).status_code == 410, "an older link stops working"
    assert fresh != line
    runner.invoke(
        args=[
            "leernet",
            "create-coordinator",
            "--name",
            "Anouk",
            "--email",
            "anouk@example.org",
            "--password",
            "een goed wachtwoord",
        ]
    )
    assert runner.invoke(args=["leernet", "setup-link"]).output == ""
    with app.app_context():
        assert db.session.scalar(select(User)).is_coordinator


def test_invite_prints_a_working_link(app, runner, client, network):
    result = runner.invoke(args=["leernet", "invite", "--name", "Daan"])
    assert result.exit_code == 0 and "/join/" in result.output
    with app.app_context():
        assert db.session.scalar(select(Invitation)).name == "Daan"
    assert client.get(result.output.split("5000", 1)[1].strip()).status_code == 200


def test_demo_seeds_once_and_prints_logins(app, runner, client):
    first = runner.invoke(args=["leernet", "demo"])
    assert first.exit_code == 0, first.output
    lines = [line.split() for line in first.output.splitlines() if line.startswith("login: ")]
    assert lines[0][3] == "coordinator" and {line[3] for line in lines} == {"coordinator", "member"}
    with app.app_context():
        members = db.session.scalar(select(func.count(User.id)))
    again = runner.invoke(args=["leernet", "demo"])
    assert again.output == first.output
    with app.app_context():
        assert db.session.scalar(select(func.count(User.id))) == members
    _, email, password, _role = lines[1]
    assert client.post("/login", data={"email": email, "password": password}).status_code == 303


def test_gunicorn_workers_leave_out_the_migration_commands(app, tmp_path):
    from leernet import create_app

    from .conftest import app_config

    config = app_config(app.config["SQLALCHEMY_DATABASE_URI"], tmp_path)
    worker = create_app({**config, "SERVE_ONLY": True})
    assert "migrate" not in worker.extensions and "db" not in worker.cli.commands
    assert "migrate" in app.extensions and "db" in app.cli.commands
