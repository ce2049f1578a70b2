"""One exception hierarchy for misuse, and the stable codes for per-document errors.

Defects in a report's data are findings (``gongkai.audit``), never exceptions.
A document that cannot be read is recorded as a :class:`DocumentError` in the
result with status ``failed``; :class:`InputError` carries it out of a reader.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

DOCUMENT_ERRORS: dict[str, str] = {
    "E101": "文件不存在",
    "E102": "文件无法读取",
    "E103": "文件为空",
    "E104": "不支持的文件格式",
    "E105": "无法识别文本编码",
    "E106": "不是政府信息公开工作年度报告",
    "E107": "文件过大",
    "E108": "读取时发生内部错误",
    "E109": "文件已加密",
    "E110": "文件已损坏",
    "E111": "超出页数上限",
    "E112": "处理超时",
    "E113": "缺少外部转换程序",
    "E114": "疑似压缩炸弹",
    "E115": "没有可读的文字或图像",
    "E116": "不是 gongkai 生成的填报工作簿或结构已被改动",
    "E117": "结构化报告（JSON/YAML）有错误",
    "E118": "上年报告与本报告不是相邻年度",
    "E119": "内容超出上限",
    "E120": "报告格式无法按2021年格式生成",
    "E121": "超出工作进程内存上限",
    "E122": "工作进程意外退出",
    "E123": "上年报告不是同一机关的报告",
    # E131–E139: a report fetched from the web (gongkai.batch.fetch)
    "E131": "网址无法访问（连接失败或超时）",
    "E132": "服务器返回错误状态",
    "E133": "被 robots.txt 禁止抓取",
    "E134": "重定向过多或循环",
    "E135": "下载内容超出大小上限",
    "E136": "下载超时",
    "E137": "网址无效",
}
"""Stable codes of per-document errors (never reused)."""

REGISTER_ERRORS: dict[str, str] = {
    "E201": "无法打开数据库",
    "E202": "数据库未初始化或版本不符",
    "E203": "记录不存在",
    "E204": "记录或事件不符合规定",
    "E205": "台账文件有错误",
    "E206": "编号重复",
    "E207": "工作日历文件有错误",
    "E208": "日期超出工作日历范围",
    "E209": "机关不存在或已存在",
    "E210": "无法连接 Dask 调度器",
}
"""Stable codes of the case register, the store and the corpus runner (never reused)."""

WEB_ERRORS: dict[str, str] = {
    "E301": "未登录或登录已过期",
    "E302": "无权访问",
    "E303": "用户名或密码错误",
    "E304": "登录尝试过多",
    "E305": "表单已过期（CSRF 校验失败）",
    "E306": "上传的文件被拒绝",
    "E307": "页面或记录不存在",
    "E308": "请求内容不符合要求",
}
"""Stable codes of the web application (never reused); each maps to an HTTP status in ``gongkai.web``."""


@dataclass(frozen=True, slots=True, kw_only=True)
class DocumentError:
    """Why one document could not be read (or audited): a stable code and a Chinese message."""

    code: str
    message: str
    stage: Literal["read", "extract", "audit"] = "read"


class GongkaiError(Exception):
    """Base of every exception gongkai raises on purpose."""


class InputError(GongkaiError):
    """A source document cannot be read; carries a stable code and a Chinese message."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(f"{code} {message}")
        self.code = code
        self.message = message

    def to_error(self, stage: Literal["read", "extract", "audit"] = "read") -> DocumentError:
        return DocumentError(code=self.code, message=self.message, stage=stage)


class UsageError(GongkaiError):
    """The caller used the API or CLI wrongly (bad option, unknown rule code…)."""


class OutputError(GongkaiError):
    """An output file cannot be written (no such folder, no permission, disk full); names the file."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"无法写入输出文件 {path}：{reason}")
        self.path = path
        self.reason = reason


class RegisterError(GongkaiError):
    """The case register refuses an operation: a stable code (``REGISTER_ERRORS``), a Chinese message and,
    for a file rejected as a whole, every problem found (``details``: one line each, with row and column)."""

    def __init__(self, code: str, message: str, details: tuple[str, ...] = ()) -> None:
        super().__init__(f"{code} {message}")
        self.code = code
        self.message = message
        self.details = details


class WebError(GongkaiError):
    """The web application refuses a request: a stable code (``WEB_ERRORS``) and a Chinese message."""

    def __init__(self, code: str, message: str | None = None) -> None:
        text = message or WEB_ERRORS.get(code, "")
        super().__init__(f"{code} {text}")
        self.code = code
        self.message = text
