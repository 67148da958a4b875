"""`make bench` and `make load`: RoleFit under the real gunicorn, loaded with wrk.

bench: for each target, requests/s, p50 and p99 latency and errors, each page's
throughput as a ratio to a hashed static file's (measured in alternating slices of the
same run), the workers' CPU time per request, and the peak RSS of every gunicorn worker.
Each target is measured on gunicorn straight and through the stack `make serve` starts
(nginx in front); with --base REF, also on another build (a git worktree under .bench/
with its own venv, from its own lock when it has one, and its own database), every
server's slices interleaved, and both builds' absolute req/s printed with their ratios.
Figures are printed and written to .bench/bench-<time>.json.

load: 30 s, 64 connections over a mix of content pages on gunicorn; fails on any
non-2xx/3xx response or socket error.

DATABASE_URL must be set (the Makefile starts the embedded PostgreSQL when it is not).
"""

import argparse
import html.parser
import itertools
import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from contextlib import ExitStack
from dataclasses import asdict, dataclass, field
from pathlib import Path
from statistics import mean, median

from scripts import serve
from scripts.bench_base import BaseBuild, stop

BASE_DIR = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
WRK_SCRIPTS = BASE_DIR / "scripts" / "wrk"
CSRF_TOKEN = secrets.token_hex(16)  # a 32-character CSRF secret, sent as cookie and field


@dataclass
class Figures:
    name: str
    path: str
    requests_per_second: float
    latency_p50_ms: float
    latency_p99_ms: float
    requests: int
    errors: int
    ratio_to_static: float | None = None
    slice_ratios: list[float] = field(default_factory=list)
    cpu_ms_per_request: float | None = None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_env(port: int) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_DEBUG": "0",
        "DJANGO_HTTPS": "0",
        "DJANGO_SECRET_KEY": os.environ.get("DJANGO_SECRET_KEY") or secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "PORT": str(port),
        # The benchmark submits thousands of assessments from one address on purpose.
        "ASSESSMENT_RATE_LIMIT_PER_MINUTE": "0",
    }


def prepare(env: dict[str, str]) -> None:
    """The same steps as `make serve`: the database, the static files, the error pages."""
    manage = [str(BIN / "python"), "manage.py"]
    for command in (["prepare_database"], ["collectstatic", "--noinput"], ["render_error_pages"]):
        subprocess.run([*manage, *command, "-v0"], cwd=BASE_DIR, env=env, check=True)


