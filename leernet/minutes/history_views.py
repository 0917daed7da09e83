"""Every revision of the minutes, the difference between any two, and restoring one.

Restoring never rewrites history: the old text becomes a new revision, and it too
carries the revision it started from, so a restore cannot silently undo a save made
while someone was reading the history.
"""

from flask import abort, flash, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import joinedload

from ..access import MEMBER, access
from ..extensions import db
from ..timeutil import utcnow
from ..web import go, render
from . import diff, labels, service
from .forms import RestoreForm
from .models import MinutesEvent, MinutesRevision
from .policy import reads, resolve, writes
from .views import routes

PER_PAGE = 30


def _revisions(minutes):
    return (
        select(MinutesRevision)
        .where(MinutesRevision.minutes_id == minutes.id)
        .options(joinedload(MinutesRevision.author))
        .order_by(MinutesRevision.number.desc())
    )


@routes("/history")
@access(MEMBER, reads)
def history(meeting_id=None, minutes_id=None):
    doc = resolve(meeting_id=meeting_id, minutes_id=minutes_id)
    if doc.minutes is None:
        abort(404)
    page = db.paginate(_revisions(doc.minutes), per_page=PER_PAGE, error_out=False, count=False)
    rows = list(page.items)
    if rows and rows[-1].number > 1:  # the revision before the page's oldest, for its counts
        before = service.revision(doc.minutes, rows[-1].number - 1)
        texts = {r.number: r.text for r in [*rows, *([before] if before else [])]}
    else:
        texts = {r.number: r.text for r in rows}
    changes = {r.number: diff.counts(texts.get(r.number - 1, ""), r.text) for r in rows}
    events = db.session.scalars(
        select(MinutesEvent)
        .where(MinutesEvent.minutes_id == doc.minutes.id)
        .options(joinedload(MinutesEvent.user))
        .order_by(MinutesEvent.id.desc())
        .limit(50)
    ).all()
    return render(
        "minutes/history.html",
        doc=doc,
        minutes=doc.minutes,
        page=page,
        rows=rows,
        changes=changes,
        events=events,
        may_write=doc.may("write"),
    )


def _number(name, default, head):
    try:
        value = int(request.args.get(name, default))
    except (TypeError, ValueError):
        value = default
    return min(max(value, 0), head)


@routes("/diff")
@access(MEMBER, reads)
def compare(meeting_id=None, minutes_id=None):
    doc = resolve(meeting_id=meeting_id, minutes_id=minutes_id)
    minutes = doc.minutes
    if minutes is None or not minutes.head:
        abort(404)
    new = _number("b", minutes.head, minutes.head)
    old = _number("a", new - 1, minutes.head)
    if old > new:
        old, new = new, old
    found = {
        r.number: r
        for r in db.session.scalars(
            _revisions(minutes).where(MinutesRevision.number.in_([old, new]))
        )
    }
    a, b = found.get(old), found.get(new)
    return render(
        "minutes/diff.html",
        doc=doc,
        minutes=minutes,
        a=a,
        b=b,
        old=old,
        new=new,
        changes=diff.diff(a.text if a else "", b.text if b else ""),
        may_write=doc.may("write"),
    )


@routes("/restore", methods=["POST"])
@access(MEMBER, writes)
def restore(meeting_id=None, minutes_id=None):
    doc = resolve(meeting_id=meeting_id, minutes_id=minutes_id)
    back = url_for("minutes.history", **doc.args)
    form = RestoreForm()
    if doc.minutes is None or not form.validate_on_submit():
        flash(_("Choose a revision to restore."), "error")
        return go(back)
    if not doc.may("write"):
        flash(labels.REFUSALS["locked" if doc.minutes.locked else "draft"], "error")
        return go(back)
    try:
        saved = service.restore(
            doc.minutes, form.number.data, form.base.data, current_user, utcnow()
        )
        db.session.commit()
    except (service.Conflict, IntegrityError):
        db.session.rollback()
        flash(
            _("Someone saved the minutes in the meantime. Look at the latest revision first."),
            "error",
        )
        return go(back)
    except service.MinutesError as error:
        db.session.rollback()
        flash(labels.REFUSALS.get(error.reason, error.reason), "error")
        return go(back)
    if saved is None:
        flash(_("That revision's text is already the current text."), "info")
    else:
        flash(
            _(
                "Revision %(old)d restored as revision %(new)d.",
                old=form.number.data,
                new=saved.number,
            ),
            "success",
        )
    return go(url_for("minutes.view", **doc.args))
