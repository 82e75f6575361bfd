"""Use cases; each public method owns its transaction and returns plain records."""
