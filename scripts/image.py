"""`make image` and `make image-test`: the Docker image, built and smoke-tested.

build: builds the Dockerfile with docker, when `docker info` answers, or else with podman
(installed with apt-get when missing and root). When the engine lacks the Dockerfile's
base image it makes a stand-in under the same name from Debian's packages (mmdebstrap,
then import), so the unchanged Dockerfile builds where Docker Hub cannot be reached. The
host's CA bundle is handed to the build as the secret `ca-bundle`, never copied in.

test: builds the image with a `.env` in the work tree and checks that it stays out, then
runs it on a read-only root against DATABASE_URL (the Makefile's embedded PostgreSQL when
unset) on a free port and checks /healthz, the pages, an assessment POST, a static file's
cache header, the HEALTHCHECK, the user, the logs and the image's size; then the same
behind the nginx image (`--target nginx`, built too) with deploy/nginx's configuration,
and nginx's own 413 and 502 answers as RoleFit's pages. Then two
containers start at once against a new, empty database: both must come up healthy, with
the migrations applied by one of them only.
"""

import argparse
import html.parser
import http.cookiejar
import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
DOCKERFILE = BASE_DIR / "Dockerfile"
CONTAINERS_CONF = BASE_DIR / "scripts" / "containers.conf"
CA_BUNDLES = ("/etc/ssl/certs/ca-certificates.crt", "/etc/pki/tls/certs/ca-bundle.crt")
STAND_IN_LABEL = "org.rolefit.base-stand-in"
STAND_IN_MAX_AGE_DAYS = 7  # a stand-in base older than this is made again (security fixes)
SLIM_EXCLUDES = ("doc/*", "man/*", "info/*", "locale/*", "lintian/*", "linda/*", "groff/*")
MAX_IMAGE_MB = 321  # 75% of the 428 MB the first image weighed
HEALTHY_WITHIN = 20  # seconds
REPLICAS_HEALTHY_WITHIN = 90  # seconds, for two containers migrating one empty database
LOG_ERRORS = re.compile(r"\[(ERROR|CRITICAL|WARNING)\]|Traceback|\"level\": \"(ERROR|CRITICAL)\"")


class Failure(Exception):
    pass


def log(message: str) -> None:
    print(f"image: {message}", flush=True)


class Engine:
    """docker or podman, whichever works here."""

    def __init__(self, name: str):
        self.name = name
        self.env = dict(os.environ)
        if name == "podman":
            self.env.setdefault("CONTAINERS_CONF", str(CONTAINERS_CONF))
        else:
            self.env.setdefault("DOCKER_BUILDKIT", "1")  # build secrets need BuildKit

    @classmethod
    def find(cls) -> "Engine":
        if shutil.which("docker") and cls("docker").succeeds("info"):
            return cls("docker")
        if not shutil.which("podman"):
            subprocess.run([BASE_DIR / "scripts" / "install-system-packages", "podman"], check=True)
        if not shutil.which("podman"):
            raise Failure("needs docker (with a running engine) or podman; neither works here")
        return cls("podman")

    def run(self, *args: str, check: bool = True, quiet: bool = True, **kwargs):
        """Runs the engine; its output is captured unless quiet is false."""
        if quiet:
            kwargs.setdefault("capture_output", True)
            kwargs.setdefault("text", True)
        result = subprocess.run([self.name, *args], env=self.env, check=False, **kwargs)
        if check and result.returncode != 0:
            detail = (result.stderr or result.stdout or "").strip() if quiet else ""
            raise Failure(f"`{self.name} {' '.join(args[:3])} ...` failed\n{detail}")
        return result

    def succeeds(self, *args: str) -> bool:
        return self.run(*args, check=False).returncode == 0

    def output(self, *args: str) -> str:
        return self.run(*args).stdout.strip()


# -- build --------------------------------------------------------------------------


def base_image() -> str:
    found = re.search(r"^ARG BASE_IMAGE=(\S+)", DOCKERFILE.read_text(), re.MULTILINE)
    if not found:
        raise Failure("the Dockerfile names no `ARG BASE_IMAGE=`")
    return found.group(1)


def stand_in_is_stale(engine: Engine, image: str) -> bool:
    labels = engine.output("image", "inspect", "--format", "{{json .Config.Labels}}", image)
    labels = json.loads(labels)
    if not (labels or {}).get(STAND_IN_LABEL):
        return False
    made = float(labels[STAND_IN_LABEL])
    return time.time() - made > STAND_IN_MAX_AGE_DAYS * 86400


