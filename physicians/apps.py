from django.apps import AppConfig


class PhysiciansConfig(AppConfig):
    name = "physicians"
    verbose_name = "Physicians"

    def ready(self):
        from website.home_sections import HomeSection, register

        register(
            HomeSection(
                key="physicians",
                heading="Meet our physicians",
                template="physicians/home_section.html",
                items=physicians_for_home,
                order=20,
            )
        )


def physicians_for_home(page, request):
    from website.page_serving import public

    from .models import PhysicianPage

    return public(PhysicianPage.objects.live()).with_photos().order_by("path")[:3]
