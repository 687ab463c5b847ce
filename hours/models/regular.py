"""The regular week and the holiday banner: Settings → Opening hours (one per site)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_noop
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable

from ..forms import HoursSettingsForm
from ..schedule import WEEKDAYS, Interval, format_time

# Marked for translation: while staff keep this wording, each language shows its own.
DEFAULT_BANNER_MESSAGE = gettext_noop(
    "View our Holiday Hours to see when we're closed this season."
)


class OpenInterval(models.Model):
    """An opening and a closing time on the same day."""

    opens = models.TimeField(
        "opens at", help_text="When the doors open, e.g. 08:00 for 8 AM or 13:00 for 1 PM."
    )
    closes = models.TimeField(
        "closes at", help_text="When the doors close, e.g. 12:00 for noon or 17:00 for 5 PM."
    )

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.opens is not None and self.closes is not None and self.closes <= self.opens:
            raise ValidationError(
                {
                    "closes": "The closing time must be later than the opening time "
                    f"({format_time(self.opens)}). Hours can't run past midnight."
                }
            )

    @property
    def interval(self) -> Interval:
        return Interval(self.opens, self.closes)


@register_setting(icon="time")
class HoursSettings(ClusterableModel, BaseSiteSetting):
    """The regular week and the holiday banner. Closures are entered separately."""

    banner_enabled = models.BooleanField(
        "show the holiday banner",
        default=True,
        help_text="Shows a banner at the top of every page when a closure or special hours are "
        "coming up. Untick to hide it (the Holiday hours page still lists them).",
    )
    banner_message = models.CharField(
        "banner wording",
        max_length=200,
        default=DEFAULT_BANNER_MESSAGE,
        help_text="The sentence in the banner. A link to the Holiday hours page, naming the next "
        "closure and its dates, follows it.",
    )
    banner_days_ahead = models.PositiveSmallIntegerField(
        "days ahead",
        default=14,
        help_text="How many days before a closure the banner appears, e.g. 14 for two weeks. "
        "It goes away by itself the day after the closure ends.",
    )

    base_form_class = HoursSettingsForm
    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    InlinePanel(
                        "weekly_hours",
                        heading="Regular weekly hours",
                        label="Opening hours",
                        help_text="One line per stretch of time you're open. A day with a "
                        "lunch break gets two lines (Monday 08:00 to 12:00, and Monday 13:00 to "
                        "17:00). A day with no lines shows as Closed. Holidays and one-off "
                        "changes go in 'Closures' (in the admin menu), not here. Once an office "
                        "is published under Locations, the site shows each office's own hours "
                        "(the first office's are the practice's) instead of these.",
                    )
                ],
                heading="Regular hours",
            ),
            ObjectList(
                [
                    FieldPanel("banner_enabled"),
                    FieldPanel("banner_message"),
                    FieldPanel("banner_days_ahead"),
                ],
                heading="Holiday banner",
            ),
        ]
    )

    class Meta:
        verbose_name = "opening hours"
        verbose_name_plural = "opening hours"

    def weekly_intervals(self) -> dict[int, list[Interval]]:
        return week_of(self.weekly_hours.all())


def week_of(lines) -> dict[int, list[Interval]]:
    """Weekday (0 = Monday) -> its opening intervals, from weekday lines (WeekdayHours)."""
    week: dict[int, list[Interval]] = {day: [] for day in range(7)}
    for line in lines:
        week[line.weekday].append(line.interval)
    return week


class WeekdayHours(Orderable, OpenInterval):
    """One line of a week: a weekday with an opening and a closing time (the practice's week
    here, each office's in locations/)."""

    weekday = models.PositiveSmallIntegerField(
        "day", choices=list(enumerate(WEEKDAYS)), help_text="The day of the week."
    )

    panels = [FieldRowPanel([FieldPanel("weekday"), FieldPanel("opens"), FieldPanel("closes")])]

    class Meta(Orderable.Meta):
        abstract = True
        verbose_name = "opening hours"
        verbose_name_plural = "opening hours"

    def __str__(self):
        return f"{WEEKDAYS[self.weekday]} {self.interval.text}"


class WeeklyHours(WeekdayHours):
    settings = ParentalKey(HoursSettings, on_delete=models.CASCADE, related_name="weekly_hours")

    class Meta(WeekdayHours.Meta):
        abstract = False
