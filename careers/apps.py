from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_delete, post_save

# Written by visitors taking the assessment, and shown on no cached page.
VISITOR_DATA = {"AssessmentResult", "Questionnaire"}


class CareersConfig(AppConfig):
    name = "careers"
    verbose_name = "Careers content"

    def ready(self):
        from rolefit.page_cache import content_version_bump

        def content_changed(sender, **kwargs):
            content_version_bump()

        # Every content model (not what visitors' assessments store) shows on cached pages.
        for model in self.get_models():
            if model.__name__ in VISITOR_DATA:
                continue
            post_save.connect(content_changed, sender=model, weak=False)
            post_delete.connect(content_changed, sender=model, weak=False)
            for field in model._meta.local_many_to_many:
                m2m_changed.connect(content_changed, sender=field.remote_field.through, weak=False)
