"""Display logic too heavy for templates, one module per concern."""
