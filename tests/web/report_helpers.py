"""Records for the report tests, written straight into the test store through the repository."""

from __future__ import annotations

import datetime as dt

from gongkai.store import repo
from gongkai.store.engine import open_engine, session_scope
from gongkai.web.settings import WebSettings

YEAR = 2024


def add_decided(
    settings: WebSettings, agency: str, number: str, applicant: str, outcome: str, received: dt.date
) -> str:
    """An application received and decided in the year; its id."""
    engine = open_engine(settings.store().database_url)
    try:
        with session_scope(engine, actor="test") as session:
            app_id = repo.add_application(session, agency, number, applicant, received)
            repo.append_event(session, app_id, "decided", received + dt.timedelta(days=3), outcome=outcome)
            return app_id
    finally:
        engine.dispose()


def texts_form(token: str, **texts: str) -> dict[str, str]:
    """The texts form: every 【待填写】 mark replaced (``texts`` overrides single sections)."""
    data = {
        "csrf_token": token,
        "text_0": "本报告根据《条例》编制。统计期限自{metadata.period_start}起至{metadata.period_end}止。"
        "如对本报告有疑问，请与区政府办公室联系（电话 0517-00000000）。",
        "text_1": "{metadata.year}年，{metadata.agency}认真贯彻落实《条例》。\n（一）主动公开\n本年度主动公开信息。\n"
        "（二）依申请公开\n本年度共收到政府信息公开申请{table3.new_received.total}件。",
        "text_5": "（一）存在的主要问题\n公开内容有待丰富。\n（二）改进情况\n下一步加强培训。",
        "text_6": "（一）收取信息处理费情况\n本年度未收取信息处理费。\n（二）其他需要报告的事项\n无。",
        "signature_date": f"{YEAR + 1}-01-20",
    }
    data.update(texts)
    return data
