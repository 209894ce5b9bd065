"""Rebuild the kit's first corpus in data/ from the raw seed files in data/raw/.

Run once by the kit's authors (``python scripts/clean_seeds.py``); instructors add
documents with ``python -m propaganda_kit add-document`` instead. What is removed
and why is documented in data/README.md.
"""

from __future__ import annotations

import csv
import hashlib
import re
from pathlib import Path

from propaganda_kit.text.words import word_count

DATA = Path(__file__).resolve().parent.parent / "data"

# Lines of capture debris (page labels, ad slots, link lists, a dictionary pop-up).
DEBRIS_LINES = {"Three-minute read", "728 x 90"}
DEBRIS_FROM = ("Read More:",)  # everything from this line on is a link list / pop-up

CHANTED = "chanted at official gatherings (as the text says)"
MOGHITHI = (
    "Abbas Ali Moghithi, the Supreme Leader's representative in Nahavand (as the text names him)"
)
NEJAD = "Yousef Tabatabai Nejad, Friday prayer leader in Isfahan Province (as the text names him)"

DOCUMENTS = [
    {
        "raw": "000_632bb38e7296c5e4.txt",
        "id": "acts-of-defiance",
        "title": "The 20000 Acts of Defiance (subtitle: Resistance Units Send Out 20,000 "
        "Messages of Support for a Free Iran)",
        "date_as_stated": "unknown",
        "date_iso": "unknown",
        "date_note": "The text states no date; it describes events of summer 2024.",
        "author": "unknown",
        "outlet": "unknown",
        "audience": "unknown",
        "self_description": "unknown",
        "origin_note": "The text names no author, outlet or audience, and does not say what "
        "kind of text it is.",
        "perspective": "supportive of the MEK",
        "quotes": [
            ("“Death to the Hypocrites”", CHANTED, "slogan"),
            ("“Death to America”", CHANTED, "slogan"),
        ],
    },
    {
        "raw": "001_b69ddd67f7679d9a.txt",
        "id": "resistance-units-origins",
        "title": "untitled",
        "date_as_stated": "unknown",
        "date_iso": "unknown",
        "date_note": "The text states no date; it embeds posts dated 2023-09-21, "
        "2024-06-25 and 2025-01-20, so it was written on or after 2025-01-20.",
        "author": "unknown",
        "outlet": "unknown",
        "audience": "unknown",
        "self_description": "unknown",
        "origin_note": "The text names no author, outlet or audience. It embeds posts by the "
        "PMOI's own account (@Mojahedineng) and by @DavidAltonHL.",
        "perspective": "supportive of the MEK",
        "quotes": [
            (
                "PMOI Resistance Units across Iran mark the anniversary",
                "@Mojahedineng (the PMOI's account), January 20, 2025",
                "social_media_post",
                "(@Mojahedineng) January 20, 2025",
            ),
            ("“fantasy.”", "former reformists (as the text says)", "quotation"),
            (
                "Brave Resistance Units continue their activities",
                "@Mojahedineng (the PMOI's account), September 21, 2023",
                "social_media_post",
                "(@Mojahedineng) September 21, 2023",
            ),
            (
                "Express: ahead of Friday's elections",
                "@DavidAltonHL (Lord David Alton), June 25, 2024",
                "social_media_post",
                "(@DavidAltonHL) June 25, 2024",
            ),
        ],
    },
    {
        "raw": "002_2e0715a1db2e0e06.txt",
        "id": "manufactured-illusion-2025",
        "title": "The MEK’s “Resistance Units”: A Manufactured Illusion of Dissent",
        "date_as_stated": "03.06.2025",
        "date_iso": "unknown",
        "date_note": "Ambiguous: 3 June 2025 (day.month) or 6 March 2025 (month.day); "
        "the text does not say which.",
        "author": "unknown",
        "outlet": "unknown",
        "audience": "unknown",
        "self_description": "“this analytical article”",
        "origin_note": "The text names no author, outlet or audience. It ends with a call to "
        "international human rights institutions and United Nations mechanisms.",
        "perspective": "hostile to the MEK",
        "quotes": [],
    },
    {
        "raw": "003_0119327f8ade8e4a.txt",
        "id": "mek-support-online",
        "title": "untitled",
        "date_as_stated": "unknown",
        "date_iso": "unknown",
        "date_note": "The text states no date.",
        "author": "unknown",
        "outlet": "unknown",
        "audience": "unknown",
        "self_description": "unknown",
        "origin_note": "The text names no author, outlet or audience. The capture ended with "
        "links to “Estimating Support for the MEK in Iran: Part 7” and “Part 8”"
        " (removed as debris).",
        "perspective": "supportive of the MEK",
        "quotes": [
            ("Today, the weapon that can eliminate", MOGHITHI, "quotation", "one after another."),
            (
                "Some people have ruined the reputation",
                NEJAD,
                "quotation",
                "against such measures.",
            ),
            (
                "Now we can say undoubtedly",
                "Tehran Press, a state-run news agency (as the text calls it)",
                "quotation",
                "our status quo.",
            ),
            (
                "This is the mysterious and low-profile",
                "Tehran Press, a state-run news agency (as the text calls it)",
                "quotation",
                "not aware of this reality.",
            ),
        ],
    },
    {
        "raw": "004_05db5117f7c2a1b7.txt",
        "id": "censor-rally-2020",
        "title": "The Iranian regime’s effort to censor MEK rally failed",
        "date_as_stated": "Iran, July 25, 2020",
        "date_iso": "2020-07-25",
        "date_note": "The rally it reports took place on Friday, July 17 (2020).",
        "author": "PMOI/MEK",
        "outlet": "unknown",
        "audience": "unknown",
        "self_description": "unknown",
        "origin_note": "The text says “Reporting by PMOI/MEK”: an organisation, no individual "
        "author. It names no outlet or audience.",
        "perspective": "supportive of the MEK",
        "quotes": [],
    },
]


