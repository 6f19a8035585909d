"""config.yaml: the one place that says what kzmon watches, when, where it stores, whom it mails.

Validated with pydantic so that a mistake is reported as one line naming the key
(`config.yaml: sources[2].feeds[0]: not a URL`) before any work starts.
"""
from __future__ import annotations

import ipaddress
import os
import re
from pathlib import Path
from typing import Annotated, Literal
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from kzmon.extract.data_files import load_yaml

# The starter config shipped inside the package (a copy of the repository's config.yaml, kept
# identical by tests/test_config_discovery.py): `kzmon init` writes it out, and it is the last
# place find_config() looks, so a non-editable install works from any directory.
DEFAULT_CONFIG = Path(__file__).resolve().parent / "data" / "config.yaml"
LANGUAGES = ("en", "ru", "kk")


class ConfigError(Exception):
    """A config problem, already phrased as the one line the user sees."""


_HOST_LABEL = re.compile(r"[^\s/?#@:\[\]%\\<>\"'`{}|^.]+")


def _host_ok(netloc: str) -> bool:
    """A host name (dotted or single-label: `localhost`, `intranet`), an IPv4 or a bracketed IPv6 literal."""
    host = netloc.rpartition("@")[2]
    if host.startswith("["):
        literal, bracket, port = host[1:].partition("]")
        try:
            ipaddress.IPv6Address(literal)
        except ValueError:
            return False
        return bool(bracket) and (not port or re.fullmatch(r":\d*", port) is not None)
    name, _, port = host.partition(":")
    if port and not port.isdigit():
        return False
    labels = name[:-1].split(".") if name.endswith(".") else name.split(".")
    return all(_HOST_LABEL.fullmatch(label) for label in labels)


def _url(value: str) -> str:
    if not isinstance(value, str) or re.search(r"\s", value):
        raise ValueError("not a URL")
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 - raises ValueError for a port out of range
    except ValueError:
        raise ValueError("not a URL") from None
    if parts.scheme not in ("http", "https") or not value.lower().startswith(("http://", "https://")) \
            or not parts.hostname or not _host_ok(parts.netloc):
        raise ValueError("not a URL")
    return value


def _regex(value: str) -> str:
    try:
        re.compile(value)
    except re.error as exc:
        raise ValueError(f"not a regular expression ({exc})") from None
    return value


