"""Value stories: tell one, read the network's, and (coordinators) pick them for the report.

A story visible to "only the coordinators" does not exist for other members (404), except
for its author. Only its author or a coordinator may change or delete it.
"""

from flask import abort, flash, g, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from wtforms import SelectChoice

from ..access import COORDINATOR, MEMBER, access
from ..auth.views import safe_next
from ..extensions import db
from ..timeutil import utcnow
from ..web import form_status, go, render
from . import bp, cycles, queries, rules, sources
from .forms import StoryForm
from .models import Story

PER_PAGE = 20


def _story(story_id):
    story = g.get("story") or db.session.get(Story, story_id)
    if story is None:
        abort(404)
    return story


def can_read(user, story_id):
    story = _story(story_id)
    if not rules.may_read_story(story.visibility, story.author_id, user.id, user.is_coordinator):
        abort(404)
    g.story = story
    return True


def can_change(user, story_id):
    can_read(user, story_id)
    return rules.may_change_story(g.story.author_id, user.id, user.is_coordinator)


def about_choices(user, current=None):
    """ "Nothing in particular", then recent things per kind; a story's own link stays."""
    items = [SelectChoice("", _("Nothing in particular"))]
    for kind in sources.LINKS.values():
        items += [
            SelectChoice(f"{kind.name}:{item_id}", title, optgroup=str(kind.label))
            for item_id, title in kind.options(user)
        ]
    if current and current[0] in sources.LINKS and current[1] is not None:
        value = f"{current[0]}:{current[1]}"
        if value not in {c.value for c in items}:
            found = sources.LINKS[current[0]].resolve(user, [current[1]])
            if current[1] in found:
                label = sources.LINKS[current[0]].label
                items.append(SelectChoice(value, found[current[1]][0], optgroup=str(label)))
    return items


@bp.route("/stories/")
@access(MEMBER)
def stories():
    cycle = request.args.get("cycle", "")
    query = queries.visible_stories(current_user)
    if cycle in cycles.KEYS:
        query = query.where(getattr(Story, cycle).is_(True))
    else:
        cycle = ""
    page = db.paginate(
        queries.with_author(query).order_by(Story.created_at.desc(), Story.id.desc()),
        per_page=PER_PAGE,
        error_out=False,
    )
    return render(
        "value/stories.html",
        page=page,
        cycle=cycle,
        links=sources.resolve_links(current_user, page.items),
    )


@bp.route("/stories/<int:story_id>")
@access(MEMBER, can_read)
def story(story_id):
    item = _story(story_id)
    return render("value/story.html", story=item, links=sources.resolve_links(current_user, [item]))


@bp.route("/stories/new", methods=["GET", "POST"])
@access(MEMBER)
def new_story():
    kind, _sep, item = request.args.get("about", "").partition(":")
    current = (kind, int(item)) if item.isdigit() and len(item) < 10 else None
    form = StoryForm(about_choices(current_user, current))
    if request.method == "GET" and current:
        form.about.data = f"{kind}:{item}"
    return _save(form, None)


@bp.route("/stories/<int:story_id>/edit", methods=["GET", "POST"])
@access(MEMBER, can_change)
def edit_story(story_id):
    item = _story(story_id)
    form = StoryForm(about_choices(current_user, (item.link_kind, item.link_id)), obj=item)
    if request.method == "GET":
        form.cycles.data = cycles.chosen(item)
        form.about.data = f"{item.link_kind}:{item.link_id}" if item.link_kind else ""
    return _save(form, item)


def _save(form, item):
    if form.validate_on_submit():
        now = utcnow()
        if item is None:
            item = Story(author_id=current_user.id, created_at=now)
            db.session.add(item)
        item.title = form.title.data
        item.text = form.text.data.strip()
        item.visibility = form.visibility.data
        item.link_kind, item.link_id = form.link()
        form.cycles.set_on(item)
        item.updated_at = now
        db.session.commit()
        flash(_("Thank you for telling your story."), "success")
        return go(url_for("value.story", story_id=item.id))
    return render("value/story_form.html", form=form, story=item, status=form_status())


@bp.route("/stories/<int:story_id>/delete", methods=["POST"])
@access(MEMBER, can_change)
def delete_story(story_id):
    db.session.delete(_story(story_id))
    db.session.commit()
    flash(_("The story has been deleted."), "success")
    return go(url_for("value.stories"))


@bp.route("/stories/<int:story_id>/report", methods=["POST"])
@access(COORDINATOR, can_read)
def pick_story(story_id):
    item = _story(story_id)
    item.in_report = request.form.get("in_report") == "1"
    db.session.commit()
    if item.in_report:
        flash(_("This story will appear in the report, without the author's name."), "success")
    else:
        flash(_("This story will no longer appear in the report."), "success")
    back = request.form.get("next")
    return go(safe_next(back) if back else url_for("value.story", story_id=item.id))
