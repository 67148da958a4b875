# RoleFit production image: the same install steps as the README, gunicorn as non-root.
FROM python:3.12-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PORT=8000

RUN useradd --create-home --uid 10001 rolefit
WORKDIR /app

# Dependencies first, so code changes do not reinstall them.
COPY pyproject.toml README.md ./
COPY rolefit/__init__.py rolefit/__init__.py
COPY careers/__init__.py careers/__init__.py
RUN python -m venv /app/.venv && /app/.venv/bin/python -m pip install --no-cache-dir -e .

COPY . .
# Static files are collected at build time; DEBUG=0 selects hashed, compressed storage.
RUN DJANGO_DEBUG=0 DJANGO_SECRET_KEY=build-only DATABASE_URL=postgres://build@localhost/none \
    /app/.venv/bin/python manage.py collectstatic --noinput -v0 \
    && chown -R rolefit:rolefit /app

USER rolefit
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=3s --start-period=20s --retries=3 \
  CMD python -c "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/healthz' % os.environ.get('PORT', '8000'), timeout=2)" || exit 1

# Migrations and seeding run on start (both idempotent), then gunicorn replaces the shell.
CMD ["sh", "-c", "/app/.venv/bin/python manage.py migrate --noinput && /app/.venv/bin/python manage.py createcachetable && /app/.venv/bin/python manage.py seed_content && exec /app/.venv/bin/gunicorn -c rolefit/gunicorn.conf.py rolefit.wsgi"]