Url = Annotated[str, AfterValidator(_url)]
Regex = Annotated[str, AfterValidator(_regex)]
Language = Literal["en", "ru", "kk"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Listing(Strict):
    url: Url
    next_page: str | None = None
    max_pages: int = Field(default=3, ge=1, le=1000)

    @field_validator("next_page")
    @classmethod
    def _page_template(cls, value: str | None) -> str | None:
        if value is not None:
            if "{n}" not in value:
                raise ValueError("must contain {n}, the page number")
            _url(value.replace("{n}", "2"))
        return value


class GovKzApi(Strict):
    type: Literal["govkz"] = "govkz"
    base: Url = "https://www.gov.kz"
    projects: list[str] = Field(min_length=1)
    languages: list[Language] = ["ru"]
    page_size: int = Field(default=20, ge=1, le=100)
    first_page: int = Field(default=1, ge=0, le=1)
    max_pages: int = Field(default=3, ge=1, le=1000)


class Source(Strict):
    id: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")]
    name: str
    languages: list[Language] = ["ru"]
    kind: Literal["government", "news"] = "news"
    feeds: list[Url] = []
    sitemaps: list[Url] = []
    listings: list[Listing] = []
    article_pattern: Regex | None = None
    api: GovKzApi | None = None
    enabled: bool = True
    follow_offsite: bool = False  # fetch article links on other sites than the source's own (feed, sitemap, listing, api hosts)

    @model_validator(mode="after")
    def _has_discovery(self) -> "Source":
        if not (self.feeds or self.sitemaps or self.listings or self.api):
            raise ValueError("needs at least one of feeds, sitemaps, listings, api")
        if (self.sitemaps or self.listings) and not self.article_pattern:
            raise ValueError("article_pattern is required with sitemaps or listings")
        return self

    @property
    def home(self) -> str:
        first = (self.feeds + self.sitemaps + [listing.url for listing in self.listings])
        if first:
            return re.sub(r"^(https?://[^/]+).*", r"\1/", first[0])
        return self.api.base + "/" if self.api else ""


_CRON_FIELDS = ("minute", "hour", "day of month", "month", "day of week")


def _check_cron(cron: str) -> None:
    """Build the trigger the scheduler will build (kzmon.schedule.cron_trigger), so a value that
    cannot fire (`99 99 * * *`, `0 7 31 2 *`) is refused at load rather than when scheduling."""
    from datetime import datetime, timezone

    from .schedule import cron_trigger  # lazy: kzmon.schedule imports this module

    weekday = cron.split()[4]
    if "/" in weekday:  # APScheduler counts steps from Monday, crontab from Sunday: the days would differ
        raise ValueError(f"not a valid cron expression: day of week {weekday!r}: "
                         f"steps are not supported here; list the days (e.g. mon,wed,fri)")
    if re.fullmatch(r"[0-9,\-]+", weekday):  # crontab numbers: 0-7, Sunday both 0 and 7
        for part in weekday.split(","):
            ends = part.split("-")
            if not (len(ends) <= 2 and all(e.isdigit() and int(e) <= 7 for e in ends) and int(ends[0]) <= int(ends[-1])):
                raise ValueError(f"not a valid cron expression: day of week {weekday!r}: "
                                 f"use 0-7 (0 and 7 are Sunday) or mon-sun")
    try:
        trigger = cron_trigger(cron, ZoneInfo("UTC"))
    except (ValueError, TypeError, LookupError) as exc:
        fields = cron.split()
        for n, name in enumerate(_CRON_FIELDS):  # name the field at fault when one alone fails
            probe = ["*"] * 5
            probe[n] = fields[n]
            try:
                cron_trigger(" ".join(probe), ZoneInfo("UTC"))
            except (ValueError, TypeError, LookupError) as field_exc:
                raise ValueError(f"not a valid cron expression: {name} {fields[n]!r}: "
                                 f"{_one_line(field_exc)}") from None
        raise ValueError(f"not a valid cron expression: {_one_line(exc)}") from None
    if trigger.get_next_fire_time(None, datetime.now(timezone.utc)) is None:
        raise ValueError(f"cron expression {cron!r} never fires")


def _one_line(exc: Exception) -> str:
    return re.sub(r"^Error validating expression '[^']*': ", "", " ".join(str(exc).split()))


class Schedule(Strict):
    cron: str = "0 7 * * *"
    timezone: str = "Asia/Almaty"
    misfire_grace_seconds: int = Field(default=3600, ge=1)

    @field_validator("timezone")
    @classmethod
    def _zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError, OSError):  # OSError: "Asia" is a folder of tzdata
            raise ValueError(f"not a time zone name: {value!r} (e.g. Asia/Almaty)") from None
        return value

    @field_validator("cron")
    @classmethod
    def _cron(cls, value: str) -> str:
        if len(value.split()) != 5:
            raise ValueError("not a 5-field cron expression")
        _check_cron(value)
        return value


class RecipientFilter(Strict):
    regions: list[str] = []
    sectors: list[str] = []
    min_investment_usd: float | None = None
    languages: list[Language] = []


class Recipient(Strict):
    address: Annotated[str, Field(pattern=r"^[^@\s]+@[^@\s]+$")]
    filters: RecipientFilter = RecipientFilter()
    watch: list[str] = []       # companies or keywords: matching digest entries come first


class Email(Strict):
    enabled: bool = False
    smtp_host: str = "localhost"
    smtp_port: int = Field(default=587, ge=1, le=65535)
    security: Literal["starttls", "tls", "none"] = "starttls"
    from_address: str = "kzmon@localhost"
    to: list[Recipient] = []
    user_env: str | None = "KZMON_SMTP_USER"
    password_env: str | None = "KZMON_SMTP_PASSWORD"
    timeout_seconds: float = 30

    @field_validator("to", mode="before")
    @classmethod
    def _plain_addresses(cls, value: object) -> object:
        if isinstance(value, list):
            return [{"address": v} if isinstance(v, str) else v for v in value]
        return value

    def credentials(self) -> tuple[str, str] | None:
        """Login from the environment, never from the file."""
        user = os.environ.get(self.user_env or "", "")
        password = os.environ.get(self.password_env or "", "")
        return (user, password) if user else None


class Crawl(Strict):
    user_agent: str = "kzmon/0.1 (+{contact})"
    contact: Url = "https://github.com/kzmon/kzmon"
    window_days: int = Field(default=7, ge=1)
    concurrent_per_domain: int = Field(default=2, ge=1, le=16)
    download_delay: float = Field(default=1.0, ge=0)
    timeout_seconds: float = Field(default=30, gt=0)
    max_page_bytes: int = Field(default=5_000_000, ge=10_000)
    obey_robots: bool = True
    db_lock_wait_seconds: float = Field(default=60, gt=0)  # a write waits this long for another process's lock

    @property
    def user_agent_string(self) -> str:
        return self.user_agent.replace("{contact}", self.contact)


