from django.apps import AppConfig
from django.db.models.signals import post_migrate


class EditorsConfig(AppConfig):
    name = "careers.editors"
    label = "careers_editors"
    verbose_name = "Editors"

    def ready(self):
        from careers.editors.group import editors_group_after_migrate

        # Listed after careers and axes in INSTALLED_APPS, so by the time this app's
        # post_migrate runs, every permission it grants has been created.
        post_migrate.connect(editors_group_after_migrate, sender=self)
