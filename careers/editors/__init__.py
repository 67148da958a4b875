"""The admin as editors meet it: RoleFit's name on it, the index grouped the way editors
think, help on every field that needs it, and the "Editors" group (least privilege:
content and questionnaire, a read-only view of results, nothing on people).

- `site`: `RoleFitAdminSite` (header, title, grouped index) and its AdminConfig.
- `group`: the Editors group's permissions, kept current after every migrate.
- `help_texts`: the admin's help text for fields whose meaning is not obvious.
- `invite`: the one-time password-reset link `manage.py add_editor` prints.
"""
