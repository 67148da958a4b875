"""The gunicorn workers' memory after serving the largest content the limits allow.

Content at the limits: every text field of every seeded row filled to its limit
(careers/editable.py), then key points (shown on five pages each), FAQs (a page each) and
tools (in every role), also at their limits, added until the document reaches the 1 MB an
import accepts (careers/seeding/reading.py). The document goes in through `import_content`,
so the limits' own check passes it. Then the real gunicorn (production settings, two
workers, as `make serve` runs it) serves every page three times, and each worker's resident
memory is read from /proc: now (VmRSS) and at its peak (VmHWM).

    DATABASE_URL=postgres://... python -m scripts.content_memory [--seed-only]

It works in a database of its own (`<name>_content_memory`, created on DATABASE_URL's server
and dropped afterwards), with the database cache (REDIS_URL is ignored: a shared Redis is
left alone). `--seed-only` measures the seeded content instead, for comparison. Exits 1
when a worker's peak passes 100 MiB.
"""

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import urllib.error
import urllib.parse
import urllib.request
from contextlib import contextmanager
from itertools import count, cycle
from pathlib import Path

import django

from scripts.bench import (
    BASE_DIR,
    assessment_body,
    free_port,
    prepare,
    server_env,
    start_gunicorn,
    stored_result_path,
)

LIMIT_MIB = 100
ROUNDS = 3
# Words for the filler text, so search documents and pages look like prose, not one token.
WORDS = ["systems", "models", "review", "teams", "design", "pipelines", "agents", "code"]


