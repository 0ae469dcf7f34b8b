"""Dates and datelines as each variant's news writes them.

Serbian news puts the month in the genitive after an ordinal day (``20. januara 2023.``;
CLDR's ``d. MMMM y.`` gives the nominative, ``20. januar 2023.``); English pages use one
style, day month year (``20 January 2023``), as the site's British spelling does.  A dateline
opens the first paragraph: the place in capitals, the day and month, an en dash.

>>> import datetime as dt
>>> day = dt.date(2023, 1, 20)
>>> display_date(day, "sr_Latn"), display_date(day, "sr_Cyrl"), display_date(day, "en")
('20. januara 2023.', '20. јануара 2023.', '20 January 2023')
>>> dateline("Beograd", day, "sr_Latn"), dateline("Belgrade", day, "en")
('BEOGRAD, 20. januara –', 'BELGRADE, 20 January –')
"""

from __future__ import annotations

import datetime as dt

#: Month names in the genitive, as a Serbian date writes them (data, per script).
SERBIAN_MONTHS_GENITIVE = {
    "sr_Latn": ("januara", "februara", "marta", "aprila", "maja", "juna", "jula", "avgusta",
                "septembra", "oktobra", "novembra", "decembra"),
    "sr_Cyrl": ("јануара", "фебруара", "марта", "априла", "маја", "јуна", "јула", "августа",
                "септембра", "октобра", "новембра", "децембра"),
}
ENGLISH_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
                  "September", "October", "November", "December")
DASH = "–"  # en dash, spaced, after a dateline


def day_and_month(date: dt.date, locale: str) -> str:
    """``20. januara`` / ``20 January``: a date without its year (a dateline's)."""
    months = SERBIAN_MONTHS_GENITIVE.get(locale)
    if months is not None:
        return f"{date.day}. {months[date.month - 1]}"
    return f"{date.day} {ENGLISH_MONTHS[date.month - 1]}"


def display_date(date: dt.date, locale: str) -> str:
    """The date as the variant's pages show it (a Serbian year ends with a full stop)."""
    if locale in SERBIAN_MONTHS_GENITIVE:
        return f"{day_and_month(date, locale)} {date.year}."
    return f"{day_and_month(date, locale)} {date.year}"


def dateline(place: str, date: dt.date, locale: str) -> str:
    """``BEOGRAD, 20. januara –``: what opens the first paragraph of a report."""
    return f"{place.upper()}, {day_and_month(date, locale)} {DASH}"
