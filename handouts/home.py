"""The "Patient handouts" section of the home page: the most recently published programs."""

HOME_SECTION_SIZE = 3


def latest_handouts(home_page, request) -> list:
    from website.page_serving import public

    from .models import HandoutPage

    handouts = public(HandoutPage.objects.descendant_of(home_page).live())
    latest = handouts.order_by("-first_published_at").prefetch_related("conditions")
    return list(latest[:HOME_SECTION_SIZE])
