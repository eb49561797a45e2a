from datetime import date

import pytest

from kglaw.errors import IdentifierError
from kglaw.identifiers import ActId, normalize_number, parse_adilet_code, slugify, title_key


@pytest.mark.parametrize(
    "act",
    [
        ActId("decision", "kyzylorda-oblast-maslikhat", date(2005, 12, 20), "245"),
        ActId("decision", "atyrau-oblast-maslikhat", date(2003, 6, 6), "301-II"),
        ActId("decision", "beineu-district-maslikhat", date(2017, 10, 30), "18/145"),
        ActId("order", "ministry-of-labour-and-social-protection-of-population", date(2022, 9, 30), "389-НҚ"),
        ActId("code", None, date(2023, 4, 20), "224-VII"),
        ActId(
            "law",
            None,
            None,
            None,
            title_key("Қазақстан Республикасында мүгедектерді әлеуметтік қорғау туралы"),
        ),
        ActId("report", "korgan-m-public-association", "2023", None, title_key("Аналитикалық есеп")),
        ActId("order", None, None, "26", title_key("source|order|26")),
    ],
    ids=lambda a: a.path(),
)
def test_format_then_parse_round_trips(act: ActId) -> None:
    again = ActId.parse(act.format())
    assert again.format() == act.format()
    assert again.number == act.number
    assert again.date == act.date


def test_example_iri_from_the_issue() -> None:
    a = ActId("decision", "kyzylorda-oblast-maslikhat", date(2005, 12, 20), "245")
    assert a.format() == "https://w3id.org/kglaw/eli/kz/decision/kyzylorda-oblast-maslikhat/2005-12-20/245"


def test_short_form_fills_default_issuers() -> None:
    assert ActId.parse("resolution/2019-05-28/326").format().endswith("/resolution/government/2019-05-28/326")
    assert ActId.parse("code/2023-04-20/224-VII").format().endswith("/code/rk/2023-04-20/224-VII")


def test_number_with_slash_is_escaped_in_the_iri() -> None:
    a = ActId("decision", "beineu-district-maslikhat", date(2017, 10, 30), "18/145")
    assert "/18%2F145" in a.format()
    assert ActId.parse(a.format()).number == "18/145"


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("N 245", "245"),
        ("№ 224-VII", "224-VII"),
        ("N№301-ІІ", "301-II"),
        ("№301 - ІІ", "301-II"),
        ("18/145", "18/145"),
        ("389-НҚ", "389-НҚ"),
        ("N 39", "39"),
        ("№ 55-р", "55-р"),
    ],
)
def test_normalize_number(raw: str, expected: str) -> None:
    assert normalize_number(raw) == expected


@pytest.mark.parametrize(
    "bad", ["", "decision", "nonsense/2005-12-20/245", "decision/x/2005-02-31/1", "http://example.org/a"]
)
def test_bad_identifiers_are_identifier_errors(bad: str) -> None:
    with pytest.raises(IdentifierError):
        ActId.parse(bad)


def test_adilet_codes() -> None:
    assert parse_adilet_code("K2300000224") == {
        "code": "K2300000224",
        "kind": "K",
        "year": "2023",
        "body": "00000224",
    }
    assert parse_adilet_code("V16UL003811")["year"] == "2016"  # type: ignore[index]
    assert parse_adilet_code("V98R000035_")["year"] == "1998"  # type: ignore[index]
    assert parse_adilet_code("not a code") is None


def test_slugify_transliterates_kazakh() -> None:
    assert slugify("Атырау облыстық мәслихаты") == "atyrau-oblystyk-maslikhaty"
    assert slugify("Шымкент") == "shymkent"


def test_title_key_ignores_quotes_and_case() -> None:
    assert title_key('"Арнаулы әлеуметтік қызметтер туралы"') == title_key(
        "«арнаулы әлеуметтік  қызметтер туралы»"
    )
