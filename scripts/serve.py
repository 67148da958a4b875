"""`make serve`: nginx in front of gunicorn, as in production (docs/operations.md).

gunicorn listens on a Unix socket in a private run directory; nginx, run as its own
instance (`nginx -p DIR`, never the system service), listens on PORT, buffers every
request and answer, serves the static files and RoleFit's error pages. Ctrl-C (or
SIGTERM) stops both. `make bench` and tests/server/ start the same stack through `stack()`.

The database must be prepared and the static files and error pages written first (the
Makefile does it: prepare_database, collectstatic, render_error_pages).
"""

import argparse
import os
import re
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
NGINX_DIR = BASE_DIR / "deploy" / "nginx"
STATIC_ROOT = BASE_DIR / "staticfiles"
NGINX_SEARCH_PATH = ("/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/local/bin/nginx")
# Served by nginx from STATIC_ROOT, or by whitenoise behind it (see docs/performance.md).
STATIC_BY_NGINX = True
PLACE = re.compile(r"@[A-Z_]+@")
# In the nginx image: the static files, and the app replicas compose.yaml names.
IMAGE_STATIC_ROOT = Path("/srv/rolefit/static")
IMAGE_REPLICAS = ("app-1", "app-2")


class ServeError(Exception):
    pass


def nginx_program() -> str:
    found = shutil.which("nginx") or next(
        (path for path in NGINX_SEARCH_PATH if os.access(path, os.X_OK)), None
    )
    if not found:
        raise ServeError(
            "nginx is not installed: `make serve` installs it when run as root with apt-get;"
            " otherwise install Debian's package (sudo apt-get install nginx-light or nginx)."
        )
    return found


def render_nginx_conf(
    *,
    listen: str,
    upstreams: list[str],
    static_root: Path | None,
    error_pages: Path,
    security_headers: Path = NGINX_DIR / "security-headers.conf",
    access_log: str = "off",
    open_files: int = 32768,
    forwarded_proto: str = "$scheme",
) -> str:
    """deploy/nginx/nginx.conf.template with its @NAME@ places filled in.

    `upstreams`: gunicorn addresses (`unix:/path.sock`, `app:8000`); `static_root`: None
    leaves /static/ to whitenoise behind nginx.
    """
    static = ""
    if static_root is not None:
        static = (NGINX_DIR / "static.conf").read_text().replace("@STATIC_ROOT@", str(static_root))
    values = {
        "@LISTEN@": f"        {listen}"
        if listen.startswith("include ")
        else listen_directive(listen),
        "@UPSTREAM@": "\n".join(f"        server {address};" for address in upstreams),
        "@STATIC@": static,
        "@ERROR_PAGES@": str(error_pages),
        "@SECURITY_HEADERS@": str(security_headers),
        "@ACCESS_LOG@": access_log,
        "@FORWARDED_PROTO@": forwarded_proto,
        "@OPEN_FILES@": str(open_files),
    }
    text = (NGINX_DIR / "nginx.conf.template").read_text()
    for place, value in values.items():
        text = text.replace(place, value)
    leftover = [line for line in text.splitlines() if PLACE.search(line.split("#")[0])]
    if leftover:
        raise ServeError(f"nginx template: not filled in: {leftover[0].strip()}")
    return text


def listen_directive(address: str) -> str:
    return f"        listen {address} default_server backlog=4096;"


def write_image_conf(directory: Path) -> None:
    """The nginx image's configuration (Dockerfile): where to listen and the app replicas
    are files of their own, which an operator can mount over (docs/operations.md)."""
    etc = Path("/etc/nginx/rolefit")
    directory.mkdir(parents=True, exist_ok=True)
    conf = render_nginx_conf(
        listen=f"include {etc}/listen.conf;",
        upstreams=[],
        static_root=IMAGE_STATIC_ROOT,
        error_pages=IMAGE_STATIC_ROOT / "errors",
        security_headers=etc / "security-headers.conf",
        access_log="/dev/stdout",
        open_files=20000,  # scripts/containers.conf's limit; Docker's default is higher
    )
    conf = conf.replace(
        "    upstream rolefit {\n",
        f"    upstream rolefit {{\n        include {etc}/upstream.conf;\n",
    )
    (directory / "nginx.conf").write_text(conf)
    (directory / "listen.conf").write_text(listen_directive("8080") + "\n")
    (directory / "upstream.conf").write_text(
        "".join(f"server {replica}:8000;\n" for replica in IMAGE_REPLICAS)
    )
    shutil.copy(NGINX_DIR / "security-headers.conf", directory / "security-headers.conf")


