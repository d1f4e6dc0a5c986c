"""The portal's URLs and the bare view the benchmark compares every page with: one function
returning "hello" through the same middleware (served by bench/wsgi.py, never in production)."""

from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponse
from django.urls import path

from avoin.urls import handler400, handler403, handler404, handler500
from avoin.urls import urlpatterns as portal

__all__ = ["handler400", "handler403", "handler404", "handler500", "urlpatterns"]


@login_not_required
def hello(request):
    return HttpResponse("hello")


urlpatterns = [path("bench/hello/", hello, name="bench_hello"), *portal]
