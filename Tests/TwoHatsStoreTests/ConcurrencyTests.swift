import Dispatch
import Foundation
import GRDB
import Testing
import TwoHatsStore

@Suite("Two connections")
struct ConcurrencyTests {
    @Test func twoStoresOnOneFileWritingAlternatelyBothLand() throws {
        try withTemporaryFolder { folder in
            let first = try Store.open(folder: folder)
            let second = try Store.open(folder: folder)
            var written: [UUID] = []
            for index in 0..<20 {
                let id = UUID()
                let store = index.isMultiple(of: 2) ? first : second
                _ = try store.createNote(id: id, contrastID: nil, at: moment(Int64(index)))
                try store.saveNote(id: id, text: "note \(index)", at: moment(Int64(index)))
                written.append(id)
            }
            #expect(try first.notes().map(\.id) == written.reversed())
            #expect(try second.notes().map(\.id) == written.reversed())
        }
    }

    @Test func dataVersionChangesForAnotherCopysWritesOnly() throws {
        try withTemporaryFolder { folder in
            let mine = try Store.open(folder: folder)
            let other = try Store.open(folder: folder)
            let start = try mine.dataVersion()
            _ = try mine.createNote(id: UUID(), contrastID: nil, at: moment())
            #expect(try mine.dataVersion() == start)
            _ = try other.createNote(id: UUID(), contrastID: nil, at: moment(1))
            #expect(try mine.dataVersion() != start)
        }
    }

    @Test func aWriteWaitsForAnotherConnectionsLock() throws {
        try withTemporaryFolder { folder in
            let store = try Store.open(folder: folder)
            let holder = try DatabaseQueue(path: folder.appending(path: Store.fileName).path)
            let locked = DispatchSemaphore(value: 0)
            let released = DispatchSemaphore(value: 0)
            DispatchQueue.global().async {
                try? holder.write { db in
                    try db.execute(sql: "UPDATE note SET text = text")
                    locked.signal()
                    Thread.sleep(forTimeInterval: 0.5)
                }
                released.signal()
            }
            locked.wait()
            let start = Date()
            _ = try store.createNote(id: UUID(), contrastID: nil, at: moment())
            #expect(Date().timeIntervalSince(start) > 0.2)
            #expect(try store.notes().count == 1)
            released.wait()
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func aLockHeldPastTheTimeoutIsBusy() throws {
        try withTemporaryFolder { folder in
            let store = try Store.open(folder: folder)
            let file = folder.appending(path: Store.fileName)
            let holder = try DatabaseQueue(path: file.path)
            let locked = DispatchSemaphore(value: 0)
            let release = DispatchSemaphore(value: 0)
            let released = DispatchSemaphore(value: 0)
            DispatchQueue.global().async {
                try? holder.write { db in
                    try db.execute(sql: "UPDATE note SET text = text")
                    locked.signal()
                    release.wait()
                }
                released.signal()
            }
            locked.wait()
            let error = try #require(throws: StoreError.self) {
                try store.createNote(id: UUID(), contrastID: nil, at: moment())
            }
            release.signal()
            released.wait()
            #expect(error == .busy(path: file.path))
            #expect(try store.notes().isEmpty)
        }
    }
}
