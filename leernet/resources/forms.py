"""Forms for adding and changing resources (the file itself is checked in ``files``)."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import RadioField, StringField, TextAreaField
from wtforms.validators import Length

from ..forms import TEXT_MAX, choices, not_blank
from ..meetings.choices import fill_meetings, meeting_field
from .models import KINDS

TAGS_HINT = _l("Separate with commas, e.g. subsidies, contracts")


class EditResourceForm(FlaskForm):
    """A resource's title, address, description, tags and meeting."""

    title = StringField(_l("Title"), validators=[not_blank, Length(max=200)])
    url = StringField(_l("Web address"), validators=[Length(max=2000)])
    description = TextAreaField(
        _l("Description or note"),
        description=_l("Markdown is allowed: **bold**, *italic*, lists and links."),
        validators=[Length(max=TEXT_MAX)],
    )
    tags = StringField(_l("Tags"), description=TAGS_HINT, validators=[Length(max=600)])
    meeting_id = meeting_field(_l("Slides, a handout or notes of a meeting? Choose it here."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        fill_meetings(self.meeting_id)


class ResourceForm(EditResourceForm):
    """A new resource: also what kind it is and, for a file, the file."""

    kind = RadioField(_l("What are you adding?"), choices=choices(KINDS), default="link")
    upload = FileField(_l("The file"))
