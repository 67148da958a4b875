"""The canonical hash of content values: marks seeded rows and names stored questionnaires.

Plain Python: the seeding and the assessment both import it, and nothing else.
"""

import hashlib
import json
from collections.abc import Mapping
from typing import Any


def _comparable(value: Any) -> Any:
    # Browsers send textarea line breaks as CRLF; an unedited save must not look edited.
    return value.replace("\r\n", "\n") if isinstance(value, str) else value


def comparable(values: Mapping[str, Any]) -> dict[str, Any]:
    """`values` with text normalised the way fingerprints and comparisons see it."""
    return {name: _comparable(value) for name, value in values.items()}


def fingerprint(values: Mapping[str, Any]) -> str:
    """The SHA-256 of a row's values, as stored in `seed_fingerprint`."""
    canonical = json.dumps(comparable(values), sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(canonical.encode()).hexdigest()
