"""Wagtail's database search backend, with each language stemmed as itself on PostgreSQL.

The PostgreSQL backend takes one text search configuration (SEARCH_CONFIG) for the whole index,
and Wagtail offers no second index: two database backends write the same table, the last one
wins (wagtail/wagtail#9253). So this backend chooses the configuration per page: a page is
indexed with its own language's (`LANGUAGE_CONFIGS`, e.g. {"es": "spanish"}), and a query is
parsed with the language of the request that runs it (the search view only searches pages in
that language), so "ejercicios" finds "ejercicio" on a Spanish page and "exercises" still finds
"exercise" on an English one. Objects with no language (images, documents) use SEARCH_CONFIG.

On SQLite (and MySQL) this is Wagtail's own backend unchanged: SQLite's FTS5 table uses the
default `unicode61` tokenizer, which does no stemming in any language, so a word matches only
as written (accents and case aside).
"""

from collections import defaultdict
from contextvars import ContextVar

from django.db import connection
from django.utils import translation
from modelsearch.backends.database import SearchBackend as database_backend

_indexing_config: ContextVar[str | None] = ContextVar("indexing_config", default=None)


def _language_of(obj) -> str | None:
    locale_id = getattr(obj, "locale_id", None)
    if locale_id is None:
        return None
    from website.page_serving import locale_languages

    return locale_languages().get(locale_id)


def SearchBackend(params):  # the name Wagtail looks for in a backend module
    if connection.vendor != "postgresql":
        return database_backend(params)
    from modelsearch.backends.database.postgres.postgres import (
        PostgresIndex,
        PostgresSearchBackend,
    )

    class LanguageIndex(PostgresIndex):
        def add_items(self, model, objs):
            by_config = defaultdict(list)
            for obj in objs:
                by_config[self.backend.config_for_language(_language_of(obj))].append(obj)
            for config, group in by_config.items():
                token = _indexing_config.set(config)
                try:
                    super().add_items(model, group)
                finally:
                    _indexing_config.reset(token)

    class LanguageSearchBackend(PostgresSearchBackend):
        index_class = LanguageIndex

        def __init__(self, params):
            self.language_configs = dict(params.get("LANGUAGE_CONFIGS", {}))
            super().__init__(params)

        # The backend's `config`: read by the indexer for each batch (the batch's language)
        # and by the query compiler for each search (the request's language).
        @property
        def config(self):
            return _indexing_config.get() or self.config_for_language(translation.get_language())

        @config.setter
        def config(self, value):
            self.default_config = value

        def config_for_language(self, language: str | None) -> str | None:
            return self.language_configs.get(language, self.default_config)

    return LanguageSearchBackend(params)
