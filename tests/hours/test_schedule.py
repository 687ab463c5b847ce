"""The schedule's answers, with `now` passed in: today's status, the next opening, the banner
window and the words, in the practice's time zone (America/Chicago) whatever `now`'s zone is."""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from hours.schedule import (
    DatedHours,
    Interval,
    Schedule,
    first_overlap,
    for_office,
    format_date_range,
    format_time,
    merge,
    what_happens,
)

CHICAGO = ZoneInfo("America/Chicago")
LUNCH_WEEK = {day: [Interval(time(8), time(12)), Interval(time(13), time(17))] for day in range(5)}
NINE_TO_FIVE = {day: [Interval(time(8), time(17))] for day in range(5)}

THANKSGIVING = DatedHours("closure-1", "Thanksgiving", date(2026, 11, 26), date(2026, 11, 27))
CHRISTMAS_EVE = DatedHours(
    "closure-2",
    "Christmas Eve",
    date(2026, 12, 24),
    date(2026, 12, 24),
    (Interval(time(8), time(12)),),
)
# Spans a month and a year boundary: Wednesday Dec 30, 2026 to Saturday Jan 2, 2027.
NEW_YEAR = DatedHours("closure-3", "New Year", date(2026, 12, 30), date(2027, 1, 2))


def chicago(*args) -> datetime:
    return datetime(*args, tzinfo=CHICAGO)


def schedule(week=LUNCH_WEEK, dated=()) -> Schedule:
    return Schedule(week, dated, CHICAGO)


@pytest.mark.parametrize(
    ("clock", "is_open", "headline", "next_opening"),
    [
        (time(7, 59), False, "Closed now", "Opens today at 8:00 AM"),
        (time(8, 0), True, "Open now, closes at 12:00 PM", ""),
        (time(11, 59), True, "Open now, closes at 12:00 PM", ""),
        (time(12, 0), False, "Closed now", "Opens today at 1:00 PM"),
        (time(16, 59), True, "Open now, closes at 5:00 PM", ""),
        (time(17, 0), False, "Closed now", "Opens tomorrow at 8:00 AM"),
    ],
)
def test_open_now_text_through_a_day_with_a_lunch_break(clock, is_open, headline, next_opening):
    tuesday = datetime.combine(date(2026, 11, 17), clock, tzinfo=CHICAGO)
    status = schedule().status(tuesday)
    assert (status.is_open, status.headline, status.next_opening) == (
        is_open,
        headline,
        next_opening,
    )


def test_the_same_moment_given_in_utc_gets_the_same_answer():
    # 16:59 in Chicago (CST, UTC-6) is 22:59 UTC.
    status = schedule().status(datetime(2026, 11, 17, 22, 59, tzinfo=UTC))
    assert status.text == "Open now, closes at 5:00 PM."
    assert schedule().status(datetime(2026, 11, 17, 23, 0, tzinfo=UTC)).is_open is False


def test_friday_evening_and_the_weekend_point_to_monday():
    friday_evening = schedule().status(chicago(2026, 11, 20, 17, 30))
    assert friday_evening.text == "Closed now. Opens Monday at 8:00 AM."
    saturday = schedule().status(chicago(2026, 11, 21, 10, 0))
    assert saturday.text == "Closed today. Opens Monday at 8:00 AM."


def test_a_closure_day_names_the_closure_and_the_reopening():
    status = schedule(dated=[THANKSGIVING]).status(chicago(2026, 11, 26, 10, 0))
    assert status.headline == "Closed today (Thanksgiving)"
    # Friday is closed too, then the weekend.
    assert status.next_opening == "Opens Monday at 8:00 AM"
    # The evening before, the reopening skips the closure as well.
    status = schedule(dated=[THANKSGIVING]).status(chicago(2026, 11, 25, 17, 0))
    assert status.text == "Closed now. Opens Monday at 8:00 AM."


def test_the_practice_date_decides_not_the_utc_date():
    # 04:30 UTC on the 26th is still 22:30 on Wednesday the 25th in Chicago.
    eve = schedule(dated=[THANKSGIVING]).status(datetime(2026, 11, 26, 4, 30, tzinfo=UTC))
    assert eve.headline == "Closed now"
    day = schedule(dated=[THANKSGIVING]).status(datetime(2026, 11, 26, 6, 0, tzinfo=UTC))
    assert day.headline == "Closed today (Thanksgiving)"


