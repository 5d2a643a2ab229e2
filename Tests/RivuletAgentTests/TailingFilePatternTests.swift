import Testing

@testable import RivuletAgent

@Suite struct TailingFilePatternTests {
    @Test(arguments: [
        ("", FilePatternError.empty),
        ("var/log/*.log", .relativePath("var/log/*.log")),
        ("/var/log/", .endsWithSlash("/var/log/")),
        ("/var/[ab/x.log", .unterminatedBracket(pattern: "/var/[ab/x.log", component: "[ab")),
        ("/var/log/a\\", .trailingEscape(pattern: "/var/log/a\\")),
    ])
    func refusesPatternsItCannotUse(pattern: String, expected: FilePatternError) {
        #expect(throws: expected) { try FilePattern(pattern) }
    }

    @Test func explainsAnUnterminatedBracket() {
        let error = FilePatternError.unterminatedBracket(pattern: "/var/[ab/x.log", component: "[ab")
        #expect(error.description.contains("no closing \"]\""))
        #expect(FilePatternError.relativePath("x").description.contains("absolute"))
    }

    @Test func matchesWildcardsWithinOneComponent() throws {
        let pattern = try FilePattern("/var/log/app-?.[0-9a-c][!x]*.log")
        #expect(pattern.matches("/var/log/app-1.7y.log"))
        #expect(pattern.matches("/var/log/app-z.byrest.log"))
        #expect(!pattern.matches("/var/log/app-1.7x.log"))
        #expect(!pattern.matches("/var/log/app-12.7y.log"))
        #expect(!pattern.matches("/var/log/app-1.dy.log"))
        #expect(!pattern.matches("/var/log/sub/app-1.7y.log"))
        #expect(!pattern.matches("var/log/app-1.7y.log"))
    }

    @Test func starMatchesHiddenNamesAndEmptyRuns() throws {
        let pattern = try FilePattern("/logs/*")
        #expect(pattern.matches("/logs/.hidden"))
        #expect(try FilePattern("/logs/a*b").matches("/logs/ab"))
        #expect(try FilePattern("/logs/a*b*c").matches("/logs/aXbYbZc"))
        #expect(!(try FilePattern("/logs/a*b*c").matches("/logs/aXbYbZ")))
    }

    @Test func matchesGlobsInDirectoryComponents() throws {
        let pattern = try FilePattern("/srv/*/logs-[0-9]/app.log")
        #expect(pattern.matches("/srv/web/logs-3/app.log"))
        #expect(!pattern.matches("/srv/web/logs-x/app.log"))
        #expect(!pattern.matches("/srv/app.log"))
    }

    @Test func doubleStarMatchesZeroOrMoreDirectories() throws {
        let pattern = try FilePattern("/data/**/app.log")
        #expect(pattern.matches("/data/app.log"))
        #expect(pattern.matches("/data/a/app.log"))
        #expect(pattern.matches("/data/a/b/c/app.log"))
        #expect(!pattern.matches("/other/a/app.log"))
        let trailing = try FilePattern("/data/**")
        #expect(trailing.matches("/data/x"))
        #expect(trailing.matches("/data/a/b/x"))
        #expect(!trailing.matches("/data"))
    }

    @Test func doubleStarIsBoundedInDepth() throws {
        let pattern = try FilePattern("/data/**/app.log", recursionDepthMax: 2)
        #expect(pattern.matches("/data/a/b/app.log"))
        #expect(!pattern.matches("/data/a/b/c/app.log"))
    }

    @Test func leavesOutCompressedRotationsUnlessAsked() throws {
        let pattern = try FilePattern("/var/log/app.log*")
        #expect(pattern.matches("/var/log/app.log.1"))
        for suffix in FilePattern.compressedNameSuffixes {
            #expect(!pattern.matches("/var/log/app.log.2" + suffix))
        }
        #expect(try FilePattern("/var/log/app.log*", includeCompressed: true).matches("/var/log/app.log.2.gz"))
    }

    @Test func escapedCharactersAreLiteral() throws {
        let pattern = try FilePattern("/logs/a\\*b")
        #expect(pattern.matches("/logs/a*b"))
        #expect(!pattern.matches("/logs/aXb"))
    }
}

