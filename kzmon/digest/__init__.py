"""The daily digest: what is new (query), how it looks (render), who gets it exactly once (send)."""
from .edition import DigestResult, write_digest
from .send import DeliveryReport, deliver, resend

__all__ = ["DigestResult", "DeliveryReport", "deliver", "resend", "write_digest"]
