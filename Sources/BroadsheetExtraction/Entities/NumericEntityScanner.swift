import Foundation

/// Finds money amounts and percentages in a token stream and normalises their values.
///
/// Money: a currency symbol or code before the number (`$2 trillion`, `€300 million`, `US$5 million`,
/// `£1.2bn`, `USD 40`) or a currency word after it (`600,000 dollars`, `5 million euros`), with an optional
/// scale word (`thousand`, `million`, `billion`, `trillion`, `k`, `m`, `mn`, `bn`, `b`, `tn`). Percent: a number
/// followed by `%`, `percent`, `per cent` or `pct`. Hedges such as "roughly" are left outside the span.
///
/// Amounts are `Decimal`: the written digits times a power-of-ten scale, exactly (`£1.07bn` is 1070000000).
struct NumericEntityScanner {
    struct Match {
        var firstToken: Int
        var lastToken: Int
        var type: EntityType
        var value: EntityValue
    }

    /// Scale words and their powers of ten.
    static let scaleExponents: WordMap<Int> = [
        "thousand": 3, "k": 3, "million": 6, "millions": 6, "m": 6, "mn": 6, "mln": 6, "mil": 6,
        "billion": 9, "billions": 9, "bn": 9, "b": 9, "bln": 9, "trillion": 12, "tn": 12, "trn": 12,
    ]
    /// The exact multiplier of a scale word (`bn` → 10⁹).
    static func scale(_ word: String) -> Decimal? {
        scaleExponents[word].map { Decimal(sign: .plus, exponent: $0, significand: 1) }
    }
    static let wordScales: WordSet = ["thousand", "million", "billion", "trillion"]
    static let numberWords: WordMap<Decimal> = [
        "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "twelve": 12, "fifteen": 15, "twenty": 20, "fifty": 50, "hundred": 100, "half": Decimal(sign: .plus, exponent: -1, significand: 5),
    ]

    /// Ranges share the scale of their upper bound: "$5 to $10 million" is five million to ten million.
    static func propagateRangeScales(_ matches: inout [Match], _ tokens: [EntityToken]) {
        guard matches.count > 1 else { return }
        for k in stride(from: matches.count - 2, through: 0, by: -1) {
            let a = matches[k], b = matches[k + 1]
            guard a.type == b.type, a.value.currency == b.value.currency, b.firstToken - a.lastToken <= 2 else { continue }
            let between = (a.lastToken + 1)..<b.firstToken
            guard between.count == 1, ["to", "-", "\u{2013}", "and", "or"].contains(tokens[between.lowerBound].lower) else { continue }
            // Scale of b: the scale word right after its number.
            guard let numberIndex = (b.firstToken...b.lastToken).first(where: { tokens[$0].kind == .number }), numberIndex + 1 <= b.lastToken,
                let scale = scale(tokens[numberIndex + 1].lower)
            else { continue }
            let aHasScale = (a.firstToken...a.lastToken).contains { tokens[$0].kind == .word && scaleExponents[tokens[$0].lower] != nil }
            if !aHasScale, a.value.amount * scale <= b.value.amount { matches[k].value.amount *= scale }
        }
    }

