"""The practice's hours as plain data, and every answer the site gives about them.

No models here: a Schedule is built from the weekly hours and the dated entries (closures and
special hours) plus the practice's time zone, and is asked questions with an explicit `now`
(an aware datetime). Everything is answered in the practice's local wall time, so the answer is
the same whatever time zone the server runs in. The words are in the active language (Django's
gettext: "Abierto ahora, cierra a las 5:00 p. m." on a Spanish page); WEEKDAYS stays English,
for schema.org and the admin.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, tzinfo

from django.utils.dates import MONTHS
from django.utils.dates import WEEKDAYS as WEEKDAY_NAMES
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

# An en dash between times and dates ("8:00 AM - 5:00 PM"), as typeset text has it.
DASH = "\u2013"
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# How far ahead "when do we open next?" looks before giving up (a year and a bit).
NEXT_OPENING_HORIZON_DAYS = 400


@dataclass(frozen=True, order=True)
class Interval:
    """One stretch of open time within a day; `closes` is after `opens` (no overnight hours)."""

    opens: time
    closes: time

    def overlaps(self, other: "Interval") -> bool:
        # Touching intervals (8-12 and 12-1) do not overlap: they merge into one.
        return self.opens < other.closes and other.opens < self.closes

    def contains(self, moment: time) -> bool:
        return self.opens <= moment < self.closes

    @property
    def text(self) -> str:
        return f"{format_time(self.opens)} {DASH} {format_time(self.closes)}"


@dataclass(frozen=True)
class DatedHours:
    """A closure (no intervals) or special hours, for every day from first_day to last_day."""

    key: str  # stable identity, used for calendar UIDs
    label: str
    first_day: date
    last_day: date
    intervals: tuple[Interval, ...] = ()
    note: str = ""
    updated: datetime | None = None  # when staff last saved it (calendar LAST-MODIFIED)
    # The offices it applies to (their keys); empty means every office.
    offices: frozenset[int] = frozenset()
    # Their names, for words ("at the Oak Park office"); empty when it applies everywhere.
    office_names: tuple[str, ...] = ()

    @property
    def everywhere(self) -> bool:
        return not self.offices

    def applies_to(self, office: int) -> bool:
        return self.everywhere or office in self.offices

    @property
    def closed(self) -> bool:
        return not self.intervals

    def covers(self, day: date) -> bool:
        return self.first_day <= day <= self.last_day

    @property
    def hours_text(self) -> str:
        return _("Closed all day") if self.closed else format_intervals(self.intervals)

    def dates_text(self, today: date | None = None) -> str:
        return format_date_range(self.first_day, self.last_day, today)


@dataclass(frozen=True)
class Status:
    """Today's status, in words: a headline and what happens next."""

    is_open: bool
    headline: str  # "Open now, closes at 5:00 PM" / "Closed today (Thanksgiving)" / "Closed now"
    next_opening: str = ""  # "Opens Monday at 8:00 AM" / "" when nothing is scheduled
    # When these words stop being true (the next opening or closing, or local midnight, when
    # "today"/"tomorrow" shift): a page cache may keep a page showing them until then.
    valid_until: datetime | None = None

    @property
    def headline_sentence(self) -> str:
        return sentence(self.headline)

    @property
    def next_opening_sentence(self) -> str:
        return sentence(self.next_opening) if self.next_opening else ""

    @property
    def text(self) -> str:
        if self.next_opening:
            return f"{self.headline_sentence} {self.next_opening_sentence}"
        return self.headline_sentence


@dataclass(frozen=True)
class WeeklyRow:
    days: str  # "Monday" or "Monday - Friday"
    hours: str  # "8:00 AM - 5:00 PM" or "Closed"
    weekdays: tuple[int, ...] = field(default=())


@dataclass(frozen=True)
class DayHours:
    day: date
    date_text: str  # "Wednesday, December 2"
    hours: str  # "8:00 AM - 5:00 PM" / "Closed (Staff training day)"
    is_today: bool
    entry: DatedHours | None = None


