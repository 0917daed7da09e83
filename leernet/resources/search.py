"""Resources in the search: title, description, tags, file name and web site."""

from flask import url_for
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import selectinload

from ..markdown import plain_text
from ..search import Document, register
from .models import Resource


@register(
    "resource",
    model=Resource,
    label=_l("Resources"),
    one=_l("Resource"),
    url=lambda doc: url_for("resources.detail", resource_id=doc.object_id),
    options=lambda query: query.options(selectinload(Resource.tags)),
)
def resource_document(resource):
    parts = [
        plain_text(resource.description),
        ", ".join(tag.name for tag in resource.tags),
        resource.file_name,
        resource.host,
    ]
    return Document(
        title=resource.title,
        body=" · ".join(p for p in parts if p),
        updated_at=resource.updated_at,
    )
