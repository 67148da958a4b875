"""Every change to RoleFit's content kept as a revision (django-reversion), shown as a
field-by-field diff in the admin history, and restorable in one click.

- `registry`: which models are versioned, which related rows travel with them, and
  `recorded(comment)` for commands that change content outside the admin.
- `diff`: what changed between two versions of a row, field by field.
- `restore`: puts a revision back through ordinary model saves, so the page cache's
  content version moves on, search documents follow and seed fingerprints stay honest.
- `admin`: `HistoryAdmin`, the ModelAdmin base for content (history page with diffs and
  a restore button).
"""
