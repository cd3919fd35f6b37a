"""The progress bar of `extract`, `ingest` and `reprocess` (rich), on stderr and only on a terminal."""

from __future__ import annotations

from typing import Any

_PROGRESS_AFTER = 5  # articles: below this a progress bar is noise


class Progress:
    """Articles done (of `total` when known), articles/s and articles with errors."""

    def __init__(self, total: int | None, *, enabled: bool):
        self.enabled = enabled
        self._total = total
        self._bar: Any = None
        self._task: Any = None

    def update(self, done: int, errors: int, total: int | None = None) -> None:
        """`total`, when given, is how many there are to do (known only once work began)."""
        if not self.enabled or done < _PROGRESS_AFTER:
            return
        if self._bar is None:
            self._total = total or self._total
            self._start()
        self._bar.update(self._task, completed=done, errors=errors)

    def _start(self) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, ProgressColumn, TextColumn, TimeElapsedColumn
        from rich.progress import Progress as RichProgress
        from rich.text import Text

        class Rate(ProgressColumn):
            def render(self, task: Any) -> Text:
                speed = task.finished_speed or task.speed
                return Text(f"{speed:.1f} articles/s" if speed else "… articles/s", style="progress.data.speed")

        self._bar = RichProgress(
            BarColumn(), MofNCompleteColumn(), Rate(), TextColumn("{task.fields[errors]} with errors"),
            TimeElapsedColumn(), console=Console(stderr=True), refresh_per_second=5)
        self._task = self._bar.add_task("articles", total=self._total, errors=0)
        self._bar.start()

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()
