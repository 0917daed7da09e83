"""The check-out (a 30-second form) and the value story."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import RadioField, SelectField, SelectMultipleField, StringField, TextAreaField
from wtforms.validators import InputRequired, Length, ValidationError

from ..forms import choices, not_blank, strip
from . import cycles
from .models import COORDINATORS, NETWORK

USEFULNESS = {
    "1": _l("Not useful"),
    "2": _l("A little useful"),
    "3": _l("Useful"),
    "4": _l("Very useful"),
    "5": _l("Extremely useful"),
}
VISIBILITY = {
    NETWORK: _l("Every member"),
    COORDINATORS: _l("Only the coordinators"),
}


class CyclesField(SelectMultipleField):
    """Checkboxes for the value cycles; unknown values are an error, never a crash."""

    def __init__(self, label=None, **kwargs):
        super().__init__(label, choices=choices(cycles.SHORT), validate_choice=False, **kwargs)

    def pre_validate(self, form):
        if any(value not in cycles.KEYS for value in self.data or []):
            raise ValidationError(_l("Choose from the value cycles shown."))

    def set_on(self, obj):
        chosen = set(self.data or [])
        for key in cycles.KEYS:
            setattr(obj, key, key in chosen)


class CheckoutForm(FlaskForm):
    usefulness = RadioField(
        _l("How useful was it for you?"),
        choices=choices(USEFULNESS),
        validators=[InputRequired(_l("How useful was it? Choose 1 to 5."))],
    )
    cycles = CyclesField(_l("What did it bring you?"))
    takeaway = StringField(
        _l("One thing you take away (optional)"),
        validators=[Length(max=200, message=_l("Keep it to one line (200 characters)."))],
        filters=[strip],
    )

    def score(self):
        return int(self.usefulness.data)


class StoryForm(FlaskForm):
    title = StringField(
        _l("In one line"),
        description=_l("e.g. “The subsidy tip from the March meeting got us funded”"),
        validators=[not_blank, Length(max=120)],
        filters=[strip],
    )
    text = TextAreaField(
        _l("What happened?"),
        description=_l(
            "A few lines: what did the network give you, and what difference did it make?"
        ),
        validators=[not_blank, Length(max=3000)],
    )
    cycles = CyclesField(_l("Which kinds of value?"))
    about = SelectField(_l("What was it about? (optional)"), validate_choice=True)
    visibility = RadioField(
        _l("Who may read it?"),
        choices=choices(VISIBILITY),
        default=NETWORK,
        description=_l(
            "Coordinators may quote a story in a report to the network's funders, "
            "without your name."
        ),
        validators=[InputRequired(_l("Please choose one."))],
    )

    def __init__(self, about_choices, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.about.choices = about_choices

    def link(self):
        """``(kind, id)`` from the "about" choice, or ``(None, None)``."""
        kind, _sep, item = (self.about.data or "").partition(":")
        return (kind, int(item)) if kind and item.isdigit() else (None, None)