def ensure_base(engine: Engine) -> None:
    image = base_image()
    if engine.succeeds("image", "inspect", image) and not stand_in_is_stale(engine, image):
        return
    suite = re.fullmatch(r"(?:docker\.io/)?(?:library/)?debian:(\w+)-slim", image)
    if not suite:
        raise Failure(f"{engine.name} lacks {image}; pull it first")
    log(f"making {image} from Debian's packages (mmdebstrap), as Docker Hub would serve it")
    if not shutil.which("mmdebstrap"):
        subprocess.run([BASE_DIR / "scripts" / "install-system-packages", "mmdebstrap"], check=True)
    if not shutil.which("mmdebstrap"):
        raise Failure(f"{engine.name} lacks {image}: pull it, or install mmdebstrap to make it")
    # The slim variant's dpkg filters (kept in the image, so later installs obey them too).
    filters = [f"--dpkgopt=path-exclude=/usr/share/{path}" for path in SLIM_EXCLUDES]
    filters.append("--dpkgopt=path-include=/usr/share/doc/*/copyright")
    with tempfile.TemporaryDirectory() as scratch:
        tarball = Path(scratch) / "rootfs.tar"
        subprocess.run(
            ["mmdebstrap", "--quiet", "--variant=minbase", *filters, suite.group(1), tarball],
            check=True,
        )
        engine.run(
            "import",
            "--change",
            'CMD ["bash"]',
            "--change",
            f"LABEL {STAND_IN_LABEL}={int(time.time())}",
            str(tarball),
            image,
        )


def build(engine: Engine, tag: str, target: str | None = None) -> None:
    ensure_base(engine)
    args = ["build", "--tag", tag, *(["--target", target] if target else [])]
    if engine.name == "podman":
        # Docker's image format keeps the HEALTHCHECK; the host's network avoids needing
        # container networking (bridges, firewall rules) just to reach Debian and PyPI.
        args += ["--format", "docker", "--network", "host"]
    bundle = next((path for path in CA_BUNDLES if Path(path).is_file()), None)
    if bundle:
        args += ["--secret", f"id=ca-bundle,src={bundle}"]
    started = time.monotonic()
    engine.run(*args, str(BASE_DIR), quiet=False)
    log(f"built {tag} with {engine.name} in {time.monotonic() - started:.0f} s")


def nginx_image(image: str) -> str:
    return f"{image}-nginx"


def build_with_env_file(engine: Engine, tag: str) -> None:
    """Builds with a `.env` in the work tree (one is made when there is none)."""
    env_file = BASE_DIR / ".env"
    made = not env_file.exists()
    if made:
        env_file.write_text("DJANGO_SECRET_KEY=must-never-reach-the-image\n")
    try:
        build(engine, tag)
        build(engine, nginx_image(tag), target="nginx")
    finally:
        if made:
            env_file.unlink()


# -- test helpers ---------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Client:
    """HTTP against one container, with cookies, never following redirects."""

    def __init__(self, port: int):
        self.base = f"http://127.0.0.1:{port}"
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.cookies), NoRedirect()
        )

    def request(self, path: str, data: bytes | None = None, timeout: float = 10):
        try:
            response = self.opener.open(self.base + path, data=data, timeout=timeout)
        except urllib.error.HTTPError as error:  # 3xx, 4xx and 5xx all land here
            response = error
        with response:
            return response.status, response.headers, response.read().decode("utf-8", "replace")

    def expect(self, path: str, status: int = 200, data: bytes | None = None):
        got, headers, body = self.request(path, data)
        if got != status:
            raise Failure(f"{'POST' if data else 'GET'} {path} answered {got}, not {status}")
        log(f"{'POST' if data else 'GET'} {path}: {got}")
        return headers, body

    def healthy(self) -> bool:
        try:
            return self.request("/healthz", timeout=2)[0] == 200
        except OSError:
            return False


class FormFields(html.parser.HTMLParser):
    """The fields of the form with the given id: hidden values, radio groups, selects."""

    def __init__(self, form_id: str):
        super().__init__()
        self.form_id = form_id
        self.inside = False
        self.select: str | None = None
        self.hidden: dict[str, str] = {}
        self.radios: dict[str, list[str]] = {}
        self.selects: dict[str, list[str]] = {}

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "form":
            self.inside = attributes.get("id") == self.form_id
        elif not self.inside:
            return
        elif tag == "input" and attributes.get("type") == "hidden":
            self.hidden[attributes["name"]] = attributes.get("value", "")
        elif tag == "input" and attributes.get("type") == "radio":
            self.radios.setdefault(attributes["name"], []).append(attributes["value"])
        elif tag == "select":
            self.select = attributes["name"]
            self.selects[self.select] = []
        elif tag == "option" and self.select and attributes.get("value"):
            self.selects[self.select].append(attributes["value"])

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "select":
            self.select = None


