"""Exports written whole or not at all: each is filled in a folder beside its target, then
moved into place.

An export rewritten file by file over an older one can be interrupted (a kill, a full disk,
Ctrl-C) between two files, and leave a descriptor beside truncated or mixed tables that
readers take as complete. Here every file is written into a new hidden folder next to the
target (``.NAME.<token>.partial``, on the same file system, so moving it is a rename); only
when the export is complete is it synced and renamed to the target's name. A folder that
already holds an export is first renamed aside (``.NAME.<token>.old``) and deleted only
after the new one is in place, so an interrupted run leaves, at the target's name, the old
export, the new one, or (killed between the two renames) nothing, with the old one whole
beside it. Never a mix.

Writers racing for one target each finish whole: the last rename wins, and a writer whose
target was filled by another while it ran stops with an ``ExportTargetError``.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import stat
from collections.abc import Iterator
from pathlib import Path

__all__ = ["ExportTargetError", "replacing"]


class ExportTargetError(FileExistsError):
    """The folder named for an export cannot take it, and nothing was written.

    It holds something and ``force`` was not given; it is a file; it is or holds the working
    directory; even with ``force``, it holds folders (no export writes any); or another
    writer filled it while this export ran. ``str()`` is one line naming the folder;
    ``filename`` is the folder as it was given.
    """

    def __str__(self) -> str:
        return str(self.strerror)


@contextlib.contextmanager
def replacing(target: str | os.PathLike[str], *, force: bool = False) -> Iterator[Path]:
    """Give an empty folder to write an export into; on a clean exit it becomes ``target``.

    ``target`` may be missing (it is created, with its parents) or an empty folder; a folder
    holding anything is refused with an ``ExportTargetError`` unless ``force``, which
    replaces it whole, and a file always is. A symbolic link is followed, and still points to
    the export afterwards. On an exception the partial folder is deleted and ``target`` is
    left as it was. The new folder takes the permission bits of the folder it replaces.
    """
    given = os.fspath(target)
    # The rename must happen where the link leads, beside the folder it replaces.
    final = Path(os.path.realpath(given))
    refusal = _refusal(final, given, force=force)
    if refusal is not None:
        raise ExportTargetError(errno.EEXIST, refusal, given)
    final.parent.mkdir(parents=True, exist_ok=True)
    work = _sibling(final, "partial")
    os.mkdir(work)  # with the umask's permissions, unlike tempfile.mkdtemp's 0o700
    try:
        yield work
        _sync(work)
        _move_into_place(work, final, given, force=force)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise


def _refusal(final: Path, given: str, *, force: bool) -> str | None:
    """Why ``final`` cannot be replaced by an export, or ``None`` if it can."""
    if not final.exists():
        return None
    if not final.is_dir():
        return f"{given!r} is a file; give a folder to write the export into"
    with contextlib.suppress(OSError):  # no working directory (deleted): nothing to protect
        cwd = Path.cwd()
        if final == cwd or final in cwd.parents:
            # Renaming it away would leave this process, and the shell, in a deleted folder.
            return (
                f"{given!r} is the working directory or holds it: "
                "give a folder of its own to write the export into"
            )
    try:
        with os.scandir(final) as scan:
            entries = list(scan)
    except FileNotFoundError:  # another writer moved it aside since: the name is free
        return None
    if not entries:
        return None
    if not force:
        return (
            f"{given!r} is not empty: write into a new or empty folder, or pass force=True "
            "(--force) to replace it whole"
        )
    folders = sorted(e.name for e in entries if e.is_dir(follow_symlinks=False))
    if folders:
        # No export writes a subfolder, so this is not one: --force must not delete a home
        # directory or a project given by mistake.
        return (
            f"{given!r} holds folders ({', '.join(folders[:3])}), so it is not an export and "
            "is not replaced even with force; remove it yourself if that is meant"
        )
    return None


def _move_into_place(work: Path, final: Path, given: str, *, force: bool) -> None:
    with contextlib.suppress(OSError):  # nothing there, or not ours to read: the umask's bits
        os.chmod(work, stat.S_IMODE(os.stat(final).st_mode))
    old = None
    try:
        os.rmdir(final)  # only ever removes an empty folder, however it changed since the check
    except FileNotFoundError:
        pass
    except OSError as error:
        if error.errno not in (errno.ENOTEMPTY, errno.EEXIST):
            raise
        if not force:  # empty when checked, filled since: by another writer
            raise _filled(given) from None
        old = _sibling(final, "old")
        try:
            os.rename(final, old)
        except FileNotFoundError:  # another writer moved it away meanwhile: the name is free
            old = None
    try:
        os.rename(work, final)
    except OSError as error:
        # The old export goes back if the name is still free; if another writer's export
        # took it meanwhile, that one stays, whole, and the old one is kept beside it.
        if old is not None:
            with contextlib.suppress(OSError):
                os.rename(old, final)
        if error.errno in (errno.ENOTEMPTY, errno.EEXIST):
            raise _filled(given) from None
        raise
    _sync_folder(final.parent)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def _filled(given: str) -> ExportTargetError:
    return ExportTargetError(
        errno.EEXIST,
        f"{given!r} was filled by another writer while this export ran; it is left as written",
        given,
    )


def _sibling(final: Path, role: str) -> Path:
    # Hidden, named after the target (cut to stay within a file name's 255 bytes), unique.
    return final.with_name(f".{final.name[:200]}.{os.urandom(4).hex()}.{role}")


def _sync(folder: Path) -> None:
    """Put the export's files on disk before the rename, so that after a power cut the
    target's name never points at files not yet written."""
    with os.scandir(folder) as scan:
        files = [entry.path for entry in scan if entry.is_file(follow_symlinks=False)]
    for path in files:
        _fsync(path)
    _sync_folder(folder)


def _sync_folder(folder: Path) -> None:
    if os.name == "posix":  # Windows cannot open a folder to sync it; NTFS logs renames
        _fsync(folder)


def _fsync(path: str | Path) -> None:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
