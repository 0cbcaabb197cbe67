import Testing
import TwoHatsContent
import TwoHatsDefaultPack

@Suite("The default pack")
struct DefaultPackTests {
    @Test func hasFiveContrastsNumberedOneToFive() {
        let pack = PackLoader.defaultPack()
        #expect(pack.id == "default")
        #expect(pack.version >= 1)
        #expect(pack.contrasts.map(\.number) == [1, 2, 3, 4, 5])
        #expect(Set(pack.contrasts.map(\.id)).count == 5)
        #expect(pack.welcome.count == 2)
        #expect(!pack.themes.isEmpty)
    }

    @Test func everyCitedSourceExists() {
        let pack = PackLoader.defaultPack()
        let ids = Set(pack.sources.map(\.id))
        #expect(ids.count == pack.sources.count, "source ids are unique")
        for contrast in pack.contrasts {
            #expect(!contrast.sources.isEmpty, "\(contrast.id) cites a source")
            for id in contrast.sources {
                #expect(ids.contains(id), "\(contrast.id) cites '\(id)'")
            }
            #expect(pack.sources(of: contrast).map(\.id) == contrast.sources)
        }
    }

    @Test func everyContrastHasItsPointsAndPrompts() {
        for contrast in PackLoader.defaultPack().contrasts {
            #expect((3...5).contains(contrast.leader.points.count), "\(contrast.id) leader points")
            #expect((3...5).contains(contrast.manager.points.count), "\(contrast.id) manager points")
            #expect(contrast.prompts.count >= 3, "\(contrast.id) prompts")
        }
    }

    /// The values built into the binary are what the loader makes of the YAML beside them.
    @Test func builtInValuesAreTheLoadedFiles() throws {
        #expect(try PackLoader.load(files: PackLoader.defaultFiles) == PackLoader.defaultPack())
    }

    @Test func embedsEveryYAMLFileOfTheContentFolder() {
        #expect(PackLoader.defaultFiles.map(\.path) == [
            "contrasts/01-vision-goals.yaml", "contrasts/02-sell-tell.yaml",
            "contrasts/03-relationships-systems.yaml", "contrasts/04-learning-skills.yaml",
            "contrasts/05-innovation-status-quo.yaml", "pack.yaml",
        ])
    }

    @Test func citationNamesTheAuthorOnlyWhenThereIsOne() {
        #expect(Source(id: "a", title: "T", author: "").citation == "T")
        #expect(Source(id: "a", title: "T", author: "Ann").citation == "T (Ann)")
    }

    @Test func contrastsAreOrderedByNumberWhateverTheFileOrder() throws {
        let reversed = try PackLoader.load(files: PackLoader.defaultFiles.reversed())
        #expect(reversed.contrasts.map(\.number) == [1, 2, 3, 4, 5])
        #expect(reversed == PackLoader.defaultPack())
    }
}
