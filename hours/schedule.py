"""The practice's hours as plain data, and every answer the site gives about them.

No Django here: a Schedule is built from the weekly hours and the dated entries (closures and
special hours) plus the practice's time zone, and is asked questions with an explicit `now`
(an aware datetime). Everything is answered in the practice's local wall time, so the answer is
the same whatever time zone the server runs in.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, tzinfo

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
        return "Closed all day" if self.closed else format_intervals(self.intervals)

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
    def text(self) -> str:
        if self.next_opening:
            return f"{self.headline}. {self.next_opening}."
        return f"{self.headline}."


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
        special = f" ({entry.label} hours)" if entry is not None and not entry.closed else ""

        current = next((i for i in intervals if i.contains(clock)), None)
        if current is not None:
            closes_at = self.at(today, current.closes)
            return Status(
                True,
                f"Open now, closes at {format_time(current.closes)}{special}",
                valid_until=min(closes_at, midnight),
            )

        if entry is not None and entry.closed:
            headline = f"Closed today ({entry.label})"
        elif not intervals:
            headline = "Closed today"
        else:
            headline = f"Closed now{special}"
        opening = self.next_opening_after(local)
        if opening is None:
            return Status(False, headline, valid_until=midnight)
        return Status(
            False,
            headline,
            f"Opens {describe_day(opening.date(), today)} at {format_time(opening.time())}",
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
            hours = format_intervals(self.hours_on(day)) or "Closed"
            if entry is not None:
                hours = (
                    f"{hours} ({entry.label})" if entry.closed else f"{hours} ({entry.label} hours)"
                )
            rows.append(
                DayHours(
                    day,
                    format_date(day, with_year=day.year != today.year),
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
            hours = format_intervals(self.weekly[weekday]) or "Closed"
            if group and rows and rows[-1].hours == hours:
                previous = rows[-1]
                days = (*previous.weekdays, weekday)
                label = f"{WEEKDAYS[days[0]]} {DASH} {WEEKDAYS[weekday]}"
                rows[-1] = WeeklyRow(label, hours, days)
            else:
                rows.append(WeeklyRow(WEEKDAYS[weekday], hours, (weekday,)))
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


# --- Words -----------------------------------------------------------------------------------
def format_time(moment: time) -> str:
    """8:00 AM, 12:00 PM (noon), 5:30 PM: how the practice writes times."""
    hour = moment.hour % 12 or 12
    return f"{hour}:{moment.minute:02d} {'AM' if moment.hour < 12 else 'PM'}"


def format_intervals(intervals: Iterable[Interval]) -> str:
    return ", ".join(interval.text for interval in intervals)


def format_short_time(moment: time) -> str:
    """8 AM, 8:30 AM, noon, 5 PM: times in a sentence."""
    if moment == time(12):
        return "noon"
    hour = moment.hour % 12 or 12
    minutes = f":{moment.minute:02d}" if moment.minute else ""
    return f"{hour}{minutes} {'AM' if moment.hour < 12 else 'PM'}"


def join_words(words: Sequence[str]) -> str:
    """A, B and C."""
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} and {words[-1]}"


def what_happens(entry: DatedHours, today: date) -> str:
    """The banner's sentence for an entry: "Closed Wednesday, December 2 (Staff training day)",
    "Open 8 AM-noon on Wednesday, November 24 (Day before Thanksgiving)", and " at Oak Park"
    after the dates when it is not every office."""
    dates = entry.dates_text(today)
    where = f" at {join_words(entry.office_names)}" if entry.office_names else ""
    if entry.closed:
        return f"Closed {dates}{where} ({entry.label})"
    hours = join_words(
        [
            f"{format_short_time(i.opens)}{DASH}{format_short_time(i.closes)}"
            for i in merge(entry.intervals)
        ]
    )
    return f"Open {hours} on {dates}{where} ({entry.label})"


def format_date(day: date, with_year: bool = True) -> str:
    text = f"{WEEKDAYS[day.weekday()]}, {day:%B} {day.day}"
    return f"{text}, {day.year}" if with_year else text


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
        return "today"
    if offset == 1:
        return "tomorrow"
    if offset < 7:
        return WEEKDAYS[day.weekday()]
    # "Monday, January 4" is clear in late December; a year is added only when it could not be.
    return format_date(day, with_year=offset > 180)
