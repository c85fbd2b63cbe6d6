"""Every rule, on generated figures: consistent text is silent, and a slip injected into it is found.

For each rule a template (from its fixture) is filled with figures drawn by hypothesis that agree
with each other: the check must report no conflict at all. Then one figure is changed the way a
writer slips (a dropped or added digit, a swapped percentage, a range end off by two): the rule
must report it.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.documents import parse_document
from factcheck.fx import default_table
from factcheck.pipeline import check
from factcheck.reference import load_reference

ENTITIES = ("Acme", "Globex", "Initech", "Hooli", "Umbrella", "Vandelay")
TENTH = Decimal("0.1")
EXAMPLES = 12


def one_decimal(low: int, high: int) -> st.SearchStrategy[Decimal]:
    """Figures written with one decimal, from ``low`` to ``high``."""
    return st.integers(min_value=low * 10, max_value=high * 10).map(lambda n: Decimal(n) / 10)


def codes(sources: dict[str, str], reference: str | None = None) -> list[str]:
    """The codes of the conflicts found in ``sources`` (file name -> text)."""
    facts = []
    if reference is not None:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "reference.toml"
            path.write_text(reference, encoding="utf-8")
            facts = load_reference(path)
    report = check([parse_document(text, name) for name, text in sorted(sources.items())], reference=facts)
    return sorted(f.code for f in report.findings if f.is_conflict)


def front(date: str) -> str:
    return f"---\npublished: {date}\n---\n"


Case = Callable[[st.DataObject, bool], tuple[dict[str, str], str | None]]


def fc201(data: st.DataObject, slip: bool) -> tuple[dict[str, str], str | None]:
    """The same revenue in two articles; the slip doubles it in one (a slip by a power of ten is
    FC204's)."""
    who, x = data.draw(st.sampled_from(ENTITIES)), data.draw(one_decimal(1, 999))
    y = x * 2 if slip else x
    written = data.draw(st.sampled_from(("£{}bn", "£{} billion", "{} billion pounds")))
    return {
        "a.md": f"{front('2024-10-30')}{who}'s revenue reached £{x}bn in 2024, the company said.\n",
        "b.md": f"{front('2024-10-30')}{who}'s revenue reached {written.format(y)} in 2024, according to the filing.\n",
    }, None


def fc202(data: st.DataObject, slip: bool) -> tuple[dict[str, str], str | None]:
    """The same guidance range in three articles; the slip moves one end of one."""
    who = data.draw(st.sampled_from(ENTITIES))
    low = data.draw(st.integers(min_value=1, max_value=20))
    high = low + data.draw(st.integers(min_value=1, max_value=5))
    third = high + 2 if slip else high
    return {
        "a.md": f"{front('2024-07-18')}{who} raised its revenue growth guidance for FY25 to {low}% to {high}%.\n",
        "b.md": f"{front('2024-07-18')}{who} adjusted its revenue growth guidance for FY25 to {low}-{high} per cent.\n",
        "c.md": f"{front('2024-07-18')}{who} now expects a revenue increase of {low}-{third}% for FY25.\n",
    }, None


def fc203(data: st.DataObject, slip: bool) -> tuple[dict[str, str], str | None]:
    """One syndicated sentence in two articles; the slip adds a digit to one copy's figure."""
    x = data.draw(one_decimal(1, 99))
    y = x * 10 if slip else x
    sentence = ("Amid a host of changes, the minister also chose to cut fees, as well as injecting {} into the "
                "day-to-day running of the hospitals.\n")
    return {"a.md": sentence.format(f"£{x}bn"), "b.md": sentence.format(f"£{y} billion")}, None


def fc204(data: st.DataObject, slip: bool) -> tuple[dict[str, str], str | None]:
    """A box-office figure in three articles, one of them a list of other figures (so that which
    fact each of its figures is stays uncertain); the slip adds a digit to the listed one."""
    listed = ("805", "107", "201", "86")  # the list's other figures: their digits are not drawn
    x = data.draw(st.integers(min_value=101, max_value=999).filter(
        lambda n: n % 10 != 0 and not any(d in str(n) or str(n) in d for d in listed)))
    y = x * 10 if slip else x
    return {
        "a.md": (f"{front('2023-07-24')}Barbie took ${x} million at the domestic box office over the weekend, "
                 f"Warner Bros said.\n"),
        "b.md": (f"{front('2023-07-24')}Barbie set records for Greta Gerwig: ${y:,} million in North America. "
                 f"Oppenheimer took $80.5 million, Mission: Impossible $10.7 million, Sound of Freedom $20.1 million "
                 f"and Elemental $8.6 million.\n"),
        "c.md": f"{front('2023-07-25')}Barbie's domestic haul came to ${x} million, the studio said on Monday.\n",
    }, None


def fc205(data: st.DataObject, slip: bool) -> tuple[dict[str, str], str | None]:
    """A segment's revenue in three articles, one of them a list of other segments; the slip
    types one of its first three digits wrong in the listed one."""
    listed = ("4622", "774", "695", "904")  # the list's other figures: their digits are not drawn
    x = data.draw(st.integers(min_value=1001, max_value=9999).filter(
        lambda n: n % 10 != 0 and str(n)[-2] != "0" and not any(d in str(n) or str(n) in d for d in listed)))
    digits = str(x)
    if slip:
        at = data.draw(st.integers(min_value=0, max_value=2))
        new = data.draw(st.sampled_from([d for d in "123456789" if d != digits[at]]))
        digits = digits[:at] + new + digits[at + 1:]
    shown = f"{x // 100}.{x % 100:02d}"
    typed = f"{int(digits) // 100}.{int(digits) % 100:02d}"
    return {
        "a.md": f"{front('2024-11-01')}Acme's services revenue reached ${shown} billion in the quarter.\n",
        "b.md": (f"{front('2024-11-01')}By segment, Acme took $46.22 billion from phones, $7.74 billion from laptops, "
                 f"$6.95 billion from tablets, ${typed} billion from services and $9.04 billion from wearables.\n"),
        "c.md": f"{front('2024-11-01')}Services, Acme's second business, brought in ${shown} billion, a record.\n",
    }, None


def fc301(data: st.DataObject, slip: bool) -> tuple[dict[str, str], str | None]:
    """A market cap that fits price x shares on file; the slip writes a tenth of it."""
    price = data.draw(st.integers(min_value=20, max_value=500))
    shares = data.draw(st.sampled_from((Decimal("1.2"), Decimal("2.4"), Decimal("5"), Decimal("7.5"))))
    cap = (price * shares).quantize(Decimal(1), ROUND_HALF_UP)
    stated = f"over ${(cap / 10).quantize(Decimal(1), ROUND_HALF_UP)} billion" if slip else f"about ${cap} billion"
    text = (f"{front('2024-06-05')}Acme's shares closed at ${price} per share on Tuesday. The market capitalization "
            f"of Acme stands at {stated}.\n")
    reference = (f'[[fact]]\nentity = "Acme Holdings"\nmetric = "shares outstanding"\nvalue = {shares}e9\n'
                 f'unit = "share"\nas_of = 2024-05-28\n')
    return {"a.md": text}, reference


def fc302(data: st.DataObject, slip: bool) -> tuple[dict[str, str], str | None]:
    """A total and its domestic and international parts; the slip gives the total of another line."""
    home, away = data.draw(one_decimal(10, 99)), data.draw(one_decimal(5, 50))
    total = home + away + (home if slip else 0)
    return {"a.md": (
        f"{front('2025-08-14')}Hooli's domestic games revenue rose 17% to {home} billion yuan in Q2 2025. Its "
        f"international games revenue grew 35% to {away} billion yuan in Q2 2025. Hooli's gaming revenue "
        f"increased 22% to {total} billion yuan in Q2 2025.\n")}, None


def fc303(data: st.DataObject, slip: bool) -> tuple[dict[str, str], str | None]:
    """An investment, the stake it bought and the valuation; the slip adds a digit to the valuation."""
    paid = data.draw(st.integers(min_value=100, max_value=900))
    stake = data.draw(st.integers(min_value=5, max_value=60))
    worth = (Decimal(paid) * 100 / stake).quantize(Decimal(1), ROUND_HALF_UP) * (10 if slip else 1)
    return {"a.md": (
        f"{front('2024-06-05')}Acme made an investment of USD {paid} million in Pied Piper, giving it a {stake} "
        f"percent stake. With this investment, Pied Piper is worth approximately USD {worth:,} million.\n")}, None


def fc304(data: st.DataObject, slip: bool) -> tuple[dict[str, str], str | None]:
    """A change with the two levels it joins; the slip writes another line's percentage."""
    before = data.draw(st.integers(min_value=1000, max_value=9999))
    growth = data.draw(one_decimal(1, 30))
    after = (before * (1 + growth / 100)).quantize(Decimal(1), ROUND_HALF_UP)
    stated = growth * 2 + 1 if slip else growth
    return {"a.md": (
        f"{front('2024-07-18')}Globex's net profit grew by {stated}% to ₹{after:,} crore from ₹{before:,} crore "
        f"during the previous year.\n")}, None


def fc305(data: st.DataObject, slip: bool) -> tuple[dict[str, str], str | None]:
    """A percentage difference between two prices; the slip states half of it."""
    now = data.draw(st.integers(min_value=10, max_value=400))
    then = now + data.draw(st.integers(min_value=now // 4 + 1, max_value=3 * now))
    share = Decimal(then - now) / then * 100
    stated = (share / 2 if slip else share).quantize(Decimal(1), ROUND_HALF_UP)
    return {"a.md": (
        f"{front('2024-06-05')}Acme's shares rose to ${now} per share (as of May 28, 2024). At that time, the price "
        f"stood at ${then} per share, a {stated}-percent difference from its current value.\n")}, None


def fc306(data: st.DataObject, slip: bool) -> tuple[dict[str, str], str | None]:
    """A stake; the slip makes it more than the whole."""
    stake = data.draw(st.integers(min_value=101, max_value=999) if slip else st.integers(min_value=1, max_value=99))
    text = f"Acme made an investment of USD 800 million in Pied Piper, giving it a {stake} percent stake.\n"
    return {"a.md": text}, None


def fc307(data: st.DataObject, slip: bool) -> tuple[dict[str, str], str | None]:
    """A year-on-year rise and another article's year-earlier level; the slip misstates that level."""
    level = data.draw(st.integers(min_value=100, max_value=999))
    growth = data.draw(st.integers(min_value=2, max_value=40))
    prior = Decimal(level) / (1 + Decimal(growth) / 100) * (Decimal("0.8") if slip else 1)
    return {
        "a.md": f"{front('2025-02-24')}Acme's revenue rose {growth}% to Rmb{level}bn in the fourth quarter of 2024.\n",
        "b.md": (f"{front('2024-02-20')}Acme's revenue was Rmb{prior.quantize(Decimal(1), ROUND_HALF_UP)}bn in "
                 f"the fourth quarter of 2023.\n"),
    }, None


def fc501(data: st.DataObject, slip: bool) -> tuple[dict[str, str], str | None]:
    """An amount in yuan and its conversion in parentheses; the slip drops a digit of the conversion."""
    yuan = data.draw(one_decimal(10, 900))
    rate = default_table().rate("CNY", "USD", dt.date(2025, 2, 24)).rate
    dollars = (yuan * rate).quantize(TENTH, ROUND_HALF_UP) / (10 if slip else 1)
    return {"a.md": (f"{front('2025-02-24')}In 2024 alone, Acme funneled Rmb{yuan}bn (${dollars}bn) into capital "
                     f"expenditures.\n")}, None


def fc502(data: st.DataObject, slip: bool) -> tuple[dict[str, str], str | None]:
    """A distance and its conversion in parentheses, rounded to a tenth; the slip writes the
    miles as kilometres (the conversion left undone) or swaps the units."""
    unit, other, factor = data.draw(st.sampled_from((("miles", "km", Decimal("1.609344")),
                                                     ("km", "miles", 1 / Decimal("1.609344")))))
    distance = data.draw(one_decimal(10, 900))
    converted = (distance * factor).quantize(TENTH, ROUND_HALF_UP)
    if slip:
        converted = distance if data.draw(st.booleans()) else (distance / factor).quantize(TENTH, ROUND_HALF_UP)
    return {"a.md": f"{front('2025-05-01')}The new line runs {distance} {unit} ({converted} {other}) inland.\n"}, None


def fc601(data: st.DataObject, slip: bool) -> tuple[dict[str, str], str | None]:
    """A weekday with its date, the year written or left to the publication date; the slip names
    another weekday."""
    day = data.draw(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31)))
    weekday = (day.weekday() + (data.draw(st.integers(1, 6)) if slip else 0)) % 7
    name = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")[weekday]
    written = data.draw(st.sampled_from((f"{name}, {day:%B} {day.day}, {day.year}", f"{name}, {day.day} {day:%B}")))
    published = day + dt.timedelta(days=data.draw(st.integers(0, 60)))
    return {"a.md": f"{front(published.isoformat())}The board met on {written} to approve the accounts.\n"}, None


def fc603(data: st.DataObject, slip: bool) -> tuple[dict[str, str], str | None]:
    """A contract's length in seasons and its first and last season; the slip counts one less."""
    first = data.draw(st.integers(min_value=1990, max_value=2030))
    seasons = data.draw(st.integers(min_value=2, max_value=15))
    last = first + seasons - 1
    stated = seasons - 1 if slip else seasons
    return {"a.md": (
        f"{front('2025-07-01')}The striker signed a {stated}-year deal with the club. The new contract will kick "
        f"in starting with {first}-{(first + 1) % 100:02d} and end in {last}-{(last + 1) % 100:02d}.\n")}, None


def fc602(data: st.DataObject, slip: bool) -> tuple[dict[str, str], str | None]:
    """Three articles rank a round of job cuts alike; the slip ranks it one lower in the third."""
    rank = data.draw(st.sampled_from(["second", "third", "fourth", "fifth"]))
    lower = {"second": "first", "third": "second", "fourth": "third", "fifth": "fourth"}[rank]
    cut = data.draw(st.integers(min_value=200, max_value=9000))
    body = ("Acme said it would cut {cut:,} jobs this week. Acme announced its {rank} round of layoffs "
            "this year on Monday.\n")
    return {name: front("2023-12-05") + body.format(cut=cut, rank=lower if slip and name == "c.md" else rank)
            for name in ("a.md", "b.md", "c.md")}, None


RULES: dict[str, Case] = {
    "FC201": fc201, "FC202": fc202, "FC203": fc203, "FC204": fc204, "FC205": fc205,
    "FC301": fc301, "FC302": fc302, "FC303": fc303, "FC304": fc304, "FC305": fc305, "FC306": fc306, "FC307": fc307,
    "FC501": fc501, "FC502": fc502, "FC601": fc601, "FC602": fc602, "FC603": fc603,
}


def test_every_rule_has_a_generator() -> None:
    """No rule is left out of these properties."""
    from factcheck.rules import all_rules

    assert sorted(RULES) == sorted(r.code for r in all_rules())


@pytest.mark.parametrize("code", sorted(RULES))
@settings(max_examples=EXAMPLES, deadline=None)
@given(data=st.data())
def test_consistent_figures_raise_nothing(code: str, data: st.DataObject) -> None:
    """Figures that agree with each other give no conflict, of this rule or any other."""
    sources, reference = RULES[code](data, False)
    assert codes(sources, reference) == [], sources


@pytest.mark.parametrize("code", sorted(RULES))
@settings(max_examples=EXAMPLES, deadline=None)
@given(data=st.data())
def test_injected_slip_is_found(code: str, data: st.DataObject) -> None:
    """The same text with one figure slipped is reported by the rule that covers it."""
    sources, reference = RULES[code](data, True)
    assert code in codes(sources, reference), sources
