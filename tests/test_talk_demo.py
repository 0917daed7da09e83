"""The demo network shows the network talking: notices with replies (one filled), a
proposal discussed across two versions, and wishes that find their teachers."""

from sqlalchemy import select

from leernet.decisions.models import Decision
from leernet.demo import PASSWORD
from leernet.extensions import db


def test_the_demo_network_talks(app, runner, client):
    assert runner.invoke(args=["leernet", "demo"]).exit_code == 0
    client.post("/login", data={"email": "sanne.devries@example.nl", "password": PASSWORD})
    board = client.get("/board/").get_data(as_text=True)
    assert "Zakelijk leider (0,6 fte)" in board and "Vacature" in board
    archive = client.get("/board/?show=archive").get_data(as_text=True)
    assert "vervuld" in archive
    with app.app_context():
        open_id = db.session.scalar(select(Decision.id).where(Decision.status == "open"))
    page = client.get(f"/decisions/{open_id}").get_data(as_text=True)
    assert "gezegd over versie 1" in page and "gezegd over versie 2" in page
    card = client.get("/cards/suggestions").get_data(as_text=True)
    assert "over subsidies; daar wil jij over leren." in card, card
    assert "brief aan de minister" in client.get("/cards/board").get_data(as_text=True)
    assert "Kansen gedeeld" in client.get("/value/").get_data(as_text=True)
    found = client.get("/search?q=minister").get_data(as_text=True)
    assert "Oproep tot samenwerking" in found
