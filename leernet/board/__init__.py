"""The notice board: vacancies, assignments, calls for collaboration, events elsewhere and
announcements, each with replies and an end date, after which it moves to the archive.

The blueprint lives in ``views.py``, which imports what the board adds to the rest of
the network: its home card, export section, search kind, value figures and demo items.
"""
