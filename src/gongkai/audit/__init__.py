"""Audit: rules that find defects in an AnnualReport."""

from gongkai.audit.finding import Finding, Location, Severity
from gongkai.audit.rule import Rule, all_rules, register, select_rules
from gongkai.audit.runner import audit

__all__ = ["Finding", "Location", "Rule", "Severity", "all_rules", "audit", "register", "select_rules"]
