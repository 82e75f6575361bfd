"""Readers of files from outside (case lists, answer files); they import only the domain."""
