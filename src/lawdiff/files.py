"""Reading the corpus TOML files and raw texts; writing output files whole or not at all.

Every file lawdiff reads from a corpus or writes for a user goes through here, so
the rules hold everywhere: only regular files are read (a FIFO would block, a
device would never end), no file that is not a regular file is ever replaced
(``--out /dev/null`` writes into the device, it never turns the system's node into a
file), and new files get the user's umask like any other program's.
"""

import os
import shutil
import stat
import tempfile
import tomllib
from pathlib import Path

import rtoml

from lawdiff.errors import LawdiffError

_FILE_TYPES = {stat.S_IFIFO: "a FIFO (named pipe)", stat.S_IFCHR: "a character device", stat.S_IFBLK: "a block device",
          stat.S_IFSOCK: "a socket", stat.S_IFDIR: "a folder", stat.S_IFLNK: "a symbolic link",
          stat.S_IFREG: "a file"}


def file_type(mode: int) -> str:
    """What a file of this ``st_mode`` is, as errors name it."""
    return _FILE_TYPES.get(stat.S_IFMT(mode), "a file")


def read_regular(path: Path | str, limit: int | None = None) -> bytes:
    """The bytes of ``path``, which must be a regular file (symbolic links followed) of at most
    ``limit`` bytes.  Opened without blocking and checked on the open descriptor, so a FIFO or
    a device swapped in after any earlier check is still refused, never read."""
    path = Path(path)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY)
    except FileNotFoundError:
        raise LawdiffError(path, "file not found") from None
    except IsADirectoryError:
        raise LawdiffError(path, "is a folder, not a file") from None
    except PermissionError:
        raise LawdiffError(path, "permission denied") from None
    except OSError as e:
        raise LawdiffError(path, e.strerror or str(e)) from None
    st = os.fstat(fd)
    if not stat.S_ISREG(st.st_mode):
        os.close(fd)
        raise LawdiffError(path, f"is {file_type(st.st_mode)}, not a regular file")
    if limit is not None and st.st_size > limit:  # checked before reading: a huge file is refused, not loaded
        os.close(fd)
        raise LawdiffError(path, f"file is {st.st_size:,} bytes, over the {limit:,}-byte limit for one instrument")
    with os.fdopen(fd, "rb") as f:
        try:
            data = f.read() if limit is None else f.read(limit + 1)
        except OSError as e:
            raise LawdiffError(path, e.strerror or str(e)) from None
    if limit is not None and len(data) > limit:  # it grew while being read
        raise LawdiffError(path, f"file is over the {limit:,}-byte limit for one instrument")
    return data


def read_toml(path: Path, what: str, missing: dict | None = None) -> dict:
    """The TOML file at ``path``; a missing file is ``missing`` when given, else an error.
    ``what`` names the file in errors ("manifest", "topics file")."""
    try:
        data = read_regular(path, 16 * 1024 * 1024)
    except LawdiffError as e:
        if e.problem == "file not found":
            if missing is not None:
                return missing
            raise LawdiffError(path, f"no {what} here") from None
        raise LawdiffError(path, f"cannot read the {what}: {e.problem}") from None
    try:
        text = data.decode("utf-8")
        if len(data) > FAST_TOML_BYTES:
            try:  # a whole session's manifest (5 MB): rtoml reads it ten times faster than tomllib
                return rtoml.loads(text)
            except Exception:  # noqa: BLE001 - tomllib says what is wrong, in its own words
                pass
        return tomllib.loads(text)
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        raise LawdiffError(path, f"not a valid {what}: {e}") from None


FAST_TOML_BYTES = 1024 * 1024
"""Above this, TOML is read by rtoml (Rust; the same values as tomllib on the corpus and a
session manifest, checked in tests/test_session_import.py); below, by tomllib."""


def _umask() -> int:
    mask = os.umask(0o022)  # the only way to read it; put straight back
    os.umask(mask)
    return mask


def write_target(path: Path | str) -> tuple[Path, int | None]:
    """Where writing ``path`` lands (a symbolic link's target: the link is kept) and the mode
    of the file it replaces (None for a new file).  Refuses anything but a regular file."""
    path = Path(path)
    try:
        st = os.stat(path)  # follows links: a link to a device is a device
    except FileNotFoundError:
        if path.is_symlink():  # a dangling link: writing would create its target somewhere else
            raise LawdiffError(path, "is a symbolic link to a file that does not exist; not following it") from None
        st = None
    except OSError as e:
        raise LawdiffError(path, f"cannot write here: {e.strerror or e}") from None
    if st is not None and not stat.S_ISREG(st.st_mode):
        raise LawdiffError(path, f"is {file_type(st.st_mode)}, not a regular file; not replacing it")
    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    return target, (stat.S_IMODE(st.st_mode) if st is not None else None)


