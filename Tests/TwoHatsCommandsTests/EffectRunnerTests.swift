import Foundation
import Testing
import TwoHatsContent
import TwoHatsDefaultPack
import TwoHatsCore
import TwoHatsStore
@testable import TwoHatsCommands

/// The effect runner when another program held the database's lock as the app started.
struct EffectRunnerTests {
    @Test func aStoreLockedAtStartIsOpenedAgainWhenNextNeeded() throws {
        try withFolder { folder in
            var opens = 0
            let locked = StoreError.busy(path: folder.appending(path: Store.fileName).path)
            let runner = EffectRunner(
                store: {
                    opens += 1
                    return opens == 1 ? .failure(locked) : Result { () throws(StoreError) in try Store.open(folder: folder) }
                },
                pack: PackLoader.defaultPack(), session: nil, editor: ExternalEditor(folder: folder, environment: [:])
            )
            #expect(runner.start() == [.timeZoneFound(.current), .storeFailed(locked.description)])
            _ = runner.idle()
            #expect(opens == 1, "waiting for input does not try the lock again")

            // The next step the user takes opens it, clears the message and loads what start would have.
            let events = runner.perform(.loadStats)
            #expect(opens == 2)
            #expect(events == [.storeRecovered, .resumableLoaded(nil), .statsLoaded([:]), .statsLoaded([:])])
            #expect(runner.perform(.loadStats) == [.statsLoaded([:])])
            #expect(opens == 2, "an open store is kept")
        }
    }

    @Test func aStoreThatIsNotOursIsNotOpenedAgain() throws {
        try withFolder { folder in
            var opens = 0
            let refused = StoreError.foreign(path: folder.path)
            let runner = EffectRunner(
                store: {
                    opens += 1
                    return .failure(refused)
                },
                pack: PackLoader.defaultPack(), session: nil, editor: ExternalEditor(folder: folder, environment: [:])
            )
            #expect(runner.start() == [.timeZoneFound(.current), .storeFailed(refused.description)])
            #expect(runner.perform(.startReflection) == [.storeFailed(refused.description)])
            #expect(opens == 1)
        }
    }
}
