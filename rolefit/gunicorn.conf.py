"""gunicorn settings shared by `make serve`, `make bench` and the Docker image.

gunicorn runs behind nginx (deploy/nginx/), which buffers whole requests and responses:
a worker only ever sees a complete request from a fast local client, so plain blocking
workers serve it best (docs/performance.md has the side-by-side figures).
"""

import multiprocessing
import os

# GUNICORN_BIND: where nginx reaches the workers (`make serve` gives a Unix socket);
# without it, every address on PORT, as the image's app container listens.
bind = os.environ.get("GUNICORN_BIND") or f"0.0.0.0:{os.environ.get('PORT', '8000')}"
# One worker per core (two at least): requests are short and mostly CPU, and PostgreSQL
# shares the cores. WEB_CONCURRENCY overrides it.
workers = int(os.environ.get("WEB_CONCURRENCY", max(2, multiprocessing.cpu_count())))
worker_class = os.environ.get("GUNICORN_WORKER_CLASS", "sync")
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
# Higher than nginx's limits (4 KiB a line, 16 KiB of headers), so that nginx refuses an
# oversized request with RoleFit's page before gunicorn's bare one could.
limit_request_line = 8190
limit_request_fields = 4000
# A request that takes longer than this is stuck: the master replaces the worker.
timeout = 30
graceful_timeout = 20
# Recycled now and then, jittered so that two workers never restart together.
max_requests = 5000
max_requests_jitter = 500
# Workers fork from a master that has already imported Django: a new worker starts in
# milliseconds and shares the imported code's memory.
preload_app = True
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
errorlog = "-"
# nginx sets X-Forwarded-For and -Proto; only addresses listed here may (the Unix socket
# counts as trusted).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# The heartbeat files go to memory where there is such a filesystem (a disk-backed /tmp
# can stall workers; the image's root is read-only). No control socket: nothing uses it,
# and its default place ($HOME/.gunicorn) is read-only in the image.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None  # noqa: S108
control_socket_disable = True
