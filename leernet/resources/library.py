"""The library's rules: adding, changing and removing resources, and their tags.

Files are checked (``files.check``) before anything is stored; the database row and the
file on disk are kept together: a failed commit removes the new file, a deletion removes
the file only after the row is gone.
"""

from urllib.parse import urlsplit

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select, update
from sqlalchemy.orm import selectinload

from ..extensions import db
from . import files, storage
from .models import Resource, ResourceTag, resource_tag_link

MAX_TAGS = 10


class LibraryError(ValueError):
    """A rule stopped the change; ``str(error)`` is shown to the member."""


def check_url(raw):
    url = (raw or "").strip()
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise LibraryError(_l("Give a web address starting with https:// or http://."))
    return url


def tag_names(raw):
    names = []
    for part in (raw or "").split(","):
        name = ResourceTag.normalise(part)
        if name and name not in names:
            names.append(name)
    return names[:MAX_TAGS]


def set_tags(resource, raw):
    """Replace the resource's tags; the counts of every tag involved are recounted."""
    names = tag_names(raw)
    existing = {
        t.name: t
        for t in db.session.scalars(select(ResourceTag).where(ResourceTag.name.in_(names)))
    }
    tags = []
    for name in names:
        tag = existing.get(name) or ResourceTag(name=name, uses=0)
        db.session.add(tag)
        tags.append(tag)
    touched = {t.id for t in resource.tags}
    resource.tags = tags
    db.session.flush()
    recount(touched | {t.id for t in tags})


def recount(tag_ids):
    if not tag_ids:
        return
    uses = (
        select(func.count())
        .select_from(resource_tag_link)
        .where(resource_tag_link.c.tag_id == ResourceTag.id)
        .scalar_subquery()
    )
    db.session.execute(
        update(ResourceTag).where(ResourceTag.id.in_(tag_ids)).values(uses=uses),
        execution_options={"synchronize_session": False},
    )


def add(user, kind, title, description="", url="", tags="", upload=None, upload_dir="",
        max_bytes=0, meeting_id=None):  # fmt: skip
    """A new resource of ``kind`` (link, file or note); the caller commits."""
    resource = Resource(
        kind=kind,
        title=title.strip(),
        description=(description or "").strip(),
        added_by=user,
        meeting_id=meeting_id or None,
    )
    if kind == "link":
        resource.url = check_url(url)
    elif kind == "file":
        if upload is None:
            raise LibraryError(_l("Please choose a file."))
        try:
            accepted = files.check(upload.filename, upload.stream, max_bytes)
        except files.UploadError as error:
            raise LibraryError(str(error)) from error
        resource.file_name = accepted.name
        resource.file_type = accepted.mimetype
        resource.file_family = accepted.family
        resource.file_size = accepted.size
    elif kind == "note":
        if not resource.description:
            raise LibraryError(_l("Please write the note."))
    else:
        raise LibraryError(_l("Choose a link, a file or a note."))
    db.session.add(resource)
    set_tags(resource, tags)
    if kind == "file":  # stored last: nothing is on disk unless every check passed
        resource.file_key = storage.save(upload_dir, upload.stream)
    return resource


def change(resource, title, description, url, tags, meeting_id=...):
    """Change a resource (``meeting_id`` left out: its meeting stays)."""
    resource.title = title.strip()
    if meeting_id is not ...:
        resource.meeting_id = meeting_id or None
    resource.description = (description or "").strip()
    if resource.kind == "link":
        resource.url = check_url(url)
    if resource.kind == "note" and not resource.description:
        raise LibraryError(_l("Please write the note."))
    set_tags(resource, tags)


def remove(resource):
    """Delete the row; return the storage key to remove once the deletion is committed."""
    key = resource.file_key
    touched = {t.id for t in resource.tags}
    db.session.delete(resource)
    db.session.flush()
    recount(touched)
    return key


def may_change(user, resource):
    return user.is_coordinator or resource.added_by_id == user.id


def listing(kind="", tag=""):
    """The resources to list, newest first, optionally of one kind or with one tag."""
    query = select(Resource).options(selectinload(Resource.tags), selectinload(Resource.added_by))
    if kind:
        query = query.where(Resource.kind == kind)
    if tag:
        tag_id = select(ResourceTag.id).where(ResourceTag.name == tag).scalar_subquery()
        query = query.join(resource_tag_link, resource_tag_link.c.resource_id == Resource.id).where(
            resource_tag_link.c.tag_id == tag_id
        )
    return query.order_by(Resource.created_at.desc(), Resource.id.desc())


def popular_tags(limit=15):
    return db.session.execute(
        select(ResourceTag.name, ResourceTag.uses)
        .where(ResourceTag.uses > 0)
        .order_by(ResourceTag.uses.desc(), ResourceTag.name)
        .limit(limit)
    ).all()
