"""Intervision (peer consultation): methods, fair role rotation and the live timer.

The rules live in plain modules without Flask or the database so they can be proved by
unit and property tests: ``rotation`` proposes who holds which role, ``timer`` does the
arithmetic of the shared phase timer, ``catalogue`` holds the shipped methods.
"""
