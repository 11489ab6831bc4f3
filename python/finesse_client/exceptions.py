"""The exceptions of finesse_client, all under ``FinesseError``.

- ``ValidationError`` (also a ``ValueError``): an argument was rejected; nothing was sent.
- ``ApiError``: the server refused the request (``NotFoundError``, ``AuthenticationError``,
  ``InvalidStateError``, ``PermissionDeniedError`` for a signed-in user acting on what is not
  theirs, ``ServiceUnavailableError``, or another status); ``CtiError``: it
  accepted a command, then the CTI server refused it (raised when the command is waited on).
- ``TransportError``, ``TlsError``, ``TimeoutError`` (also the built-in ``TimeoutError``):
  the server could not be reached or did not answer; no command was carried out. For a
  command waited on, ``TimeoutError`` means its outcome was not seen in time.
- ``OutcomeUnknownError``: a command was sent and no answer came; it may have been carried
  out, so check before retrying.
- ``RefusedError``: the notification service refused a subscription (``forbidden``,
  ``item-not-found``), the resource binding or the session; ``condition`` and ``node`` say
  what. Credentials it rejects raise ``AuthenticationError``.
- ``DecodeError``: a document could not be decoded.

``InsecureWarning`` is the warning given when certificate verification is switched off.
"""

from finesse_client._finesse_client import (
    ApiError,
    AuthenticationError,
    CtiError,
    DecodeError,
    FinesseError,
    InsecureWarning,
    InvalidStateError,
    NotFoundError,
    OutcomeUnknownError,
    PermissionDeniedError,
    RefusedError,
    ServiceUnavailableError,
    TimeoutError,
    TlsError,
    TransportError,
    ValidationError,
)

__all__ = [
    "ApiError",
    "AuthenticationError",
    "CtiError",
    "DecodeError",
    "FinesseError",
    "InsecureWarning",
    "InvalidStateError",
    "NotFoundError",
    "OutcomeUnknownError",
    "PermissionDeniedError",
    "RefusedError",
    "ServiceUnavailableError",
    "TimeoutError",
    "TlsError",
    "TransportError",
    "ValidationError",
]
