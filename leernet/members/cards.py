"""The profile card: nudges a member to say what they can be asked about."""

from ..home import card


@card("profile", "members/_card.html", order=80)
def profile_card(user):
    if user.tags and user.bio:
        return None
    return {"missing_tags": not user.tags, "missing_bio": not user.bio}