class Schedule:
    def __init__(
        self,
        weekly: Mapping[int, Iterable[Interval]],
        dated: Iterable[DatedHours],
        tz: tzinfo,
    ):
        self.weekly = {day: merge(weekly.get(day, ())) for day in range(7)}
        self.dated = tuple(sorted(dated, key=lambda entry: (entry.first_day, entry.last_day)))
        self.tz = tz

    @property
    def has_regular_hours(self) -> bool:
        return any(self.weekly.values())

    # --- Days -----------------------------------------------------------------------------------
    def local(self, now: datetime) -> datetime:
        if now.tzinfo is None:
            raise ValueError("now must be an aware datetime (django.utils.timezone.now())")
        return now.astimezone(self.tz)

    def today(self, now: datetime) -> date:
        return self.local(now).date()

    def entry_on(self, day: date) -> DatedHours | None:
        return next((entry for entry in self.dated if entry.covers(day)), None)

    def hours_on(self, day: date) -> tuple[Interval, ...]:
        entry = self.entry_on(day)
        if entry is not None:
            return merge(entry.intervals)
        return self.weekly[day.weekday()]

    def at(self, day: date, moment: time) -> datetime:
        return datetime.combine(day, moment, tzinfo=self.tz)

    # --- Today's status -------------------------------------------------------------------------
    def status(self, now: datetime) -> Status:
        local = self.local(now)
        today, clock = local.date(), local.time()
        entry = self.entry_on(today)
        intervals = self.hours_on(today)
        midnight = self.at(today + timedelta(days=1), time(0))
        special = ""
        if entry is not None and not entry.closed:
            special = " " + _("({label} hours)").format(label=entry.label)

        current = next((i for i in intervals if i.contains(clock)), None)
        if current is not None:
            closes_at = self.at(today, current.closes)
            # Counted by the hour: Spanish says "a la 1:00" but "a las 5:00".
            closes = ngettext(
                "Open now, closes at {time}",
                "Open now, closes at {time}",
                clock_hour(current.closes),
            ).format(time=format_time(current.closes))
            return Status(True, closes + special, valid_until=min(closes_at, midnight))

        if entry is not None and entry.closed:
            headline = _("Closed today ({label})").format(label=entry.label)
        elif not intervals:
            headline = _("Closed today")
        else:
            headline = _("Closed now") + special
        opening = self.next_opening_after(local)
        if opening is None:
            return Status(False, headline, valid_until=midnight)
        opens = ngettext(
            "Opens {day} at {time}", "Opens {day} at {time}", clock_hour(opening.time())
        )
        return Status(
            False,
            headline,
            opens.format(day=describe_day(opening.date(), today), time=format_time(opening.time())),
            valid_until=min(opening, midnight),
        )

    def next_opening_after(self, local: datetime) -> datetime | None:
        """The next moment the practice opens, strictly after `local` (a local datetime)."""
        today, clock = local.date(), local.time()
        for offset in range(NEXT_OPENING_HORIZON_DAYS):
            day = today + timedelta(days=offset)
            for interval in self.hours_on(day):
                if offset > 0 or interval.opens > clock:
                    return self.at(day, interval.opens)
        return None

    # --- Closures and special hours ---------------------------------------------------------------
    def upcoming(self, now: datetime) -> list[DatedHours]:
        """Entries under way or still to come; past ones drop off by themselves."""
        today = self.today(now)
        return [entry for entry in self.dated if entry.last_day >= today]

    def banner_entries(self, now: datetime, days_ahead: int) -> list[DatedHours]:
        """The entries the site-wide banner announces: those under way (until the day after
        their last day) or starting within `days_ahead` days (from exactly that many days
        before their first day)."""
        return banner_entries(self.dated, self.today(now), days_ahead)

    # --- The coming days, with real dates ---------------------------------------------------------
    def coming_days(self, now: datetime, days: int = 7) -> list["DayHours"]:
        """Today and the days after it, each with its date and its hours as they will be."""
        today = self.today(now)
        rows = []
        for offset in range(days):
            day = today + timedelta(days=offset)
            entry = self.entry_on(day)
            hours = format_intervals(self.hours_on(day)) or _("Closed")
            if entry is not None:
                label = _("({label} hours)") if not entry.closed else "({label})"
                hours = f"{hours} {label.format(label=entry.label)}"
            rows.append(
                DayHours(
                    day,
                    capfirst(format_date(day, with_year=day.year != today.year)),
                    hours,
                    offset == 0,
                    entry,
                )
            )
        return rows

    # --- Regular weekly hours ---------------------------------------------------------------------
    def weekly_rows(self, group: bool = False) -> list[WeeklyRow]:
        """One row per weekday; with group=True, consecutive days with the same hours share one
        row ("Monday - Friday")."""
        rows: list[WeeklyRow] = []
        for weekday in range(7):
            hours = format_intervals(self.weekly[weekday]) or _("Closed")
            if group and rows and rows[-1].hours == hours:
                previous = rows[-1]
                days = (*previous.weekdays, weekday)
                label = f"{weekday_name(days[0])} {DASH} {weekday_name(weekday)}"
                rows[-1] = WeeklyRow(capfirst(label), hours, days)
            else:
                rows.append(WeeklyRow(capfirst(weekday_name(weekday)), hours, (weekday,)))
        return rows


def banner_entries(entries: Iterable[DatedHours], today: date, days_ahead: int) -> list[DatedHours]:
    return [
        entry
        for entry in entries
        if entry.first_day - timedelta(days=days_ahead) <= today <= entry.last_day
    ]


def for_office(entries: Iterable[DatedHours], office: int) -> list[DatedHours]:
    """The entries that apply to one office: those for every office and those ticked for it."""
    return [entry for entry in entries if entry.applies_to(office)]


