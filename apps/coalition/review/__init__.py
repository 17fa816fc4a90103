"""The editors' review of machine-read commitments (/review/): confirm, correct or reject each one.

A package inside ``apps.coalition`` rather than an app of its own: it changes `Contribution` rows,
which the coalition app owns (a separate app would write another app's table), and it keeps the
tallies and the contribution replacement rules of ``apps.coalition.services`` in step. Being a
package of its own (services, selectors, forms, views, urls) keeps the workflow in one place and
the coalition modules, which the names page and the ingest use, small.
"""