def assessment_answers(page: str) -> bytes:
    """Every radio group and select answered (the scale's points in turn), plus the
    hidden fields, the CSRF token among them."""
    form = FormFields("assessment-form")
    form.feed(page)
    if not form.radios or "csrfmiddlewaretoken" not in form.hidden:
        raise Failure("/assessment/ has no form with radio groups and a CSRF token")
    answers = dict(form.hidden)
    for index, (name, values) in enumerate(form.radios.items()):
        answers[name] = values[index % len(values)]
    for name, values in form.selects.items():
        if values:
            answers[name] = values[0]
    return urllib.parse.urlencode(answers).encode()


def hashed_static_url(page: str) -> str:
    found = re.search(r"/static/[\w/.-]+\.[0-9a-f]{12}\.(?:css|js)", page)
    if not found:
        raise Failure("the home page links no hashed static file")
    return found.group(0)


def database_mounts(url: str) -> list[str]:
    """A PostgreSQL reached through a Unix socket: its directory, mounted at the same path."""
    parts = urllib.parse.urlsplit(url)
    host = urllib.parse.parse_qs(parts.query).get("host", [parts.hostname or ""])[0]
    host = urllib.parse.unquote(host)
    return ["--volume", f"{host}:{host}"] if host.startswith("/") else []


def database_url_named(url: str, name: str) -> str:
    return urllib.parse.urlsplit(url)._replace(path=f"/{name}").geturl()


class Container:
    """One container of the image on the host's network, read-only root, /tmp in memory."""

    def __init__(self, engine: Engine, image: str, database_url: str):
        self.engine = engine
        self.image = image
        self.database_url = database_url
        self.port = free_port()
        self.name = f"rolefit-image-test-{os.getpid()}-{self.port}"
        self.client = Client(self.port)

    def start(self) -> None:
        env = {
            "DATABASE_URL": self.database_url,
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
            "DJANGO_HTTPS": "0",
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "PORT": str(self.port),
            # Listen on the loopback only, though the container shares the host's network.
            "GUNICORN_CMD_ARGS": f"--bind=127.0.0.1:{self.port}",
        }
        self.engine.run(
            "run",
            "--detach",
            "--name",
            self.name,
            "--network",
            "host",
            "--read-only",
            "--tmpfs",
            "/tmp",  # noqa: S108 (the container's own /tmp, in memory)
            *database_mounts(self.database_url),
            *[arg for key, value in env.items() for arg in ("--env", f"{key}={value}")],
            self.image,
        )

    def running(self) -> bool:
        state = self.engine.run("inspect", "--format", "{{.State.Running}}", self.name, check=False)
        return state.stdout.strip() == "true"

    def wait_until_healthy(self, within: float) -> float:
        started = time.monotonic()
        while time.monotonic() - started < within:
            if self.client.healthy():
                return time.monotonic() - started
            if not self.running():
                raise Failure(f"{self.name} stopped before it was healthy:\n{self.logs()}")
            time.sleep(0.25)
        raise Failure(f"{self.name}: /healthz did not answer 200 within {within} s\n{self.logs()}")

    def logs(self) -> str:
        result = self.engine.run("logs", self.name, check=False)
        return result.stdout + result.stderr

    def exec(self, *command: str) -> str:
        return self.engine.output("exec", self.name, *command)

    def stop(self) -> None:
        self.engine.run("stop", "--time", "20", self.name, check=False)

    def remove(self) -> None:
        self.engine.run("rm", "--force", self.name, check=False)


# -- the checks -------------------------------------------------------------------------

PROBE = """
import errno, json, os
def writable(path):
    try:
        with open(path, "w"):
            pass
        os.unlink(path)
        return "yes"
    except OSError as error:
        return errno.errorcode[error.errno]
status = open("/proc/1/status").read()
print(json.dumps({
    "uid": os.getuid(),
    "pid1_uid": int(status.split("Uid:")[1].split()[0]),
    "root": writable("/probe"),
    "app": writable("/app/probe"),
    "tmp": writable("/tmp/probe"),
}))
"""


