import ArgumentParser
import Foundation
import JifangAgents
import JifangModel
import JifangServer
import JifangStore

// API tokens: made with an expiry, listed by id (never the secret), revoked by id.

extension UsersCommand {
    struct Token: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "token",
            abstract: "Create an API token for an account (for scripts and Prometheus); it is shown once.")
        @OptionGroup var common: Common
        @Argument var username: String
        @Option(name: .long, help: "What the token is for.") var label = "api"
        @Option(
            name: .customLong("expires-days"),
            help: "Days the token works (1–3650; default tokenExpiryDays of accounts.yaml).")
        var expiresDays: Int?

        func validate() throws {
            if let expiresDays, !(1...3650).contains(expiresDays) {
                throw ValidationError("--expires-days \(expiresDays) is out of range (use 1–3650)")
            }
        }

        func run() throws {
            let service = try common.service()
            _ = try UsersCommand.existing(username, in: service.store)
            let (token, record) = try service.issueToken(
                username: username, label: label, expiresInDays: expiresDays, by: UsersCommand.actor)
            print(token)
            // The token alone goes to standard output, so `$(jifang users token …)` captures just it.
            FileHandle.standardError.write(
                Data(
                    "API token #\(record.id) for \(username), expires \(ISO8601DateFormatter().string(from: record.expiresAt))\n"
                        .utf8))
        }
    }

    struct Tokens: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "tokens", abstract: "List an account's API tokens: id, label, made, expiry, state.")
        @OptionGroup var common: Common
        @OptionGroup var output: FormatOptions
        @Argument var username: String

        func run() throws {
            let store = try common.service().store
            _ = try UsersCommand.existing(username, in: store)
            let tokens = try store.apiTokens(username: username)
            let now = Date()
            switch output.format {
            case .json:
                try printJSON(tokens.map { TokenRow($0, now: now) })
            case .text:
                var table = TextTable(headers: ["ID", "LABEL", "CREATED", "EXPIRES", "STATE"])
                let iso = ISO8601DateFormatter()
                for token in tokens {
                    table.append([
                        String(token.id), token.label, iso.string(from: token.createdAt),
                        iso.string(from: token.expiresAt),
                        TokenRow.state(token, now: now),
                    ])
                }
                print(tokens.isEmpty ? "No API tokens for \(username)." : table.render())
            }
        }
    }

    /// A token as `users tokens --format json` prints it.
    struct TokenRow: Encodable {
        var id: Int64
        var username: String
        var label: String
        var createdAt: Date
        var expiresAt: Date
        var revokedAt: Date?
        /// `active`, `expired` or `revoked`.
        var state: String

        init(_ token: APIToken, now: Date) {
            id = token.id
            username = token.username
            label = token.label
            createdAt = token.createdAt
            expiresAt = token.expiresAt
            revokedAt = token.revokedAt
            state = Self.state(token, now: now)
        }

        static func state(_ token: APIToken, now: Date) -> String {
            token.revokedAt != nil ? "revoked" : token.isUsable(at: now) ? "active" : "expired"
        }
    }

    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "revoke", abstract: "Revoke an API token by its id (`jifang users tokens NAME`); at once.")
        @OptionGroup var common: Common
        @Argument(help: "The token's id.") var tokenID: Int64

        func run() throws {
            let store = try common.service().store
            do {
                try store.revokeAPIToken(id: tokenID, by: UsersCommand.actor)
            } catch StoreError.invalidArgument(_, _, let reason) {
                throw UsersError("token #\(tokenID) not revoked: \(reason)")
            }
            print("Revoked API token #\(tokenID).")
        }
    }
}