class Digest(Strict):
    language: Literal["en", "ru"] = "en"          # the digest's language (titles, labels, headings)
    backfill_threshold: int = Field(default=20, ge=0)  # more old announcements than this: a history summary
    stalled_months: int = Field(default=24, ge=1)  # a project with no news this long is "gone quiet"
    max_html_bytes: int = Field(default=95_000, ge=20_000)  # Gmail clips a message's HTML at 102 KB


class Config(Strict):
    database: str = "kzmon.db"
    workdir: str = "."
    schedule: Schedule = Schedule()
    crawl: Crawl = Crawl()
    email: Email = Email()
    digest: Digest = Digest()
    sources: list[Source] = Field(min_length=1)

    @field_validator("sources")
    @classmethod
    def _unique_ids(cls, value: list[Source]) -> list[Source]:
        seen: set[str] = set()
        for source in value:
            if source.id in seen:
                raise ValueError(f"duplicate source id {source.id!r}")
            seen.add(source.id)
        return value

    def source(self, source_id: str) -> Source:
        for source in self.sources:
            if source.id == source_id:
                return source
        raise ConfigError(f"no source with id {source_id!r} (known: {', '.join(s.id for s in self.sources)})")

    def enabled_sources(self, only: str | None = None) -> list[Source]:
        if only:
            return [self.source(only)]
        return [s for s in self.sources if s.enabled]


def _location(loc: tuple[object, ...]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif isinstance(part, str) and not part.startswith(("function-", "constrained-", "literal[", "url")):
            out += f".{part}" if out else part
    return out


def _message(error: dict) -> str:
    msg = error["msg"]
    for prefix in ("Value error, ", "Assertion failed, "):
        msg = msg.removeprefix(prefix)
    if error["type"] == "extra_forbidden":
        return "unknown key"
    if error["type"] == "missing":
        return "missing"
    return msg[:1].lower() + msg[1:]


def parse_config(data: object, name: str = "config.yaml", base_dir: Path | None = None) -> Config:
    """Validate a loaded YAML document; paths in it are relative to the config file's folder."""
    if not isinstance(data, dict):
        raise ConfigError(f"{name}: expected a mapping at the top level")
    try:
        config = Config.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = _location(first["loc"]) or "(top level)"
        raise ConfigError(f"{name}: {where}: {_message(first)}") from None
    if base_dir is not None:
        config = config.model_copy(update={
            "database": str((base_dir / config.database).resolve()),
            "workdir": str((base_dir / config.workdir).resolve()),
        })
    return config


def load_config(path: str | Path | None = None) -> Config:
    """Read and validate config.yaml; raises ConfigError with a one-line message."""
    path = Path(path) if path else find_config()
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read ({exc.strerror})") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[:exc.start].count(b"\n") + 1
        raise ConfigError(f"{path}: line {line}: not UTF-8 text (byte 0x{raw[exc.start]:02x}); "
                          f"save the file as UTF-8") from None
    try:
        data = load_yaml(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark else "?"
        raise ConfigError(f"{path.name}: {where}: not valid YAML ({getattr(exc, 'problem', exc)})") from None
    base_dir = user_data_dir() if path.resolve() == DEFAULT_CONFIG else path.resolve().parent
    return parse_config(data, path.name, base_dir)


# -- where the config is ---------------------------------------------------------------

def user_config_dir() -> Path:
    """$XDG_CONFIG_HOME/kzmon, or ~/.config/kzmon."""
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "kzmon"


def user_data_dir() -> Path:
    """$XDG_DATA_HOME/kzmon, or ~/.local/share/kzmon: where the bundled default config keeps its
    database and digests (its relative paths are read against this folder, not site-packages)."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "kzmon"


def find_config(explicit: str | Path | None = None) -> Path:
    """The config file every command uses: --config, then $KZMON_CONFIG, then ./config.yaml,
    then the user's config dir (~/.config/kzmon/config.yaml), then the bundled default.

    A file named by --config or $KZMON_CONFIG must exist (a typo is an error, not a silent
    fall-back to another file).
    """
    for named, how in ((explicit, "--config"), (os.environ.get("KZMON_CONFIG"), "KZMON_CONFIG")):
        if named:
            path = Path(named).expanduser()
            if not path.is_file():
                raise ConfigError(f"{path}: no such config file ({how}); `kzmon init` writes a starter one")
            return path
    for candidate in (Path.cwd() / "config.yaml", user_config_dir() / "config.yaml"):
        if candidate.is_file():
            return candidate
    return DEFAULT_CONFIG
