"""Arithmetic rules."""
