"""The profile card: nudges a member to say what they can be asked about."""

from ..home import card
from .wishes import suggestions_for


@card("profile", "members/_card.html", order=80, lazy=True)
def profile_card(user):
    if user.tags and user.bio:
        return None
    return {"missing_tags": not user.tags, "missing_bio": not user.bio}


@card("suggestions", "members/_suggestions.html", order=42, lazy=True)
def suggestions_card(user):
    """Up to three colleagues to get in touch with, each with the reason why."""
    found = suggestions_for(user)
    return {"people": found} if found else None