def test_a_day_with_special_hours():
    plan = schedule(dated=[CHRISTMAS_EVE])
    morning = plan.status(chicago(2026, 12, 24, 7, 0))
    assert morning.text == "Closed now (Christmas Eve hours). Opens today at 8:00 AM."
    open_ = plan.status(chicago(2026, 12, 24, 11, 0))
    assert open_.text == "Open now, closes at 12:00 PM (Christmas Eve hours)."
    # The regular 1 PM reopening does not happen on a special-hours day.
    afternoon = plan.status(chicago(2026, 12, 24, 13, 30))
    assert afternoon.is_open is False
    assert afternoon.next_opening == "Opens tomorrow at 8:00 AM"
    assert plan.hours_on(date(2026, 12, 24)) == (Interval(time(8), time(12)),)
    assert CHRISTMAS_EVE.hours_text == "8:00 AM \u2013 12:00 PM"


def test_special_hours_can_open_a_day_that_is_normally_closed():
    saturday_clinic = DatedHours(
        "closure-9",
        "Flu shots",
        date(2026, 11, 21),
        date(2026, 11, 21),
        (Interval(time(9), time(13)),),
    )
    status = schedule(dated=[saturday_clinic]).status(chicago(2026, 11, 21, 9, 0))
    assert status.text == "Open now, closes at 1:00 PM (Flu shots hours)."


@pytest.mark.parametrize("days_ahead", [14, 3, 0])
def test_banner_appears_exactly_n_days_before_and_goes_after_the_last_day(days_ahead):
    plan = schedule(dated=[THANKSGIVING])
    first_shown = THANKSGIVING.first_day - timedelta(days=days_ahead)
    day_before = first_shown - timedelta(days=1)
    assert plan.banner_entries(chicago(*day_before.timetuple()[:3], 23, 59), days_ahead) == []
    assert plan.banner_entries(chicago(*first_shown.timetuple()[:3], 0, 0), days_ahead) == [
        THANKSGIVING
    ]
    assert plan.banner_entries(chicago(2026, 11, 27, 23, 59), days_ahead) == [THANKSGIVING]
    assert plan.banner_entries(chicago(2026, 11, 28, 0, 0), days_ahead) == []


def test_banner_days_are_practice_days_not_utc_days():
    plan = schedule(dated=[THANKSGIVING])
    # Nov 12 00:00 in Chicago is 06:00 UTC; at 05:59 UTC Chicago is still on Nov 11.
    assert plan.banner_entries(datetime(2026, 11, 12, 5, 59, tzinfo=UTC), 14) == []
    assert plan.banner_entries(datetime(2026, 11, 12, 6, 0, tzinfo=UTC), 14) == [THANKSGIVING]


def test_a_closure_across_a_month_and_a_year_boundary():
    plan = schedule(NINE_TO_FIVE, dated=[NEW_YEAR])
    assert plan.banner_entries(chicago(2026, 12, 15, 23, 59), 14) == []
    assert plan.banner_entries(chicago(2026, 12, 16, 0, 0), 14) == [NEW_YEAR]
    for day in [date(2026, 12, 31), date(2027, 1, 1), date(2027, 1, 2)]:
        assert plan.banner_entries(datetime.combine(day, time(12), tzinfo=CHICAGO), 14)
        status = plan.status(datetime.combine(day, time(12), tzinfo=CHICAGO))
        assert status.headline == "Closed today (New Year)"
    assert plan.banner_entries(chicago(2027, 1, 3, 0, 0), 14) == []
    # Monday Jan 4 is five days on: named by its weekday, even in the next year.
    assert plan.status(chicago(2026, 12, 30, 9)).next_opening == "Opens Monday at 8:00 AM"
    assert plan.upcoming(chicago(2027, 1, 2, 23, 59)) == [NEW_YEAR]
    assert plan.upcoming(chicago(2027, 1, 3, 0, 0)) == []
    assert NEW_YEAR.dates_text(date(2026, 12, 1)) == (
        "Wednesday, December 30, 2026 \u2013 Saturday, January 2, 2027"
    )


def test_a_long_closure_names_the_reopening_date():
    winter = DatedHours("closure-4", "Winter break", date(2026, 12, 24), date(2027, 1, 1))
    status = schedule(NINE_TO_FIVE, dated=[winter]).status(chicago(2026, 12, 24, 9))
    assert status.text == "Closed today (Winter break). Opens Monday, January 4 at 8:00 AM."


