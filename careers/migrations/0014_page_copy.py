"""Page copy, a content model, whose table gets the content-version trigger of 0010
(copied, as 0010 asks)."""

import django.core.validators
from django.db import migrations, models

CONTENT_VERSION_TRIGGER = (
    "CREATE TRIGGER rolefit_content_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE "
    "ON careers_pagecopy FOR EACH STATEMENT EXECUTE FUNCTION rolefit_content_version_bump()"
)


class Migration(migrations.Migration):

    dependencies = [
        ('careers', '0013_drafts'),
    ]

    operations = [
        migrations.CreateModel(
            name='PageCopy',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('seed_fingerprint', models.CharField(blank=True, editable=False, max_length=64)),
                ('key', models.CharField(max_length=80, unique=True, validators=[django.core.validators.RegexValidator('^[a-z0-9_]+(\\.[a-z0-9_]+)+$', 'Lower-case words joined by dots.')])),
                ('text', models.TextField(max_length=1000, validators=[django.core.validators.MaxLengthValidator(1000)])),
            ],
            options={
                'verbose_name': 'page copy',
                'verbose_name_plural': 'page copy',
                'ordering': ['key'],
            },
        ),
        migrations.RunSQL(
            CONTENT_VERSION_TRIGGER,
            reverse_sql="DROP TRIGGER rolefit_content_version ON careers_pagecopy",
        ),
    ]
