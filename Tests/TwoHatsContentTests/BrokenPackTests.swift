import Testing
import TwoHatsContent
import TwoHatsDefaultPack

/// Each test breaks the default pack in one place and checks that the loader names the
/// problem, the file, the field and the line.
@Suite("Loading a broken pack")
struct BrokenPackTests {
    typealias F = PackFixtures

    // MARK: Missing and mistyped fields

    @Test func missingTopLevelField() {
        let files = F.files(changing: F.visionGoals) { F.removingField("summary", from: $0) }
        let issues = F.issues(loading: files, in: F.visionGoals)
        #expect(issues.located == [Located(.missingField, F.visionGoals, field: "summary", line: 1)])
        #expect(issues.first?.message == "is required but missing")
    }

    @Test func missingNestedFieldPointsAtItsParent() {
        let files = F.files(in: F.visionGoals, replacing: "  headline: Sets the why and the what\n", with: "")
        let parentLine = F.line(startingWith: "  name: Vision", in: F.visionGoals)
        #expect(F.issues(loading: files, in: F.visionGoals).located == [
            Located(.missingField, F.visionGoals, field: "leader.headline", line: parentLine),
        ])
    }

    @Test func missingFieldInPackFile() {
        let files = F.files(changing: F.packFile) { F.removingField("sources", from: $0) }
        #expect(F.issues(loading: files).located == [Located(.missingField, F.packFile, field: "sources", line: 1)])
    }

    @Test func misspeltFieldIsNamedAsWellAsTheMissingOne() {
        let files = F.files(in: F.visionGoals, replacing: "move: >-\n", with: "mvoe: >-\n")
        let issues = F.issues(loading: files, in: F.visionGoals)
        #expect(issues.located == [
            Located(.unknownField, F.visionGoals, field: "mvoe", line: F.line(startingWith: "move:", in: F.visionGoals)),
            Located(.missingField, F.visionGoals, field: "move", line: 1),
        ])
        #expect(issues.first?.message.hasPrefix("is not one of the fields here: id, number,") == true)
    }

    @Test func strayFieldInAPoleAndInASource() {
        var files = F.files(in: F.sellTell, replacing: "  name: Tells\n", with: "  name: Tells\n  colour: red\n")
        files = files.map { file in
            file.path == F.packFile ? (file.path, file.text.replacingOccurrences(of: "  - id: focus\n", with: "  - id: focus\n    url: x\n")) : file
        }
        let tells = F.line(startingWith: "  name: Tells", in: F.sellTell).map { $0 + 1 }
        let focus = F.line(startingWith: "  - id: focus", in: F.packFile).map { $0 + 1 }
        #expect(F.issues(loading: files).located == [
            Located(.unknownField, F.sellTell, field: "manager.colour", line: tells),
            Located(.unknownField, F.packFile, field: "sources[0].url", line: focus),
        ])
    }

    @Test func numberThatIsNotANumber() {
        let files = F.files(in: F.sellTell, replacing: "number: 2\n", with: "number: five\n")
        let issues = F.issues(loading: files, in: F.sellTell)
        #expect(issues.located == [Located(.wrongType, F.sellTell, field: "number", line: 2)])
        #expect(issues.first?.message == "should be a whole number")
    }

    @Test func promptsThatAreTextInsteadOfAList() {
        let files = F.files(changing: F.visionGoals) { text in
            F.removingField("prompts", from: text).replacingOccurrences(of: "sources:", with: "prompts: \"x\"\nsources:")
        }
        let line = F.line(startingWith: "prompts:", in: F.visionGoals)
        let issues = F.issues(loading: files, in: F.visionGoals)
        #expect(issues.located == [Located(.wrongType, F.visionGoals, field: "prompts", line: line)])
        #expect(issues.first?.message == "should be a list")
    }

    @Test func pointThatIsAMappingInsteadOfText() {
        let files = F.files(
            in: F.visionGoals, replacing: "    - Thinks about long-term results and the customer\n",
            with: "    - {text: Thinks about long-term results}\n"
        )
        let line = F.line(startingWith: "    - Thinks about long-term", in: F.visionGoals)
        let issues = F.issues(loading: files, in: F.visionGoals)
        #expect(issues.located == [Located(.wrongType, F.visionGoals, field: "leader.points[2]", line: line)])
        #expect(issues.first?.message == "should be a single value")
    }

    @Test func poleThatIsTextInsteadOfAMapping() {
        let files = F.files(changing: F.visionGoals) { text in
            F.removingField("manager", from: text).replacingOccurrences(of: "move:", with: "manager: Goals\nmove:")
        }
        let line = F.line(startingWith: "manager:", in: F.visionGoals)
        let issues = F.issues(loading: files, in: F.visionGoals)
        #expect(issues.located == [Located(.wrongType, F.visionGoals, field: "manager", line: line)])
        #expect(issues.first?.message == "should be a mapping of fields")
    }

    // MARK: Identifiers

    @Test func duplicateContrastID() {
        let files = F.files(in: F.sellTell, replacing: "id: sell-tell\n", with: "id: vision-goals\n")
        let issues = F.issues(loading: files)
        #expect(issues.located == [Located(.duplicateID, F.sellTell, field: "id", line: 1)])
        #expect(issues.first?.message.contains(F.visionGoals) == true, "names the other file")
    }

    @Test func duplicateNumber() {
        let files = F.files(in: F.sellTell, replacing: "number: 2\n", with: "number: 1\n")
        let issues = F.issues(loading: files)
        #expect(issues.located == [Located(.duplicateID, F.sellTell, field: "number", line: 2)])
        #expect(issues.first?.message.contains(F.visionGoals) == true, "names the other file")
    }

    @Test func numberOutOfRange() {
        let files = F.files(in: F.innovation, replacing: "number: 5\n", with: "number: 6\n")
        #expect(F.issues(loading: files).located == [Located(.invalidValue, F.innovation, field: "number", line: 2)])
    }

    @Test("Identifiers with characters other than a-z, 0-9 and '-'", arguments: [
        "Vision-Goals", "vision_goals", "vision goals", "visión", "\"\"",
    ])
    func badIDCharacters(id: String) {
        let files = F.files(in: F.visionGoals, replacing: "id: vision-goals\n", with: "id: \(id)\n")
        #expect(F.issues(loading: files).located == [Located(.invalidValue, F.visionGoals, field: "id", line: 1)])
    }

    @Test func duplicateSourceIDInPackFile() {
        let files = F.files(changing: F.packFile) { $0 + "  - id: focus\n    title: Again\n    author: \"\"\n" }
        let line = F.text(of: F.packFile).split(separator: "\n").count + 1
        #expect(F.issues(loading: files).located == [
            Located(.duplicateID, F.packFile, field: "sources[5].id", line: line),
        ])
    }

    @Test func unknownSourceID() {
        let files = F.files(
            in: F.relationshipsSystems, replacing: "sources: [focus, key-differences,",
            with: "sources: [focus, no-such-article, key-differences,"
        )
        let line = F.line(startingWith: "sources:", in: F.relationshipsSystems)
        let issues = F.issues(loading: files)
        #expect(issues.located == [Located(.invalidValue, F.relationshipsSystems, field: "sources[1]", line: line)])
        #expect(issues.first?.message.contains("no-such-article") == true)
    }

    @Test func noSourceCited() {
        let files = F.files(changing: F.visionGoals) { F.removingField("sources", from: $0) + "sources: []\n" }
        let line = F.line(startingWith: "sources:", in: F.visionGoals)
        #expect(F.issues(loading: files).located == [Located(.invalidValue, F.visionGoals, field: "sources", line: line)])
    }

    // MARK: Counts

    @Test func tooFewPoints() {
        let files = F.files(
            in: F.visionGoals,
            replacing: "    - Sets clear, measurable goals for the team\n    - Plans the steps and keeps the work on track\n",
            with: ""
        )
        let line = F.line(startingWith: "    - Focuses on results", in: F.visionGoals)
        #expect(F.issues(loading: files).located == [
            Located(.invalidValue, F.visionGoals, field: "manager.points", line: line.map { $0 - 2 }),
        ])
    }

    @Test func tooManyPoints() {
        let files = F.files(
            in: F.visionGoals, replacing: "    - Gives people a direction they want to be part of\n",
            with: "    - Gives people a direction they want to be part of\n    - A sixth point\n    - A seventh point\n"
        )
        let line = F.line(startingWith: "    - Looks far ahead", in: F.visionGoals)
        #expect(F.issues(loading: files).located == [
            Located(.invalidValue, F.visionGoals, field: "leader.points", line: line),
        ])
    }

    @Test func tooFewPrompts() {
        let files = F.files(changing: F.visionGoals) { text in
            F.removingField("prompts", from: text)
                .replacingOccurrences(of: "sources:", with: "prompts:\n  - One?\n  - Two?\nsources:")
        }
        let line = F.line(startingWith: "prompts:", in: F.visionGoals)
        #expect(F.issues(loading: files).located == [
            Located(.invalidValue, F.visionGoals, field: "prompts", line: line.map { $0 + 1 }),
        ])
    }

    @Test func welcomeWithThreeLines() {
        let files = F.files(
            in: F.packFile, replacing: "welcome:\n", with: "welcome:\n  - \"A third line.\"\n"
        )
        #expect(F.issues(loading: files).located == [
            Located(.invalidValue, F.packFile, field: "welcome", line: F.line(startingWith: "welcome:", in: F.packFile).map { $0 + 1 }),
        ])
    }

    @Test func blankText() {
        let files = F.files(in: F.visionGoals, replacing: "title: \"Vision ↔ Goals\"\n", with: "title: \"  \"\n")
        let issues = F.issues(loading: files)
        #expect(issues.located == [Located(.invalidValue, F.visionGoals, field: "title", line: 3)])
        #expect(issues.first?.message == "is empty")
    }

    // MARK: Unsafe text

    @Test func escapeCharacterInAPoint() {
        // YAML's "\e" escape puts a raw ESC into the decoded text.
        let files = F.files(
            in: F.visionGoals, replacing: "    - Explains why the work matters, not only what is due\n",
            with: "    - \"Explains why \\e[31mthe work\\e[0m matters\"\n"
        )
        let line = F.line(startingWith: "    - Explains why", in: F.visionGoals)
        let issues = F.issues(loading: files)
        #expect(issues.located == [Located(.controlCharacter, F.visionGoals, field: "leader.points[1]", line: line)])
        #expect(issues.first?.message == "contains the control character U+1B")
    }

    @Test func bidiOverrideInATitle() {
        let files = F.files(
            in: F.visionGoals, replacing: "title: \"Vision ↔ Goals\"\n", with: "title: \"Vision \u{202E}slaoG\"\n"
        )
        let issues = F.issues(loading: files)
        #expect(issues.located == [Located(.controlCharacter, F.visionGoals, field: "title", line: 3)])
        #expect(issues.first?.message == "contains the control character U+202E")
    }

    @Test func bidiIsolateInPackFile() {
        let files = F.files(in: F.packFile, replacing: "title: TwoHats\n", with: "title: \"Two\u{2067}Hats\"\n")
        let line = F.line(startingWith: "title: TwoHats", in: F.packFile)
        #expect(F.issues(loading: files).located == [Located(.controlCharacter, F.packFile, field: "title", line: line)])
    }

    @Test func lineBreaksInAParagraphAreAllowed() throws {
        let files = F.files(
            in: F.visionGoals, replacing: "move: >-\n", with: "move: |-\n"
        )
        let pack = try PackLoader.load(files: files)
        #expect(pack.contrasts[0].move.contains("\n"))
    }

    @Test func rawControlCharacterIsNotYAML() {
        // A YAML stream may not hold a raw C0 control at all, so the reader rejects the file;
        // the line is counted from the reader's byte offset.
        let files = F.files(
            in: F.visionGoals, replacing: "    - Explains why the work matters", with: "    - Explains why \u{1B}[31mthe work matters"
        )
        let line = F.line(startingWith: "    - Explains why the work matters", in: F.visionGoals)
        let issues = F.issues(loading: files, in: F.visionGoals)
        #expect(issues.located == [Located(.notYAML, F.visionGoals, line: line)])
        #expect(issues.first?.message.hasPrefix("is not valid YAML: ") == true)
    }

    // MARK: Whole files

    @Test func emptyContrastFile() {
        let files = F.files(changing: F.relationshipsSystems) { _ in "" }
        #expect(F.issues(loading: files, in: F.relationshipsSystems).located == [Located(.empty, F.relationshipsSystems)])
    }

    @Test func packFileWithOnlyAComment() {
        let files = F.files(changing: F.packFile) { _ in "# nothing here yet\n" }
        let issues = F.issues(loading: files)
        #expect(issues.located == [Located(.empty, F.packFile)])
        #expect(issues.first?.message == "is empty")
    }

    @Test func duplicateKeyNamesTheKeyAndItsFirstLine() {
        let files = F.files(in: F.sellTell, replacing: "move: >-\n", with: "title: \"Again\"\nmove: >-\n")
        let issues = F.issues(loading: files, in: F.sellTell)
        #expect(issues.located == [Located(.notYAML, F.sellTell, line: F.line(startingWith: "title:", in: F.sellTell))])
        #expect(issues.first?.message.contains("'title'") == true)
    }

    @Test func unbalancedBrackets() {
        let files = F.files(
            in: F.visionGoals, replacing: "sources: [focus, key-differences,", with: "sources: [[focus, key-differences,"
        )
        let issues = F.issues(loading: files, in: F.visionGoals)
        #expect(issues.count == 1)
        #expect(issues.first?.kind == .notYAML)
        #expect(issues.first?.file == F.visionGoals)
        #expect(issues.first?.field == nil)
        // The scanner notices only at the end of the file, after the unclosed list.
        #expect(issues.first?.line == F.text(of: F.visionGoals).split(separator: "\n").count + 1)
        #expect(issues.first?.message.hasPrefix("is not valid YAML: ") == true)
    }

    @Test func badIndentation() {
        let files = F.files(
            in: F.visionGoals, replacing: "  headline: Sets the why and the what\n",
            with: " headline: Sets the why and the what\n"
        )
        let line = F.line(startingWith: "  headline: Sets the why", in: F.visionGoals)
        #expect(F.issues(loading: files, in: F.visionGoals).located == [Located(.notYAML, F.visionGoals, line: line)])
    }

    @Test func missingPackFile() {
        #expect(F.issues(loading: F.files(without: F.packFile)).located == [Located(.missingFile, F.packFile)])
    }

    @Test func noContrastFiles() {
        let files = PackLoader.defaultFiles.filter { $0.path == F.packFile }
        #expect(F.issues(loading: files).located == [Located(.missingFile, "contrasts/")])
    }

    @Test func everyProblemIsReportedNotOnlyTheFirst() {
        var files = F.files(in: F.sellTell, replacing: "number: 2\n", with: "number: five\n")
        files = files.map { file in
            file.path == F.packFile ? (file.path, file.text.replacingOccurrences(of: "version: 1\n", with: "version: 0\n")) : file
        }
        files.removeAll { $0.path == F.relationshipsSystems }
        files.append((F.relationshipsSystems, "id: [unclosed\n"))
        let issues = F.issues(loading: files)
        #expect(Set(issues.map(\.file)).isSuperset(of: [F.packFile, F.sellTell, F.relationshipsSystems]))
        #expect(issues.contains { $0.file == F.sellTell && $0.field == "number" && $0.kind == .wrongType })
        #expect(issues.contains { $0.file == F.relationshipsSystems && $0.kind == .notYAML })
        #expect(issues.contains { $0.file == F.packFile && $0.field == "version" && $0.kind == .invalidValue })
    }

    // MARK: Messages

    @Test func errorDescriptionNamesFileLineAndField() {
        let files = F.files(in: F.packFile, replacing: "version: 1\n", with: "version: one\n")
        let error = #expect(throws: ContentPackError.self) { try PackLoader.load(files: files) }
        #expect(error?.description == "pack.yaml:2: field 'version': should be a whole number")
    }

    @Test func errorDescriptionOfAContrastNamesItsPathInThePack() {
        let files = F.files(in: F.sellTell, replacing: "  name: Sells\n", with: "  name: [Sells]\n")
        let line = F.line(startingWith: "  name: Sells", in: F.sellTell)!
        let error = #expect(throws: ContentPackError.self) { try PackLoader.load(files: files) }
        let first = error?.description.split(separator: "\n").first.map(String.init)
        #expect(first == "contrasts/02-sell-tell.yaml:\(line): field 'leader.name': should be a single value")
    }

    /// The range check counts contrast files, so one broken file does not also flag the last
    /// contrast's number as out of range.
    @Test func oneBrokenContrastDoesNotMakeAnotherNumberInvalid() {
        let files = F.files(in: F.sellTell, replacing: "number: 2\n", with: "number: five\n")
        #expect(F.issues(loading: files).located == [Located(.wrongType, F.sellTell, field: "number", line: 2)])
    }

    @Test func errorDescriptionHasOneLinePerIssue() {
        let error = ContentPackError(issues: [
            ContentIssue(.missingFile, file: "pack.yaml", message: "is missing"),
            ContentIssue(.controlCharacter, file: "contrasts/x.yaml", field: "leader.points[1]", line: 14, message: "contains U+1B"),
        ])
        #expect(error.description == """
            pack.yaml: is missing
            contrasts/x.yaml:14: field 'leader.points[1]': contains U+1B
            """)
    }
}