@Suite struct TailingFilePatternEnumerationTests {
    @Test func findsRegularFilesSortedWithoutCompressedOnes() throws {
        let scratch = try TailingScratchDirectory()
        defer { scratch.remove() }
        try scratch.write("app.log", "a")
        try scratch.write("app.log.1", "b")
        try scratch.write("app.log.2.gz", "c")
        try scratch.write("other.txt", "d")
        try scratch.makeDirectory("app.log.d")
        let pattern = try FilePattern(scratch.path + "/app.log*")
        #expect(pattern.enumerateMatches(limit: 100) == [scratch.file("app.log"), scratch.file("app.log.1")])
        let withCompressed = try FilePattern(scratch.path + "/app.log*", includeCompressed: true)
        #expect(withCompressed.enumerateMatches(limit: 100).count == 3)
    }

    @Test func walksGlobbedDirectories() throws {
        let scratch = try TailingScratchDirectory()
        defer { scratch.remove() }
        try scratch.write("web1/logs/app.log", "a")
        try scratch.write("web2/logs/app.log", "b")
        try scratch.write("db/logs/app.log", "c")
        try scratch.write("web3/app.log", "d")
        let pattern = try FilePattern(scratch.path + "/web*/logs/*.log")
        #expect(pattern.enumerateMatches(limit: 100) == [scratch.file("web1/logs/app.log"), scratch.file("web2/logs/app.log")])
    }

    @Test func doubleStarFindsFilesAtEveryDepth() throws {
        let scratch = try TailingScratchDirectory()
        defer { scratch.remove() }
        try scratch.write("x.log", "0")
        try scratch.write("a/x.log", "1")
        try scratch.write("a/b/x.log", "2")
        try scratch.write("a/b/y.log", "3")
        let pattern = try FilePattern(scratch.path + "/**/x.log")
        #expect(pattern.enumerateMatches(limit: 100) == [scratch.file("a/b/x.log"), scratch.file("a/x.log"), scratch.file("x.log")])
        let everything = try FilePattern(scratch.path + "/**")
        #expect(everything.enumerateMatches(limit: 100).count == 4)
        let shallow = try FilePattern(scratch.path + "/**/x.log", recursionDepthMax: 1)
        #expect(shallow.enumerateMatches(limit: 100) == [scratch.file("a/x.log"), scratch.file("x.log")])
    }

    @Test func doesNotLoopThroughSymbolicLinksToDirectories() throws {
        let scratch = try TailingScratchDirectory()
        defer { scratch.remove() }
        try scratch.write("a/x.log", "1")
        try scratch.link("a/back", to: scratch.path)
        try scratch.link("a/self", to: scratch.file("a"))
        let found = try FilePattern(scratch.path + "/**/x.log").enumerateMatches(limit: 100)
        #expect(found.count == 1)
        #expect(found.first?.hasSuffix("/x.log") == true)
    }

    @Test func followsSymbolicLinksToFilesButNotBrokenOnes() throws {
        let scratch = try TailingScratchDirectory()
        defer { scratch.remove() }
        let target = try scratch.write("real/data.txt", "1")
        try scratch.makeDirectory("logs")
        try scratch.link("logs/current.log", to: target)
        try scratch.link("logs/broken.log", to: scratch.file("missing"))
        let found = try FilePattern(scratch.path + "/logs/*.log").enumerateMatches(limit: 100)
        #expect(found == [scratch.file("logs/current.log")])
    }

    @Test func stopsAtTheLimitAndToleratesMissingDirectories() throws {
        let scratch = try TailingScratchDirectory()
        defer { scratch.remove() }
        for index in 0..<10 { try scratch.write("f\(index).log", "x") }
        #expect(try FilePattern(scratch.path + "/*.log").enumerateMatches(limit: 3).count == 3)
        #expect(try FilePattern(scratch.path + "/missing/*/x.log").enumerateMatches(limit: 3).isEmpty)
        #expect(try FilePattern(scratch.path + "/f1.log").enumerateMatches(limit: 3) == [scratch.file("f1.log")])
    }
}
