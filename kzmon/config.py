"""config.yaml: the one place that says what kzmon watches, when, where it stores, whom it mails.

Validated with pydantic so that a mistake is reported as one line naming the key
(`config.yaml: sources[2].feeds[0]: not a URL`) before any work starts.
"""
from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Annotated, Literal
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

DEFAULT_CONFIG = Path(__file__).resolve().parent.parent / "config.yaml"
LANGUAGES = ("en", "ru", "kk")


class ConfigError(Exception):
    """A config problem, already phrased as the one line the user sees."""


def _url(value: str) -> str:
    if not isinstance(value, str) or not re.match(r"^https?://[^\s/?#]+\.[^\s/?#]+(?:[/?#]\S*)?$", value):
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


class Schedule(Strict):
    cron: str = "0 7 * * *"
    timezone: str = "Asia/Almaty"
    misfire_grace_seconds: int = Field(default=3600, ge=1)

    @field_validator("timezone")
    @classmethod
    def _zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError("not a time zone name") from None
        return value

    @field_validator("cron")
    @classmethod
    def _cron(cls, value: str) -> str:
        if len(value.split()) != 5:
            raise ValueError("not a 5-field cron expression")
        return value


class RecipientFilter(Strict):
    regions: list[str] = []
    sectors: list[str] = []
    min_investment_usd: float | None = None
    languages: list[Language] = []


class Recipient(Strict):
    address: Annotated[str, Field(pattern=r"^[^@\s]+@[^@\s]+$")]
    filters: RecipientFilter = RecipientFilter()


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

    @property
    def user_agent_string(self) -> str:
        return self.user_agent.replace("{contact}", self.contact)


class Config(Strict):
    database: str = "kzmon.db"
    workdir: str = "."
    schedule: Schedule = Schedule()
    crawl: Crawl = Crawl()
    email: Email = Email()
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
    path = Path(path) if path else DEFAULT_CONFIG
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read ({exc.strerror})") from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark else "?"
        raise ConfigError(f"{path.name}: {where}: not valid YAML ({getattr(exc, 'problem', exc)})") from None
    return parse_config(data, path.name, path.resolve().parent)
