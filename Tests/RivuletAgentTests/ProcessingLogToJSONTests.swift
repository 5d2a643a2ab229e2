import Foundation
import RivuletCore
import Testing

@testable import RivuletAgent

@Suite struct ProcessingLogToJSONTests {
    typealias Support = ProcessingTestSupport

    static func logChain(_ format: String, _ extra: (String, JSONValue)...) -> DataProcessingChain {
        let members = [("optionName", JSONValue.string("LOGTOJSON")), ("logFormat", .string(format))] + extra
        return Support.chain(.object(members.map { JSONMember(key: $0.0, value: $0.1) }))
    }

    static let commonLine =
        #"123.45.67.89 - - [27/Oct/2000:09:27:09 -0400] "GET /java/javaResources.html HTTP/1.0" 200 10450"#
    static let commonJSON =
        #"{"host":"123.45.67.89","ident":null,"authuser":null,"datetime":"27/Oct/2000:09:27:09 -0400","#
        + #""request":"GET /java/javaResources.html HTTP/1.0","response":"200","bytes":"10450"}"# + "\n"

    @Test func commonApacheLogFromTheDocumentation() {
        let line = #"64.242.88.10 - - [07/Mar/2004:16:10:02 -0800] "GET /mailman/listinfo/hsdivision HTTP/1.1" 200 6291"#
        #expect(
            Support.output(Self.logChain("COMMONAPACHELOG"), line + "\n")
                == #"{"host":"64.242.88.10","ident":null,"authuser":null,"datetime":"07/Mar/2004:16:10:02 -0800","#
                + #""request":"GET /mailman/listinfo/hsdivision HTTP/1.1","response":"200","bytes":"6291"}"# + "\n")
    }

