"""Demo data for `manage.py seed_demo`: invented, generic, marked as demo; DEBUG only."""
