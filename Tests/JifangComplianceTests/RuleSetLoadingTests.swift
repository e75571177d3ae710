import JifangConfig
import JifangTesting
import Testing

struct RuleSetLoadingTests {
    @Test func bundledRulesLoad() throws {
        let set = try ComplianceRuleSet.load(path: PackagePaths.root.appendingPathComponent("Policies/rules.yaml").path)
        #expect(set.rules.count >= 20)
        #expect(Set(set.rules.map(\.area)) == Set(ComplianceArea.allCases))
        let training = try #require(set.rules.first { $0.id == "staff.training" })
        #expect(training.parameters["hours"] == .number(48))
        #expect(set.rules.first { $0.id == "rules.meetings" }?.parameter("minimum", level: .county) == .number(6))
    }

    func errors(_ yaml: String) -> [String] {
        do {
            _ = try ComplianceRuleSet.parse(yaml: yaml, file: "rules.yaml")
            return []
        } catch {
            return error.errors.map(\.description)
        }
    }

    static let rule = """
        rules:
          - id: staff.training
            article: Art. 149
            title: Training
            titleZh: 培训
            area: staff
            weight: 2
            levels: [county]
            check: training
            parameters:
              sessions: 2
              hours: 48

        """

    @Test func validRuleHasNoErrors() { #expect(errors(Self.rule).isEmpty) }

    @Test func unknownCheckNamesLineAndField() {
        let text = Self.rule.replacingOccurrences(of: "check: training", with: "check: trainings")
        #expect(errors(text).first?.hasPrefix("rules.yaml:9: rules[0].check: \"trainings\" is not one of") == true)
    }

    @Test func missingParameter() {
        let text = Self.rule.replacingOccurrences(of: "      hours: 48\n", with: "")
        #expect(errors(text) == ["rules.yaml:10: rules[0].parameters.hours: required field is missing"])
    }

    @Test func badWeightAreaLevelAndField() {
        let text = Self.rule.replacingOccurrences(of: "weight: 2", with: "weight: 0")
            .replacingOccurrences(of: "area: staff", with: "area: people")
            .replacingOccurrences(of: "levels: [county]", with: "levels: [county, hamlet]")
            .replacingOccurrences(of: "titleZh:", with: "titlezh:")
        let found = errors(text)
        #expect(found.contains { $0.hasPrefix("rules.yaml:7: rules[0].weight: 0.0 is not a weight") })
        #expect(found.contains { $0.hasPrefix("rules.yaml:6: rules[0].area: \"people\" is not one of") })
        #expect(found.contains { $0.hasPrefix("rules.yaml:8: rules[0].levels[1]: \"hamlet\" is not one of") })
        #expect(found.contains { $0.hasPrefix("rules.yaml:5: rules[0].titlezh: unknown field") })
    }

    @Test func duplicateID() {
        let text = Self.rule + Self.rule.replacingOccurrences(of: "rules:\n", with: "")
        let found = errors(text)
        #expect(
            found.contains { $0.hasPrefix("rules.yaml:13: rules[1].id: \"staff.training\" is already used") },
            "\(found)")
    }

    @Test func perLevelParameterWithUnknownLevel() {
        let text = Self.rule.replacingOccurrences(of: "hours: 48", with: "hours: {county: 48, hamlet: 10}")
        #expect(errors(text).contains { $0.contains("\"hamlet\" is not a unit level") })
    }
}
