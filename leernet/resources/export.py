"""The resources a member added, in their own data export."""

from sqlalchemy import select

from ..extensions import db
from ..members.export import section, stamp
from .models import Resource


@section("resources")
def resources_section(user):
    rows = db.session.scalars(
        select(Resource).where(Resource.added_by_id == user.id).order_by(Resource.id)
    )
    return [
        {
            "kind": r.kind,
            "title": r.title,
            "description": r.description,
            "url": r.url,
            "file": r.file_name,
            "tags": [t.name for t in r.tags],
            "added": stamp(r.created_at),
        }
        for r in rows
    ]
