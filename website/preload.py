"""What gunicorn's master does after importing the application and before forking the workers
(gunicorn.conf.py, `when_ready`): everything each worker would otherwise build on its first
request is built once and shared copy-on-write, and then frozen out of the garbage collector's
reach so that its first run in a worker does not copy every page it looks at."""

import gc


def warm_up_and_freeze() -> None:
    from django.urls import get_resolver
    from wagtail import hooks

    # Every app's wagtail_hooks (Wagtail's admin among them): searched on a worker's first
    # request otherwise, by the first hook a page or middleware asks for.
    hooks.search_for_hooks()
    # The URL configuration with the admin's: imported by the first request's LocaleMiddleware.
    get_resolver().url_patterns  # noqa: B018 (a cached property: reading it imports them)
    gc.collect()  # the garbage of the imports goes before the rest is frozen
    gc.freeze()
