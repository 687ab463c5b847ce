from django.apps import AppConfig


class BlogConfig(AppConfig):
    name = "blog"
    verbose_name = "Blog"

    def ready(self):
        from website.home_sections import HomeSection, register

        register(
            HomeSection(
                key="latest-articles",
                heading="Latest articles",
                template="blog/home_section.html",
                items=latest_articles,
                order=10,
            )
        )


HOME_ARTICLES = 3


def latest_articles(page, request):
    from .models import ArticlePage

    return ArticlePage.objects.for_listing()[:HOME_ARTICLES]
