"""UI strings that live in Python, marked for extraction (the rest are in templates/site/).

``N_`` and ``NP_`` only mark a string: it is translated where it is used, in the reader's
variant.  Month names carry the context "month" so that "May" the month is not "May" the verb.
"""

from __future__ import annotations


def N_(message: str) -> str:
    return message


def pgettext(context: str, message: str) -> tuple[str, str]:
    """Mark ``message`` in ``context`` for extraction; translated later with that context."""
    return (context, message)


SITE_NAME = N_("MLO Belgrade")

MONTHS = (
    pgettext("month", "January"), pgettext("month", "February"), pgettext("month", "March"),
    pgettext("month", "April"), pgettext("month", "May"), pgettext("month", "June"),
    pgettext("month", "July"), pgettext("month", "August"), pgettext("month", "September"),
    pgettext("month", "October"), pgettext("month", "November"), pgettext("month", "December"),
)
MONTHS_SHORT = (
    pgettext("short month", "Jan"), pgettext("short month", "Feb"),
    pgettext("short month", "Mar"), pgettext("short month", "Apr"),
    pgettext("short month", "May"), pgettext("short month", "Jun"),
    pgettext("short month", "Jul"), pgettext("short month", "Aug"),
    pgettext("short month", "Sep"), pgettext("short month", "Oct"),
    pgettext("short month", "Nov"), pgettext("short month", "Dec"),
)

#: The accessible names of the switcher's entries (the labels themselves never change).
VARIANT_NAMES = {
    "en": N_("English"),
    "sr-Latn": N_("Serbian, Latin script"),
    "sr-Cyrl": N_("Serbian, Cyrillic script"),
}

#: The kinds of article the site publishes (meta.json "kind"), shown over the lead story.
ARTICLE_KINDS = (
    pgettext("article kind", "news"), pgettext("article kind", "interview"),
    pgettext("article kind", "speech"), pgettext("article kind", "press note"),
)

PHOTO_CREDIT = N_("Photo: %(credit)s")  # under a picture: who took it
TABLE_LABEL = N_("Table")  # the accessible name of a table's scrolling region

ERROR_HEADINGS = {404: N_("Page not found"), 500: N_("Something went wrong")}
ERROR_MESSAGES = {
    404: N_("The page you asked for is not here. It may have moved to the News Archive."),
    500: N_("Something went wrong on our side. Please try again in a minute."),
}
