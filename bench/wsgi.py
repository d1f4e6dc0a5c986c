"""avoin.wsgi with the benchmark's bare view added to the URLs (bench/urls.py). `make bench`
serves this with gunicorn and gunicorn.conf.py, as the Dockerfile serves avoin.wsgi."""

import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "avoin.settings")

from django.conf import settings  # noqa: E402
from django.core.wsgi import get_wsgi_application  # noqa: E402

settings.ROOT_URLCONF = "bench.urls"
application = get_wsgi_application()
