import JifangModel
import JifangSNMP
import JifangTesting
import Testing

@testable import JifangAgents

@Suite struct EntitySensorDecoderTests {
    @Test func scaleAndPrecisionApplied() throws {
        let arista = try Fixtures.load("arista-dcs-7150s")
        let entities = EntityDecoder.decode(arista.table(EntityMIB.columns))
        var problems = DecodeProblems()
        let sensors = EntitySensorDecoder.decode(
            arista.table(EntitySensorMIB.columns), entities: entities, problems: &problems)
        #expect(sensors.count == 95)
        #expect(problems.all.isEmpty)
        func sensor(_ description: String) throws -> Sensor {
            guard let found = sensors.first(where: { $0.description == description }) else {
                throw SensorMissing(description: description)
            }
            return found
        }
        let cpu = try sensor("Cpu temp sensor")  // 282, units, precision 1
        #expect(cpu.class == .temperature)
        #expect(abs(try #require(cpu.value) - 28.2) < 1e-9)
        #expect(cpu.unit == "°C")
        #expect(cpu.state == .ok)
        let rail = try sensor("CpucardPwrCon Rail1 12V standby")  // 1242, precision 2
        #expect(rail.class == .voltage)
        #expect(abs(try #require(rail.value) - 12.42) < 1e-9)
        let bias = try sensor("DOM TX Bias Sensor for Ethernet5")  // 509 milli, precision 2
        #expect(bias.class == .current)
        #expect(abs(try #require(bias.value) - 0.00509) < 1e-12)
        #expect(bias.unit == "A")
        let power = try sensor("DOM TX Power Sensor for Ethernet5")  // 6015 milli, precision 4
        #expect(power.class == .power)
        #expect(abs(try #require(power.value) - 0.0006015) < 1e-12)
    }
}

struct SensorMissing: Error {
    var description: String
}
