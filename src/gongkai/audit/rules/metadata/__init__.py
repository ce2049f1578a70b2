"""Metadata rules."""
