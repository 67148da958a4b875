"""The content version kept by PostgreSQL (rolefit/caching/version.py reads it).

A one-row table, and a statement-level trigger on every content table that replaces the
version in the same transaction as the edit and announces it with NOTIFY. The tables are
those of careers.editable.editable_models() (and their many-to-many tables) when this
migration was written; a test checks that every content table has the trigger, so a new
content model needs a migration that adds one (`CONTENT_VERSION_TRIGGER` below, copied).
"""

from django.db import migrations

VERSION_TABLE = "rolefit_content_version"
VERSION_CHANNEL = "rolefit_content_version"
BUMP_FUNCTION = "rolefit_content_version_bump"
TRIGGER = "rolefit_content_version"

CONTENT_TABLES = [
    "careers_role",
    "careers_responsibility",
    "careers_skillarea",
    "careers_roleskill",
    "careers_toolcategory",
    "careers_tool",
    "careers_tool_roles",
    "careers_salaryrange",
    "careers_decisionfactor",
    "careers_faq",
    "careers_source",
    "careers_keypoint",
    "careers_question",
]

CREATE_VERSION = f"""
CREATE TABLE {VERSION_TABLE} (
    only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    version text NOT NULL
);
INSERT INTO {VERSION_TABLE} (version) VALUES (replace(gen_random_uuid()::text, '-', ''));
CREATE FUNCTION {BUMP_FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    new_version text := replace(gen_random_uuid()::text, '-', '');
BEGIN
    UPDATE {VERSION_TABLE} SET version = new_version;
    PERFORM pg_notify('{VERSION_CHANNEL}', new_version);
    RETURN NULL;
END
$$;
"""

CONTENT_VERSION_TRIGGER = (
    "CREATE TRIGGER {trigger} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {table} "
    "FOR EACH STATEMENT EXECUTE FUNCTION {function}()"
)


def triggers() -> str:
    return ";\n".join(
        CONTENT_VERSION_TRIGGER.format(trigger=TRIGGER, table=table, function=BUMP_FUNCTION)
        for table in CONTENT_TABLES
    )


def drop_triggers() -> str:
    return ";\n".join(f"DROP TRIGGER {TRIGGER} ON {table}" for table in CONTENT_TABLES)


class Migration(migrations.Migration):
    dependencies = [("careers", "0009_search_salaries_factors_key_points_spelling")]

    operations = [
        migrations.RunSQL(
            CREATE_VERSION + triggers(),
            reverse_sql=drop_triggers()
            + f";\nDROP FUNCTION {BUMP_FUNCTION}();\nDROP TABLE {VERSION_TABLE}",
        ),
    ]
