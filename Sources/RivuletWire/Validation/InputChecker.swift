import RivuletCore

/// Checks a request body against its shape in the service's order: the body must be an object, then every member
/// must have its type (SerializationException at the first that does not), then the constraints
/// (ValidationException listing what is wrong). Members the shape does not know are ignored, as the service does.
enum InputChecker {
    static func check(_ value: WireValue, against rules: ShapeRules) throws(KinesisError) -> WireMembers {
        guard case .object(let object) = value else {
            // The service answers a body that is JSON but not an object like one that is not JSON at all.
            throw KinesisError(.serializationException, "")
        }
        let normalized = try TypeChecker.normalize(object, rules)
        var constraints = ConstraintChecker()
        constraints.check(normalized, rules)
        if let error = constraints.error { throw error }
        return WireMembers(normalized)
    }
}
