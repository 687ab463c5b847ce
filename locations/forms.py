"""The location page's admin form: two lines of the same day's hours that overlap get a message
on the later line, as in the practice's own hours."""

from wagtail.admin.forms import WagtailAdminPageForm

from hours.forms import flag_overlaps, kept_lines
from hours.schedule import WEEKDAYS


class LocationPageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned = super().clean()
        if "weekly_hours" in self.formsets:
            lines = kept_lines(self, "weekly_hours")
            for weekday, day_name in enumerate(WEEKDAYS):
                same_day = [line for line in lines if line.cleaned_data["weekday"] == weekday]
                flag_overlaps(same_day, f"{day_name} already has")
        return cleaned
