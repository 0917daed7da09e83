"""Minutes pages: read, write (with a live preview), share, approve, unlock.

Each page answers at ``/meetings/<meeting_id>/minutes...`` for a meeting and at
``/minutes/<minutes_id>...`` for any other subject (see ``subjects.py``). History,
differences and restoring live in ``history_views.py``; action items in
``action_views.py``.
"""

from flask import flash, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy.exc import IntegrityError

from ..access import MEMBER, access
from ..errors import error_page
from ..extensions import db
from ..markdown import render_markdown
from ..timeutil import utcnow
from ..web import form_status, go, render
from . import actions, bp, diff, labels, notices, pages, service
from .forms import HeadForm, MinutesForm, PreviewForm, UnlockForm
from .policy import forget, keeps, manages, reads, resolve, writes

MEETING, GENERIC = "/meetings/<int:meeting_id>/minutes", "/minutes/<int:minutes_id>"


def routes(suffix, **options):
    """Register a view for meetings' minutes and for minutes of any subject."""

    def decorate(view):
        bp.add_url_rule(MEETING + suffix, view_func=view, **options)
        bp.add_url_rule(GENERIC + suffix, view_func=view, **options)
        return view

    return decorate


@bp.app_context_processor
def inject_labels():
    return {"minutes_labels": labels}


bp.add_app_template_global(actions.may_change, "action_may_change")


def to_view(doc):
    return go(url_for("minutes.view", **doc.args))


def refused(doc, reason, status=409):
    """A refused change: the minutes again with the reason (403: an error page)."""
    db.session.rollback()
    forget()
    message = labels.REFUSALS.get(reason, reason)
    if status == 403:
        return error_page(403, message)
    return pages.show(resolve(**doc.args), status=status, error=message)


@routes("")
@access(MEMBER, reads)
def view(meeting_id=None, minutes_id=None):
    return pages.show(resolve(meeting_id=meeting_id, minutes_id=minutes_id))


@routes("/edit", methods=["GET", "POST"])
@access(MEMBER, writes)
def edit(meeting_id=None, minutes_id=None):
    doc = resolve(meeting_id=meeting_id, minutes_id=minutes_id)
    form = MinutesForm()
    if doc.minutes is not None and not doc.may("write"):
        if doc.minutes.locked:
            return refused(doc, "locked")
        return taken(doc, form)
    if not form.is_submitted():
        form.text.data = pages.starting_text(doc)
        form.base.data = doc.minutes.head if doc.minutes else 0
    if not form.validate_on_submit():
        return pages.editor(doc, form, status=form_status())
    if doc.minutes is None:
        service.ensure(doc.subject, doc.obj, taker_id=current_user.id)
        forget()
        doc = resolve(**doc.args)
        if not doc.may("write"):
            return taken(doc, form)
    try:
        saved = service.save(
            doc.minutes, form.base.data, form.text.data, current_user, utcnow(), form.note.data
        )
        db.session.commit()
    except service.Conflict as conflict:
        return merge(doc, form, conflict.head)
    except IntegrityError:
        db.session.rollback()
        forget()
        doc = resolve(**doc.args)
        return merge(doc, form, service.revision(doc.minutes, doc.minutes.head))
    except service.MinutesError as error:
        return refused(doc, error.reason, error.status)
    if saved is None:
        flash(_("Nothing changed, so nothing was saved."), "info")
    else:
        flash(_("Saved as revision %(number)d.", number=saved.number), "success")
    return to_view(doc)


def taken(doc, form):
    """Someone else started the draft meanwhile: say so, and keep this member's text."""
    if not form.is_submitted():
        return refused(doc, "taken")
    form.validate()
    return pages.editor(doc, form, status=409, error=labels.REFUSALS["taken"])


def merge(doc, form, head):
    """Someone saved in between: both texts and their difference; nothing is lost."""
    db.session.rollback()
    forget()
    doc = resolve(**doc.args)
    if head is None or doc.minutes is None:
        return refused(doc, "changed")
    form.base.raw_data = [str(head.number)]
    form.base.data = head.number
    changes = diff.diff(head.text, form.text.data or "")
    return pages.editor(doc, form, status=409, theirs=head, changes=changes)


@bp.route("/minutes/preview", methods=["POST"])
@access(MEMBER)
def preview():
    """The live preview: the text as it will look, sanitised like the real page."""
    form = PreviewForm()
    if not form.validate_on_submit():
        message = " ".join(form.text.errors) or _("The preview could not be made.")
        return render("minutes/_preview.html", "minutes/_preview.html", html=None, error=message)
    return render(
        "minutes/_preview.html", "minutes/_preview.html", html=render_markdown(form.text.data)
    )


@routes("/share", methods=["POST"])
@access(MEMBER, keeps)
def share(meeting_id=None, minutes_id=None):
    doc = resolve(meeting_id=meeting_id, minutes_id=minutes_id)
    if not doc.may("share"):
        return refused(doc, "changed")
    try:
        service.share(doc.minutes, current_user, utcnow())
        notices.shared(doc, current_user)
        db.session.commit()
    except service.MinutesError as error:
        return refused(doc, error.reason, error.status)
    flash(_("The minutes are shared for amendment."), "success")
    return to_view(doc)


@routes("/approve", methods=["POST"])
@access(MEMBER, manages)
def approve(meeting_id=None, minutes_id=None):
    doc = resolve(meeting_id=meeting_id, minutes_id=minutes_id)
    form = HeadForm()
    if not form.validate_on_submit() or not doc.may("approve"):
        return refused(doc, "changed")
    try:
        service.approve(doc.minutes, current_user, form.head.data, utcnow())
        db.session.commit()
    except service.MinutesError as error:
        return refused(doc, error.reason, error.status)
    flash(_("The minutes are approved and locked."), "success")
    return to_view(doc)


@routes("/unlock", methods=["POST"])
@access(MEMBER, manages)
def unlock(meeting_id=None, minutes_id=None):
    doc = resolve(meeting_id=meeting_id, minutes_id=minutes_id)
    if not doc.may("unlock"):
        return refused(doc, "changed")
    form = UnlockForm()
    if not form.validate_on_submit():
        return pages.show(doc, status=422, unlock_form=form)
    try:
        service.unlock(doc.minutes, current_user, form.reason.data, utcnow())
        db.session.commit()
    except service.MinutesError as error:
        return refused(doc, error.reason, error.status)
    flash(_("The minutes are unlocked and can be amended again."), "success")
    return to_view(doc)


@routes("/visibility", methods=["POST"])
@access(MEMBER, manages)
def visibility(meeting_id=None, minutes_id=None):
    doc = resolve(meeting_id=meeting_id, minutes_id=minutes_id)
    form = pages.make_visibility_form(doc)
    if not form.validate_on_submit():
        return pages.show(doc, status=422, visibility_form=form)
    try:
        changed = service.set_visibility(
            doc.minutes, current_user, form.visibility.data, doc.subject.visibilities, utcnow()
        )
        db.session.commit()
    except service.MinutesError as error:
        return refused(doc, error.reason, error.status)
    if changed:
        flash(
            _("Now readable by: %(who)s.", who=labels.VISIBILITIES[form.visibility.data]),
            "success",
        )
    return to_view(doc)
