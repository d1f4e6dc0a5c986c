from django.core.paginator import Paginator


def paginate(request, queryset, per_page):
    """The requested page (nonsense page numbers give the nearest page) and the query string
    without `page`, so that pagination links keep the filters."""
    page = Paginator(queryset, per_page).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return page, query.urlencode()
