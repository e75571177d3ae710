import JifangSNMP
import Testing

struct OIDTests {
    /// Parses at run time (`OID("…")` with a literal would be a literal coercion).
    private func parse(_ text: String) -> OID? { OID(text) }

    @Test func parsesDottedTextWithAndWithoutLeadingDot() {
        #expect(parse("1.3.6.1.2.1.1.1.0")?.components == [1, 3, 6, 1, 2, 1, 1, 1, 0])
        #expect(parse(".1.3.6")?.components == [1, 3, 6])
        #expect(parse("1..3") == nil)
        #expect(parse("") == nil)
        #expect(parse("1.3.x") == nil)
        #expect(parse("1.3.4294967296") == nil)
    }

    @Test func ordersLexicographically() {
        let a: OID = "1.3.6.1.2.1.2.2.1.2.9"
        let b: OID = "1.3.6.1.2.1.2.2.1.2.10"
        #expect(a < b)
        #expect(OID("1.3.6") < OID("1.3.6.0"))
        #expect(!(OID("1.3.6.1") < OID("1.3.6.1")))
        #expect(
            [b, a, OID("1.3.6.1.2.1.2.2.1.1.1")].sorted().map(\.description) == [
                "1.3.6.1.2.1.2.2.1.1.1", "1.3.6.1.2.1.2.2.1.2.9", "1.3.6.1.2.1.2.2.1.2.10",
            ])
    }

    @Test func prefixAndSuffix() {
        let column: OID = "1.3.6.1.2.1.2.2.1.2"
        let cell = column.appending(7)
        #expect(column.isPrefix(of: cell))
        #expect(!cell.isPrefix(of: column))
        #expect(cell.suffix(after: column) == [7])
        #expect(OID("1.3.6.1.2.1.2.2.1.20.7").suffix(after: column) == nil)
        #expect(column.appending([1, 2]).description == "1.3.6.1.2.1.2.2.1.2.1.2")
    }
}
