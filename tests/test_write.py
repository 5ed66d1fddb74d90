"""Exports are written whole or not at all: the target folder always holds the complete old
export or the complete new one, never a mix, whatever stops the writer."""

from __future__ import annotations

import os
import random
import signal
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from icat_data import _arrow, _datapackage
from icat_data import _write as write_module
from icat_data._rows import ENTITIES, edition, records
from icat_data._write import ExportTargetError, replacing

#: A finished export of another edition that an interrupted export must leave whole.
OLD = {
    "datapackage.json": b'{"version": "2001.01.01", "resources": []}\n',
    "organizations.csv": b"id\r\nold\r\n",
}


def _files(folder: Path) -> dict[str, bytes]:
    """A flat folder's files and their bytes; a subfolder fails the test (exports are flat)."""
    found = {}
    for path in folder.iterdir():
        assert path.is_file(), path
        found[path.name] = path.read_bytes()
    return found


def _fill(folder: Path, files: dict[str, bytes]) -> None:
    for name, content in files.items():
        (folder / name).write_bytes(content)


def _old_export(target: Path) -> Path:
    target.mkdir(parents=True)
    _fill(target, OLD)
    return target


def _beside(target: Path) -> list[str]:
    """What else is in the target's parent: the temporary folders a writer left."""
    return sorted(p.name for p in target.parent.iterdir() if p.name != target.name)


def _refused(target: str | Path, *, force: bool = False) -> ExportTargetError:
    with pytest.raises(ExportTargetError) as raised, replacing(target, force=force) as folder:
        pytest.fail(f"the writer was given {folder}")
    return raised.value


def _write(target: str | Path, files: dict[str, bytes], *, force: bool = False) -> None:
    with replacing(target, force=force) as folder:
        _fill(folder, files)


