"""Every string shown to users is translated in both shipped languages."""

from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[1]
KEYWORDS = {
    "_": None,
    "gettext": None,
    "ngettext": (1, 2),
    "_l": None,
    "lazy_gettext": None,
    "lazy_ngettext": (1, 2),
}
METHODS = [("leernet/**.py", "python"), ("leernet/templates/**.html", "jinja2")]


def extracted_ids():
    ids = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
        str(ROOT), METHODS, keywords=KEYWORDS, options_map={"leernet/templates/**.html": {}}
    ):
        ids.add(message[0] if isinstance(message, tuple) else message)
    return ids


@pytest.mark.parametrize("language", ["nl", "en"])
def test_catalogue_is_complete(language):
    path = ROOT / "leernet" / "translations" / language / "LC_MESSAGES" / "messages.po"
    with path.open("rb") as handle:
        catalogue = read_po(handle)
    problems = []
    for msgid in sorted(extracted_ids()):
        message = catalogue.get(msgid)
        if message is None:
            problems.append(f"missing: {msgid!r}")
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(strings):
            problems.append(f"untranslated: {msgid!r}")
    assert problems == [], f"{language}: run `make messages` and translate:\n" + "\n".join(problems)


def test_pages_speak_dutch_and_english(client, network):
    client.post("/language", data={"language": "nl", "next": "/login"})
    dutch = client.get("/login").get_data(as_text=True)
    assert "Inloggen" in dutch and 'lang="nl"' in dutch
    client.post("/language", data={"language": "en", "next": "/login"})
    english = client.get("/login").get_data(as_text=True)
    assert "Log in" in english and 'lang="en"' in english
