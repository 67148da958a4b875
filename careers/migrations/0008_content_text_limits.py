"""Every content text field gets a maximum length (issue 24): 1,000 characters for a
sentence or two, 4,000 for a few paragraphs. The admin's forms and `import_content` hold
to it; the columns stay `text`, so no SQL runs.
"""

import django.core.validators
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('careers', '0007_result_report'),
    ]

    operations = [
        migrations.AlterField(
            model_name='decisionfactor',
            name='description',
            field=models.TextField(max_length=4000, validators=[django.core.validators.MaxLengthValidator(4000)]),
        ),
        migrations.AlterField(
            model_name='faq',
            name='answer',
            field=models.TextField(max_length=4000, validators=[django.core.validators.MaxLengthValidator(4000)]),
        ),
        migrations.AlterField(
            model_name='keypoint',
            name='text',
            field=models.TextField(help_text="The point in RoleFit's own words.", max_length=4000, validators=[django.core.validators.MaxLengthValidator(4000)]),
        ),
        migrations.AlterField(
            model_name='responsibility',
            name='text',
            field=models.TextField(max_length=1000, validators=[django.core.validators.MaxLengthValidator(1000)]),
        ),
        migrations.AlterField(
            model_name='role',
            name='career_path',
            field=models.TextField(max_length=4000, validators=[django.core.validators.MaxLengthValidator(4000)]),
        ),
        migrations.AlterField(
            model_name='role',
            name='outlook',
            field=models.TextField(blank=True, help_text='Where the role is heading.', max_length=1000, validators=[django.core.validators.MaxLengthValidator(1000)]),
        ),
        migrations.AlterField(
            model_name='role',
            name='skills_summary',
            field=models.TextField(blank=True, help_text="What the role's skills add up to.", max_length=1000, validators=[django.core.validators.MaxLengthValidator(1000)]),
        ),
        migrations.AlterField(
            model_name='role',
            name='summary',
            field=models.TextField(max_length=4000, validators=[django.core.validators.MaxLengthValidator(4000)]),
        ),
        migrations.AlterField(
            model_name='role',
            name='work_environment',
            field=models.TextField(max_length=4000, validators=[django.core.validators.MaxLengthValidator(4000)]),
        ),
        migrations.AlterField(
            model_name='roleskill',
            name='description',
            field=models.TextField(max_length=1000, validators=[django.core.validators.MaxLengthValidator(1000)]),
        ),
        migrations.AlterField(
            model_name='skillarea',
            name='description',
            field=models.TextField(blank=True, max_length=1000, validators=[django.core.validators.MaxLengthValidator(1000)]),
        ),
        migrations.AlterField(
            model_name='tool',
            name='description',
            field=models.TextField(max_length=1000, validators=[django.core.validators.MaxLengthValidator(1000)]),
        ),
        migrations.AlterField(
            model_name='toolcategory',
            name='description',
            field=models.TextField(blank=True, max_length=1000, validators=[django.core.validators.MaxLengthValidator(1000)]),
        ),
    ]