def test_a_missing_target_is_created_with_its_parents(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b" / "icat"
    with replacing(target) as folder:
        assert folder.parent == target.parent
        assert folder.name.startswith(".icat.")
        assert not target.exists()  # nothing at the target's name until the export is whole
        _fill(folder, OLD)
    assert _files(target) == OLD
    assert _beside(target) == []


def test_an_empty_folder_is_replaced_and_keeps_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "icat"
    target.mkdir(mode=0o750)
    os.chmod(target, 0o750)  # whatever the umask
    _write(target, OLD)
    assert _files(target) == OLD
    assert stat.S_IMODE(target.stat().st_mode) == 0o750
    assert _beside(target) == []


def test_a_new_folder_has_the_umask_permissions_not_a_temporary_folders(tmp_path: Path) -> None:
    target = tmp_path / "icat"
    mask = os.umask(0o022)
    try:
        _write(target, OLD)
    finally:
        os.umask(mask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o755


def test_a_folder_that_holds_anything_is_refused_without_force(tmp_path: Path) -> None:
    target = tmp_path / "icat"
    target.mkdir()
    (target / ".hidden").write_text("mine")
    refused = _refused(target)
    message = str(refused)
    assert message == (
        f"{str(target)!r} is not empty: write into a new or empty folder, or pass force=True "
        "(--force) to replace it whole"
    )
    assert "\n" not in message
    assert isinstance(refused, FileExistsError)
    assert refused.filename == str(target)
    assert _files(target) == {".hidden": b"mine"}
    assert _beside(target) == []


def test_force_replaces_an_export_whole(tmp_path: Path) -> None:
    target = _old_export(tmp_path / "icat")
    new = {"events.parquet": b"new"}
    _write(target, new, force=True)
    assert _files(target) == new  # no file of the old export is left among the new
    assert _beside(target) == []


def test_a_file_is_refused_even_with_force(tmp_path: Path) -> None:
    target = tmp_path / "icat.csv"
    target.write_text("data")
    assert "is a file; give a folder" in str(_refused(target, force=True))
    assert target.read_text() == "data"
    assert _beside(target) == []


def test_force_does_not_replace_a_folder_that_holds_folders(tmp_path: Path) -> None:
    # Such a folder is no export: a home directory or a project named by mistake.
    target = _old_export(tmp_path / "home")
    (target / "projects").mkdir()
    assert "holds folders (projects), so it is not" in str(_refused(target, force=True))
    assert (target / "projects").is_dir()


def test_the_working_directory_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "icat"
    (target / "inner").mkdir(parents=True)
    for cwd, given in ((target, "."), (target / "inner", "..")):
        monkeypatch.chdir(cwd)
        assert "is the working directory or holds it" in str(_refused(given, force=True))
    assert (target / "inner").is_dir()


def test_a_symbolic_link_is_followed_and_still_points_to_the_export(tmp_path: Path) -> None:
    real = _old_export(tmp_path / "disk" / "icat")
    link = tmp_path / "icat"
    link.symlink_to(real, target_is_directory=True)
    new = {"events.parquet": b"new"}
    assert "is not empty" in str(_refused(link))
    with replacing(link, force=True) as folder:
        assert folder.parent == real.parent  # beside the folder it replaces: one rename
        _fill(folder, new)
    assert link.is_symlink()
    assert _files(link) == _files(real) == new
    dangling = tmp_path / "dangling"
    dangling.symlink_to(tmp_path / "nowhere" / "icat")
    _write(dangling, new)
    assert _files(tmp_path / "nowhere" / "icat") == new


@pytest.mark.parametrize("error", [RuntimeError("disk full"), KeyboardInterrupt()])
def test_an_error_while_writing_leaves_the_old_export(
    tmp_path: Path, error: BaseException
) -> None:
    target = _old_export(tmp_path / "icat")

    def interrupted() -> None:
        with replacing(target, force=True) as folder:
            (folder / "organizations.csv").write_bytes(b"id\r\nne")
            raise error

    with pytest.raises(type(error)):
        interrupted()
    assert _files(target) == OLD
    assert _beside(target) == []  # the partial folder is deleted


def test_a_failed_move_puts_the_old_export_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = _old_export(tmp_path / "icat")
    rename = os.rename

    def refuse_into_place(source: str | Path, destination: str | Path) -> None:
        if Path(source).name.endswith(".partial"):
            raise PermissionError(13, "Permission denied", str(destination))
        rename(source, destination)

    monkeypatch.setattr(os, "rename", refuse_into_place)
    with pytest.raises(PermissionError):
        _write(target, {"events.parquet": b"new"}, force=True)
    assert _files(target) == OLD
    assert _beside(target) == []


def test_a_folder_filled_while_writing_is_not_replaced_without_force(tmp_path: Path) -> None:
    target = tmp_path / "icat"
    target.mkdir()

    def filled_meanwhile() -> None:
        with replacing(target) as folder:
            _fill(folder, {"events.parquet": b"mine"})
            _fill(target, OLD)  # another program, meanwhile

    with pytest.raises(ExportTargetError, match="filled by another writer"):
        filled_meanwhile()
    assert _files(target) == OLD
    assert _beside(target) == []


def test_concurrent_writers_leave_one_whole_export(tmp_path: Path) -> None:
    target = _old_export(tmp_path / "icat")
    writers = 8
    exports = [
        {f"file{n}.csv": f"writer {w}, file {n}\n".encode() for n in range(5)}
        for w in range(writers)
    ]
    start = threading.Barrier(writers)
    failures: list[BaseException] = []

    def write(files: dict[str, bytes]) -> None:
        try:
            start.wait()
            _write(target, files, force=True)
        except ExportTargetError as error:  # lost the race: said so, and wrote nothing
            failures.append(error)

    threads = [threading.Thread(target=write, args=(files,)) for files in exports]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert _files(target) in exports
    assert len(failures) < writers
    assert [name for name in _beside(target) if name.endswith(".partial")] == []


# A child process that exports forever, alternating two real exports of different formats
# (a data package and Parquet files) over ``target``; it prints a line once it has begun.
_EXPORT_FOREVER = """
import sys
from pathlib import Path
from icat_data import _arrow, _datapackage
from icat_data._rows import ENTITIES, edition, records
from icat_data._write import replacing

target = Path(sys.argv[1])
tables = {e: _arrow.table(e, records(e), edition()) for e in ENTITIES}
print("started", flush=True)
while True:
    with replacing(target, force=True) as folder:
        _datapackage.write(folder)
    with replacing(target, force=True) as folder:
        _arrow.write_parquet(folder, tables)
"""


@pytest.fixture(scope="module")
def complete(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, bytes]]:
    """The two exports the child writes, as complete folders."""
    folder = tmp_path_factory.mktemp("complete")
    _datapackage.write(folder / "datapackage")
    (folder / "parquet").mkdir()
    _arrow.write_parquet(
        folder / "parquet", {e: _arrow.table(e, records(e), edition()) for e in ENTITIES}
    )
    return [_files(folder / "datapackage"), _files(folder / "parquet")]


def _whole(target: Path, complete: list[dict[str, bytes]]) -> None:
    """The target is one complete export; or, killed between the two renames, it is missing
    and the one it replaced is whole beside it."""
    if target.exists():
        assert _files(target) in [*complete, OLD]
        return
    aside = [p for p in target.parent.iterdir() if p.name.endswith(".old")]
    assert len(aside) == 1, _beside(target)
    assert _files(aside[0]) in [*complete, OLD]


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_kill_9_leaves_a_whole_export(tmp_path: Path, complete: list[dict[str, bytes]]) -> None:
    chance = random.Random(19)  # reproducible delays; no assertion depends on them
    for run in range(6):
        target = _old_export(tmp_path / str(run) / "icat")
        child = subprocess.Popen(
            [sys.executable, "-c", _EXPORT_FOREVER, str(target)], stdout=subprocess.PIPE
        )
        assert child.stdout is not None
        assert child.stdout.readline() == b"started\n"
        try:
            time.sleep(chance.uniform(0.0, 0.4))
        finally:
            child.send_signal(signal.SIGKILL)
            child.wait()
            child.stdout.close()
        assert child.returncode == -signal.SIGKILL
        _whole(target, complete)


# A child that crashes while writing its Nth file (half of it written), as a kill would.
_CRASH_AT = """
import os, sys
from pathlib import Path
from icat_data import _datapackage
from icat_data._write import replacing

target, crash_at = Path(sys.argv[1]), int(sys.argv[2])
calls = 0
write_bytes, write_text = Path.write_bytes, Path.write_text

def crash_or(write):
    def patched(self, data, *args, **kwargs):
        global calls
        calls += 1
        if calls == crash_at:
            write(self, data[: len(data) // 2], *args, **kwargs)
            os._exit(3)
        return write(self, data, *args, **kwargs)
    return patched

Path.write_bytes = crash_or(write_bytes)
Path.write_text = crash_or(write_text)
with replacing(target, force=True) as folder:
    _datapackage.write(folder)
"""


@pytest.mark.parametrize("crash_at", [1, 3, 10, "the descriptor"])
def test_a_crash_mid_export_leaves_the_old_export(
    tmp_path: Path, complete: list[dict[str, bytes]], crash_at: int | str
) -> None:
    if crash_at == "the descriptor":  # written last
        crash_at = len(complete[0])
    target = _old_export(tmp_path / "icat")
    result = subprocess.run([sys.executable, "-c", _CRASH_AT, str(target), str(crash_at)])
    assert result.returncode == 3  # it crashed, as asked
    assert _files(target) == OLD
    (partial,) = _beside(target)  # the crashed writer's folder, hidden beside the target
    assert partial.startswith(".icat.")
    assert partial.endswith(".partial")


_CRASH_BETWEEN_RENAMES = """
import os, sys
from pathlib import Path
from icat_data._write import replacing

rename = os.rename
def rename_then_die(source, destination):
    rename(source, destination)
    if str(destination).endswith(".old"):
        os._exit(3)
os.rename = rename_then_die
with replacing(sys.argv[1], force=True) as folder:
    (folder / "new.csv").write_bytes(b"new")
"""


def test_a_crash_between_the_renames_keeps_the_old_export_beside(tmp_path: Path) -> None:
    # The one moment the target's name is empty: the old export is whole beside it, and the
    # new one too; neither is mixed with the other.
    target = _old_export(tmp_path / "icat")
    result = subprocess.run([sys.executable, "-c", _CRASH_BETWEEN_RENAMES, str(target)])
    assert result.returncode == 3
    assert not target.exists()
    folders = {p.suffix: p for p in tmp_path.iterdir()}
    assert sorted(folders) == [".old", ".partial"]
    assert _files(folders[".old"]) == OLD
    assert _files(folders[".partial"]) == {"new.csv": b"new"}


def test_a_target_moved_away_by_another_writer_mid_check_is_free(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Seen once under load: a concurrent writer renamed the target aside between this
    # writer's exists() and its listing, and the listing's FileNotFoundError escaped.
    target = _old_export(tmp_path / "icat")

    def vanished(path: object) -> object:
        raise FileNotFoundError(2, "No such file or directory", str(path))

    monkeypatch.setattr(os, "scandir", vanished)
    assert write_module._refusal(target, str(target), force=True) is None