    @Test func commonApacheLogAsInTheOriginalsTests() {
        let chain = Self.logChain("COMMONAPACHELOG")
        #expect(Support.output(chain, Self.commonLine) == Self.commonJSON)
        let withMore = Self.commonLine + #" "-" "Mozilla/4.6 [en] (X11; U; OpenBSD 2.8 i386; Nav)""#
        #expect(Support.output(chain, withMore) == Self.commonJSON)
        let hostname = Self.commonLine.replacingOccurrences(of: "123.45.67.89", with: "lj1036.inktomisearch.com")
        #expect(
            Support.output(chain, hostname)
                == Self.commonJSON.replacingOccurrences(of: "123.45.67.89", with: "lj1036.inktomisearch.com"))
    }

    @Test func lineThatDoesNotMatchIsDropped() {
        let chain = Self.logChain("COMMONAPACHELOG")
        let truncated =
            #"123.45.67.89 - - [27/Oct/2000:09:27:09 -0400] "GET /java/javaResources.html HTTP/1.0" 200"#
        #expect(chain.process(Array(truncated.utf8)) == .skip)
        #expect(chain.process(Array("not a log line\n".utf8)) == .skip)
    }

    @Test func combinedApacheLogAsInTheOriginalsTest() {
        let line =
            #"123.45.67.89 - - [27/Oct/2000:09:27:09 -0400] "GET /java/javaResources.html HTTP/1.0" 200 10450 "-" "#
            + #""Mozilla/4.6 [en] (X11; U; OpenBSD 2.8 i386; Nav)" "ANY_RANDOM_DATA""#
        #expect(
            Support.output(Self.logChain("COMBINEDAPACHELOG"), line)
                == #"{"host":"123.45.67.89","ident":null,"authuser":null,"datetime":"27/Oct/2000:09:27:09 -0400","#
                + #""request":"GET /java/javaResources.html HTTP/1.0","response":"200","bytes":"10450","#
                + #""referer":null,"agent":"Mozilla/4.6 [en] (X11; U; OpenBSD 2.8 i386; Nav)"}"# + "\n")
    }

    @Test func apacheErrorLogAsInTheOriginalsTests() {
        let chain = Self.logChain("APACHEERRORLOG")
        #expect(
            Support.output(
                chain,
                "[Fri Sep 09 10:42:29.902022 2011] [core:error] [pid 35708:tid 4328636416] [client 72.15.99.187] "
                    + "File does not exist: /usr/local/apache2/htdocs/favicon.ico")
                == #"{"timestamp":"Fri Sep 09 10:42:29.902022 2011","module":"core","severity":"error","#
                + #""processid":"35708","threadid":"4328636416","client":"72.15.99.187","#
                + #""message":"File does not exist: /usr/local/apache2/htdocs/favicon.ico"}"# + "\n")
        #expect(
            Support.output(
                chain,
                "[Fri Sep 09 10:42:29 2011] [core:error] [pid 35708] [client 72.15.99.187] "
                    + "File does not exist: /usr/local/apache2/htdocs/favicon.ico")
                == #"{"timestamp":"Fri Sep 09 10:42:29 2011","module":"core","severity":"error","#
                + #""processid":"35708","threadid":null,"client":"72.15.99.187","#
                + #""message":"File does not exist: /usr/local/apache2/htdocs/favicon.ico"}"# + "\n")
        #expect(
            Support.output(
                chain,
                "[Fri Sep 09 10:42:29.902022 2011] [error] [pid 35708:tid 4328636416] [client 72.15.99.187:12345] "
                    + "File does not exist: /usr/local/apache2/htdocs/favicon.ico\n")
                == #"{"timestamp":"Fri Sep 09 10:42:29.902022 2011","module":null,"severity":"error","#
                + #""processid":"35708","threadid":"4328636416","client":"72.15.99.187:12345","#
                + #""message":"File does not exist: /usr/local/apache2/htdocs/favicon.ico"}"# + "\n")
    }

    @Test func syslogAsInTheOriginalsTests() {
        let chain = Self.logChain("SYSLOG")
        #expect(
            Support.output(chain, "Mar 12 12:00:08 server2 rcd[308]: Loaded 12 packages in 'ximian-red-carpet|351' (0.01878 seconds) ")
                == #"{"timestamp":"Mar 12 12:00:08","hostname":"server2","program":"rcd","processid":"308","#
                + #""message":"Loaded 12 packages in 'ximian-red-carpet|351' (0.01878 seconds) "}"# + "\n")
        #expect(
            Support.output(chain, "Mar 12 12:01:02 server4 snort: Ports to decode telnet on: 21 23 25 119\n")
                == #"{"timestamp":"Mar 12 12:01:02","hostname":"server4","program":"snort","processid":null,"#
                + #""message":"Ports to decode telnet on: 21 23 25 119"}"# + "\n")
    }

    @Test func syslogKeepsADashAndAcceptsAFacility() {
        let chain = Self.logChain("SYSLOG")
        #expect(
            Support.output(chain, "Jan  1 00:00:00 <3.4> host cron[12]: -\n")
                == #"{"timestamp":"Jan  1 00:00:00","hostname":"host","program":"cron","processid":"12","message":"-"}"#
                + "\n")
    }

    @Test func rfc3339Syslog() {
        let chain = Self.logChain("RFC3339SYSLOG")
        #expect(
            Support.output(chain, "2017-09-30T14:03:22.123+02:00 ip-10-0-0-1 systemd[1]: Started Session 5 of user \"ec2\".\n")
                == #"{"timestamp":"2017-09-30T14:03:22.123+02:00","hostname":"ip-10-0-0-1","program":"systemd","#
                + #""processid":"1","message":"Started Session 5 of user \"ec2\"."}"# + "\n")
        #expect(chain.process(Array("Mar 12 12:01:02 server4 snort: x\n".utf8)) == .skip)
    }

    @Test func customFieldNamesFromTheDocumentation() {
        let chain = Self.logChain(
            "COMMONAPACHELOG", ("customFieldNames", Support.strings("f1", "f2", "f3", "f4", "f5", "f6", "f7")))
        let line = #"64.242.88.10 - - [07/Mar/2004:16:10:02 -0800] "GET /mailman/listinfo/hsdivision HTTP/1.1" 200 6291"#
        #expect(
            Support.output(chain, line + "\n")
                == #"{"f1":"64.242.88.10","f2":null,"f3":null,"f4":"07/Mar/2004:16:10:02 -0800","#
                + #""f5":"GET /mailman/listinfo/hsdivision HTTP/1.1","f6":"200","f7":"6291"}"# + "\n")
    }

    @Test func matchPatternFromTheDocumentation() {
        let chain = Self.logChain(
            "COMMONAPACHELOG",
            ("matchPattern", .string(#"^([\d.]+) (\S+) (\S+) \[([\w:/]+\s[+\-]\d{4})\] "(.+?)" (\d{3})"#)),
            ("customFieldNames", Support.strings("host", "ident", "authuser", "datetime", "request", "response")))
        #expect(
            Support.output(chain, #"123.45.67.89 - - [27/Oct/2000:09:27:09 -0400] "GET /java/javaResources.html HTTP/1.0" 200"# + "\n")
                == #"{"host":"123.45.67.89","ident":null,"authuser":null,"datetime":"27/Oct/2000:09:27:09 -0400","#
                + #""request":"GET /java/javaResources.html HTTP/1.0","response":"200"}"# + "\n")
        // The whole line must match, as with Java's Matcher.matches().
        #expect(chain.process(Array((Self.commonLine + "\n").utf8)) == .skip)
    }

    @Test func matchPatternWithSyslogFormatKeepsDashes() {
        let chain = Self.logChain(
            "SYSLOG", ("matchPattern", .string("(\\S+) (\\S+)")), ("customFieldNames", Support.strings("a", "b")))
        #expect(Support.output(chain, "- x\n") == #"{"a":"-","b":"x"}"# + "\n")
    }

    @Test func carriageReturnMakesTheLineNotMatchAsInJava() {
        // Java's "." does not match "\r", so the original drops CRLF lines for every built-in format.
        #expect(Self.logChain("SYSLOG").process(Array("Mar 12 12:01:02 server4 snort: hello\r\n".utf8)) == .skip)
    }

    @Test func prettyPrint() {
        let chain = Self.logChain(
            "SYSLOG", ("jsonFormat", .string("PRETTYPRINT")))
        #expect(
            Support.output(chain, "Mar 12 12:01:02 server4 snort: hi\n")
                == "{\n  \"timestamp\" : \"Mar 12 12:01:02\",\n  \"hostname\" : \"server4\",\n  \"program\" : \"snort\",\n"
                + "  \"processid\" : null,\n  \"message\" : \"hi\"\n}\n")
    }

    @Test func unicodeAndControlCharactersInAMessage() {
        let chain = Self.logChain("SYSLOG")
        #expect(
            Support.output(chain, "Mar 12 12:01:02 server4 app: é\u{01}\t\\\n")
                == #"{"timestamp":"Mar 12 12:01:02","hostname":"server4","program":"app","processid":null,"#
                + #""message":"é\u0001\t\\"}"# + "\n")
    }

    @Test func formFeedInAMessageMatchesAsJavasDotDoes() {
        #expect(
            Support.output(Self.logChain("SYSLOG"), "Mar 12 12:01:02 server4 app: a\u{0C}b\u{0B}\n")
                == #"{"timestamp":"Mar 12 12:01:02","hostname":"server4","program":"app","processid":null,"#
                + #""message":"a\fb\u000B"}"# + "\n")
    }
}