    static func scan(_ tokens: [EntityToken], lexicons: EntityLexicons) -> [Match] {
        var out: [Match] = []
        var i = 0
        let n = tokens.count
        while i < n {
            let t = tokens[i]
            // Spelled-out amounts: "two billion dollars", "a million euros".
            if t.kind == .word, t.classes.contains(.numberWords), i + 2 < n, tokens[i + 1].kind == .word, tokens[i + 2].kind == .word,
                let base = numberWords[t.lower],
                wordScales.contains(tokens[i + 1].lower), let code = lexicons.currencyWords[tokens[i + 2].lower]
            {
                let first = (t.lower == "a" || t.lower == "an") ? i + 0 : i
                out.append(Match(firstToken: first, lastToken: i + 2, type: .money, value: EntityValue(amount: base * scale(tokens[i + 1].lower)!, currency: code)))
                i += 3
                continue
            }
            // Currency symbol / prefix before a number.
            if t.kind == .punct || (t.kind == .word && t.isCapitalized) {
                var code: String? = nil
                var first = i
                let maybeSymbol = t.kind == .punct && (t.text.utf8.first.map { $0 == 36 || $0 >= 0x80 } ?? false)
                if maybeSymbol, let c = lexicons.currencySymbols[t.text] {
                    code = c
                    if i > 0, tokens[i].separator == .none, tokens[i - 1].kind == .word,
                        let c2 = lexicons.currencySymbols[tokens[i - 1].text + t.text]
                    {
                        code = c2
                        first = i - 1
                    }
                } else if t.kind == .word, t.isCapitalized, i + 1 < n, tokens[i + 1].kind == .number, let c = lexicons.currencyPrefixes[t.text],
                    tokens[i + 1].spaceBefore || t.length > 2
                {
                    code = c
                }
                if let code, i + 1 < n, tokens[i + 1].kind == .number, tokens[i + 1].separator != .hyphen {
                    if let (amount, last) = amount(tokens, numberAt: i + 1, allowLetterScale: true) {
                        var end = last
                        // "$5 million dollars": swallow a redundant currency word.
                        if end + 1 < n, tokens[end + 1].kind == .word, lexicons.currencyWords[tokens[end + 1].lower] != nil,
                            tokens[end + 1].spaceBefore
                        { end += 1 }
                        out.append(Match(firstToken: first, lastToken: end, type: .money, value: EntityValue(amount: amount, currency: code)))
                        i = end + 1
                        continue
                    }
                }
            }
            if t.kind == .number, t.separator != .hyphen || i == 0 || tokens[i - 1].kind != .word {
                if let (amount, last) = amount(tokens, numberAt: i, allowLetterScale: false) {
                    let k = last + 1
                    if k < n {
                        let nx = tokens[k]
                        if nx.kind == .punct, nx.isPunct("%"), nx.separator == .none {
                            out.append(Match(firstToken: i, lastToken: k, type: .percent, value: EntityValue(amount: amount)))
                            i = k + 1
                            continue
                        }
                        if nx.kind == .word, nx.spaceBefore {
                            if nx.lower == "percent" || nx.lower == "pct" {
                                out.append(Match(firstToken: i, lastToken: k, type: .percent, value: EntityValue(amount: amount)))
                                i = k + 1
                                continue
                            }
                            if nx.lower == "per", k + 1 < n, tokens[k + 1].lower == "cent" {
                                out.append(Match(firstToken: i, lastToken: k + 1, type: .percent, value: EntityValue(amount: amount)))
                                i = k + 2
                                continue
                            }
                            if let code = lexicons.currencyWords[nx.lower] {
                                out.append(Match(firstToken: i, lastToken: k, type: .money, value: EntityValue(amount: amount, currency: code)))
                                i = k + 1
                                continue
                            }
                            // "5 million U.S. dollars"
                            if k + 1 < n, tokens[k + 1].kind == .word, let code = lexicons.currencyWords[tokens[k + 1].lower],
                                nx.text == "U.S." || nx.text == "US" || nx.text == "Canadian" || nx.text == "Australian" || nx.text == "Hong"
                            {
                                let c = nx.text == "Canadian" ? "CAD" : nx.text == "Australian" ? "AUD" : code
                                out.append(Match(firstToken: i, lastToken: k + 1, type: .money, value: EntityValue(amount: amount, currency: c)))
                                i = k + 2
                                continue
                            }
                        }
                    }
                }
            }
            i += 1
        }
        propagateRangeScales(&out, tokens)
        return out
    }

    /// Parses the number at `numberAt` and an optional scale after it; returns the amount and the last token used.
    static func amount(_ tokens: [EntityToken], numberAt i: Int, allowLetterScale: Bool) -> (Decimal, Int)? {
        guard let base = decimal(tokens[i].text) else { return nil }
        var last = i
        var value = base
        if i + 1 < tokens.count {
            let nx = tokens[i + 1]
            if nx.kind == .word, let s = scale(nx.lower) {
                let attached = nx.separator == .none
                if (attached && (allowLetterScale || !wordScales.contains(nx.lower) || true) && (allowLetterScale || nx.lower.count > 1))
                    || (nx.spaceBefore && (wordScales.contains(nx.lower) || nx.lower == "bn" || nx.lower == "mn" || nx.lower == "tn"))
                {
                    value = base * s
                    last = i + 1
                }
            }
        }
        return (value, last)
    }

    /// The exact value of a written number: ASCII digits with optional thousands commas and one decimal point
    /// (`1,250.75`); `nil` for anything else. Built digit by digit, so no binary rounding ever enters.
    static func decimal(_ written: String) -> Decimal? {
        var significand: UInt64 = 0
        var digits = 0
        var fractionDigits = 0
        var seenPoint = false
        for byte in written.utf8 {
            switch byte {
            case 48...57:
                // 19 significant digits fit in a UInt64; a longer run is not an amount we read.
                guard digits < 19 else { return nil }
                significand = significand * 10 + UInt64(byte - 48)
                digits += 1
                if seenPoint { fractionDigits += 1 }
            case 44: // ","
                guard !seenPoint, digits > 0 else { return nil }
            case 46: // "."
                guard !seenPoint else { return nil }
                seenPoint = true
            default:
                return nil
            }
        }
        guard digits > 0 else { return nil }
        var value = Decimal(sign: .plus, exponent: -fractionDigits, significand: Decimal(significand))
        // Trailing fractional zeros dropped ("1.50" is 1.5), so equal amounts share one representation.
        NSDecimalCompact(&value)
        return value
    }
}
