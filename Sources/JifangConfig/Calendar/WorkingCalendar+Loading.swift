import JifangModel

/// Loading Policies/calendar.yaml: the State Council's public holidays and make-up working days.
///
/// ```yaml
/// years: [2025, 2026]
/// holidays:
///   - {name: 春节 Spring Festival, from: 2025-01-28, to: 2025-02-04}
/// workdays:
///   - {day: 2025-01-26, for: 春节 Spring Festival}
/// ```
/// Every date lies in one of `years`; a holiday runs `from`…`to` (one day when `to` is left out);
/// a make-up working day is a Saturday or Sunday and not a holiday; no day is listed twice.
extension WorkingCalendar {
    /// Reads and validates a calendar file such as Policies/calendar.yaml.
    public static func load(path: String) throws(ConfigErrors) -> WorkingCalendar {
        try finish(YAMLDocument(path: path))
    }

    /// Validates calendar text; `file` is the name used in errors.
    public static func parse(yaml: String, file: String = "calendar.yaml") throws(ConfigErrors) -> WorkingCalendar {
        try finish(YAMLDocument(yaml: yaml, file: file))
    }

    private static func finish(_ document: YAMLDocument) throws(ConfigErrors) -> WorkingCalendar {
        let calendar = read(document)
        if let calendar, document.diagnostics.errors.isEmpty { return calendar }
        throw ConfigErrors(document.diagnostics.errors)
    }

    static func read(_ document: YAMLDocument) -> WorkingCalendar? {
        guard let root = document.root?.mapping(allowed: ["years", "holidays", "workdays"]),
            let yearNodes = root.required("years")?.oneOrMany()
        else { return nil }
        var years: Set<Int> = []
        for node in yearNodes {
            if let year = node.int(in: 1949...2200, { "\($0) is not a year (use 1949–2200)" }) { years.insert(year) }
        }
        var calendar = WorkingCalendar(years: years)
        var listed: [CalendarDay: (field: String, line: Int)] = [:]

        func day(_ node: YAMLNode) -> CalendarDay? {
            guard let text = node.string() else { return nil }
            guard let day = CalendarDay(text) else {
                node.invalid("\"\(text)\" is not a date (use yyyy-MM-dd)")
                return nil
            }
            guard years.contains(day.year) else {
                node.invalid(
                    "\(day) is not in one of the years the file covers (\(years.sorted().map(String.init).joined(separator: ", ")))"
                )
                return nil
            }
            return day
        }
        func claim(_ day: CalendarDay, _ node: YAMLNode) -> Bool {
            if let first = listed[day] {
                node.diagnostics.report(
                    .duplicate(
                        file: node.file, line: node.line, field: node.path, value: day.description,
                        firstField: first.field, firstLine: first.line))
                return false
            }
            listed[day] = (node.path, node.line)
            return true
        }

        for item in root.optional("holidays")?.sequence() ?? [] {
            guard let holiday = item.mapping(allowed: ["name", "from", "to"]),
                let name = holiday.required("name")?.nonEmptyString(), let fromNode = holiday.required("from"),
                let from = day(fromNode)
            else { continue }
            let toNode = holiday.optional("to")
            guard let to = toNode.map(day) ?? from else { continue }
            guard from <= to, to.ordinal - from.ordinal < 31 else {
                (toNode ?? fromNode).invalid(
                    from > to ? "\(to) is before \(from), where the holiday starts" : "a holiday of more than 31 days")
                continue
            }
            for ordinal in from.ordinal...to.ordinal {
                let holidayDay = CalendarDay(ordinal: ordinal)
                if claim(holidayDay, ordinal == from.ordinal ? fromNode : toNode ?? fromNode) {
                    calendar.holidays[holidayDay] = name
                }
            }
        }
        for item in root.optional("workdays")?.sequence() ?? [] {
            guard let workday = item.mapping(allowed: ["day", "for"]), let dayNode = workday.required("day"),
                let makeUp = day(dayNode), let name = workday.required("for")?.nonEmptyString()
            else { continue }
            guard makeUp.isWeekend else {
                dayNode.invalid("\(makeUp) is a Monday–Friday; a make-up working day is a Saturday or Sunday")
                continue
            }
            if claim(makeUp, dayNode) { calendar.makeUpWorkdays[makeUp] = name }
        }
        return calendar
    }
}
