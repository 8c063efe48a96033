"""Writing output files whole or not at all."""

import os
import tempfile
from pathlib import Path

from .errors import LawdiffError


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
