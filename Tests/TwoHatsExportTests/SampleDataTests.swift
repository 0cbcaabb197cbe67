import Foundation
import Testing
import TwoHatsContent
import TwoHatsCore
import TwoHatsExport

@Suite("Seeded sample data")
struct SampleDataTests {
    private let base = Fixture.at("2026-06-01T09:00:00Z")

    private func sample(_ seed: UInt64, reflections: Int = 50, notes: Int = 20) -> UserData {
        SampleData.generate(reflections: reflections, notes: notes, seed: seed, base: base, pack: Fixture.pack)
    }

    @Test("the same seed gives the same data, another seed other data")
    func deterministic() {
        #expect(sample(3) == sample(3))
        #expect(sample(3) != sample(4))
        #expect(Set(sample(3).reflections.map(\.id)).isDisjoint(with: sample(4).reflections.map(\.id)))
    }

    @Test("it makes what was asked for, newest first, before the base date, and valid as an export")
    func plausible() throws {
        let data = sample(11, reflections: 200, notes: 30)
        #expect(data.reflections.count == 200)
        #expect(data.notes.count == 30)
        #expect(data.reflections.map(\.updatedAt) == data.reflections.map(\.updatedAt).sorted(by: >))
        #expect(data.reflections.allSatisfy { $0.updatedAt < base && $0.createdAt <= $0.updatedAt })
        #expect(data.reflections.allSatisfy { $0.ratings.allSatisfy { Reflection.ratingRange.contains($0.value) } })
        let complete = data.reflections.filter { $0.completedAt != nil }
        #expect(complete.allSatisfy { $0.ratings.count == 5 && $0.commitment != nil })
        #expect(complete.count > 150 && complete.count < 200)
        let answers = Double(data.reflections.map(\.answers.count).reduce(0, +)) / 200
        #expect(answers > 10 && answers < 18)
        let archive = Archive(exportedAt: base, appVersion: "1", data: data)
        #expect(try ArchiveJSON.decode(Data(ArchiveJSON.encode(archive).utf8)) == archive)
    }
}