# --- Checks on staff input -------------------------------------------------------------------
def merge(intervals: Iterable[Interval]) -> tuple[Interval, ...]:
    """Sorted, with touching or overlapping intervals joined (8-12 + 12-1 is 8-1)."""
    merged: list[Interval] = []
    for interval in sorted(intervals):
        if merged and interval.opens <= merged[-1].closes:
            last = merged[-1]
            merged[-1] = Interval(last.opens, max(last.closes, interval.closes))
        else:
            merged.append(interval)
    return tuple(merged)


def first_overlap(intervals: Sequence[Interval]) -> tuple[int, int] | None:
    """Positions (earlier, later) of the first two intervals that overlap, or None."""
    for later in range(len(intervals)):
        for earlier in range(later):
            if intervals[earlier].overlaps(intervals[later]):
                return earlier, later
    return None


# --- Words (in the active language) ---------------------------------------------------------
def sentence(text: str) -> str:
    """The text with a full stop, unless it ends with one ("… 5:00 p. m." in Spanish)."""
    return text if text.endswith(".") else f"{text}."


def weekday_name(weekday: int) -> str:
    """Monday (English), lunes (Spanish): Django's own translations of the day names."""
    return str(WEEKDAY_NAMES[weekday])


def clock_hour(moment: time) -> int:
    """The hour as a 12-hour clock shows it (1 for 1:00 PM, 12 for noon)."""
    return moment.hour % 12 or 12


def meridiem(moment: time) -> str:
    return pgettext("time of day", "AM") if moment.hour < 12 else pgettext("time of day", "PM")


def format_time(moment: time) -> str:
    """8:00 AM, 12:00 PM (noon), 5:30 PM: how the practice writes times (8:00 a. m. in
    Spanish)."""
    return f"{clock_hour(moment)}:{moment.minute:02d} {meridiem(moment)}"


def format_intervals(intervals: Iterable[Interval]) -> str:
    return ", ".join(interval.text for interval in intervals)


def format_short_time(moment: time) -> str:
    """8 AM, 8:30 AM, noon, 5 PM: times in a sentence."""
    if moment == time(12):
        return _("noon")
    minutes = f":{moment.minute:02d}" if moment.minute else ""
    return f"{clock_hour(moment)}{minutes} {meridiem(moment)}"


def join_words(words: Sequence[str]) -> str:
    """A, B and C."""
    if len(words) <= 1:
        return "".join(words)
    return _("{first} and {last}").format(first=", ".join(words[:-1]), last=words[-1])


def what_happens(entry: DatedHours, today: date) -> str:
    """The banner's sentence for an entry: "Closed Wednesday, December 2 (Staff training day)",
    "Open 8 AM-noon on Wednesday, November 24 (Day before Thanksgiving)", and " at Oak Park"
    after the dates when it is not every office."""
    dates = entry.dates_text(today)
    where = ""
    if entry.office_names:
        where = " " + _("at {offices}").format(offices=join_words(entry.office_names))
    if entry.closed:
        return _("Closed {dates}{where} ({label})").format(
            dates=dates, where=where, label=entry.label
        )
    hours = join_words(
        [
            f"{format_short_time(i.opens)}{DASH}{format_short_time(i.closes)}"
            for i in merge(entry.intervals)
        ]
    )
    return _("Open {hours} on {dates}{where} ({label})").format(
        hours=hours, dates=dates, where=where, label=entry.label
    )


def format_date(day: date, with_year: bool = True) -> str:
    """Wednesday, December 2 (, 2026); miércoles 2 de diciembre (de 2026) in Spanish."""
    names = {
        "weekday": weekday_name(day.weekday()),
        "month": str(MONTHS[day.month]),
        "day": day.day,
    }
    if with_year:
        return _("{weekday}, {month} {day}, {year}").format(year=day.year, **names)
    return _("{weekday}, {month} {day}").format(**names)


def format_date_range(first: date, last: date, today: date | None = None) -> str:
    """The year is written only when it is not the current one or the range crosses into
    the next, so "Thursday, December 24, 2026 - Friday, January 1, 2027" stays unambiguous."""
    with_year = today is None or first.year != last.year or first.year != today.year
    if first == last:
        return format_date(first, with_year)
    return f"{format_date(first, with_year)} {DASH} {format_date(last, with_year)}"


def describe_day(day: date, today: date) -> str:
    """today / tomorrow / Monday (within the week) / Monday, January 4 (further away)."""
    offset = (day - today).days
    if offset == 0:
        return _("today")
    if offset == 1:
        return _("tomorrow")
    # "Monday, January 4" is clear in late December; a year is added only when it could not be.
    named = weekday_name(day.weekday()) if offset < 7 else format_date(day, with_year=offset > 180)
    # Spanish puts an article before a named day ("Abre el lunes a las 8:00 a. m.").
    return pgettext("opens on a named day", "{day}").format(day=named)
