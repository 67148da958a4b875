"""gunicorn settings shared by `make serve`, `make bench` and the Docker image."""

import multiprocessing
import os

bind = f"0.0.0.0:{os.environ.get('PORT', '8000')}"
# One worker per core (two at least): every request is short and mostly CPU (cached
# pages, one small INSERT for the assessment), and PostgreSQL shares the cores. Measured
# with `make bench` on 2 cores: 3 workers ran the assessment at 0.14 of the static file's
# rate, 2 workers at 0.18 (content pages the same). WEB_CONCURRENCY overrides it.
workers = int(os.environ.get("WEB_CONCURRENCY", max(2, multiprocessing.cpu_count())))
# gevent workers: a slow or idle connection holds a greenlet, not the worker, so the site
# needs no buffering proxy in front. Django still runs one request at a time per worker
# (rolefit/entry.py), which kept `make bench` where sync workers had it (docs/performance.md).
worker_class = "gevent"
worker_connections = 1000
timeout = 30
graceful_timeout = 20
# No keep-alive: each request is a new connection, as with the sync workers, so requests
# spread over the workers by whichever accepts first. Measured with gevent workers and a
# 5 s keep-alive, wrk's connections stuck to one worker each and queued behind its lock:
# p99 1.5 s, socket errors, and the assessment at a third of its ratio (docs/performance.md).
keepalive = 0
# Workers are not recycled after a number of requests: a gevent worker that restarts
# polls its connections once a second before it exits, and the master starts its
# replacement only then, so each restart took a worker away for 1-3 s; under `make bench`
# both workers restarting together left 2 s slices with no answer at all. Memory stays
# flat without it (per-worker memos are bounded; peak RSS ~62 MiB per worker in the bench).
max_requests = 0
# Workers fork from a master that has already imported Django: a worker that starts (or
# is replaced after a crash) starts in milliseconds instead of re-importing everything,
# and shares the imported code's memory.
preload_app = True
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
errorlog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# The heartbeat files go to memory where there is such a filesystem (a disk-backed /tmp
# can stall workers; the image's root is read-only). No control socket: nothing here uses
# gunicornc, and its default place ($HOME/.gunicorn) is read-only in the image and shared
# by every gunicorn of a user elsewhere.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None  # noqa: S108
control_socket_disable = True
