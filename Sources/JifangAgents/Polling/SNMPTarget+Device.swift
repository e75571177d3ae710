import JifangConfig
import JifangModel
import JifangSNMP

extension SNMPTarget {
    /// The target for an inventory device, with communities given by reference and v3 secrets
    /// read through `secrets`.
    ///
    /// - Throws: ``SecretError`` naming the environment variable or file that could not be read.
    public init(device: Device, secrets: SecretResolver) throws(SecretError) {
        let version: SNMPVersion
        switch device.credentials {
        case .v1(let community):
            version = .v1(community: try secrets.resolve(community))
        case .v2c(let community):
            version = .v2c(community: try secrets.resolve(community))
        case .v3(let user, let auth, let priv):
            let keys = try secrets.resolveKeys(of: device.credentials)
            version = .v3(
                SNMPv3Security(
                    user: user, authProtocol: auth?.protocol, authPassphrase: keys.auth, privProtocol: priv?.protocol,
                    privPassphrase: keys.priv))
        }
        self.init(
            host: device.address, port: device.port, version: version,
            timeout: .milliseconds(Int(device.timeoutSeconds * 1000)), retries: device.retries)
    }
}
