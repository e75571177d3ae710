import Foundation
import JifangConfig
import JifangModel
import JifangStore

/// What every check reads: the store, the period and its window, and records most checks share,
/// loaded once per run.
///
/// Used by one evaluation on one thread.
public final class EvaluationContext {
    public let store: Store
    public let period: Period
    /// The first day not read: the day after the period, or the day of evaluation if earlier.
    public let asOf: CalendarDay
    /// Seconds east of UTC where days begin (the duty log's setting).
    public let utcOffsetSeconds: Int
    /// Which days are working days (Policies/calendar.yaml).
    public let calendar: WorkingCalendar

    init(store: Store, period: Period, asOf: CalendarDay, calendar: WorkingCalendar) throws {
        self.store = store
        self.period = period
        self.calendar = calendar
        self.asOf = min(asOf, period.lastDay.adding(days: 1))
        self.utcOffsetSeconds = try store.dutyLogUTCOffset()
    }

    /// First and last day of the window read (the last may precede the first for a future period).
    public var firstDay: CalendarDay { period.firstDay }
    public var lastDay: CalendarDay { asOf.adding(days: -1) }
    public var isEmptyWindow: Bool { lastDay < firstDay }
    /// Days from 1 January of the period's year to ``lastDay``, for "per year" rules.
    public var yearFirstDay: CalendarDay { CalendarDay(year: period.year, month: 1, day: 1)! }

    /// The instant a day begins, in the store's time zone.
    public func start(of day: CalendarDay) -> Date {
        Date(timeIntervalSince1970: Double(day.ordinal * 86_400 - utcOffsetSeconds))
    }

    public var windowStart: Date { start(of: firstDay) }
    public var windowEnd: Date { start(of: asOf) }

    /// The working days of the window by ``calendar``: Monday–Friday without public holidays,
    /// with make-up working Saturdays and Sundays.
    public var workingDays: [CalendarDay] {
        calendar.workingDays(from: firstDay, to: lastDay)
    }

    private var cachedStaff: [StaffMember]?
    private var cachedAssets: [Asset]?
    private var cachedDevices: [DeviceRecord]?

    /// Staff on post on the window's last day, by unit.
    public func staff() throws -> [StaffMember] {
        if let cachedStaff { return cachedStaff }
        let day = isEmptyWindow ? firstDay : lastDay
        let staff = try store.staff().filter { $0.isActive(on: day) }
        cachedStaff = staff
        return staff
    }

    /// Professionals (administrators and technicians) on post, grouped by unit.
    public func professionals() throws -> [String: [StaffMember]] {
        Dictionary(
            grouping: try staff().filter { $0.unit != nil && $0.isProfessional }, by: { $0.unit! })
    }

    public func assets() throws -> [Asset] {
        if let cachedAssets { return cachedAssets }
        let assets = try store.assets()
        cachedAssets = assets
        return assets
    }

    public func devices() throws -> [DeviceRecord] {
        if let cachedDevices { return cachedDevices }
        let devices = try store.devices()
        cachedDevices = devices
        return devices
    }
}

extension StaffMember {
    /// A computer professional in the sense of Art. 5: a network administrator or information technician.
    var isProfessional: Bool { roles.contains(.administrator) || roles.contains(.technician) }
}
