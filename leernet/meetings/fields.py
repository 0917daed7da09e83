"""Date, time, number and link fields whose messages people understand (in Dutch too).

WTForms' own parse errors ("Not a valid date value.") are not in our catalogue, so
these fields say it in our words; dates are kept to a sensible range so no later
arithmetic (time zones, recurrence) can overflow.
"""

from datetime import date, datetime
from urllib.parse import urlsplit

from flask_babel import lazy_gettext as _l
from wtforms import DateField, IntegerField, StringField, TimeField
from wtforms.validators import Length, ValidationError

FIRST_YEAR, LAST_YEAR = 2000, 2100


class LocalDateField(DateField):
    def __init__(self, label=None, validators=None, **kwargs):
        kwargs.setdefault("render_kw", {"min": f"{FIRST_YEAR}-01-01", "max": f"{LAST_YEAR}-12-31"})
        super().__init__(label, validators, format="%Y-%m-%d", **kwargs)

    def process_formdata(self, valuelist):
        if not valuelist or not valuelist[0].strip():
            self.data = None
            return
        try:
            self.data = datetime.strptime(valuelist[0].strip(), "%Y-%m-%d").date()
        except ValueError:
            self.data = None
            raise ValueError(_l("This date does not exist. Use the form year-month-day.")) from None
        if not FIRST_YEAR <= self.data.year <= LAST_YEAR:
            self.data = None
            raise ValueError(
                _l(
                    "Choose a date between %(first)d and %(last)d.",
                    first=FIRST_YEAR,
                    last=LAST_YEAR,
                )
            )


class LocalTimeField(TimeField):
    def __init__(self, label=None, validators=None, **kwargs):
        super().__init__(label, validators, format="%H:%M", **kwargs)

    def process_formdata(self, valuelist):
        if not valuelist or not valuelist[0].strip():
            self.data = None
            return
        raw = valuelist[0].strip()[:8]
        for fmt in ("%H:%M", "%H:%M:%S"):
            try:
                self.data = datetime.strptime(raw, fmt).time()
                return
            except ValueError:
                continue
        self.data = None
        raise ValueError(_l("This is not a time. Use hours and minutes, e.g. 10:00."))


class WholeNumberField(IntegerField):
    def process_formdata(self, valuelist):
        if not valuelist or not valuelist[0].strip():
            self.data = None
            return
        raw = valuelist[0].strip()
        if not raw.isdigit() or len(raw) > 6:
            self.data = None
            raise ValueError(_l("Fill in a whole number, e.g. 12."))
        self.data = int(raw)


def http_url(_form, field):
    """Only http(s) links to a real host: no ``javascript:``, no ``file:``."""
    value = (field.data or "").strip()
    field.data = value
    if not value:
        return
    try:
        parts = urlsplit(value)
        ok = parts.scheme.lower() in ("http", "https") and bool(parts.hostname)
    except ValueError:
        ok = False
    if not ok or any(c.isspace() for c in value):
        raise ValidationError(_l("Use a web link that starts with https:// or http://."))


def url_field(label, description=None):
    return StringField(
        label,
        description=description,
        validators=[Length(max=500), http_url],
        render_kw={"inputmode": "url"},
    )


def required_date(_form, field):
    if field.data is None and not field.errors:
        raise ValidationError(_l("Please fill in a date."))


def required_time(_form, field):
    if field.data is None and not field.errors:
        raise ValidationError(_l("Please fill in a time."))


def today_or_later(today):
    def check(_form, field):
        if isinstance(field.data, date) and field.data < today:
            raise ValidationError(_l("This date is in the past."))

    return check
