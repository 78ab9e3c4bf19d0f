"""records.xlsx written in a process of its own, beside the process that writes the other outputs.

XlsxWriter's write methods cost ~5 µs per cell (~2 ms per document; most rows now go straight into its
row stream, :mod:`.xlsx_rows`, ~0.5 ms per document): in the process that owns the other files the
workbook was most of the rebuild's serial part. :class:`WorkbookProcess`
has the writer's interface; the rows of each document arrive already pickled by the worker that
rendered them (:attr:`Fragment.xlsx <llm_extract.export.fragment.Fragment>`) and are passed on
as bytes through a pipe, so this process neither builds nor copies them cell by cell. A full pipe
makes the sender wait: memory stays flat when the workbook is the slower side.

The workbook process stages the file exactly as :class:`~.xlsx.XlsxWriter` does; an error in it
(a full disk) is raised again here by :meth:`WorkbookProcess.stage`; an error, :meth:`abort` or the
caller going away leaves no temporary file behind (a process killed outright leaves its file to the
next run's cleanup of temporary files). :class:`InlineWorkbook` is the same interface
in this process (small batches: a process costs more than it saves).
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import pickle
import signal
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from ..analysis import Rollup
from ..workers import end_with_parent
from .xlsx import MAX_ROWS, SheetRows, XlsxWriter

__all__ = ["WorkbookProcess", "InlineWorkbook", "pack_rows"]

_STAGE, _ABORT = b"stage", b"abort"


def pack_rows(rows: SheetRows) -> bytes:
    """A document's workbook rows as they travel (made in the worker that rendered them)."""
    return pickle.dumps(rows, protocol=pickle.HIGHEST_PROTOCOL)


class InlineWorkbook:
    """The workbook written in this process, from packed rows."""

    def __init__(self, path: Path, *, max_rows: int = MAX_ROWS) -> None:
        self.writer = XlsxWriter(path, max_rows=max_rows)

    def add_packed(self, packed: bytes) -> None:
        self.writer.add_rows(pickle.loads(packed))

    def add_failed(self, failure: dict[str, Any]) -> None:
        self.writer.add_failed(failure)

    def add_rollups(self, rollups: list[Rollup]) -> None:
        self.writer.add_rollups(rollups)

    def start_staging(self) -> None:
        """(Nothing to start: :meth:`stage` finishes the workbook in this process.)"""

    def stage(self) -> Path:
        return self.writer.stage()

    def abort(self) -> None:
        self.writer.abort()


def _serve(conn: Connection, path: Path, max_rows: int, callers_end: Connection, caller: int) -> None:
    """The workbook process: rows and calls from the pipe until ``stage`` (answered) or ``abort``."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)   # Ctrl-C is the caller's to handle (it aborts this)
    # a caller killed outright (kill -9) must end this process too: forked, it holds the caller's end of the
    # pipe (closed here, so the caller going away is an EOF) and every descriptor the caller had open (OUT's
    # lock, ``serve``'s listening socket), which it would keep while it waited forever
    callers_end.close()
    end_with_parent(caller)
    gc.freeze()        # what the fork inherited is never collected here: the collector does not walk (and copy) it
    writer: XlsxWriter | None = None
    error: BaseException | None = None
    try:
        writer = XlsxWriter(path, max_rows=max_rows)
        while (message := conn.recv_bytes()) not in (_STAGE, _ABORT):
            if error is not None:
                continue                        # drain until the caller asks for the result
            try:
                item = pickle.loads(message)
                if isinstance(item, dict):
                    writer.add_rows(item)
                elif item[0] == "failed":
                    writer.add_failed(item[1])
                else:
                    writer.add_rollups(item[1])
            except Exception as exc:            # told to the caller at stage
                error = exc
        if message == _ABORT or error is not None:
            writer.abort()
            if message == _STAGE:
                conn.send(("error", _portable(error)))
            return
        try:
            staged = writer.stage()
        except Exception as exc:
            writer.abort()
            conn.send(("error", _portable(exc)))
        else:
            conn.send(("ok", staged))
    except (EOFError, OSError):                 # the caller went away: leave nothing behind
        if writer is not None:
            writer.abort()
    except BaseException:
        if writer is not None:
            writer.abort()
        raise
    finally:
        conn.close()


def _portable(exc: BaseException | None) -> BaseException:
    try:
        return pickle.loads(pickle.dumps(exc))
    except Exception:
        return RuntimeError(f"records.xlsx: {exc!r}")


class WorkbookProcess:
    """The workbook written in a process of its own (see the module docstring)."""

    def __init__(self, path: Path, *, max_rows: int = MAX_ROWS) -> None:
        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork" if "fork" in methods else None)
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child, path, max_rows, self.conn, os.getpid()),
                                       name="llm-extract workbook",
                                       daemon=True)
        self.process.start()
        child.close()
        self.staging = False

    def add_packed(self, packed: bytes) -> None:
        self.conn.send_bytes(packed)

    def add_failed(self, failure: dict[str, Any]) -> None:
        self.conn.send_bytes(pickle.dumps(("failed", failure)))

    def add_rollups(self, rollups: list[Rollup]) -> None:
        self.conn.send_bytes(pickle.dumps(("rollups", rollups)))

    def start_staging(self) -> None:
        """Ask the workbook process to finish the file (XlsxWriter's closing and zipping) and return at
        once: the caller finishes its other outputs meanwhile, then takes the result with :meth:`stage`."""
        if not self.staging:
            self.staging = True
            try:
                self.conn.send_bytes(_STAGE)
            except OSError as exc:
                raise self._ended() from exc

    def stage(self) -> Path:
        """Wait for the workbook; the finished file is the returned temporary path (renamed by the caller)."""
        try:
            self.start_staging()
            status, result = self.conn.recv()
        except (EOFError, OSError) as exc:
            raise self._ended() from exc
        finally:
            self._end()
        if status != "ok":
            raise result
        return Path(result)

    def abort(self) -> None:
        if self.staging:                      # it is finishing the file: wait for it, and remove what it made
            self._discard_staged()
        else:
            try:
                self.conn.send_bytes(_ABORT)
            except OSError:
                pass
        self._end(wait=5)   # a message cut short by an interrupt may keep it waiting: then it is ended

    def _ended(self) -> RuntimeError:
        self.process.join(timeout=1)
        return RuntimeError(f"records.xlsx: the workbook process ended ({self.process.exitcode})")

    def _discard_staged(self, wait: float = 60) -> None:
        try:
            if self.conn.poll(wait):
                status, result = self.conn.recv()
                if status == "ok":
                    Path(result).unlink(missing_ok=True)
        except (EOFError, OSError):
            pass

    def _end(self, wait: float = 60) -> None:
        self.process.join(timeout=wait)
        if self.process.is_alive():
            self.process.terminate()
            self.process.join()
        self.conn.close()