def open_files_limit(wanted: int = 32768) -> int:
    """The open-file limit nginx's workers can have: `wanted`, or the hard limit below it."""
    hard = resource.getrlimit(resource.RLIMIT_NOFILE)[1]
    return wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)


def wait_for_socket(path: Path, gunicorn: subprocess.Popen, timeout: float = 60) -> None:
    """Waits for gunicorn's socket, so that nginx's first requests find it."""
    deadline = time.monotonic() + timeout
    while not path.exists():
        if gunicorn.poll() is not None:
            raise ServeError(f"gunicorn exited with {gunicorn.returncode}")
        if time.monotonic() > deadline:
            raise ServeError(f"gunicorn made no socket within {timeout:.0f} s")
        time.sleep(0.05)


def wait_for_health(url: str, processes: list[subprocess.Popen], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for process in processes:
            if process.poll() is not None:
                raise ServeError(f"{Path(process.args[0]).name} exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=1) as response:
                response.read()
                return
        except OSError:
            time.sleep(0.1)
    raise ServeError(f"{url} did not answer within {timeout:.0f} s")


def stop(process: subprocess.Popen, timeout: float = 20) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextmanager
def stack(
    port: int,
    *,
    env: dict[str, str] | None = None,
    listen_host: str = "",
    run_dir: Path | None = None,
    log=None,
    static_by_nginx: bool = STATIC_BY_NGINX,
):
    """nginx on `port` in front of gunicorn on a Unix socket; yields (nginx, gunicorn).

    `env`: gunicorn's environment (default: this process's); `log`: a file for both
    servers' output (default: inherited); `listen_host`: an address to listen on only.
    """
    nginx = nginx_program()
    with tempfile.TemporaryDirectory(prefix="rolefit-serve-", dir=run_dir) as directory:
        prefix = Path(directory)
        # nginx's workers run as another user when started by root: they need to reach
        # the socket; nginx makes its temporary directories in the prefix itself.
        prefix.chmod(0o755)
        socket_path = prefix / "gunicorn.sock"
        conf = prefix / "nginx.conf"
        conf.write_text(
            render_nginx_conf(
                listen=f"{listen_host}:{port}" if listen_host else str(port),
                upstreams=[f"unix:{socket_path}"],
                static_root=STATIC_ROOT if static_by_nginx else None,
                error_pages=STATIC_ROOT / "errors",
                open_files=open_files_limit(),
            )
        )
        gunicorn_env = {
            **(os.environ if env is None else env),
            "GUNICORN_BIND": f"unix:{socket_path}",
        }
        # The client's address is the one nginx appends to X-Forwarded-For.
        gunicorn_env.setdefault("DJANGO_PROXY_COUNT", "1")
        output = {"stdout": log, "stderr": log} if log is not None else {}
        gunicorn = subprocess.Popen(
            [str(BIN / "gunicorn"), "-c", "rolefit/gunicorn.conf.py", "rolefit.wsgi"],
            cwd=BASE_DIR,
            env=gunicorn_env,
            **output,
        )
        processes = [gunicorn]
        try:
            wait_for_socket(socket_path, gunicorn)
            command = [
                nginx,
                "-p",
                str(prefix),
                "-e",
                "stderr",
                "-c",
                str(conf),
                "-g",
                "daemon off;",
            ]
            processes.append(subprocess.Popen(command, cwd=prefix, **output))
            wait_for_health(f"http://127.0.0.1:{port}/healthz", processes)
            yield processes[1], gunicorn
        finally:
            for process in reversed(processes):
                stop(process)


def interrupt(*_) -> None:
    raise KeyboardInterrupt


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
    parser.add_argument(
        "--listen", default="", help="an address to listen on only (default: every address)"
    )
    parser.add_argument(
        "--image-conf", type=Path, help="only write the nginx image's configuration there"
    )
    args = parser.parse_args()
    if args.image_conf:
        write_image_conf(args.image_conf)
        return 0
    # SIGTERM ends the stack as Ctrl-C does: both servers are stopped on the way out.
    # SIGINT is set too: a launcher (the embedded database's) may have left it ignored.
    signal.signal(signal.SIGTERM, interrupt)
    signal.signal(signal.SIGINT, interrupt)
    try:
        with stack(args.port, listen_host=args.listen) as (nginx, gunicorn):
            host = args.listen or "127.0.0.1"
            print(f"RoleFit at http://{host}:{args.port}/ (nginx → gunicorn); Ctrl-C stops both.")
            sys.stdout.flush()
            while nginx.poll() is None and gunicorn.poll() is None:
                time.sleep(0.5)
            print("nginx or gunicorn stopped; stopping the other.", file=sys.stderr)
            return 1
    except KeyboardInterrupt:
        return 0
    except ServeError as error:
        print(f"make serve: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
