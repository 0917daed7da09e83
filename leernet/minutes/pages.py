"""What the minutes' pages show: the document, its editor, and the forms around them."""

from sqlalchemy import select

from ..decisions.models import Decision
from ..extensions import db
from ..forms import choices
from ..markdown import render_markdown
from ..web import render
from . import actions, labels, service
from .forms import UnlockForm, VisibilityForm


def make_visibility_form(doc, formdata=True):
    kwargs = {} if formdata else {"formdata": None}
    form = VisibilityForm(visibility=doc.visibility, **kwargs)
    form.visibility.choices = choices((v, labels.VISIBILITIES[v]) for v in doc.subject.visibilities)
    return form


def decisions_of(meeting_id):
    if meeting_id is None:
        return []
    return db.session.scalars(
        select(Decision)
        .where(Decision.meeting_id == meeting_id, Decision.status != "draft")
        .order_by(Decision.opened_at.desc(), Decision.id.desc())
        .limit(20)
    ).all()


def starting_text(doc):
    if doc.minutes is not None and doc.minutes.head:
        return doc.minutes.text
    if doc.subject.initial_text is not None:
        return doc.subject.initial_text(doc.obj)
    return ""


def _may(doc):
    names = ("read", "write", "share", "approve", "unlock", "set_visibility")
    return {name: doc.may(name) for name in names}


def show(doc, status=200, error=None, unlock_form=None, visibility_form=None):
    minutes = doc.minutes
    may = _may(doc)
    context = {
        "doc": doc,
        "minutes": minutes,
        "may": may,
        "error": error,
        "head": None,
        "actions": [],
        "decisions": decisions_of(doc.subject.meeting_id(doc.obj)),
        "today": actions.today(),
    }
    if minutes is not None and may["read"]:
        if minutes.head:
            context["head"] = service.revision(minutes, minutes.head)
        context["html"] = render_markdown(minutes.text)
        context["actions"] = actions.for_minutes(minutes.id)
        if may["unlock"]:
            context["unlock_form"] = unlock_form or UnlockForm(formdata=None)
        if may["set_visibility"] and len(doc.subject.visibilities) > 1:
            context["visibility_form"] = visibility_form or make_visibility_form(
                doc, formdata=False
            )
    return render("minutes/view.html", status=status, **context)


def editor(doc, form, status=200, theirs=None, changes=None, error=None):
    return render(
        "minutes/edit.html",
        status=status,
        error=error,
        doc=doc,
        form=form,
        theirs=theirs,
        changes=changes,
        preview=render_markdown(form.text.data or ""),
        draft_key=f"minutes-{doc.subject.kind}-{doc.obj.id}",
    )
