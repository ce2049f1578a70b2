"""gongkai (公开): read, audit and write 政府信息公开工作年度报告."""

from gongkai.api import check_path, read_report

__version__ = "0.1.0"

__all__ = ["__version__", "check_path", "read_report"]
