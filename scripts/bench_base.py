"""The other build `make bench BASE=<ref>` runs beside this one.

A git worktree of the commit under .bench/ (kept between runs, like its venv: `make
clean` removes them), a venv made from that build's own lock (or from its pyproject.toml
when it predates the lock), and its own database on the same PostgreSQL server
(`<name>_base_<commit>`), prepared by that build's own commands. It is served as that
build's `make serve` serves it: its scripts/serve.py stack when it has one, else its
gunicorn.
"""

import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import psycopg
from psycopg import sql

BASE_DIR = Path(__file__).resolve().parent.parent
BENCH_DIR = BASE_DIR / ".bench"
PIP = ("-m", "pip", "install", "--quiet", "--disable-pip-version-check")


def git(*args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=BASE_DIR, capture_output=True, text=True, check=True
    ).stdout.strip()


def database_url_named(url: str, name: str) -> str:
    parts = urllib.parse.urlsplit(url)
    return urllib.parse.urlunsplit(parts._replace(path=f"/{name}"))


def create_database(url: str) -> None:
    """Creates the database `url` names, on its server, unless it exists."""
    name = urllib.parse.urlsplit(url).path.lstrip("/")
    with psycopg.connect(database_url_named(url, "postgres"), autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if not exists:
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


class BaseBuild:
    def __init__(self, ref: str):
        try:
            self.commit = git("rev-parse", "--verify", f"{ref}^{{commit}}")
        except subprocess.CalledProcessError:
            raise SystemExit(f"BASE={ref}: no such commit here") from None
        self.ref = ref
        self.label = ref if len(ref) <= 12 else self.commit[:8]
        self.directory = BENCH_DIR / f"base-{self.commit[:12]}"
        self.python = self.directory / ".venv" / "bin" / "python"

    def prepare(self, database_url: str, env: dict[str, str]) -> dict[str, str]:
        """Checks out, installs and prepares the build; the environment to serve it with."""
        self.check_out()
        self.install()
        own_url = self.database_url(database_url)
        create_database(own_url)
        env = {**env, "DATABASE_URL": own_url}
        for command in self.prepare_commands():
            self.run(["manage.py", *command, "-v0"], env)
        return env

    def database_url(self, database_url: str) -> str:
        """Its own database beside `database_url`'s: one per commit, since another build's
        migrations would not fit this one's."""
        name = urllib.parse.urlsplit(database_url).path.lstrip("/")
        return database_url_named(database_url, f"{name}_base_{self.commit[:8]}")

    def check_out(self) -> None:
        if (self.directory / ".git").exists():
            return
        git("worktree", "prune")
        print(f"bench: checking out {self.ref} ({self.commit[:12]}) in {self.directory}")
        git("worktree", "add", "--detach", "--force", str(self.directory), self.commit)

    def install(self) -> None:
        marker = self.directory / ".venv" / ".bench-installed"
        if marker.exists():
            return
        print(f"bench: installing {self.ref}'s dependencies in its own venv")
        subprocess.run([sys.executable, "-m", "venv", str(self.directory / ".venv")], check=True)
        lock = self.directory / "requirements" / "runtime.txt"
        if lock.exists():
            self.run([*PIP, "--require-hashes", "-r", str(lock)])
            self.run([*PIP, "--no-deps", "-e", "."])
        else:  # a build from before the lock: its pyproject.toml's ranges
            self.run([*PIP, "-e", "."])
        marker.touch()

    def prepare_commands(self) -> list[list[str]]:
        commands_dir = self.directory / "careers" / "management" / "commands"
        if (commands_dir / "prepare_database.py").exists():
            commands = [["prepare_database"]]
        else:
            commands = [["migrate", "--noinput"], ["createcachetable"], ["seed_content"]]
        commands.append(["collectstatic", "--noinput"])
        if (commands_dir / "render_error_pages.py").exists():
            commands.append(["render_error_pages"])
        return commands

    def run(self, args: list[str], env: dict[str, str] | None = None) -> None:
        subprocess.run([str(self.python), *args], cwd=self.directory, env=env, check=True)

    @property
    def serves_through_nginx(self) -> bool:
        return (self.directory / "scripts" / "serve.py").exists()

    def start(self, env: dict[str, str], port: int) -> tuple[subprocess.Popen, int]:
        """Its `make serve` on `port`: the process to stop, and gunicorn's master pid."""
        env = {**env, "PORT": str(port)}
        if self.serves_through_nginx:
            command = [str(self.python), "-m", "scripts.serve", "--port", str(port)]
        else:
            gunicorn = self.python.with_name("gunicorn")
            command = [str(gunicorn), "-c", "rolefit/gunicorn.conf.py", "rolefit.wsgi"]
        process = subprocess.Popen(
            command,
            cwd=self.directory,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for(f"http://127.0.0.1:{port}/healthz", process)
        return process, gunicorn_master(process.pid)


def wait_for(url: str, process: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"the base build's server exited with {process.returncode}")
        try:
            urllib.request.urlopen(url, timeout=1).read()
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"the base build did not answer {url} within {timeout:.0f} s")


def children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(child) for child in path.read_text().split()] if path.exists() else []


def gunicorn_master(pid: int) -> int:
    """`pid` when it is gunicorn's master, else the first gunicorn started under it."""
    pending = [pid]
    while pending:
        current = pending.pop(0)
        command = Path(f"/proc/{current}/cmdline").read_bytes().split(b"\0")
        if any(part.endswith(b"gunicorn") for part in command[:2]):
            return current
        pending.extend(children(current))
    raise SystemExit(f"no gunicorn under process {pid}")


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
