"""The app's public addresses, gathered from the features that own them."""

from careers.assessment.urls import urlpatterns as assessment_urls
from careers.content.urls import urlpatterns as content_urls

app_name = "careers"

urlpatterns = [*content_urls, *assessment_urls]
