"""What wagtail-localize does with a field when a page is translated or its translation synced."""

from wagtail_localize.fields import SynchronizedField


class KeptPerLanguage(SynchronizedField):
    """A field wagtail-localize neither copies from the English page when it syncs a
    translation nor offers to translate: the translation keeps its own value. Pair it with
    `exclude_fields_in_copy`, so that the translation does not start with the English value."""

    def is_synchronized(self, obj):
        return False

    def is_overridable(self, obj):
        return False
