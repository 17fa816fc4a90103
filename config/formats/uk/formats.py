"""Ukrainian dates: "6 січня 2026 р." (E is the genitive month name), "06.01.2026", "Січень 2026"."""

DATE_FORMAT = "j E Y р."
SHORT_DATE_FORMAT = "d.m.Y"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j E"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j E Y р., H:i"
SHORT_DATETIME_FORMAT = "d.m.Y H:i"
