"""The hours app's models: what staff edit, and the holiday hours page that shows it."""

from .closures import Closure, ClosureHours, dated_hours
from .page import HolidayHoursPage
from .regular import HoursSettings, WeeklyHours

__all__ = [
    "Closure",
    "ClosureHours",
    "HolidayHoursPage",
    "HoursSettings",
    "WeeklyHours",
    "dated_hours",
]
