import pytest


@pytest.fixture
def staff_client(client, django_user_model):
    user = django_user_model.objects.create_user(
        username="editor", password="correct horse battery staple", is_staff=True, is_superuser=True
    )
    client.force_login(user)
    return client
