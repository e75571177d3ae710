import ArgumentParser
import Foundation
import JifangAgents
import JifangConfig
import JifangModel
import JifangServer
import JifangStore

/// `jifang users`: web UI accounts from the terminal (the first administrator starts here).
struct UsersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users",
        abstract:
            "Manage web UI accounts: add, passwd, list, disable, enable, role, link, unlink, token, tokens, revoke.",
        subcommands: [
            Add.self, Passwd.self, List.self, Disable.self, Enable.self, Role.self, Link.self, Unlink.self,
            Token.self, Tokens.self, Revoke.self,
        ]
    )

    struct Common: ParsableArguments {
        @OptionGroup var storeOptions: StoreOptions
        /// The policies directory: accounts.yaml.
        @OptionGroup var policyOptions: PolicyOptions

        func service() throws -> AccountService {
            AccountService(
                store: try Store(path: storeOptions.path),
                policy: try AccountPolicy.load(path: try policyOptions.file("accounts.yaml")))
        }
    }

    /// The audit trail names the operating-system user behind a terminal change.
    static var actor: Store.Actor {
        Store.Actor("cli:" + (ProcessInfo.processInfo.environment["USER"] ?? "unknown"), origin: "terminal")
    }

    /// Reads a password from $JIFANG_PASSWORD (for scripts) or, without echo, from the terminal.
    static func readPassword(_ prompt: String) throws -> String {
        if let password = ProcessInfo.processInfo.environment["JIFANG_PASSWORD"] { return password }
        guard let pointer = getpass(prompt) else { throw ValidationError("cannot read a password from the terminal") }
        return String(cString: pointer)
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add an account (password from $JIFANG_PASSWORD or a prompt).")
        @OptionGroup var common: Common
        @Argument(help: "The username: 2–32 lower-case letters, digits, '.', '-' or '_'.") var username: String
        @Option(name: .long, help: "administrator, auditor or technician.") var role: String
        @Option(name: .long, help: "The person's name as shown in the UI.") var name: String?
        @Option(name: .long, help: "UI language: en or zh.") var language = "zh"
        @Option(
            name: .long,
            help: "The staff id (`jifang staff list`) the account acts as in the records; without it, read only.")
        var staff: String?

        func run() throws {
            guard let role = AccountRole(rawValue: role) else {
                throw ValidationError("--role \(role) is not a role (use administrator, auditor or technician)")
            }
            guard let language = UILanguage(rawValue: language) else {
                throw ValidationError("--language \(language) is not offered (use en or zh)")
            }
            let service = try common.service()
            do {
                try service.create(
                    username: username, displayName: name ?? username, role: role, language: language,
                    password: try UsersCommand.readPassword("Password for \(username): "), staffID: staff,
                    by: UsersCommand.actor)
            } catch let errors as AccountFormErrors {
                throw UsersError("account not created:\n\(errors)")
            }
            print("Created \(role.rawValue) \(username)\(staff.map { ", acting as staff member \($0)" } ?? "").")
        }
    }

    struct Passwd: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "passwd",
            abstract: "Set an account's password (password from $JIFANG_PASSWORD or a prompt).")
        @OptionGroup var common: Common
        @Argument var username: String

        func run() throws {
            let service = try common.service()
            do {
                try service.changePassword(
                    username: username, current: nil,
                    new: try UsersCommand.readPassword("New password for \(username): "),
                    by: UsersCommand.actor)
            } catch let errors as AccountFormErrors {
                throw UsersError("password not changed:\n\(errors)")
            }
            print("Password of \(username) changed; its web sessions end on their next request.")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List accounts.")
        @OptionGroup var common: Common
        @OptionGroup var output: FormatOptions

        func run() throws {
            let service = try common.service()
            let accounts = try service.store.accounts()
            switch output.format {
            case .json:
                let rows = accounts.map { account in
                    [
                        "username": account.username, "name": account.displayName, "role": account.role.rawValue,
                        "language": account.language.rawValue,
                        "passwordChangedAt": ISO8601DateFormatter().string(from: account.passwordChangedAt),
                        "passwordExpired": String(service.passwordExpired(account)),
                        "disabled": String(account.disabled),
                        "staff": account.staffID ?? "",
                    ]
                }
                try printJSON(rows)
            case .text:
                var table = TextTable(
                    headers: ["USERNAME", "NAME", "ROLE", "STAFF", "LANGUAGE", "PASSWORD SET", "STATE"])
                for account in accounts {
                    table.append([
                        account.username, account.displayName, account.role.rawValue, account.staffID ?? "-",
                        account.language.rawValue,
                        ISO8601DateFormatter().string(from: account.passwordChangedAt),
                        account.disabled
                            ? "disabled" : service.passwordExpired(account) ? "password expired" : "active",
                    ])
                }
                print(accounts.isEmpty ? "No accounts." : table.render())
            }
        }
    }
}

/// A refusal of `jifang users`, printed without the usage text (the arguments were well-formed).
struct UsersError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
