from django.apps import AppConfig


class HistoryConfig(AppConfig):
    name = "careers.history"
    label = "careers_history"
    verbose_name = "Content history"

    def ready(self):
        from careers.history.registry import register_content_models

        register_content_models()
