"""Last: the search index rebuilt from what the bulk inserts wrote (they bypass the
ORM's hooks that keep it in step), as ``flask leernet reindex`` does."""

from leernet.extensions import db
from leernet.search import reindex

from . import seeder


@seeder(100)
def search_index(context):
    db.session.commit()
    context["indexed"] = reindex()
