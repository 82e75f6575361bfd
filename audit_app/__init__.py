"""Granska: internal-control case audits for Swedish child and youth social services."""

__version__ = "0.1.0"