def write_atomic(path: Path | str, data, durable: bool = False) -> None:
    """Write ``data`` to ``path`` via a temporary file, so a failure leaves nothing half-written.
    A replaced file keeps its permissions; a new one gets 0666 less the umask.  ``durable``: the
    bytes, then the rename, reach the disk before this returns (fsync), so a power cut cannot
    leave a name pointing at bytes never written (the corpus's raw files and manifest)."""
    path = Path(path)
    if not path.parent.is_dir():
        raise LawdiffError(path, f"folder {path.parent} does not exist")
    target, mode = write_target(path)
    try:
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as e:
        raise LawdiffError(path, f"cannot write here: {e.strerror or e}") from None
    try:
        with os.fdopen(fd, "wb") as f:
            os.fchmod(f.fileno(), mode if mode is not None else 0o666 & ~_umask())  # mkstemp makes it 0600
            for piece in pieces(data):
                f.write(piece)
            if durable:
                os.fsync(f.fileno())
        os.replace(tmp, target)
        if durable:
            _fsync_folder(target.parent)
    except OSError as e:
        Path(tmp).unlink(missing_ok=True)
        raise LawdiffError(path, f"cannot write here: {e.strerror or e}") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def pieces(data):
    """``data``, bytes or a binary file (read from where it stands), a few megabytes at a time:
    a command's large output is written from a temporary file, never held whole (issue 26)."""
    if isinstance(data, (bytes, bytearray, memoryview)):
        yield data
        return
    while piece := data.read(1 << 22):
        yield piece


def _fsync_folder(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_output(path: Path | str, data) -> None:
    """Write a command's output to ``path``, the user's ``--out``.  A FIFO or a character device
    (a named pipe, ``/dev/stdout``, ``/dev/null``) is written into, as asked: the output is
    complete before it is opened.  Anything else that is not a regular file (a folder, a block
    device, a socket) is refused; a regular file is replaced whole (``write_atomic``)."""
    path = Path(path)
    try:
        mode = os.stat(path).st_mode
    except OSError:
        mode = 0
    if not (stat.S_ISFIFO(mode) or stat.S_ISCHR(mode)):
        return write_atomic(path, data)
    try:  # no O_CREAT: if it was replaced meanwhile, this fails rather than makes a file
        fd = os.open(path, os.O_WRONLY | os.O_NOCTTY)
    except OSError as e:
        raise LawdiffError(path, f"cannot write here: {e.strerror or e}") from None
    try:
        st = os.fstat(fd)
        if not (stat.S_ISFIFO(st.st_mode) or stat.S_ISCHR(st.st_mode)):
            raise LawdiffError(path, f"is {file_type(st.st_mode)} now; not writing into it")
        for piece in pieces(data):
            view = memoryview(piece)
            while view:
                view = view[os.write(fd, view):]
    except OSError as e:  # the reader went away (EPIPE), the device is full
        raise LawdiffError(path, f"cannot write here: {e.strerror or e}") from None
    finally:
        os.close(fd)


def link_or_copy(src: Path | str, dest: Path | str) -> None:
    """``dest`` becomes ``src``'s content: a hard link where the file system allows one (a
    site build places thousands of cached pages; linking costs no copy), else a copy.
    ``dest``'s folder is made if missing."""
    dest = Path(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(src, dest)
    except OSError:
        shutil.copyfile(src, dest)


_FICLONE = 0x40049409  # Linux's ioctl asking the file system to share src's blocks with dest


def copy_file(src: Path | str, dest: Path | str) -> None:
    """``dest`` becomes a copy of ``src``, its own file: a published page edited in place must
    not change the cache it came from (a hard link would).  Where the file system can
    (Btrfs, XFS) the copy is a reflink, sharing blocks until either is written; else the
    kernel copies the bytes (copy_file_range), else Python does.  ``dest``'s folder is made
    if missing."""
    dest = Path(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    with open(src, "rb") as source, open(dest, "wb") as target:
        try:
            import fcntl

            fcntl.ioctl(target.fileno(), _FICLONE, source.fileno())
            return
        except (ImportError, OSError):
            pass
        try:
            while os.copy_file_range(source.fileno(), target.fileno(), 1 << 30):
                pass
            return
        except (AttributeError, OSError):  # not Linux, or a file system that cannot
            source.seek(0)
            target.seek(0)
            target.truncate()
        shutil.copyfileobj(source, target, 1024 * 1024)
