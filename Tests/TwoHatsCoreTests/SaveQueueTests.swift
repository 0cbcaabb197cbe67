import Foundation
import Testing
import TwoHatsCore

/// The debounce under "nothing typed is lost": a burst is written half a second after its
/// first change however long the typing goes on, and a failed write comes back for a retry.
@Suite("Save queue")
struct SaveQueueTests {
    static let start = Date(timeIntervalSince1970: 1_795_000_000)
    static let note = UUID(uuidString: "00000000-0000-0000-0000-0000000000AA")!
    static let other = UUID(uuidString: "00000000-0000-0000-0000-0000000000BB")!

    static func at(_ seconds: TimeInterval) -> Date { start.addingTimeInterval(seconds) }

    @Test func anEmptyQueueIsNeverDue() {
        let queue = SaveQueue()
        #expect(queue.isEmpty)
        #expect(!queue.isDue(at: Self.at(60)))
    }

    @Test func aBurstIsDueHalfASecondAfterItsFirstChangeWhileTypingGoesOn() {
        var queue = SaveQueue()
        queue.add(.note(id: Self.note, lines: ["a"]), at: Self.at(0))
        queue.add(.note(id: Self.note, lines: ["ab"]), at: Self.at(0.3))
        #expect(!queue.isDue(at: Self.at(0.49)))
        queue.add(.note(id: Self.note, lines: ["abc"]), at: Self.at(0.49))
        #expect(queue.isDue(at: Self.at(SaveQueue.delay)))
        #expect(queue.take() == [.note(id: Self.note, lines: ["abc"])])
        #expect(queue.isEmpty && !queue.isDue(at: Self.at(10)))
    }

    @Test func aNewerSaveToTheSamePlaceReplacesTheOlderAndOthersKeepTheirOrder() {
        var queue = SaveQueue()
        queue.add(.note(id: Self.note, lines: ["first"]), at: Self.at(0))
        queue.add(.note(id: Self.other, lines: ["other"]), at: Self.at(0.1))
        queue.add(.note(id: Self.note, lines: ["second"]), at: Self.at(0.2))
        #expect(queue.count == 2)
        #expect(queue.take() == [.note(id: Self.note, lines: ["second"]), .note(id: Self.other, lines: ["other"])])
    }

    @Test func aFailedSaveIsRetriedUnlessANewerOneArrivedMeanwhile() {
        var queue = SaveQueue()
        queue.add(.note(id: Self.note, lines: ["old"]), at: Self.at(0))
        queue.add(.note(id: Self.other, lines: ["kept"]), at: Self.at(0))
        let failed = queue.take()
        queue.add(.note(id: Self.note, lines: ["newer"]), at: Self.at(0.7))
        queue.retry(failed, at: Self.at(0.8))
        #expect(queue.isDue(at: Self.at(1.2)))
        #expect(queue.take() == [.note(id: Self.other, lines: ["kept"]), .note(id: Self.note, lines: ["newer"])])
    }

    @Test func aRetryAloneIsDueAgainAfterTheDelay() {
        var queue = SaveQueue()
        queue.retry([.note(id: Self.note, lines: ["x"])], at: Self.at(5))
        #expect(!queue.isDue(at: Self.at(5.2)))
        #expect(queue.isDue(at: Self.at(5.5)))
        queue.retry([], at: Self.at(6))
        #expect(queue.count == 1)
    }
}
