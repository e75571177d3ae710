import Foundation
import JifangAgents
import JifangConfig
import JifangModel
import JifangStore
import JifangTesting
import Testing

/// A store that refuses the writes behind backup evidence, for real: SQLite triggers installed
/// by `sqlite3` in another process raise an error on the register, the fingerprints or the duty
/// log. Every refused write fails the run it belongs to, names the target and the store's
/// error, and is counted on the agent.
@Suite(.serialized)
struct BackupEvidenceTests {
    static let refusal = "the disk refuses this write"

    /// Installs a trigger refusing `statement` (`UPDATE ON backups WHEN NEW.status = 'good'`, …).
    static func refuse(_ fixture: BackupFixture, _ name: String, _ statement: String) throws {
        _ = try BackupFixture.sqlite(
            fixture.store.path,
            "CREATE TRIGGER \(name) BEFORE \(statement) BEGIN SELECT RAISE(ABORT, '\(refusal)'); END;")
    }

    static func documents(_ fixture: BackupFixture) throws -> BackupTarget {
        try fixture.write("minutes of the May meeting\n", to: "documents/minutes.txt")
        return BackupTarget(name: "documents", category: .documents, source: .folder(path: fixture.path("documents")))
    }

    /// The good row cannot be written: the run fails naming the target and the error, the row
    /// says failed with that error, and the agent counts one failed evidence write.
    @Test func goodRowRefusedFailsTheRunAndIsRecordedAsFailed() throws {
        let fixture = try BackupFixture()
        let agent = try fixture.agent([try Self.documents(fixture)])
        try Self.refuse(fixture, "no_good", "UPDATE ON backups WHEN NEW.status = 'good'")

        let outcome = agent.backUp(agent.inventory.targets[0])
        #expect(outcome.result == .failed)
        #expect(outcome.message.contains("documents") && outcome.message.contains(Self.refusal), "\(outcome.message)")
        let record = try #require(try fixture.store.backups(target: "documents").last)
        #expect(record.status == .failed)
        #expect(record.message?.contains(Self.refusal) == true, "\(record.message ?? "")")
        #expect(agent.evidenceFailures.value == 1)
    }

    /// Neither the good row nor the failure can be written: the run still fails, its message
    /// names both, and both refusals are counted.
    @Test func registerRefusingEveryUpdateFailsTheRun() throws {
        let fixture = try BackupFixture()
        let agent = try fixture.agent([try Self.documents(fixture)])
        try Self.refuse(fixture, "no_update", "UPDATE ON backups")

        let outcome = agent.backUp(agent.inventory.targets[0])
        #expect(outcome.result == .failed && outcome.record == nil)
        #expect(outcome.message.contains("documents: the store could not record its good backup"), "\(outcome.message)")
        #expect(outcome.message.contains("could not record the failure of run"), "\(outcome.message)")
        #expect(agent.evidenceFailures.value == 2)
    }

    /// A verification the register cannot store did not happen as far as evidence goes: the
    /// result fails naming the error, and the run's duty-log event refused makes verify throw.
    @Test func verificationThatCannotBeRecordedFails() throws {
        let fixture = try BackupFixture()
        let agent = try fixture.agent([try Self.documents(fixture)])
        let done = agent.backUp(agent.inventory.targets[0])
        try #require(done.result == .done, "\(done.message)")
        try Self.refuse(fixture, "no_verified", "UPDATE OF verified ON backups")

        let (_, results) = try agent.verify()
        let result = try #require(results.first)
        #expect(!result.passed)
        #expect(result.problems.contains { $0.contains(Self.refusal) && $0.contains("documents") }, "\(result)")
        #expect(agent.evidenceFailures.value == 1)

        try Self.refuse(fixture, "no_events", "INSERT ON events")
        #expect {
            _ = try agent.verify()
        } throws: { error in
            (error as? BackupError)?.description.contains(Self.refusal) == true
        }
    }

    /// A restore the duty log does not show fails, saying it was done and where.
    @Test func restoreWithoutItsDutyLogEventFails() throws {
        let fixture = try BackupFixture()
        let agent = try fixture.agent([try Self.documents(fixture)])
        let done = agent.backUp(agent.inventory.targets[0])
        let record = try #require(done.record)
        try Self.refuse(fixture, "no_events", "INSERT ON events")

        let destination = fixture.path("restored")
        #expect {
            _ = try agent.restore(id: record.id, to: destination)
        } throws: { error in
            let text = (error as? BackupError)?.description ?? ""
            return text.contains(Self.refusal) && text.contains("restored") && text.contains(destination)
        }
        #expect(agent.evidenceFailures.value == 1)
    }

    /// An unchanged configuration whose fingerprint cannot be stored is a failed run, not
    /// "unchanged": the schedule would otherwise go on comparing with a stale fingerprint.
    @Test func unchangedConfigurationWithRefusedFingerprintFails() async throws {
        let fixture = try BackupFixture()
        try fixture.write("hostname edge\n", to: "drop/edge.cfg")
        let target = BackupTarget(
            name: "edge-config", category: .configuration,
            source: .deviceConfig(device: "edge", method: .dropFolder(path: fixture.path("drop"), pattern: nil)))
        let agent = try fixture.agent([target])
        let first = await agent.backUpConfiguration(target)
        try #require(first.result == .done, "\(first.message)")
        try Self.refuse(fixture, "no_fingerprint", "UPDATE ON config_fingerprints")

        let second = await agent.backUpConfiguration(target)
        #expect(second.result == .failed)
        #expect(second.message.contains("edge-config") && second.message.contains(Self.refusal), "\(second.message)")
        #expect(agent.evidenceFailures.value == 1)
    }
}
