"""Value creation: check-outs after meetings, value stories, a dashboard and a funder report.

Built on Wenger, Trayner and De Laat's five value cycles of a learning network
(immediate, potential, applied, realised, reframing value). The rules and sums are plain
modules without Flask (``cycles``, ``rules``, ``aggregate``, ``charts``) so they can be
unit-tested; ``sources`` lets other features add their own parts to the member's
journey, the dashboard and the report.
"""
