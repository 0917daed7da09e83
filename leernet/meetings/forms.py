"""Forms for scheduling, changing and cancelling meetings, and for answering them."""

from datetime import time, timedelta

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import RadioField, SelectField, StringField, TextAreaField
from wtforms.validators import Length, NumberRange, Optional

from ..forms import choices, not_blank, strip
from . import recurrence
from .fields import (
    LocalDateField,
    LocalTimeField,
    WholeNumberField,
    required_date,
    required_time,
    url_field,
)
from .models import ANSWERS, KINDS

REPEATS = {
    "": _l("Does not repeat"),
    recurrence.WEEKS: _l("Weekly, on the same weekday"),
    recurrence.MONTHS: _l("Monthly, on the same weekday of the month (e.g. the 2nd Tuesday)"),
    recurrence.MONTHS_LAST: _l("Monthly, on the last of that weekday in the month"),
}
NOT_LAST = _l(
    "This date is not the last one of its weekday in the month. Choose the other monthly option."
)
SCOPES = {"this": _l("Only this meeting"), "following": _l("This and the following meetings")}


class MeetingForm(FlaskForm):
    title = StringField(_l("Title"), validators=[not_blank, Length(max=200)], filters=[strip])
    kind = SelectField(_l("Kind of meeting"), choices=choices(KINDS), default="network")
    date = LocalDateField(_l("Date"), validators=[required_date])
    start_time = LocalTimeField(_l("Starts at"), validators=[required_time], default=time(10))
    end_time = LocalTimeField(
        _l("Ends at"),
        description=_l("Earlier than the start: it ends the next day."),
        validators=[required_time],
        default=time(12),
    )
    place = StringField(
        _l("Place"),
        description=_l("Address or room; leave empty for an online meeting"),
        validators=[Length(max=300)],
        filters=[strip],
    )
    online_url = url_field(_l("Online link (optional)"))
    agenda = TextAreaField(
        _l("Agenda"),
        description=_l("Markdown works: **bold**, lists with -, links as [text](https://...)"),
        validators=[Length(max=20000)],
    )
    host = SelectField(_l("Host"), coerce=int)
    capacity = WholeNumberField(
        _l("Maximum number of people (optional)"),
        description=_l("When it is full, new yeses go on a waiting list."),
        validators=[
            Optional(),
            NumberRange(1, 10000, _l("Room for at least 1 person, or leave empty for no limit.")),
        ],
    )
    guests = TextAreaField(
        _l("Guest speakers"), description=_l("One name per line"), validators=[Length(max=1000)]
    )
    repeat = SelectField(_l("Repeat"), choices=choices(REPEATS), default="")
    interval = WholeNumberField(
        _l("Every how many weeks or months"),
        default=1,
        validators=[Optional(), NumberRange(1, 12, _l("Choose a number from 1 to 12."))],
    )
    until = LocalDateField(_l("Repeat until"))

    def __init__(self, *args, hosts=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.host.choices = choices(hosts)

    def validate(self, extra_validators=None):
        ok = super().validate(extra_validators)
        start, end = self.start_time.data, self.end_time.data
        if start and end and end == start:
            self.end_time.errors.append(_l("The meeting ends when it starts."))
            ok = False
        if self.repeats:
            ok = self._validate_series() and ok
        return ok

    @property
    def repeats(self):
        return bool(self.repeat.data)

    def _validate_series(self):
        first, until = self.date.data, self.until.data
        if until is None:
            if not self.until.errors:
                self.until.errors.append(_l("Choose the last date of the series."))
            return False
        if first is None:
            return False
        if until <= first:
            self.until.errors.append(_l("The series must end after its first meeting."))
            return False
        if until > first + timedelta(days=recurrence.MAX_SPAN_DAYS):
            self.until.errors.append(_l("Plan a series up to three years ahead."))
            return False
        if self.repeat.data == recurrence.MONTHS_LAST and not recurrence.is_last_of_month(first):
            self.repeat.errors.append(NOT_LAST)
            return False
        return True

    def rule(self, timezone):
        return recurrence.Rule(
            frequency=self.repeat.data,
            interval=self.interval.data or 1,
            first=self.date.data,
            until=self.until.data,
            starts=self.start_time.data,
            ends=self.end_time.data,
            timezone=timezone,
        )


class EditMeetingForm(MeetingForm):
    scope = RadioField(_l("Change"), choices=choices(SCOPES), default="this")

    def validate(self, extra_validators=None):
        ok = super().validate(extra_validators)
        if self.scope.data == "following" and not self.repeats:
            self.repeat.errors.append(_l("Choose how the series repeats from this meeting on."))
            ok = False
        return ok

    @property
    def repeats(self):
        return self.scope.data == "following" and bool(self.repeat.data)


class CancelForm(FlaskForm):
    reason = TextAreaField(
        _l("Reason (members see it)"), validators=[Length(max=500)], filters=[strip]
    )
    scope = RadioField(_l("Cancel"), choices=choices(SCOPES), default="this")


class RsvpForm(FlaskForm):
    answer = SelectField(_l("Are you coming?"), choices=choices(ANSWERS))
    note = StringField(
        _l("Note (optional)"),
        description=_l("e.g. 30 min late"),
        validators=[Length(max=200)],
        filters=[strip],
    )
