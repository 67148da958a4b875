"""The admin as editors meet it: RoleFit's name on it, the index grouped the way editors
think, help on every field that needs it, drafts and publishing, and the "Editors" group
(least privilege: content and questionnaire, a read-only view of results, nothing on
people).

- `site`: `RoleFitAdminSite` (header, title, grouped index, hostile input refused) and its
  AdminConfig; `login`: its login form.
- `content_admin`: `ContentAdmin`, the base of every content admin (help texts, history,
  the content checks on save and their page); `draft_admin`: its drafts and publishing.
- `drafts` and `models`: drafts, publishing and edit conflicts; `middleware`: preview and
  scheduled publishing on the public site.
- `group`: the Editors group's permissions, kept current after every migrate, and the
  one-time password link `manage.py add_editor` prints.
"""