def sha256(data: bytes) -> str:
    """Hex SHA-256 of ``data``."""
    return hashlib.sha256(data).hexdigest()


def clean(raw: str) -> str:
    """Remove capture debris; keep paragraphs (blank-line separated) and wording."""
    text = raw.replace("\r\n", "\n").replace("\u00a0", " ").replace("\u202f", " ")
    paragraphs: list[str] = []
    for line in text.split("\n"):
        line = re.sub(r"[ \t]+", " ", line).strip()
        if line.startswith(DEBRIS_FROM):
            break
        if not line or line in DEBRIS_LINES:
            continue
        if paragraphs and paragraphs[-1] == line:  # a caption captured twice
            continue
        paragraphs.append(line)
    return "\n\n".join(paragraphs) + "\n"


def quote_rows(doc_id: str, text: str, quotes: list[tuple]) -> list[dict]:
    """Sidecar rows for each quotation; the author's [bracketed] insertions stay author voice."""
    rows = []
    for quote in quotes:
        begin, speaker, kind = quote[:3]
        start = text.index(begin)
        if text[start - 1 : start] == "“":  # keep the opening quotation mark
            start -= 1
        end = text.index(quote[3], start) + len(quote[3]) if len(quote) > 3 else start + len(begin)
        if kind == "quotation" and len(quote) > 3 and text[end : end + 1] == "”":
            end += 1  # include the closing quotation mark
        pieces, cursor = [], start
        for m in re.finditer(r"\[[^\]]*\]", text[start:end]):
            pieces.append((cursor, start + m.start()))
            cursor = start + m.end()
        pieces.append((cursor, end))
        for a, b in pieces:
            while a < b and text[a] == " ":
                a += 1
            while b > a and text[b - 1] == " ":
                b -= 1
            if a < b:
                rows.append(
                    {
                        "id": doc_id,
                        "start": a,
                        "end": b,
                        "speaker": speaker,
                        "kind": kind,
                        "text": text[a:b],
                    }
                )
    return rows


def main() -> None:
    """Write data/documents/*.txt, data/metadata.csv and data/quotes.csv."""
    meta_rows, all_quotes = [], []
    (DATA / "documents").mkdir(exist_ok=True)
    for doc in DOCUMENTS:
        raw_bytes = (DATA / "raw" / doc["raw"]).read_bytes()
        text = clean(raw_bytes.decode("utf-8"))
        out = DATA / "documents" / f"{doc['id']}.txt"
        out.write_bytes(text.encode("utf-8"))
        all_quotes += quote_rows(doc["id"], text, doc["quotes"])
        meta_rows.append(
            {
                "id": doc["id"],
                "title": doc["title"],
                "author": doc["author"],
                "outlet": doc["outlet"],
                "date_as_stated": doc["date_as_stated"],
                "date_iso": doc["date_iso"],
                "date_note": doc["date_note"],
                "audience": doc["audience"],
                "self_description": doc["self_description"],
                "origin_note": doc["origin_note"],
                "perspective": doc["perspective"],
                "word_count": word_count(text),
                "raw_file": f"raw/{doc['raw']}",
                "raw_sha256": sha256(raw_bytes),
                "clean_sha256": sha256(text.encode("utf-8")),
            }
        )
    with open(DATA / "metadata.csv", "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(meta_rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(meta_rows)
    with open(DATA / "quotes.csv", "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(
            fh, fieldnames=["id", "start", "end", "speaker", "kind", "text"], lineterminator="\n"
        )
        writer.writeheader()
        writer.writerows(all_quotes)


if __name__ == "__main__":
    main()
