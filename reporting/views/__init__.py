"""Views, one module per concern; `reporting/urls.py` names them."""
