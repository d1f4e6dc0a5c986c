"""Writes that span several models or send mail, one module per concern."""
