/// Small closed word tables for the time tagger (general English, kept in code).
enum TimexLexicon {
    /// Full month names and their abbreviations (lowercase) → month number.
    static let monthNames: [String: Int] = [
        "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
        "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    ]
    static let monthAbbreviations: [String: Int] = [
        "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
        "oct": 10, "nov": 11, "dec": 12,
    ]
    /// Weekday names → ISO weekday (1 = Monday).
    static let weekdays: [String: Int] = [
        "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7,
    ]
    static let weekdayPlurals: [String: Int] = [
        "mondays": 1, "tuesdays": 2, "wednesdays": 3, "thursdays": 4, "fridays": 5, "saturdays": 6, "sundays": 7,
    ]

    /// Cardinal number words.
    static let numberWords: [String: Int] = [
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
        "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
        "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
        "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000,
        "dozen": 12,
    ]
    /// Ordinal words → number.
    static let ordinals: [String: Int] = [
        "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
        "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
        "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
        "twentieth": 20, "twenty-first": 21,
    ]
    /// Words for a vague quantity: "a few days" → `PXD`.
    static let vagueQuantities: Set<String> = ["few", "several", "many", "some", "numerous", "countless"]

    /// Decade words: "the eighties" → 198 (20th century assumed).
    static let decadeWords: [String: Int] = [
        "twenties": 192, "thirties": 193, "forties": 194, "fifties": 195, "sixties": 196,
        "seventies": 197, "eighties": 198, "nineties": 199,
    ]

    /// Time-zone abbreviations → UTC offset in hours, standard and daylight (US zones switch by date).
    static let zones: [String: (standard: Int, daylight: Int?)] = [
        "et": (-5, -4), "est": (-5, nil), "edt": (-4, nil), "ct": (-6, -5), "cst": (-6, nil), "cdt": (-5, nil),
        "mt": (-7, -6), "mst": (-7, nil), "mdt": (-6, nil), "pt": (-8, -7), "pst": (-8, nil), "pdt": (-7, nil),
        "gmt": (0, nil), "utc": (0, nil), "z": (0, nil), "bst": (1, nil), "cet": (1, nil), "cest": (2, nil),
        "eet": (2, nil), "eest": (3, nil), "ist": (5, nil), "jst": (9, nil), "aest": (10, nil), "msk": (3, nil),
        "hkt": (8, nil), "sgt": (8, nil),
    ]
    /// Zone names written out before "time": "Eastern time".
    static let zoneNames: [String: String] = [
        "eastern": "et", "central": "ct", "mountain": "mt", "pacific": "pt", "greenwich": "gmt",
    ]

    /// Parts of the day → TIMEX3 suffix.
    static let partsOfDay: [String: String] = [
        "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI",
    ]

    /// Season words → TIMEX3 season code.
    static let seasons: [String: String] = [
        "spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI",
    ]

    /// Tokens that precede a bare month name when the month is meant ("in May", "since March").
    static let monthCues: Set<String> = [
        "in", "since", "until", "till", "by", "through", "from", "to", "during", "before", "after", "early",
        "mid", "late", "last", "next", "this", "that", "of", "between", "and", "or", "each", "every", "an",
        "a", "the", "until", "throughout", "into", "on", "for", "-", "around", "about", "past", "coming",
        "same", "following", "previous", "whole", "entire", "following",
    ]
}
