"""A streaming batch collects garbage less often, and leaves the process's settings as it found them."""

import gc

from marsad.model import Article
from marsad.pipeline import Pipeline

ARTICLES = [Article(id=str(i), text="التقى وزير الخارجية المصري نظيره الأردني في عمان اليوم.") for i in range(3)]


def test_pipe_restores_gc_thresholds_when_done_and_when_stopped_early():
    pipeline = Pipeline(["marsad.text.v1"])
    before = gc.get_threshold()
    stream = pipeline.pipe(ARTICLES)
    next(stream)
    assert gc.get_threshold()[0] >= 10_000
    list(stream)
    assert gc.get_threshold() == before
    stopped = pipeline.pipe(ARTICLES)
    next(stopped)
    stopped.close()
    assert gc.get_threshold() == before


def test_interleaved_batches_restore_thresholds_when_the_last_ends():
    pipeline = Pipeline(["marsad.text.v1"])
    before = gc.get_threshold()
    first, second = pipeline.pipe(ARTICLES), pipeline.pipe(ARTICLES)
    next(first)
    next(second)
    list(first)
    assert gc.get_threshold()[0] >= 10_000  # the second batch still streams
    list(second)
    assert gc.get_threshold() == before
