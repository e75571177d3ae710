import Foundation
import Testing

@testable import JifangServer

struct PanelCacheTests {
    @Test func panelsAreReusedForTheirAgeOnlyAndPerKey() {
        let cache = PanelCache(maximumAge: 1)
        var draws = 0
        func draw() -> [HTML] {
            draws += 1
            return ["<p>\(draws)</p>"]
        }
        let start = Date(timeIntervalSince1970: 1_000)
        #expect(cache.panels(for: "technician|en", now: start, draw: draw).map(\.text) == ["<p>1</p>"])
        #expect(cache.panels(for: "technician|en", now: start + 0.5, draw: draw).map(\.text) == ["<p>1</p>"])
        #expect(cache.panels(for: "technician|zh", now: start + 0.5, draw: draw).map(\.text) == ["<p>2</p>"])
        #expect(cache.panels(for: "technician|en", now: start + 1.5, draw: draw).map(\.text) == ["<p>3</p>"])
        #expect(draws == 3)
    }

    @Test func ageZeroDrawsEveryTime() {
        let cache = PanelCache(maximumAge: 0)
        var draws = 0
        for _ in 0..<3 {
            _ = cache.panels(for: "auditor|en") {
                draws += 1
                return []
            }
        }
        #expect(draws == 3)
    }
}
