"""Text recognition of page images with RapidOCR (PP-OCRv6 models shipped inside the wheel).

One engine per process, created on first use (about 1 s), running ONNX Runtime
on one thread: batches use one process per core instead.  The model files are
given by path, so RapidOCR never reaches its download code; nothing is fetched
at run time.

Settings, measured on rendered report pages at 150 dpi, clean and as poor scans
(tilt, blur, noise, JPEG; ``benchmarks/bench_scan.py``):

- ``Global.use_cls: false`` — the angle classifier turns some one-character
  boxes upside down: a lone “9” in a cell was read “6” and “960” “096”, with
  confidence 0.9999 (5 of 558 cells on clean pages).  Table cells are never
  upside down; without it every cell of the clean pages was read right.
- ``Global.text_score: 0.3`` (default 0.5) — a weak reading of a number is
  kept rather than dropped, so the cell is reported as uncertain (rule S119)
  instead of silently blank: on noisy 120-dpi scans it recovered 9 of 600
  number cells.  Lower thresholds changed nothing.
- Detection as shipped: ``Det.unclip_ratio`` 1.6 with ``Det.use_dilation``
  (2.0 merged boxes and doubled characters, “第第”; without dilation the
  numbering “二、” came loose from its label and pages took 40 % longer);
  ``Det.box_thresh`` 0.3 found nothing more but took 18 % longer; full page
  resolution (``Det.limit_type: max`` at 1280 saves 10–15 % time and 200 MB but
  misread 2 of 400 cells of noisy scans that full resolution read right).
  Boxes that still cross a cell rule are cut at the rule by the scan reader,
  using the character boxes (``return_word_box``).
- ``Rec.rec_img_shape`` width 320 as shipped: padding short boxes to 160
  instead made a table page 35 % faster but dropped the confidence of correctly
  read “0”s to 0.51, which would make S119 flag clean scans.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from gongkai.readers.layout import Word

PARAMS: dict[str, Any] = {
    "Global.use_cls": False,
    "Global.text_score": 0.3,
    "Global.log_level": "critical",
    "EngineConfig.onnxruntime.intra_op_num_threads": 1,
    "EngineConfig.onnxruntime.inter_op_num_threads": 1,
}
_MODELS = {
    "Det.model_path": "PP-OCRv6_det_small.onnx",
    "Rec.model_path": "PP-OCRv6_rec_small.onnx",
    "Cls.model_path": "ch_ppocr_mobile_v2.0_cls_mobile.onnx",
}

_engine: Any = None
_lock = threading.Lock()


@dataclass(frozen=True, slots=True)
class OcrLine:
    """A detected text line, with its characters' boxes when RapidOCR gives them."""

    word: Word
    chars: tuple[Word, ...]


def new_engine() -> Any:
    """A RapidOCR engine with the settings above (models loaded lazily on first call)."""
    logging.getLogger("RapidOCR").setLevel(logging.CRITICAL)
    import rapidocr

    root = Path(rapidocr.__file__).parent / "models"
    params = dict(PARAMS)
    params.update({key: str(root / name) for key, name in _MODELS.items()})
    return rapidocr.RapidOCR(params=params)


def engine() -> Any:
    """The process-wide engine, created on first use."""
    global _engine
    if _engine is None:
        with _lock:
            if _engine is None:
                _engine = new_engine()
    return _engine


def _box(points: Any) -> tuple[float, float, float, float]:
    pts = np.asarray(points, dtype=np.float64).reshape(-1, 2)
    return float(pts[:, 0].min()), float(pts[:, 1].min()), float(pts[:, 0].max()), float(pts[:, 1].max())


def ocr_lines(image: NDArray[np.uint8]) -> list[OcrLine]:
    """Text lines of an image (grey or RGB, pixel coordinates), each with its character boxes."""
    result = engine()(image, return_word_box=True)
    txts = getattr(result, "txts", None)
    boxes = getattr(result, "boxes", None)
    if not txts or boxes is None:
        return []
    scores = list(getattr(result, "scores", None) or [1.0] * len(txts))
    details = list(getattr(result, "word_results", None) or [])
    if len(details) != len(txts):
        details = [()] * len(txts)
    out: list[OcrLine] = []
    for text, box, score, chars in zip(txts, boxes, scores, details, strict=True):
        text = str(text).strip()
        if not text:
            continue
        word = Word(text, *_box(box), confidence=round(float(score), 4))
        glyphs = tuple(
            Word(str(ch), *_box(cbox), confidence=round(float(conf), 4))
            for ch, conf, cbox in chars
            if cbox is not None and str(ch).strip()
        )
        out.append(OcrLine(word, glyphs))
    return out


def ocr_words(image: NDArray[np.uint8]) -> list[Word]:
    """Recognised text runs of an image: text, box in pixels and confidence 0–1 (mean character probability)."""
    return [line.word for line in ocr_lines(image)]
