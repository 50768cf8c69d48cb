"""Reads RSS files with Debian's feedparser and prints what a feed reader sees, as JSON.

Usage: python3 read_feeds.py FILE...  (the tests in feeds.test.ts call it)
"""
import json
import sys
import time

import feedparser


def iso_day(parsed):
    return time.strftime("%Y-%m-%d", parsed) if parsed else None


def read(path):
    with open(path, "rb") as handle:
        feed = feedparser.parse(handle.read())
    return {
        "path": path,
        "bozo": int(bool(feed.bozo)),
        "bozo_exception": repr(feed.get("bozo_exception")) if feed.bozo else None,
        "version": feed.version,
        "feed": {
            "title": feed.feed.get("title"),
            "link": feed.feed.get("link"),
            "language": feed.feed.get("language"),
        },
        "entries": [
            {
                "title": entry.get("title"),
                "link": entry.get("link"),
                "id": entry.get("id"),
                "guidislink": entry.get("guidislink"),
                "published": iso_day(entry.get("published_parsed")),
                "published_raw": entry.get("published"),
                "summary": entry.get("summary"),
                "tags": [{"term": t.get("term"), "scheme": t.get("scheme")} for t in entry.get("tags", [])],
            }
            for entry in feed.entries
        ],
    }


if __name__ == "__main__":
    json.dump([read(path) for path in sys.argv[1:]], sys.stdout, ensure_ascii=False)
