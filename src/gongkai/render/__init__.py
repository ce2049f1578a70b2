"""Renderers: JSON, text (terminal), CSV and Excel views of reports and audit results."""

from gongkai.render.json import report_to_json, results_to_json

__all__ = ["report_to_json", "results_to_json"]
