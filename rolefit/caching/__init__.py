"""Every speed mechanism of RoleFit, behind one door.

What it does:
- `shared_page`: a view declares that its pages are the same for every visitor; the page
  cache middleware (`rolefit.caching.pages.PageCacheMiddleware`) stores and serves them.
- The content version (`current_content_version`), kept by PostgreSQL and moved by its
  triggers in the edit's own transaction; each worker hears of a new one by LISTEN/NOTIFY
  (`content_version_bump` tells the editing process at once). Every cached page and memo
  is checked against it, so an editor's change shows at once everywhere.
- `VersionedMemo`: the one per-worker memo for values derived from content.
- `shared_form_page`: a form page rendered once per content version, with each
  visitor's CSRF token written in.
- `private_rendering`: a render (a staff preview) that no memo or page cache keeps.
- `first_query_checks_connection`: a request's first query doubles as the database
  connection's health check.
- `database_cache.DatabaseCache` (atomic counters, a cull that spares the rate
  counters) and `static.StaticFilesStorage`
  (hashed static URLs worked out once per process), named in the settings.

Where it stops: it knows nothing of RoleFit's content or views. Which views are shared,
which models are content (whose tables carry the version's trigger) and what is memoised are decided
by the `careers` app, through the names above.
"""

from rolefit.caching.health import first_query_checks_connection
from rolefit.caching.memo import VersionedMemo
from rolefit.caching.pages import shared_form_page, shared_page
from rolefit.caching.private import PRIVATE_CACHE_CONTROL, private_rendering
from rolefit.caching.version import content_version_bump, current_content_version

__all__ = [
    "PRIVATE_CACHE_CONTROL",
    "VersionedMemo",
    "content_version_bump",
    "current_content_version",
    "first_query_checks_connection",
    "private_rendering",
    "shared_form_page",
    "shared_page",
]
