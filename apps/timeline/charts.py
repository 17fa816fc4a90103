"""Server-rendered SVG charts: no JavaScript, no library, readable without colour (a table goes with it)."""

from __future__ import annotations

from datetime import date

from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from apps.coalition.models import code_label

# The status colours of the stylesheet (static/css/app.css), darker shades for fills on white.
STATUS_COLOURS = {"proposed": "#b7791f", "pledged": "#2b6cb0", "approved": "#6b46c1", "delivered": "#2f855a",
                  "withdrawn": "#c53030"}


def stacked_months(months: list[tuple[date, dict[str, int]]], statuses: tuple[str, ...], *,
                   width: int = 720, height: int = 220) -> SafeString:
    """A stacked bar per month, one band per status; an empty string when there is nothing to draw."""
    if not months:
        return mark_safe("")
    left, bottom, top = 40, 28, 10
    plot_w, plot_h = width - left - 10, height - bottom - top
    peak = max(sum(counts.values()) for _, counts in months) or 1
    bar = plot_w / len(months)
    parts = [f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" aria-labelledby="chart-title" '
             f'xmlns="http://www.w3.org/2000/svg"><title id="chart-title">'
             f'{escape(_("Commitment statements per month, by status"))}</title>']
    for fraction in (0, 0.5, 1):
        y = top + plot_h * (1 - fraction)
        parts.append(f'<line x1="{left}" x2="{width - 10}" y1="{y:.1f}" y2="{y:.1f}" class="grid"/>')
        parts.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" class="axis">{round(peak * fraction)}'
                     "</text>")
    label_every = max(1, len(months) // 12)
    for i, (month, counts) in enumerate(months):
        x = left + i * bar
        y = top + plot_h
        for status in statuses:
            count = counts.get(status, 0)
            if not count:
                continue
            h = plot_h * count / peak
            y -= h
            parts.append(f'<rect x="{x + 1:.1f}" y="{y:.1f}" width="{max(bar - 2, 1):.1f}" height="{h:.1f}" '
                         f'fill="{STATUS_COLOURS[status]}"><title>{escape(date_format(month, "YEAR_MONTH_FORMAT"))}, '
                         f"{escape(code_label(status))}: {count}</title></rect>")
        if i % label_every == 0:
            parts.append(f'<text x="{x + bar / 2:.1f}" y="{height - 8}" text-anchor="middle" class="axis">'
                         f'{escape(date_format(month, "M y"))}</text>')
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 — numbers, fixed colours and escaped labels only
