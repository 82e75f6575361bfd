"""Reading and validating checklist files; depends on the domain only."""
