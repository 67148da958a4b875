# RoleFit production image: Debian's Python 3.13, the locked dependencies, gunicorn as a
# non-root user on a read-only root. Build: `make image` (or `docker build -t rolefit .`);
# run and configure: docs/operations.md, "Docker image".
ARG BASE_IMAGE=docker.io/library/debian:trixie-slim

# Debian's Python, shared by both stages so the venv finds the same interpreter.
FROM ${BASE_IMAGE} AS runtime-base
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends python3 \
    && rm -rf /var/lib/apt/lists/* /var/cache/apt/* /var/cache/debconf/*-old /var/log/apt \
        /var/log/dpkg.log

# Build stage: the venv from the lock file (hash-checked wheels only, without pip itself
# or the translation sources, which nothing reads at run time), the static files.
FROM runtime-base AS build
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
        python3-venv ca-certificates \
    && python3 -m venv /opt/venv
COPY requirements/runtime.txt /tmp/requirements.txt
# Where HTTPS is re-signed by a local authority, the build is given its bundle as the
# secret `ca-bundle` (make image does it); it is mounted for this step only.
RUN --mount=type=secret,id=ca-bundle \
    if [ -s /run/secrets/ca-bundle ]; then export PIP_CERT=/run/secrets/ca-bundle; fi \
    && /opt/venv/bin/pip install --no-cache-dir --disable-pip-version-check --no-compile \
        --require-hashes --only-binary :all: -r /tmp/requirements.txt \
    && /opt/venv/bin/pip uninstall --yes --quiet pip \
    && find /opt/venv -name '*.po' -delete \
    && /opt/venv/bin/python -m compileall -q -j0 --invalidation-mode unchecked-hash /opt/venv/lib
WORKDIR /app
# .dockerignore lets in only what the running site needs.
COPY . .
# The hashed, compressed static files; DEBUG=0 selects that storage. Byte code is
# compiled here (and for the venv above) and checked by hash, not by the files' times:
# nothing in the image ever changes, and nothing can be written there at run time.
# The error pages nginx serves and the nginx image's configuration are written here too;
# deploy/ and scripts/ serve only that and stay out of the app image.
RUN DJANGO_DEBUG=0 DJANGO_SECRET_KEY=build-only DATABASE_URL=postgres://build@localhost/none \
    sh -c '/opt/venv/bin/python manage.py collectstatic --noinput -v0 \
        && /opt/venv/bin/python manage.py render_error_pages -v0' \
    && /opt/venv/bin/python scripts/serve.py --image-conf /nginx \
    && rm -r /app/requirements /app/deploy /app/scripts \
    && /opt/venv/bin/python -m compileall -q -j0 --invalidation-mode unchecked-hash /app

# The nginx image (`--target nginx`; compose.yaml builds it): Debian's nginx on the same
# base, with the static files, RoleFit's error pages and deploy/nginx's configuration.
# It listens on 8080 and proxies to app-1:8000 and app-2:8000 (mount other listen.conf
# and upstream.conf files over /etc/nginx/rolefit/ to change them).
FROM ${BASE_IMAGE} AS nginx
RUN printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d \
    && apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends nginx \
    && rm -rf /var/lib/apt/lists/* /var/cache/apt/* /var/cache/debconf/*-old /var/log/apt \
        /var/log/dpkg.log /etc/nginx/sites-enabled/default /usr/sbin/policy-rc.d
COPY --from=build /nginx /etc/nginx/rolefit
COPY --from=build /app/staticfiles /srv/rolefit/static
EXPOSE 8080
# SIGQUIT: nginx finishes the requests in flight, then exits.
STOPSIGNAL SIGQUIT
# Temporary files and the pid go to /tmp, so the root can be read-only.
CMD ["/bin/sh", "-c", "mkdir -p /tmp/nginx && exec nginx -p /tmp/nginx -e stderr -c /etc/nginx/rolefit/nginx.conf -g 'daemon off;'"]

# Runtime: the venv and the code, owned by root and read-only to the user that runs them.
FROM runtime-base
RUN useradd --system --uid 10001 --user-group --home-dir /nonexistent --no-create-home \
    --shell /usr/sbin/nologin rolefit
COPY --from=build /opt/venv /opt/venv
COPY --from=build /app /app
WORKDIR /app
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PORT=8000
USER rolefit
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["/opt/venv/bin/python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/healthz' % os.environ.get('PORT', '8000'), timeout=3)"]
# Migrations, cache table and seed under an advisory lock (several replicas may start at
# once: one prepares, the others wait), then gunicorn replaces the shell.
CMD ["/bin/sh", "-c", "python manage.py prepare_database && exec gunicorn -c rolefit/gunicorn.conf.py rolefit.wsgi"]
