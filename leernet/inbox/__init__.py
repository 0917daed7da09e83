"""Hearing what needs me: the inbox, choices per topic, digests and Web Push.

``views.py`` holds the blueprint (``/inbox``, ``/sw.js``, ``/offline``); the mail and
push hooks (``dispatch``), the VAPID keys and the logout hook are installed when it is
registered; ``commands.py`` adds ``leernet send-digests``.
"""
