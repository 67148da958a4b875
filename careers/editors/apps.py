from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate


class EditorsConfig(AppConfig):
    name = "careers.editors"
    label = "careers_editors"
    verbose_name = "Editors"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from careers.editable import editable_models
        from careers.editors.drafts import drafts_of_deleted_row
        from careers.editors.group import editors_group_after_migrate
        from careers.editors.middleware import SCHEDULE
        from careers.editors.models import Draft

        # A draft saved, scheduled or published here: this worker looks at the schedule
        # again on its next request (other workers within RECHECK_SECONDS).
        post_save.connect(SCHEDULE.forget, sender=Draft, dispatch_uid="drafts.schedule.save")
        post_delete.connect(SCHEDULE.forget, sender=Draft, dispatch_uid="drafts.schedule.delete")
        for model in editable_models():
            post_delete.connect(drafts_of_deleted_row, sender=model, weak=False)

        # post_migrate is sent only for apps with models, and this one has none: follow
        # careers' signal, sent after the permissions for careers' models are created.
        post_migrate.connect(
            editors_group_after_migrate,
            sender=apps.get_app_config("careers"),
            dispatch_uid="careers.editors.group",
        )
