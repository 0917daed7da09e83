"""Intervision's rules without Flask or the database, proved by unit and property tests."""
