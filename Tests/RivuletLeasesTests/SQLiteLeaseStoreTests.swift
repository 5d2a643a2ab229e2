import Foundation
import Testing
@testable import RivuletLeases

/// What only the SQLite store promises: a database file that other processes can read and write while it is open,
/// and a typed error, not a hang, when another process holds the write lock for too long.
@Suite struct SQLiteLeaseStoreTests {
    static let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first(where: FileManager.default.isExecutableFile)

    @Test(.enabled(if: python != nil, "needs python3 and its sqlite3 module to act as another process"))
    func anotherProcessReadsAndWritesTheOpenDatabase() async throws {
        try await LeaseStoreFixture.with(.sqlite) { fixture async throws in
            let store = fixture.store
            #expect(try await store.createLeaseIfNotExists(Lease(leaseKey: "s0")))
            let lease = try await #require(store.lease(forKey: "s0"))
            _ = try #require(try await store.takeLease(lease, owner: "worker-a"))
            #expect(FileManager.default.fileExists(atPath: fixture.sqlitePath! + "-wal"), "the journal is a WAL")

            // The other process sees the open store's writes, then takes the lease with the same conditional update.
            let output = try await Self.runPython(
                """
                import sqlite3, sys
                db = sqlite3.connect(sys.argv[1], timeout=30)
                mode = db.execute("PRAGMA journal_mode").fetchone()[0]
                owner, counter = db.execute(
                    "SELECT lease_owner, lease_counter FROM rivulet_leases WHERE application = ? AND lease_key = 's0'",
                    (sys.argv[2],)).fetchone()
                changed = db.execute(
                    "UPDATE rivulet_leases SET lease_owner = 'worker-python', lease_counter = lease_counter + 1, "
                    "owner_switches_since_checkpoint = owner_switches_since_checkpoint + 1 "
                    "WHERE application = ? AND lease_key = 's0' AND lease_counter = ?",
                    (sys.argv[2], counter)).rowcount
                db.commit()
                print(mode, owner, counter, changed)
                """,
                arguments: [fixture.sqlitePath!, fixture.application])
            #expect(output.trimmingCharacters(in: .whitespacesAndNewlines) == "wal worker-a 1 1")
            let stolen = try #require(try await store.lease(forKey: "s0"))
            #expect(stolen.leaseOwner == "worker-python")
            #expect(stolen.leaseCounter == 2)
            #expect(stolen.ownerSwitchesSinceCheckpoint == 1)
        }
    }

    @Test(.enabled(if: python != nil, "needs python3 and its sqlite3 module to hold the lock from another process"))
    func aWriteLockHeldTooLongIsAnErrorNotAHang() async throws {
        try await LeaseStoreFixture.with(.sqlite) { fixture async throws in
            let store = fixture.store
            let lease = Lease(leaseKey: "s", leaseOwner: "worker-a")
            #expect(try await store.createLeaseIfNotExists(lease))
            let marker = fixture.sqlitePath! + ".locked"
            let release = fixture.sqlitePath! + ".release"
            // The other process takes the write lock, says so with a file, and holds it until told to let go with
            // another file. (A signal would not do: processes started by Foundation inherit a blocked signal mask.)
            let holder = try Self.startPython(
                """
                import os, sqlite3, sys, time
                db = sqlite3.connect(sys.argv[1], isolation_level=None)
                db.execute("BEGIN IMMEDIATE")
                open(sys.argv[2], "w").close()
                deadline = time.monotonic() + 600
                while not os.path.exists(sys.argv[3]) and time.monotonic() < deadline:
                    time.sleep(0.05)
                """,
                arguments: [fixture.sqlitePath!, marker, release])
            defer {
                _ = FileManager.default.createFile(atPath: release, contents: nil)
                if holder.isRunning { kill(holder.processIdentifier, SIGKILL) }
            }
            try await waitUntil(timeoutSeconds: 120) { FileManager.default.fileExists(atPath: marker) }
            let error = await #expect(throws: LeaseStoreError.self) { try await store.renewLease(lease) }
            #expect(error?.reason.contains("locked") == true)
            #expect(try await store.lease(forKey: "s") == lease, "readers are not blocked by the writer in WAL mode")
            _ = FileManager.default.createFile(atPath: release, contents: nil)
            try await waitUntil(timeoutSeconds: 120) { !holder.isRunning }
            #expect(try await store.renewLease(lease) != nil, "the lock is free again")
        }
    }

    @Test func refusesApplicationNamesThatAreNotPlain() async throws {
        let directory = try LeaseStoreFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("leases.sqlite").path
        for name in ["", "a b", "x;DROP TABLE rivulet_leases", "ü", String(repeating: "a", count: 129)] {
            await #expect(throws: LeaseStoreError.self, "\(name)") {
                _ = try await SQLiteLeaseStore.open(path: path, application: name)
            }
        }
        let store = try await SQLiteLeaseStore.open(path: path, application: "My-App_v1.2")
        try await store.close()
    }

    @Test func callsAfterCloseAreErrors() async throws {
        try await LeaseStoreFixture.with(.sqlite) { fixture async throws in
            let store = try await fixture.openAnother()
            try await store.close()
            try await store.close()
            await #expect(throws: LeaseStoreError.self) { _ = try await store.listLeases() }
        }
    }

    @Test func unopenableFileIsAnError() async throws {
        await #expect(throws: LeaseStoreError.self) {
            _ = try await SQLiteLeaseStore.open(path: "/nonexistent-directory/leases.sqlite", application: "app")
        }
    }

    static func startPython(_ script: String, arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python!)
        process.arguments = ["-c", script] + arguments
        try process.run()
        return process
    }

    static func runPython(_ script: String, arguments: [String]) async throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python!)
        process.arguments = ["-c", script] + arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        // Returns once the process has exited and closed its end of the pipe.
        let data = output.fileHandleForReading.readDataToEndOfFile()
        try await waitUntil(timeoutSeconds: 120) { !process.isRunning }
        #expect(process.terminationStatus == 0)
        return String(decoding: data, as: UTF8.self)
    }
}
