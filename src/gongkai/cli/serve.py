"""``gongkai serve``: the web application (uvicorn), on the store or, with ``--demo``, on a demo store."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from gongkai.cli.app import app, err
from gongkai.cli.help import Command

DEMO_DB = "demo.db"


@app.command("serve", cls=Command)
def serve(
    host: Annotated[str, typer.Option("--host", metavar="地址", help="监听地址。")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", metavar="端口", min=1, max=65535, help="监听端口。")] = 8000,
    demo: Annotated[
        bool,
        typer.Option("--demo", help="使用演示数据库（数据目录下的 demo.db）：首次启动时写入演示机关、用户和样例数据。"),
    ] = False,
    workers: Annotated[
        int,
        typer.Option(
            "--workers",
            metavar="进程数",
            min=1,
            max=64,
            help="工作进程数（默认 1）。多核服务器上可设为核数，以便并发请求不必排队等待同一个进程；不能与 --demo 同用。",
        ),
    ] = 1,
) -> None:
    """启动网页应用（浏览器访问 http://地址:端口/）。数据库由 GONGKAI_DATABASE_URL 指定，默认为数据目录下的 SQLite 文件。"""
    import uvicorn

    from gongkai.store.engine import open_store
    from gongkai.store.settings import Settings

    if demo and workers > 1:
        raise typer.BadParameter(
            "演示数据库只能由一个工作进程写入：--demo 不能与 --workers 同用", param_hint="--workers"
        )
    if demo:
        os.environ["GONGKAI_DEMO"] = "1"
        if not os.environ.get("GONGKAI_DATABASE_URL", "").strip():
            data = Settings().data_dir
            data.mkdir(parents=True, exist_ok=True)
            os.environ["GONGKAI_DATABASE_URL"] = f"sqlite:///{data / DEMO_DB}"
        err(f"演示数据库：{os.environ['GONGKAI_DATABASE_URL']}")
        err("演示账号（密码均为 gongkai-demo）：admin 管理员、clerk 经办人、approver 审核人、supervisor 监督人员")
    else:
        open_store().dispose()  # E202 before the server starts: migrations are applied only by `gongkai db upgrade`
    err(f"网页应用：http://{host}:{port}/  （Ctrl-C 停止）")
    uvicorn.run(
        "gongkai.web.app:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="warning",
        access_log=False,
    )
