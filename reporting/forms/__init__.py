"""Forms, one module per concern."""
