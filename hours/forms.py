"""Admin forms for the hours: the checks that need all of a form's lines at once (two lines on
the same day that overlap, special hours on a day marked closed). Each message says what is wrong
and what to do; everything typed stays in the form."""

from wagtail.admin.forms import WagtailAdminModelForm

from .schedule import WEEKDAYS, Interval, first_overlap


def kept_lines(form, formset_name: str) -> list:
    """The inline lines that will be saved: valid, filled in and not marked for deletion."""
    formset = form.formsets[formset_name]
    return [
        line
        for line in formset.forms
        if line.is_valid()
        and line.cleaned_data.get("opens") is not None
        and line.cleaned_data.get("closes") is not None
        and not formset._should_delete_form(line)
    ]


def interval_of(line) -> Interval:
    return Interval(line.cleaned_data["opens"], line.cleaned_data["closes"])


def flag_overlaps(lines: list, already_has: str) -> None:
    """Puts a message on every line that overlaps an earlier line of the same day."""
    intervals = [interval_of(line) for line in lines]
    for position, line in enumerate(lines):
        earlier = first_overlap(intervals[: position + 1])
        if earlier is not None and earlier[1] == position:
            other = intervals[earlier[0]]
            line.add_error(
                "opens",
                f"{already_has} {other.text}, which overlaps "
                f"{intervals[position].text}. Change the times or delete one of the lines.",
            )


class HoursSettingsForm(WagtailAdminModelForm):
    def clean(self):
        cleaned = super().clean()
        if "weekly_hours" in self.formsets:
            lines = kept_lines(self, "weekly_hours")
            for weekday, day_name in enumerate(WEEKDAYS):
                same_day = [line for line in lines if line.cleaned_data["weekday"] == weekday]
                flag_overlaps(same_day, f"{day_name} already has")
        return cleaned


class ClosureForm(WagtailAdminModelForm):
    def clean(self):
        cleaned = super().clean()
        self.refuse_clashing_dates(cleaned)
        if "special_hours" not in self.formsets:
            return cleaned
        lines = kept_lines(self, "special_hours")
        closed = cleaned.get("closed_all_day")
        if closed and lines:
            self.add_error(
                "closed_all_day",
                "You ticked 'Closed all day' and also entered special hours. Untick it to use the "
                "special hours, or delete the special hours.",
            )
        elif not closed and not lines and self.formsets["special_hours"].is_valid():
            self.add_error(
                "closed_all_day",
                "Add the hours you're open under 'Special hours', or tick 'Closed all day'.",
            )
        flag_overlaps(lines, "These special hours already include")
        return cleaned

    def refuse_clashing_dates(self, cleaned) -> None:
        """Two entries on the same day for the same office would contradict each other."""
        first, last = (
            cleaned.get("start_date"),
            cleaned.get("end_date") or cleaned.get("start_date"),
        )
        if first is None or last < first:
            return
        probe = type(self.instance)(pk=self.instance.pk, start_date=first, end_date=last)
        clash = probe.clashes_with(cleaned.get("locations") or [])
        if clash is not None:
            where = f" at {clash.offices_text}" if clash.locations.exists() else ""
            self.add_error(
                "start_date",
                f"These dates overlap '{clash.label}' ({clash.dates_text}){where}. "
                "Change the dates, or edit that entry instead.",
            )