def start_gunicorn(env: dict[str, str]) -> subprocess.Popen:
    process = subprocess.Popen(
        [str(BIN / "gunicorn"), "-c", "rolefit/gunicorn.conf.py", "rolefit.wsgi"],
        cwd=BASE_DIR,
        env=env,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{env['PORT']}"
    for _ in range(300):
        if process.poll() is not None:
            raise SystemExit(
                f"gunicorn exited with code {process.returncode}: is port {env['PORT']} free?"
            )
        try:
            urllib.request.urlopen(base + "/healthz", timeout=1).read()
            return process
        except OSError:
            time.sleep(0.1)
    process.terminate()
    raise SystemExit("gunicorn did not answer /healthz within 30 s")


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode()


class RadioCollector(html.parser.HTMLParser):
    """Collects the assessment's radio inputs: field name -> the values offered."""

    def __init__(self):
        super().__init__()
        self.choices: dict[str, list[str]] = {}

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "input" and attributes.get("type") == "radio":
            self.choices.setdefault(attributes["name"], []).append(attributes.get("value", ""))


def assessment_body(base: str) -> str:
    collector = RadioCollector()
    collector.feed(fetch(base + "/assessment/"))
    if not collector.choices:
        raise SystemExit("the assessment form has no radio inputs to answer")
    fields = {"csrfmiddlewaretoken": CSRF_TOKEN}
    for index, (name, values) in enumerate(sorted(collector.choices.items())):
        fields[name] = values[index % len(values)]
    return urllib.parse.urlencode(fields)


def stored_result_path(base: str, body: str) -> str:
    """Submits the assessment once and returns the address of the stored result."""
    request = urllib.request.Request(
        base + "/assessment/",
        data=body.encode(),
        headers={"Cookie": f"csrftoken={CSRF_TOKEN}"},
        method="POST",
    )

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    try:
        urllib.request.build_opener(NoRedirect).open(request, timeout=10)
    except urllib.error.HTTPError as redirect:
        if redirect.code == 303:
            return redirect.headers["Location"]
        raise
    raise SystemExit("the assessment POST did not redirect to a result")


def static_css_path(base: str) -> str:
    match = re.search(r'href="(/static/css/site\.[0-9a-f]{12}\.css)"', fetch(base + "/"))
    if not match:
        raise SystemExit("no hashed site.css on the home page: is DEBUG off?")
    return match.group(1)


def parse_duration_ms(text: str) -> float:
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def latency_percentile_ms(wrk_output: str, percentile: int) -> float:
    """A percentile from wrk's "Latency Distribution" block (lines like '  99%  12.3ms')."""
    found = re.search(rf"^\s+{percentile}%\s+(\S+)", wrk_output, re.MULTILINE)
    return parse_duration_ms(found.group(1))


def run_wrk(base: str, path: str, *, seconds: int, connections: int, script=None, env=None):
    command = ["wrk", "--latency", "-t2", f"-c{connections}", f"-d{seconds}s"]
    if script:
        command += ["-s", str(script)]
    output = subprocess.run(
        [*command, base + path], capture_output=True, text=True, env=env, check=True
    ).stdout
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", output))
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    errors += int(non_2xx.group(1)) if non_2xx else 0
    return {
        "requests_per_second": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "latency_p50_ms": latency_percentile_ms(output, 50),
        "latency_p99_ms": latency_percentile_ms(output, 99),
        "requests": requests,
        "errors": errors,
    }


def workers_cpu_seconds(master: int) -> float:
    """CPU time (user + system) spent so far by gunicorn's workers, the exited ones too.

    Less sensitive than throughput to other processes sharing the machine: it counts
    the work a request costs, not how long it waited for a core.
    """

    def times(pid: int) -> list[int]:
        # Fields after the command name: utime, stime, cutime, cstime are 14-17 of stat.
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return [int(value) for value in fields[11:15]]

    exited = sum(times(master)[2:])  # children the master has reaped
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    running = sum(sum(times(int(pid))[:2]) for pid in children)
    return (exited + running) / os.sysconf("SC_CLK_TCK")


def worker_peak_rss_mb(master: int) -> dict[int, float]:
    """VmHWM (the peak resident set) of each gunicorn worker, in MiB."""
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    peaks = {}
    for pid in map(int, children):
        status = Path(f"/proc/{pid}/status").read_text()
        peaks[pid] = int(re.search(r"VmHWM:\s+(\d+) kB", status).group(1)) / 1024
    return peaks


@dataclass
class Target:
    name: str
    path: str
    script: Path | None = None
    env: dict[str, str] | None = None
    slices: list[dict] = field(default_factory=list)
    ratios: list[float] = field(default_factory=list)

    def load(self, base: str, seconds: int, connections: int, master: int) -> dict:
        options = {"script": self.script, "env": self.env}
        cpu_before = workers_cpu_seconds(master)
        figures = run_wrk(base, self.path, seconds=seconds, connections=connections, **options)
        cpu = workers_cpu_seconds(master) - cpu_before
        figures["cpu_ms_per_request"] = 1000 * cpu / max(figures["requests"], 1)
        return figures

    def figures(self) -> Figures:
        """This target's slices together: summed counts, the median p50, the worst p99."""
        return Figures(
            name=self.name,
            path=self.path,
            requests_per_second=round(mean(s["requests_per_second"] for s in self.slices), 1),
            latency_p50_ms=median(s["latency_p50_ms"] for s in self.slices),
            latency_p99_ms=max(s["latency_p99_ms"] for s in self.slices),
            requests=sum(s["requests"] for s in self.slices),
            errors=sum(s["errors"] for s in self.slices),
            ratio_to_static=round(median(self.ratios), 3) if self.ratios else 1.0,
            slice_ratios=[round(ratio, 3) for ratio in self.ratios],
            cpu_ms_per_request=round(median(s["cpu_ms_per_request"] for s in self.slices), 3),
        )


def bench_targets(base: str) -> list[Target]:
    """The targets, static file first; one a build cannot serve (a page it lacks) is left out."""
    body = assessment_body(base)
    assessment_env = {**os.environ, "BENCH_ASSESSMENT_BODY": body, "BENCH_CSRF_TOKEN": CSRF_TOKEN}
    paths = {
        "static CSS (hashed)": lambda: static_css_path(base),
        "/healthz": lambda: "/healthz",
        "home": lambda: "/",
        "role page": lambda: "/roles/ai-architect/",
        "comparison": lambda: "/compare/ai-pair-programmer-vs-ai-architect/",
        "tools, filtered": lambda: "/tools/?role=ai-architect",
        "FAQ page": lambda: first_faq_path(base),
        "search": lambda: "/search/?q=architecture",
        "assessment form": lambda: "/assessment/",
        "result page": lambda: stored_result_path(base, body),
    }
    targets = []
    for name, path in paths.items():
        try:
            found = path()
            fetch(base + found)
        except (OSError, SystemExit):
            continue
        targets.append(Target(name, found))
    targets.append(
        Target(
            "assessment POST + result",
            "/assessment/",
            script=WRK_SCRIPTS / "assessment.lua",
            env=assessment_env,
        )
    )
    return targets


@dataclass
class Server:
    """One server under load: its label, URL, gunicorn master (for CPU and memory)."""

    label: str
    url: str
    master: int
    targets: dict[str, Target] = field(default_factory=dict)


def benchmark(
    servers: list[Server],
    rounds: int,
    seconds: int,
    connections: int,
    only: list[str] | None = None,
) -> dict[str, list[Figures]]:
    """Every target on every server in `rounds` slices of `seconds`, each right after a
    slice of the same server's static file; a target's ratio is the median of its
    slices' ratios to those static slices. Servers take turns within each round.

    This machine's speed drifts within a run (other tenants): slices taken side by side
    see the same machine, where one long run per target would compare different minutes.
    """
    for server in servers:
        server.targets = {target.name: target for target in bench_targets(server.url)}
    static_name, *names = list(servers[0].targets)
    if only:
        unknown = set(only) - set(names)
        if unknown:
            raise SystemExit(
                f"unknown target {sorted(unknown)[0]!r}; the targets: {', '.join(names)}"
            )
        names = [name for name in names if name in only]
    for server in servers:
        for name in [static_name, *names]:
            if name in server.targets:  # warm the caches
                server.targets[name].load(server.url, 1, connections, server.master)
    for round_number in range(rounds):
        for name in names:
            # Each round starts with another server, so none is always measured first.
            shift = round_number % len(servers)
            for server in servers[shift:] + servers[:shift]:
                if name not in server.targets:
                    continue
                static, page = server.targets[static_name], server.targets[name]
                static_slice = static.load(server.url, seconds, connections, server.master)
                page_slice = page.load(server.url, seconds, connections, server.master)
                static.slices.append(static_slice)
                page.slices.append(page_slice)
                page.ratios.append(
                    page_slice["requests_per_second"] / static_slice["requests_per_second"]
                )
    return {
        server.label: [
            server.targets[name].figures()
            for name in [static_name, *names]
            if name in server.targets
        ]
        for server in servers
    }


def first_faq_path(base: str) -> str:
    match = re.search(r'href="(/faq/[a-z0-9-]+/)"', fetch(base + "/faq/"))
    return match.group(1) if match else "/faq/"


def print_table(results: list[Figures], peaks: dict[int, float]) -> None:
    print(
        f"\n{'target':28} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7} "
        f"{'x static':>9} {'cpu ms':>7}"
    )
    for f in results:
        print(
            f"{f.name:28} {f.requests_per_second:9.0f} {f.latency_p50_ms:8.2f} "
            f"{f.latency_p99_ms:8.2f} {f.errors:7d} {f.ratio_to_static:9.2f} "
            f"{f.cpu_ms_per_request:7.3f}"
        )
    print("\npeak RSS per gunicorn worker: " + ", ".join(f"{mb:.1f} MiB" for mb in peaks.values()))


def print_side_by_side(results: dict[str, list[Figures]], base_label: str | None) -> None:
    """Every server's absolute req/s and ratio to its static file, and this build's
    req/s over the base build's (gunicorn straight, and through `make serve`)."""
    labels = list(results)
    by_name = {label: {f.name: f for f in figures} for label, figures in results.items()}
    names = [f.name for f in results[labels[0]]]
    header = f"\n{'target':26}" + "".join(f" {label[:22]:>22}" for label in labels)
    if base_label:
        header += f" {'gunicorn/base':>14} {'serve/base':>11}"
    print(header)
    print(f"{'':26}" + f" {'req/s  x static':>22}" * len(labels))
    for name in names:
        row = f"{name:26}"
        for label in labels:
            f = by_name[label].get(name)
            row += (
                f" {f.requests_per_second:13.0f} {f.ratio_to_static:8.2f}" if f else f" {'–':>22}"
            )
        if base_label:
            base = by_name[base_label].get(name)
            for label in (GUNICORN_LABEL, SERVE_LABEL):
                mine = by_name.get(label, {}).get(name)
                width = 14 if label == GUNICORN_LABEL else 11
                if base and mine and base.requests_per_second:
                    row += f" {mine.requests_per_second / base.requests_per_second:{width}.2f}"
                else:
                    row += f" {'–':>{width}}"
        print(row)


def load_run(base: str, seconds: int, connections: int) -> dict:
    paths = ",".join(
        [
            "/",
            "/roles/",
            "/roles/ai-pair-programmer/",
            "/roles/ai-architect/",
            "/compare/ai-pair-programmer-vs-ai-architect/",
            "/tools/",
            "/tools/?role=ai-pair-programmer",
            "/salaries/",
            "/faq/",
            first_faq_path(base),
            "/search/?q=architecture",
            "/sources/",
            "/assessment/",
            "/assessment/methodology/",
            "/healthz",
        ]
    )
    env = {**os.environ, "BENCH_PATHS": paths}
    figures = run_wrk(
        base,
        "/",
        seconds=seconds,
        connections=connections,
        script=WRK_SCRIPTS / "mixed.lua",
        env=env,
    )
    print(
        f"\nload: {seconds}s, {connections} connections, {len(paths.split(','))} pages: "
        f"{figures['requests']} requests, {figures['requests_per_second']:.0f} req/s, "
        f"p50 {figures['latency_p50_ms']:.2f} ms, p99 {figures['latency_p99_ms']:.2f} ms, "
        f"errors (non-2xx/3xx + socket) {figures['errors']}"
    )
    return figures


GUNICORN_LABEL = "this, gunicorn"
SERVE_LABEL = "this, make serve"


def parse_variant(text: str) -> tuple[str, dict[str, str]]:
    """ "gthread:GUNICORN_WORKER_CLASS=gthread,GUNICORN_THREADS=4" -> label, environment."""
    label, _, settings = text.partition(":")
    pairs = [pair.split("=", 1) for pair in settings.split(",") if pair]
    if not label or not pairs or any(len(pair) != 2 for pair in pairs):
        raise SystemExit(f"--variant {text!r}: expected LABEL:NAME=VALUE[,NAME=VALUE...]")
    return f"this, {label}", dict(pairs)


def start_servers(stack: ExitStack, args, ports) -> tuple[list[Server], str | None]:
    """This build straight and through `make serve`'s stack, and the base build's serve."""
    env = server_env(next(ports))
    prepare(env)
    gunicorn = start_gunicorn(env)
    stack.callback(stop, gunicorn)
    servers = [Server(GUNICORN_LABEL, f"http://127.0.0.1:{env['PORT']}", gunicorn.pid)]
    for label, settings in map(parse_variant, args.variant):
        variant_env = {**server_env(next(ports)), **settings}
        process = start_gunicorn(variant_env)
        stack.callback(stop, process)
        servers.append(Server(label, f"http://127.0.0.1:{variant_env['PORT']}", process.pid))
    if not args.no_stack:
        port = next(ports)
        _, stack_gunicorn = stack.enter_context(
            serve.stack(port, env=server_env(port), log=subprocess.DEVNULL)
        )
        servers.append(Server(SERVE_LABEL, f"http://127.0.0.1:{port}", stack_gunicorn.pid))
    if not args.base:
        return servers, None
    base = BaseBuild(args.base)
    port = next(ports)
    base_env = base.prepare(os.environ["DATABASE_URL"], server_env(port))
    process, master = base.start(base_env, port)
    stack.callback(stop, process)
    label = f"{base.label}, make serve"
    servers.append(Server(label, f"http://127.0.0.1:{port}", master))
    return servers, label


def run_bench(args) -> tuple[dict, bool]:
    # Names are split at commas not followed by a space: "tools, filtered" is one name.
    only = [name.strip() for name in re.split(r",(?! )", args.only) if name.strip()]
    ports = itertools.count(args.port) if args.port else iter(free_port, None)
    with ExitStack() as stack:
        servers, base_label = start_servers(stack, args, ports)
        results = benchmark(
            servers, args.rounds, args.seconds or 2, args.connections or 16, only or None
        )
        peaks = {server.label: worker_peak_rss_mb(server.master) for server in servers}
    for label, figures in results.items():
        print(f"\n== {label}")
        print_table(figures, peaks[label])
    print_side_by_side(results, base_label)
    report = {
        "mode": "bench",
        "base": args.base or None,
        "rounds": args.rounds,
        "slice_seconds": args.seconds or 2,
        "servers": {
            label: {
                "results": [asdict(f) for f in figures],
                "worker_peak_rss_mib": list(peaks[label].values()),
            }
            for label, figures in results.items()
        },
    }
    failed = any(f.errors for figures in results.values() for f in figures)
    return report, failed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=["bench", "load"])
    parser.add_argument(
        "--seconds", type=int, default=None, help="load: the run; bench: each slice (2)"
    )
    parser.add_argument("--rounds", type=int, default=3, help="bench: slices per target")
    parser.add_argument("--connections", type=int, default=None)
    parser.add_argument(
        "--port", type=int, default=0, help="the first of the ports used (default: free ports)"
    )
    parser.add_argument(
        "--only",
        default="",
        help="bench: comma-separated target names (the static file always runs)",
    )
    parser.add_argument("--base", default="", help="bench: a git ref to run side by side")
    parser.add_argument(
        "--no-stack", action="store_true", help="bench: gunicorn straight only, no nginx"
    )
    parser.add_argument(
        "--variant",
        action="append",
        default=[],
        help="bench: another gunicorn of this build with more settings, side by side: "
        "LABEL:NAME=VALUE[,NAME=VALUE...] (repeatable)",
    )
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit(
            "wrk is not installed: apt-get install wrk (make bench installs it as root)"
        )
    if not os.environ.get("DATABASE_URL"):
        raise SystemExit("DATABASE_URL is not set: run this through `make bench` / `make load`")

    if args.mode == "bench":
        report, failed = run_bench(args)
    else:
        env = server_env(args.port or free_port())
        prepare(env)
        server = start_gunicorn(env)
        try:
            base = f"http://127.0.0.1:{env['PORT']}"
            figures = load_run(base, args.seconds or 30, args.connections or 64)
        finally:
            stop(server)
        report = {"mode": "load", **figures}
        failed = figures["errors"] > 0
    out_dir = BASE_DIR / ".bench"
    out_dir.mkdir(exist_ok=True)
    out_file = out_dir / f"{report['mode']}-{time.strftime('%Y%m%d-%H%M%S')}.json"
    out_file.write_text(json.dumps(report, indent=2))
    print(f"figures written to {out_file.relative_to(BASE_DIR)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
