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
    /// The most a hook or ssh may print, in bytes (``ExternalCommand/outputLimit``); tests give less.
    var outputLimit = ExternalCommand.outputLimit

    /// The configuration as the device gave it.
    func fetch(_ method: ConfigFetchMethod) throws(BackupError) -> Data {
        switch method {
        case .dropFolder(let path, let pattern):
            return try newestFile(in: path, matching: pattern)
        case .hook(let command):
            let output = try ExternalCommand.check(
                command[0], Array(command.dropFirst()), outputLimit: outputLimit, target: target)
            return try nonEmpty(output.stdout, from: "hook \(command[0])")
        case .ssh(let ssh):
            let known = URL(fileURLWithPath: ssh.knownHostsFile ?? knownHostsFile).path
            let arguments = try Self.sshArguments(ssh, knownHosts: known, target: target)
            if ssh.knownHostsFile == nil {
                try DurableFiles.makeFolder((known as NSString).deletingLastPathComponent)
            }
            let output = try ExternalCommand.run("ssh", arguments, outputLimit: outputLimit, target: target)
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

    /// The ssh command line for `ssh`, checking known-host keys against `known`.
    ///
    /// The inventory loader already refuses a host or user that is not a host name or login name;
    /// this checks again, since a target can be built in code, and ends the options with `--` so
    /// that the host (`-oProxyCommand=…`, say) can never be read as an option: ssh runs a
    /// ProxyCommand locally, as the agent's user.
    static func sshArguments(_ ssh: SSHFetch, knownHosts known: String, target: String) throws(BackupError)
        -> [String]
    {
        for (field, value) in [("host", ssh.host), ("user", ssh.user)]
        where value.isEmpty || value.hasPrefix("-") || value.contains(where: \.isWhitespace) {
            throw .configFetch(
                target: target, reason: "the SSH \(field) \"\(value)\" is not a host or login name; refusing to run ssh"
            )
        }
        guard (1...65535).contains(ssh.port) else {
            throw .configFetch(target: target, reason: "\(ssh.port) is not a TCP port; refusing to run ssh")
        }
        var arguments = [
            "-o", "BatchMode=yes", "-o", "ConnectTimeout=10", "-p", String(ssh.port), "-l", ssh.user,
        ]
        if let identity = ssh.identityFile { arguments += ["-i", identity, "-o", "IdentitiesOnly=yes"] }
        arguments += [
            "-o", "UserKnownHostsFile=\(known)", "-o", "GlobalKnownHostsFile=/dev/null",
            "-o", "StrictHostKeyChecking=\(ssh.knownHostsFile == nil ? "accept-new" : "yes")",
        ]
        return arguments + ["--", ssh.host, ssh.command]
    }

    /// The largest configuration taken from a drop folder: 64 MiB, far above any device's.
    static let maxDropFileBytes = 64 << 20

    /// The newest file whose name matches `pattern`; partial uploads (`.part`, `.tmp`, names
    /// starting with a dot) are ignored.
    ///
    /// The folder is often writable by the devices' upload account, so the file is opened once,
    /// with `O_NOFOLLOW`, and judged by `fstat` of that descriptor: what is read is what was
    /// checked, a symbolic link (planted, or swapped in after the listing) is refused rather than
    /// followed to a file the agent's user can read, and so is a file over ``maxDropFileBytes``.
    private func newestFile(in folder: String, matching pattern: String?) throws(BackupError) -> Data {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
            throw .configFetch(target: target, reason: "the drop folder \(folder) does not exist or cannot be listed")
        }
        var newest: (path: String, time: timespec)?
        for name in names where !name.hasPrefix(".") && !name.hasSuffix(".part") && !name.hasSuffix(".tmp") {
            if let pattern, fnmatch(pattern, name, 0) != 0 { continue }
            let path = "\(folder)/\(name)"
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            let type = info.st_mode & S_IFMT
            // Links are candidates too, so that a planted one is refused by name, not skipped.
            guard type == S_IFREG || type == S_IFLNK else { continue }
            let time = info.st_mtim
            if let best = newest,
                (time.tv_sec, time.tv_nsec, path) <= (best.time.tv_sec, best.time.tv_nsec, best.path)
            {
                continue
            }
            newest = (path, time)
        }
        guard let newest else {
            throw .configFetch(
                target: target, reason: "no file matching \(pattern ?? "*") has arrived in the drop folder \(folder)")
        }
        return try nonEmpty(readDropFile(newest.path), from: newest.path)
    }

    /// Reads `path` through one descriptor opened without following links; see ``newestFile(in:matching:)``.
    private func readDropFile(_ path: String) throws(BackupError) -> Data {
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            let reason =
                errno == ELOOP
                ? "is a symbolic link; a drop folder must hold the configuration itself, not a link to it"
                : "cannot be opened: \(DurableFiles.errnoText())"
            throw .configFetch(target: target, reason: "\(path) \(reason)")
        }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            throw .configFetch(target: target, reason: "\(path) is not a regular file")
        }
        guard info.st_size <= Self.maxDropFileBytes else {
            throw .configFetch(
                target: target,
                reason: "\(path) is \(info.st_size) bytes, more than the limit of \(Self.maxDropFileBytes) bytes "
                    + "(64 MiB) for a configuration")
        }
        let data: Data
        do {
            // One byte past the limit, in case the file grew after fstat.
            data = try handle.read(upToCount: Self.maxDropFileBytes + 1) ?? Data()
        } catch {
            throw .configFetch(target: target, reason: "\(path) cannot be read: \(error)")
        }
        guard data.count <= Self.maxDropFileBytes else {
            throw .configFetch(target: target, reason: "\(path) grew past the limit while being read")
        }
        return data
    }

    private func nonEmpty(_ data: Data, from source: String) throws(BackupError) -> Data {
        guard !data.isEmpty else { throw .configFetch(target: target, reason: "\(source) gave an empty configuration") }
        return data
    }
}
