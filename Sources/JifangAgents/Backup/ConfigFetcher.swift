import Foundation
import JifangModel

/// Fetches a device's configuration text by the method the inventory names (Art. 141).
struct ConfigFetcher {
    let target: String

    /// The configuration as the device gave it.
    func fetch(_ method: ConfigFetchMethod) throws(BackupError) -> Data {
        switch method {
        case .dropFolder(let path, let pattern):
            return try newestFile(in: path, matching: pattern)
        case .hook(let command):
            let output = try ExternalCommand.check(command[0], Array(command.dropFirst()), target: target)
            return try nonEmpty(output.stdout, from: "hook \(command[0])")
        case .ssh(let ssh):
            var arguments = [
                "-o", "BatchMode=yes", "-o", "ConnectTimeout=10", "-p", String(ssh.port), "-l", ssh.user,
            ]
            if let identity = ssh.identityFile { arguments += ["-i", identity, "-o", "IdentitiesOnly=yes"] }
            if let known = ssh.knownHostsFile {
                arguments += ["-o", "UserKnownHostsFile=\(known)", "-o", "StrictHostKeyChecking=yes"]
            }
            arguments += [ssh.host, ssh.command]
            let output = try ExternalCommand.check("ssh", arguments, target: target)
            return try nonEmpty(output.stdout, from: "ssh \(ssh.user)@\(ssh.host)")
        }
    }

    /// The newest regular file whose name matches `pattern`; partial uploads (`.part`, `.tmp`,
    /// names starting with a dot) are ignored.
    private func newestFile(in folder: String, matching pattern: String?) throws(BackupError) -> Data {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
            throw .configFetch(target: target, reason: "the drop folder \(folder) does not exist or cannot be listed")
        }
        var newest: (path: String, date: Date)?
        for name in names where !name.hasPrefix(".") && !name.hasSuffix(".part") && !name.hasSuffix(".tmp") {
            if let pattern, fnmatch(pattern, name, 0) != 0 { continue }
            let path = "\(folder)/\(name)"
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
                attributes[.type] as? FileAttributeType == .typeRegular,
                let date = attributes[.modificationDate] as? Date
            else { continue }
            if newest == nil || date > newest!.date || (date == newest!.date && path > newest!.path) {
                newest = (path, date)
            }
        }
        guard let newest, let data = FileManager.default.contents(atPath: newest.path) else {
            throw .configFetch(
                target: target, reason: "no file matching \(pattern ?? "*") has arrived in the drop folder \(folder)")
        }
        return try nonEmpty(data, from: newest.path)
    }

    private func nonEmpty(_ data: Data, from source: String) throws(BackupError) -> Data {
        guard !data.isEmpty else { throw .configFetch(target: target, reason: "\(source) gave an empty configuration") }
        return data
    }
}
