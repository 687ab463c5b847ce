"""Closures and special hours (a snippet: "Closures" in the admin menu)."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import Orderable

from ..forms import ClosureForm
from ..schedule import DatedHours, Interval, format_date_range, format_intervals
from .regular import OpenInterval


class Closure(ClusterableModel):
    """A holiday closure or a stretch of special hours, announced on the whole site."""

    label = models.CharField(
        "name",
        max_length=80,
        help_text="What patients see, e.g. 'Thanksgiving' or 'Winter break'.",
    )
    start_date = models.DateField(
        "first day", help_text="The first day you're closed or on special hours."
    )
    end_date = models.DateField(
        "last day",
        null=True,
        blank=True,
        help_text="For several days in a row, the last of them. Leave empty for a single day.",
    )
    closed_all_day = models.BooleanField(
        "closed all day",
        default=True,
        help_text="Ticked: the office is closed on these days. Unticked: you're open on special "
        "hours, entered below.",
    )
    note = models.CharField(
        "note for patients",
        max_length=300,
        blank=True,
        help_text="Optional, shown with the dates: e.g. 'Phones are answered until noon.'",
    )
    locations = ParentalManyToManyField(
        "locations.LocationPage",
        blank=True,
        related_name="closures",
        verbose_name="offices",
        help_text="Leave all unticked when it applies to every office; tick the offices it "
        "applies to otherwise.",
    )
    updated_at = models.DateTimeField(auto_now=True)

    base_form_class = ClosureForm
    panels = [
        FieldPanel("label"),
        FieldPanel("start_date"),
        FieldPanel("end_date"),
        FieldPanel("locations", widget=forms.CheckboxSelectMultiple),
        FieldPanel("closed_all_day"),
        InlinePanel(
            "special_hours",
            heading="Special hours",
            label="Special hours",
            help_text="Only when 'Closed all day' is unticked: the hours you're open on each of "
            "these days. Add two lines for a lunch break.",
        ),
        FieldPanel("note"),
    ]

    class Meta:
        ordering = ["start_date"]
        verbose_name = "closure or special hours"
        verbose_name_plural = "closures & special hours"

    def __str__(self):
        return f"{self.label} ({self.dates_text})"

    @property
    def last_day(self):
        return self.end_date or self.start_date

    @property
    def dates_text(self) -> str:
        return format_date_range(self.start_date, self.last_day) if self.start_date else ""

    @property
    def offices_text(self) -> str:
        return ", ".join(office.title for office in self.locations.all()) or "Every office"

    def clashes_with(self, offices) -> "Closure | None":
        """Another entry on some of these days for some of the same offices (none ticked: every
        office), or None."""
        same_days = Closure.objects.exclude(pk=self.pk).filter(
            start_date__lte=self.last_day, end_date__gte=self.start_date
        )
        wanted = {office.pk for office in offices}
        for other in same_days.prefetch_related("locations"):
            theirs = {office.pk for office in other.locations.all()}
            if not wanted or not theirs or wanted & theirs:
                return other
        return None

    @property
    def hours_text(self) -> str:
        if self.closed_all_day:
            return "Closed all day"
        return format_intervals(sorted(line.interval for line in self.special_hours.all()))

    def clean(self):
        super().clean()
        if self.start_date is None:
            return
        if self.end_date is not None and self.end_date < self.start_date:
            raise ValidationError(
                {
                    "end_date": "The last day is before the first day "
                    f"({format_date_range(self.start_date, self.start_date)}). Choose a day on "
                    "or after it, or leave this empty for a single day."
                }
            )
        # Dates that overlap another entry for the same office are refused by the admin form
        # (ClosureForm), which knows the offices ticked.

    def save(self, *args, **kwargs):
        # Stored filled in, so date-range queries never have to treat an empty last day.
        self.end_date = self.last_day
        super().save(*args, **kwargs)

    def as_dated_hours(self) -> DatedHours:
        intervals = (
            () if self.closed_all_day else tuple(line.interval for line in self.special_hours.all())
        )
        return DatedHours(
            key=f"closure-{self.pk}",
            label=self.label,
            first_day=self.start_date,
            last_day=self.last_day,
            intervals=intervals,
            note=self.note,
            updated=self.updated_at,
            offices=frozenset(office.pk for office in self.locations.all()),
            office_names=tuple(office.title for office in self.locations.all()),
        )


def dated_hours(closures) -> list[DatedHours]:
    """Closure.as_dated_hours() of each closure in the queryset `closures`, in its order, in one
    query (each closure once per pair of its special hours and offices: a handful of rows).
    Prefetching the special hours and the offices took three queries and built a model for each
    row (an office as a whole LocationPage, for its id and title): as much as the rest of the
    footer, on every cold page view."""
    rows = closures.values_list(
        "pk",
        "label",
        "start_date",
        "end_date",
        "closed_all_day",
        "note",
        "updated_at",
        "special_hours__pk",
        "special_hours__sort_order",
        "special_hours__opens",
        "special_hours__closes",
        "locations__pk",
        "locations__path",
        "locations__title",
    )
    found: dict[int, tuple] = {}  # in the queryset's order
    for row in rows:
        pk, *fields = row[:7]
        hours_pk, sort_order, opens, closes, office_pk, path, title = row[7:]
        _, intervals, offices = found.setdefault(pk, (fields, {}, {}))
        if hours_pk is not None:
            intervals[hours_pk] = (sort_order, Interval(opens, closes))
        if office_pk is not None:
            offices[office_pk] = (path, title)
    entries = []
    for pk, (fields, intervals, offices) in found.items():
        label, start_date, end_date, closed_all_day, note, updated_at = fields
        # As the prefetches read them: special hours by sort order, offices in page-tree order.
        ordered = sorted(offices.items(), key=lambda item: item[1][0])
        entries.append(
            DatedHours(
                key=f"closure-{pk}",
                label=label,
                first_day=start_date,
                last_day=end_date or start_date,
                intervals=()
                if closed_all_day
                else tuple(interval for _, interval in sorted(intervals.values(), key=_first)),
                note=note,
                updated=updated_at,
                offices=frozenset(offices),
                office_names=tuple(title for _, (_, title) in ordered),
            )
        )
    return entries


def _first(pair: tuple):
    return pair[0]


class ClosureHours(Orderable, OpenInterval):
    closure = ParentalKey(Closure, on_delete=models.CASCADE, related_name="special_hours")

    panels = [FieldRowPanel([FieldPanel("opens"), FieldPanel("closes")])]

    class Meta(Orderable.Meta):
        verbose_name = "special hours"
        verbose_name_plural = "special hours"
