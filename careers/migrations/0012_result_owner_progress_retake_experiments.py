"""Result ownership, progress and retakes; experiments, a content model, whose table gets
the content-version trigger of 0010 (copied, as 0010 asks)."""

import django.core.validators
import django.db.models.deletion
from django.db import migrations, models

CONTENT_VERSION_TRIGGER = (
    "CREATE TRIGGER rolefit_content_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE "
    "ON careers_experiment FOR EACH STATEMENT EXECUTE FUNCTION rolefit_content_version_bump()"
)


class Migration(migrations.Migration):

    dependencies = [
        ('careers', '0011_result_scoring_version_3'),
    ]

    operations = [
        migrations.AddField(
            model_name='assessmentresult',
            name='manage_key_hash',
            field=models.CharField(blank=True, editable=False, help_text='SHA-256 of the secret that lets its maker manage it (blank before owners).', max_length=64),
        ),
        migrations.AddField(
            model_name='assessmentresult',
            name='previous',
            field=models.ForeignKey(blank=True, help_text='The earlier result this one retook, when its maker linked them.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='retakes', to='careers.assessmentresult'),
        ),
        migrations.AddField(
            model_name='assessmentresult',
            name='progress',
            field=models.JSONField(blank=True, default=dict, help_text="Plan step key -> 'done' or 'skipped'."),
        ),
        migrations.CreateModel(
            name='Experiment',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('seed_fingerprint', models.CharField(blank=True, editable=False, max_length=64)),
                ('slug', models.SlugField(max_length=80, unique=True)),
                ('stage', models.CharField(blank=True, choices=[('', 'Any experience'), ('early', 'Students and junior developers'), ('experienced', 'Mid-level developers and above')], help_text="Who it is written for; 'Any experience' when no stage has its own.", max_length=20)),
                ('title', models.CharField(max_length=120)),
                ('text', models.TextField(help_text='What to do, and what to notice.', max_length=1000, validators=[django.core.validators.MaxLengthValidator(1000)])),
                ('article_section', models.CharField(choices=[('AI Pair Programmer vs AI Architect: Which Role Fits You Best?', 'AI Pair Programmer vs AI Architect: Which Role Fits You Best?'), ('Understanding the Roles: AI Pair Programmer vs AI Architect', 'Understanding the Roles: AI Pair Programmer vs AI Architect'), ('Core Responsibilities of an AI Pair Programmer', 'Core Responsibilities of an AI Pair Programmer'), ('Key Functions of an AI Architect', 'Key Functions of an AI Architect'), ('AI Pair Programmer vs AI Architect: Skills and Qualifications Compared', 'AI Pair Programmer vs AI Architect: Skills and Qualifications Compared'), ('Career Paths and Salary Prospects for Each Role', 'Career Paths and Salary Prospects for Each Role'), ('AI Engineer vs AI Architect: Who Earns More?', 'AI Engineer vs AI Architect: Who Earns More?'), ('Popular Tools and Technologies: AI Pair Programmer and AI Architect', 'Popular Tools and Technologies: AI Pair Programmer and AI Architect'), ('AI Pair Programming Tools and Platforms', 'AI Pair Programming Tools and Platforms'), ('Common Architect Tools and Frameworks', 'Common Architect Tools and Frameworks'), ('Work Environments and Team Dynamics', 'Work Environments and Team Dynamics'), ('Choosing Between AI Pair Programmer and AI Architect: Decision Factors', 'Choosing Between AI Pair Programmer and AI Architect: Decision Factors'), ('FAQ: AI Pair Programmer vs AI Architect', 'FAQ: AI Pair Programmer vs AI Architect'), ('Conclusion: Determining Your Best Fit in AI Roles', 'Conclusion: Determining Your Best Fit in AI Roles'), ('References', 'References')], help_text='The article section the experiment rests on.', max_length=120)),
                ('order', models.PositiveSmallIntegerField(default=0)),
                ('factor', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='experiments', to='careers.decisionfactor')),
                ('role', models.ForeignKey(help_text='The role whose side of the factor the experiment lets you try.', on_delete=django.db.models.deletion.PROTECT, related_name='experiments', to='careers.role')),
            ],
            options={
                'ordering': ['factor__order', 'role__order', 'order', 'slug'],
            },
        ),
        migrations.RunSQL(
            CONTENT_VERSION_TRIGGER,
            reverse_sql="DROP TRIGGER rolefit_content_version ON careers_experiment",
        ),
    ]
