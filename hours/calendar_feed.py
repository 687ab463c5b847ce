"""The closures calendar (iCalendar, RFC 5545) that patients subscribe to from their phones.

One all-day event per closure or special-hours entry. Each event's UID is built from the entry's
database id and the site's host, so it never changes: when staff move a date, a subscribed
calendar updates the event it already has instead of adding a second one.
"""

from collections.abc import Iterable
from datetime import datetime, timedelta
from urllib.parse import urlsplit

from icalendar import Calendar, Event, vDuration

from .schedule import DatedHours

# Calendar apps poll no more often than this (RFC 7986 REFRESH-INTERVAL; X-PUBLISHED-TTL is
# the older name Apple and Outlook read).
REFRESH_INTERVAL = timedelta(hours=6)


def event_uid(entry: DatedHours, site_url: str, feed_key: str = "") -> str:
    """Stable per entry and per feed: an office's feed and the practice's have their own UIDs,
    so a phone subscribed to both keeps two events rather than one overwriting the other."""
    host = urlsplit(site_url).hostname or "localhost"
    return f"{entry.key}{f'-{feed_key}' if feed_key else ''}@{host}"


def event_summary(entry: DatedHours, practice_name: str) -> str:
    """'Thanksgiving: Oak Park Spine closed', with ' (Oak Park office)' when it is not every
    office's."""
    where = f" ({', '.join(entry.office_names)})" if entry.office_names else ""
    if entry.closed:
        return f"{entry.label}: {practice_name} closed{where}"
    return f"{entry.label}: {practice_name} open {entry.hours_text}{where}"


def closures_calendar(
    entries: Iterable[DatedHours],
    *,
    practice_name: str,
    site_url: str,
    page_url: str,
    now: datetime,
    feed_key: str = "",
) -> bytes:
    """`feed_key` names one office's feed ("office-12"); empty for the practice's own (every
    office)."""
    host = urlsplit(site_url).hostname or "localhost"
    calendar = Calendar.new(
        prodid=f"-//{practice_name}//Holiday hours//EN",
        name=f"{practice_name}: closures and holiday hours",
        description=f"When {practice_name} is closed or open on special hours.",
        method="PUBLISH",
        calscale="GREGORIAN",
        uid=f"closures{f'-{feed_key}' if feed_key else ''}@{host}",
        url=page_url,
        refresh_interval=REFRESH_INTERVAL,
    )
    # RFC 7986 requires VALUE=DURATION on REFRESH-INTERVAL; icalendar leaves it out.
    calendar["REFRESH-INTERVAL"].params["VALUE"] = "DURATION"
    calendar.add("X-PUBLISHED-TTL", vDuration(REFRESH_INTERVAL).to_ical().decode())
    for entry in entries:
        description = "\n\n".join(part for part in [entry.hours_text, entry.note, page_url] if part)
        event = Event.new(
            uid=event_uid(entry, site_url, feed_key),
            # With METHOD:PUBLISH, DTSTAMP is when this file was made (RFC 5545 3.8.7.2).
            stamp=now,
            last_modified=entry.updated,
            start=entry.first_day,
            # All-day events end on the day after the last one (DTEND is exclusive).
            end=entry.last_day + timedelta(days=1),
            summary=event_summary(entry, practice_name),
            description=description,
            # Free, not busy: the practice's closure does not block the patient's own time.
            transparency="TRANSPARENT",
        )
        event.add("URL", page_url)
        calendar.add_component(event)
    return calendar.to_ical()