def test_spring_forward_day():
    # Sunday March 8, 2026: clocks jump from 2:00 CST to 3:00 CDT (UTC-6 to UTC-5).
    sunday = DatedHours(
        "closure-5",
        "Open house",
        date(2026, 3, 8),
        date(2026, 3, 8),
        (Interval(time(9), time(13)),),
    )
    plan = schedule(dated=[sunday])
    assert plan.status(datetime(2026, 3, 8, 13, 59, tzinfo=UTC)).text == (
        "Closed now (Open house hours). Opens today at 9:00 AM."
    )
    open_ = plan.status(datetime(2026, 3, 8, 14, 0, tzinfo=UTC))  # 9:00 CDT
    assert open_.is_open
    assert open_.valid_until == datetime(2026, 3, 8, 18, 0, tzinfo=UTC)  # 13:00 CDT
    # From Saturday night (CST) to Monday morning (CDT) the offset changes on the way.
    saturday_night = plan.status(datetime(2026, 3, 8, 4, 0, tzinfo=UTC))  # Sat 22:00 CST
    assert saturday_night.next_opening == "Opens tomorrow at 9:00 AM"
    assert plan.next_opening_after(chicago(2026, 3, 8, 13, 0)) == datetime(
        2026, 3, 9, 13, 0, tzinfo=UTC
    )


def test_fall_back_day():
    # Sunday November 1, 2026: 2:00 CDT becomes 1:00 CST (UTC-5 to UTC-6).
    sunday = DatedHours(
        "closure-6",
        "Open house",
        date(2026, 11, 1),
        date(2026, 11, 1),
        (Interval(time(9), time(13)),),
    )
    plan = schedule(dated=[sunday])
    assert not plan.status(datetime(2026, 11, 1, 14, 59, tzinfo=UTC)).is_open  # 8:59 CST
    assert plan.status(datetime(2026, 11, 1, 15, 0, tzinfo=UTC)).is_open  # 9:00 CST
    # Saturday 9:00 PM CDT: "tomorrow" holds until local midnight (still CDT, 05:00 UTC), and
    # the opening is 9:00 local after the change, 15:00 UTC (not 14:00, as in CDT).
    saturday = plan.status(datetime(2026, 11, 1, 2, 0, tzinfo=UTC))
    assert saturday.next_opening == "Opens tomorrow at 9:00 AM"
    assert saturday.valid_until == datetime(2026, 11, 1, 5, 0, tzinfo=UTC)
    assert plan.next_opening_after(chicago(2026, 10, 31, 21, 0)) == datetime(
        2026, 11, 1, 15, 0, tzinfo=UTC
    )


def test_now_without_a_time_zone_is_refused():
    with pytest.raises(ValueError, match="aware"):
        schedule().status(datetime(2026, 11, 17, 9, 0))


def test_touching_intervals_are_one_stretch():
    week = {1: [Interval(time(8), time(12)), Interval(time(12), time(17))]}
    status = schedule(week).status(chicago(2026, 11, 17, 11, 59))
    assert status.headline == "Open now, closes at 5:00 PM"
    assert merge(week[1]) == (Interval(time(8), time(17)),)


def test_overlaps_are_found_and_touching_is_not_an_overlap():
    assert first_overlap([Interval(time(8), time(12)), Interval(time(12), time(17))]) is None
    assert first_overlap(
        [Interval(time(8), time(12)), Interval(time(13), time(17)), Interval(time(11), time(14))]
    ) == (0, 2)


def test_nothing_scheduled_means_no_next_opening():
    status = schedule(week={}).status(chicago(2026, 11, 17, 9, 0))
    assert status.text == "Closed today."
    assert schedule(week={}).has_regular_hours is False


def test_past_entries_drop_off():
    plan = schedule(dated=[THANKSGIVING, CHRISTMAS_EVE])
    assert plan.upcoming(chicago(2026, 11, 27, 23, 0)) == [THANKSGIVING, CHRISTMAS_EVE]
    assert plan.upcoming(chicago(2026, 11, 28, 0, 0)) == [CHRISTMAS_EVE]