@contextmanager
def scratch_database(database_url: str):
    """A new, empty database on the same server; yields its URL, drops it afterwards."""
    import psycopg

    url = urllib.parse.urlsplit(database_url)
    name = f"{url.path.lstrip('/') or 'rolefit'}_content_memory"
    admin_url = urllib.parse.urlunsplit(url._replace(path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')
    try:
        yield urllib.parse.urlunsplit(url._replace(path=f"/{name}"))
    finally:
        with psycopg.connect(admin_url, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def run_manage(env: dict[str, str], *arguments: str) -> str:
    finished = subprocess.run(
        [sys.executable, "manage.py", *arguments],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
    )
    if finished.returncode:
        raise SystemExit(f"manage.py {arguments[0]} failed:\n{finished.stderr[-3000:]}")
    return finished.stdout


def content_at_the_limits(env: dict[str, str]) -> Path:
    """The seeded content with every text at its limit, padded to the document size limit."""
    os.environ.update({**env, "DJANGO_SETTINGS_MODULE": "rolefit.settings"})
    django.setup()
    from careers.seeding import DOCUMENT_SIZE_LIMIT, export_document

    limits = text_limits()
    document = export_document()
    fill_document(document, limits)
    pad_document(document, limits, DOCUMENT_SIZE_LIMIT)
    path = Path(tempfile.mkdtemp()) / "content-at-the-limits.json"
    path.write_text(json.dumps(document))
    return path


def text_limits() -> dict[str, dict[str, tuple[int, str]]]:
    """Each collection's (and nested list's) free text fields: name -> (limit, field type)."""
    from django.db import models

    from careers.editable import text_fields
    from careers.seeding.schema import COLLECTIONS, NESTED

    def limits(model):
        return {
            f.name: (f.max_length, type(f).__name__)
            for f in text_fields(model)
            if not f.choices and not isinstance(f, models.SlugField) and f.name != "currency"
        }

    found = {name: limits(model) for name, model in COLLECTIONS.items()}
    return found | {key: limits(model) for key, model in NESTED.values()}


def filler(length: int, number: int) -> str:
    """Prose-like text of exactly `length` characters, starting with `number` (names must
    be unique)."""
    words = cycle(WORDS)
    text = f"{number} "
    while len(text) < length:
        text += next(words) + " "
    return text[: length - 1] + "."


def filled(record: dict, fields: dict, number: int) -> dict:
    """`record` with every text field in `fields` at its limit, and no fingerprint."""
    for name, (max_length, kind) in fields.items():
        if kind == "URLField":
            record[name] = "https://example.com/" + "a" * (max_length - 20)
        else:
            record[name] = filler(max_length, number)
    record.pop("seed_fingerprint", None)
    return record


def fill_document(document: dict, limits: dict) -> None:
    numbers = count()
    for name, records in document.items():
        for record in records.values():
            filled(record, limits[name], next(numbers))
            for item in record.get("responsibilities", []):
                filled(item, limits["responsibilities"], next(numbers))
            for level in record.get("levels", {}).values():
                filled(level, limits["levels"], next(numbers))


def pad_document(document: dict, limits: dict, size_limit: int) -> None:
    """Adds key points, FAQs and tools in turn while the document stays under the limit."""
    roles = sorted(document["roles"])
    key_point = next(iter(document["key_points"].values()))
    faq = next(iter(document["faqs"].values()))
    tool = next(iter(document["tools"].values()))
    extra = {
        "key_points": {**key_point, **dict.fromkeys(PLACEMENTS, True)},
        "faqs": faq,
        "tools": {**tool, "roles": roles},
    }
    size = len(json.dumps(document))
    for number in count():
        name = ("key_points", "faqs", "tools")[number % 3]
        record = filled(dict(extra[name]), limits[name], number)
        added = len(json.dumps({f"extra-{number}": record})) + 2
        if size + added > size_limit:
            return
        document[name][f"extra-{number}"] = record
        size += added


PLACEMENTS = ("on_home", "on_roles", "on_comparison", "on_salaries", "on_tools")


def every_page(base: str) -> list[str]:
    """The sitemap's pages, each filter of the tools page, a search, the assessment and a
    stored result."""
    with urllib.request.urlopen(base + "/sitemap.xml", timeout=60) as response:
        sitemap = response.read().decode()
    pages = [urllib.parse.urlsplit(url).path for url in re.findall(r"<loc>([^<]+)</loc>", sitemap)]
    tools = urllib.request.urlopen(base + "/tools/", timeout=60).read().decode()
    filters = sorted(set(re.findall(r'href="(/tools/\?(?:role|category)=[a-z0-9-]+)"', tools)))
    result = stored_result_path(base, assessment_body(base))
    return [*pages, *filters, "/search/?q=architecture", result, result.rstrip("/") + ".json"]


def fetch_size(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=120) as response:
            return len(response.read())
    except urllib.error.HTTPError as error:
        raise SystemExit(f"{url} answered {error.code}") from None


def worker_memory_mib(master: int) -> dict[int, tuple[float, float]]:
    """Each gunicorn worker's resident memory now and at its peak (VmRSS, VmHWM), in MiB."""
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    memory = {}
    for pid in map(int, children):
        status = Path(f"/proc/{pid}/status").read_text()
        rss, peak = (
            int(re.search(rf"{key}:\s+(\d+) kB", status).group(1)) / 1024
            for key in ("VmRSS", "VmHWM")
        )
        memory[pid] = (rss, peak)
    return memory


def measure(database_url: str, *, seed_only: bool) -> int:
    port = free_port()
    env = {**server_env(port), "DATABASE_URL": database_url, "REDIS_URL": ""}
    prepare(env)
    if not seed_only:
        document = content_at_the_limits(env)
        print(f"document at the limits: {document.stat().st_size:,} bytes")
        run_manage(env, "import_content", str(document))
    server = start_gunicorn(env)
    base = f"http://127.0.0.1:{port}"
    try:
        before = worker_memory_mib(server.pid)
        pages = every_page(base)
        sizes = {page: fetch_size(base + page) for page in pages}
        for _ in range(ROUNDS - 1):
            for page in pages:
                fetch_size(base + page)
        after = worker_memory_mib(server.pid)
    finally:
        server.terminate()
        server.wait(timeout=20)
    for page in sorted(sizes, key=sizes.get, reverse=True)[:8]:
        print(f"  {sizes[page]:>10,}  {page}")
    biggest = max(sizes, key=sizes.get)
    print(
        f"{len(pages)} pages, {ROUNDS} times each: {sum(sizes.values()):,} bytes a round, "
        f"the largest {biggest} ({sizes[biggest]:,} bytes)"
    )
    for pid, (rss, peak) in after.items():
        print(
            f"worker {pid}: {before[pid][0]:.1f} MiB before, {rss:.1f} MiB after, "
            f"peak {peak:.1f} MiB"
        )
    worst = max(peak for _, peak in after.values())
    print(f"highest peak {worst:.1f} MiB (limit {LIMIT_MIB} MiB)")
    return 1 if worst > LIMIT_MIB else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed-only", action="store_true", help="measure the seeded content")
    args = parser.parse_args()
    database_url = os.environ.get("DATABASE_URL")
    if not database_url:
        raise SystemExit("DATABASE_URL is not set: the server this script makes its database on")
    with scratch_database(database_url) as scratch_url:
        return measure(scratch_url, seed_only=args.seed_only)


if __name__ == "__main__":
    sys.exit(main())
