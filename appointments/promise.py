"""What the thank-you page and the receipt promise the patient: how we will reach them (the
method they chose) and when (the next day the practice is open, saying so when tomorrow is a
closure). Plain Python over hours/schedule.py's Schedule: no database, no clock of its own."""

from datetime import datetime, timedelta

from hours.schedule import Schedule

# How far ahead to look for an open day (a long holiday closure is still found).
HORIZON_DAYS = 21

VERBS = {"phone": "call", "text": "text", "email": "email"}


def contact_promise(schedule: Schedule | None, now: datetime, contact_method: str) -> str:
    verb = VERBS.get(contact_method, "contact")
    if schedule is None or not schedule.has_regular_hours:
        return f"We will {verb} you within one business day."
    today = schedule.today(now)
    tomorrow = today + timedelta(days=1)
    next_open = next(
        (
            today + timedelta(days=offset)
            for offset in range(1, HORIZON_DAYS)
            if schedule.hours_on(today + timedelta(days=offset))
        ),
        None,
    )
    if next_open is None:
        return f"We will {verb} you as soon as we reopen."
    when = "tomorrow" if next_open == tomorrow else f"on {next_open:%A}"
    closure = schedule.entry_on(tomorrow)
    if closure is not None and closure.closed:
        return f"We are closed tomorrow ({closure.label}); we will {verb} you {when}."
    return f"We will {verb} you {when}."
