"""One configuration file (``akhbar.toml``) for schedules and paths, with documented defaults.

Lookup order: an explicit path (``--config``), then ``$AKHBAR_CONFIG``, then ``./akhbar.toml``;
with none of them every default below applies, so the project runs without any config file.
Relative paths are resolved against the config file's folder (or the working directory).
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from flows.process import EXTRACTORS


@dataclass(frozen=True)
class Config:
    inbox: str = "data/inbox"
    lake: str = "data/lake"
    catalog: str = "data/akhbar.duckdb"
    report: str = "data/reports/report.html"
    ingest_cron: str = "*/10 * * * *"
    report_cron: str = "30 5 * * *"
    timezone: str = "UTC"
    compact_daily: bool = True
    shard_pages: int = 2000
    extractors: tuple[str, ...] = field(default=EXTRACTORS)
    dask_address: str = ""
    workers: int = 1
    home_country: str = ""  # country of the outlets when a page's site does not tell it (MA, TN, EG...)
    topic_model: str = ""  # an adaptation file written by `akhbar adapt-topics` ("": the shipped topic model)
    lock_timeout: float = 60.0
    host: str = "127.0.0.1"
    port: int = 4200
    source: str | None = None  # the file these values came from

    @property
    def server_url(self) -> str:
        return f"http://{self.host}:{self.port}/api"


SECTIONS = {
    "paths": ("inbox", "lake", "catalog", "report"),
    "schedule": ("ingest_cron", "report_cron", "timezone", "compact_daily"),
    "run": ("shard_pages", "extractors", "dask_address", "workers", "lock_timeout", "home_country",
            "topic_model"),
    "server": ("host", "port"),
}
PATH_KEYS = ("inbox", "lake", "catalog", "report")


def find_config(path: str | os.PathLike[str] | None = None) -> Path | None:
    if path:
        return Path(path)
    env = os.environ.get("AKHBAR_CONFIG")
    if env:
        return Path(env)
    local = Path("akhbar.toml")
    return local if local.is_file() else None


def _resolve(value: str, base: Path) -> str:
    if "://" in value:
        return value
    p = Path(value).expanduser()
    return str(p if p.is_absolute() else (base / p).resolve())


def load_config(path: str | os.PathLike[str] | None = None) -> Config:
    """Read the config file (if any); unknown sections or keys are errors, so typos do not pass silently."""
    found = find_config(path)
    values: dict[str, object] = {}
    base = Path.cwd()
    if found is not None:
        if not found.is_file():
            raise FileNotFoundError(f"config file not found: {found}")
        data = tomllib.loads(found.read_text(encoding="utf-8"))
        base = found.resolve().parent
        for section, table in data.items():
            if section not in SECTIONS or not isinstance(table, dict):
                raise ValueError(f"{found}: unknown section [{section}] (known: {', '.join(SECTIONS)})")
            for key, value in table.items():
                if key not in SECTIONS[section]:
                    raise ValueError(f"{found}: unknown key {key!r} in [{section}]")
                values[key] = value
        values["source"] = str(found.resolve())
    for key in ("shard_pages", "port", "workers"):
        if key in values:
            values[key] = int(values[key])  # type: ignore[call-overload]
    if "compact_daily" in values and not isinstance(values["compact_daily"], bool):
        raise ValueError(f"{found}: compact_daily must be true or false")
    if "lock_timeout" in values:
        values["lock_timeout"] = float(values["lock_timeout"])  # type: ignore[arg-type]
    if "extractors" in values:
        ex = values["extractors"]
        names: tuple[str, ...] = tuple(ex.split(",") if isinstance(ex, str) else ex)  # type: ignore[arg-type]
        values["extractors"] = names
        unknown = set(names) - set(EXTRACTORS)
        if unknown:
            raise ValueError(f"unknown extractors in config: {sorted(unknown)}")
    if values.get("home_country"):
        from transforms.topics import countries

        code = str(values["home_country"]).upper()
        if code not in countries():
            raise ValueError(f"{found}: unknown home_country {code!r} (known: {', '.join(sorted(countries()))})")
        values["home_country"] = code
    for key in PATH_KEYS:
        values[key] = _resolve(str(values.get(key, getattr(Config, key))), base)
    if values.get("topic_model"):
        values["topic_model"] = _resolve(str(values["topic_model"]), base)
    return Config(**values)  # type: ignore[arg-type]
