"""One digest as an RFC 5322 message: multipart/alternative, plain text first, HTML preferred."""
from __future__ import annotations

import hashlib
from datetime import datetime, timezone
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime

# Headers may be up to 998 characters (RFC 5322); folding a subject at 78 makes some parsers
# keep a leading space, so fold only really long ones.
MAIL_POLICY = policy.SMTP.clone(max_line_length=200)


def message_id(edition_id: int, day: str, recipient: str, from_address: str, resend: int = 0) -> str:
    """Stable: the same edition and recipient always give the same id, so a message sent twice
    after a crash is recognisably one message (mail stores and clients drop the duplicate)."""
    domain = from_address.rsplit("@", 1)[-1] or "localhost"
    token = hashlib.sha256(f"{edition_id}\0{recipient.lower()}".encode()).hexdigest()[:16]
    suffix = f".resend{resend}" if resend else ""
    return f"<kzmon.digest.{day}.{edition_id}.{token}{suffix}@{domain}>"


def build_message(*, from_address: str, to: str, subject: str, text: str, html: str, msg_id: str,
                  references: str | None = None, date: datetime | None = None) -> bytes:
    message = EmailMessage(policy=MAIL_POLICY)
    message["From"] = from_address
    message["To"] = to
    message["Subject"] = subject
    message["Date"] = format_datetime(date or datetime.now(timezone.utc))
    message["Message-ID"] = msg_id
    if references:
        message["References"] = references
        message["In-Reply-To"] = references
    message["Auto-Submitted"] = "auto-generated"
    # quoted-printable keeps the source readable and long lines legal (RFC 5322 limits them).
    message.set_content(text, subtype="plain", charset="utf-8", cte="quoted-printable")
    message.add_alternative(html, subtype="html", charset="utf-8", cte="quoted-printable")
    return message.as_bytes(policy=MAIL_POLICY)
