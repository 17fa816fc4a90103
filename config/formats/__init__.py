"""Date formats per language, read before Django's own (settings.FORMAT_MODULE_PATH).

Templates name a format, never a pattern: ``{{ day|date }}`` (DATE_FORMAT, "6 January 2026",
"6 января 2026 г.", "6 січня 2026 р."), ``{{ day|date:"SHORT_DATE_FORMAT" }}`` in lists and tables,
``{{ month|date:"YEAR_MONTH_FORMAT" }}`` for month headings, ``{{ moment|date:"SHORT_DATETIME_FORMAT" }}``
for times. Machine-readable spots (``<time datetime>``, URLs, exports) stay ISO 8601. Names missing here
fall back to Django's formats for the language.
"""