def test_weekly_rows_one_per_day_or_grouped():
    rows = schedule(NINE_TO_FIVE).weekly_rows()
    assert [(r.days, r.hours) for r in rows][:1] == [("Monday", "8:00 AM \u2013 5:00 PM")]
    assert rows[6].hours == "Closed"
    grouped = schedule(NINE_TO_FIVE).weekly_rows(group=True)
    assert [(r.days, r.hours) for r in grouped] == [
        ("Monday \u2013 Friday", "8:00 AM \u2013 5:00 PM"),
        ("Saturday \u2013 Sunday", "Closed"),
    ]


def test_words():
    assert format_time(time(0, 0)) == "12:00 AM"
    assert format_time(time(12, 0)) == "12:00 PM"
    assert format_time(time(17, 30)) == "5:30 PM"
    assert format_date_range(date(2026, 11, 26), date(2026, 11, 26), date(2026, 11, 1)) == (
        "Thursday, November 26"
    )
    assert format_date_range(date(2027, 7, 5), date(2027, 7, 5), date(2026, 11, 1)) == (
        "Monday, July 5, 2027"
    )


def test_an_entry_for_some_offices_applies_to_them_only():
    downtown, oak_park = 1, 2
    training = DatedHours(
        "closure-9",
        "Staff training day",
        date(2026, 12, 2),
        date(2026, 12, 2),
        offices=frozenset({oak_park}),
        office_names=("Oak Park",),
    )
    assert for_office([THANKSGIVING, training], downtown) == [THANKSGIVING]
    assert for_office([THANKSGIVING, training], oak_park) == [THANKSGIVING, training]
    wednesday_morning = chicago(2026, 12, 2, 9)
    assert schedule(dated=for_office([training], downtown)).status(wednesday_morning).is_open
    closed = schedule(dated=for_office([training], oak_park)).status(wednesday_morning)
    assert closed.headline == "Closed today (Staff training day)"


TRAINING_DAY = DatedHours("closure-7", "Staff training day", date(2026, 12, 2), date(2026, 12, 2))


@pytest.mark.parametrize(
    ("entry", "sentence"),
    [
        (TRAINING_DAY, "Closed Wednesday, December 2 (Staff training day)"),
        (
            DatedHours(
                "closure-8",
                "Day before Thanksgiving",
                date(2026, 11, 25),
                date(2026, 11, 25),
                (Interval(time(8), time(12)),),
            ),
            "Open 8 AM\u2013noon on Wednesday, November 25 (Day before Thanksgiving)",
        ),
        (
            DatedHours(
                "closure-9",
                "Inventory",
                date(2026, 12, 3),
                date(2026, 12, 3),
                (Interval(time(13, 30), time(17)), Interval(time(8), time(12))),
                offices=frozenset({2, 3}),
                office_names=("Oak Park", "Evanston"),
            ),
            "Open 8 AM\u2013noon and 1:30 PM\u20135 PM on Thursday, December 3 at Oak Park and "
            "Evanston (Inventory)",
        ),
        (
            THANKSGIVING,
            "Closed Thursday, November 26 \u2013 Friday, November 27 (Thanksgiving)",
        ),
        (
            NEW_YEAR,
            "Closed Wednesday, December 30, 2026 \u2013 Saturday, January 2, 2027 (New Year)",
        ),
    ],
)
def test_the_banner_says_what_happens(entry, sentence):
    assert what_happens(entry, date(2026, 11, 20)) == sentence


def test_the_coming_week_has_real_dates_with_closures_against_their_day():
    tuesday_evening = chicago(2026, 12, 1, 18)
    days = schedule(NINE_TO_FIVE, [TRAINING_DAY, CHRISTMAS_EVE]).coming_days(tuesday_evening)
    assert [(d.date_text, d.hours, d.is_today) for d in days] == [
        ("Tuesday, December 1", "8:00 AM \u2013 5:00 PM", True),
        ("Wednesday, December 2", "Closed (Staff training day)", False),
        ("Thursday, December 3", "8:00 AM \u2013 5:00 PM", False),
        ("Friday, December 4", "8:00 AM \u2013 5:00 PM", False),
        ("Saturday, December 5", "Closed", False),
        ("Sunday, December 6", "Closed", False),
        ("Monday, December 7", "8:00 AM \u2013 5:00 PM", False),
    ]
    before_christmas = schedule(NINE_TO_FIVE, [CHRISTMAS_EVE]).coming_days(
        chicago(2026, 12, 23, 9), 2
    )
    assert before_christmas[1].hours == "8:00 AM \u2013 12:00 PM (Christmas Eve hours)"
