"""The Atom feed of newly published good practices."""

from django.contrib.auth.decorators import login_not_required
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

from .models import GoodPractice

FEED_SIZE = 50


class PublishedPracticesFeed(Feed):
    feed_type = Atom1Feed
    title = _("Avoin: good practices of open government")
    subtitle = _("Newly published good practices from Finnish public administration.")

    def link(self):
        return reverse("reporting:practice_list")

    def items(self):
        return GoodPractice.objects.published().prefetch_related("organisations")[:FEED_SIZE]

    def item_title(self, item):
        return item.shown_title

    def item_description(self, item):
        # Atom carries the summary as HTML: escape it so that typed markup stays text.
        return escape(item.shown_summary)

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        return ", ".join(organisation.name for organisation in item.organisations.all())


practice_feed = login_not_required(PublishedPracticesFeed())
