"""The 草稿 (draft) watermark as an image.

An image, not text: a draft must read back exactly like the final report, so the
watermark may not put characters into the text layer a reader extracts.
"""

from __future__ import annotations

import functools
import io
from pathlib import Path

from gongkai.render.document import DRAFT_MARK

FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/arphic/uming.ttc",
)


@functools.cache
def watermark_png(width: int = 1200, height: int = 1700) -> bytes:
    """A transparent A4-proportioned PNG with 草稿 drawn diagonally in light grey."""
    from PIL import Image, ImageDraw, ImageFont

    font_path = next((p for p in FONT_CANDIDATES if Path(p).exists()), None)
    size = width // 3
    font: ImageFont.FreeTypeFont | ImageFont.ImageFont
    font = ImageFont.truetype(font_path, size) if font_path else ImageFont.load_default(size)
    text = Image.new("RGBA", (size * len(DRAFT_MARK) + size // 2, size + size // 2), (255, 255, 255, 0))
    ImageDraw.Draw(text).text((size // 4, size // 8), DRAFT_MARK, font=font, fill=(200, 200, 200, 150))
    text = text.rotate(35, expand=True, resample=Image.Resampling.BICUBIC)
    page = Image.new("RGBA", (width, height), (255, 255, 255, 0))
    page.alpha_composite(text, ((width - text.width) // 2, (height - text.height) // 2))
    out = io.BytesIO()
    page.save(out, format="PNG", optimize=True)
    return out.getvalue()
