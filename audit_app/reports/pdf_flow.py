"""The summary PDF's page-flow end: a long table's tail never sits alone on the last page."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import Flowable


class KeepTail(Flowable):
    """A splittable flowable (a long table or line list) and the short flowables after it,
    split so that the piece on the last page (the inner flowable's tail with the trailer) is
    at least min_height tall: rows move to the next page rather than leave the final block a
    line or two on a page of its own."""

    def __init__(self, inner: Flowable, trailer: Sequence[Flowable] = (),
                 min_height: float = 0.0) -> None:
        super().__init__()
        self.inner = inner
        self.trailer = list(trailer)
        self.min_height = min_height
        self._inner_height = 0.0
        self._heights: list[float] = []

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._inner_height = self.inner.wrap(avail_width, avail_height)[1]
        total, before = self._inner_height, self.inner
        self._heights = []
        for flowable in self.trailer:
            height = flowable.wrap(avail_width, avail_height)[1]
            self._heights.append(height)
            total += before.getSpaceAfter() + flowable.getSpaceBefore() + height
            before = flowable
        self.width, self.height = avail_width, total
        return self.width, self.height

    def getSpaceBefore(self) -> float:  # noqa: N802 (reportlab's name)
        return float(self.inner.getSpaceBefore())

    def getSpaceAfter(self) -> float:  # noqa: N802 (reportlab's name)
        return float((self.trailer[-1] if self.trailer else self.inner).getSpaceAfter())

    def draw(self) -> None:
        y = self.height - self._inner_height
        self.inner.drawOn(self.canv, 0, y)
        before = self.inner
        for flowable, height in zip(self.trailer, self._heights, strict=True):
            y -= before.getSpaceAfter() + flowable.getSpaceBefore() + height
            flowable.drawOn(self.canv, 0, y)
            before = flowable

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        total = self.wrap(avail_width, avail_height)[1]
        if total <= avail_height:
            return [self]
        # The first piece may use the page, but must leave min_height (and always some of the
        # inner flowable) for the last piece.
        room = min(avail_height, total - self.min_height, self._inner_height - 1.0)
        if room <= 0:
            return []  # everything moves to the next page together
        parts = self.inner.split(avail_width, room)
        if len(parts) < 2:
            return []
        return [*parts[:-1], KeepTail(parts[-1], self.trailer, self.min_height)]
