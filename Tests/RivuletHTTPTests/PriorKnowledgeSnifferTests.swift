import NIOCore
import Testing

@testable import RivuletHTTP

@Suite struct PriorKnowledgeSnifferTests {
    @Test func theHTTP2PrefaceIsToldFromHTTP1() {
        func classify(_ text: String) -> Bool? {
            PriorKnowledgeSniffer.classify(ByteBuffer(string: text))
        }
        #expect(classify("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n") == true)
        #expect(classify("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n\u{0}\u{0}") == true)
        #expect(classify("PRI * HT") == nil)
        #expect(classify("POST / HTTP/1.1\r\n") == false)
        #expect(classify("P") == nil)
        #expect(classify("PRX") == false)
    }
}
