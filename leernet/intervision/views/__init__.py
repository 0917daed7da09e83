"""Intervision's web layer: the routes of the ``intervision`` blueprint (``session``: my
sessions, a session's page, its state poll and timer controls; ``before_start``: roles
and who takes part before the start; ``content``: what participants write; ``room``: the
case-bringer's choice, cards and the room screen; ``methods``; ``setup``: sessions,
groups and the role history), the live page's context (``page``), forms and labels."""
