"""Value stories in the one search box; a coordinators-only story is found by coordinators."""

from flask import url_for
from flask_babel import lazy_gettext as _l

from ..search import COORDINATORS, NETWORK, Document, register
from .models import Story


@register(
    "story",
    model=Story,
    label=_l("Value stories"),
    one=_l("Value story"),
    url=lambda doc: url_for("value.story", story_id=doc.object_id),
)
def story_document(story):
    return Document(
        title=story.title,
        body=story.text,
        audience=COORDINATORS if story.for_coordinators else NETWORK,
        updated_at=story.updated_at,
    )
