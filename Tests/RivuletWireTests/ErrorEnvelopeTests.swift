import RivuletCore
import Testing

@testable import RivuletWire

@Suite struct ErrorEnvelopeTests {
    @Test func encodesAsTheServiceDoes() {
        let notFound = KinesisError(.resourceNotFound, "Stream s under account 1 not found.")
        #expect(
            String(decoding: ErrorEnvelope.encodeJSON(notFound), as: UTF8.self)
                == #"{"__type":"ResourceNotFoundException","message":"Stream s under account 1 not found."}"#)
        let typeError = KinesisError(.serializationException, "Expected null")
        #expect(
            String(decoding: ErrorEnvelope.encodeJSON(typeError), as: UTF8.self)
                == #"{"__type":"SerializationException","Message":"Expected null"}"#)
        #expect(
            String(decoding: ErrorEnvelope.encodeJSON(KinesisError(.serializationException, "")), as: UTF8.self)
                == #"{"__type":"SerializationException"}"#)
    }

    @Test func decodesEveryCodeItEncodes() {
        for code in KinesisErrorCode.allCases {
            let error = KinesisError(code, "why \(code)")
            #expect(ErrorEnvelope.decodeJSON(ErrorEnvelope.encodeJSON(error), httpStatus: code.httpStatus) == error)
        }
    }

    @Test func acceptsTheVariantsAWSServicesSend() {
        let namespaced = #"{"__type":"com.amazonaws.kinesis#LimitExceededException","Message":"Rate exceeded"}"#
        #expect(
            ErrorEnvelope.decodeJSON(Array(namespaced.utf8), httpStatus: 400)
                == KinesisError(.limitExceeded, "Rate exceeded"))
        let suffixed = #"{"__type":"ResourceInUseException:http://internal.amazon.com/","message":"busy"}"#
        #expect(ErrorEnvelope.decodeJSON(Array(suffixed.utf8), httpStatus: 400) == KinesisError(.resourceInUse, "busy"))
        #expect(ErrorEnvelope.decodeJSON(Array("<html>".utf8), httpStatus: 502).code == .internalFailure)
        #expect(ErrorEnvelope.decodeJSON(Array(#"{"__type":"NewException"}"#.utf8), httpStatus: 400).code == .validation)
    }
}
