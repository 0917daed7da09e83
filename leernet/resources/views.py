"""``/resources/``: the network's library of links, files and notes."""

from flask import abort, current_app, flash, request, send_file, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import joinedload, selectinload

from ..access import MEMBER, access
from ..extensions import db
from ..meetings.choices import an_id
from ..web import form_status, go, render
from . import bp, storage
from .forms import EditResourceForm, ResourceForm
from .library import LibraryError, add, change, listing, may_change, popular_tags, remove
from .models import KINDS, Resource, ResourceTag

#: File responses may not run anything, even if a browser ignored the content type.
FILE_CSP = "default-src 'none'; img-src 'self'; sandbox"


def _max_bytes():
    return current_app.config["MAX_UPLOAD_MB"] * 1024 * 1024


def _resource(resource_id):
    return db.get_or_404(Resource, resource_id)


def _may_change(user, resource_id):
    """Access rule: the member who added it, or a coordinator (else 404/403)."""
    return may_change(user, _resource(resource_id))


@bp.route("/")
@access(MEMBER)
def index():
    kind = request.args.get("type", "")
    kind = kind if kind in KINDS else ""
    tag = ResourceTag.normalise(request.args.get("tag", ""))
    page = db.paginate(listing(kind, tag), per_page=20, error_out=False, count=True)
    return render(
        "resources/index.html",
        "resources/_list.html",
        page=page,
        kind=kind,
        tag=tag,
        kinds=KINDS,
        tags=popular_tags(),
    )


@bp.route("/new", methods=["GET", "POST"])
@access(MEMBER)
def new():
    form = ResourceForm(
        kind=request.args.get("type", "link"), meeting_id=an_id(request.args.get("meeting")) or 0
    )
    if form.validate_on_submit():
        try:
            resource = _retry_once(
                add,
                current_user,
                form.kind.data,
                form.title.data,
                description=form.description.data,
                url=form.url.data,
                tags=form.tags.data,
                upload=form.upload.data or None,
                upload_dir=current_app.config["UPLOAD_DIR"],
                max_bytes=_max_bytes(),
                meeting_id=form.meeting_id.data,
            )
        except LibraryError as error:
            db.session.rollback()
            field = {"link": form.url, "file": form.upload}.get(form.kind.data, form.description)
            field.errors = [*field.errors, str(error)]
        else:
            _commit_or_remove_file(resource.file_key)
            flash(_("Added to the library."), "success")
            return go(url_for("resources.detail", resource_id=resource.id))
    return render("resources/new.html", form=form, status=form_status())


def _retry_once(change, *args, **kwargs):
    """Two members creating the same new tag at once: the second try finds it."""
    try:
        return change(*args, **kwargs)
    except IntegrityError:
        db.session.rollback()
        return change(*args, **kwargs)


def _commit_or_remove_file(key):
    try:
        db.session.commit()
    except Exception:
        db.session.rollback()
        if key:
            storage.remove(current_app.config["UPLOAD_DIR"], key)
        raise


@bp.errorhandler(413)
def too_large(_error):
    """The request itself was over the limit: say so on the form, keep nothing."""
    form = ResourceForm(formdata=None, kind="file")
    message = _("This file is larger than %(mb)d MB.", mb=current_app.config["MAX_UPLOAD_MB"])
    form.upload.errors = [message]
    return render("resources/new.html", form=form, status=413)


SHOWN = [joinedload(Resource.added_by), joinedload(Resource.meeting), selectinload(Resource.tags)]


@bp.route("/<int:resource_id>")
@access(MEMBER)
def detail(resource_id):
    """Who added it, its meeting and tags come with it: the same queries for every one."""
    resource = db.get_or_404(Resource, resource_id, options=SHOWN)
    return render("resources/detail.html", resource=resource, may_change=may_change)


@bp.route("/<int:resource_id>/edit", methods=["GET", "POST"])
@access(MEMBER, _may_change)
def edit(resource_id):
    resource = _resource(resource_id)
    form = EditResourceForm(
        data={
            "title": resource.title,
            "url": resource.url,
            "description": resource.description,
            "tags": ", ".join(t.name for t in resource.tags),
            "meeting_id": resource.meeting_id or 0,
        }
    )
    if form.validate_on_submit():
        try:
            _retry_once(
                change, resource, form.title.data, form.description.data, form.url.data,
                form.tags.data, form.meeting_id.data,
            )  # fmt: skip
        except LibraryError as error:
            db.session.rollback()
            field = form.url if resource.kind == "link" else form.description
            field.errors = [*field.errors, str(error)]
        else:
            db.session.commit()
            flash(_("Saved."), "success")
            return go(url_for("resources.detail", resource_id=resource.id))
    return render("resources/edit.html", form=form, resource=resource, status=form_status())


@bp.route("/<int:resource_id>/delete", methods=["POST"])
@access(MEMBER, _may_change)
def delete(resource_id):
    key = remove(_resource(resource_id))
    db.session.commit()
    if key:
        storage.remove(current_app.config["UPLOAD_DIR"], key)
    flash(_("Removed from the library."), "success")
    return go(url_for("resources.index"))


def _send(resource, inline):
    if resource.kind != "file" or not resource.file_key:
        abort(404)
    try:
        path = storage.path_for(current_app.config["UPLOAD_DIR"], resource.file_key)
    except ValueError:
        abort(404)
    if not path.is_file():
        abort(404)
    response = send_file(
        path,
        mimetype=resource.file_type,  # werkzeug adds "; charset=utf-8" to text types
        as_attachment=not inline,
        download_name=resource.file_name,
        conditional=True,
        max_age=0,
    )
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Content-Security-Policy"] = FILE_CSP
    response.headers["Cache-Control"] = "private, no-cache"
    return response


@bp.route("/<int:resource_id>/file")
@access(MEMBER)
def download(resource_id):
    """Always a download: a member's file never runs in the app's origin."""
    return _send(_resource(resource_id), inline=False)


@bp.route("/<int:resource_id>/preview")
@access(MEMBER)
def preview(resource_id):
    """Raster images only (never SVG), inline, for the preview on the resource's page."""
    resource = _resource(resource_id)
    if not resource.previewable:
        abort(404)
    return _send(resource, inline=True)
