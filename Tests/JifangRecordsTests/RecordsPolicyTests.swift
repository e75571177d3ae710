import JifangConfig
import JifangModel
import JifangTesting
import Testing

@Suite struct RecordsPolicyTests {
    @Test func theBundledPolicyHoldsTheRegulationsValues() throws {
        let policy = try RecordsPolicy.load(
            path: PackagePaths.root.appendingPathComponent("Policies/records.yaml").path)
        #expect(
            policy
                == RecordsPolicy(
                    loanDays: 30, maxRenewals: 2, idlePowerOnMonths: 1, powerOnDueWithinDays: 7,
                    utcOffsetSeconds: 28_800))
    }

    @Test func aLoanLongerThanAMonthIsRejectedWithFileLineAndField() throws {
        #expect {
            try RecordsPolicy.parse(yaml: "maxRenewals: 1\nloanDays: 45\n", file: "Policies/records.yaml")
        } throws: { error in
            "\(error)".contains("Policies/records.yaml:2") && "\(error)".contains("loanDays")
        }
    }
}
