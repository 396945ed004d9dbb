"""Month names and abbreviations per language, mapped to month numbers (vocabulary as data)."""

from __future__ import annotations

# One entry per line, grouped by month; lower-case; abbreviations without the dot.
MONTHS: dict[str, int] = {
    # January
    "jan": 1, "january": 1, "januar": 1, "janvier": 1, "janv": 1, "enero": 1, "ene": 1,
    "gennaio": 1, "gen": 1, "janeiro": 1, "januari": 1, "stycznia": 1, "styczeń": 1,
    "jänner": 1,
    # February
    "feb": 2, "february": 2, "februar": 2, "février": 2, "févr": 2, "fevrier": 2,
    "febrero": 2, "febbraio": 2, "fevereiro": 2, "fev": 2, "februari": 2, "lutego": 2,
    "luty": 2,
    # March
    "mar": 3, "march": 3, "märz": 3, "mars": 3, "marzo": 3, "março": 3, "maart": 3,
    "marca": 3, "marzec": 3, "mrt": 3,
    # April
    "apr": 4, "april": 4, "avril": 4, "avr": 4, "abril": 4, "abr": 4, "aprile": 4,
    "kwietnia": 4, "kwiecień": 4,
    # May
    "may": 5, "mai": 5, "mayo": 5, "maggio": 5, "mag": 5, "maio": 5, "mei": 5, "maja": 5,
    "maj": 5,
    # June
    "jun": 6, "june": 6, "juni": 6, "juin": 6, "junio": 6, "giugno": 6, "giu": 6,
    "junho": 6, "czerwca": 6, "czerwiec": 6,
    # July
    "jul": 7, "july": 7, "juli": 7, "juillet": 7, "juil": 7, "julio": 7, "luglio": 7,
    "lug": 7, "julho": 7, "lipca": 7, "lipiec": 7,
    # August
    "aug": 8, "august": 8, "août": 8, "aout": 8, "agosto": 8, "ago": 8, "augustus": 8,
    "sierpnia": 8, "sierpień": 8,
    # September
    "sep": 9, "sept": 9, "september": 9, "septembre": 9, "septiembre": 9, "set": 9,
    "settembre": 9, "setembro": 9, "września": 9, "wrzesień": 9,
    # October
    "oct": 10, "october": 10, "oktober": 10, "octobre": 10, "octubre": 10, "ottobre": 10,
    "ott": 10, "outubro": 10, "out": 10, "okt": 10, "października": 10, "październik": 10,
    # November
    "nov": 11, "november": 11, "novembre": 11, "noviembre": 11, "novembro": 11,
    "listopada": 11, "listopad": 11,
    # December
    "dec": 12, "december": 12, "dezember": 12, "dez": 12, "décembre": 12, "déc": 12,
    "decembre": 12, "diciembre": 12, "dic": 12, "dicembre": 12, "dezembro": 12,
    "grudnia": 12, "grudzień": 12,
}
