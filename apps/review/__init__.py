"""The editors' review of machine-read commitments (/review/): confirm, correct or reject each one, add one the
machine missed, and the quality page that scores today's rules against the editors' word (``export_labels``).

An app of its own above ``apps.coalition``, which owns `Contribution` and its tallies: a review changes a
contribution's reading and review fields under the row's lock, and moves the tallies through
``apps.coalition.contributions`` (``tallies_recount``), never by counting itself, so the ingest and the review
keep one set of numbers. The coalition app knows nothing of this one (import-linter keeps it so).
"""
