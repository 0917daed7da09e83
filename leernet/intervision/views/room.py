"""The room: choosing the case-bringer in the session, cards in a round, the room screen.

The case-bringer may change until the group starts talking about their case
(``roles.case_open``); the change is a swap and every phone follows with its next poll.
Cards are written by participants in a collecting phase and marked by the case-bringer
(``round_cards``). The room screen shows the phase, its instruction, the roles and the
countdown large enough for a TV, and never the case: a participant opens it on their own
device, or pairs a shared screen with a link that works for that one session until it
finishes, so no account stays logged in on the venue's TV.
"""

from flask import Response, abort, current_app, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from itsdangerous import BadSignature, URLSafeTimedSerializer

from ...access import MEMBER, PUBLIC, access
from ...extensions import db
from ...timeutil import utcnow
from ...web import external_url, render
from .. import bp, minutes, roles, round_cards, sessions
from ..core import timer
from ..plans import Plan
from ..policy import session_controller, session_participant
from . import page
from .before_start import answer, int_or_none
from .session import NO_STORE, load_session

SCREEN = "intervision/_screen.html"
#: A paired screen's link outlives no meeting day.
PAIRING_HOURS = 16


@bp.route("/<int:session_id>/case-bringer", methods=["POST"])
@access(MEMBER, session_controller)
def case_bringer(session_id):
    """``member`` brings the case now; their role passes to the previous case-bringer."""
    session, _now = load_session(session_id)
    if not roles.case_open(session, Plan(session.plan)):
        message = _(
            "The case-bringer can no longer change: the group is already working on their case."
        )  # noqa: E501
        return answer(session_id, message, 409)
    member = int_or_none(request.form.get("member"))
    if session.participant(member) is None:
        return answer(session_id, _("Choose someone in this group."), 422)
    roles.change_case_bringer(session, member)
    roles.bump(session)
    db.session.commit()
    name = session.participant(member).user.display_name
    return answer(session_id, _("%(name)s brings the case.", name=name), kind="success")


@bp.route("/<int:session_id>/cards", methods=["POST"])
@access(MEMBER, session_participant)
def cards(session_id):
    """``do``: ``add`` (``text``), or ``mark``/``unmark`` (``card``, the case-bringer)."""
    session, now = load_session(session_id)
    plan = Plan(session.plan)
    phase = plan.phase(session.phase)
    client = roles.client_for(session, plan, phase.turn if phase else 1)
    me = session.participant(current_user.id)
    do = request.form.get("do", "")
    try:
        if do == "add":
            round_cards.add(session, client, me, request.form.get("text"), now)
            message = _("Your card is on its way to %(name)s.", name=client.user.display_name
                        if client else "")  # fmt: skip
        elif do in ("mark", "unmark") and me is not None and me is client:
            with minutes.following_notes(session, now):
                card = int_or_none(request.form.get("card"))
                round_cards.mark(session, plan, me, card, do == "mark")
            message = None
        else:
            abort(400)
    except round_cards.CardError as error:
        db.session.rollback()
        message, status = CARD_REFUSALS.get(str(error), CARD_REFUSALS["not collecting"])
        return answer(session_id, message(), status)
    roles.bump(session)
    db.session.commit()
    return answer(session_id, message, kind="success")


CARD_REFUSALS = {
    "not collecting": (lambda: _("Cards can only be written in a round that collects them."), 409),
    "not a writer": (lambda: _("The case-bringer receives the cards and writes none."), 409),
    "empty": (lambda: _("Write something on the card first."), 422),
    "no such card": (lambda: _("That card is not in this session."), 404),
}


def _serializer():
    return URLSafeTimedSerializer(current_app.secret_key, salt="intervision-screen")


def pairing_token(session):
    return _serializer().dumps(session.id)


def _paired(token):
    """The session a pairing link is for, or None (invalid, expired, unknown)."""
    try:
        session_id = _serializer().loads(token, max_age=PAIRING_HOURS * 3600)
    except BadSignature:
        return None
    return sessions.load(session_id) if isinstance(session_id, int) else None


def _screen(session, token, fragment=False, status=200, pair=False):
    if session is None or session.status == timer.FINISHED or session.case_removed:
        ended = "intervision/_screen_ended.html"
        template = ended if fragment else "intervision/screen_ended.html"
        code = status if session or fragment else 404
        response = render(template, ended, code, finished=bool(session))
    else:
        ctx = page.screen_context(session, utcnow())
        ctx["state_url"] = url_for("intervision.screen_state", token=token, v=session.version)
        ctx["pair_url"] = external_url("intervision.paired_screen", token=token)
        ctx["pair"] = pair
        template = SCREEN if fragment else "intervision/screen.html"
        response = render(template, SCREEN, status, **ctx)
    response.headers.update(NO_STORE)
    return response


@bp.route("/<int:session_id>/screen")
@access(MEMBER, session_participant)
def screen(session_id):
    """The room screen on a participant's own device, with the link to pair a shared one."""
    session, _now = load_session(session_id)
    return _screen(session, pairing_token(session), pair=True)


@bp.route("/screen/<token>")
@access(PUBLIC)
def paired_screen(token):
    return _screen(_paired(token), token)


@bp.route("/screen/<token>/state")
@access(PUBLIC)
def screen_state(token):
    """As the phones' poll: 204 while nothing changed, 286 (stop) once it is over."""
    session = _paired(token)
    if session is not None and request.args.get("v", type=int) == session.version:
        return Response(status=204, headers=NO_STORE)
    if session is None or session.status == timer.FINISHED:
        return _screen(session, token, fragment=True, status=286)
    return _screen(session, token, fragment=True)
