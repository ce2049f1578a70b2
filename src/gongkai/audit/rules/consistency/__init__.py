"""Consistency rules."""