def check_site(container: Container) -> None:
    client = container.client
    waited = container.wait_until_healthy(HEALTHY_WITHIN)
    log(f"/healthz answered 200 after {waited:.1f} s")
    _, home = client.expect("/")
    _, form_page = client.expect("/assessment/")
    headers, _ = client.expect("/assessment/", 303, data=assessment_answers(form_page))
    client.expect(urllib.parse.urlsplit(headers["Location"]).path)
    static = hashed_static_url(home)
    headers, _ = client.expect(static)
    cache_control = headers.get("Cache-Control", "")
    if "max-age=315360000" not in cache_control or "immutable" not in cache_control:
        raise Failure(f"{static} has Cache-Control {cache_control!r}, not a far-future one")
    log(f"{static}: Cache-Control {cache_control}")


def check_healthcheck(container: Container) -> None:
    engine = container.engine
    test = json.loads(
        engine.output(
            "image", "inspect", "--format", "{{json .Config.Healthcheck}}", container.image
        )
    )
    if not test or not test.get("Test"):
        raise Failure("the image has no HEALTHCHECK (podman keeps it only with --format docker)")
    if engine.name == "podman":
        engine.run("healthcheck", "run", container.name)
    else:
        kind, *command = test["Test"]
        container.exec(*(command if kind == "CMD" else ["/bin/sh", "-c", command[0]]))
    log(f"HEALTHCHECK passes: {' '.join(test['Test'][1:])[:70]}...")


def check_user_and_filesystem(container: Container) -> None:
    probe = json.loads(container.exec("/opt/venv/bin/python", "-c", PROBE))
    if probe["uid"] == 0 or probe["pid1_uid"] == 0:
        raise Failure(f"the container runs as root: {probe}")
    if probe["root"] != "EROFS" or probe["app"] != "EROFS" or probe["tmp"] != "yes":
        raise Failure(f"the root is not read-only with /tmp writable: {probe}")
    log(f"runs as uid {probe['uid']}; / and /app are read-only (EROFS), /tmp is writable")


def check_no_env_file(engine: Engine, image: str) -> None:
    found = engine.output(
        "run",
        "--rm",
        "--network",
        "none",
        "--entrypoint",
        "/usr/bin/find",
        image,
        "/app",
        "/opt",
        "-name",
        ".env*",
    )
    if found:
        raise Failure(f"the image holds environment files: {found}")
    log("no .env file reached the image")


def check_logs(container: Container) -> None:
    bad = [line for line in container.logs().splitlines() if LOG_ERRORS.search(line)]
    if bad:
        raise Failure("the container logged errors:\n" + "\n".join(bad))
    log("no error or warning in the container's log")


def image_size_mb(engine: Engine, image: str) -> float:
    size = int(engine.output("image", "inspect", "--format", "{{.Size}}", image))
    return size / 1_000_000


def check_replicas(engine: Engine, image: str, database_url: str) -> None:
    """Two containers at once on one empty database: both healthy, migrated once."""
    name = f"rolefit_replicas_{secrets.token_hex(4)}"
    admin = (
        "import psycopg, sys\n"
        "with psycopg.connect(sys.argv[1], autocommit=True) as connection:\n"
        "    connection.execute(sys.argv[2])\n"
    )

    def run_sql(statement: str) -> subprocess.CompletedProcess:
        return engine.run(
            "run", "--rm", "--network", "host", *database_mounts(database_url), image,
            "/opt/venv/bin/python", "-c", admin, database_url, statement,
            check=False,
        )  # fmt: skip

    created = run_sql(f"CREATE DATABASE {name}")
    if created.returncode != 0:
        log(f"two-replica check skipped: cannot create a database ({created.stderr.strip()})")
        return
    replicas = [Container(engine, image, database_url_named(database_url, name)) for _ in "ab"]
    try:
        started = time.monotonic()
        for replica in replicas:
            replica.start()
        for replica in replicas:
            replica.wait_until_healthy(REPLICAS_HEALTHY_WITHIN)
        log(f"two replicas on an empty database healthy after {time.monotonic() - started:.1f} s")
        migrated = [r for r in replicas if "Applying careers.0001_initial" in r.logs()]
        if len(migrated) != 1:
            raise Failure(f"{len(migrated)} replicas applied the migrations, not exactly one")
        waited = sum("Waiting for another instance" in r.logs() for r in replicas)
        log(f"one replica migrated; {waited} waited for its lock, then found nothing to do")
        for replica in replicas:
            check_logs(replica)
    finally:
        for replica in replicas:
            replica.remove()
        run_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


