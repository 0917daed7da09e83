"""Minutes and action items.

Minutes are one generic document per *subject* (a meeting now, an intervision session
later): see ``subjects.py`` for how a feature plugs its own kind in. Every save is a
revision; a save carries the revision it started from, so two people editing at once
never overwrite each other (``service.save``). The rules of who may read, write,
share, approve and unlock are plain functions in ``rules.py``.
"""
