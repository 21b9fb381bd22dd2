"""Identifiers in the style of python-stdnum: ``compact``, ``validate``, ``is_valid``, ``format``.

``validate`` returns the compact form or raises a
:class:`~nyukan_rules.ValidationError` subclass
(:class:`~nyukan_rules.InvalidFormatError`,
:class:`~nyukan_rules.InvalidLengthError`,
:class:`~nyukan_rules.InvalidChecksumError`); ``is_valid`` never raises.
"""

from nyukan_rules.text.ids import corporate_number, passport, phone, postal_code, residence_card

__all__ = ["corporate_number", "passport", "phone", "postal_code", "residence_card"]