class NginxContainer:
    """The nginx image on the host's network, on a free port, in front of one app container
    (its listen.conf and upstream.conf mounted over the image's)."""

    def __init__(self, engine: Engine, image: str, app: Container, scratch: Path):
        self.engine = engine
        self.image = image
        self.port = free_port()
        self.name = f"rolefit-image-test-nginx-{os.getpid()}-{self.port}"
        self.client = Client(self.port)
        (scratch / "listen.conf").write_text(f"listen 127.0.0.1:{self.port} default_server;\n")
        (scratch / "upstream.conf").write_text(f"server 127.0.0.1:{app.port};\n")
        self.mounts = [
            arg
            for name in ("listen.conf", "upstream.conf")
            for arg in ("--volume", f"{scratch / name}:/etc/nginx/rolefit/{name}:ro")
        ]

    def start(self) -> None:
        self.engine.run(
            "run", "--detach", "--name", self.name, "--network", "host", "--read-only",
            "--tmpfs", "/tmp", *self.mounts, self.image,  # noqa: S108
        )  # fmt: skip

    def wait_until_healthy(self, within: float) -> float:
        started = time.monotonic()
        while time.monotonic() - started < within:
            if self.client.healthy():
                return time.monotonic() - started
            time.sleep(0.25)
        logs = self.engine.run("logs", self.name, check=False)
        raise Failure(f"nginx did not answer /healthz within {within} s\n{logs.stderr}")

    def remove(self) -> None:
        self.engine.run("rm", "--force", self.name, check=False)


def check_behind_nginx(engine: Engine, image: str, app: Container) -> None:
    """The app container behind the nginx image: pages, a POST, static files from nginx,
    nginx's own refusals and outages as RoleFit's pages."""
    with tempfile.TemporaryDirectory() as scratch:
        front = NginxContainer(engine, nginx_image(image), app, Path(scratch))
        try:
            front.start()
            waited = front.wait_until_healthy(HEALTHY_WITHIN)
            log(f"behind nginx: /healthz answered 200 after {waited:.1f} s")
            client = front.client
            headers, home = client.expect("/")
            if not re.fullmatch(r"[0-9a-f]{32}", headers.get("X-Request-ID", "")):
                raise Failure(f"no request id through nginx: {headers.get('X-Request-ID')!r}")
            _, form_page = client.expect("/assessment/")
            headers, _ = client.expect("/assessment/", 303, data=assessment_answers(form_page))
            client.expect(urllib.parse.urlsplit(headers["Location"]).path)
            static = hashed_static_url(home)
            headers, _ = client.expect(static)
            if "immutable" not in headers.get("Cache-Control", "") or headers.get("X-Request-ID"):
                raise Failure(f"{static} was not served by nginx with a far-future header")
            status, _, body = client.request("/assessment/", data=b"x" * 300_000)
            if status != 413 or "Go to the home page" not in body:
                raise Failure(f"a 300 KB body got {status}, not RoleFit's 413 page")
            log("behind nginx: a 300 KB body gets RoleFit's 413 page")
            app.stop()
            status, _, body = client.request("/")
            if status != 502 or "briefly unavailable" not in body:
                raise Failure(f"with the app stopped nginx answered {status}, not RoleFit's 502")
            log("behind nginx: the app stopped, nginx answers RoleFit's 502 page")
        finally:
            front.remove()


def test(engine: Engine, image: str, replicas: bool) -> None:
    database_url = os.environ.get("DATABASE_URL")
    if not database_url:
        raise Failure("DATABASE_URL is not set (make image-test sets it)")
    started = time.monotonic()
    build_with_env_file(engine, image)
    check_no_env_file(engine, image)
    size = image_size_mb(engine, image)
    log(f"image size: {size:.0f} MB")
    if size > MAX_IMAGE_MB:
        raise Failure(f"the image weighs {size:.0f} MB, more than {MAX_IMAGE_MB} MB")
    container = Container(engine, image, database_url)
    try:
        container.start()
        check_site(container)
        check_healthcheck(container)
        check_user_and_filesystem(container)
        check_behind_nginx(engine, image, container)
        check_logs(container)
    finally:
        container.remove()
    if replicas:
        check_replicas(engine, image, database_url)
    log(f"all checks passed in {time.monotonic() - started:.0f} s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["build", "test"])
    parser.add_argument("--image", default="rolefit", help="the image's name (default: rolefit)")
    parser.add_argument(
        "--no-replicas", action="store_true", help="skip the two-container start on one database"
    )
    options = parser.parse_args()
    try:
        engine = Engine.find()
        if options.command == "build":
            build(engine, options.image)
        else:
            test(engine, options.image, replicas=not options.no_replicas)
    except (Failure, subprocess.CalledProcessError) as error:
        print(f"image: FAILED: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
