import JifangCompliance
import JifangConfig
import Testing

struct ScoreModelTests {
    func result(_ id: String, _ area: ComplianceArea, _ weight: Double, _ status: RuleStatus) -> RuleResult {
        RuleResult(
            rule: id, article: "Art. 1", title: id, titleZh: id, area: area, weight: weight, status: status,
            evidence: Evidence("x"))
    }

    /// The README's worked example.
    @Test func workedExample() {
        var results = [
            result("a", .infrastructure, 3, .pass), result("b", .infrastructure, 1, .fail),
            result("c", .staff, 2, .pass), result("d", .staff, 2, .waived), result("e", .staff, 1, .error),
            result("f", .rulesAndStandards, 1, .notApplicable),
        ]
        let (areas, score) = ScoreModel.apply(to: &results, areaWeights: { _ in 1 })
        #expect(areas.first { $0.area == .infrastructure }?.score == 75)
        #expect(abs((areas.first { $0.area == .staff }?.score ?? 0) - 200.0 / 3) < 1e-9)
        #expect(areas.first { $0.area == .rulesAndStandards }?.score == nil)
        #expect(abs(score! - (75 + 200.0 / 3) / 2) < 1e-9)
        #expect(abs(results[0].contribution! - 37.5) < 1e-9)
        #expect(results[3].score == nil && results[3].contribution == nil)
        #expect(results[4].score == 0)
    }

    @Test func nothingCountedHasNoScore() {
        var results = [result("a", .staff, 1, .notApplicable)]
        #expect(ScoreModel.apply(to: &results, areaWeights: { _ in 1 }).score == nil)
    }
}
