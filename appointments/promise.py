"""What the thank-you page and the receipt promise the patient: how we will reach them (the
method they chose) and when (the next day the practice is open, saying so when tomorrow is a
closure). Plain Python over hours/schedule.py's Schedule: no database, no clock of its own. In
the active language (the receipt's is the patient's: see emails.py)."""

from datetime import datetime, timedelta

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from hours.schedule import Schedule, weekday_name

# How far ahead to look for an open day (a long holiday closure is still found).
HORIZON_DAYS = 21

# Whole phrases, not a verb in a sentence: other languages build them differently.
WE_WILL = {
    "phone": gettext_lazy("We will call you {when}"),
    "text": gettext_lazy("We will text you {when}"),
    "email": gettext_lazy("We will email you {when}"),
}
WE_WILL_CONTACT = gettext_lazy("We will contact you {when}")


def contact_promise(schedule: Schedule | None, now: datetime, contact_method: str) -> str:
    we_will = str(WE_WILL.get(contact_method, WE_WILL_CONTACT))
    if schedule is None or not schedule.has_regular_hours:
        return we_will.format(when=_("within one business day")) + "."
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
        return we_will.format(when=_("as soon as we reopen")) + "."
    if next_open == tomorrow:
        when = _("tomorrow")
    else:
        when = _("on {weekday}").format(weekday=weekday_name(next_open.weekday()))
    promise = we_will.format(when=when) + "."
    closure = schedule.entry_on(tomorrow)
    if closure is not None and closure.closed:
        # "…; we will call you on Monday.": the promise goes on the sentence, uncapitalised.
        return _("We are closed tomorrow ({closure}); {promise}").format(
            closure=closure.label, promise=promise[:1].lower() + promise[1:]
        )
    return promise
