"""Reading the corpus TOML files; writing output files whole or not at all."""

import os
import tempfile
import tomllib
from pathlib import Path

from .errors import LawdiffError


def read_toml(path: Path, what: str, missing: dict | None = None) -> dict:
    """The TOML file at ``path``; a missing file is ``missing`` when given, else an error.
    ``what`` names the file in errors ("manifest", "topics file")."""
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        if missing is not None:
            return missing
        raise LawdiffError(path, f"no {what} here") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        raise LawdiffError(path, f"not a valid {what}: {e}") from None


def write_atomic(path: Path | str, data: bytes) -> None:
    """Write ``data`` to ``path`` via a temporary file, so a failure leaves nothing half-written."""
    path = Path(path)
    if not path.parent.is_dir():
        raise LawdiffError(path, f"folder {path.parent} does not exist")
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as e:
        raise LawdiffError(path, f"cannot write here: {e.strerror or e}") from None
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except OSError as e:
        Path(tmp).unlink(missing_ok=True)
        raise LawdiffError(path, f"cannot write here: {e.strerror or e}") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
