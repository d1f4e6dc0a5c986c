"""Dates and times as Finns write them, whatever the page language: 9.2.2024, 9.2.2024 23:59,
2/2024 or 2024. Aware datetimes are shown in Helsinki time (settings.TIME_ZONE)."""

import datetime

from django.utils import timezone

PRECISIONS = ("year", "month", "day", "minute")


def finnish_date(value, precision: str = "day") -> str:
    """`value` (a date or datetime) at the given precision; "" for anything else."""
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        if precision == "minute":
            return f"{value.day}.{value.month}.{value.year} {value:%H:%M}"
        value = value.date()
    if not isinstance(value, datetime.date):
        return ""
    if precision == "year":
        return str(value.year)
    if precision == "month":
        return f"{value.month}/{value.year}"
    return f"{value.day}.{value.month}.{value.year}"
