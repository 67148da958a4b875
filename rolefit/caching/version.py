"""The content version: one token that every cached page and memo is checked against.

PostgreSQL keeps it. Triggers on every content table (a `careers` migration names them)
replace it in the same transaction as the edit and announce the new one with NOTIFY: no
edit can commit without moving it, whatever writes the row (the admin, an import, SQL).
Copies made under the old version, in any worker or on any machine, are stale at once;
losing the cache (Redis restarted, its data kept or not) loses no version.

Each worker process keeps the version it last heard in `LISTENER`, a thread on a
connection of its own that LISTENs for the announcements; while it is connected, a
request reads no version at all. While it is not (starting, or the database restarted),
each request reads the row once. The version is read once per request either way (the
page cache middleware opens the scope), however many pieces ask for it.
"""

import logging
import os
import sys
import threading
from contextvars import ContextVar

import psycopg
from django.conf import settings
from django.db import DatabaseError, connection, connections, transaction

from rolefit.caching.health import first_query_checks_connection

logger = logging.getLogger("rolefit")

# Created, with the triggers, by careers/migrations/0010_content_version_in_database.py.
VERSION_TABLE = "rolefit_content_version"
VERSION_CHANNEL = "rolefit_content_version"
LISTENER_NAME = "rolefit-content-version-listener"  # its application_name in pg_stat_activity

# The version as this request first read it: one read per request, and one consistent
# view of the content for all of it. A dict, so that a request that edits content sees
# its own new version.
request_version: ContextVar[dict | None] = ContextVar("request_content_version", default=None)


def version_read(cursor) -> str:
    cursor.execute(f"SELECT version FROM {VERSION_TABLE}")  # noqa: S608 (a constant)
    return cursor.fetchone()[0]


def stored_version() -> str:
    """The version as the database has it: one query, which doubles as the health check."""

    def read():
        with connection.cursor() as cursor:
            return version_read(cursor)

    return first_query_checks_connection(read)


class VersionListener:
    """The version as this process last heard it from PostgreSQL, or None when it cannot
    know (not connected yet, or the connection was lost): then callers read the row."""

    RETRY_SECONDS = (0.1, 0.5, 1, 2, 5)

    def __init__(self):
        self.version: str | None = None
        self.started_in: int | None = None
        self.lock = threading.Lock()
        self.outage_logged = False
        self.stopping = threading.Event()
        self.thread: threading.Thread | None = None

    def ensure_started(self) -> None:
        """Starts this process's listener thread (after a fork, the child's own)."""
        if self.started_in == os.getpid():
            return
        with self.lock:
            if self.started_in == os.getpid():
                return
            self.version = None
            self.started_in = os.getpid()
            self.stopping.clear()
            self.thread = threading.Thread(
                target=self.listen_forever, name=LISTENER_NAME, daemon=True
            )
            self.thread.start()

    def stop(self) -> None:
        """Ends this process's listener and closes its connection (tests use it)."""
        self.stopping.set()
        if self.thread is not None and self.started_in == os.getpid():
            self.thread.join(timeout=5)
        self.version = self.started_in = self.thread = None

    def listen_forever(self) -> None:
        failures = 0
        while not self.stopping.is_set():
            try:
                self.listen()
            except Exception:
                if not self.outage_logged:
                    logger.warning("content version listener disconnected; reading per request")
                    self.outage_logged = True
            self.version = None
            self.stopping.wait(self.RETRY_SECONDS[min(failures, len(self.RETRY_SECONDS) - 1)])
            failures += 1

    def listen(self) -> None:
        with psycopg.connect(**listener_connection_params(), autocommit=True) as listening:
            listening.execute(f"LISTEN {VERSION_CHANNEL}")
            # Read after LISTEN: an edit committed in between is both read and announced.
            self.version = version_read(listening.cursor())
            if self.outage_logged:
                logger.info("content version listener connected again")
                self.outage_logged = False
            while not self.stopping.is_set():
                # Wakes once a second at most, to see whether it should stop.
                for announcement in listening.notifies(timeout=1):
                    self.version = announcement.payload

    def heard_of_an_edit_here(self) -> None:
        """This process committed an edit: it reads the new version rather than wait for
        the announcement (which may have come already, or be on its way). Should the
        read fail, the process reads per request until the next announcement: the edit
        is committed whatever happens here."""
        if self.version is not None:
            try:
                with connection.cursor() as cursor:
                    self.version = version_read(cursor)
            except DatabaseError:
                self.version = None


LISTENER = VersionListener()


def listener_connection_params() -> dict:
    params = connections["default"].get_connection_params()
    params.pop("cursor_factory", None)
    # The listener waits for hours on an idle socket: keepalives find a dead peer.
    return {
        **params,
        "application_name": LISTENER_NAME,
        "keepalives": 1,
        "keepalives_idle": 10,
        "keepalives_interval": 5,
        "keepalives_count": 3,
    }


def threads_are_real() -> bool:
    """False under gevent's patched threading, where the listener's wait (in psycopg's C
    code) would block every greenlet of the worker."""
    monkey = sys.modules.get("gevent.monkey")
    return monkey is None or not monkey.is_module_patched("threading")


def listened_version() -> str | None:
    if not settings.CONTENT_VERSION_LISTENER or not threads_are_real():
        return None
    LISTENER.ensure_started()
    return LISTENER.version


def content_version_bump() -> None:
    """An edit to content in this process: once the transaction commits (the database's
    triggers have then moved the version), this process and this request use the new one."""

    def bump():
        if settings.CONTENT_VERSION_LISTENER:
            LISTENER.heard_of_an_edit_here()
        scope = request_version.get()
        if scope is not None:
            scope.pop("version", None)

    transaction.on_commit(bump, robust=True)


def current_content_version() -> str:
    """The content version now in force."""
    scope = request_version.get()
    if scope is not None and "version" in scope:
        return scope["version"]
    version = listened_version() or stored_version()
    if scope is not None:
        scope["version"] = version
    return version
