# The production image: gunicorn serves the site; the same image runs the Celery worker and beat.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    DJANGO_SETTINGS_MODULE=website.settings.production

# libpq for PostgreSQL; what WeasyPrint needs for handout PDFs (Pango with HarfBuzz, fontconfig
# and a font); curl for health checks.
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        libpq5 libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b fontconfig libffi8 \
        fonts-dejavu-core curl \
    && rm -rf /var/lib/apt/lists/*

RUN useradd --create-home --uid 1000 practice
WORKDIR /app

COPY requirements/production.lock requirements/production.lock
RUN pip install -r requirements/production.lock

COPY --chown=practice:practice . .
# collectstatic only needs settings to import: a throwaway key, never used at run time.
# front-static: where docker-compose's web service publishes them for the front server (a volume
# that starts as a copy of this folder, owned by practice).
RUN SECRET_KEY=collectstatic-only ALLOWED_HOSTS=localhost python manage.py collectstatic --noinput \
    && SECRET_KEY=compile-only ALLOWED_HOSTS=localhost python manage.py compile_catalogues --all \
    && mkdir -p /app/var/front-static && chown -R practice:practice /app/var

USER practice
EXPOSE 8000
# Meant to run behind the front server (docker-compose.yml, deploy/nginx/); gunicorn.conf.py keeps
# query strings, and with them patient names, out of the access log.
CMD ["gunicorn", "website.wsgi:application", "--config", "gunicorn.conf.py", \
     "--bind", "0.0.0.0:8000", "--workers", "2", "--access-logfile", "-"]
