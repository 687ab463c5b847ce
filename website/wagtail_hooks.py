from wagtail import hooks

from .page_cache import served_by


@hooks.register("before_serve_page")
def remember_the_page_served(page, request, serve_args, serve_kwargs):
    """The page cache files the response under the page that served it (website/page_cache.py)."""
    served_by(request, page)
