"""The date poll form: what the meeting is about, and 2 to 10 candidate dates."""

from flask_babel import lazy_gettext as _l
from flask_babel import lazy_ngettext
from flask_wtf import FlaskForm
from wtforms import Form, FormField, SelectField, StringField, TextAreaField
from wtforms.fields import FieldList
from wtforms.validators import Length

from ..forms import choices, not_blank, strip
from ..meetings.fields import LocalDateField, LocalTimeField, url_field
from ..meetings.models import KINDS
from .models import MAX_OPTIONS, MIN_OPTIONS, POLL_ANSWERS

INCOMPLETE = _l("Fill in the date and both times, or leave the row empty.")


class OptionForm(Form):
    """One candidate: a date with start and end time (a row may stay empty)."""

    date = LocalDateField(_l("Date"))
    start = LocalTimeField(_l("From"))
    end = LocalTimeField(_l("Until"))

    @property
    def filled(self):
        return any(f.data is not None or f.errors for f in (self.date, self.start, self.end))


class PollForm(FlaskForm):
    title = StringField(
        _l("What is it for?"), validators=[not_blank, Length(max=200)], filters=[strip]
    )
    kind = SelectField(_l("Kind of meeting"), choices=choices(KINDS), default="network")
    description = TextAreaField(_l("More about it (optional)"), validators=[Length(max=5000)])
    place = StringField(_l("Place (optional)"), validators=[Length(max=300)], filters=[strip])
    online_url = url_field(_l("Online link (optional)"))
    options = FieldList(FormField(OptionForm), min_entries=MAX_OPTIONS, max_entries=MAX_OPTIONS)

    def __init__(self, *args, today=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today

    def validate(self, extra_validators=None):
        ok = super().validate(extra_validators)
        today = self.today
        seen, filled = set(), 0
        for entry in self.options:
            row = entry.form
            if not row.filled:
                continue
            filled += 1
            if row.date.errors or row.start.errors or row.end.errors:
                ok = False
                continue
            if None in (row.date.data, row.start.data, row.end.data):
                row.date.errors.append(INCOMPLETE)
                ok = False
            elif row.end.data <= row.start.data:
                row.end.errors.append(_l("This ends before it starts."))
                ok = False
            elif today is not None and row.date.data < today:
                row.date.errors.append(_l("This date is in the past."))
                ok = False
            elif (row.date.data, row.start.data) in seen:
                row.date.errors.append(_l("This date and time is already proposed."))
                ok = False
            else:
                seen.add((row.date.data, row.start.data))
        if filled < MIN_OPTIONS:
            self.form_errors.append(
                lazy_ngettext(
                    "Propose at least %(num)d date.", "Propose at least %(num)d dates.", MIN_OPTIONS
                )
            )
            ok = False
        return ok

    def candidates(self):
        """The filled rows as ``(date, start, end)``, in date order."""
        rows = [e.form for e in self.options if e.form.filled]
        return sorted((r.date.data, r.start.data, r.end.data) for r in rows)


class AnswerForm(FlaskForm):
    answer = SelectField(choices=choices(POLL_ANSWERS))
