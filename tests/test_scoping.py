"""Organisation-owned data is reached only through the user's scope (organisations/access.py).

In the spirit of the NHS breast-screening service's `lint_model_usage_in_views.py`: a view that
writes `ContactPerson.objects…` or `get_object_or_404(GoodPractice, …)` without `visible_to()`,
`editable_by()` or (for what is public anyway) `published()` in the same expression fails here.
Rows reached through an organisation the view already scoped (`organisation.contact_persons`)
are fine.
"""

import ast
from pathlib import Path

from django.apps import apps

from organisations.models import Organisation

ROOT = Path(__file__).resolve().parents[1]
SCOPES = {"visible_to", "editable_by", "published", "none"}
SCOPED_LOOKUPS = {"object_for"}  # organisations.access.object_for applies visible_to itself


def organisation_owned_models():
    """Every model with a foreign key or many-to-many to Organisation (not history copies)."""
    return {
        model.__name__
        for model in apps.get_models()
        if model is not Organisation
        and not model.__name__.startswith("Historical")
        and any(
            field.is_relation and field.related_model is Organisation and not field.auto_created
            for field in model._meta.get_fields()
        )
    }


def _continues(parent, node):
    """Whether `parent` goes on with the expression `node` (`node.x` or `node(...)`)."""
    return (isinstance(parent, ast.Attribute) and parent.value is node) or (
        isinstance(parent, ast.Call) and parent.func is node
    )


def unscoped_uses(source, owned):
    """(line, model) of every use of an owned model's manager without a scope in its chain."""
    tree = ast.parse(source)
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    found = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and node.attr in ("objects", "_default_manager")
            and isinstance(node.value, ast.Name)
            and node.value.id in owned
        ):
            chain, current = set(), node
            while _continues(parents.get(current), current):
                current = parents[current]
                if isinstance(current, ast.Attribute):
                    chain.add(current.attr)
            outer = parents.get(current)
            looked_up = (
                isinstance(outer, ast.Call)
                and isinstance(outer.func, ast.Name)
                and outer.func.id in SCOPED_LOOKUPS
            )
            if not chain & SCOPES and not looked_up:
                found.append((node.lineno, node.value.id))
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "get_object_or_404"
            and node.args
            and isinstance(node.args[0], ast.Name)
            and node.args[0].id in owned
        ):
            found.append((node.lineno, node.args[0].id))
    return sorted(found)


def view_modules():
    for path in sorted(ROOT.glob("*/**/*.py")):
        if ".venv" in path.parts or "tests" in path.parts:
            continue
        if path.name == "views.py" or path.parent.name == "views":
            yield path


def test_the_models_that_belong_to_organisations_are_known():
    owned = organisation_owned_models()
    assert {"ContactPerson", "Membership", "NominationRequest", "GoodPractice"} <= owned


def test_views_reach_organisation_data_only_through_a_scope():
    owned = organisation_owned_models()
    found = [
        f"{path.relative_to(ROOT)}:{line} {model}"
        for path in view_modules()
        for line, model in unscoped_uses(path.read_text(encoding="utf-8"), owned)
    ]
    assert list(view_modules())
    assert not found


def test_the_check_finds_an_unscoped_query():
    source = (
        "def bad(request, pk):\n"
        "    a = ContactPerson.objects.filter(pk=pk).first()\n"
        "    b = get_object_or_404(GoodPractice, pk=pk)\n"
        "    c = GoodPractice.objects.select_related('x').visible_to(request.user)\n"
        "    d = GoodPractice.objects.published().filter(pk=pk)\n"
        "    e = object_for(request, GoodPractice.objects.prefetch_related('x'), pk=pk)\n"
    )
    assert unscoped_uses(source, {"ContactPerson", "GoodPractice"}) == [
        (2, "ContactPerson"),
        (3, "GoodPractice"),
    ]
