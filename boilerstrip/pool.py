"""An ordered, bounded map over worker processes: the engine under ``clean_many``.

``ProcessPoolExecutor.map`` and ``multiprocessing.Pool.imap`` both read their whole input
before the first result comes back, so a generator of a million pages would sit in memory.
Here at most ``window`` chunks are in flight: a new chunk is read from the input only when
the oldest one's results have been handed on, which also keeps the output in input order.
"""

from __future__ import annotations

import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Generic, NamedTuple, TypeVar

_In = TypeVar("_In")
_Out = TypeVar("_Out")

ChunkFunction = Callable[[list[_In]], list[_Out]]
LostFunction = Callable[[list[_In], str], list[_Out]]


def _ignore_sigint() -> None:
    """Workers leave Ctrl-C to the parent, which stops them: a worker interrupted while it
    waits for work would otherwise print a traceback of the pool's internals."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


class _Workers(Generic[_In, _Out]):
    """A process pool that is replaced when a worker dies (killed, out of memory, a crash
    in an extension), so that one bad page costs the chunks in flight and not the batch."""

    def __init__(self, jobs: int, function: ChunkFunction[_In, _Out]) -> None:
        self._jobs = jobs
        self._function = function
        self._executor: ProcessPoolExecutor | None = None
        # Which pool a future came from: the futures of a broken pool fail one by one, and
        # only the first of them may replace it (the others would end its successor).
        self._generation = 0

    def submit(self, chunk: list[_In]) -> _Task[_In, _Out]:
        if self._executor is None:
            self._executor = ProcessPoolExecutor(self._jobs, initializer=_ignore_sigint)
        try:
            return _Task(chunk, self._executor.submit(self._function, chunk), self._generation)
        except BrokenProcessPool:
            self._replace(self._generation)
            return self.submit(chunk)

    def collect(self, task: _Task[_In, _Out], lost: LostFunction[_In, _Out]) -> list[_Out]:
        """The results of ``task``'s chunk; ``lost(chunk, why)`` when its worker died."""
        try:
            return task.future.result()
        except BrokenProcessPool as error:
            self._replace(task.generation)
            return lost(task.chunk, f"its worker process died ({error})")
        except Exception:
            # The chunk or its results could not be pickled (a parsed lxml tree, say): run
            # it here, where nothing needs pickling. The function itself never raises.
            return self._function(task.chunk)

    def _replace(self, generation: int) -> None:
        """Drop the broken pool of ``generation``; the next ``submit`` starts a new one."""
        if generation == self._generation and self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = None
            self._generation += 1

    def close(self, *, kill: bool) -> None:
        """Wait for the workers to exit, or, after an interruption, end them at once."""
        executor, self._executor = self._executor, None
        if executor is None:
            return
        if kill:
            # A worker busy with a long page would hold up Ctrl-C until it finished; the
            # pool has no public way to end its processes, so they are terminated here.
            for process in list((getattr(executor, "_processes", None) or {}).values()):
                process.terminate()
        executor.shutdown(wait=True, cancel_futures=True)


class _Task(NamedTuple, Generic[_In, _Out]):
    chunk: list[_In]
    future: Future[list[_Out]]
    generation: int


def ordered_map(
    function: ChunkFunction[_In, _Out],
    chunks: Iterable[list[_In]],
    *,
    jobs: int,
    window: int,
    lost: LostFunction[_In, _Out],
) -> Iterator[list[_Out]]:
    """``function(chunk)`` of each chunk, run in ``jobs`` processes, yielded in input order
    with at most ``window`` chunks read ahead. ``function`` must be picklable."""
    workers: _Workers[_In, _Out] = _Workers(jobs, function)
    pending: deque[_Task[_In, _Out]] = deque()
    finished = False
    try:
        for chunk in chunks:
            pending.append(workers.submit(chunk))
            # Results leave as soon as they are ready, not only when the window is full: a
            # slow stream of pages (a pipe) still sees its results come out.
            while pending and (len(pending) >= window or pending[0].future.done()):
                yield workers.collect(pending.popleft(), lost)
        while pending:
            yield workers.collect(pending.popleft(), lost)
        finished = True
    finally:
        # Also reached when the caller stops iterating early (GeneratorExit) or on Ctrl-C.
        workers.close(kill=not finished)
