"""STARTTLS and implicit TLS with a login from the environment, against aiosmtpd with a test CA."""
from __future__ import annotations

import datetime as dt
import email
import ipaddress
import ssl
from email import policy

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from kzmon.mailsink import free_port
from test_digest_support import AS_OF, SOURCES, make_db, sample_news

from kzmon.config import parse_config
from kzmon.digest import deliver, write_digest


@pytest.fixture(scope="module")
def certificate(tmp_path_factory):
    """A self-signed certificate for 127.0.0.1, trusted through SSL_CERT_FILE."""
    folder = tmp_path_factory.mktemp("tls")
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=2))
            .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), True)
            .sign(key, hashes.SHA256()))
    cert_file, key_file = folder / "cert.pem", folder / "key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_file, key_file


def _text(value) -> str:
    return value.decode() if isinstance(value, bytes) else value


class Inbox:
    def __init__(self):
        self.messages, self.logins = [], []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(email.message_from_bytes(envelope.content, policy=policy.default))
        return "250 OK"

    def authenticator(self, server, session, envelope, mechanism, auth_data):
        login, password = _text(auth_data.login), _text(auth_data.password)
        self.logins.append((login, session.ssl is not None))
        return AuthResult(success=(login, password) == ("kzmon", "s3cret"))


@pytest.mark.parametrize("security", ["starttls", "tls"])
def test_tls_and_login_from_environment(tmp_path, certificate, monkeypatch, security):
    cert_file, key_file = certificate
    monkeypatch.setenv("SSL_CERT_FILE", str(cert_file))
    monkeypatch.setenv("TEST_SMTP_USER", "kzmon")
    monkeypatch.setenv("TEST_SMTP_PASS", "s3cret")
    server_ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server_ctx.load_cert_chain(cert_file, key_file)
    inbox, port = Inbox(), free_port()
    tls = {"ssl_context": server_ctx} if security == "tls" else {"tls_context": server_ctx, "require_starttls": True}
    # With implicit TLS aiosmtpd's session does not know the socket is encrypted, so it
    # cannot insist on TLS before AUTH; the whole connection is TLS anyway.
    controller = Controller(inbox, hostname="127.0.0.1", port=port, authenticator=inbox.authenticator,
                            auth_require_tls=security == "starttls", **tls)
    controller.start()
    try:
        config = parse_config({
            "database": "k.db", "workdir": "out", "sources": SOURCES,
            "email": {"enabled": True, "smtp_host": "127.0.0.1", "smtp_port": port, "security": security,
                      "from_address": "kzmon@digest.example.kz", "user_env": "TEST_SMTP_USER",
                      "password_env": "TEST_SMTP_PASS", "timeout_seconds": 5, "to": ["analyst@example.kz"]},
        }, base_dir=tmp_path)
        db = make_db(config)
        sample_news(db)
        write_digest(db, config, tmp_path / "out", as_of=AS_OF)
        report = deliver(db, config)
    finally:
        controller.stop()
    assert report.sent == 1, report.errors
    assert [login for login, _ in inbox.logins] == ["kzmon"]
    if security == "starttls":
        assert inbox.logins[0][1], "the login went over the upgraded connection"
    assert inbox.messages[0]["To"] == "analyst@example.kz"


def test_wrong_password_keeps_the_message(tmp_path, certificate, monkeypatch):
    cert_file, key_file = certificate
    monkeypatch.setenv("SSL_CERT_FILE", str(cert_file))
    monkeypatch.setenv("TEST_SMTP_USER", "kzmon")
    monkeypatch.setenv("TEST_SMTP_PASS", "wrong")
    server_ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server_ctx.load_cert_chain(cert_file, key_file)
    inbox, port = Inbox(), free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port, authenticator=inbox.authenticator,
                            tls_context=server_ctx, require_starttls=True)
    controller.start()
    try:
        config = parse_config({
            "database": "k.db", "workdir": "out", "sources": SOURCES,
            "email": {"enabled": True, "smtp_host": "127.0.0.1", "smtp_port": port, "security": "starttls",
                      "from_address": "kzmon@digest.example.kz", "user_env": "TEST_SMTP_USER",
                      "password_env": "TEST_SMTP_PASS", "timeout_seconds": 2, "to": ["analyst@example.kz"]},
        }, base_dir=tmp_path)
        db = make_db(config)
        sample_news(db)
        write_digest(db, config, tmp_path / "out", as_of=AS_OF)
        report = deliver(db, config)
    finally:
        controller.stop()
    assert report.sent == 0 and report.pending == 1 and report.errors
    assert inbox.messages == [] and inbox.logins == [("kzmon", True)]
