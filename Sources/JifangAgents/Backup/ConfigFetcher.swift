import Foundation
import JifangModel

/// Fetches a device's configuration text by the method the inventory names (Art. 141).
///
/// SSH host keys are always checked. A target that names a `knownHosts` file is checked against
/// it strictly (an unknown or changed key refuses the login). A target that names none trusts the
/// key a device shows the first time (`StrictHostKeyChecking=accept-new`) and records it in
/// `knownHostsFile`, a file the backup agent owns (`<repository>/.ssh/known_hosts`), never the
/// user's own: later logins must show the same key, so a changed key refuses the fetch.
struct ConfigFetcher {
    let target: String
    /// The agent's own known-hosts file, for targets that name none.
    var knownHostsFile: String

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
            let known = URL(fileURLWithPath: ssh.knownHostsFile ?? knownHostsFile).path
            if ssh.knownHostsFile == nil {
                try DurableFiles.makeFolder((known as NSString).deletingLastPathComponent)
            }
            arguments += [
                "-o", "UserKnownHostsFile=\(known)", "-o", "GlobalKnownHostsFile=/dev/null",
                "-o", "StrictHostKeyChecking=\(ssh.knownHostsFile == nil ? "accept-new" : "yes")",
            ]
            arguments += [ssh.host, ssh.command]
            let output = try ExternalCommand.run("ssh", arguments, target: target)
            if output.status != 0, output.stderr.contains("Host key verification failed") {
                throw .configFetch(
                    target: target,
                    reason:
                        "the SSH host key of \(ssh.host):\(ssh.port) does not match \(known) (or is not in it); "
                        + "if the device's key changed on purpose, replace its line there")
            }
            guard output.status == 0 else {
                throw .commandFailed(
                    target: target, command: "ssh \(ssh.user)@\(ssh.host) -p \(ssh.port)", status: output.status,
                    output: output.stderr)
            }
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
