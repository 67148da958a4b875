from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_delete, post_save


class CareersConfig(AppConfig):
    name = "careers"
    verbose_name = "Careers content"

    def ready(self):
        from careers.content.search import CARRIED_BY, SEARCH_DOCUMENTS, search_vectors_refresh_for
        from careers.editable import editable_models
        from rolefit.caching import content_version_bump

        def content_changed(sender, **kwargs):
            content_version_bump()

        def searchable_text_saved(sender, instance, raw=False, **kwargs):
            if not raw:  # fixtures load rows as they are
                search_vectors_refresh_for(instance)

        for model in {*SEARCH_DOCUMENTS, *CARRIED_BY}:
            post_save.connect(searchable_text_saved, sender=model, weak=False)

        # Content (what editors change and shared pages show) moves the content version
        # (its tables' triggers do, in PostgreSQL); these tell the editing process at once.
        # What visitors' assessments store does not.
        for model in editable_models():
            post_save.connect(content_changed, sender=model, weak=False)
            post_delete.connect(content_changed, sender=model, weak=False)
            for field in model._meta.local_many_to_many:
                m2m_changed.connect(content_changed, sender=field.remote_field.through, weak=False)
